/* bookingapi: a booking as the JSON API shows it (the origin's names). */
#ifndef ROOMBOOK_BOOKINGAPI_H
#define ROOMBOOK_BOOKINGAPI_H

#include <jansson.h>

#include "api.h"
#include "request.h"

struct db_rows;

/* The columns bookingapi_json reads, and the tables they come from. */
#define BOOKINGAPI_COLUMNS						\
	"b.id AS booking_id, b.room_id, r.name AS room_name, b.user_id,"	\
	" u.display_name AS user_name, b.title, b.attendees, b.starts_at,"	\
	" b.ends_at, b.status, b.decided_by, b.decided_at, b.reason,"	\
	" b.actual_start, b.actual_end, b.private, b.version, b.booked_by,"	\
	" b.series_id, b.original_date"
#define BOOKINGAPI_FROM							\
	" FROM bookings b JOIN rooms r ON r.id = b.room_id"		\
	" JOIN users u ON u.id = b.user_id"

/* The origin's confirmStatus for one of our states ("pending": BOOKED). */
const char	*bookingapi_confirm_status(const char *state);

/*
 * Sets a DATETIME cell on o as the origin's local "yyyyMMddHHmmss" under
 * origin_key and, if iso_key, as ISO 8601 UTC; nulls when cell is NULL.
 */
void		 bookingapi_set_time(json_t *o, const char *origin_key,
		    const char *iso_key, const char *cell);

/* Row i of a BOOKINGAPI_COLUMNS query as JSON (new reference, or NULL). */
json_t		*bookingapi_json(const struct db_rows *rows, size_t i);

/* Every row of a BOOKINGAPI_COLUMNS query, as a JSON array (or NULL). */
json_t		*bookingapi_list(const struct db_rows *rows);

/*
 * Sends booking id with status, its participants and its version as the
 * ETag; 404 for anyone who may neither act for its owner nor is named in
 * it.  Returns the status sent.
 */
int		 bookingapi_send(struct req *r, long long id, int status);

/*
 * 412 for a change made from an old version: the error, and the booking
 * as it is now under "current" (its version as the ETag).
 */
int		 bookingapi_stale(struct req *r, long long id);

#endif
