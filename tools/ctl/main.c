/* roomctl: the operator's command-line tool (migrations, demo data, users). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "booking.h"
#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "password.h"

static const struct command {
	const char	*name;
	int		(*run)(struct ctl *, int, char *[]);
	int		 creates_db;	/* connects before the database exists */
	int		 once_per_site;	/* one run at a time for all hosts */
	const char	*help;
} commands[] = {
	{ "migrate",	cmd_migrate,	1, 0,
	    "create the database and apply the migrations not applied yet" },
	{ "demo",	cmd_demo,	0, 0,
	    "load the demo rooms and users unless they are there" },
	{ "user",	cmd_user,	0, 0,
	    "user add|passwd|disable|enable|list: manage accounts" },
	{ "check-status", cmd_check_status, 0, 0,
	    "compare the booking status view with the source tables" },
	{ "refresh-status", cmd_refresh_status, 0, 1,
	    "nightly: expire overdue requests, rebuild the status view and usage" },
	{ "token",	cmd_token,	0, 0,
	    "token add|list|revoke: people's API tokens" },
	{ "group",	cmd_group,	0, 0,
	    "group add|list|show|join|leave|remove: groups rooms' policies name" },
	{ "display",	cmd_display,	0, 0,
	    "display add|link|list|revoke: door displays paired with rooms" },
	{ "sweep",	cmd_sweep,	0, 1,
	    "every minute: release no-shows, complete meetings that ended" },
	{ "mail-send",	cmd_mail_send,	0, 0,
	    "send the outbox's mail (--once: what is due, then stop)" },
	{ "mail-status", cmd_mail_status, 0, 0,
	    "what the mail sender has sent, is trying, has given up" },
	{ "backup",	cmd_backup,	0, 1,
	    "a consistent backup of the database, while the site runs" },
	{ "restore",	cmd_restore,	0, 0,
	    "restore FILE: the database as a backup holds it (site stopped)" },
	{ "promote",	cmd_promote,	0, 0,
	    "make the MariaDB server this reaches the primary (a replica: "
	    "after applying what it received)" },
};

#define NCOMMANDS	(sizeof commands / sizeof commands[0])

static void
usage(void)
{
	fprintf(stderr, "usage: roomctl [-c roombook.ini] [-o seconds] command\n"
	    "  -o: a scheduled run of a site's job (sweep, refresh-status, "
	    "backup):\n      left out when the job ran for the site, on any "
	    "host, less than\n      that long ago\n"
	    "commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(stderr, "  %-15s %s\n", commands[i].name,
		    commands[i].help);
}

/* -o's seconds, or -1. */
static int
parse_period(const char *s)
{
	char	*end;
	long	 n;

	n = strtol(s, &end, 10);
	return *s != '\0' && *end == '\0' && n >= 1 && n <= 7 * 86400 ?
	    (int)n : -1;
}

int
main(int argc, char *argv[])
{
	const char		*path = getenv("ROOMBOOK_CONFIG");
	const struct command	*cmd = NULL;
	struct ctl		 ctl;
	struct db_params	 p;
	char			 err[512];
	int			 ch, rc, period = 0;

	/* '+': stop at the command; its own options are its business. */
	while ((ch = getopt(argc, argv, "+c:o:h")) != -1)
		switch (ch) {
		case 'c':
			path = optarg;
			break;
		case 'o':
			if ((period = parse_period(optarg)) == -1) {
				fprintf(stderr, "roomctl: -o wants a number of "
				    "seconds (1 to 604800), not '%s'\n", optarg);
				return 2;
			}
			break;
		default:
			usage();
			return 2;
		}
	argc -= optind;
	argv += optind;
	for (size_t i = 0; argc > 0 && i < NCOMMANDS; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		usage();
		return 2;
	}
	if (password_init() == -1) {
		fprintf(stderr, "roomctl: cannot initialise password hashing "
		    "(libsodium)\n");
		return 1;
	}
	if (config_load(path != NULL ? path : ROOMBOOK_DEFAULT_CONFIG,
	    &ctl.cfg, err, sizeof err) == -1) {
		fprintf(stderr, "roomctl: %s\n", err);
		return 1;
	}
	p = (struct db_params){ .socket = ctl.cfg.db_socket,
	    .host = ctl.cfg.db_host, .port = (unsigned)ctl.cfg.db_port,
	    .user = ctl.cfg.admin_db_user,
	    .password = ctl.cfg.admin_db_password,
	    .name = cmd->creates_db ? NULL : ctl.cfg.db_name,
	    /* Rebuilding a million-row view takes longer than a page. */
	    .io_timeout = 3600 };
	if ((ctl.db = db_new(&p)) == NULL) {
		fprintf(stderr, "roomctl: out of memory\n");
		return 1;
	}
	if (db_ping(ctl.db) == -1) {
		if (ctl.cfg.db_host[0] != '\0')
			fprintf(stderr, "roomctl: cannot reach the database at "
			    "%s port %d: %s\n", ctl.cfg.db_host,
			    ctl.cfg.db_port, db_last_message(ctl.db));
		else
			fprintf(stderr, "roomctl: cannot reach the database at "
			    "%s: %s\n", ctl.cfg.db_socket,
			    db_last_message(ctl.db));
		db_free(ctl.db);
		return 1;
	}
	booking_configure(&ctl.cfg.rules);
	/* Tests may shift the clock; SQL and C then use the same time. */
	clock_use_file(ctl.cfg.clock_file);
	if (clock_reload() && db_set_now(ctl.db, clock_now()) == -1) {
		fprintf(stderr, "roomctl: cannot set the clock: %s\n",
		    db_last_message(ctl.db));
		db_free(ctl.db);
		return 1;
	}
	if (cmd->once_per_site &&
	    (rc = ctl_job_lock(&ctl, cmd->name, period)) != 1) {
		if (rc == 0)
			fprintf(stderr, "roomctl: %s is already running for "
			    "this site (here or on another host); this run "
			    "leaves it to that one\n", cmd->name);
		db_free(ctl.db);
		return rc == -1 ? 1 : 0;
	}
	rc = cmd->run(&ctl, argc, argv);
	if (rc == 0 && period > 0 && ctl_job_done(&ctl, cmd->name) == -1)
		rc = 1;
	db_free(ctl.db);
	return rc;
}
