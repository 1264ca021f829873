/* readmodel: booking_status, the denormalised view the status pages read. */
#ifndef ROOMBOOK_READMODEL_H
#define ROOMBOOK_READMODEL_H

#include <time.h>

#include <stddef.h>

struct db;

/*
 * What a booking_status row must hold, computed from the source tables:
 * one projection for the per-write upsert, the check and the rebuild.
 * Bookings drive the join, read in key order: left to itself the
 * optimiser started from users and filled the rebuild in random key
 * order, 3.7 times slower at a million bookings.
 */
#define READMODEL_SOURCE						\
	"SELECT STRAIGHT_JOIN b.id AS booking_id, b.room_id AS room_id,"	\
	" r.name AS room_name, b.user_id AS user_id,"			\
	" u.display_name AS user_name, b.title AS title,"		\
	" b.attendees AS attendees, b.starts_at AS starts_at,"		\
	" b.ends_at AS ends_at, b.status AS status,"			\
	" b.decided_at AS decided_at, d.display_name AS decided_by_name,"	\
	" b.reason AS reason, b.updated_at AS updated_at,"		\
	" b.actual_start AS actual_start, b.actual_end AS actual_end,"	\
	" b.decided_by AS decided_by, b.private AS private"		\
	" FROM bookings b JOIN rooms r ON r.id = b.room_id"		\
	" JOIN users u ON u.id = b.user_id"				\
	" LEFT JOIN users d ON d.id = b.decided_by"

/* Appended to INSERT ... READMODEL_SOURCE: an existing row is replaced. */
#define READMODEL_ON_DUPLICATE						\
	" ON DUPLICATE KEY UPDATE room_id = VALUES(room_id),"		\
	" room_name = VALUES(room_name), user_id = VALUES(user_id),"	\
	" user_name = VALUES(user_name), title = VALUES(title),"	\
	" attendees = VALUES(attendees), starts_at = VALUES(starts_at),"	\
	" ends_at = VALUES(ends_at), status = VALUES(status),"		\
	" decided_at = VALUES(decided_at),"				\
	" decided_by_name = VALUES(decided_by_name), reason = VALUES(reason),"	\
	" updated_at = VALUES(updated_at),"				\
	" actual_start = VALUES(actual_start), actual_end = VALUES(actual_end),"	\
	" decided_by = VALUES(decided_by), private = VALUES(private)"

#define READMODEL_COLUMNS						\
	"booking_id, room_id, room_name, user_id, user_name, title,"	\
	" attendees, starts_at, ends_at, status, decided_at,"		\
	" decided_by_name, reason, updated_at, actual_start, actual_end,"	\
	" decided_by, private"

/* SQL: rows a and b of the view (aliases) hold the same values. */
#define READMODEL_SAME(a, b)						\
	a ".room_id <=> " b ".room_id AND " a ".room_name <=> " b ".room_name"	\
	" AND " a ".user_id <=> " b ".user_id"				\
	" AND " a ".user_name <=> " b ".user_name"			\
	" AND " a ".title <=> " b ".title"				\
	" AND " a ".attendees <=> " b ".attendees"			\
	" AND " a ".starts_at <=> " b ".starts_at"			\
	" AND " a ".ends_at <=> " b ".ends_at"				\
	" AND " a ".status <=> " b ".status"				\
	" AND " a ".decided_at <=> " b ".decided_at"			\
	" AND " a ".decided_by_name <=> " b ".decided_by_name"		\
	" AND " a ".reason <=> " b ".reason"				\
	" AND " a ".updated_at <=> " b ".updated_at"			\
	" AND " a ".actual_start <=> " b ".actual_start"		\
	" AND " a ".actual_end <=> " b ".actual_end"			\
	" AND " a ".decided_by <=> " b ".decided_by"			\
	" AND " a ".private <=> " b ".private"

/*
 * A room-day's usage from its bookings b (room_day_usage's columns after
 * room_id and day).  A booking lies within one local day's opening hours:
 * it counts there.  Booked: everything requested or granted (a no-show was
 * booked too); confirmed: granted, used or not.  Used: the part of the
 * booked time between check-in and check-out (so far, for a meeting in
 * progress), to the nearest minute: 29 min 59.5 s of use is half an hour.
 */
#define READMODEL_USAGE_SUMS						\
	" SUM(TIMESTAMPDIFF(MINUTE, b.starts_at, b.ends_at)),"		\
	" SUM(IF(b.status <> 'pending',"				\
	"  TIMESTAMPDIFF(MINUTE, b.starts_at, b.ends_at), 0)),"		\
	" SUM(IF(b.status = 'pending',"					\
	"  TIMESTAMPDIFF(MINUTE, b.starts_at, b.ends_at), 0)),"		\
	" SUM(IF(b.actual_start IS NULL, 0, GREATEST(0, ROUND(TIMESTAMPDIFF("	\
	"  SECOND, GREATEST(b.actual_start, b.starts_at),"		\
	"  LEAST(COALESCE(b.actual_end, UTC_TIMESTAMP()), b.ends_at)) / 60)))),"	\
	" SUM(b.status = 'released')"
/* The states whose time counts in usage. */
#define READMODEL_USAGE_STATES						\
	" b.status IN ('pending','confirmed','in_use','completed','released')"
#define READMODEL_USAGE_COLUMNS						\
	"room_id, day, booked_minutes, confirmed_minutes, pending_minutes,"	\
	" used_minutes, no_shows"

/*
 * Writes the booking's row from the source tables, and its room-day's
 * usage (the site's day), inside the caller's transaction: both are
 * current with every write.  Returns 0 or -1 (see db_last_error).
 */
int	readmodel_upsert(struct db *, long long booking_id);

/*
 * The rows of every booking of series at once, in the caller's
 * transaction; their room-days are the caller's to recount
 * (readmodel_recount).  0 or -1.
 */
int	readmodel_upsert_series(struct db *, long long series);

/*
 * Makes stale everything the status pages keep between requests (sql/016):
 * rooms changed, or the view was rebuilt.  Inside the caller's transaction
 * when there is one.  Returns 0 or -1.
 */
int	readmodel_new_epoch(struct db *);

/*
 * Counts again the usage of room's day around start (the site's day), and
 * marks that room-day changed: for the day a booking left.  0 or -1.
 */
int	readmodel_recount(struct db *, long long room, time_t start);

/*
 * Gives every row of room_id the room's new name, inside the caller's
 * transaction.  Returns 0 or -1.
 */
int	readmodel_rename_room(struct db *, long long room_id, const char *name);

/*
 * Compares booking_status with the source tables.  Returns the number of
 * bookings whose row is missing, stale or left over (their ids in
 * ids[0..max), -1 if the database failed.  *rows gets the view's size.
 */
long long readmodel_check(struct db *, long long *ids, size_t max,
	    long long *rows);

#endif
