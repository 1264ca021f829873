/* room: rooms' changes as transactions: add, change, out of use and back, remove. */
#include <stdio.h>
#include <string.h>

#include "booking.h"
#include "db.h"
#include "log.h"
#include "readmodel.h"
#include "room.h"

/* Check-in is required from the moment it is switched on. */
static const char SQL_INSERT[] =
    "INSERT INTO rooms (name, location, capacity, description,"
    " checkin_required_since) VALUES (?, ?, ?, ?, IF(?, UTC_TIMESTAMP(), NULL))";
static const char SQL_EVENT[] =
    "INSERT INTO room_events (room_id, kind, actor_id, reason, cancelled)"
    " VALUES (?, ?, ?, ?, ?)";
static const char SQL_LOCK[] =
    "SELECT name, location, capacity, description, version, status,"
    " unavailable_reason FROM rooms WHERE id = ? FOR UPDATE";
static const char SQL_UPDATE[] =
    "UPDATE rooms SET name = ?, location = ?, capacity = ?, description = ?,"
    " checkin_required_since = IF(?, COALESCE(checkin_required_since,"
    " UTC_TIMESTAMP()), NULL),"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ?";
static const char SQL_SET_STATUS[] =
    "UPDATE rooms SET status = ?, unavailable_reason = ?,"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ?";
/* Everything that still holds a slot of the room, in progress included. */
static const char SQL_LIVE_BOOKINGS[] =
    "SELECT b.id AS booking_id, b.title, b.starts_at, b.ends_at,"
    " u.display_name AS owner_name, b.attendees"
    " FROM bookings b JOIN users u ON u.id = b.user_id"
    " WHERE b.room_id = ? AND b.status IN ('pending','confirmed')"
    " AND b.ends_at > UTC_TIMESTAMP()"
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "UTC_TIMESTAMP()")
    " ORDER BY b.starts_at";
static const char SQL_HAS_BOOKINGS[] =
    "SELECT EXISTS (SELECT 1 FROM bookings WHERE room_id = ?) AS"
    " has_bookings";
static const char SQL_DELETE[] = "DELETE FROM rooms WHERE id = ?";

static int
add_event(struct db *db, const struct user *actor, long long room,
    const char *kind, const char *reason, long long cancelled)
{
	return db_exec(db, SQL_EVENT, DB_ARGS(DB_INT(room), DB_STR(kind),
	    DB_INT(actor->id), reason != NULL ? DB_STR(reason) : DB_NULL,
	    DB_INT(cancelled)), NULL) == 1 ? 0 : -1;
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

/* Rolls back unless rc is ROOM_OK; then commits.  Passes rc on. */
static enum room_result
finish(struct db *db, enum room_result rc)
{
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
	memset(o, 0, sizeof *o);
	if (db_begin(db) == -1)
		return ROOM_DB_ERROR;
	if (db_exec(db, SQL_INSERT, DB_ARGS(DB_STR(in->name),
	    DB_STR(in->location), DB_INT(in->capacity), DB_STR(in->description),
	    DB_INT(in->checkin_required)), &o->id) != 1 ||
	    add_event(db, actor, o->id, "created", NULL, 0) == -1)
		return write_refused(db);
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
	if (db_exec(db, SQL_UPDATE, DB_ARGS(DB_STR(in->name),
	    DB_STR(in->location), DB_INT(in->capacity), DB_STR(in->description),
	    DB_INT(in->checkin_required), DB_INT(id)), NULL) != 1 ||
	    (renamed && readmodel_rename_room(db, id, in->name) == -1) ||
	    add_event(db, actor, id, "edited", NULL, 0) == -1)
		return write_refused(db);
	return finish(db, ROOM_OK);
}

/* Cancels every live booking of the locked room; they go to o. */
static int
cancel_live_bookings(struct db *db, const struct user *actor, long long id,
    const char *reason, struct room_outcome *o)
{
	struct booking_outcome bo;

	if ((o->cancelled = db_query(db, SQL_LIVE_BOOKINGS,
	    DB_ARGS(DB_INT(id)))) == NULL)
		return -1;
	for (size_t i = 0; i < o->cancelled->nrows; i++) {
		long long booking = db_get_int(o->cancelled, i, "booking_id");
		enum booking_result rc = booking_apply_locked(db, booking,
		    ACT_CANCEL, actor, reason, &bo);

		if (rc != BK_OK) {
			log_error(NULL, "cancelling booking %lld of room %lld "
			    "failed (%d)", booking, id, rc);
			return -1;
		}
	}
	return 0;
}

/* Sets the locked room's status; "available" clears the reason. */
static enum room_result
set_status(struct db *db, long long id, const char *status,
    const char *reason)
{
	return db_exec(db, SQL_SET_STATUS, DB_ARGS(DB_STR(status),
	    reason != NULL ? DB_STR(reason) : DB_NULL, DB_INT(id)), NULL) == 1 ?
	    ROOM_OK : ROOM_DB_ERROR;
}

enum room_result
room_close(struct db *db, const struct user *actor, long long id,
    long long version, const char *reason, struct room_outcome *o)
{
	struct db_rows		*cur;
	enum room_result	 rc;

	memset(o, 0, sizeof *o);
	/* The same lock every booking of this room takes: none slips in. */
	if ((rc = lock_room(db, id, version, o, &cur)) != ROOM_OK)
		return rc;
	if (strcmp(db_text(cur, 0, "status"), "unavailable") == 0) {
		snprintf(o->status, sizeof o->status, "unavailable");
		snprintf(o->reason, sizeof o->reason, "%s",
		    db_text(cur, 0, "unavailable_reason"));
		db_rows_free(cur);
		return finish(db, ROOM_ALREADY);
	}
	db_rows_free(cur);
	if (set_status(db, id, "unavailable", reason) != ROOM_OK ||
	    cancel_live_bookings(db, actor, id, reason, o) == -1 ||
	    add_event(db, actor, id, "unavailable", reason,
	    (long long)o->cancelled->nrows) == -1)
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
	if (strcmp(db_text(cur, 0, "status"), "available") == 0) {
		snprintf(o->status, sizeof o->status, "available");
		rc = ROOM_ALREADY;
	}
	db_rows_free(cur);
	if (rc == ROOM_OK && (set_status(db, id, "available", NULL) != ROOM_OK ||
	    add_event(db, actor, id, "available", NULL, 0) == -1))
		rc = ROOM_DB_ERROR;
	return finish(db, rc);
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
