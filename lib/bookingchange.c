/*
 * bookingchange: a booking changed in place.  It keeps its id and its
 * history, which gains one "changed" event saying what changed from what
 * to what; a move is checked and made under the same locks as a new
 * request, so it either happens whole or not at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "booking.h"
#include "clock.h"
#include "db.h"
#include "delegate.h"
#include "outbox.h"
#include "participants.h"
#include "readmodel.h"
#include "rules.h"
#include "user.h"
#include "words.h"

static const char SQL_LOCK_BOOKING[] =
    "SELECT b.status, b.user_id, b.room_id, r.name AS room, b.starts_at,"
    " b.ends_at, b.title, b.attendees, b.version, b.series_id"
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " WHERE b.id = ? FOR UPDATE";
static const char SQL_VERSION[] = "SELECT version FROM bookings WHERE id = ?";
/* Its room now, under lock: nobody moves it until this change is made. */
static const char SQL_ROOM_NOW[] =
    "SELECT room_id FROM bookings WHERE id = ? FOR UPDATE";
/* A move waits for a decision again; the last one is history. */
static const char SQL_CHANGE[] =
    "UPDATE bookings SET room_id = ?, starts_at = ?, ends_at = ?, title = ?,"
    " attendees = ?, status = ?,"
    " decided_by = IF(? = 'pending', NULL, decided_by),"
    " decided_at = IF(? = 'pending', NULL, decided_at),"
    " reason = IF(? = 'pending', NULL, reason),"
    " series_detached = ?,"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ?";
static const char SQL_EVENT[] =
    "INSERT INTO booking_events (booking_id, kind, actor_id, changes)"
    " VALUES (?, 'changed', ?, ?)";

/* The booking as it was when locked. */
struct before {
	char		 state[16];
	long long	 owner, room_id, attendees, version;
	char		 room[401], title[801];
	time_t		 start, end;
	int		 series;	/* a date of a series */
	struct participants named;
};

/* What the change changes: each part set when it differs. */
struct diff {
	int	time, room, title, attendees, named;
};

/* Locks room id for [from, to); with its facts in *rows if rows. */
static int
lock_room(struct db *db, long long id, const char *from, const char *to,
    struct db_rows **rows)
{
	struct db_rows *r = booking_lock_room(db, id, from, to);

	if (r == NULL)
		return -1;
	if (rows != NULL)
		*rows = r;
	else
		db_rows_free(r);
	return 0;
}

/*
 * Locks the rooms the booking leaves and enters, in id order whatever the
 * direction, so two people moving into each other's rooms wait for each
 * other instead of deadlocking; *entered is the new room's row.
 */
static int
lock_rooms(struct db *db, long long old_room, long long new_room,
    const char *from, const char *to, struct db_rows **entered)
{
	if (old_room == new_room)
		return lock_room(db, new_room, from, to, entered);
	if (old_room < new_room)
		return lock_room(db, old_room, from, to, NULL) == -1 ? -1 :
		    lock_room(db, new_room, from, to, entered);
	return lock_room(db, new_room, from, to, entered) == -1 ? -1 :
	    lock_room(db, old_room, from, to, NULL);
}

/* BK_STALE with the booking's version now in o. */
static enum booking_result
booking_stale(struct db *db, long long id, struct booking_outcome *o)
{
	struct db_rows *rows = db_query(db, SQL_VERSION, DB_ARGS(DB_INT(id)));

	if (rows == NULL)
		return BK_DB_ERROR;
	o->version = rows->nrows == 1 ? db_get_int(rows, 0, "version") : 0;
	db_rows_free(rows);
	return BK_STALE;
}

/* Reads the locked booking into *b; BK_OK, BK_NOT_FOUND or BK_DB_ERROR. */
static enum booking_result
read_before(struct db *db, long long id, struct before *b)
{
	struct db_rows *rows;

	memset(b, 0, sizeof *b);
	if ((rows = db_query(db, SQL_LOCK_BOOKING, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return BK_DB_ERROR;
	if (rows->nrows != 1 ||
	    parse_sql_time(db_get(rows, 0, "starts_at"), &b->start) == -1 ||
	    parse_sql_time(db_get(rows, 0, "ends_at"), &b->end) == -1) {
		db_rows_free(rows);
		return BK_NOT_FOUND;
	}
	snprintf(b->state, sizeof b->state, "%s", db_text(rows, 0, "status"));
	snprintf(b->room, sizeof b->room, "%s", db_text(rows, 0, "room"));
	snprintf(b->title, sizeof b->title, "%s", db_text(rows, 0, "title"));
	b->owner = db_get_int(rows, 0, "user_id");
	b->room_id = db_get_int(rows, 0, "room_id");
	b->attendees = db_get_int(rows, 0, "attendees");
	b->version = db_get_int(rows, 0, "version");
	b->series = db_get(rows, 0, "series_id") != NULL;
	db_rows_free(rows);
	return participants_load(db, id, &b->named) == -1 ? BK_DB_ERROR : BK_OK;
}

/* A participant as the history names them. */
static const char *
named_as(const struct participant *p)
{
	return p->user_id != 0 ? p->name : p->email;
}

/* Those of a not in b, as a JSON array of names (NULL: no memory). */
static json_t *
missing_from(const struct participants *a, const struct participants *b)
{
	json_t	*list = json_array();

	for (size_t i = 0; list != NULL && i < a->n; i++)
		if (!participants_has(b, &a->v[i]) && json_array_append_new(list,
		    json_string(named_as(&a->v[i]))) == -1) {
			json_decref(list);
			return NULL;
		}
	return list;
}

/* Sets key to [was, now] on j; 0 or -1. */
static int
pair(json_t *j, const char *key, json_t *was, json_t *now)
{
	return json_object_set_new(j, key, json_pack("[o, o]", was, now));
}

/*
 * What changed from b to c, as the "changed" event keeps it (words.c
 * tells it); NULL without memory.
 */
static char *
changes_json(const struct before *b, const struct booking_change *c,
    const char *room, const struct diff *d)
{
	json_t	*j = json_object();
	json_t	*added = NULL, *removed = NULL;
	char	*text = NULL;
	int	 bad = j == NULL;

	if (!bad && d->time)
		bad = pair(j, "start", json_integer(b->start),
		    json_integer(c->starts_at)) == -1 || pair(j, "end",
		    json_integer(b->end), json_integer(c->ends_at)) == -1;
	if (!bad && d->room)
		bad = pair(j, "room", json_string(b->room),
		    json_string(room)) == -1;
	if (!bad && d->title)
		bad = pair(j, "title", json_string(b->title),
		    json_string(c->title)) == -1;
	if (!bad && d->attendees)
		bad = pair(j, "attendees", json_integer(b->attendees),
		    json_integer(c->attendees)) == -1;
	if (!bad && d->named) {
		added = missing_from(c->participants, &b->named);
		removed = missing_from(&b->named, c->participants);
		bad = added == NULL || removed == NULL ||
		    (json_array_size(added) > 0 && json_object_set(j, "added",
		    added) == -1) || (json_array_size(removed) > 0 &&
		    json_object_set(j, "removed", removed) == -1);
	}
	if (!bad)
		text = json_dumps(j, JSON_COMPACT);
	json_decref(added);
	json_decref(removed);
	json_decref(j);
	return text;
}

/* Tells each person whom the change concerns; 0 or -1. */
static int
tell_change(struct db *db, const struct before *b,
    const struct booking_change *c, const char *room, const struct diff *d,
    int to_pending)
{
	struct notice_facts n = { .title = c->title, .room = room,
	    .actor = c->actor->name, .start = c->starts_at, .end = c->ends_at,
	    .old_room = b->room, .old_start = b->start, .old_end = b->end };
	struct notice_facts gone = { .title = b->title, .room = b->room,
	    .actor = c->actor->name, .start = b->start, .end = b->end };
	const struct participants *now = c->participants != NULL ?
	    c->participants : &b->named;

	if (c->actor->id != b->owner && booking_notify(db, b->owner, c->id,
	    to_pending ? "changed_to_pending" : "changed", &n, 0) == -1)
		return -1;
	/* The deciders decide on what it is now. */
	if (to_pending && booking_notify(db, NOTIFY_DECIDERS, c->id,
	    "rerequested", &n, 0) == -1)
		return -1;
	/* Those no longer named first: the table is rewritten after. */
	for (size_t i = 0; d->named && i < b->named.n; i++) {
		const struct participant *p = &b->named.v[i];

		if (p->user_id != 0 && p->user_id != c->actor->id &&
		    !participants_has(now, p) && booking_notify(db, p->user_id,
		    c->id, "uninvited", &gone, 0) == -1)
			return -1;
	}
	for (size_t i = 0; i < now->n; i++) {
		const struct participant *p = &now->v[i];
		const char *kind = !participants_has(&b->named, p) ? "invited" :
		    d->time || d->room ? "invite_changed" : NULL;

		if (p->user_id != 0 && p->user_id != c->actor->id &&
		    kind != NULL && booking_notify(db, p->user_id, c->id, kind,
		    &n, 0) == -1)
			return -1;
	}
	return 0;
}

/*
 * Mails whom the change concerns, once its people are stored: those no
 * longer named that it is off for them, everyone named what it is now.
 */
static int
mail_change(struct db *db, const struct before *b,
    const struct booking_change *c, const char *room, const struct diff *d,
    int to_pending)
{
	struct notice_facts n = { .title = c->title, .room = room,
	    .actor = c->actor->name, .start = c->starts_at, .end = c->ends_at,
	    .old_room = b->room, .old_start = b->start, .old_end = b->end };
	const struct participants *now = c->participants != NULL ?
	    c->participants : &b->named;

	for (size_t i = 0; d->named && i < b->named.n; i++) {
		const struct participant *p = &b->named.v[i];

		if (p->user_id != 0 && !participants_has(now, p) &&
		    outbox_person(db, MAIL_UNINVITED, c->id, p->user_id,
		    &n) == -1)
			return -1;
	}
	/* The deciders decide on what it is now. */
	if (to_pending && outbox_deciders(db, c->id, 0, &n) == -1)
		return -1;
	/* A calendar shows no head count. */
	if (!(d->time || d->room || d->title || d->named))
		return 0;
	return outbox_booking(db, MAIL_CHANGED, c->id, &n);
}

/*
 * Whether the change may be made: by whom, from which version and state,
 * before the start.  BK_OK or the refusal.
 */
static enum booking_result
may_change(struct db *db, const struct before *b,
    const struct booking_change *c, time_t now, struct booking_outcome *o)
{
	int may;

	if ((may = delegate_may_act(db, c->actor, b->owner)) != 1)
		return may == -1 ? BK_DB_ERROR : BK_FORBIDDEN;
	snprintf(o->state, sizeof o->state, "%s", b->state);
	if (b->version != c->version) {
		o->version = b->version;
		return BK_STALE;
	}
	if (strcmp(b->state, "pending") != 0 &&
	    strcmp(b->state, "confirmed") != 0)
		return BK_NOT_ALLOWED;
	return b->start <= now ? BK_STARTED : BK_OK;
}

/*
 * Whether the booking may become what c asks: the rules for a new time,
 * the room, its seats, the named people and the slot.  BK_OK or why not.
 */
static enum booking_result
fits(struct db *db, const struct rules *k, const struct booking_change *c,
    const struct before *b, const struct db_rows *entered,
    const struct diff *d, time_t now, struct policy *p,
    struct booking_outcome *o)
{
	enum booking_result	 rc;
	enum rule_broken	 rule;

	if ((d->time || d->room) && (rule = rules_check(k, c->starts_at,
	    c->ends_at, now, &o->field)) != RULE_OK) {
		o->rule = rule;
		return BK_RULE_BROKEN;
	}
	if (entered->nrows == 0)
		return BK_NO_ROOM;
	/* A room closed later still holds what it held: only moves ask. */
	if ((d->time || d->room || d->attendees) &&
	    (rc = booking_room_fits(entered, c->attendees, o)) != BK_OK &&
	    (rc != BK_ROOM_UNAVAILABLE || d->time || d->room))
		return rc;
	if (c->participants != NULL)
		o->named = (long long)c->participants->n;
	if (c->attendees < o->named)
		return BK_TOO_FEW_ATTENDEES;
	/* The room's policy, as for a new request, where it moves. */
	if ((rc = booking_policy_admits(db, k, entered, c->room_id, c->actor,
	    b->owner, c->actor->admin, p, o)) == BK_DB_ERROR ||
	    (rc != BK_OK && d->room))
		return rc;
	if (!(d->time || d->room))
		return BK_OK;
	if ((rc = booking_find_overlap(db, c->room_id, c->id, c->starts_at,
	    c->ends_at, p->buffer_minutes, o)) != BK_OK)
		return rc;
	return booking_within_limits(db, p, c->room_id, b->owner, c->id,
	    c->starts_at, c->ends_at, o);
}

/* The booking, and the room-days it left and entered, in the read model. */
static int
update_views(struct db *db, const struct before *b, long long id)
{
	return readmodel_upsert(db, id) == -1 ||
	    readmodel_recount(db, b->room_id, b->start) == -1 ? -1 : 0;
}

enum booking_result
booking_change_locked(struct db *db, const struct rules *k,
    const struct booking_change *c, const struct db_rows *entered, int tell,
    struct booking_outcome *o)
{
	char			 from[SQL_TIME_LEN], to[SQL_TIME_LEN], room[401];
	struct before		 b;
	struct diff		 d;
	struct rules		 series_rules = *k;
	struct policy		 p;
	time_t			 now = clock_now();
	char			*changes = NULL;
	const char		*state;
	enum booking_result	 rc;

	if (sql_time_utc(c->starts_at, from) == -1 ||
	    sql_time_utc(c->ends_at, to) == -1)
		return BK_DB_ERROR;
	if ((rc = read_before(db, c->id, &b)) != BK_OK) {
		participants_free(&b.named);
		return rc;
	}
	o->named = (long long)b.named.n;
	/* A series' date is as far ahead as its series may go. */
	if (b.series)
		series_rules.horizon_days = k->series_horizon_days;
	d = (struct diff){ .time = c->starts_at != b.start ||
	    c->ends_at != b.end, .room = c->room_id != b.room_id,
	    .title = strcmp(c->title, b.title) != 0,
	    .attendees = c->attendees != b.attendees,
	    .named = c->participants != NULL &&
	    !participants_same(c->participants, &b.named) };
	snprintf(room, sizeof room, "%s", entered->nrows == 1 ?
	    db_text(entered, 0, "name") : "");
	if ((rc = may_change(db, &b, c, now, o)) == BK_OK)
		rc = fits(db, &series_rules, c, &b, entered, &d, now, &p, o);
	if (rc != BK_OK || !(d.time || d.room || d.title || d.attendees ||
	    d.named)) {
		participants_free(&b.named);
		return rc;
	}
	/*
	 * Moved in time or room, it is decided again as a new request is:
	 * confirmed at once where the room says so, else pending.
	 */
	o->back_to_pending = (d.time || d.room) && !p.instant &&
	    strcmp(b.state, "confirmed") == 0;
	state = (d.time || d.room) && p.instant ? "confirmed" :
	    o->back_to_pending ? "pending" : b.state;
	if ((changes = changes_json(&b, c, room, &d)) == NULL ||
	    db_exec(db, SQL_CHANGE, DB_ARGS(DB_INT(c->room_id), DB_STR(from),
	    DB_STR(to), DB_STR(c->title), DB_INT(c->attendees), DB_STR(state),
	    DB_STR(state), DB_STR(state), DB_STR(state), DB_INT(c->detach),
	    DB_INT(c->id)), NULL) != 1 ||
	    db_exec(db, SQL_EVENT, DB_ARGS(DB_INT(c->id), DB_INT(c->actor->id),
	    DB_STR(changes)), NULL) != 1 ||
	    (tell && tell_change(db, &b, c, room, &d, (d.time || d.room) &&
	    strcmp(state, "pending") == 0) == -1) ||
	    (d.named && participants_store(db, c->id, c->participants) == -1) ||
	    (tell && mail_change(db, &b, c, room, &d, (d.time || d.room) &&
	    strcmp(state, "pending") == 0) == -1) ||
	    update_views(db, &b, c->id) == -1)
		rc = BK_DB_ERROR;
	free(changes);
	participants_free(&b.named);
	return rc;
}

/* One attempt at booking_change's transaction. */
static enum booking_result
try_change(struct db *db, const struct rules *k,
    const struct booking_change *c, struct booking_outcome *o)
{
	char			 from[SQL_TIME_LEN], to[SQL_TIME_LEN];
	struct db_rows		*rows, *entered = NULL;
	long long		 old_room;
	enum booking_result	 rc;

	memset(o, 0, sizeof *o);
	o->id = c->id;
	if (sql_time_utc(c->starts_at, from) == -1 ||
	    sql_time_utc(c->ends_at, to) == -1 || db_begin(db) == -1)
		return BK_DB_ERROR;
	if ((old_room = booking_room_of(db, c->id)) <= 0)
		return booking_finish(db, old_room == 0 ? BK_NOT_FOUND :
		    BK_DB_ERROR);
	/* Rooms first, then the booking: the lock order of every writer. */
	if (lock_rooms(db, old_room, c->room_id, from, to, &entered) == -1)
		return booking_finish(db, BK_DB_ERROR);
	/* Moved since its room was read: not the version asked about. */
	if ((rows = db_query(db, SQL_ROOM_NOW, DB_ARGS(DB_INT(c->id)))) == NULL) {
		db_rows_free(entered);
		return booking_finish(db, BK_DB_ERROR);
	}
	if (rows->nrows == 1 && db_get_int(rows, 0, "room_id") != old_room) {
		db_rows_free(rows);
		db_rows_free(entered);
		return booking_finish(db, booking_stale(db, c->id, o));
	}
	db_rows_free(rows);
	rc = booking_change_locked(db, k, c, entered, 1, o);
	db_rows_free(entered);
	return booking_finish(db, rc);
}

/* What one attempt at a change works on. */
struct change_attempt {
	const struct rules		*k;
	const struct booking_change	*c;
	struct booking_outcome		*o;
};

static enum booking_result
attempt_change(struct db *db, void *arg)
{
	struct change_attempt *a = arg;

	return try_change(db, a->k, a->c, a->o);
}

enum booking_result
booking_change(struct db *db, const struct rules *k,
    const struct booking_change *c, struct booking_outcome *o)
{
	struct change_attempt a = { k, c, o };

	if (c->participants != NULL &&
	    c->participants->n > (size_t)k->max_participants) {
		memset(o, 0, sizeof *o);
		return BK_TOO_MANY_NAMED;
	}
	return booking_retried(db, attempt_change, &a);
}
