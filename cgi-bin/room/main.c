/* room: the rooms and their availability. */
#include "app.h"
#include "health.h"
#include "handlers.h"

static const struct route routes[] = {
	{ M_GET,	"/rooms",		AUTH_ANY,	rooms_list },
	{ M_GET,	"/healthz/room",	AUTH_ANY,	health_context },
};

static const struct program program = {
	CTX_ROOM, routes, NELEM(routes), 0 /* read_only */
};

int
main(int argc, char *argv[])
{
	return app_main(&program, argc, argv);
}
