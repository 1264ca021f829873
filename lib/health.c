/* health: the JSON health checks of one context and of the whole gateway. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app.h"
#include "db.h"
#include "fcgi_client.h"
#include "api.h"
#include "health.h"
#include "log.h"
#include "response.h"

#ifndef ROOMBOOK_VERSION
#define ROOMBOOK_VERSION "unknown"
#endif

/*
 * The whole check asks the other pools at once within this budget, so a
 * stuck pool holds a booking worker for at most this long.
 */
#define HEALTH_BUDGET_MS	1000

static json_t *
context_report(const struct req *r, int db_up)
{
	return json_pack("{s:s, s:s, s:s, s:s}",
	    "context", context_name(r->app->context),
	    "status", db_up ? "ok" : "degraded",
	    "db", db_up ? "ok" : "down",
	    "version", ROOMBOOK_VERSION);
}

int
health_context(struct req *r)
{
	int up = db_ping(r->app->db) == 0;

	return api_send(r, up ? 200 : 503, context_report(r, up));
}

/* One question to one pool, asked on a thread of its own. */
struct pool_ask {
	char		 where[128];	/* its socket, or ADDRESS:PORT */
	char		 uri[64];
	const char	*rid;
	int		 timeout_ms;
	int		 got;		/* fcgi_get's answer */
	int		 status;
	char		 body[1024];
	pthread_t	 thread;
	int		 started;
};

/* Where this host's pool of context c listens. */
static void
pool_where(const struct config *cfg, int c, char *where, size_t len)
{
	const char *a = cfg->pool_address;

	if (a[0] == '\0')
		snprintf(where, len, "%s", cfg->ctx[c].socket);
	else
		snprintf(where, len, strchr(a, ':') != NULL ? "[%s]:%d" :
		    "%s:%d", a, cfg->ctx[c].port);
}

static void *
ask_pool(void *arg)
{
	struct pool_ask	*a = arg;

	a->got = fcgi_get(a->where, a->uri, a->rid, a->timeout_ms, &a->status,
	    a->body, sizeof a->body);
	return NULL;
}

/* The pool's answer as a JSON object (NULL: ENOMEM). */
static json_t *
pool_answer(const struct pool_ask *a)
{
	json_t	*j;

	/*
	 * A pool that takes the call but does not answer in time has every
	 * worker busy and a queue ahead: the gateway is refusing or about to
	 * refuse its requests, so it is "busy", not "ok".
	 */
	if (a->got < 0)
		return json_pack("{s:s, s:s}", "status", a->got == -2 ? "busy" :
		    "down", "error", a->body);
	if ((j = json_loads(a->body, 0, NULL)) == NULL || !json_is_object(j)) {
		json_decref(j);
		return json_pack("{s:s, s:s}", "status", "down", "error",
		    "malformed health answer");
	}
	json_object_del(j, "context");
	json_object_del(j, "version");
	return j;
}

/*
 * What the pool's supervisor (roombook-pool) last wrote: workers alive,
 * restarts, the last death.  A pool restarting workers that keep dying is
 * "failing" whatever its surviving workers answer.  Sets *failing.
 */
static int
pool_state(const char *path, json_t *into, int *failing)
{
	char	 line[320], state[32] = "", last[320] = "";
	long	 workers = -1, alive = -1, restarts = -1, next = -1;
	FILE	*f;

	*failing = 0;
	if (path[0] == '\0' || (f = fopen(path, "re")) == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "state=%31s", state) == 1 ||
		    sscanf(line, "workers=%ld", &workers) == 1 ||
		    sscanf(line, "alive=%ld", &alive) == 1 ||
		    sscanf(line, "restarts=%ld", &restarts) == 1 ||
		    sscanf(line, "next_start_ms=%ld", &next) == 1)
			continue;
		if (strncmp(line, "last_death=", 11) == 0)
			snprintf(last, sizeof last, "%s", line + 11);
	}
	fclose(f);
	if (state[0] == '\0')
		return 0;
	*failing = strcmp(state, "failing") == 0;
	return json_object_set_new(into, "pool", json_pack(
	    "{s:s, s:i, s:i, s:i, s:s*}", "state", state, "workers",
	    (int)workers, "alive", (int)alive, "restarts", (int)restarts,
	    "lastDeath", last[0] != '\0' ? last : NULL));
}

/*
 * The outbox: messages waiting and how long the oldest has waited.  Mail
 * late is said, not counted against the site: bookings go on without it.
 */
static const char SQL_OUTBOX[] =
    "SELECT COUNT(*) AS waiting, TIMESTAMPDIFF(SECOND, MIN(created_at),"
    " UTC_TIMESTAMP()) AS oldest FROM mail_outbox"
    " WHERE sent_at IS NULL AND failed_at IS NULL";
#define MAIL_LATE_SECONDS	900

static json_t *
outbox_report(const struct req *r)
{
	struct db_rows	*rows = db_query(r->app->db, SQL_OUTBOX, DB_NOARGS);
	json_t		*j;
	long long	 oldest;

	if (rows == NULL)
		return json_pack("{s:s}", "status", "unknown");
	oldest = db_get(rows, 0, "oldest") != NULL ?
	    db_get_int(rows, 0, "oldest") : -1;
	j = json_pack("{s:s, s:I, s:o}", "status", oldest > MAIL_LATE_SECONDS ?
	    "late" : "ok", "waiting", (json_int_t)db_get_int(rows, 0,
	    "waiting"), "oldestUnsentSeconds", oldest >= 0 ?
	    json_integer(oldest) : json_null());
	db_rows_free(rows);
	return j;
}

int
health_gateway(struct req *r)
{
	struct pool_ask	 asks[CTX__COUNT];
	json_t		*contexts = json_object(), *root;
	int		 db_up = db_ping(r->app->db) == 0, all_ok = db_up;
	const char	*overall;

	if (contexts == NULL)
		return 500;
	/* The other pools, all at once: the check takes the slowest's time. */
	memset(asks, 0, sizeof asks);
	for (int c = 0; c < CTX__COUNT; c++) {
		struct pool_ask *a = &asks[c];

		if ((enum context)c == r->app->context)
			continue;
		pool_where(r->app->cfg, c, a->where, sizeof a->where);
		a->rid = r->rid;
		a->timeout_ms = HEALTH_BUDGET_MS;
		snprintf(a->uri, sizeof a->uri, "/healthz/%s", context_name(c));
		if (pthread_create(&a->thread, NULL, ask_pool, a) == 0)
			a->started = 1;
		else {
			a->got = -1;
			snprintf(a->body, sizeof a->body, "cannot ask (no thread)");
		}
	}
	for (int c = 0; c < CTX__COUNT; c++)
		if (asks[c].started)
			pthread_join(asks[c].thread, NULL);
	for (int c = 0; c < CTX__COUNT; c++) {
		json_t		*one;
		const char	*st;
		int		 failing;

		if ((enum context)c == r->app->context) {
			if ((one = context_report(r, db_up)) != NULL) {
				json_object_del(one, "context");
				json_object_del(one, "version");
			}
		} else
			one = pool_answer(&asks[c]);
		if (one == NULL || pool_state(r->app->cfg->ctx[c].state, one,
		    &failing) == -1 ||
		    json_object_set_new(contexts, context_name(c), one) == -1) {
			json_decref(contexts);
			return 500;
		}
		if (failing && json_object_set_new(one, "status",
		    json_string("failing")) == -1) {
			json_decref(contexts);
			return 500;
		}
		st = json_string_value(json_object_get(one, "status"));
		if (st == NULL || strcmp(st, "ok") != 0)
			all_ok = 0;
	}
	overall = !db_up ? "down" : all_ok ? "ok" : "degraded";
	root = json_pack("{s:s, s:s, s:s, s:o, s:o*}", "status", overall,
	    "db", db_up ? "ok" : "down", "version", ROOMBOOK_VERSION,
	    "contexts", contexts, "mail", db_up ? outbox_report(r) : NULL);
	/* With several hosts, which one answered. */
	if (root != NULL && r->app->cfg->pool_address[0] != '\0' &&
	    json_object_set_new(root, "host",
	    json_string(r->app->cfg->pool_address)) == -1) {
		json_decref(root);
		return 500;
	}
	return api_send(r, all_ok ? 200 : 503, root);
}

int
health_host(struct req *r)
{
	/* The gateway sends each host's path to that host's pool; any other
	 * reached whichever host, which must not answer for another. */
	if (strcmp(r->args[0], r->app->cfg->pool_address) != 0)
		return api_error(r, 404, "no application host has this "
		    "address ([cluster] app_hosts)", NULL);
	return health_gateway(r);
}
