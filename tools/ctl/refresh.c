/* roomctl refresh-status: the nightly rebuild of the read model and usage. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "booking.h"
#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "readmodel.h"

static const char SQL_LOCK[] = "SELECT GET_LOCK('roombook.refresh', 0) AS got";
static const char SQL_UNLOCK[] = "SELECT RELEASE_LOCK('roombook.refresh')";
static const char SQL_ZONE_OK[] =
    "SELECT CONVERT_TZ('2000-01-01 00:00:00', '+00:00', ?) IS NOT NULL AS known";
static const char SQL_OVERDUE[] =
    "SELECT id FROM bookings WHERE status = 'pending'"
    " AND starts_at <= UTC_TIMESTAMP() ORDER BY id";
static const char SQL_FILL_SHADOW[] =
    "INSERT INTO booking_status_new (" READMODEL_COLUMNS ") "
    READMODEL_SOURCE;
/*
 * Writes that reached the old table while the shadow was being filled
 * (and that the copy may have missed) are copied again after the swap:
 * everything changed since shortly before the refresh started.
 */
static const char SQL_CATCH_UP[] =
    "INSERT INTO booking_status (" READMODEL_COLUMNS ") "
    READMODEL_SOURCE " WHERE b.updated_at >= ? OR r.updated_at >= ?"
    READMODEL_ON_DUPLICATE;
/* Drift: rows of the live view that differ from the rebuilt one, by key. */
static const char SQL_DRIFT[] =
    "SELECT (SELECT COUNT(*) FROM booking_status_new n"
    "  LEFT JOIN booking_status v ON v.booking_id = n.booking_id"
    "  AND " READMODEL_SAME("v", "n") " WHERE v.booking_id IS NULL)"
    " + (SELECT COUNT(*) FROM booking_status v"
    "  LEFT JOIN booking_status_new n ON n.booking_id = v.booking_id"
    "  WHERE n.booking_id IS NULL) AS drift";
static const char SQL_LAST_RUN[] =
    "SELECT MAX(started_at) AS started_at FROM refresh_runs";
static const char SQL_AFFECTED[] =
    "INSERT IGNORE INTO usage_affected (room_id, day)"
    " SELECT room_id, DATE(CONVERT_TZ(starts_at, '+00:00', ?)) FROM bookings"
    " WHERE updated_at >= ?";
static const char SQL_CLEAR_USAGE[] =
    "DELETE u FROM room_day_usage u JOIN usage_affected a"
    " ON a.room_id = u.room_id AND a.day = u.day";
/* The days changed, counted again (lib/readmodel.h says how). */
static const char SQL_FILL_USAGE[] =
    "INSERT INTO room_day_usage (" READMODEL_USAGE_COLUMNS ")"
    " SELECT b.room_id, DATE(CONVERT_TZ(b.starts_at, '+00:00', ?)) AS d,"
    READMODEL_USAGE_SUMS
    " FROM bookings b JOIN usage_affected a ON a.room_id = b.room_id"
    " AND a.day = DATE(CONVERT_TZ(b.starts_at, '+00:00', ?))"
    " WHERE" READMODEL_USAGE_STATES " GROUP BY b.room_id, d";
static const char SQL_AFFECTED_COUNT[] =
    "SELECT COUNT(*) AS n FROM usage_affected";
static const char SQL_RECORD[] =
    "INSERT INTO refresh_runs (started_at, finished_at, row_count, drift,"
    " expired, usage_days) VALUES (?, UTC_TIMESTAMP(), ?, ?, ?, ?)";

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) +
	    (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int
fail(struct ctl *ctl, const char *step)
{
	fprintf(stderr, "roomctl: refresh-status: %s failed: %s\n", step,
	    db_last_message(ctl->db));
	return -1;
}

/* Pending bookings whose start has passed expire (owner notified). */
static long long
expire_overdue(struct ctl *ctl)
{
	struct ctl_tally tally = { 0, 0 };

	if (ctl_apply_each(ctl, SQL_OVERDUE, DB_NOARGS, ACT_EXPIRE,
	    &tally) == -1)
		return fail(ctl, "expiring overdue requests");
	return tally.done;
}

/* Rebuilds booking_status beside the live one and swaps it in. */
static long long
rebuild_view(struct ctl *ctl, const char *since, long long *drift)
{
	struct db_rows	*d;
	long long	 rows;

	if (db_exec_script(ctl->db, "DROP TABLE IF EXISTS booking_status_new;"
	    "CREATE TABLE booking_status_new LIKE booking_status") == -1)
		return fail(ctl, "creating the shadow table");
	/* Compared with the materialised shadow, by key: one merge join. */
	if ((rows = db_exec(ctl->db, SQL_FILL_SHADOW, DB_NOARGS, NULL)) < 0 ||
	    (d = db_query(ctl->db, SQL_DRIFT, DB_NOARGS)) == NULL) {
		fail(ctl, "filling the shadow table");
		db_exec_script(ctl->db, "DROP TABLE IF EXISTS booking_status_new");
		return -1;
	}
	*drift = db_get_int(d, 0, "drift");
	db_rows_free(d);
	/* One atomic RENAME: readers see the old view or the new one. */
	if (db_exec_script(ctl->db, "RENAME TABLE"
	    " booking_status TO booking_status_old,"
	    " booking_status_new TO booking_status;"
	    "DROP TABLE booking_status_old") == -1)
		return fail(ctl, "swapping the view in");
	/* A new table: give the planner its statistics now, not later. */
	if (db_exec_script(ctl->db, "ANALYZE TABLE booking_status") == -1)
		return fail(ctl, "analysing the new view");
	if (db_exec(ctl->db, SQL_CATCH_UP, DB_ARGS(DB_STR(since),
	    DB_STR(since)), NULL) < 0)
		return fail(ctl, "copying the writes made meanwhile");
	/* Pages kept of the old view go with it. */
	if (readmodel_new_epoch(ctl->db) == -1)
		return fail(ctl, "making the pages kept stale");
	return rows;
}

/* Recomputes room_day_usage for the days changed since the last run. */
static long long
refresh_usage(struct ctl *ctl)
{
	const char	*zone = ctl->cfg.timezone;
	struct db_rows	*last, *n;
	char		 from[SQL_TIME_LEN];
	long long	 days;
	time_t		 prev;

	if ((last = db_query(ctl->db, SQL_LAST_RUN, DB_NOARGS)) == NULL)
		return fail(ctl, "reading the last run");
	/*
	 * Every day changed since the previous run began (less the same
	 * margin as the catch-up); the first run counts everything, and so
	 * does a run after the clock was set back past the previous one.
	 */
	if (db_get(last, 0, "started_at") == NULL ||
	    parse_sql_time(db_get(last, 0, "started_at"),
	    &prev) == -1 || prev > clock_now() ||
	    sql_time_utc(prev - 60, from) == -1)
		snprintf(from, sizeof from, "1970-01-01 00:00:00");
	db_rows_free(last);
	if (db_exec_script(ctl->db, "DROP TEMPORARY TABLE IF EXISTS "
	    "usage_affected; CREATE TEMPORARY TABLE usage_affected ("
	    "room_id INT UNSIGNED NOT NULL, day DATE NOT NULL,"
	    " PRIMARY KEY (room_id, day))") == -1)
		return fail(ctl, "preparing the usage days");
	if (db_begin(ctl->db) == -1 ||
	    db_exec(ctl->db, SQL_AFFECTED, DB_ARGS(DB_STR(zone), DB_STR(from)),
	    NULL) < 0 ||
	    db_exec(ctl->db, SQL_CLEAR_USAGE, DB_NOARGS, NULL) < 0 ||
	    db_exec(ctl->db, SQL_FILL_USAGE, DB_ARGS(DB_STR(zone),
	    DB_STR(zone)), NULL) < 0 ||
	    (n = db_query(ctl->db, SQL_AFFECTED_COUNT, DB_NOARGS)) == NULL) {
		fail(ctl, "recomputing usage");
		db_rollback(ctl->db);
		return -1;
	}
	days = db_get_int(n, 0, "n");
	db_rows_free(n);
	if (db_commit(ctl->db) == -1)
		return fail(ctl, "recomputing usage");
	return days;
}

int
cmd_refresh_status(struct ctl *ctl, int argc, char *argv[])
{
	struct timespec	 t0;
	struct db_rows	*lock, *zone;
	char		 started[SQL_TIME_LEN], since[SQL_TIME_LEN];
	long long	 expired, rows, drift = 0, days;
	time_t		 now = clock_now();
	int		 rc = 1;

	(void)argc;
	(void)argv;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/*
	 * A write's transaction lasts milliseconds; a minute's margin covers
	 * any that began before the refresh and committed during the copy.
	 */
	if (sql_time_utc(now, started) == -1 ||
	    sql_time_utc(now - 60, since) == -1)
		return 1;
	if ((lock = db_query(ctl->db, SQL_LOCK, DB_NOARGS)) == NULL ||
	    db_get_int(lock, 0, "got") != 1) {
		fprintf(stderr, "roomctl: refresh-status: another refresh is "
		    "running\n");
		db_rows_free(lock);
		return 1;
	}
	db_rows_free(lock);
	if ((zone = db_query(ctl->db, SQL_ZONE_OK,
	    DB_ARGS(DB_STR(ctl->cfg.timezone)))) == NULL ||
	    db_get_int(zone, 0, "known") != 1) {
		fprintf(stderr, "roomctl: refresh-status: MariaDB does not know "
		    "the time zone %s; load its time zone tables with "
		    "mariadb-tzinfo-to-sql\n", ctl->cfg.timezone);
		db_rows_free(zone);
		goto out;
	}
	db_rows_free(zone);
	if ((expired = expire_overdue(ctl)) < 0 ||
	    (rows = rebuild_view(ctl, since, &drift)) < 0 ||
	    (days = refresh_usage(ctl)) < 0)
		goto out;
	if (db_exec(ctl->db, SQL_RECORD, DB_ARGS(DB_STR(started), DB_INT(rows),
	    DB_INT(drift), DB_INT(expired), DB_INT(days)), NULL) != 1) {
		fail(ctl, "recording the run");
		goto out;
	}
	printf("refresh-status: %lld rows, drift %lld, expired %lld, usage days "
	    "%lld, %.2f s\n", rows, drift, expired, days, seconds_since(&t0));
	rc = 0;
out:
	db_rows_free(db_query(ctl->db, SQL_UNLOCK, DB_NOARGS));
	return rc;
}
