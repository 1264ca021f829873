/* replica: reading from a MariaDB replica without losing one's own writes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "clock.h"
#include "db.h"
#include "log.h"
#include "replica.h"
#include "response.h"
#include "session.h"

/*
 * The primary stamps the heartbeat every second (migration 025); data a
 * little older than that is as fresh as a replica gets, older than this
 * is worth saying.
 */
#define STALE_MS	1500
/* A replica that could not be reached is left alone this long. */
#define REST_SECONDS	5
/* A person's write matters to their next pages, not for ever. */
#define COOKIE_SECONDS	600

static const char SQL_LAST_GTID[] = "SELECT @@last_gtid AS gtid";
static const char SQL_WAIT[] =
    "SELECT MASTER_GTID_WAIT(?, ?) AS reached";
static const char SQL_HEARTBEAT[] =
    "SELECT FLOOR(UNIX_TIMESTAMP(at) * 1000) AS at_ms FROM heartbeat"
    " WHERE id = 1";

/* Domain, server, sequence: digits each, at most 20 (64 bits). */
int
replica_gtid_valid(const char *s)
{
	if (strlen(s) >= 200)
		return 0;
	for (;;) {
		for (int part = 0; part < 3; part++) {
			size_t digits = strspn(s, "0123456789");

			if (digits == 0 || digits > 20)
				return 0;
			s += digits;
			if (part < 2 && *s++ != '-')
				return 0;
		}
		if (*s == '\0')
			return 1;
		if (*s++ != ',')
			return 0;
	}
}

int
replica_open(struct app *app)
{
	const struct config		*cfg = app->cfg;
	const struct context_config	*cc = &cfg->ctx[app->context];
	struct db_params		 p;

	if (cfg->db_replica_host[0] == '\0' || !app->read_only)
		return 0;
	p = (struct db_params){ .host = cfg->db_replica_host,
	    .port = (unsigned)cfg->db_replica_port, .user = cc->db_user,
	    .password = cc->db_password, .name = cfg->db_name };
	if ((app->replica = db_new(&p)) == NULL)
		return -1;
	return 0;
}

/* The replica is unreachable or failing: the primary, for a while. */
static void
rest_replica(struct app *app, const struct req *r)
{
	log_error(r->rid, "replica %s: %s; reading the primary for %d s",
	    app->cfg->db_replica_host, db_last_message(app->replica),
	    REST_SECONDS);
	app->replica_rests_until = clock_monotonic_ms() / 1000 + REST_SECONDS;
	app->db = app->primary;
}

/*
 * Whether the replica applied gtid within the wait: 0 it did, 1 it did
 * not, -1 it cannot be reached.
 */
static int
caught_up(struct app *app, struct req *r, const char *gtid)
{
	struct db_rows	*rows;
	char		 wait[16];
	const char	*reached;
	int		 ok;

	snprintf(wait, sizeof wait, "%.3f",
	    app->cfg->db_replica_wait_ms / 1000.0);
	/* Unreachable: -1; a GTID the server will not wait for: the primary. */
	if ((rows = db_query(app->replica, SQL_WAIT,
	    DB_ARGS(DB_STR(gtid), DB_STR(wait)))) == NULL)
		return db_last_error(app->replica) == DB_DOWN ? -1 : 1;
	reached = db_get(rows, 0, "reached");
	ok = reached != NULL && strcmp(reached, "0") == 0;
	db_rows_free(rows);
	if (!ok)
		log_info(r->rid, "the replica has not applied %s after %d ms; "
		    "reading the primary", gtid, app->cfg->db_replica_wait_ms);
	return ok ? 0 : 1;
}

void
replica_choose(struct app *app, struct req *r)
{
	const char	*gtid = params_get(&r->cookies, REPLICA_COOKIE);
	struct db_rows	*rows;
	long long	 at_ms, age_ms;

	app->db = app->primary;
	if (app->replica == NULL ||
	    clock_monotonic_ms() / 1000 < app->replica_rests_until)
		return;
	app->db = app->replica;
	if (gtid != NULL && replica_gtid_valid(gtid)) {
		switch (caught_up(app, r, gtid)) {
		case -1:
			rest_replica(app, r);
			return;
		case 1:
			app->db = app->primary;
			return;
		}
	}
	if ((rows = db_query(app->replica, SQL_HEARTBEAT, DB_NOARGS)) == NULL) {
		rest_replica(app, r);
		return;
	}
	/* No heartbeat yet: a new site, as fresh as its primary says. */
	if (rows->nrows == 1) {
		at_ms = db_get_int(rows, 0, "at_ms");
		age_ms = clock_real_ms() - at_ms;
		if (age_ms > STALE_MS)
			r->as_of = clock_now() - (time_t)(age_ms / 1000);
	}
	db_rows_free(rows);
}

int
replica_note_write(struct req *r)
{
	struct db_rows	*rows;
	const char	*gtid;
	char		 extra[32];
	int		 rc = 0;

	if (r->app == NULL || r->app->read_only ||
	    r->app->cfg->db_replica_host[0] == '\0' ||
	    !db_take_wrote(r->app->db))
		return 0;
	if ((rows = db_query(r->app->db, SQL_LAST_GTID, DB_NOARGS)) == NULL) {
		log_error(r->rid, "the last write's GTID: %s",
		    db_last_message(r->app->db));
		return -1;
	}
	gtid = db_get(rows, 0, "gtid");
	snprintf(extra, sizeof extra, "; Max-Age=%d; SameSite=Lax",
	    COOKIE_SECONDS);
	if (gtid != NULL && replica_gtid_valid(gtid) &&
	    session_set_cookie(r, REPLICA_COOKIE, gtid, "/", extra) != 0) {
		log_error(r->rid, "the last write's cookie: no memory");
		rc = -1;
	}
	db_rows_free(rows);
	return rc;
}
