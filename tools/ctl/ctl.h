/* roomctl: the operator's command-line tool; shared state of its commands. */
#ifndef ROOMBOOK_CTL_H
#define ROOMBOOK_CTL_H

#include "config.h"

struct db;

struct ctl {
	struct config	 cfg;
	struct db	*db;	/* the administrative account, on cfg.db_name */
};

/* Each command returns the process exit code: 0 ok, 1 failed, 2 bad usage. */
int	cmd_migrate(struct ctl *, int argc, char *argv[]);
int	cmd_demo(struct ctl *, int argc, char *argv[]);
int	cmd_check_status(struct ctl *, int argc, char *argv[]);
int	cmd_refresh_status(struct ctl *, int argc, char *argv[]);
/* Passwords are read from the terminal or stdin, never from argv. */
int	cmd_user(struct ctl *, int argc, char *argv[]);

#endif
