/* status: handlers of the status program (the read side). */
#ifndef ROOMBOOK_STATUS_HANDLERS_H
#define ROOMBOOK_STATUS_HANDLERS_H

#include "request.h"

/* GET /status: the booking status list, 50 a page, newest start first,
 * filtered (?room, ?status, ?person for admins, ?from, ?to) and paged by
 * cursor (?after, ?before).  200, 400 (bad filter), 403 (person filter
 * without being an administrator). */
int	status_list(struct req *r);
/* GET /status/day?date=YYYY-MM-DD: rooms by time slots.  200, 400. */
int	status_day(struct req *r);
/* GET /status/rooms/{id}?week=YYYY-Www: one room's week.  200, 400, 404. */
int	status_week(struct req *r);
/* GET /status/usage and /status/usage.csv (?from, ?to): booked hours and
 * share of opening hours per room.  200, 400. */
int	status_usage(struct req *r);
int	status_usage_csv(struct req *r);

#endif
