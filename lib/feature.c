/* feature: the list of equipment and features, and each room's. */
#include <stddef.h>

#include "db.h"
#include "feature.h"
#include "policy.h"
#include "readmodel.h"
#include "room.h"

static const char SQL_LIST[] =
    "SELECT f.id, f.name, (SELECT COUNT(*) FROM room_features rf"
    " WHERE rf.feature_id = f.id) AS rooms FROM features f"
    " ORDER BY f.name, f.id";
static const char SQL_OF_ROOMS[] =
    "SELECT rf.room_id, f.id, f.name FROM room_features rf"
    " JOIN features f ON f.id = rf.feature_id"
    " WHERE ? IN (0, rf.room_id) ORDER BY rf.room_id, f.name";
static const char SQL_ADD[] = "INSERT INTO features (name) VALUES (?)";
static const char SQL_RENAME[] = "UPDATE features SET name = ? WHERE id = ?";
static const char SQL_FIND[] = "SELECT id FROM features WHERE id = ?";
static const char SQL_REMOVE[] = "DELETE FROM features WHERE id = ?";
static const char SQL_CLEAR_ROOM[] =
    "DELETE FROM room_features WHERE room_id = ?";
static const char SQL_ADD_TO_ROOM[] =
    "INSERT IGNORE INTO room_features (room_id, feature_id)"
    " SELECT ?, id FROM features WHERE name = ?";
static const char SQL_KNOWN[] = "SELECT id FROM features WHERE name = ?";

struct db_rows *
feature_list(struct db *db)
{
	return db_query(db, SQL_LIST, DB_NOARGS);
}

struct db_rows *
feature_of_rooms(struct db *db, long long room)
{
	return db_query(db, SQL_OF_ROOMS, DB_ARGS(DB_INT(room)));
}

/* A write's refusal: a name taken, or a failure. */
static enum feature_result
refused(struct db *db)
{
	return db_last_error(db) == DB_DUPLICATE ? FEATURE_NAME_TAKEN :
	    FEATURE_DB_ERROR;
}

enum feature_result
feature_add(struct db *db, const char *name, long long *id)
{
	return db_exec(db, SQL_ADD, DB_ARGS(DB_STR(name)), id) == 1 ?
	    FEATURE_OK : refused(db);
}

/* Whether feature id is on the list: FEATURE_OK, _NOT_FOUND, _DB_ERROR. */
static enum feature_result
exists(struct db *db, long long id)
{
	struct db_rows		*rows;
	enum feature_result	 rc;

	if ((rows = db_query(db, SQL_FIND, DB_ARGS(DB_INT(id)))) == NULL)
		return FEATURE_DB_ERROR;
	rc = rows->nrows == 1 ? FEATURE_OK : FEATURE_NOT_FOUND;
	db_rows_free(rows);
	return rc;
}

/*
 * Runs sql on feature id in a transaction with a new epoch of the pages
 * kept of the rooms, which show their features.
 */
static enum feature_result
change(struct db *db, const char *sql, const struct db_arg *args, size_t n,
    long long id)
{
	enum feature_result rc;

	if (db_begin(db) == -1)
		return FEATURE_DB_ERROR;
	if ((rc = exists(db, id)) == FEATURE_OK && db_exec(db, sql, args, n,
	    NULL) < 0)
		rc = refused(db);
	if (rc == FEATURE_OK && readmodel_new_epoch(db) == -1)
		rc = FEATURE_DB_ERROR;
	if (rc != FEATURE_OK)
		db_rollback(db);
	else if (db_commit(db) == -1)
		rc = FEATURE_DB_ERROR;
	return rc;
}

enum feature_result
feature_rename(struct db *db, long long id, const char *name)
{
	return change(db, SQL_RENAME, DB_ARGS(DB_STR(name), DB_INT(id)), id);
}

enum feature_result
feature_remove(struct db *db, long long id)
{
	return change(db, SQL_REMOVE, DB_ARGS(DB_INT(id)), id);
}

int
feature_store(struct db *db, long long room, const struct room_names *names,
    char *unknown, size_t n)
{
	return policy_store_names(db, room, names, 0, SQL_CLEAR_ROOM,
	    SQL_ADD_TO_ROOM, SQL_KNOWN, unknown, n);
}
