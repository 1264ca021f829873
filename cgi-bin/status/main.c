/* status: the read-only booking status view (the read side). */
#include "app.h"
#include "handlers.h"
#include "health.h"

static const struct route routes[] = {
	{ M_GET, "/status",		AUTH_USER, status_list, NULL },
	{ M_GET, "/status/day",		AUTH_USER, status_day_pick, NULL },
	{ M_GET, "/status/day/{date}/",	AUTH_USER, status_day, NULL },
	{ M_GET, "/status/day/{date}/{slot}", AUTH_USER, status_day_slot, NULL },
	{ M_GET, "/status/rooms/{id}",	AUTH_USER, status_week, NULL },
	{ M_GET, "/status/usage",	AUTH_USER, status_usage, NULL },
	{ M_GET, "/status/usage.csv",	AUTH_USER, status_usage_csv, NULL },
	{ M_GET, "/api/bookingLists",	AUTH_USER, api_booking_lists, NULL },
	{ M_GET, "/calendar/{feed}",	AUTH_ANY,  calendar_feed, NULL },
	{ M_GET, "/healthz/status",	AUTH_ANY,  health_context, NULL },
};

static const struct program program = {
	CTX_STATUS, routes, NELEM(routes), 1 /* read_only */
};

int
main(int argc, char *argv[])
{
	return app_main(&program, argc, argv);
}
