/* booking: handlers of the booking program. */
#ifndef ROOMBOOK_BOOKING_H
#define ROOMBOOK_BOOKING_H

#include "request.h"

/* GET /: the home page with today's figures.  200, 503 (database down). */
int	home_show(struct req *r);

#endif
