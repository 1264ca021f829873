/* booking: actual use, checking in when a meeting starts and out when done. */
#include <stdio.h>

#include "app.h"
#include "booking.h"
#include "clock.h"
#include "handlers.h"
#include "refusal.h"
#include "response.h"

/* Check in or out of the booking in the path, for its owner or an admin. */
static int
change_use(struct req *r, enum booking_action action)
{
	long long		 id = route_arg_id(r, 0);
	struct booking_outcome	 o;
	enum booking_result	 rc;

	if ((rc = booking_apply(r->app->db, id, action, r->user, NULL, &o)) ==
	    BK_OK) {
		return resp_redirectf(r, 303, "/bookings/%lld", id);
	}
	return refusal_answer(r, rc, action, &o);
}

int
booking_checkin(struct req *r)
{
	return change_use(r, ACT_CHECKIN);
}

int
booking_checkout(struct req *r)
{
	return change_use(r, ACT_CHECKOUT);
}
