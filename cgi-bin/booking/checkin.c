/* booking: actual use, checking in when a meeting starts and out when done. */
#include <ctype.h>
#include <stdio.h>

#include "app.h"
#include "booking.h"
#include "clock.h"
#include "handlers.h"
#include "response.h"

/* "pending approval", "in use": a state as it reads inside a sentence. */
static const char *
state_phrase(const char *state, char *buf, size_t n)
{
	size_t i;

	snprintf(buf, n, "%s", booking_state_label(state));
	for (i = 0; buf[i] != '\0'; i++)
		buf[i] = (char)tolower((unsigned char)buf[i]);
	return buf;
}

/* Check in or out of the booking in the path, for its owner or an admin. */
static int
change_use(struct req *r, enum booking_action action)
{
	const struct rules	*k = &r->app->cfg->rules;
	long long		 id = route_arg_id(r, 0);
	struct booking_outcome	 o;
	char			 location[64], at[16], state[64];

	switch (booking_apply(r->app->db, id, action, r->user, NULL, &o)) {
	case BK_OK:
		snprintf(location, sizeof location, "/bookings/%lld", id);
		return resp_redirect(r, 303, location);
	case BK_NOT_FOUND:
	case BK_FORBIDDEN:
		return 404;	/* others' bookings do not exist for you */
	case BK_TOO_EARLY:
		req_errorf(r, "check-in opens at %s, %d minutes before the "
		    "start", format_local(o.at, "%H:%M", at, sizeof at),
		    k->checkin_opens);
		return 409;
	case BK_TOO_LATE:
		req_errorf(r, "check-in closed at %s; a booking can be checked "
		    "into until %d minutes after its start", format_local(o.at,
		    "%H:%M", at, sizeof at), k->checkin_grace);
		return 409;
	case BK_NOT_ALLOWED:
		req_errorf(r, action == ACT_CHECKIN ? "only a confirmed booking "
		    "can be checked in; this one is %s" : "only a booking in use "
		    "can be checked out; this one is %s", state_phrase(o.state,
		    state, sizeof state));
		return 409;
	default:
		return db_failed(r);
	}
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
