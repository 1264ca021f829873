/* config: the INI file every program and roomctl read once at start-up. */
#ifndef ROOMBOOK_CONFIG_H
#define ROOMBOOK_CONFIG_H

#include <stddef.h>

/* The four bounded contexts, one FastCGI program each. */
enum context {
	CTX_BOOKING,
	CTX_APPROVAL,
	CTX_ROOM,
	CTX_STATUS,
	CTX__COUNT
};

/* "booking", "approval", ...; NULL for an out-of-range value. */
const char	*context_name(enum context);
/* The context of that name, or -1. */
int		 context_from_name(const char *);

#define CONFIG_STR	256
#define CONFIG_KEY_LEN	32	/* bytes of the site's secret key */

struct context_config {
	char	socket[108];		/* unix socket of its FastCGI pool */
	int	port;			/* its TCP port with cluster.pool_address */
	int	workers;		/* pool size */
	char	state[256];		/* the pool's state file ("": none) */
	char	db_user[64];
	char	db_password[128];	/* from the secrets file, never the INI */
};

/*
 * A person's limits in one room: bookings a day and a week, hours a week,
 * and live bookings ahead.  Rooms may set their own (lib/policy).
 */
enum limit {
	LIMIT_PER_DAY,
	LIMIT_PER_WEEK,
	LIMIT_HOURS_PER_WEEK,
	LIMIT_FUTURE,
	LIMIT__COUNT
};

/* What a booking must respect; times of day are the site's local times. */
struct rules {
	int	slot_minutes;	/* starts and ends fall on this grid */
	int	open_from;	/* minutes after midnight */
	int	open_until;
	int	open_days;	/* bit 1 << tm_wday for each open day */
	int	max_minutes;	/* longest booking */
	int	horizon_days;	/* how far ahead one may book */
	int	checkin_opens;	/* check-in opens this many minutes early */
	int	checkin_grace;	/* and closes this many after the start */
	int	max_participants; /* people and guests one booking names */
	int	max_occurrences;	/* dates one series may have */
	int	series_horizon_days;	/* how far ahead a series may go */
	int	series_skips_allowed;	/* % of its dates a series may skip */
	int	series_no_shows;	/* no-shows in a row that release it */
	int	limits[LIMIT__COUNT];	/* each room's unless it sets its own;
					   0: no limit */
	int	escalate_hours;	/* a request waiting this long goes to the
				   administrators too */
};

struct config {
	char	site_name[128];
	char	timezone[64];		/* IANA name, e.g. Europe/Berlin */
	int	https;			/* site served over https: Secure cookies */
	char	language[16];		/* for who chose none: "en", "ko" */
	char	templates_dir[CONFIG_STR];	/* <lang>/<page>.tpl */
	char	locale_dir[CONFIG_STR];	/* <lang>.mo ("": English only) */
	char	sql_dir[CONFIG_STR];

	/* MariaDB by its socket, or by host and port (another machine). */
	char	db_socket[108];
	char	db_host[256];
	int	db_port;
	char	db_name[64];
	char	secrets_file[CONFIG_STR];
	/*
	 * A replica of that database the status context reads from ("":
	 * none), and how long a page waits for it to apply the reader's own
	 * last write before reading the primary instead.
	 */
	char	db_replica_host[256];
	int	db_replica_port;
	int	db_replica_wait_ms;

	/*
	 * Several application hosts: this host's pools listen on TCP at
	 * pool_address, each context on its port, instead of on their unix
	 * sockets, and take FastCGI only from the gateways' addresses and
	 * this host's own ("": on their sockets, for the local gateway).
	 * app_hosts is the gateway's list of them, accounts_from the host part
	 * of the programs' MariaDB accounts (both for tools/site.sh).
	 */
	char	pool_address[64];
	char	gateways[CONFIG_STR];
	char	app_hosts[CONFIG_STR];
	char	accounts_from[128];	/* the hosts' MariaDB accounts' host */

	/* Sessions end after this long unused, and this long after login. */
	int	session_idle_seconds;
	int	session_max_seconds;
	/*
	 * Single sign-on: when set, the login name is taken from this request
	 * header (set by nginx after auth_request) instead of the login form.
	 * login_param is its FastCGI name, e.g. HTTP_X_REMOTE_USER.
	 */
	char	login_header[64];
	char	login_param[72];

	struct rules rules;

	/* Where people reach the site: links in mail, feeds' addresses. */
	char	base_url[CONFIG_STR];
	char	site_host[CONFIG_STR];	/* base_url's host, without port */

	/*
	 * Mail: sent over SMTP to smtp_url (smtp:// or smtps://; STARTTLS
	 * when offered), logging in as smtp_user with smtp_password (from
	 * the secrets file) when set; without smtp_url, written as .eml
	 * files into dir.  From from; a booking's reminder this many
	 * minutes before its start (0: none).
	 */
	struct mail_config {
		char	smtp_url[CONFIG_STR];
		char	smtp_user[128];
		char	smtp_password[128];
		char	from[254];
		char	dir[CONFIG_STR];
		int	poll_seconds;
		int	remind_minutes;
	} mail;

	/*
	 * Backups (roomctl backup): written into dir, each kept keep_days
	 * days (backup.keep).
	 */
	struct backup_config {
		char	dir[CONFIG_STR];
		int	keep_days;
	} backup;

	/* Colleagues see who holds a room (privacy.show_owner). */
	int	show_owner;

	/* A room's photo may be this large as uploaded (lib/photo). */
	int	photo_max_bytes;

	/* A door display asks for its room's news this often (seconds). */
	int	display_poll_seconds;

	/*
	 * Benchmarks only: GET /status/floor answers this many bytes without
	 * touching the database (the FastCGI floor).  0: no such page.
	 */
	int	bench_floor_bytes;

	/*
	 * Tests only: a file holding a number of seconds the programs add to
	 * the real clock, read on every request ("" or no file: none).
	 */
	char	clock_file[CONFIG_STR];
	/*
	 * Tests only: GET <any path>/_slow?ms=N keeps a worker busy for N ms
	 * (at most 30 s) without touching the database.
	 */
	int	slow_path;

	/*
	 * The site's secret key, from the secrets file: it makes the tokens
	 * the site derives (form, login and idempotency tokens) unguessable
	 * by anyone without it.  Every host of one site has the same key.
	 */
	unsigned char	site_key[CONFIG_KEY_LEN];
	int		site_key_set;	/* 0: no secrets file, no key */
	char		site_key_hex[2 * CONFIG_KEY_LEN + 1];

	char	admin_db_user[64];	/* roomctl: migrations, demo data */
	char	admin_db_password[128];

	struct context_config ctx[CTX__COUNT];
};

/*
 * Reads path into *cfg, then the secrets file it names.  Unknown sections
 * or keys, bad values, missing required keys and a secrets file readable
 * by group or others are errors.  Returns 0, or -1 with a message for the
 * operator in err (size errlen).
 */
int	config_load(const char *path, struct config *cfg, char *err,
	    size_t errlen);

#endif
