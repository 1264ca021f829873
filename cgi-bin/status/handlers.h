/* status: handlers of the status program (the read side). */
#ifndef ROOMBOOK_STATUS_HANDLERS_H
#define ROOMBOOK_STATUS_HANDLERS_H

#include <time.h>

#include "input.h"
#include "request.h"

struct db_rows;

/* What the status list and /api/bookingLists read of booking_status. */
#define STATUS_LIST_COLUMNS						\
	"booking_id, room_name, starts_at, ends_at, title, status,"	\
	" user_name, decided_at, decided_by_name, room_id, user_id,"	\
	" decided_by, actual_start, actual_end, private"

/* The list's filters (?room, ?status, ?person, ?from, ?to), as read. */
struct status_filters {
	long long	 room, person;	/* ids; 0: any */
	int		 mine;		/* person is the reader (?mine=1) */
	const char	*status;	/* a state, or NULL: any */
	const char	*from, *to;	/* the days as given, or NULL */
	time_t		 lo, hi;	/* [from, to] as UTC instants */
	unsigned	 bits;		/* 1 room, 2 status, 4 person */
};

/*
 * Reads fields (status_list_query or booking_lists_query) from the query
 * into in and the filters into f, which borrows from r.  0, or 422 (a bad
 * value) or 403 (the person filter without being an administrator), the
 * request refused.
 */
int	status_read_filters(struct req *r,
	    const struct input_field *const *fields, struct input *in,
	    struct status_filters *f);

/*
 * Up to limit rows (STATUS_LIST_COLUMNS) past the cursor (ct, cid):
 * those before it, latest first; or, ascending, those after it, soonest
 * first.  0 with *rows, or a status.
 */
int	status_rows(struct req *r, const struct status_filters *f,
	    int ascending, time_t ct, long long cid, long long limit,
	    struct db_rows **rows);

/* GET /api/bookingLists: the list as JSON, ?cursor= paged, the origin's
 * field names.  200, 401, 403, 422. */
int	api_booking_lists(struct req *r);

/* GET /status: the booking status list, 50 a page, newest start first,
 * filtered (?room, ?status, ?person for admins, ?from, ?to) and paged by
 * cursor (?after, ?before).  200, 422 (bad filter), 403 (person filter
 * without being an administrator). */
int	status_list(struct req *r);
/* GET /status/day?date=YYYY-MM-DD: rooms by time slots.  200, 422. */
int	status_day(struct req *r);
int	status_day_pick(struct req *r);
int	status_day_slot(struct req *r);
/* GET /status/rooms/{id}?week=YYYY-Www: one room's week.  200, 404, 422. */
int	status_week(struct req *r);
/* GET /status/usage and /status/usage.csv (?from, ?to): booked hours and
 * share of opening hours per room.  200, 422. */
int	status_usage(struct req *r);
int	status_usage_csv(struct req *r);

/* GET /calendar/<token>.ics: a calendar feed (lib/feed). */
int	calendar_feed(struct req *r);

#endif
