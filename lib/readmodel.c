/*
 * readmodel: booking_status, the denormalised view the status pages read,
 * and room_day_usage, the usage report's room-days.
 */
#include <stdio.h>

#include "clock.h"
#include "db.h"
#include "readmodel.h"

static const char SQL_UPSERT[] =
    "INSERT INTO booking_status (" READMODEL_COLUMNS ") "
    READMODEL_SOURCE " WHERE b.id = ?" READMODEL_ON_DUPLICATE;

static const char SQL_UPSERT_SERIES[] =
    "INSERT INTO booking_status (" READMODEL_COLUMNS ") "
    READMODEL_SOURCE " WHERE b.series_id = ?" READMODEL_ON_DUPLICATE;

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

static const char SQL_NEW_EPOCH[] =
    "UPDATE view_epoch SET epoch = epoch + 1 WHERE id = 1";
/* What a room's day shows changed: pages kept for that day are stale. */
static const char SQL_DAY_CHANGED[] =
    "INSERT INTO room_day_versions (day, room_id) VALUES (?, ?)"
    " ON DUPLICATE KEY UPDATE version = version + 1";

int
readmodel_new_epoch(struct db *db)
{
	return db_exec(db, SQL_NEW_EPOCH, DB_NOARGS, NULL) == 1 ? 0 : -1;
}

static const char SQL_BOOKING_DAY[] =
    "SELECT room_id, starts_at FROM bookings WHERE id = ?";
static const char SQL_DROP_DAY[] =
    "DELETE FROM room_day_usage WHERE room_id = ? AND day = ?";
/* The room's bookings of that day: a range of its (room, start) index. */
static const char SQL_FILL_DAY[] =
    "INSERT INTO room_day_usage (" READMODEL_USAGE_COLUMNS ")"
    " SELECT b.room_id, ?," READMODEL_USAGE_SUMS " FROM bookings b"
    " WHERE b.room_id = ? AND b.starts_at >= ? AND b.starts_at < ? AND"
    READMODEL_USAGE_STATES " GROUP BY b.room_id";

int
readmodel_recount(struct db *db, long long room, time_t start)
{
	char	day[11], lo[SQL_TIME_LEN], hi[SQL_TIME_LEN], zone[64];
	int	ok;

	/* The site's day, whoever's clock the request is on. */
	snprintf(zone, sizeof zone, "%s", clock_zone());
	clock_use_zone(NULL);
	ok = local_date(start, 0, day) == 0 &&
	    local_day_utc(start, lo, hi) == 0;
	clock_use_zone(zone);
	if (!ok)
		return -1;
	return db_exec(db, SQL_DROP_DAY, DB_ARGS(DB_INT(room), DB_STR(day)),
	    NULL) < 0 || db_exec(db, SQL_FILL_DAY, DB_ARGS(DB_STR(day),
	    DB_INT(room), DB_STR(lo), DB_STR(hi)), NULL) < 0 ||
	    db_exec(db, SQL_DAY_CHANGED, DB_ARGS(DB_STR(day), DB_INT(room)),
	    NULL) < 1 ? -1 : 0;
}

/* readmodel_recount for the room-day the booking lies in. */
static int
recount_day(struct db *db, long long booking_id)
{
	struct db_rows	*b;
	time_t		 start;
	long long	 room;

	if ((b = db_query(db, SQL_BOOKING_DAY, DB_ARGS(DB_INT(booking_id)))) ==
	    NULL)
		return -1;
	if (b->nrows != 1 ||
	    parse_sql_time(db_get(b, 0, "starts_at"), &start) == -1) {
		int ok = b->nrows == 0 ? 0 : -1;	/* none: nothing to count */

		db_rows_free(b);
		return ok;
	}
	room = db_get_int(b, 0, "room_id");
	db_rows_free(b);
	return readmodel_recount(db, room, start);
}

int
readmodel_upsert(struct db *db, long long booking_id)
{
	/* 1 row inserted, 2 updated, 0 unchanged: all fine. */
	if (db_exec(db, SQL_UPSERT, DB_ARGS(DB_INT(booking_id)), NULL) < 0)
		return -1;
	return recount_day(db, booking_id);
}

int
readmodel_upsert_series(struct db *db, long long series)
{
	return db_exec(db, SQL_UPSERT_SERIES, DB_ARGS(DB_INT(series)), NULL) <
	    0 ? -1 : 0;
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
