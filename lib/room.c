/* room: rooms' changes as transactions: add, change, out of use and back, remove. */
#include <stdio.h>
#include <string.h>

#include "booking.h"
#include "clock.h"
#include "db.h"
#include "feature.h"
#include "log.h"
#include "outbox.h"
#include "photo.h"
#include "policy.h"
#include "readmodel.h"
#include "room.h"

/* Check-in is required from the moment it is switched on. */
static const char SQL_INSERT[] =
    "INSERT INTO rooms (name, location, capacity, description,"
    " checkin_required_since, approval, buffer_minutes, max_per_day,"
    " max_per_week, max_hours_per_week, max_future, floor_id)"
    " VALUES (?, ?, ?, ?, IF(?, UTC_TIMESTAMP(), NULL), ?, ?, ?, ?, ?, ?,"
    " NULLIF(?, 0))";
static const char SQL_EVENT[] =
    "INSERT INTO room_events (room_id, kind, actor_id, reason, cancelled,"
    " closed_from, closed_until) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_LOCK[] =
    "SELECT name, location, capacity, description, version, status,"
    " unavailable_reason, closed_from, closed_until"
    " FROM rooms WHERE id = ? FOR UPDATE";
static const char SQL_UPDATE[] =
    "UPDATE rooms SET name = ?, location = ?, capacity = ?, description = ?,"
    " checkin_required_since = IF(?, COALESCE(checkin_required_since,"
    " UTC_TIMESTAMP()), NULL), approval = ?, buffer_minutes = ?,"
    " max_per_day = ?, max_per_week = ?, max_hours_per_week = ?,"
    " max_future = ?, floor_id = IF(? < 0, floor_id, NULLIF(?, 0)),"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ?";
/*
 * The floor a room is put on, with its building, locked against removal
 * until the room is saved (lib/place removes under the building's lock).
 */
static const char SQL_FLOOR[] =
    "SELECT f.id FROM floors f JOIN buildings b ON b.id = f.building_id"
    " WHERE f.id = ? LOCK IN SHARE MODE";
/* Status says whether the closure window (if any) has begun. */
static const char SQL_SET_CLOSURE[] =
    "UPDATE rooms SET status = ?, unavailable_reason = ?,"
    " closed_from = ?, closed_until = ?,"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ?";
static const char SQL_CLEAR_CLOSURE[] =
    "UPDATE rooms SET status = 'available', unavailable_reason = NULL,"
    " closed_from = NULL, closed_until = NULL,"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ?";
static const char SQL_WINDOW_BEGUN[] =
    "UPDATE rooms SET status = 'unavailable', version = version + 1,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";
/* A booking as the room's pages list it (b: bookings, u: its owner). */
#define LISTED_BOOKING \
    "b.id AS booking_id, b.title, b.starts_at, b.ends_at," \
    " u.display_name AS owner_name, b.attendees"

/*
 * What still holds a slot of the room inside the window [from, until)
 * (until NULL: open-ended), from now on, in progress included.
 */
static const char SQL_LIVE_BOOKINGS[] =
    "SELECT " LISTED_BOOKING ", b.status = 'in_use' AS in_use"
    " FROM bookings b JOIN users u ON u.id = b.user_id"
    " WHERE b.room_id = ? AND (b.status IN ('pending','confirmed')"
    /* A meeting in the room is ended when the closure begins, not before. */
    "  OR (b.status = 'in_use' AND ?))"
    " AND b.ends_at > UTC_TIMESTAMP() AND b.ends_at > ?"
    " AND (? IS NULL OR b.starts_at < ?)"
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "UTC_TIMESTAMP()")
    " ORDER BY b.starts_at";
static const char SQL_CLOSURE_BOOKING[] =
    "INSERT INTO room_closure_bookings (room_event_id, booking_id)"
    " VALUES (?, ?)";
static const char SQL_CLOSURE_BOOKINGS[] =
    "SELECT " LISTED_BOOKING ", b.status = 'completed' AS in_use"
    " FROM room_closure_bookings c JOIN room_events e ON e.id = c.room_event_id"
    " JOIN bookings b ON b.id = c.booking_id JOIN users u ON u.id = b.user_id"
    " WHERE c.room_event_id = ? AND e.room_id = ? ORDER BY b.starts_at";
static const char SQL_OVER_CAPACITY[] =
    "SELECT " LISTED_BOOKING
    " FROM bookings b JOIN users u ON u.id = b.user_id"
    " JOIN rooms r ON r.id = b.room_id"
    " WHERE b.room_id = ? AND b.status IN ('pending','confirmed')"
    " AND b.ends_at > UTC_TIMESTAMP() AND b.attendees > r.capacity"
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "UTC_TIMESTAMP()")
    " ORDER BY b.starts_at";
/* The minutely sweep's: windows that have begun, and that have ended. */
static const char SQL_WINDOWS_BEGUN[] =
    "SELECT id FROM rooms WHERE status = 'available'"
    " AND closed_from <= ? AND (closed_until IS NULL OR closed_until > ?)"
    " ORDER BY id";
static const char SQL_WINDOWS_ENDED[] =
    "SELECT id FROM rooms WHERE closed_until <= ? ORDER BY id";
static const char SQL_HAS_BOOKINGS[] =
    "SELECT EXISTS (SELECT 1 FROM bookings WHERE room_id = ?) AS"
    " has_bookings";
static const char SQL_DELETE[] = "DELETE FROM rooms WHERE id = ?";
static const char SQL_KEEP_PHOTO[] =
    "INSERT IGNORE INTO room_photos (name, jpeg, width, height)"
    " VALUES (?, ?, ?, ?)";
static const char SQL_SET_PHOTO[] =
    "UPDATE rooms SET photo = ?, version = version + 1,"
    " updated_at = UTC_TIMESTAMP() WHERE id = ?";
/* The photos no room shows. */
static const char SQL_DROP_PHOTOS[] =
    "DELETE FROM room_photos WHERE name = ? AND NOT EXISTS"
    " (SELECT 1 FROM rooms WHERE photo = ?)";
static const char SQL_PHOTO_OF[] = "SELECT photo FROM rooms WHERE id = ?";

/* A room's event; actor NULL: the schedule (a closure's end). */
/* The room's event; its id into *event_id when that is not NULL. */
static int
add_window_event(struct db *db, const struct user *actor, long long room,
    const char *kind, const char *reason, long long cancelled,
    const char *from, const char *until, long long *event_id)
{
	return db_exec(db, SQL_EVENT, DB_ARGS(DB_INT(room), DB_STR(kind),
	    actor != NULL ? DB_INT(actor->id) : DB_NULL,
	    reason != NULL ? DB_STR(reason) : DB_NULL, DB_INT(cancelled),
	    from != NULL ? DB_STR(from) : DB_NULL,
	    until != NULL ? DB_STR(until) : DB_NULL), event_id) == 1 ? 0 : -1;
}

/* Each booking of o->cancelled, noted as the closure event's. */
static int
note_closure_bookings(struct db *db, const struct room_outcome *o)
{
	for (size_t i = 0; i < o->cancelled->nrows; i++)
		if (db_exec(db, SQL_CLOSURE_BOOKING, DB_ARGS(DB_INT(o->event_id),
		    DB_INT(db_get_int(o->cancelled, i, "booking_id"))), NULL) != 1)
			return -1;
	return 0;
}

struct db_rows *
room_closure_bookings(struct db *db, long long room, long long event_id)
{
	return db_query(db, SQL_CLOSURE_BOOKINGS, DB_ARGS(DB_INT(event_id),
	    DB_INT(room)));
}

struct db_rows *
room_bookings_over_capacity(struct db *db, long long room)
{
	return db_query(db, SQL_OVER_CAPACITY, DB_ARGS(DB_INT(room)));
}

static int
add_event(struct db *db, const struct user *actor, long long room,
    const char *kind, const char *reason, long long cancelled)
{
	return add_window_event(db, actor, room, kind, reason, cancelled, NULL,
	    NULL, NULL);
}

/* A room's own limit, or NULL for the site's. */
#define LIMIT_ARG(in, l)	((in)->limits[l] == LIMIT_SITE ? DB_NULL : \
				    DB_INT((in)->limits[l]))

/*
 * The room's approvers and who may book it, as in gives them, inside the
 * transaction; ROOM_OK or the name nobody has (rolled back).
 */
static enum room_result
store_policy(struct db *db, long long id, const struct room_input *in,
    struct room_outcome *o)
{
	int rc = policy_store(db, id, in, o->reason, sizeof o->reason);

	switch (rc) {
	case 0:
		return ROOM_OK;
	case 1:
		db_rollback(db);
		return ROOM_NO_PERSON;
	case 2:
	case 3:
		o->field = rc == 2 ? "approver_groups" : "bookable_by";
		db_rollback(db);
		return ROOM_NO_GROUP;
	default:
		db_rollback(db);
		return ROOM_DB_ERROR;
	}
}

/*
 * Whether in's floor (if it names one) is there, locked for the
 * transaction: ROOM_OK, or ROOM_NO_FLOOR or ROOM_DB_ERROR rolled back.
 */
static enum room_result
lock_floor(struct db *db, const struct room_input *in)
{
	struct db_rows		*rows;
	enum room_result	 rc;

	if (in->floor_id <= 0)
		return ROOM_OK;
	if ((rows = db_query(db, SQL_FLOOR, DB_ARGS(DB_INT(in->floor_id)))) ==
	    NULL) {
		db_rollback(db);
		return ROOM_DB_ERROR;
	}
	rc = rows->nrows == 1 ? ROOM_OK : ROOM_NO_FLOOR;
	db_rows_free(rows);
	if (rc != ROOM_OK)
		db_rollback(db);
	return rc;
}

/* The room's features as in names them: ROOM_OK or rolled back. */
static enum room_result
store_features(struct db *db, long long id, const struct room_input *in,
    struct room_outcome *o)
{
	int rc = feature_store(db, id, &in->features, o->reason,
	    sizeof o->reason);

	if (rc == 0)
		return ROOM_OK;
	db_rollback(db);
	return rc == 1 ? ROOM_NO_FEATURE : ROOM_DB_ERROR;
}

/* Rolls back a write the database refused: a taken name, or a failure. */
static enum room_result
write_refused(struct db *db)
{
	enum room_result rc = db_last_error(db) == DB_DUPLICATE ?
	    ROOM_NAME_TAKEN : ROOM_DB_ERROR;

	db_rollback(db);
	return rc;
}

/*
 * Rolls back unless rc is ROOM_OK; then commits, the pages kept of the
 * rooms made stale with it.  Passes rc on.
 */
static enum room_result
finish(struct db *db, enum room_result rc)
{
	if (rc == ROOM_OK && readmodel_new_epoch(db) == -1)
		rc = ROOM_DB_ERROR;
	if (rc != ROOM_OK)
		db_rollback(db);
	else if (db_commit(db) == -1)
		rc = ROOM_DB_ERROR;
	return rc;
}

/*
 * Opens the transaction and locks room id, whose version must be version
 * (0: any).  ROOM_OK with its row in *cur (to free), or the refusal,
 * rolled back.
 */
static enum room_result
lock_room(struct db *db, long long id, long long version,
    struct room_outcome *o, struct db_rows **cur)
{
	if (db_begin(db) == -1)
		return ROOM_DB_ERROR;
	if ((*cur = db_query(db, SQL_LOCK, DB_ARGS(DB_INT(id)))) == NULL)
		return finish(db, ROOM_DB_ERROR);
	if ((*cur)->nrows != 1) {
		db_rows_free(*cur);
		*cur = NULL;
		return finish(db, ROOM_NOT_FOUND);
	}
	if (version != 0 && db_get_int(*cur, 0, "version") != version) {
		o->version = db_get_int(*cur, 0, "version");
		o->current = *cur;
		*cur = NULL;
		return finish(db, ROOM_STALE);
	}
	return ROOM_OK;
}

enum room_result
room_add(struct db *db, const struct user *actor, const struct room_input *in,
    struct room_outcome *o)
{
	enum room_result rc;

	memset(o, 0, sizeof *o);
	if (db_begin(db) == -1)
		return ROOM_DB_ERROR;
	if ((rc = lock_floor(db, in)) != ROOM_OK)
		return rc;
	if (db_exec(db, SQL_INSERT, DB_ARGS(DB_STR(in->name),
	    DB_STR(in->location), DB_INT(in->capacity), DB_STR(in->description),
	    DB_INT(in->checkin_required), DB_STR(in->instant ? "instant" :
	    "required"), DB_INT(in->buffer_minutes),
	    LIMIT_ARG(in, LIMIT_PER_DAY), LIMIT_ARG(in, LIMIT_PER_WEEK),
	    LIMIT_ARG(in, LIMIT_HOURS_PER_WEEK), LIMIT_ARG(in, LIMIT_FUTURE),
	    DB_INT(in->floor_id > 0 ? in->floor_id : 0)), &o->id) != 1 ||
	    add_event(db, actor, o->id, "created", NULL, 0) == -1)
		return write_refused(db);
	if ((rc = store_policy(db, o->id, in, o)) != ROOM_OK ||
	    (rc = store_features(db, o->id, in, o)) != ROOM_OK)
		return rc;
	return finish(db, ROOM_OK);
}

enum room_result
room_change(struct db *db, const struct user *actor, long long id,
    long long version, const struct room_input *in, struct room_outcome *o)
{
	struct db_rows		*cur;
	enum room_result	 rc;
	int			 renamed;

	memset(o, 0, sizeof *o);
	if ((rc = lock_room(db, id, version, o, &cur)) != ROOM_OK)
		return rc;
	renamed = strcmp(db_text(cur, 0, "name"), in->name) != 0;
	db_rows_free(cur);
	if ((rc = lock_floor(db, in)) != ROOM_OK)
		return rc;
	if (db_exec(db, SQL_UPDATE, DB_ARGS(DB_STR(in->name),
	    DB_STR(in->location), DB_INT(in->capacity), DB_STR(in->description),
	    DB_INT(in->checkin_required), DB_STR(in->instant ? "instant" :
	    "required"), DB_INT(in->buffer_minutes),
	    LIMIT_ARG(in, LIMIT_PER_DAY), LIMIT_ARG(in, LIMIT_PER_WEEK),
	    LIMIT_ARG(in, LIMIT_HOURS_PER_WEEK), LIMIT_ARG(in, LIMIT_FUTURE),
	    DB_INT(in->floor_id), DB_INT(in->floor_id), DB_INT(id)),
	    NULL) != 1 ||
	    (renamed && readmodel_rename_room(db, id, in->name) == -1) ||
	    add_event(db, actor, id, "edited", NULL, 0) == -1)
		return write_refused(db);
	if ((rc = store_policy(db, id, in, o)) != ROOM_OK ||
	    (rc = store_features(db, id, in, o)) != ROOM_OK)
		return rc;
	return finish(db, ROOM_OK);
}

/*
 * Cancels every live booking of the locked room inside [from, until)
 * (until NULL: open-ended), and ends the one in use now if the window has
 * begun; they go to o.
 */
static int
cancel_live_bookings(struct db *db, const struct user *actor, long long id,
    const char *reason, const char *from, const char *until, int begun,
    struct room_outcome *o)
{
	struct booking_outcome bo;

	if ((o->cancelled = room_bookings_in_window(db, id, from, until,
	    begun)) ==
	    NULL)
		return -1;
	for (size_t i = 0; i < o->cancelled->nrows; i++) {
		long long booking = db_get_int(o->cancelled, i, "booking_id");
		int in_use = db_get_int(o->cancelled, i, "in_use") == 1;
		enum booking_result rc = booking_apply_locked(db, booking,
		    in_use ? ACT_END_EARLY : ACT_CANCEL, actor, reason,
		    in_use ? NULL : MAIL_CLOSED, &bo);

		if (rc != BK_OK) {
			log_error(NULL, "cancelling booking %lld of room %lld "
			    "failed (%d)", booking, id, rc);
			return -1;
		}
	}
	return 0;
}

struct db_rows *
room_bookings_in_window(struct db *db, long long id, const char *from,
    const char *until, int begun)
{
	return db_query(db, SQL_LIVE_BOOKINGS, DB_ARGS(DB_INT(id), DB_INT(begun),
	    DB_STR(from), until != NULL ? DB_STR(until) : DB_NULL,
	    until != NULL ? DB_STR(until) : DB_NULL));
}

enum room_result
room_close(struct db *db, const struct user *actor, long long id,
    long long version, const struct room_closure *c, struct room_outcome *o)
{
	struct db_rows		*cur;
	enum room_result	 rc;
	char			 from[SQL_TIME_LEN], until[SQL_TIME_LEN];
	time_t			 now = clock_now();
	time_t			 start = c->from > now ? c->from : now;

	memset(o, 0, sizeof *o);
	if (c->until != 0 && c->until <= start)
		return ROOM_BAD_WINDOW;
	if (sql_time_utc(start, from) == -1 ||
	    (c->until != 0 && sql_time_utc(c->until, until) == -1))
		return ROOM_DB_ERROR;
	/* The same lock every booking of this room takes: none slips in. */
	if ((rc = lock_room(db, id, version, o, &cur)) != ROOM_OK)
		return rc;
	if (db_get(cur, 0, "closed_from") != NULL) {
		snprintf(o->status, sizeof o->status, "unavailable");
		snprintf(o->reason, sizeof o->reason, "%s",
		    db_text(cur, 0, "unavailable_reason"));
		db_rows_free(cur);
		return finish(db, ROOM_ALREADY);
	}
	db_rows_free(cur);
	if (db_exec(db, SQL_SET_CLOSURE, DB_ARGS(DB_STR(start <= now ?
	    "unavailable" : "available"), DB_STR(c->reason), DB_STR(from),
	    c->until != 0 ? DB_STR(until) : DB_NULL, DB_INT(id)), NULL) != 1 ||
	    cancel_live_bookings(db, actor, id, c->reason, from,
	    c->until != 0 ? until : NULL, c->from <= now, o) == -1 ||
	    add_window_event(db, actor, id, "unavailable", c->reason,
	    (long long)o->cancelled->nrows, from, c->until != 0 ? until :
	    NULL, &o->event_id) == -1 || note_closure_bookings(db, o) == -1)
		rc = ROOM_DB_ERROR;
	if ((rc = finish(db, rc)) != ROOM_OK) {
		db_rows_free(o->cancelled);
		o->cancelled = NULL;
	}
	return rc;
}

enum room_result
room_reopen(struct db *db, const struct user *actor, long long id,
    long long version, struct room_outcome *o)
{
	struct db_rows		*cur;
	enum room_result	 rc;

	memset(o, 0, sizeof *o);
	if ((rc = lock_room(db, id, version, o, &cur)) != ROOM_OK)
		return rc;
	/* Nothing closed, now or ahead. */
	if (db_get(cur, 0, "closed_from") == NULL) {
		snprintf(o->status, sizeof o->status, "available");
		rc = ROOM_ALREADY;
	}
	db_rows_free(cur);
	if (rc == ROOM_OK && (db_exec(db, SQL_CLEAR_CLOSURE, DB_ARGS(
	    DB_INT(id)), NULL) != 1 ||
	    add_event(db, actor, id, "available", NULL, 0) == -1))
		rc = ROOM_DB_ERROR;
	return finish(db, rc);
}

/*
 * One room's window begun or ended at now, under its lock, if it still
 * is (someone may have reopened it meanwhile): 1 done, 0 not, -1 failed.
 */
static int
sweep_room(struct db *db, long long id, const char *now, int ended)
{
	struct room_outcome	 o;
	struct db_rows		*cur;
	const char		*from, *until;
	char			 reason[sizeof o.reason], end[SQL_TIME_LEN];
	int			 due, rc;

	memset(&o, 0, sizeof o);
	if (lock_room(db, id, 0, &o, &cur) != ROOM_OK)
		return -1;
	from = db_get(cur, 0, "closed_from");
	until = db_get(cur, 0, "closed_until");
	due = ended ? until != NULL && strcmp(until, now) <= 0 :
	    from != NULL && strcmp(from, now) <= 0 &&
	    strcmp(db_text(cur, 0, "status"), "available") == 0 &&
	    (until == NULL || strcmp(until, now) > 0);
	snprintf(reason, sizeof reason, "%s",
	    db_text(cur, 0, "unavailable_reason"));
	snprintf(end, sizeof end, "%s", until != NULL ? until : "");
	db_rows_free(cur);
	if (!due)
		return finish(db, ROOM_OK) == ROOM_OK ? 0 : -1;
	/*
	 * The bookings inside were cancelled when the window was set; a
	 * meeting in the room as the window begins is ended now.
	 */
	rc = ended ? db_exec(db, SQL_CLEAR_CLOSURE, DB_ARGS(DB_INT(id)),
	    NULL) == 1 && add_event(db, NULL, id, "reopened", NULL, 0) == 0 :
	    db_exec(db, SQL_WINDOW_BEGUN, DB_ARGS(DB_INT(id)), NULL) == 1 &&
	    cancel_live_bookings(db, NULL, id, reason, now, end[0] != '\0' ?
	    end : NULL, 1, &o) == 0;
	room_outcome_free(&o);
	return finish(db, rc ? ROOM_OK : ROOM_DB_ERROR) == ROOM_OK ? 1 : -1;
}

int
room_sweep_closures(struct db *db, time_t at, long long *begun,
    long long *ended)
{
	char		 now[SQL_TIME_LEN];
	struct db_rows	*rows;

	*begun = *ended = 0;
	if (sql_time_utc(at, now) == -1)
		return -1;
	for (int pass = 0; pass < 2; pass++) {
		long long *count = pass ? ended : begun;

		if ((rows = pass ? db_query(db, SQL_WINDOWS_ENDED,
		    DB_ARGS(DB_STR(now))) : db_query(db, SQL_WINDOWS_BEGUN,
		    DB_ARGS(DB_STR(now), DB_STR(now)))) == NULL)
			return -1;
		for (size_t i = 0; i < rows->nrows; i++) {
			int done = sweep_room(db, db_get_int(rows, i, "id"), now,
			    pass);

			if (done == -1) {
				db_rows_free(rows);
				return -1;
			}
			*count += done;
		}
		db_rows_free(rows);
	}
	return 0;
}

enum room_result
room_set_photo(struct db *db, const struct user *actor, long long id,
    const struct photo *p, struct room_outcome *o)
{
	struct db_rows		*cur;
	enum room_result	 rc;
	char			 name[ROOM_PHOTO_NAME + 1], was[ROOM_PHOTO_NAME + 1];

	memset(o, 0, sizeof *o);
	if ((rc = lock_room(db, id, 0, o, &cur)) != ROOM_OK)
		return rc;
	db_rows_free(cur);
	if ((cur = db_query(db, SQL_PHOTO_OF, DB_ARGS(DB_INT(id)))) == NULL)
		return finish(db, ROOM_DB_ERROR);
	snprintf(was, sizeof was, "%s", db_text(cur, 0, "photo"));
	db_rows_free(cur);
	if (p != NULL) {
		snprintf(name, sizeof name, "%.*s", ROOM_PHOTO_NAME, p->name);
		if (db_exec(db, SQL_KEEP_PHOTO, DB_ARGS(DB_STR(name),
		    DB_BLOB(p->jpeg, p->len), DB_INT(p->width),
		    DB_INT(p->height)), NULL) < 0)
			return finish(db, ROOM_DB_ERROR);
	}
	if (db_exec(db, SQL_SET_PHOTO, DB_ARGS(p != NULL ? DB_STR(name) :
	    DB_NULL, DB_INT(id)), NULL) != 1 ||
	    (was[0] != '\0' && db_exec(db, SQL_DROP_PHOTOS, DB_ARGS(DB_STR(was),
	    DB_STR(was)), NULL) < 0) ||
	    add_event(db, actor, id, "edited", NULL, 0) == -1)
		return finish(db, ROOM_DB_ERROR);
	return finish(db, ROOM_OK);
}

enum room_result
room_remove(struct db *db, const struct user *actor, long long id,
    struct room_outcome *o)
{
	struct db_rows		*cur, *has;
	enum room_result	 rc;

	(void)actor;	/* the room and its events go: nothing to record */
	memset(o, 0, sizeof *o);
	if ((rc = lock_room(db, id, 0, o, &cur)) != ROOM_OK)
		return rc;
	db_rows_free(cur);
	if ((has = db_query(db, SQL_HAS_BOOKINGS, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return finish(db, ROOM_DB_ERROR);
	rc = db_get_int(has, 0, "has_bookings") ? ROOM_HAS_BOOKINGS : ROOM_OK;
	db_rows_free(has);
	if (rc == ROOM_OK && db_exec(db, SQL_DELETE, DB_ARGS(DB_INT(id)),
	    NULL) != 1)
		rc = ROOM_DB_ERROR;
	return finish(db, rc);
}

void
room_outcome_free(struct room_outcome *o)
{
	db_rows_free(o->current);
	db_rows_free(o->cancelled);
	o->current = o->cancelled = NULL;
}
