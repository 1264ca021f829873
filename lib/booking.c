/* booking: the one state machine every booking change goes through. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "booking.h"
#include "bookingseries.h"
#include "config.h"
#include "db.h"
#include "delegate.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"
#include "participants.h"
#include "policy.h"
#include "readmodel.h"
#include "rules.h"
#include "user.h"
#include "words.h"

/* Closed for the request: its window overlaps the request's time. */
static const char SQL_LOCK_ROOM[] =
    "SELECT capacity, status, name, closed_from, closed_until,"
    " unavailable_reason, closed_from < ? AND (closed_until IS NULL"
    " OR closed_until > ?) AS closed, " POLICY_COLUMNS
    " FROM rooms WHERE id = ? FOR UPDATE";
/* A request token is its requester's, whoever the booking is for. */
static const char SQL_BY_TOKEN[] =
    "SELECT id FROM bookings WHERE request_token = ?"
    " AND (user_id = ? OR booked_by = ?)";
static const char SQL_OVERLAP[] =
    "SELECT starts_at, ends_at FROM bookings WHERE room_id = ?"
    " AND status IN " HOLDS_SLOT " AND starts_at < ? AND ends_at > ?"
    " AND " STARTED_AFTER_DAY_BEFORE("starts_at", "?") " AND id <> ?"
    " ORDER BY starts_at LIMIT 1";
/* A room that confirms at once: confirmed when made, by nobody. */
static const char SQL_INSERT[] =
    "INSERT INTO bookings (room_id, user_id, title, attendees, starts_at,"
    " ends_at, request_token, private, booked_by, status, decided_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " IF(? = 'confirmed', UTC_TIMESTAMP(), NULL))";
static const char SQL_EVENT[] =
    "INSERT INTO booking_events (booking_id, kind, actor_id, reason)"
    " VALUES (?, ?, ?, ?)";
/*
 * A notice keeps its kind and facts, told in each reader's language.  The
 * deciders of a booking are its room's approvers, by name or group; the
 * administrators where the room names none.
 */
static const char SQL_NOTIFY_DECIDERS[] =
    "INSERT INTO notifications (user_id, booking_id, message, kind, facts)"
    " SELECT u.id, b.id, ?, ?, ? FROM bookings b JOIN users u"
    " WHERE b.id = ? AND NOT u.disabled AND IF(EXISTS (SELECT 1"
    "  FROM room_approvers a WHERE a.room_id = b.room_id),"
    "  u.id IN (SELECT a.user_id FROM room_approvers a"
    "   WHERE a.room_id = b.room_id AND a.user_id IS NOT NULL"
    "   UNION SELECT m.user_id FROM room_approvers a JOIN group_members m"
    "   ON m.group_id = a.group_id WHERE a.room_id = b.room_id),"
    "  u.role = 'admin')";
static const char SQL_NOTIFY_ADMINS[] =
    "INSERT INTO notifications (user_id, booking_id, message, kind, facts)"
    " SELECT id, ?, ?, ?, ? FROM users WHERE role = 'admin' AND NOT disabled";
/* A person, not an account nobody reads (disabled, a door display's). */
static const char SQL_NOTIFY[] =
    "INSERT INTO notifications (user_id, booking_id, message, kind, facts)"
    " SELECT id, ?, ?, ?, ? FROM users WHERE id = ? AND NOT disabled";
/* The people a booking names, but not whoever acted. */
static const char SQL_NOTIFY_NAMED[] =
    "INSERT INTO notifications (user_id, booking_id, message, kind, facts)"
    " SELECT p.user_id, ?, ?, ?, ? FROM booking_participants p"
    " WHERE p.booking_id = ? AND p.user_id IS NOT NULL AND p.user_id <> ?";
static const char SQL_ROOM_OF[] = "SELECT room_id FROM bookings WHERE id = ?";
static const char SQL_LOCK_ROOM_ONLY[] =
    "SELECT id FROM rooms WHERE id = ? FOR UPDATE";
static const char SQL_LOCK_BOOKING[] =
    "SELECT b.status, b.user_id, b.starts_at, b.ends_at, b.title,"
    " r.name AS room, r.checkin_required_since, b.actual_start, b.room_id"
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " WHERE b.id = ? FOR UPDATE";
static const char SQL_DECIDE[] =
    "UPDATE bookings SET status = ?, reason = ?, decided_by = ?,"
    " decided_at = UTC_TIMESTAMP(), version = version + 1,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";
static const char SQL_SET_STATE[] =
    "UPDATE bookings SET status = ?, reason = ?, version = version + 1,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";
/* Actual use: the start or the end, whichever the transition records. */
static const char SQL_SET_USE[] =
    "UPDATE bookings SET status = ?, actual_start = COALESCE(?, actual_start),"
    " actual_end = COALESCE(?, actual_end), version = version + 1,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";
static const char SQL_LAST_EVENT[] =
    "SELECT COALESCE(u.display_name, '') AS actor, e.at FROM booking_events e"
    " LEFT JOIN users u ON u.id = e.actor_id WHERE e.booking_id = ?"
    " ORDER BY e.id DESC LIMIT 1";

/* What records the booking's actual use. */
enum use_record {
	USE_NONE,
	USE_START,		/* actual_start = now */
	USE_END,		/* actual_end = now (or the given end), at most
				   the booked end */
};

/* What each action does: from which state, to which, with which event. */
static const struct transition {
	enum booking_action	 action;
	const char		*from[2];
	const char		*to;
	const char		*event;
	int			 decides;	/* sets decided_by/decided_at */
	int			 owner_or_admin; /* nobody else may */
	enum use_record		 use;
	const char		*mail;		/* what its people are sent */
} transitions[] = {
	{ ACT_CONFIRM,	{ "pending", NULL },	"confirmed", "confirmed", 1, 0,
	    USE_NONE, MAIL_CONFIRMED },
	{ ACT_DENY,	{ "pending", NULL },	"denied", "denied", 1, 0,
	    USE_NONE, MAIL_DENIED },
	{ ACT_CANCEL,	{ "pending", "confirmed" }, "cancelled", "cancelled", 0,
	    1, USE_NONE, MAIL_CANCELLED },
	{ ACT_EXPIRE,	{ "pending", NULL },	"expired", "expired", 0, 0,
	    USE_NONE, MAIL_EXPIRED },
	{ ACT_CHECKIN,	{ "confirmed", NULL },	"in_use", "checked_in", 0, 1,
	    USE_START, NULL },
	{ ACT_CHECKOUT,	{ "in_use", NULL },	"completed", "checked_out", 0, 1,
	    USE_END, NULL },
	{ ACT_RELEASE,	{ "confirmed", NULL },	"released", "released", 0, 0,
	    USE_NONE, MAIL_RELEASED },
	{ ACT_COMPLETE,	{ "in_use", NULL },	"completed", "completed", 0, 0,
	    USE_END, NULL },
	{ ACT_END_EARLY, { "in_use", NULL },	"completed", "ended_early", 0, 0,
	    USE_END, MAIL_CUT_SHORT },
};

/* When a booking may be checked into, in minutes around its start. */
static struct {
	int	opens_minutes;		/* before the start */
	int	grace_minutes;		/* after it; then it may be released */
} window = { 15, 15 };

void
booking_configure(const struct rules *k)
{
	window.opens_minutes = k->checkin_opens;
	window.grace_minutes = k->checkin_grace;
	booking_series_configure(k);
}

int
booking_checkin_open(time_t start, time_t end, time_t now)
{
	return now >= start - window.opens_minutes * 60 &&
	    now <= start + window.grace_minutes * 60 && now < end;
}

/* Retries of a transaction the server chose as a deadlock victim. */
#define ATTEMPTS	3

long long
booking_room_of(struct db *db, long long id)
{
	struct db_rows	*rows;
	long long	 room;

	if ((rows = db_query(db, SQL_ROOM_OF, DB_ARGS(DB_INT(id)))) == NULL)
		return -1;
	room = rows->nrows == 1 ? db_get_int(rows, 0, "room_id") : 0;
	db_rows_free(rows);
	return room;
}

enum booking_result
booking_retried(struct db *db, booking_attempt_fn attempt, void *arg)
{
	enum booking_result rc = BK_DB_ERROR;

	for (int i = 0; i < ATTEMPTS; i++)
		if ((rc = attempt(db, arg)) != BK_DB_ERROR ||
		    db_last_error(db) != DB_CONFLICT)
			break;
	return rc;
}

int
booking_event(struct db *db, long long id, const char *kind, long long actor,
    const char *reason)
{
	return db_exec(db, SQL_EVENT, DB_ARGS(DB_INT(id), DB_STR(kind),
	    actor > 0 ? DB_INT(actor) : DB_NULL,
	    reason != NULL ? DB_STR(reason) : DB_NULL), NULL) == 1 ? 0 : -1;
}

enum booking_result
booking_finish(struct db *db, enum booking_result rc)
{
	if (rc != BK_OK)
		db_rollback(db);
	else if (db_commit(db) == -1)
		rc = BK_DB_ERROR;
	return rc;
}

int
booking_notify(struct db *db, long long to, long long id, const char *kind,
    const struct notice_facts *n, long long except)
{
	char	message[1000], *facts;
	int	rc;

	words_notice_text(I18N_SOURCE, kind, n, message, sizeof message);
	if ((facts = words_notice_facts(n)) == NULL)
		return -1;
	if (to == NOTIFY_DECIDERS)
		rc = db_exec(db, SQL_NOTIFY_DECIDERS, DB_ARGS(DB_STR(message),
		    DB_STR(kind), DB_STR(facts), DB_INT(id)), NULL) < 0;
	else if (to == NOTIFY_ADMINS)
		rc = db_exec(db, SQL_NOTIFY_ADMINS, DB_ARGS(DB_INT(id),
		    DB_STR(message), DB_STR(kind), DB_STR(facts)), NULL) < 0;
	else if (to == NOTIFY_NAMED)
		rc = db_exec(db, SQL_NOTIFY_NAMED, DB_ARGS(DB_INT(id),
		    DB_STR(message), DB_STR(kind), DB_STR(facts), DB_INT(id),
		    DB_INT(except)), NULL) < 0;
	else
		rc = db_exec(db, SQL_NOTIFY, DB_ARGS(DB_INT(id),
		    DB_STR(message), DB_STR(kind), DB_STR(facts), DB_INT(to)),
		    NULL) < 0;
	free(facts);
	return rc ? -1 : 0;
}

/* A request token is its requester's: another person's is just unknown. */
static enum booking_result
find_by_token(struct db *db, const struct booking_request *q,
    struct booking_outcome *o)
{
	struct db_rows *rows;

	if ((rows = db_query(db, SQL_BY_TOKEN, DB_ARGS(DB_STR(q->request_token),
	    DB_INT(q->requester->id), DB_INT(q->requester->id)))) == NULL)
		return BK_DB_ERROR;
	o->id = rows->nrows == 1 ? db_get_int(rows, 0, "id") : 0;
	db_rows_free(rows);
	return o->id > 0 ? BK_EXISTING : BK_OK;
}

struct db_rows *
booking_lock_room(struct db *db, long long room, const char *from,
    const char *to)
{
	return db_query(db, SQL_LOCK_ROOM, DB_ARGS(DB_STR(to), DB_STR(from),
	    DB_INT(room)));
}

enum booking_result
booking_room_fits(const struct db_rows *rows, long long attendees,
    struct booking_outcome *o)
{
	if (rows->nrows == 0)
		return BK_NO_ROOM;
	if (db_get_int(rows, 0, "closed")) {
		/* Said with the reason and the day it opens again. */
		snprintf(o->reason, sizeof o->reason, "%s",
		    db_text(rows, 0, "unavailable_reason"));
		if (parse_sql_time(db_get(rows, 0, "closed_from"),
		    &o->conflict_start) == -1 ||
		    (db_get(rows, 0, "closed_until") != NULL && parse_sql_time(
		    db_get(rows, 0, "closed_until"), &o->conflict_end) == -1))
			return BK_DB_ERROR;
		return BK_ROOM_UNAVAILABLE;
	}
	if (attendees > (o->capacity = db_get_int(rows, 0, "capacity")))
		return BK_OVER_CAPACITY;
	return BK_OK;
}

enum booking_result
booking_find_overlap(struct db *db, long long room, long long except,
    time_t start, time_t end, int buffer, struct booking_outcome *o)
{
	char			 from[SQL_TIME_LEN], to[SQL_TIME_LEN];
	struct db_rows		*rows;
	enum booking_result	 rc = BK_OK;

	/* The buffer keeps as much free on each side of both bookings. */
	o->buffer_minutes = buffer;
	if (sql_time_utc(start - buffer * 60, from) == -1 ||
	    sql_time_utc(end + buffer * 60, to) == -1)
		return BK_DB_ERROR;
	if ((rows = db_query(db, SQL_OVERLAP, DB_ARGS(DB_INT(room),
	    DB_STR(to), DB_STR(from), DB_STR(from), DB_INT(except)))) == NULL)
		return BK_DB_ERROR;
	if (rows->nrows == 1 &&
	    parse_sql_time(db_get(rows, 0, "starts_at"), &o->conflict_start) == 0 &&
	    parse_sql_time(db_get(rows, 0, "ends_at"), &o->conflict_end) == 0)
		rc = BK_CONFLICT;
	db_rows_free(rows);
	return rc;
}

/*
 * Whether the request's people fit: as many attendees as it names, and
 * who asks may ask for its owner.  BK_OK or the refusal.
 */
enum booking_result
booking_request_people(struct db *db, const struct booking_request *q,
    const struct user *owner, struct booking_outcome *o)
{
	int may;

	o->named = q->participants != NULL ? (long long)q->participants->n : 0;
	if (q->attendees < o->named)
		return BK_TOO_FEW_ATTENDEES;
	if (owner == q->requester)
		return BK_OK;
	if ((may = delegate_may_act(db, q->requester, owner->id)) == -1)
		return BK_DB_ERROR;
	return may ? BK_OK : BK_NOT_DELEGATE;
}

enum booking_result
booking_policy_admits(struct db *db, const struct rules *k,
    const struct db_rows *room_row, long long room,
    const struct user *requester, long long owner, int exempt,
    struct policy *p, struct booking_outcome *o)
{
	int may;

	policy_of(room_row, 0, k, p);
	if (exempt)
		memset(p->limits, 0, sizeof p->limits);
	if (!p->restricted)
		return BK_OK;
	if ((may = policy_may_book(db, requester, owner, room, o->reason,
	    sizeof o->reason)) != 1)
		return may == -1 ? BK_DB_ERROR : BK_RESTRICTED;
	return BK_OK;
}

enum booking_result
booking_within_limits(struct db *db, const struct policy *p, long long room,
    long long owner, long long except, time_t start, time_t end,
    struct booking_outcome *o)
{
	enum limit	which;
	int		n = policy_limits_check(db, room, owner, except,
			    p->limits, &start, &end, 1, &which, &o->standing);

	return n == -1 ? BK_DB_ERROR : n > 0 ? BK_LIMIT : BK_OK;
}

/* Tells whom a new request concerns: deciders, its owner, its people. */
static int
tell_request(struct db *db, const struct booking_request *q,
    const struct user *owner, const char *room, long long id, int instant)
{
	struct notice_facts n = { .title = q->title, .room = room,
	    .actor = q->requester->name, .start = q->starts_at,
	    .end = q->ends_at };

	/* Confirmed at once: nothing to decide. */
	if (!instant && (booking_notify(db, NOTIFY_DECIDERS, id, "requested",
	    &n, 0) == -1 || outbox_deciders(db, id, 0, &n) == -1))
		return -1;
	if (outbox_booking(db, instant ? MAIL_CONFIRMED : MAIL_REQUESTED, id,
	    &n) == -1)
		return -1;
	if (owner != q->requester && booking_notify(db, owner->id, id,
	    "booked_for_you", &n, 0) == -1)
		return -1;
	if (q->participants == NULL || q->participants->n == 0)
		return 0;
	return booking_notify(db, NOTIFY_NAMED, id, "invited", &n,
	    q->requester->id);
}

/* One attempt at booking_request's transaction. */
static enum booking_result
try_request(struct db *db, const struct rules *k,
    const struct booking_request *q, struct booking_outcome *o)
{
	const struct user	*owner = q->owner != NULL ? q->owner :
				    q->requester;
	char			 from[SQL_TIME_LEN], to[SQL_TIME_LEN];
	char			 room[401];
	struct db_rows		*rows;
	struct policy		 p;
	const char		*state;
	enum booking_result	 rc;

	memset(o, 0, sizeof *o);
	if (sql_time_utc(q->starts_at, from) == -1 ||
	    sql_time_utc(q->ends_at, to) == -1 || db_begin(db) == -1)
		return BK_DB_ERROR;
	if ((rc = booking_request_people(db, q, owner, o)) != BK_OK)
		return booking_finish(db, rc);
	/* The room lock serialises every booking of this room. */
	if ((rows = booking_lock_room(db, q->room_id, from, to)) == NULL)
		return booking_finish(db, BK_DB_ERROR);
	rc = booking_room_fits(rows, q->attendees, o);
	snprintf(room, sizeof room, "%s", rows->nrows ?
	    db_text(rows, 0, "name") : "");
	if (rc == BK_OK)
		rc = booking_policy_admits(db, k, rows, q->room_id,
		    q->requester, owner->id, q->requester->admin ||
		    owner->admin, &p, o);
	db_rows_free(rows);
	if (rc != BK_OK ||
	    (rc = find_by_token(db, q, o)) != BK_OK ||
	    (rc = booking_find_overlap(db, q->room_id, 0, q->starts_at,
	    q->ends_at, p.buffer_minutes, o)) != BK_OK ||
	    (rc = booking_within_limits(db, &p, q->room_id, owner->id, 0,
	    q->starts_at, q->ends_at, o)) != BK_OK)
		return booking_finish(db, rc);
	/* A request nobody could decide before it begins (a door's button
	   offers a start just passed): the approvers could not confirm it. */
	if (!p.instant && q->starts_at < clock_now())
		return booking_finish(db, BK_STARTED);
	state = p.instant ? "confirmed" : "pending";
	snprintf(o->state, sizeof o->state, "%s", state);
	if (db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(q->room_id),
	    DB_INT(owner->id), DB_STR(q->title), DB_INT(q->attendees),
	    DB_STR(from), DB_STR(to), DB_STR(q->request_token),
	    DB_INT(q->private), owner != q->requester ?
	    DB_INT(q->requester->id) : DB_NULL, DB_STR(state), DB_STR(state)),
	    &o->id) != 1) {
		/* The same token raced in for another room: show that one. */
		if (db_last_error(db) == DB_DUPLICATE) {
			db_rollback(db);
			return find_by_token(db, q, o) ==
			    BK_EXISTING ? BK_EXISTING : BK_DB_ERROR;
		}
		return booking_finish(db, BK_DB_ERROR);
	}
	if (booking_event(db, o->id, "requested", q->requester->id,
	    NULL) == -1 ||
	    (p.instant && booking_event(db, o->id, "confirmed", 0,
	    NULL) == -1) ||
	    (q->participants != NULL &&
	    participants_store(db, o->id, q->participants) == -1) ||
	    tell_request(db, q, owner, room, o->id, p.instant) == -1 ||
	    readmodel_upsert(db, o->id) == -1)
		return booking_finish(db, BK_DB_ERROR);
	return booking_finish(db, BK_OK);
}

enum booking_result
booking_submit(struct db *db, const struct rules *k,
    const struct booking_request *q, struct booking_outcome *o)
{
	enum rule_broken rule;
	const char	*field;

	memset(o, 0, sizeof *o);
	if ((rule = rules_check(k, q->starts_at, q->ends_at, q->rules_at != 0 ?
	    q->rules_at : clock_now(), &field)) != RULE_OK) {
		o->rule = rule;
		o->field = field;
		return BK_RULE_BROKEN;
	}
	if (q->participants != NULL &&
	    q->participants->n > (size_t)k->max_participants)
		return BK_TOO_MANY_NAMED;
	return booking_request(db, k, q, o);
}

/* What one attempt at a request works on. */
struct request_attempt {
	const struct rules		*k;
	const struct booking_request	*q;
	struct booking_outcome		*o;
};

static enum booking_result
attempt_request(struct db *db, void *arg)
{
	struct request_attempt *a = arg;

	return try_request(db, a->k, a->q, a->o);
}

enum booking_result
booking_request(struct db *db, const struct rules *k,
    const struct booking_request *q, struct booking_outcome *o)
{
	struct request_attempt a = { k, q, o };

	return booking_retried(db, attempt_request, &a);
}

/* Who last changed the booking and when, for "already decided" answers. */
static void
last_change(struct db *db, long long id, struct booking_outcome *o)
{
	struct db_rows *rows = db_query(db, SQL_LAST_EVENT,
	    DB_ARGS(DB_INT(id)));

	if (rows != NULL && rows->nrows == 1) {
		snprintf(o->by, sizeof o->by, "%s", db_text(rows, 0, "actor"));
		if (parse_sql_time(db_get(rows, 0, "at"), &o->at) == -1)
			o->at = 0;
	}
	db_rows_free(rows);
}

static const struct transition *
transition_of(enum booking_action action)
{
	for (size_t i = 0; i < sizeof transitions / sizeof transitions[0]; i++)
		if (transitions[i].action == action)
			return &transitions[i];
	return NULL;
}

/*
 * Whether the clock allows t now for a booking [start, end) in a room
 * that requires check-in since required_since (0: it does not).
 * BK_OK, or the refusal with its time in o->at.
 */
static enum booking_result
timely(const struct transition *t, time_t start, time_t end,
    time_t required_since, time_t now, struct booking_outcome *o)
{
	switch (t->action) {
	case ACT_CONFIRM:
		return start <= now ? BK_STARTED : BK_OK;
	case ACT_EXPIRE:
		return start > now ? BK_NOT_ALLOWED : BK_OK;
	case ACT_CANCEL:
		return end <= now ? BK_ENDED : BK_OK;
	case ACT_CHECKIN:
		if (now < start - window.opens_minutes * 60) {
			o->at = start - window.opens_minutes * 60;
			return BK_TOO_EARLY;
		}
		if (!booking_checkin_open(start, end, now)) {
			o->at = start + window.grace_minutes * 60;
			if (o->at > end)
				o->at = end;
			return BK_TOO_LATE;
		}
		return BK_OK;
	case ACT_RELEASE:
		/* Only where check-in was required when the booking began. */
		return required_since != 0 && required_since <= start &&
		    now >= start + window.grace_minutes * 60 ? BK_OK :
		    BK_NOT_ALLOWED;
	case ACT_COMPLETE:
		return end <= now ? BK_OK : BK_NOT_ALLOWED;
	default:
		return BK_OK;
	}
}

/* The state change itself, with what it records. */
static int
set_state(struct db *db, long long id, const struct transition *t,
    const struct user *actor, const char *reason, time_t end, time_t when)
{
	char	at[SQL_TIME_LEN];

	if (t->decides)
		return db_exec(db, SQL_DECIDE, DB_ARGS(DB_STR(t->to),
		    reason != NULL ? DB_STR(reason) : DB_NULL,
		    DB_INT(actor != NULL ? actor->id : 0), DB_INT(id)), NULL);
	if (t->use == USE_NONE)
		return db_exec(db, SQL_SET_STATE, DB_ARGS(DB_STR(t->to),
		    reason != NULL ? DB_STR(reason) : DB_NULL, DB_INT(id)), NULL);
	if (sql_time_utc(t->use == USE_END && end < when ? end : when, at) == -1)
		return -1;
	return db_exec(db, SQL_SET_USE, DB_ARGS(DB_STR(t->to),
	    t->use == USE_START ? DB_STR(at) : DB_NULL,
	    t->use == USE_END ? DB_STR(at) : DB_NULL, DB_INT(id)), NULL);
}

/*
 * The transition itself, inside the caller's transaction with the room
 * row locked; a use ending ends at use_end (0: now); the people it
 * concerns told unless !tell (their caller tells them once for many),
 * and mailed mail (NULL: the action's own message).
 * Returns without committing or rolling back.
 */
static enum booking_result
apply_locked(struct db *db, long long id, const struct transition *t,
    const struct user *actor, const char *reason, time_t use_end, int tell,
    const char *mail, struct booking_outcome *o)
{
	struct db_rows	*rows;
	long long	 owner, room_id;
	time_t		 start, end, since = 0, began = 0, now = clock_now();
	char		 title[801], room[401];
	struct notice_facts notice;
	const char	*state;
	int		 from_ok, may, named = 0;
	enum booking_result rc;

	memset(o, 0, sizeof *o);
	o->id = id;
	if ((rows = db_query(db, SQL_LOCK_BOOKING, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return BK_DB_ERROR;
	if (rows->nrows != 1 ||
	    parse_sql_time(db_get(rows, 0, "starts_at"), &start) ||
	    parse_sql_time(db_get(rows, 0, "ends_at"), &end)) {
		db_rows_free(rows);
		return BK_NOT_FOUND;
	}
	state = db_text(rows, 0, "status");
	snprintf(o->state, sizeof o->state, "%s", state);
	owner = db_get_int(rows, 0, "user_id");
	room_id = db_get_int(rows, 0, "room_id");
	snprintf(title, sizeof title, "%s", db_text(rows, 0, "title"));
	snprintf(room, sizeof room, "%s", db_text(rows, 0, "room"));
	from_ok = strcmp(state, t->from[0]) == 0 ||
	    (t->from[1] != NULL && strcmp(state, t->from[1]) == 0);
	if (db_get(rows, 0, "checkin_required_since") != NULL &&
	    parse_sql_time(db_get(rows, 0, "checkin_required_since"),
	    &since) == -1)
		since = 0;
	if (db_get(rows, 0, "actual_start") != NULL &&
	    parse_sql_time(db_get(rows, 0, "actual_start"), &began) == -1)
		began = 0;
	db_rows_free(rows);

	/* A room's door display checks in there (its owner's PIN proved). */
	if (t->owner_or_admin && actor != NULL && !(t->action == ACT_CHECKIN &&
	    actor->display_room == room_id) &&
	    (may = delegate_may_act(db, actor, owner)) != 1)
		return may == -1 ? BK_DB_ERROR : BK_FORBIDDEN;
	/* Its room's approvers decide, and the administrators. */
	if (t->decides && actor != NULL &&
	    (may = policy_may_decide(db, actor, room_id)) != 1)
		return may == -1 ? BK_DB_ERROR : BK_FORBIDDEN;
	/*
	 * Whoever changes someone else's booking tells them why; their
	 * delegates act for them and need not.
	 */
	if ((reason == NULL || *reason == '\0') && (t->action == ACT_DENY ||
	    (t->action == ACT_CANCEL && actor != NULL && actor->id != owner &&
	    (named = delegate_is_named(db, owner, actor->id)) != 1)))
		return named == -1 ? BK_DB_ERROR : BK_REASON_REQUIRED;
	if (!from_ok) {
		last_change(db, id, o);
		return BK_NOT_ALLOWED;
	}
	if ((rc = timely(t, start, end, since, now, o)) != BK_OK)
		return rc;
	/* A use reported late ends when it ended, never before it began. */
	if (use_end != 0 && use_end < now && t->use == USE_END) {
		if (use_end < began) {
			o->at = began;
			return BK_BEFORE_USE;
		}
		now = use_end;
	}

	if (set_state(db, id, t, actor, reason, end, now) != 1 ||
	    booking_event(db, id, t->event, actor != NULL ? actor->id : 0,
	    reason) == -1)
		return BK_DB_ERROR;
	notice = (struct notice_facts){ .title = title, .room = room,
	    .actor = actor != NULL ? actor->name : NULL, .reason = reason,
	    .start = start, .end = end,
	    .grace_minutes = window.grace_minutes };
	if (tell && (actor == NULL || actor->id != owner) && booking_notify(db,
	    owner, id, words_notice_kind(t->action), &notice, 0) == -1)
		return BK_DB_ERROR;
	/* The people it names learn that it will not take place. */
	if (tell && (t->action == ACT_CANCEL || t->action == ACT_DENY) &&
	    booking_notify(db, NOTIFY_NAMED, id, "invite_called_off", &notice,
	    actor != NULL ? actor->id : 0) == -1)
		return BK_DB_ERROR;
	if (mail == NULL)
		mail = t->mail;
	if (tell && mail != NULL && outbox_booking(db, mail, id,
	    &notice) == -1)
		return BK_DB_ERROR;
	if (readmodel_upsert(db, id) == -1)
		return BK_DB_ERROR;
	/* No-shows in a row give up the rest of a series. */
	if (t->action == ACT_RELEASE && booking_series_no_show(db, id) == -1)
		return BK_DB_ERROR;
	return BK_OK;
}

/* One attempt at booking_apply's transaction. */
static enum booking_result
try_apply(struct db *db, long long id, const struct transition *t,
    const struct user *actor, const char *reason, time_t use_end,
    struct booking_outcome *o)
{
	struct db_rows	*rows;
	long long	 room_id;

	memset(o, 0, sizeof *o);
	o->id = id;
	if (db_begin(db) == -1)
		return BK_DB_ERROR;
	/* Room first, then booking: the same order as every writer. */
	if ((room_id = booking_room_of(db, id)) <= 0)
		return booking_finish(db, room_id == 0 ? BK_NOT_FOUND :
		    BK_DB_ERROR);
	if ((rows = db_query(db, SQL_LOCK_ROOM_ONLY,
	    DB_ARGS(DB_INT(room_id)))) == NULL)
		return booking_finish(db, BK_DB_ERROR);
	db_rows_free(rows);
	return booking_finish(db, apply_locked(db, id, t, actor, reason, use_end,
	    1, NULL, o));
}

enum booking_result
booking_apply_locked(struct db *db, long long id, enum booking_action action,
    const struct user *actor, const char *reason, const char *mail,
    struct booking_outcome *o)
{
	const struct transition *t = transition_of(action);

	return t != NULL ? apply_locked(db, id, t, actor, reason, 0, 1, mail,
	    o) :
	    BK_NOT_ALLOWED;
}

enum booking_result
booking_apply_untold(struct db *db, long long id, enum booking_action action,
    const struct user *actor, const char *reason, struct booking_outcome *o)
{
	const struct transition *t = transition_of(action);

	return t != NULL ? apply_locked(db, id, t, actor, reason, 0, 0, NULL,
	    o) :
	    BK_NOT_ALLOWED;
}

/* What one attempt at a transition works on. */
struct apply_attempt {
	long long		 id;
	const struct transition	*t;
	const struct user	*actor;
	const char		*reason;
	time_t			 use_end;
	struct booking_outcome	*o;
};

static enum booking_result
attempt_apply(struct db *db, void *arg)
{
	struct apply_attempt *a = arg;

	return try_apply(db, a->id, a->t, a->actor, a->reason, a->use_end,
	    a->o);
}

/* booking_apply, retried when the server picks it as a deadlock victim. */
static enum booking_result
apply_retried(struct db *db, long long id, enum booking_action action,
    const struct user *actor, const char *reason, time_t use_end,
    struct booking_outcome *o)
{
	struct apply_attempt a = { id, transition_of(action), actor, reason,
	    use_end, o };

	if (a.t == NULL)
		return BK_NOT_ALLOWED;
	return booking_retried(db, attempt_apply, &a);
}

enum booking_result
booking_apply(struct db *db, long long id, enum booking_action action,
    const struct user *actor, const char *reason, struct booking_outcome *o)
{
	return apply_retried(db, id, action, actor, reason, 0, o);
}

enum booking_result
booking_check_out_at(struct db *db, long long id, const struct user *actor,
    time_t ended, struct booking_outcome *o)
{
	return apply_retried(db, id, ACT_CHECKOUT, actor, NULL, ended, o);
}
