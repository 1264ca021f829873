/* status: the read-only booking status view (the read side). */
#include "app.h"
#include "health.h"

static const struct route routes[] = {
	{ M_GET,	"/healthz/status",	AUTH_ANY,	health_context },
};

static const struct program program = {
	CTX_STATUS, routes, NELEM(routes), 1 /* read_only */
};

int
main(int argc, char *argv[])
{
	return app_main(&program, argc, argv);
}
