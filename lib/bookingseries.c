/*
 * bookingseries: a booking that repeats, requested date by date in one
 * transaction under the room's lock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "bookingseries.h"
#include "clock.h"
#include "db.h"
#include "outbox.h"
#include "participants.h"
#include "policy.h"
#include "readmodel.h"
#include "user.h"
#include "words.h"

/* A request token is its requester's, whoever the series is for. */
static const char SQL_BY_TOKEN[] =
    "SELECT id, series_id FROM bookings WHERE request_token = ?"
    " AND (user_id = ? OR booked_by = ?)";
/*
 * The live bookings of a room over a series' span, in time order, with
 * what a reader may see of them.
 */
static const char SQL_TAKEN[] =
    "SELECT b.starts_at, b.ends_at, b.title, b.private, b.user_id,"
    " u.display_name AS owner FROM bookings b JOIN users u ON u.id = b.user_id"
    " WHERE b.room_id = ? AND b.status IN " HOLDS_SLOT
    " AND b.starts_at < ? AND b.ends_at > ?"
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "?")
    " ORDER BY b.starts_at, b.id";
static const char SQL_INSERT_SERIES[] =
    "INSERT INTO booking_series (rrule, first_date, start_minute, end_minute,"
    " time_zone, room_id, user_id, title, attendees, skipped)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_INSERT[] =
    "INSERT INTO bookings (room_id, user_id, title, attendees, starts_at,"
    " ends_at, request_token, private, booked_by, series_id, original_date,"
    " status, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " IF(? = 'confirmed', UTC_TIMESTAMP(), NULL))";
static const char SQL_EVENTS[] =
    "INSERT INTO booking_events (booking_id, kind, actor_id)"
    " SELECT id, 'requested', ? FROM bookings WHERE series_id = ?";
/* A room that confirms at once: by nobody, right after. */
static const char SQL_EVENTS_CONFIRMED[] =
    "INSERT INTO booking_events (booking_id, kind, actor_id)"
    " SELECT id, 'confirmed', NULL FROM bookings WHERE series_id = ?";
static const char SQL_SERIES_BOOKINGS[] =
    "SELECT id, original_date FROM bookings WHERE series_id = ?"
    " ORDER BY original_date, id";
static const char SQL_SKIPPED[] =
    "SELECT skipped FROM booking_series WHERE id = ?";

/* The words a skipped date is kept with (and the API answers with). */
static const char *const state_names[] = {
	[DATE_FREE] = "free", [DATE_TAKEN] = "taken",
	[DATE_OUTSIDE] = "outside", [DATE_CLOSED] = "closed",
	[DATE_LIMIT] = "limit",
};

const char *
series_date_state(const struct series_plan_date *d)
{
	return state_names[d->state];
}

void
series_plan_free(struct series_plan *p)
{
	free(p->dates);
	memset(p, 0, sizeof *p);
}

/*
 * The dates the rule gives, each checked against the site's rules with
 * the series' horizon.  BK_OK, or the refusal.  In the site's zone.
 */
static enum booking_result
expand(const struct rules *k, const struct series_request *s,
    struct series_plan *p, struct booking_outcome *o)
{
	const struct booking_request	*q = s->first;
	struct series_date		*when;
	struct rules			 series_rules = *k;
	char				 first[11], end_date[11], last[11];
	int				 start_minute, end_minute, more;
	long				 n;
	time_t				 now = clock_now();

	o->field = "ends_at";
	if (q->ends_at <= q->starts_at) {
		o->rule = RULE_END_BEFORE_START;
		return BK_RULE_BROKEN;
	}
	if (local_date_minute(q->starts_at, first, &start_minute) == -1 ||
	    local_date_minute(q->ends_at, end_date, &end_minute) == -1) {
		o->rule = RULE_NO_TIME;
		return BK_RULE_BROKEN;
	}
	/* A booking lies inside one day: its end may be that day's 24:00. */
	if (strcmp(first, end_date) != 0) {
		if (end_minute != 0 || q->ends_at - q->starts_at > 86400) {
			o->rule = RULE_CLOSED;
			return BK_RULE_BROKEN;
		}
		end_minute = 24 * 60;
	}
	/*
	 * Far enough to see the dates beyond the horizon as such, near
	 * enough that a rule without an end stops.
	 */
	if (local_date(now, k->series_horizon_days + 3660, last) == -1 ||
	    (p->dates = calloc((size_t)k->max_occurrences + 1,
	    sizeof *p->dates)) == NULL ||
	    (when = calloc((size_t)k->max_occurrences + 1,
	    sizeof *when)) == NULL)
		return BK_DB_ERROR;
	n = series_expand(s->rule, first, start_minute, end_minute, last,
	    when, (size_t)k->max_occurrences + 1, &more);
	if (n < 0 || n > k->max_occurrences || more) {
		free(when);
		o->allowed = k->max_occurrences;
		return BK_SERIES_TOO_LONG;
	}
	series_rules.horizon_days = k->series_horizon_days;
	for (long i = 0; i < n; i++) {
		struct series_plan_date *d = &p->dates[i];
		const char *field;

		d->when = when[i];
		if (d->when.no_time)
			d->rule = RULE_NO_TIME;
		else
			d->rule = rules_check(&series_rules, d->when.start,
			    d->when.end, now, &field);
		d->state = d->rule == RULE_OK ? DATE_FREE : DATE_OUTSIDE;
	}
	p->n = (size_t)n;
	free(when);
	return n == 0 ? BK_SERIES_EMPTY : BK_OK;
}

/* The dates the room is closed for, from its locked row. */
static enum booking_result
mark_closed(const struct db_rows *room, struct series_plan *p)
{
	time_t from, until = 0;

	if (db_get(room, 0, "closed_from") == NULL)
		return BK_OK;
	if (parse_sql_time(db_get(room, 0, "closed_from"), &from) == -1 ||
	    (db_get(room, 0, "closed_until") != NULL &&
	    parse_sql_time(db_get(room, 0, "closed_until"), &until) == -1))
		return BK_DB_ERROR;
	for (size_t i = 0; i < p->n; i++) {
		struct series_plan_date *d = &p->dates[i];

		if (d->state == DATE_FREE && from < d->when.end &&
		    (until == 0 || until > d->when.start))
			d->state = DATE_CLOSED;
	}
	return BK_OK;
}

/* Marks date d as taken by row i of rows (SQL_TAKEN's columns). */
static enum booking_result
taken_by(struct series_plan_date *d, const struct db_rows *rows, size_t i)
{
	d->state = DATE_TAKEN;
	d->taken_owner = db_get_int(rows, i, "user_id");
	d->taken_private = (int)db_get_int(rows, i, "private");
	snprintf(d->taken_title, sizeof d->taken_title, "%s",
	    db_text(rows, i, "title"));
	snprintf(d->taken_owner_name, sizeof d->taken_owner_name, "%s",
	    db_text(rows, i, "owner"));
	if (parse_sql_time(db_get(rows, i, "starts_at"), &d->taken_start) ==
	    -1 || parse_sql_time(db_get(rows, i, "ends_at"), &d->taken_end) ==
	    -1)
		return BK_DB_ERROR;
	return BK_OK;
}

/*
 * Marks the free dates a live booking of the room overlaps: the room's
 * bookings over the series' whole span in one query (one round trip, not
 * one a date), walked beside the dates, both in time order.
 */
static enum booking_result
mark_taken(struct db *db, long long room, struct series_plan *p)
{
	char		 from[SQL_TIME_LEN], to[SQL_TIME_LEN];
	struct db_rows	*rows;
	size_t		 b = 0;
	time_t		 start, end;
	/* The room's buffer widens each date on both sides. */
	time_t		 buffer = (time_t)p->policy.buffer_minutes * 60;
	enum booking_result rc = BK_OK;

	if (sql_time_utc(p->dates[0].when.start - buffer, from) == -1 ||
	    sql_time_utc(p->dates[p->n - 1].when.end + buffer, to) == -1 ||
	    (rows = db_query(db, SQL_TAKEN, DB_ARGS(DB_INT(room), DB_STR(to),
	    DB_STR(from), DB_STR(from)))) == NULL)
		return BK_DB_ERROR;
	for (size_t i = 0; i < p->n && rc == BK_OK; i++) {
		struct series_plan_date *d = &p->dates[i];

		/* Those ending before this date end before every later one. */
		for (; b < rows->nrows; b++) {
			if (parse_sql_time(db_get(rows, b, "ends_at"), &end) == -1) {
				rc = BK_DB_ERROR;
				break;
			}
			if (end > d->when.start - buffer)
				break;
		}
		if (d->state != DATE_FREE)
			continue;
		/* Bookings lie within a day: the first few after b decide. */
		for (size_t k = b; k < rows->nrows && rc == BK_OK; k++) {
			if (parse_sql_time(db_get(rows, k, "starts_at"),
			    &start) == -1 || parse_sql_time(db_get(rows, k,
			    "ends_at"), &end) == -1) {
				rc = BK_DB_ERROR;
				break;
			}
			if (start >= d->when.end + buffer)
				break;
			if (end > d->when.start - buffer) {
				rc = taken_by(d, rows, k);
				break;
			}
		}
	}
	db_rows_free(rows);
	return rc;
}

/* Counts the dates not free, naming them in o; whether any are. */
static size_t
count_skipped(struct series_plan *p, struct booking_outcome *o)
{
	size_t len = 0;

	p->skipped = 0;
	o->dates[0] = '\0';
	for (size_t i = 0; i < p->n; i++) {
		if (p->dates[i].state == DATE_FREE)
			continue;
		p->skipped++;
		if (len + 16 < sizeof o->dates)
			len += (size_t)snprintf(o->dates + len,
			    sizeof o->dates - len, "%s%s", len ? ", " : "",
			    p->dates[i].when.date);
		else if (len + 4 < sizeof o->dates && o->dates[len - 1] != '.')
			len += (size_t)snprintf(o->dates + len,
			    sizeof o->dates - len, ", …");
	}
	o->count = (long long)p->n;
	o->skipped = (long long)p->skipped;
	return p->skipped;
}

/* The dates skipped, as kept with the series: [{date, why}]. */
static char *
skipped_json(const struct series_plan *p)
{
	json_t	*list = json_array();
	char	*text;

	if (list == NULL)
		return NULL;
	for (size_t i = 0; i < p->n; i++) {
		const struct series_plan_date *d = &p->dates[i];

		if (d->state != DATE_FREE && json_array_append_new(list,
		    json_pack("{s:s, s:s, s:i}", "date", d->when.date,
		    "why", state_names[d->state], "rule", (int)d->rule)) == -1) {
			json_decref(list);
			return NULL;
		}
	}
	text = json_dumps(list, JSON_COMPACT);
	json_decref(list);
	return text;
}

/* The series a request token already made, found again. */
static enum booking_result
find_by_token(struct db *db, const struct booking_request *q,
    struct series_plan *p, struct booking_outcome *o)
{
	struct db_rows *rows;

	if (q->request_token == NULL)
		return BK_OK;
	if ((rows = db_query(db, SQL_BY_TOKEN, DB_ARGS(DB_STR(q->request_token),
	    DB_INT(q->requester->id), DB_INT(q->requester->id)))) == NULL)
		return BK_DB_ERROR;
	if (rows->nrows == 1) {
		o->id = db_get_int(rows, 0, "id");
		p->series_id = db_get(rows, 0, "series_id") != NULL ?
		    db_get_int(rows, 0, "series_id") : 0;
	}
	db_rows_free(rows);
	return o->id > 0 ? BK_EXISTING : BK_OK;
}

/* The room's lock and facts over the series' whole span; BK_OK or why. */
static enum booking_result
lock_room(struct db *db, const struct rules *k, const struct series_request *s,
    const struct user *owner, struct series_plan *p, char *room, size_t n,
    struct booking_outcome *o)
{
	const struct user *asks = s->first->requester;
	char		 from[SQL_TIME_LEN], to[SQL_TIME_LEN];
	struct db_rows	*rows;
	enum booking_result rc = BK_OK;

	if (sql_time_utc(p->dates[0].when.start, from) == -1 ||
	    sql_time_utc(p->dates[p->n - 1].when.end, to) == -1 ||
	    (rows = booking_lock_room(db, s->first->room_id, from,
	    to)) == NULL)
		return BK_DB_ERROR;
	if (rows->nrows == 0)
		rc = BK_NO_ROOM;
	else if (s->first->attendees > (o->capacity =
	    db_get_int(rows, 0, "capacity")))
		rc = BK_OVER_CAPACITY;
	else if ((rc = booking_policy_admits(db, k, rows, s->first->room_id,
	    asks, owner->id, asks->admin || owner->admin, &p->policy,
	    o)) == BK_OK) {
		snprintf(room, n, "%s", db_text(rows, 0, "name"));
		rc = mark_closed(rows, p);
	}
	db_rows_free(rows);
	return rc;
}

/*
 * Marks the free dates a limit per person refuses, each counted with
 * what the owner holds in the room and the free dates before it.
 */
static enum booking_result
mark_limited(struct db *db, long long room, long long owner,
    struct series_plan *p)
{
	time_t			*start, *end;
	enum limit		*refused;
	struct series_plan_date	**free_dates;
	size_t			 n = 0;
	int			 rc = 0;

	start = calloc(p->n, sizeof *start);
	end = calloc(p->n, sizeof *end);
	refused = calloc(p->n, sizeof *refused);
	free_dates = calloc(p->n, sizeof *free_dates);
	if (start == NULL || end == NULL || refused == NULL ||
	    free_dates == NULL)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < p->n; i++)
		if (p->dates[i].state == DATE_FREE) {
			free_dates[n] = &p->dates[i];
			start[n] = p->dates[i].when.start;
			end[n++] = p->dates[i].when.end;
		}
	/* Each refused date's own standing: checked one by one after. */
	if (rc == 0 && policy_limits_check(db, room, owner, 0,
	    p->policy.limits, start, end, n, refused, NULL) == -1)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (refused[i] != LIMIT__COUNT) {
			free_dates[i]->state = DATE_LIMIT;
			free_dates[i]->limit.which = refused[i];
			free_dates[i]->limit.max = p->policy.limits[refused[i]];
		}
	free(start);
	free(end);
	free(refused);
	free(free_dates);
	return rc == 0 ? BK_OK : BK_DB_ERROR;
}

/* Tells whom a new series concerns, once: deciders, owner, people. */
static int
tell_series(struct db *db, const struct booking_request *q,
    const struct user *owner, const char *room, const struct series_plan *p,
    long long first_id)
{
	int instant = p->policy.instant;
	const struct series_plan_date *first = NULL;
	struct notice_facts n;

	for (size_t i = 0; i < p->n && first == NULL; i++)
		if (p->dates[i].booking_id > 0)
			first = &p->dates[i];
	n = (struct notice_facts){ .title = q->title, .room = room,
	    .actor = q->requester->name, .start = first->when.start,
	    .end = first->when.end, .dates = (int)(p->n - p->skipped) };
	/* Confirmed at once: nothing to decide. */
	if (!instant && (booking_notify(db, NOTIFY_DECIDERS, first_id,
	    "series_requested", &n, 0) == -1 || outbox_deciders(db, first_id,
	    p->series_id, &n) == -1))
		return -1;
	if (outbox_series(db, instant ? MAIL_CONFIRMED : MAIL_REQUESTED,
	    p->series_id, &n) == -1)
		return -1;
	if (owner != q->requester && booking_notify(db, owner->id, first_id,
	    "series_booked_for_you", &n, 0) == -1)
		return -1;
	if (q->participants == NULL || q->participants->n == 0)
		return 0;
	return booking_notify(db, NOTIFY_NAMED, first_id, "series_invited", &n,
	    q->requester->id);
}

/* Writes the series and a booking for each free date. */
static enum booking_result
write_series(struct db *db, const struct series_request *s,
    const struct user *owner, const char *room, struct series_plan *p)
{
	const struct booking_request	*q = s->first;
	char				 first[11], from[SQL_TIME_LEN];
	char				 to[SQL_TIME_LEN], *skipped;
	int				 start_minute, end_minute;
	long long			 first_id = 0;
	const char			*token = q->request_token;
	const char			*state = p->policy.instant ?
					    "confirmed" : "pending";
	int				 named = q->participants != NULL &&
					    q->participants->n > 0;

	if (local_date_minute(q->starts_at, first, &start_minute) == -1 ||
	    (skipped = skipped_json(p)) == NULL)
		return BK_DB_ERROR;
	end_minute = start_minute + (int)((q->ends_at - q->starts_at) / 60);
	if (db_exec(db, SQL_INSERT_SERIES, DB_ARGS(DB_STR(s->rule),
	    DB_STR(first), DB_INT(start_minute), DB_INT(end_minute),
	    DB_STR(clock_site_zone()), DB_INT(q->room_id), DB_INT(owner->id),
	    DB_STR(q->title), DB_INT(q->attendees), DB_STR(skipped)),
	    &p->series_id) != 1) {
		free(skipped);
		return BK_DB_ERROR;
	}
	free(skipped);
	for (size_t i = 0; i < p->n; i++) {
		struct series_plan_date *d = &p->dates[i];

		if (d->state != DATE_FREE)
			continue;
		if (sql_time_utc(d->when.start, from) == -1 ||
		    sql_time_utc(d->when.end, to) == -1 ||
		    db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(q->room_id),
		    DB_INT(owner->id), DB_STR(q->title), DB_INT(q->attendees),
		    DB_STR(from), DB_STR(to),
		    /* The token finds the series again: its first booking's. */
		    token != NULL ? DB_STR(token) : DB_NULL,
		    DB_INT(q->private), owner != q->requester ?
		    DB_INT(q->requester->id) : DB_NULL, DB_INT(p->series_id),
		    DB_STR(d->when.date), DB_STR(state), DB_STR(state)),
		    &d->booking_id) != 1 ||
		    (named && participants_store(db, d->booking_id,
		    q->participants) == -1) ||
		    readmodel_recount(db, q->room_id, d->when.start) == -1)
			return BK_DB_ERROR;
		token = NULL;
		if (first_id == 0)
			first_id = d->booking_id;
	}
	/* Each date's history and status row, all at once. */
	if (db_exec(db, SQL_EVENTS, DB_ARGS(DB_INT(q->requester->id),
	    DB_INT(p->series_id)), NULL) < 1 ||
	    (p->policy.instant && db_exec(db, SQL_EVENTS_CONFIRMED,
	    DB_ARGS(DB_INT(p->series_id)), NULL) < 1) ||
	    readmodel_upsert_series(db, p->series_id) == -1)
		return BK_DB_ERROR;
	return tell_series(db, q, owner, room, p, first_id) == -1 ?
	    BK_DB_ERROR : BK_OK;
}

/* What one attempt at a series request works on. */
struct series_attempt {
	const struct rules		*k;
	const struct series_request	*s;
	struct series_plan		*p;
	struct booking_outcome		*o;
};

static enum booking_result
attempt_series(struct db *db, void *arg)
{
	struct series_attempt		*a = arg;
	const struct booking_request	*q = a->s->first;
	const struct user		*owner = q->owner != NULL ? q->owner :
					    q->requester;
	struct series_plan		*p = a->p;
	struct booking_outcome		*o = a->o;
	char				 room[401] = "";
	enum booking_result		 rc;

	memset(o, 0, sizeof *o);
	series_plan_free(p);
	if ((rc = expand(a->k, a->s, p, o)) != BK_OK)
		return rc;
	if (db_begin(db) == -1)
		return BK_DB_ERROR;
	if ((rc = booking_request_people(db, q, owner, o)) != BK_OK ||
	    (rc = lock_room(db, a->k, a->s, owner, p, room, sizeof room,
	    o)) != BK_OK ||
	    (!a->s->preview && (rc = find_by_token(db, q, p, o)) != BK_OK))
		return booking_finish(db, rc);
	if ((rc = mark_taken(db, q->room_id, p)) != BK_OK ||
	    (rc = mark_limited(db, q->room_id, owner->id, p)) != BK_OK)
		return booking_finish(db, rc);
	o->allowed = a->k->series_skips_allowed;
	if (count_skipped(p, o) == p->n)
		rc = BK_SERIES_EMPTY;
	else if (a->s->preview)
		rc = BK_OK;
	else if (p->skipped > 0 && !a->s->skip_taken)
		rc = BK_SERIES_TAKEN;
	else if (p->skipped * 100 > p->n * (size_t)a->k->series_skips_allowed)
		rc = BK_SERIES_SKIPS;
	else
		rc = write_series(db, a->s, owner, room, p);
	/* A preview writes nothing. */
	if (a->s->preview) {
		db_rollback(db);
		return rc;
	}
	if (rc == BK_OK && p->series_id > 0)
		o->id = p->dates[0].booking_id;
	return booking_finish(db, rc);
}

/* A retried request's answer: the series its token made, as made. */
static enum booking_result
found_again(struct db *db, struct series_plan *p)
{
	struct db_rows	*rows, *kept;
	json_t		*skipped;
	json_error_t	 err;
	long long	 id = p->series_id;
	size_t		 n;

	series_plan_free(p);
	p->series_id = id;
	if ((rows = db_query(db, SQL_SERIES_BOOKINGS,
	    DB_ARGS(DB_INT(p->series_id)))) == NULL)
		return BK_DB_ERROR;
	if ((kept = db_query(db, SQL_SKIPPED,
	    DB_ARGS(DB_INT(p->series_id)))) == NULL) {
		db_rows_free(rows);
		return BK_DB_ERROR;
	}
	skipped = kept->nrows == 1 && db_get(kept, 0, "skipped") != NULL ?
	    json_loads(db_get(kept, 0, "skipped"), 0, &err) : NULL;
	db_rows_free(kept);
	n = rows->nrows + (skipped != NULL ? json_array_size(skipped) : 0);
	if ((p->dates = calloc(n + 1, sizeof *p->dates)) == NULL) {
		db_rows_free(rows);
		json_decref(skipped);
		return BK_DB_ERROR;
	}
	for (size_t i = 0; i < rows->nrows; i++) {
		struct series_plan_date *d = &p->dates[p->n++];

		d->booking_id = db_get_int(rows, i, "id");
		snprintf(d->when.date, sizeof d->when.date, "%s",
		    db_text(rows, i, "original_date"));
	}
	for (size_t i = 0; skipped != NULL && i < json_array_size(skipped);
	    i++) {
		struct series_plan_date *d = &p->dates[p->n];
		const char *date, *why;
		int rule = 0;

		if (json_unpack(json_array_get(skipped, i), "{s:s, s:s, s?i}",
		    "date", &date, "why", &why, "rule", &rule) == -1)
			continue;
		snprintf(d->when.date, sizeof d->when.date, "%s", date);
		d->rule = (enum rule_broken)rule;
		for (size_t s = 0; s < sizeof state_names / sizeof *state_names;
		    s++)
			if (strcmp(why, state_names[s]) == 0)
				d->state = (enum series_date_state)s;
		p->n++;
		p->skipped++;
	}
	db_rows_free(rows);
	json_decref(skipped);
	return BK_EXISTING;
}

enum booking_result
booking_series_request(struct db *db, const struct rules *k,
    const struct series_request *s, struct series_plan *p,
    struct booking_outcome *o)
{
	struct series_attempt	 a = { k, s, p, o };
	char			 zone[64];
	enum booking_result	 rc;

	memset(p, 0, sizeof *p);
	memset(o, 0, sizeof *o);
	if (s->first->participants != NULL &&
	    s->first->participants->n > (size_t)k->max_participants)
		return BK_TOO_MANY_NAMED;
	/* A series repeats on the site's wall clock, whoever asks. */
	snprintf(zone, sizeof zone, "%s", clock_zone());
	clock_use_zone(NULL);
	rc = booking_retried(db, attempt_series, &a);
	clock_use_zone(zone);
	if (rc == BK_EXISTING && p->series_id > 0)
		rc = found_again(db, p);
	return rc;
}
