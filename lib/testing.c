/* testing: the answers only tests and benchmarks turn on, kept out of the dispatcher. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "response.h"
#include "testing.h"

int
testing_init(struct testing *t, const struct config *cfg)
{
	memset(t, 0, sizeof *t);
	t->slow_path = cfg->slow_path;
	if (cfg->bench_floor_bytes > 0) {
		t->floor_len = (size_t)cfg->bench_floor_bytes;
		if ((t->floor = malloc(t->floor_len)) == NULL) {
			log_error(NULL, "out of memory for the benchmark floor");
			return -1;
		}
		memset(t->floor, 'x', t->floor_len);
	}
	return 0;
}

void
testing_free(struct testing *t)
{
	free(t->floor);
	t->floor = NULL;
}

static int
is_slow_path(const char *path)
{
	size_t n = strlen(path);

	return n >= 6 && strcmp(path + n - 6, "/_slow") == 0;
}

/* A worker kept busy on purpose, e.g. to fill a context's bound. */
static int
slow_answer(struct req *r)
{
	const char	*ms = params_get(&r->query, "ms");
	long		 wait = ms != NULL ? strtol(ms, NULL, 10) : 1000;
	struct timespec	 ts;

	if (wait < 0 || wait > 30000)
		wait = 30000;
	ts.tv_sec = wait / 1000;
	ts.tv_nsec = (wait % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
	return resp_send(r, 200, "text/plain; charset=utf-8", CACHE_NONE,
	    "slept\n", 6);
}

int
testing_answer(const struct testing *t, struct req *r)
{
	if (r->method != M_GET)
		return 0;
	if (t->slow_path && is_slow_path(r->path))
		return slow_answer(r);
	/* The benchmark floor: the path a request takes, minus the work. */
	if (t->floor != NULL && strcmp(r->path, "/status/floor") == 0)
		return resp_send(r, 200, TYPE_HTML, CACHE_NONE, t->floor,
		    t->floor_len);
	return 0;
}
