/* testing: the answers only tests and benchmarks turn on, kept out of the dispatcher. */
#ifndef ROOMBOOK_TESTING_H
#define ROOMBOOK_TESTING_H

#include "config.h"
#include "request.h"

/*
 * What the configuration turns on for tests and benchmarks; nothing in a
 * site's own configuration does.
 *   [testing] slow_path:  GET <any path>/_slow?ms=N keeps a worker busy
 *                         for N ms (at most 30 s), touching nothing else;
 *   [bench] floor_bytes:  GET /status/floor answers that many bytes
 *                         without the database (the FastCGI floor).
 */
struct testing {
	int	 slow_path;
	char	*floor;		/* the floor's body, or NULL */
	size_t	 floor_len;
};

/* Sets t up from cfg.  Returns 0, or -1 (logged) on ENOMEM. */
int	testing_init(struct testing *t, const struct config *cfg);
/* Frees what testing_init made; t may be zeroed or already freed. */
void	testing_free(struct testing *t);

/*
 * Answers r if it is one of the turned-on testing requests: returns the
 * status sent, or 0 when r is not one (the dispatcher goes on).
 */
int	testing_answer(const struct testing *t, struct req *r);

#endif
