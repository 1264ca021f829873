/* group: named groups of people that rooms' policies name. */
#include "db.h"
#include "group.h"
#include "readmodel.h"

static const char SQL_LIST[] =
    "SELECT g.id, g.name, g.description,"
    " (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id)"
    " AS members,"
    " (SELECT COUNT(DISTINCT x.room_id) FROM (SELECT room_id, group_id"
    "  FROM room_approvers UNION ALL SELECT room_id, group_id"
    "  FROM room_bookable_by) x WHERE x.group_id = g.id) AS rooms"
    " FROM user_groups g ORDER BY g.name, g.id";
static const char SQL_GET[] =
    "SELECT id, name, description FROM user_groups WHERE id = ?";
static const char SQL_MEMBERS[] =
    "SELECT u.id, u.login, u.display_name FROM group_members m"
    " JOIN users u ON u.id = m.user_id WHERE m.group_id = ?"
    " ORDER BY u.display_name, u.id";
static const char SQL_ROOMS[] =
    "SELECT r.id, r.name,"
    " EXISTS (SELECT 1 FROM room_approvers a WHERE a.room_id = r.id"
    "  AND a.group_id = ?) AS as_approver,"
    " EXISTS (SELECT 1 FROM room_bookable_by b WHERE b.room_id = r.id"
    "  AND b.group_id = ?) AS as_bookable"
    " FROM rooms r WHERE r.id IN (SELECT room_id FROM room_approvers"
    "  WHERE group_id = ? UNION SELECT room_id FROM room_bookable_by"
    "  WHERE group_id = ?) ORDER BY r.name";
static const char SQL_FIND[] = "SELECT id FROM user_groups WHERE name = ?";
static const char SQL_ADD[] =
    "INSERT INTO user_groups (name, description) VALUES (?, ?)";
static const char SQL_CHANGE[] =
    "UPDATE user_groups SET name = ?, description = ? WHERE id = ?";
static const char SQL_LOCK[] =
    "SELECT id FROM user_groups WHERE id = ? FOR UPDATE";
static const char SQL_USED[] =
    "SELECT EXISTS (SELECT 1 FROM room_approvers WHERE group_id = ?)"
    " OR EXISTS (SELECT 1 FROM room_bookable_by WHERE group_id = ?) AS used";
static const char SQL_REMOVE[] = "DELETE FROM user_groups WHERE id = ?";
static const char SQL_PERSON[] =
    "SELECT id FROM users WHERE login = ? AND NOT disabled";
static const char SQL_JOIN[] =
    "INSERT IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)";
static const char SQL_LEAVE[] =
    "DELETE FROM group_members WHERE group_id = ? AND user_id = ?";

struct db_rows *
group_list(struct db *db)
{
	return db_query(db, SQL_LIST, DB_NOARGS);
}

struct db_rows *
group_get(struct db *db, long long id)
{
	return db_query(db, SQL_GET, DB_ARGS(DB_INT(id)));
}

struct db_rows *
group_members(struct db *db, long long id)
{
	return db_query(db, SQL_MEMBERS, DB_ARGS(DB_INT(id)));
}

struct db_rows *
group_rooms(struct db *db, long long id)
{
	return db_query(db, SQL_ROOMS, DB_ARGS(DB_INT(id), DB_INT(id),
	    DB_INT(id), DB_INT(id)));
}

/* The id of the one row a query by name or login found: 0 none, -1. */
static long long
id_of(struct db *db, const char *sql, const char *name)
{
	struct db_rows	*rows;
	long long	 id;

	if ((rows = db_query(db, sql, DB_ARGS(DB_STR(name)))) == NULL)
		return -1;
	id = rows->nrows == 1 ? db_get_int(rows, 0, "id") : 0;
	db_rows_free(rows);
	return id;
}

long long
group_find(struct db *db, const char *name)
{
	return id_of(db, SQL_FIND, name);
}

/* A write's refusal: a name another group has, or a failure. */
static enum group_result
refused(struct db *db)
{
	return db_last_error(db) == DB_DUPLICATE ? GROUP_NAME_TAKEN :
	    GROUP_DB_ERROR;
}

enum group_result
group_add(struct db *db, const char *name, const char *description,
    long long *id)
{
	return db_exec(db, SQL_ADD, DB_ARGS(DB_STR(name), DB_STR(description)),
	    id) == 1 ? GROUP_OK : refused(db);
}

enum group_result
group_change(struct db *db, long long id, const char *name,
    const char *description)
{
	long long n = db_exec(db, SQL_CHANGE, DB_ARGS(DB_STR(name),
	    DB_STR(description), DB_INT(id)), NULL);

	if (n < 0)
		return refused(db);
	if (n == 0 && group_find(db, name) != id)
		return GROUP_NOT_FOUND;	/* 0 rows: none, or nothing new */
	return GROUP_OK;
}

enum group_result
group_remove(struct db *db, long long id)
{
	struct db_rows		*rows;
	enum group_result	 rc = GROUP_DB_ERROR;

	/* Locked: a room's policy cannot name it between check and delete. */
	if (db_begin(db) == -1)
		return GROUP_DB_ERROR;
	if ((rows = db_query(db, SQL_LOCK, DB_ARGS(DB_INT(id)))) == NULL)
		goto done;
	rc = rows->nrows == 1 ? GROUP_OK : GROUP_NOT_FOUND;
	db_rows_free(rows);
	if (rc != GROUP_OK)
		goto done;
	if ((rows = db_query(db, SQL_USED, DB_ARGS(DB_INT(id),
	    DB_INT(id)))) == NULL) {
		rc = GROUP_DB_ERROR;
		goto done;
	}
	rc = db_get_int(rows, 0, "used") ? GROUP_IN_USE : GROUP_OK;
	db_rows_free(rows);
	if (rc == GROUP_OK && db_exec(db, SQL_REMOVE, DB_ARGS(DB_INT(id)),
	    NULL) != 1)
		rc = GROUP_DB_ERROR;
done:
	if (rc != GROUP_OK)
		db_rollback(db);
	else if (db_commit(db) == -1)
		rc = GROUP_DB_ERROR;
	return rc;
}

/*
 * Runs the membership change sql for group id and person user in one
 * transaction with a new epoch: who decides which rooms' requests, and
 * who may book them, is kept under it.  The rows it changed, or -1.
 */
static long long
change_members(struct db *db, const char *sql, long long id, long long user)
{
	long long n;

	if (db_begin(db) == -1)
		return -1;
	if ((n = db_exec(db, sql, DB_ARGS(DB_INT(id), DB_INT(user)),
	    NULL)) < 0 || (n > 0 && readmodel_new_epoch(db) == -1) ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return -1;
	}
	return n;
}

enum group_result
group_join(struct db *db, long long id, const char *login, long long *user)
{
	struct db_rows	*rows;
	long long	 n;

	if ((rows = group_get(db, id)) == NULL)
		return GROUP_DB_ERROR;
	n = (long long)rows->nrows;
	db_rows_free(rows);
	if (n != 1)
		return GROUP_NOT_FOUND;
	if ((*user = id_of(db, SQL_PERSON, login)) <= 0)
		return *user == 0 ? GROUP_NO_PERSON : GROUP_DB_ERROR;
	if ((n = change_members(db, SQL_JOIN, id, *user)) < 0)
		return GROUP_DB_ERROR;
	return n == 1 ? GROUP_OK : GROUP_ALREADY;
}

enum group_result
group_leave(struct db *db, long long id, long long user)
{
	long long n = change_members(db, SQL_LEAVE, id, user);

	return n < 0 ? GROUP_DB_ERROR : n == 1 ? GROUP_OK : GROUP_ALREADY;
}
