/* escalate: requests left undecided go to the administrators too. */
#include "booking.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "escalate.h"
#include "words.h"

/*
 * Requests waiting too long, driven by (status, starts_at) from now on:
 * every pending request ahead is read, and those already told of or in
 * rooms without approvers (whose requests went to the administrators
 * from the start) are passed over.
 */
static const char SQL_WAITING[] =
    "SELECT STRAIGHT_JOIN b.id, b.series_id, b.title, b.starts_at,"
    " b.ends_at, r.name AS room, u.display_name AS requester"
    " FROM bookings b FORCE INDEX (bookings_status_start)"
    " JOIN rooms r ON r.id = b.room_id JOIN users u ON u.id = b.user_id"
    " WHERE b.status = 'pending' AND b.starts_at > ?"
    " AND b.escalated_at IS NULL AND b.created_at <= ?"
    " AND EXISTS (SELECT 1 FROM room_approvers a WHERE a.room_id = b.room_id)"
    " ORDER BY b.starts_at, b.id";
/* Marked once: a series' waiting dates all at once. */
static const char SQL_MARK[] =
    "UPDATE bookings SET escalated_at = UTC_TIMESTAMP()"
    " WHERE status = 'pending' AND escalated_at IS NULL"
    " AND (id = ? OR series_id = ?)";

/* Marks and tells of row i's request in one transaction: 1 told, 0, -1. */
static int
escalate_one(struct db *db, const struct db_rows *rows, size_t i)
{
	long long		 id = db_get_int(rows, i, "id");
	const char		*series = db_get(rows, i, "series_id");
	struct notice_facts	 n = { .title = db_get(rows, i, "title"),
				    .room = db_get(rows, i, "room"),
				    .actor = db_get(rows, i, "requester") };
	long long		 marked;

	if (parse_sql_time(db_get(rows, i, "starts_at"), &n.start) == -1 ||
	    parse_sql_time(db_get(rows, i, "ends_at"), &n.end) == -1 ||
	    db_begin(db) == -1)
		return -1;
	/* Decided or told of since it was read: nothing to do. */
	if ((marked = db_exec(db, SQL_MARK, DB_ARGS(DB_INT(id), series != NULL ?
	    DB_STR(series) : DB_NULL), NULL)) < 0 || (marked > 0 && booking_notify(db, NOTIFY_ADMINS, id,
	    "escalated", &n, 0) == -1)) {
		db_rollback(db);
		return -1;
	}
	if (db_commit(db) == -1)
		return -1;
	return marked > 0;
}

int
escalate_waiting(struct db *db, const struct rules *k, time_t now,
    long long *told)
{
	char		 at[SQL_TIME_LEN], since[SQL_TIME_LEN];
	struct db_rows	*rows;
	int		 rc = 0, one;

	*told = 0;
	if (sql_time_utc(now, at) == -1 ||
	    sql_time_utc(now - (time_t)k->escalate_hours * 3600, since) == -1 ||
	    (rows = db_query(db, SQL_WAITING, DB_ARGS(DB_STR(at),
	    DB_STR(since)))) == NULL)
		return -1;
	for (size_t i = 0; i < rows->nrows && rc == 0; i++) {
		if ((one = escalate_one(db, rows, i)) == -1)
			rc = -1;
		else
			*told += one;
	}
	db_rows_free(rows);
	return rc;
}
