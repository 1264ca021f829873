/* readmodel: booking_status, the denormalised view the status pages read. */
#include "db.h"
#include "readmodel.h"

static const char SQL_UPSERT[] =
    "INSERT INTO booking_status (" READMODEL_COLUMNS ") "
    READMODEL_SOURCE " WHERE b.id = ?" READMODEL_ON_DUPLICATE;

/* Bookings whose row differs or is missing, then rows with no booking. */
static const char SQL_DIFFER[] =
    "SELECT s.booking_id FROM (" READMODEL_SOURCE ") s"
    " LEFT JOIN booking_status v ON v.booking_id = s.booking_id"
    " AND " READMODEL_SAME("v", "s") " WHERE v.booking_id IS NULL"
    " UNION ALL SELECT v.booking_id FROM booking_status v"
    " LEFT JOIN bookings b ON b.id = v.booking_id WHERE b.id IS NULL"
    " ORDER BY 1";
static const char SQL_ROWS[] = "SELECT COUNT(*) AS n FROM booking_status";
/* The view copies room names: a rename reaches it at once. */
static const char SQL_RENAME_ROOM[] =
    "UPDATE booking_status SET room_name = ? WHERE room_id = ?";

int
readmodel_rename_room(struct db *db, long long room_id, const char *name)
{
	return db_exec(db, SQL_RENAME_ROOM, DB_ARGS(DB_STR(name),
	    DB_INT(room_id)), NULL) < 0 ? -1 : 0;
}

int
readmodel_upsert(struct db *db, long long booking_id)
{
	/* 1 row inserted, 2 updated, 0 unchanged: all fine. */
	return db_exec(db, SQL_UPSERT, DB_ARGS(DB_INT(booking_id)), NULL) < 0 ?
	    -1 : 0;
}

long long
readmodel_check(struct db *db, long long *ids, size_t max, long long *rows)
{
	struct db_rows	*diff, *count;
	long long	 n;

	if ((diff = db_query(db, SQL_DIFFER, DB_NOARGS)) == NULL)
		return -1;
	if ((count = db_query(db, SQL_ROWS, DB_NOARGS)) == NULL) {
		db_rows_free(diff);
		return -1;
	}
	*rows = db_get_int(count, 0, "n");
	n = (long long)diff->nrows;
	for (size_t i = 0; i < diff->nrows && i < max; i++)
		ids[i] = db_get_int(diff, i, "booking_id");
	db_rows_free(diff);
	db_rows_free(count);
	return n;
}
