/* roomctl promote: the MariaDB server it reaches becomes the site's primary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "db.h"

/*
 * Every server of a site with replicas starts read-only and without its
 * event scheduler (tools/cluster's and the README's settings), so an old
 * primary that comes back takes no writes: it is fenced until someone
 * decides.  This makes one server the primary: a replica first applies
 * all it has received from the old primary (with semi-synchronous
 * replication that is everything the old primary acknowledged) and
 * forgets it; then the server takes writes and stamps the heartbeat.
 */
static const char SQL_POSITION[] = "SELECT @@gtid_current_pos AS current";

/* Runs a statement that returns nothing; 0 or -1 (printed). */
static int
run(struct ctl *ctl, const char *sql)
{
	if (db_exec(ctl->db, sql, DB_NOARGS, NULL) == -1) {
		fprintf(stderr, "roomctl: promote: %s: %s\n", sql,
		    db_last_message(ctl->db));
		return -1;
	}
	return 0;
}

/*
 * Stops taking the old primary's changes and applies those already
 * received (the relay log), waiting at most wait seconds.
 */
static int
apply_what_arrived(struct ctl *ctl, int wait)
{
	struct db_rows	*rows;
	int		 done;

	if (run(ctl, "STOP SLAVE IO_THREAD") == -1)
		return -1;
	/* With the receiving stopped, the applier catches up with it. */
	for (int i = 0; i < wait * 10; i++) {
		if ((rows = db_query(ctl->db, "SHOW SLAVE STATUS",
		    DB_NOARGS)) == NULL) {
			fprintf(stderr, "roomctl: promote: %s\n",
			    db_last_message(ctl->db));
			return -1;
		}
		/* Applied up to where it read: nothing received is left. */
		done = rows->nrows == 0 ||
		    (strcmp(db_text(rows, 0, "Master_Log_File"),
		    db_text(rows, 0, "Relay_Master_Log_File")) == 0 &&
		    strcmp(db_text(rows, 0, "Read_Master_Log_Pos"),
		    db_text(rows, 0, "Exec_Master_Log_Pos")) == 0);
		db_rows_free(rows);
		if (done)
			return 0;
		if (run(ctl, "DO SLEEP(0.1)") == -1)
			return -1;
	}
	fprintf(stderr, "roomctl: promote: the replica had not applied what "
	    "it received after %d s; try again, or wait\n", wait);
	return -1;
}

int
cmd_promote(struct ctl *ctl, int argc, char *argv[])
{
	struct db_rows	*rows;
	int		 replica;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: roomctl promote\n");
		return 2;
	}
	if ((rows = db_query(ctl->db, "SHOW SLAVE STATUS", DB_NOARGS)) == NULL) {
		fprintf(stderr, "roomctl: promote: %s\n",
		    db_last_message(ctl->db));
		return 1;
	}
	replica = rows->nrows > 0;
	db_rows_free(rows);
	if (replica && (apply_what_arrived(ctl, 60) == -1 ||
	    run(ctl, "STOP SLAVE") == -1 || run(ctl, "RESET SLAVE ALL") == -1))
		return 1;
	if (run(ctl, "SET GLOBAL read_only = 0") == -1 ||
	    run(ctl, "ALTER EVENT heartbeat_stamp ENABLE") == -1 ||
	    run(ctl, "SET GLOBAL event_scheduler = ON") == -1)
		return 1;
	if ((rows = db_query(ctl->db, SQL_POSITION, DB_NOARGS)) == NULL) {
		fprintf(stderr, "roomctl: promote: %s\n",
		    db_last_message(ctl->db));
		return 1;
	}
	printf("promote: this server is the primary now (%s), at GTID %s\n",
	    replica ? "it was a replica" : "it was not a replica",
	    db_text(rows, 0, "current"));
	db_rows_free(rows);
	return 0;
}
