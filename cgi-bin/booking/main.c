/* booking: the home page, and (as they arrive) requesting and viewing bookings. */
#include "app.h"
#include "booking.h"
#include "health.h"

static const struct route routes[] = {
	{ M_GET,	"/",			AUTH_ANY,	home_show },
	{ M_GET,	"/healthz",		AUTH_ANY,	health_gateway },
	{ M_GET,	"/healthz/booking",	AUTH_ANY,	health_context },
};

int
main(int argc, char *argv[])
{
	return app_main(CTX_BOOKING, routes, NELEM(routes), argc, argv);
}
