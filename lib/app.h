/* app: a context program's start-up and its FastCGI accept-dispatch loop. */
#ifndef ROOMBOOK_APP_H
#define ROOMBOOK_APP_H

#include <stddef.h>

#include "config.h"
#include "route.h"
#include "testing.h"

struct db;

/* What a context's program is: its routes and what its account may do. */
struct program {
	enum context		 context;
	const struct route	*routes;
	size_t			 nroutes;
	int			 read_only;	/* account can only SELECT */
};

/* What a worker holds between requests: read-only but for its connection. */
struct app {
	enum context		 context;
	const struct config	*cfg;
	struct db		*db;		/* this request's: primary or replica */
	struct db		*primary;
	struct db		*replica;	/* NULL: none (lib/replica) */
	long long		 replica_rests_until; /* monotonic seconds */
	const struct route	*routes;
	size_t			 nroutes;
	int			 read_only;
	struct testing		 testing;	/* tests' and benchmarks' own */
};

/*
 * Runs the program: reads the configuration ("-c file", else
 * $ROOMBOOK_CONFIG), then accepts FastCGI requests on fd 0 until the pool
 * supervisor asks it to stop.  Each request is parsed, its sender
 * identified, routed, checked against the route's guard and CSRF, and
 * answered; errors get the error page.  Returns the exit code.
 */
int	app_main(const struct program *, int argc, char *argv[]);

/*
 * For a handler whose database call failed: keeps the database's message
 * for the log and returns the status to answer, 503 when the server is
 * unreachable (a page that says to try again), else 500.
 */
int	db_failed(struct req *r);

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#endif
