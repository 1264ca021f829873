/* health: the JSON health checks of one context and of the whole gateway. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
 * The whole check asks the pools one after another within this budget,
 * so a stuck pool holds a booking worker for at most this long.
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

static long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Asks the pool of context c for its health; a JSON object (NULL: ENOMEM). */
static json_t *
ask_pool(const struct req *r, enum context c, long long deadline)
{
	long long left = deadline - now_ms();

	char	 uri[64], body[1024];
	int	 status, got;
	json_t	*j;

	snprintf(uri, sizeof uri, "/healthz/%s", context_name(c));
	if (left <= 0)
		return json_pack("{s:s, s:s}", "status", "down", "error",
		    "no time left to ask");
	/*
	 * A pool that takes the call but does not answer in time has every
	 * worker busy and a queue ahead: the gateway is refusing or about to
	 * refuse its requests, so it is "busy", not "ok".
	 */
	if ((got = fcgi_get(r->app->cfg->ctx[c].socket, uri, r->rid, (int)left,
	    &status, body, sizeof body)) < 0)
		return json_pack("{s:s, s:s}", "status", got == -2 ? "busy" :
		    "down", "error", body);
	if ((j = json_loads(body, 0, NULL)) == NULL || !json_is_object(j)) {
		json_decref(j);
		return json_pack("{s:s, s:s}", "status", "down", "error",
		    "malformed health answer");
	}
	json_object_del(j, "context");
	json_object_del(j, "version");
	return j;
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
	json_t		*contexts = json_object(), *root = NULL, *self;
	int		 db_up = db_ping(r->app->db) == 0, all_ok = db_up;
	long long	 deadline = now_ms() + HEALTH_BUDGET_MS;
	const char	*overall;

	if (contexts == NULL)
		return 500;
	for (int c = 0; c < CTX__COUNT; c++) {
		json_t		*one;
		const char	*st;

		if ((enum context)c == r->app->context) {
			self = context_report(r, db_up);
			if (self != NULL) {
				json_object_del(self, "context");
				json_object_del(self, "version");
			}
			one = self;
		} else
			one = ask_pool(r, (enum context)c, deadline);
		if (one == NULL ||
		    json_object_set_new(contexts, context_name(c), one) == -1) {
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
	return api_send(r, all_ok ? 200 : 503, root);
}
