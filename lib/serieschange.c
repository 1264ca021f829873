/*
 * serieschange: a series' dates after it was made: decided at once,
 * changed or cancelled for one date, the following ones or all of them,
 * and released after no-shows in a row.  Each is one transaction under
 * the locks of the rooms its dates are in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bookingseries.h"
#include "clock.h"
#include "db.h"
#include "outbox.h"
#include "user.h"
#include "words.h"

/*
 * The rooms a series' live dates are in, and the room a change moves
 * them to, locked in id order.
 */
static const char SQL_LOCK_SERIES_ROOMS[] =
    "SELECT id FROM rooms WHERE id = ? OR id IN (SELECT room_id"
    " FROM bookings WHERE series_id = ? AND status IN " HOLDS_SLOT ")"
    " ORDER BY id FOR UPDATE";
/* A booking's place in its series. */
static const char SQL_OF_SERIES[] =
    "SELECT series_id, original_date, starts_at, ends_at, room_id"
    " FROM bookings WHERE id = ?";
/* The dates a scope takes, from a date on, locked after their rooms. */
static const char SQL_SCOPE[] =
    "SELECT b.id, b.room_id, r.name AS room, b.original_date, b.version,"
    " b.series_detached, b.starts_at, b.ends_at, b.title, b.user_id"
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " WHERE b.series_id = ? AND b.status IN ('pending','confirmed')"
    " AND b.ends_at > ? AND b.original_date >= ?"
    " ORDER BY b.original_date, b.id FOR UPDATE";
static const char SQL_SERIES_ROW[] =
    "SELECT rrule, user_id, first_date, time_zone FROM booking_series"
    " WHERE id = ? FOR UPDATE";
static const char SQL_SERIES_UPDATE[] =
    "UPDATE booking_series SET start_minute = ?, end_minute = ?,"
    " room_id = ?, title = ?, attendees = ?, rrule = ?, version = version + 1,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";
static const char SQL_SERIES_SPLIT[] =
    "INSERT INTO booking_series (rrule, first_date, start_minute, end_minute,"
    " time_zone, room_id, user_id, title, attendees)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_SERIES_MOVE[] =
    "UPDATE bookings SET series_id = ? WHERE series_id = ?"
    " AND original_date >= ?";
static const char SQL_SERIES_LAST[] =
    "SELECT MAX(original_date) AS last FROM bookings WHERE series_id = ?";
static const char SQL_SERIES_CUT[] =
    "UPDATE booking_series SET rrule = ?, version = version + 1,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";
/* Its dates waiting for a decision that have not started. */
static const char SQL_WAITING[] =
    "SELECT b.id, b.starts_at, b.ends_at, b.title, b.user_id,"
    " r.name AS room FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " WHERE b.series_id = ? AND b.status = 'pending' AND b.starts_at > ?"
    " ORDER BY b.starts_at, b.id";

/* A series' notice about what rows say (its first date), told once. */
static int
tell_series_once(struct db *db, long long to, const struct db_rows *rows,
    size_t first, const char *kind, const struct user *actor,
    const char *reason, long long dates)
{
	struct notice_facts n = { .title = db_text(rows, first, "title"),
	    .room = db_text(rows, first, "room"), .actor = actor->name,
	    .reason = reason, .dates = (int)dates };

	if (parse_sql_time(db_get(rows, first, "starts_at"), &n.start) == -1 ||
	    parse_sql_time(db_get(rows, first, "ends_at"), &n.end) == -1)
		return -1;
	return booking_notify(db, to, db_get_int(rows, first, "id"), kind, &n,
	    actor->id);
}

/*
 * Applies action to each booking of rows (their "id"), telling nobody:
 * the caller tells the people once.  *done counts them.
 */
static enum booking_result
apply_each(struct db *db, const struct db_rows *rows,
    enum booking_action action, const struct user *actor, const char *reason,
    long long *done, struct booking_outcome *o)
{
	enum booking_result rc = BK_OK;

	*done = 0;
	for (size_t i = 0; i < rows->nrows && rc == BK_OK; i++)
		if ((rc = booking_apply_untold(db, db_get_int(rows, i, "id"),
		    action, actor, reason, o)) == BK_OK)
			(*done)++;
	return rc;
}

/* What one attempt at deciding a series works on. */
struct decide_attempt {
	long long		 id;
	enum booking_action	 action;
	const struct user	*actor;
	const char		*reason;
	long long		*done;
	struct booking_outcome	*o;
};

/* Tells the owner once what was decided of how many dates from which. */
static int
tell_decision(struct db *db, const struct decide_attempt *a,
    const struct db_rows *rows)
{
	if (db_get_int(rows, 0, "user_id") != a->actor->id &&
	    tell_series_once(db, db_get_int(rows, 0, "user_id"), rows, 0,
	    a->action == ACT_CONFIRM ? "series_confirmed" : "series_denied",
	    a->actor, a->reason, *a->done) == -1)
		return -1;
	if (outbox_series(db, a->action == ACT_CONFIRM ? MAIL_CONFIRMED :
	    MAIL_DENIED, a->id, NULL) == -1)
		return -1;
	/* The people it names learn that it will not take place. */
	return a->action == ACT_DENY ? tell_series_once(db, NOTIFY_NAMED, rows,
	    0, "series_called_off", a->actor, NULL, *a->done) : 0;
}

static enum booking_result
attempt_decide(struct db *db, void *arg)
{
	struct decide_attempt	*a = arg;
	struct db_rows		*rows;
	char			 now[SQL_TIME_LEN];
	enum booking_result	 rc = BK_OK;

	*a->done = 0;
	memset(a->o, 0, sizeof *a->o);
	if (sql_time_utc(clock_now(), now) == -1 || db_begin(db) == -1)
		return BK_DB_ERROR;
	/* Rooms first, then bookings: the lock order of every writer. */
	if ((rows = db_query(db, SQL_LOCK_SERIES_ROOMS,
	    DB_ARGS(DB_INT(0), DB_INT(a->id)))) == NULL)
		return booking_finish(db, BK_DB_ERROR);
	db_rows_free(rows);
	if ((rows = db_query(db, SQL_WAITING, DB_ARGS(DB_INT(a->id),
	    DB_STR(now)))) == NULL)
		return booking_finish(db, BK_DB_ERROR);
	rc = rows->nrows == 0 ? BK_NOT_FOUND : apply_each(db, rows, a->action,
	    a->actor, a->reason, a->done, a->o);
	if (rc == BK_OK && tell_decision(db, a, rows) == -1)
		rc = BK_DB_ERROR;
	db_rows_free(rows);
	return booking_finish(db, rc);
}

enum booking_result
booking_series_decide(struct db *db, long long id, enum booking_action action,
    const struct user *actor, const char *reason, long long *done,
    struct booking_outcome *o)
{
	struct decide_attempt a = { id, action, actor, reason, done, o };

	*done = 0;
	if (action == ACT_DENY && (reason == NULL || *reason == '\0')) {
		memset(o, 0, sizeof *o);
		return BK_REASON_REQUIRED;
	}
	return booking_retried(db, attempt_decide, &a);
}

/* No-shows in a row that release the rest of a series. */
static int no_shows_allowed = 3;

void
booking_series_configure(const struct rules *k)
{
	no_shows_allowed = k->series_no_shows;
}

/* Whether the last no_shows_allowed uses of series were all no-shows. */
static const char SQL_LAST_USES[] =
    "SELECT status FROM bookings WHERE series_id = ?"
    " AND status IN ('released','completed','in_use') AND starts_at <= ?"
    " ORDER BY starts_at DESC, id DESC LIMIT ?";
/* The dates still to come, locked after their rooms. */
static const char SQL_TO_COME[] =
    "SELECT b.id FROM bookings b WHERE b.series_id = ?"
    " AND b.status IN ('pending','confirmed') AND b.starts_at > ?"
    " ORDER BY b.starts_at, b.id FOR UPDATE";
static const char SQL_RELEASED_FACTS[] =
    "SELECT b.series_id, b.user_id, b.title, b.starts_at, b.ends_at,"
    " r.name AS room FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " WHERE b.id = ?";

/* The rest of the series of released booking b (its row), released. */
static int
release_rest(struct db *db, long long id, const struct db_rows *b,
    const char *now)
{
	struct db_rows		*rows;
	struct booking_outcome	 o;
	struct notice_facts	 n = { .title = db_text(b, 0, "title"),
				    .room = db_text(b, 0, "room"),
				    .dates = no_shows_allowed };
	long long		 series = db_get_int(b, 0, "series_id"), done;
	int			 rc = 0;

	if ((rows = db_query(db, SQL_LOCK_SERIES_ROOMS, DB_ARGS(DB_INT(0),
	    DB_INT(series)))) == NULL)
		return -1;
	db_rows_free(rows);
	if ((rows = db_query(db, SQL_TO_COME, DB_ARGS(DB_INT(series),
	    DB_STR(now)))) == NULL)
		return -1;
	if (apply_each(db, rows, ACT_CANCEL, NULL, NULL, &done, &o) != BK_OK)
		rc = -1;
	if (rc == 0 && rows->nrows > 0 && (parse_sql_time(db_get(b, 0,
	    "starts_at"), &n.start) == -1 || parse_sql_time(db_get(b, 0,
	    "ends_at"), &n.end) == -1 || booking_notify(db, db_get_int(b, 0,
	    "user_id"), id, "series_released", &n, 0) == -1 ||
	    outbox_series(db, MAIL_RELEASED, series, &n) == -1))
		rc = -1;
	db_rows_free(rows);
	return rc;
}

int
booking_series_no_show(struct db *db, long long id)
{
	struct db_rows	*b, *uses = NULL;
	char		 now[SQL_TIME_LEN];
	int		 rc = 0, all = 1;

	if (no_shows_allowed <= 0 || sql_time_utc(clock_now(), now) == -1 ||
	    (b = db_query(db, SQL_RELEASED_FACTS, DB_ARGS(DB_INT(id)))) == NULL)
		return -1;
	if (b->nrows != 1 || db_get(b, 0, "series_id") == NULL)
		goto out;
	if ((uses = db_query(db, SQL_LAST_USES, DB_ARGS(DB_INT(db_get_int(b, 0,
	    "series_id")), DB_STR(now), DB_INT(no_shows_allowed)))) == NULL) {
		rc = -1;
		goto out;
	}
	for (size_t i = 0; i < uses->nrows; i++)
		all &= strcmp(db_text(uses, i, "status"), "released") == 0;
	if (all && uses->nrows == (size_t)no_shows_allowed)
		rc = release_rest(db, id, b, now);
out:
	db_rows_free(uses);
	db_rows_free(b);
	return rc;
}

enum series_scope
series_scope_named(const char *name)
{
	if (name != NULL && strcmp(name, "following") == 0)
		return SCOPE_FOLLOWING;
	if (name != NULL && strcmp(name, "all") == 0)
		return SCOPE_ALL;
	return SCOPE_THIS;
}

/* Where a booking is in its series (series 0: in none). */
struct place {
	long long	series, room;
	char		original[11];
	time_t		start, end;
};

static enum booking_result
place_of(struct db *db, long long id, struct place *p)
{
	struct db_rows *rows;

	memset(p, 0, sizeof *p);
	if ((rows = db_query(db, SQL_OF_SERIES, DB_ARGS(DB_INT(id)))) == NULL)
		return BK_DB_ERROR;
	if (rows->nrows == 1 && db_get(rows, 0, "series_id") != NULL) {
		p->series = db_get_int(rows, 0, "series_id");
		p->room = db_get_int(rows, 0, "room_id");
		snprintf(p->original, sizeof p->original, "%s",
		    db_text(rows, 0, "original_date"));
		if (parse_sql_time(db_get(rows, 0, "starts_at"), &p->start) ==
		    -1 || parse_sql_time(db_get(rows, 0, "ends_at"),
		    &p->end) == -1)
			p->series = 0;
	}
	db_rows_free(rows);
	return BK_OK;
}

/*
 * Locks the series' rooms and room (0: none), then the dates of scope
 * from the place on; NULL on failure.  Every date's room must be one
 * locked, else one moved meanwhile: *stale.
 */
static struct db_rows *
lock_scope(struct db *db, const struct place *p, enum series_scope scope,
    long long room, int *stale)
{
	struct db_rows	*rooms, *rows;
	char		 now[SQL_TIME_LEN];

	*stale = 0;
	if (sql_time_utc(clock_now(), now) == -1 ||
	    (rooms = db_query(db, SQL_LOCK_SERIES_ROOMS, DB_ARGS(DB_INT(room),
	    DB_INT(p->series)))) == NULL)
		return NULL;
	if ((rows = db_query(db, SQL_SCOPE, DB_ARGS(DB_INT(p->series),
	    DB_STR(now), DB_STR(scope == SCOPE_ALL ? "1000-01-01" :
	    p->original)))) != NULL)
		for (size_t i = 0; i < rows->nrows && !*stale; i++) {
			int locked = 0;

			for (size_t j = 0; j < rooms->nrows; j++)
				locked |= db_get_int(rooms, j, "id") ==
				    db_get_int(rows, i, "room_id");
			*stale = !locked;
		}
	db_rows_free(rooms);
	return rows;
}

/* What one attempt at a scoped cancellation works on. */
struct cancel_attempt {
	long long		 id;
	const struct place	*place;
	enum series_scope	 scope;
	const struct user	*actor;
	const char		*reason;
	long long		*done;
	struct booking_outcome	*o;
};

static enum booking_result
attempt_cancel(struct db *db, void *arg)
{
	struct cancel_attempt	*a = arg;
	struct db_rows		*rows;
	enum booking_result	 rc = BK_OK;
	long long		 owner;
	int			 stale;

	*a->done = 0;
	memset(a->o, 0, sizeof *a->o);
	if (db_begin(db) == -1)
		return BK_DB_ERROR;
	if ((rows = lock_scope(db, a->place, a->scope, 0, &stale)) == NULL)
		return booking_finish(db, BK_DB_ERROR);
	if (stale || rows->nrows == 0) {
		db_rows_free(rows);
		/* Moved meanwhile; or nothing left to cancel: its own answer. */
		if (stale)
			return booking_finish(db, BK_STALE);
		rc = booking_apply_untold(db, a->id, ACT_CANCEL, a->actor,
		    a->reason, a->o);
		*a->done = rc == BK_OK;
		return booking_finish(db, rc);
	}
	rc = apply_each(db, rows, ACT_CANCEL, a->actor, a->reason, a->done,
	    a->o);
	owner = db_get_int(rows, 0, "user_id");
	if (rc == BK_OK && ((owner != a->actor->id && tell_series_once(db,
	    owner, rows, 0, "series_cancelled", a->actor, a->reason,
	    *a->done) == -1) || tell_series_once(db, NOTIFY_NAMED, rows, 0,
	    "series_called_off", a->actor, NULL, *a->done) == -1 ||
	    outbox_series(db, MAIL_CANCELLED, a->place->series, NULL) == -1))
		rc = BK_DB_ERROR;
	db_rows_free(rows);
	return booking_finish(db, rc);
}

enum booking_result
booking_series_cancel(struct db *db, long long id, enum series_scope scope,
    const struct user *actor, const char *reason, long long *done,
    struct booking_outcome *o)
{
	struct place		place;
	struct cancel_attempt	a = { id, &place, scope, actor, reason, done,
				    o };
	enum booking_result	rc;

	*done = 0;
	if ((rc = place_of(db, id, &place)) != BK_OK)
		return rc;
	if (place.series == 0 || scope == SCOPE_THIS) {
		if ((rc = booking_apply(db, id, ACT_CANCEL, actor, reason,
		    o)) == BK_OK)
			*done = 1;
		return rc;
	}
	return booking_retried(db, attempt_cancel, &a);
}

/* What one attempt at a scoped change works on. */
struct change_attempt {
	const struct rules		*k;
	const struct booking_change	*c;
	const struct place		*place;
	enum series_scope		 scope;
	int				 reset;
	int				 start_minute, end_minute;
	long long			*done;
	struct booking_outcome		*o;
};

/* Date i of rows as the change makes it: c on that date. */
static int
date_change(const struct change_attempt *a, const struct db_rows *rows,
    size_t i, struct booking_change *t)
{
	const char	*date = db_text(rows, i, "original_date");
	char		 value[24];

	*t = *a->c;
	t->id = db_get_int(rows, i, "id");
	t->detach = 0;
	if (t->id == a->c->id)
		return 0;
	t->version = db_get_int(rows, i, "version");
	snprintf(value, sizeof value, "%sT%02d:%02d", date,
	    a->start_minute / 60, a->start_minute % 60);
	if (parse_local_input(value, &t->starts_at) != LOCAL_OK)
		return -1;
	if (a->end_minute == 24 * 60)
		return local_date_start(date, 1, &t->ends_at);
	snprintf(value, sizeof value, "%sT%02d:%02d", date,
	    a->end_minute / 60, a->end_minute % 60);
	return parse_local_input(value, &t->ends_at) == LOCAL_OK ? 0 : -1;
}

/* Adds date to the refusal's list of dates that cannot change. */
static void
name_date(struct booking_outcome *o, const char *date)
{
	size_t len = strlen(o->dates);

	if (len + 16 < sizeof o->dates)
		snprintf(o->dates + len, sizeof o->dates - len, "%s%s",
		    len ? ", " : "", date);
}

/*
 * The series row after the change: all of it, or from this date on a
 * series of its own (the old one ends the day before).
 */
static enum booking_result
rewrite_series(struct db *db, const struct change_attempt *a)
{
	const struct booking_change *c = a->c;
	struct db_rows	*row, *last = NULL;
	char		 rule[SERIES_RULE_MAX + 1], before[11];
	char		 cut[SERIES_RULE_MAX + 1];
	long long	 split = 0, series = a->place->series;
	time_t		 t;
	enum booking_result rc = BK_DB_ERROR;

	if ((row = db_query(db, SQL_SERIES_ROW, DB_ARGS(DB_INT(series)))) ==
	    NULL)
		return BK_DB_ERROR;
	if (row->nrows != 1)
		goto out;
	snprintf(rule, sizeof rule, "%s", db_text(row, 0, "rrule"));
	if (a->scope == SCOPE_FOLLOWING && strcmp(a->place->original,
	    db_text(row, 0, "first_date")) > 0) {
		/* The dates from here on: a series of their own. */
		if ((last = db_query(db, SQL_SERIES_LAST,
		    DB_ARGS(DB_INT(series)))) == NULL ||
		    series_rule_ending(rule, db_text(last, 0, "last"), 0, rule,
		    sizeof rule) == -1 ||
		    local_date_start(a->place->original, 0, &t) == -1 ||
		    local_date(t - 43200, 0, before) == -1 ||
		    series_rule_ending(db_text(row, 0, "rrule"), before, 0,
		    cut, sizeof cut) == -1 ||
		    db_exec(db, SQL_SERIES_SPLIT, DB_ARGS(DB_STR(rule),
		    DB_STR(a->place->original), DB_INT(a->start_minute),
		    DB_INT(a->end_minute), DB_STR(db_text(row, 0, "time_zone")),
		    DB_INT(c->room_id), DB_INT(db_get_int(row, 0, "user_id")),
		    DB_STR(c->title), DB_INT(c->attendees)), &split) != 1 ||
		    db_exec(db, SQL_SERIES_MOVE, DB_ARGS(DB_INT(split),
		    DB_INT(series), DB_STR(a->place->original)), NULL) < 1 ||
		    db_exec(db, SQL_SERIES_CUT, DB_ARGS(DB_STR(cut),
		    DB_INT(series)), NULL) != 1)
			goto out;
		rc = BK_OK;
		goto out;
	}
	if (db_exec(db, SQL_SERIES_UPDATE, DB_ARGS(DB_INT(a->start_minute),
	    DB_INT(a->end_minute), DB_INT(c->room_id), DB_STR(c->title),
	    DB_INT(c->attendees), DB_STR(rule), DB_INT(series)), NULL) == 1)
		rc = BK_OK;
out:
	db_rows_free(row);
	db_rows_free(last);
	return rc;
}

/* Tells once whom a change of many dates concerns. */
static int
tell_series_change(struct db *db, const struct change_attempt *a,
    const struct db_rows *rows, size_t first, int moved)
{
	const struct booking_change *c = a->c;
	long long owner = db_get_int(rows, first, "user_id");

	if (owner != c->actor->id && tell_series_once(db, owner, rows, first,
	    "series_changed", c->actor, NULL, *a->done) == -1)
		return -1;
	/* The calendars: the series, and the one split from it if any. */
	if (outbox_series(db, MAIL_CHANGED, a->place->series, NULL) == -1 ||
	    outbox_series_of(db, MAIL_CHANGED, c->id, a->place->series,
	    NULL) == -1)
		return -1;
	if (!moved)
		return 0;
	return tell_series_once(db, NOTIFY_DECIDERS, rows, first,
	    "series_rerequested", c->actor, NULL, *a->done) == -1 ||
	    tell_series_once(db, NOTIFY_NAMED, rows, first,
	    "series_invite_changed", c->actor, NULL, *a->done) == -1 ? -1 : 0;
}

static enum booking_result
attempt_series_change(struct db *db, void *arg)
{
	struct change_attempt	*a = arg;
	const struct booking_change *c = a->c;
	struct rules		 k = *a->k;
	struct db_rows		*rows, *entered;
	struct booking_outcome	 one;
	time_t			 now = clock_now();
	size_t			 failed = 0, first = 0;
	int			 stale, moved = 0, backwards, present = 0;
	enum booking_result	 rc = BK_OK;

	*a->done = 0;
	memset(a->o, 0, sizeof *a->o);
	a->o->id = c->id;
	k.horizon_days = k.series_horizon_days;
	if (db_begin(db) == -1)
		return BK_DB_ERROR;
	if ((rows = lock_scope(db, a->place, a->scope, c->room_id,
	    &stale)) == NULL)
		return booking_finish(db, BK_DB_ERROR);
	if (stale) {
		db_rows_free(rows);
		return booking_finish(db, BK_STALE);
	}
	for (size_t i = 0; i < rows->nrows && !present; i++)
		present = db_get_int(rows, i, "id") == c->id;
	/* Not to be changed itself (ended, called off): its own answer. */
	if (!present) {
		struct booking_change alone = *c;

		db_rows_free(rows);
		db_rollback(db);
		alone.detach = 1;
		return booking_change(db, a->k, &alone, a->o);
	}
	/* Later first when the dates move later: none stands in another's way. */
	backwards = c->starts_at > a->place->start;
	/* Every date takes this one's time of day and room. */
	moved = c->starts_at != a->place->start || c->ends_at != a->place->end ||
	    c->room_id != a->place->room;
	for (size_t n = 0; n < rows->nrows && rc == BK_OK; n++) {
		size_t			i = backwards ? rows->nrows - 1 - n : n;
		struct booking_change	t;
		char			from[SQL_TIME_LEN], to[SQL_TIME_LEN];
		time_t			start;
		long long		id = db_get_int(rows, i, "id");

		/* Others that have begun, or were changed on their own, stay. */
		if (id != c->id && (parse_sql_time(db_get(rows, i,
		    "starts_at"), &start) == -1 || start <= now ||
		    (db_get_int(rows, i, "series_detached") && !a->reset)))
			continue;
		if (date_change(a, rows, i, &t) == -1) {
			name_date(a->o, db_text(rows, i, "original_date"));
			failed++;
			continue;
		}
		if (sql_time_utc(t.starts_at, from) == -1 ||
		    sql_time_utc(t.ends_at, to) == -1 ||
		    (entered = booking_lock_room(db, c->room_id, from,
		    to)) == NULL) {
			rc = BK_DB_ERROR;
			break;
		}
		memset(&one, 0, sizeof one);
		rc = booking_change_locked(db, &k, &t, entered, 0, &one);
		db_rows_free(entered);
		if (rc == BK_CONFLICT || rc == BK_RULE_BROKEN ||
		    rc == BK_ROOM_UNAVAILABLE) {
			name_date(a->o, db_text(rows, i, "original_date"));
			failed++;
			rc = BK_OK;
			continue;
		}
		if (rc != BK_OK) {
			one.id = id;
			*a->o = one;
			break;
		}
		(*a->done)++;
		if (id == c->id)
			first = i;
	}
	if (rc == BK_OK && failed > 0)
		rc = BK_SERIES_TAKEN;
	if (rc == BK_OK && ((rc = rewrite_series(db, a)) != BK_OK ||
	    tell_series_change(db, a, rows, first, moved) == -1))
		rc = BK_DB_ERROR;
	a->o->skipped = (long long)failed;
	db_rows_free(rows);
	return booking_finish(db, rc);
}

enum booking_result
booking_series_change(struct db *db, const struct rules *k,
    const struct booking_change *c, enum series_scope scope, int reset,
    long long *done, struct booking_outcome *o)
{
	struct place		 place;
	struct change_attempt	 a = { k, c, &place, scope, reset, 0, 0, done,
				    o };
	struct booking_change	 alone = *c;
	char			 date[11], end_date[11], was_date[11], zone[64];
	int			 was_minute;
	enum booking_result	 rc;

	*done = 0;
	memset(o, 0, sizeof *o);
	if ((rc = place_of(db, c->id, &place)) != BK_OK)
		return rc;
	if (place.series == 0 || scope == SCOPE_THIS) {
		/* A series' date changed alone is its own from now on. */
		alone.detach = place.series != 0;
		if ((rc = booking_change(db, k, &alone, o)) == BK_OK)
			*done = 1;
		return rc;
	}
	/* Times of day on the site's wall clock, as the series keeps them. */
	snprintf(zone, sizeof zone, "%s", clock_zone());
	clock_use_zone(NULL);
	if (local_date_minute(c->starts_at, date, &a.start_minute) == -1 ||
	    local_date_minute(c->ends_at, end_date, &a.end_minute) == -1 ||
	    local_date_minute(place.start, was_date, &was_minute) == -1)
		rc = BK_DB_ERROR;
	else if (strcmp(date, was_date) != 0)
		rc = BK_SERIES_DAY;
	else {
		/* An end on the next day is this day's midnight. */
		if (strcmp(end_date, date) != 0)
			a.end_minute = 24 * 60;
		rc = booking_retried(db, attempt_series_change, &a);
	}
	clock_use_zone(zone);
	return rc;
}
