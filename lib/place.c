/* place: the buildings and their floors. */
#include "db.h"
#include "place.h"
#include "readmodel.h"

static const char SQL_BUILDINGS[] =
    "SELECT b.id, b.name, b.address,"
    " (SELECT COUNT(*) FROM floors f WHERE f.building_id = b.id) AS floors,"
    " (SELECT COUNT(*) FROM floors f JOIN rooms r ON r.floor_id = f.id"
    "  WHERE f.building_id = b.id) AS rooms"
    " FROM buildings b ORDER BY b.name, b.id";
static const char SQL_BUILDING[] =
    "SELECT id, name, address FROM buildings WHERE id = ?";
static const char SQL_BUILDING_FLOORS[] =
    "SELECT f.id, f.level, f.name,"
    " (SELECT COUNT(*) FROM rooms r WHERE r.floor_id = f.id) AS rooms"
    " FROM floors f WHERE f.building_id = ? ORDER BY f.level";
static const char SQL_ADD_BUILDING[] =
    "INSERT INTO buildings (name, address) VALUES (?, ?)";
static const char SQL_CHANGE_BUILDING[] =
    "UPDATE buildings SET name = ?, address = ? WHERE id = ?";
static const char SQL_LOCK_BUILDING[] =
    "SELECT id FROM buildings WHERE id = ? FOR UPDATE";
/* A room on one of its floors (or on the floor ?, if not 0). */
static const char SQL_BUILDING_USED[] =
    "SELECT EXISTS (SELECT 1 FROM floors f JOIN rooms r ON r.floor_id = f.id"
    " WHERE f.building_id = ? AND ? IN (0, f.id)) AS used";
static const char SQL_REMOVE_FLOORS[] =
    "DELETE FROM floors WHERE building_id = ? AND ? IN (0, id)";
static const char SQL_REMOVE_BUILDING[] = "DELETE FROM buildings WHERE id = ?";
static const char SQL_ADD_FLOOR[] =
    "INSERT INTO floors (building_id, level, name) VALUES (?, ?, ?)";

struct db_rows *
place_buildings(struct db *db)
{
	return db_query(db, SQL_BUILDINGS, DB_NOARGS);
}

struct db_rows *
place_building(struct db *db, long long id)
{
	return db_query(db, SQL_BUILDING, DB_ARGS(DB_INT(id)));
}

struct db_rows *
place_building_floors(struct db *db, long long id)
{
	return db_query(db, SQL_BUILDING_FLOORS, DB_ARGS(DB_INT(id)));
}

/* A write's refusal: a name or level taken, or a failure. */
static enum place_result
refused(struct db *db)
{
	return db_last_error(db) == DB_DUPLICATE ? PLACE_NAME_TAKEN :
	    PLACE_DB_ERROR;
}

/*
 * Ends the transaction: commits rc == PLACE_OK, the pages kept of the
 * rooms (which show their places) made stale with it; rolls back the
 * rest.  Passes rc on.
 */
static enum place_result
finish(struct db *db, enum place_result rc)
{
	if (rc == PLACE_OK && readmodel_new_epoch(db) == -1)
		rc = PLACE_DB_ERROR;
	if (rc != PLACE_OK)
		db_rollback(db);
	else if (db_commit(db) == -1)
		rc = PLACE_DB_ERROR;
	return rc;
}

/*
 * Opens the transaction and locks building id: PLACE_OK, PLACE_NOT_FOUND
 * or PLACE_DB_ERROR, the transaction open for finish() either way.
 */
static enum place_result
lock_building(struct db *db, long long id)
{
	enum place_result rc;
	struct db_rows	*rows;

	if (db_begin(db) == -1)
		return PLACE_DB_ERROR;	/* finish()'s rollback is harmless */
	if ((rows = db_query(db, SQL_LOCK_BUILDING, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return PLACE_DB_ERROR;
	rc = rows->nrows == 1 ? PLACE_OK : PLACE_NOT_FOUND;
	db_rows_free(rows);
	return rc;
}

enum place_result
place_add_building(struct db *db, const char *name, const char *address,
    long long *id)
{
	return db_exec(db, SQL_ADD_BUILDING, DB_ARGS(DB_STR(name),
	    DB_STR(address)), id) == 1 ? PLACE_OK : refused(db);
}

enum place_result
place_change_building(struct db *db, long long id, const char *name,
    const char *address)
{
	enum place_result rc = lock_building(db, id);

	if (rc == PLACE_OK && db_exec(db, SQL_CHANGE_BUILDING,
	    DB_ARGS(DB_STR(name), DB_STR(address), DB_INT(id)), NULL) < 0)
		rc = refused(db);
	return finish(db, rc);
}

/*
 * Removes floor of building (0: every floor, and the building), under the
 * building's lock, so that no room is put on it between check and delete
 * (putting a room on a floor takes its building's lock: lib/room).
 */
static enum place_result
remove_place(struct db *db, long long building, long long floor)
{
	enum place_result rc = lock_building(db, building);
	struct db_rows	*rows;
	long long	 n;

	if (rc != PLACE_OK)
		return finish(db, rc);
	if ((rows = db_query(db, SQL_BUILDING_USED, DB_ARGS(DB_INT(building),
	    DB_INT(floor)))) == NULL)
		return finish(db, PLACE_DB_ERROR);
	if (db_get_int(rows, 0, "used"))
		rc = PLACE_IN_USE;
	db_rows_free(rows);
	if (rc != PLACE_OK)
		return finish(db, rc);
	if ((n = db_exec(db, SQL_REMOVE_FLOORS, DB_ARGS(DB_INT(building),
	    DB_INT(floor)), NULL)) < 0)
		return finish(db, PLACE_DB_ERROR);
	if (floor != 0 && n == 0)
		return finish(db, PLACE_NOT_FOUND);
	if (floor == 0 && db_exec(db, SQL_REMOVE_BUILDING,
	    DB_ARGS(DB_INT(building)), NULL) != 1)
		return finish(db, PLACE_DB_ERROR);
	return finish(db, PLACE_OK);
}

enum place_result
place_remove_building(struct db *db, long long id)
{
	return remove_place(db, id, 0);
}

enum place_result
place_add_floor(struct db *db, long long building, long long level,
    const char *name, long long *id)
{
	enum place_result rc = lock_building(db, building);

	if (rc == PLACE_OK && db_exec(db, SQL_ADD_FLOOR,
	    DB_ARGS(DB_INT(building), DB_INT(level), DB_STR(name)), id) != 1)
		rc = refused(db);
	return finish(db, rc);
}

enum place_result
place_remove_floor(struct db *db, long long building, long long floor)
{
	return floor <= 0 ? PLACE_NOT_FOUND : remove_place(db, building, floor);
}
