/* roomctl: the operator's command-line tool; shared state of its commands. */
#ifndef ROOMBOOK_CTL_H
#define ROOMBOOK_CTL_H

#include <stddef.h>

#include "booking.h"
#include "config.h"

struct db;
struct db_arg;

struct ctl {
	struct config	 cfg;
	struct db	*db;	/* the administrative account, on cfg.db_name */
};

/* Each command returns the process exit code: 0 ok, 1 failed, 2 bad usage. */
int	cmd_migrate(struct ctl *, int argc, char *argv[]);
int	cmd_demo(struct ctl *, int argc, char *argv[]);
int	cmd_check_status(struct ctl *, int argc, char *argv[]);
int	cmd_refresh_status(struct ctl *, int argc, char *argv[]);
int	cmd_sweep(struct ctl *, int argc, char *argv[]);
int	cmd_token(struct ctl *, int argc, char *argv[]);
int	cmd_group(struct ctl *, int argc, char *argv[]);
int	cmd_display(struct ctl *, int argc, char *argv[]);
int	cmd_mail_send(struct ctl *, int argc, char *argv[]);
int	cmd_mail_status(struct ctl *, int argc, char *argv[]);
int	cmd_backup(struct ctl *, int argc, char *argv[]);
int	cmd_restore(struct ctl *, int argc, char *argv[]);
int	cmd_promote(struct ctl *, int argc, char *argv[]);

/* What ctl_apply_each did: applied, or found already changed by others. */
struct ctl_tally {
	long long	done, skipped;
};

/*
 * Applies action (as the system) to each booking whose id the query
 * returns in its column "id", each in its own transaction.  Returns 0, or -1 on a database
 * error (see db_last_message).
 */
int	ctl_apply_each(struct ctl *, const char *sql, const struct db_arg *,
	    size_t nargs, enum booking_action, struct ctl_tally *);
/*
 * Takes the site-wide lock of job, if free: 1 when
 * this run holds it until it exits, 0 when another run (on this host or
 * another) does, 2 when period > 0 and the job finished for the site
 * less than period seconds ago (a scheduled run another host did; said
 * on stderr), -1 on a database error (said too).
 */
int	ctl_job_lock(struct ctl *, const char *job, int period);
/*
 * Notes that a scheduled run of job finished for the site, now, here.
 * 0 or -1 (printed).
 */
int	ctl_job_done(struct ctl *, const char *job);

/* Passwords are read from the terminal or stdin, never from argv. */
int	cmd_user(struct ctl *, int argc, char *argv[]);

#endif
