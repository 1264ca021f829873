/*
 * roomctl sweep: the minutely job of actual use (no-shows, ended
 * meetings), of closures (rooms out of use when their window begins,
 * back when it ends), and of requests waiting too long for their rooms'
 * approvers.
 */
#include <stdio.h>
#include <string.h>

#include "booking.h"
#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "escalate.h"
#include "room.h"

/*
 * Confirmed bookings of rooms that require check-in, not checked into by
 * the end of the grace period.  Driven by (status, starts_at) over the
 * last day only: a sweep runs every minute, and the years of confirmed
 * bookings behind it are never read.
 */
static const char SQL_NO_SHOWS[] =
    "SELECT STRAIGHT_JOIN b.id FROM bookings b"
    " FORCE INDEX (bookings_status_start)"
    " JOIN rooms r ON r.id = b.room_id"
    " WHERE b.status = 'confirmed' AND b.starts_at <= ?"
    " AND b.starts_at > ? - INTERVAL 1 DAY"
    " AND r.checkin_required_since <= b.starts_at ORDER BY b.id";
/* Meetings in progress whose booked end has come. */
static const char SQL_ENDED[] =
    "SELECT id FROM bookings WHERE status = 'in_use' AND ends_at <= ?"
    " ORDER BY id";

int
cmd_sweep(struct ctl *ctl, int argc, char *argv[])
{
	struct ctl_tally	 released = { 0, 0 }, completed = { 0, 0 };
	const struct rules	*k = &ctl->cfg.rules;
	char			 cutoff[SQL_TIME_LEN], now[SQL_TIME_LEN];
	time_t			 t = clock_now();
	long long		 begun, ended, escalated;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: roomctl sweep\n");
		return 2;
	}
	if (sql_time_utc(t - k->checkin_grace * 60, cutoff) == -1 ||
	    sql_time_utc(t, now) == -1)
		return 1;
	if (ctl_apply_each(ctl, SQL_NO_SHOWS, DB_ARGS(DB_STR(cutoff),
	    DB_STR(cutoff)), ACT_RELEASE, &released) == -1 ||
	    ctl_apply_each(ctl, SQL_ENDED, DB_ARGS(DB_STR(now)), ACT_COMPLETE,
	    &completed) == -1 ||
	    room_sweep_closures(ctl->db, t, &begun, &ended) == -1 ||
	    escalate_waiting(ctl->db, k, t, &escalated) == -1) {
		fprintf(stderr, "roomctl: sweep failed: %s\n",
		    db_last_message(ctl->db));
		return 1;
	}
	/* One line a run: the job's log stamps each run's line. */
	printf("sweep: released %lld no-show%s, completed %lld meeting%s"
	    " (%lld already changed by others); %lld room%s out of use as"
	    " planned, %lld back in use; %lld waiting request%s put before"
	    " the administrators\n", released.done,
	    released.done == 1 ? "" : "s", completed.done,
	    completed.done == 1 ? "" : "s",
	    released.skipped + completed.skipped, begun,
	    begun == 1 ? "" : "s", ended, escalated,
	    escalated == 1 ? "" : "s");
	return 0;
}
