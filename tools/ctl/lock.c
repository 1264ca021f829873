/* roomctl: the jobs run once for the whole site, whichever host starts them. */
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "ctl.h"
#include "db.h"

/*
 * A named lock on the primary, which every host's jobs reach: MariaDB
 * frees it when the holder's connection ends, so a job that dies (or
 * its host) does not keep it.  Named after the database: two sites on
 * one server do not share their jobs.
 */
static const char SQL_LOCK[] =
    "SELECT GET_LOCK(LEFT(CONCAT(DATABASE(), '.job.', ?), 64), 0) AS got";
/*
 * A host that dies without closing its connection is noticed by the
 * server after this long idle; the lock then goes to a host that lives.
 */
static const char SQL_IDLE[] = "SET SESSION wait_timeout = 300";

static const char SQL_RECENT[] =
    "SELECT TIMESTAMPDIFF(SECOND, finished_at, UTC_TIMESTAMP()) AS ago, host"
    " FROM job_runs WHERE job = ?"
    " AND finished_at > UTC_TIMESTAMP() - INTERVAL ? SECOND";
static const char SQL_DONE[] =
    "INSERT INTO job_runs (job, finished_at, host) VALUES (?, UTC_TIMESTAMP(), ?)"
    " ON DUPLICATE KEY UPDATE finished_at = VALUES(finished_at),"
    " host = VALUES(host)";

/* Whether job ran for the site less than period seconds ago: 1, 0, -1. */
static int
ran_lately(struct ctl *ctl, const char *job, int period)
{
	struct db_rows	*rows;
	int		 lately;

	if ((rows = db_query(ctl->db, SQL_RECENT,
	    DB_ARGS(DB_STR(job), DB_INT(period)))) == NULL) {
		fprintf(stderr, "roomctl: %s: its last run: %s\n", job,
		    db_last_message(ctl->db));
		return -1;
	}
	lately = rows->nrows > 0;
	if (lately)
		fprintf(stderr, "roomctl: %s ran for this site %s s ago (on %s); "
		    "not again before %d s\n", job, db_text(rows, 0, "ago"),
		    db_text(rows, 0, "host"), period);
	db_rows_free(rows);
	return lately;
}

int
ctl_job_done(struct ctl *ctl, const char *job)
{
	char	host[HOST_NAME_MAX + 1];

	/* An application host by its address, else by its name. */
	if (ctl->cfg.pool_address[0] != '\0')
		snprintf(host, sizeof host, "%s", ctl->cfg.pool_address);
	else if (gethostname(host, sizeof host) == -1)
		snprintf(host, sizeof host, "unknown");
	host[sizeof host - 1] = '\0';
	if (db_exec(ctl->db, SQL_DONE, DB_ARGS(DB_STR(job), DB_STR(host)),
	    NULL) == -1) {
		fprintf(stderr, "roomctl: %s: noting the run: %s\n", job,
		    db_last_message(ctl->db));
		return -1;
	}
	return 0;
}

int
ctl_job_lock(struct ctl *ctl, const char *job, int period)
{
	struct db_rows	*rows;
	int		 got;

	if (db_exec(ctl->db, SQL_IDLE, DB_NOARGS, NULL) == -1 ||
	    (rows = db_query(ctl->db, SQL_LOCK,
	    DB_ARGS(DB_STR(job)))) == NULL) {
		fprintf(stderr, "roomctl: %s: the site's lock: %s\n", job,
		    db_last_message(ctl->db));
		return -1;
	}
	got = rows->nrows == 1 && db_get_int(rows, 0, "got") == 1;
	db_rows_free(rows);
	if (got && period > 0)
		switch (ran_lately(ctl, job, period)) {
		case -1:
			return -1;
		case 1:
			return 2;
		}
	return got;
}
