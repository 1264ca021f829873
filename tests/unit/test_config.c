/* Unit tests of lib/config: a valid file loads; each mistake names file, line, key. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

/* tools/conf/roombook.ini.in, filled in; @SECRETS@ is the secrets file. */
static const char valid_ini[] =
	"; roombook configuration for the unit tests\n"
	"\n"
	"[site]\n"
	"name = Room booking test\n"
	"; IANA time zone\n"
	"timezone = Europe/Berlin\n"
	"https = true\n"
	"\n"
	"[paths]\n"
	"templates = /srv/roombook/templates\n"
	"sql = /srv/roombook/sql\n"
	"\n"
	"[database]\n"
	"socket = /srv/roombook/var/run/db.sock\n"
	"name = roombook_test\n"
	"secrets = @SECRETS@\n"
	"\n"
	"[admin]\n"
	"db_user = dbadmin\n"
	"\n"
	"[booking]\n"
	"socket = /srv/roombook/var/run/booking.sock\n"
	"workers = 4\n"
	"db_user = rb_booking\n"
	"\n"
	"[approval]\n"
	"socket = /srv/roombook/var/run/approval.sock\n"
	"workers = 2\n"
	"db_user = rb_approval\n"
	"\n"
	"[room]\n"
	"socket = /srv/roombook/var/run/room.sock\n"
	"workers = 3\n"
	"db_user = rb_room\n"
	"\n"
	"[status]\n"
	"socket = /srv/roombook/var/run/status.sock\n"
	"workers = 1   ; inline comments are allowed\n"
	"db_user = rb_status\n";

#define KEY_HEX	"000102030405060708090a0b0c0d0e0f" \
		"f0e1d2c3b4a5968778695a4b3c2d1e0f"

static const char valid_secrets[] =
	"; passwords, mode 0600\n"
	"[site]\n"
	"secret_key = " KEY_HEX "\n"
	"[admin]\n"
	"db_password = admin-pw\n"
	"[booking]\n"
	"db_password = booking-pw\n"
	"[status]\n"
	"db_password = status pw with spaces\n";

#define TMP_TEMPLATE	"/tmp/roombook-test-XXXXXX"

/* Writes text to a new file under /tmp with that mode; its name in path. */
static void
write_tmp(char path[sizeof TMP_TEMPLATE], const char *text, mode_t mode)
{
	size_t	len = strlen(text);
	int	fd;

	memcpy(path, TMP_TEMPLATE, sizeof TMP_TEMPLATE);
	fd = mkstemp(path);
	assert_true(fd != -1);
	assert_true(write(fd, text, len) == (ssize_t)len);
	assert_int_equal(fchmod(fd, mode), 0);
	assert_int_equal(close(fd), 0);
}

/*
 * valid_ini with its first `old` replaced by `new` (no change if old is
 * NULL) and @SECRETS@ by secrets; malloc'd.  *line is the number of the
 * line where new starts.
 */
static char *
edit_ini(const char *old, const char *new, const char *secrets, int *line)
{
	const char	*at, *mark = "@SECRETS@";
	char		*text, *out;
	size_t		 size;

	size = sizeof valid_ini + strlen(secrets) + (new != NULL ?
	    strlen(new) : 0);
	text = malloc(size);
	out = malloc(size);
	assert_non_null(text);
	assert_non_null(out);

	at = strstr(valid_ini, mark);
	assert_non_null(at);
	snprintf(text, size, "%.*s%s%s", (int)(at - valid_ini), valid_ini,
	    secrets, at + strlen(mark));

	*line = 0;
	if (old == NULL) {
		free(out);
		return text;
	}
	at = strstr(text, old);
	assert_non_null(at);
	snprintf(out, size, "%.*s%s%s", (int)(at - text), text, new,
	    at + strlen(old));
	*line = 1;
	for (const char *s = text; s < at; s++)
		if (*s == '\n')
			(*line)++;
	free(text);
	return out;
}

/* Loads text as a config file (with a valid secrets file); returns rc. */
static int
load_text(const char *text, struct config *cfg, char *err, size_t errlen,
    char ini[sizeof TMP_TEMPLATE])
{
	int	rc;

	write_tmp(ini, text, 0644);
	rc = config_load(ini, cfg, err, errlen);
	assert_int_equal(unlink(ini), 0);
	return rc;
}

/* The valid file with old replaced by new, loaded; it must load. */
static void
load_edited(const char *old, const char *new, struct config *cfg)
{
	char	 secrets[sizeof TMP_TEMPLATE], ini[sizeof TMP_TEMPLATE];
	char	 err[512] = "";
	char	*text;
	int	 line;

	write_tmp(secrets, valid_secrets, 0600);
	text = edit_ini(old, new, secrets, &line);
	assert_int_equal(load_text(text, cfg, err, sizeof err, ini), 0);
	assert_string_equal(err, "");
	free(text);
	assert_int_equal(unlink(secrets), 0);
}

static void
test_valid(void **state)
{
	char		 secrets[sizeof TMP_TEMPLATE], ini[sizeof TMP_TEMPLATE];
	char		 err[512] = "";
	struct config	*cfg = malloc(sizeof *cfg);
	char		*text;
	int		 line;

	(void)state;
	assert_non_null(cfg);
	memset(cfg, 0x5a, sizeof *cfg);		/* nothing stale survives */
	write_tmp(secrets, valid_secrets, 0600);
	text = edit_ini(NULL, NULL, secrets, &line);
	assert_int_equal(load_text(text, cfg, err, sizeof err, ini), 0);
	assert_string_equal(err, "");

	assert_string_equal(cfg->site_name, "Room booking test");
	assert_string_equal(cfg->timezone, "Europe/Berlin");
	assert_int_equal(cfg->https, 1);
	assert_string_equal(cfg->templates_dir, "/srv/roombook/templates");
	assert_string_equal(cfg->sql_dir, "/srv/roombook/sql");
	assert_string_equal(cfg->db_socket, "/srv/roombook/var/run/db.sock");
	assert_string_equal(cfg->db_name, "roombook_test");
	assert_string_equal(cfg->secrets_file, secrets);
	assert_string_equal(cfg->admin_db_user, "dbadmin");

	/* each context its own section */
	assert_string_equal(cfg->ctx[CTX_BOOKING].socket,
	    "/srv/roombook/var/run/booking.sock");
	assert_string_equal(cfg->ctx[CTX_APPROVAL].socket,
	    "/srv/roombook/var/run/approval.sock");
	assert_string_equal(cfg->ctx[CTX_ROOM].socket,
	    "/srv/roombook/var/run/room.sock");
	assert_string_equal(cfg->ctx[CTX_STATUS].socket,
	    "/srv/roombook/var/run/status.sock");
	assert_int_equal(cfg->ctx[CTX_BOOKING].workers, 4);
	assert_int_equal(cfg->ctx[CTX_APPROVAL].workers, 2);
	assert_int_equal(cfg->ctx[CTX_ROOM].workers, 3);
	assert_int_equal(cfg->ctx[CTX_STATUS].workers, 1);
	assert_string_equal(cfg->ctx[CTX_BOOKING].db_user, "rb_booking");
	assert_string_equal(cfg->ctx[CTX_STATUS].db_user, "rb_status");

	/* the key as bytes; its text is not kept */
	assert_int_equal(cfg->site_key_set, 1);
	assert_int_equal(cfg->site_key[0], 0x00);
	assert_int_equal(cfg->site_key[15], 0x0f);
	assert_int_equal(cfg->site_key[16], 0xf0);
	assert_int_equal(cfg->site_key[31], 0x0f);
	assert_null(strstr(cfg->site_key_hex, "0102"));

	/* passwords come from the secrets file only */
	assert_string_equal(cfg->admin_db_password, "admin-pw");
	assert_string_equal(cfg->ctx[CTX_BOOKING].db_password, "booking-pw");
	assert_string_equal(cfg->ctx[CTX_STATUS].db_password,
	    "status pw with spaces");
	assert_string_equal(cfg->ctx[CTX_APPROVAL].db_password, "");
	assert_string_equal(cfg->ctx[CTX_ROOM].db_password, "");

	free(text);
	assert_int_equal(unlink(secrets), 0);
	free(cfg);
}

/* Valid variants: an edit of the valid file, and what it must give. */
struct variant_case {
	const char	*old, *new;
	int		 https;
	int		 workers;	/* of booking */
	const char	*admin;		/* admin.db_user */
	const char	*timezone;
	size_t		 templates_len;
};

static const struct variant_case variant_cases[] = {
	{ "https = true", "https = false",	0, 4, "dbadmin", "Europe/Berlin", 23 },
	{ "https = true", "https = yes",	1, 4, "dbadmin", "Europe/Berlin", 23 },
	{ "https = true", "https = no",		0, 4, "dbadmin", "Europe/Berlin", 23 },
	{ "https = true", "https = 1",		1, 4, "dbadmin", "Europe/Berlin", 23 },
	{ "https = true", "https = 0",		0, 4, "dbadmin", "Europe/Berlin", 23 },
	{ "https = true\n", "",			0, 4, "dbadmin", "Europe/Berlin", 23 },
	{ "workers = 4", "workers = 256",	1, 256, "dbadmin", "Europe/Berlin", 23 },
	{ "workers = 4", "workers=1",		1, 1, "dbadmin", "Europe/Berlin", 23 },
	{ "workers = 4", "workers   =   7  ", 1, 7, "dbadmin", "Europe/Berlin", 23 },
	{ "[admin]\ndb_user = dbadmin\n", "",	1, 4, "root", "Europe/Berlin", 23 },
	{ "timezone = Europe/Berlin", "timezone = UTC", 1, 4, "dbadmin", "UTC", 23 },
	{ "timezone = Europe/Berlin", "timezone = America/Argentina/Buenos_Aires",
	    1, 4, "dbadmin", "America/Argentina/Buenos_Aires", 23 },
	/* the longest line inih reads whole: 199 bytes */
	{ "templates = /srv/roombook/templates", "templates = /"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	    1, 4, "dbadmin", "Europe/Berlin", 187 },
};

static void
test_variants(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof variant_cases / sizeof variant_cases[0];
	    i++) {
		const struct variant_case *c = &variant_cases[i];
		struct config	 cfg;

		print_message("case %zu: %s\n", i, c->new);
		load_edited(c->old, c->new, &cfg);
		assert_int_equal(cfg.https, c->https);
		assert_int_equal(cfg.ctx[CTX_BOOKING].workers, c->workers);
		assert_string_equal(cfg.admin_db_user, c->admin);
		assert_string_equal(cfg.timezone, c->timezone);
		assert_int_equal(strlen(cfg.templates_dir), c->templates_len);
	}
}

/* MariaDB on another machine: host and port in place of the socket. */
static void
test_database_over_tcp(void **state)
{
	static const struct {
		const char	*lines;
		const char	*host;
		int		 port;
	} cases[] = {
		{ "host = 10.77.0.11\nport = 3307\n", "10.77.0.11", 3307 },
		{ "host = db1.example.org\n", "db1.example.org", 3306 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct config	 cfg;

		load_edited("socket = /srv/roombook/var/run/db.sock\n",
		    cases[i].lines, &cfg);
		assert_string_equal(cfg.db_host, cases[i].host);
		assert_int_equal(cfg.db_port, cases[i].port);
		assert_string_equal(cfg.db_socket, "");
	}
}

/* An application host of several, reading a replica. */
static void
test_cluster_host(void **state)
{
	struct config	 cfg, plain;

	(void)state;
	load_edited("socket = /srv/roombook/var/run/db.sock\n",
	    "host = 10.77.0.11\nreplica_host = 10.77.0.12\n"
	    "replica_wait_ms = 250\n", &cfg);
	assert_string_equal(cfg.db_replica_host, "10.77.0.12");
	assert_int_equal(cfg.db_replica_port, 3306);
	assert_int_equal(cfg.db_replica_wait_ms, 250);
	load_edited("workers = 4\n", "workers = 4\nport = 9201\n"
	    "[cluster]\npool_address = 10.77.0.21\ngateways = 10.77.0.1\n"
	    "app_hosts = 10.77.0.21 10.77.0.22\naccounts_from = 10.77.0.%\n"
	    "[booking]\n", &cfg);
	assert_string_equal(cfg.pool_address, "10.77.0.21");
	assert_string_equal(cfg.gateways, "10.77.0.1");
	/* booking's port set; the others keep theirs */
	assert_int_equal(cfg.ctx[CTX_BOOKING].port, 9201);
	assert_int_equal(cfg.ctx[CTX_APPROVAL].port, 9102);
	assert_int_equal(cfg.ctx[CTX_STATUS].port, 9104);
	/* one host: no replica, pools on their sockets */
	load_edited("workers = 4\n", "workers = 4\n", &plain);
	assert_string_equal(plain.db_replica_host, "");
	assert_string_equal(plain.pool_address, "");
	assert_int_equal(plain.db_replica_wait_ms, 500);
	assert_int_equal(plain.ctx[CTX_BOOKING].port, 9101);
}

/* An edit that breaks the file, and what the message must say. */
struct error_case {
	const char	*old, *new;
	int		 line;		/* in new, from 0; -1: no line number */
	const char	*want[2];	/* parts of the message */
};

static const struct error_case error_cases[] = {
	/* unknown keys and sections, named with file:line */
	{ "https = true\n", "https = true\ncolour = blue\n", 1,
	    { "unknown key 'colour'", "[site]" } },
	{ "workers = 4\n", "workers = 4\nthreads = 8\n", 1,
	    { "unknown key 'threads'", "[booking]" } },
	{ "[site]\n", "stray = 1\n[site]\n", 0,
	    { "unknown key 'stray'", NULL } },
	/* passwords never in the INI file */
	{ "db_user = rb_room\n", "db_user = rb_room\ndb_password = x\n", 1,
	    { "unknown key 'db_password'", "[room]" } },
	{ "[booking]", "[bookings]", 1,
	    { "unknown section [bookings]", NULL } },
	{ "[room]", "[unused]", 1,
	    { "[unused]", NULL } },
	{ "[admin]", "[smtp]\nhost = smtp\n[admin]", 1,
	    { "unknown section [smtp]", NULL } },
	{ "[admin]", "[mail]\nhost = smtp\n[admin]", 1,
	    { "unknown key 'host'", "[mail]" } },
	/* mail: where links lead, which server, from whom */
	{ "https = true\n", "https = true\nbase_url = rooms.example.org\n", -1,
	    { "site.base_url", "http://" } },
	{ "[admin]", "[mail]\nsmtp_url = http://mail.example.org\n[admin]", -1,
	    { "mail.smtp_url", "smtps://" } },
	{ "[admin]", "[mail]\nfrom = Rooms <rooms@example.org>\n[admin]", -1,
	    { "mail.from", "plain address" } },
	{ "[admin]", "[mail]\nremind_minutes = -5\n[admin]", 1,
	    { "mail.remind_minutes", NULL } },
	{ "name = roombook_test\n", "name = roombook_test\nsecrets\n", 1,
	    { "syntax error", NULL } },
	/* the first mistake is reported, with its own line */
	{ "https = true\n", "https = true\ngarbage\n", 1,
	    { "syntax error", NULL } },
	/* numbers: 1 to 256 */
	{ "workers = 4", "workers = 0", 0,
	    { "booking.workers", "from 1 to 256" } },
	{ "workers = 4", "workers = 300", 0,
	    { "booking.workers", "from 1 to 256" } },
	{ "workers = 4", "workers = 257", 0,
	    { "booking.workers", "from 1 to 256" } },
	{ "workers = 4", "workers = abc", 0,
	    { "booking.workers", "whole number" } },
	{ "workers = 4", "workers = -4", 0,
	    { "booking.workers", "whole number" } },
	{ "workers = 4", "workers = 4x", 0,
	    { "booking.workers", "whole number" } },
	{ "workers = 4", "workers = 4.5", 0,
	    { "booking.workers", "whole number" } },
	{ "workers = 4", "workers =", 0,
	    { "booking.workers", "whole number" } },
	{ "workers = 4", "workers = 99999999999999999999", 0,
	    { "booking.workers", "whole number" } },
	{ "workers = 1 ", "workers = 0 ", 0,
	    { "status.workers", "from 1 to 256" } },
	/* a continuation line is part of the value */
	{ "workers = 4\n", "workers = 4\n  300\n", 1,
	    { "booking.workers", "whole number" } },
	/* booleans */
	{ "https = true", "https = maybe", 0,
	    { "site.https", "true or false" } },
	{ "https = true", "https =", 0,
	    { "site.https", "true or false" } },
	/* values that do not fit their buffer */
	{ "name = roombook_test", "name = "
	    "roombook_test_roombook_test_roombook_test_roombook_test_roombook", 0,
	    { "database.name", "longer than 63 bytes" } },
	{ "socket = /srv/roombook/var/run/booking.sock", "socket = /"
	    "run/roombook/sockets/booking/a-very-long-name-for-a-unix-socket"
	    "-that-does-not-fit-into-sun_path-of-struct-sockaddr_un.sock", 0,
	    { "booking.socket", "longer than 107 bytes" } },
	/* lines inih would split: refused, not cut or continued */
	{ "templates = /srv/roombook/templates", "templates = /"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	    0, { "line longer than", NULL } },
	{ "templates = /srv/roombook/templates", "templates = /"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    " /other", 0, { "line longer than", NULL } },
	{ "templates = /srv/roombook/templates", "templates = /"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "/a=b", 0, { "line longer than", NULL } },
	/* required keys: missing or empty */
	{ "socket = /srv/roombook/var/run/status.sock\n", "", -1,
	    { "missing status.socket", NULL } },
	{ "workers = 3\n", "", -1,
	    { "missing room.workers", NULL } },
	{ "db_user = rb_approval\n", "", -1,
	    { "missing approval.db_user", NULL } },
	{ "timezone = Europe/Berlin\n", "", -1,
	    { "missing site.timezone", NULL } },
	{ "sql = /srv/roombook/sql\n", "", -1,
	    { "missing paths.sql", NULL } },
	{ "socket = /srv/roombook/var/run/db.sock\n", "", -1,
	    { "missing database.socket", NULL } },
	{ "socket = /srv/roombook/var/run/db.sock\n", "host = db1\nport = 0\n", 1,
	    { "database.port", NULL } },
	{ "name = Room booking test", "name =", 0,
	    { "site.name", "empty" } },
	{ "db_user = rb_booking", "db_user =", 0,
	    { "booking.db_user", "empty" } },
	/* time zones that do not exist or escape zoneinfo */
	{ "timezone = Europe/Berlin", "timezone = Mars/Olympus", -1,
	    { "'Mars/Olympus'", "not a known time zone" } },
	{ "timezone = Europe/Berlin", "timezone = ../etc/passwd", -1,
	    { "'../etc/passwd'", "not a known time zone" } },
	{ "timezone = Europe/Berlin", "timezone = Europe/../../../etc/passwd", -1,
	    { "not a known time zone", NULL } },
	{ "timezone = Europe/Berlin", "timezone = /etc/localtime", -1,
	    { "not a known time zone", NULL } },
	{ "timezone = Europe/Berlin", "timezone = Europe", -1,
	    { "'Europe'", "not a known time zone" } },
	{ "timezone = Europe/Berlin", "timezone = Europe/Berlin x", -1,
	    { "not a known time zone", NULL } },
	{ "timezone = Europe/Berlin", "timezone = europe/berlin", -1,
	    { "not a known time zone", NULL } },
	/* a cluster's pools: an address to listen on, a port each */
	{ "[site]\n", "[cluster]\npool_address = app1.example.org\n[site]\n", -1,
	    { "'app1.example.org'", "not an IP address" } },
	{ "workers = 4\n", "workers = 4\nport = 9102\n[cluster]\n"
	    "pool_address = 10.77.0.21\n[booking]\n", -1,
	    { "booking.port and approval.port", "each pool needs its own" } },
	{ "workers = 4\n", "workers = 4\nport = 0\n", 1,
	    { "port", NULL } },
	{ "[site]\n", "[database]\nreplica_wait_ms = 60000\n[site]\n", 1,
	    { "replica_wait_ms", NULL } },
};

static void
test_error_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0];
	    i++) {
		const struct error_case	*c = &error_cases[i];
		char			 secrets[sizeof TMP_TEMPLATE];
		char			 ini[sizeof TMP_TEMPLATE];
		char			 err[512] = "";
		char			 where[64];
		struct config		 cfg;
		char			*text;
		int			 line;

		write_tmp(secrets, valid_secrets, 0600);
		text = edit_ini(c->old, c->new, secrets, &line);
		assert_int_equal(load_text(text, &cfg, err, sizeof err, ini),
		    -1);
		print_message("case %zu: %s\n", i, err);
		/* every message starts with the file, and a line if it has one */
		if (c->line >= 0)
			snprintf(where, sizeof where, "%s:%d: ", ini,
			    line + c->line);
		else
			snprintf(where, sizeof where, "%s: ", ini);
		assert_int_equal(strncmp(err, where, strlen(where)), 0);
		for (size_t k = 0; k < 2 && c->want[k] != NULL; k++)
			assert_non_null(strstr(err, c->want[k]));
		free(text);
		assert_int_equal(unlink(secrets), 0);
	}
}

static void
test_missing_file(void **state)
{
	char		 err[512] = "";
	struct config	 cfg;

	(void)state;
	assert_int_equal(config_load("/tmp/roombook-test-does-not-exist.ini",
	    &cfg, err, sizeof err), -1);
	assert_non_null(strstr(err, "/tmp/roombook-test-does-not-exist.ini"));
	assert_non_null(strstr(err, "cannot open"));
	assert_non_null(strstr(err, "No such file"));

	/* a short buffer gets a cut message, never an overflow */
	assert_int_equal(config_load("/tmp/roombook-test-does-not-exist.ini",
	    &cfg, err, 8), -1);
	assert_int_equal(strlen(err), 7);
}

/* The secrets file: its mode, its presence and what it may hold. */
struct secrets_case {
	const char	*text;		/* NULL: the file does not exist */
	mode_t		 mode;
	int		 want;
	const char	*msg;		/* part of the message when -1 */
	int		 line;		/* > 0: the message names this line */
};

static const struct secrets_case secrets_cases[] = {
	{ valid_secrets, 0600, 0, NULL, 0 },
	{ valid_secrets, 0400, 0, NULL, 0 },
	{ valid_secrets, 0644, -1, "mode 0600", 0 },
	{ valid_secrets, 0640, -1, "readable by others", 0 },
	{ valid_secrets, 0604, -1, "readable by others", 0 },
	{ valid_secrets, 0660, -1, "readable by others", 0 },
	{ valid_secrets, 0602, -1, "readable by others", 0 },
	{ NULL, 0600, -1, "cannot open", 0 },
	/* only passwords belong there */
	{ "[booking]\nworkers = 9\n", 0600, -1, "unknown key 'workers'", 2 },
	{ "[site]\ndb_password = x\n", 0600, -1, "[site]", 2 },
	{ "[admin]\ndb_password = a\n[room]\ndb_user = x\n", 0600, -1,
	    "unknown key 'db_user'", 4 },
	{ "[booking]\ndb_password\n", 0600, -1, "syntax error", 2 },
	{ "[booking]\ndb_password = "
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
	    0600, -1, "booking.db_password is longer than 127 bytes", 2 },
	/* the site's key: there, and 32 bytes in hex */
	{ "", 0600, 0, NULL, 0 },	/* no key: roomctl runs, programs do not */
	{ "[site]\nsecret_key = 0a1b\n", 0600, -1, "must be 64 hex digits", 0 },
	{ "[site]\nsecret_key = " KEY_HEX "00\n", 0600, -1,
	    "site.secret_key is longer than 64 bytes", 2 },
	{ "[site]\nsecret_key = "
	    "zz0102030405060708090a0b0c0d0e0ff0e1d2c3b4a5968778695a4b3c2d1e0f\n",
	    0600, -1, "must be 64 hex digits", 0 },
	{ "[site]\nsecret_key = " KEY_HEX "\n", 0600, 0, NULL, 0 },
};

static void
test_secrets_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof secrets_cases / sizeof secrets_cases[0];
	    i++) {
		const struct secrets_case *c = &secrets_cases[i];
		char			 secrets[sizeof TMP_TEMPLATE];
		char			 ini[sizeof TMP_TEMPLATE];
		char			 err[512] = "";
		char			 where[64];
		struct config		 cfg;
		char			*text;
		int			 line;

		write_tmp(secrets, c->text != NULL ? c->text : "", c->mode);
		if (c->text == NULL)
			assert_int_equal(unlink(secrets), 0);
		text = edit_ini(NULL, NULL, secrets, &line);
		assert_int_equal(load_text(text, &cfg, err, sizeof err, ini),
		    c->want);
		print_message("case %zu: mode %o: %s\n", i, (unsigned)c->mode,
		    err);
		if (c->want == 0 && c->text == valid_secrets)
			assert_string_equal(cfg.ctx[CTX_BOOKING].db_password,
			    "booking-pw");
		if (c->want == -1) {
			/* the secrets file is named, never its contents */
			if (c->line > 0)
				snprintf(where, sizeof where, "%s:%d: ",
				    secrets, c->line);
			else
				snprintf(where, sizeof where, "%s: ", secrets);
			assert_int_equal(strncmp(err, where, strlen(where)), 0);
			assert_non_null(strstr(err, c->msg));
			assert_null(strstr(err, "booking-pw"));
		}
		free(text);
		if (c->text != NULL)
			assert_int_equal(unlink(secrets), 0);
	}
}

/*
 * A directory where the secrets file should be is refused, whatever its
 * mode; a program handed its own file (ROOMBOOK_SECRETS) reads that one.
 */
static void
test_secrets_file_is_a_regular_file(void **state)
{
	char		 dir[] = "/tmp/roombook-secrets-XXXXXX";
	char		 own[sizeof TMP_TEMPLATE], ini[sizeof TMP_TEMPLATE];
	char		 err[512] = "";
	struct config	 cfg;
	char		*text;
	int		 line;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chmod(dir, 0700), 0);
	text = edit_ini(NULL, NULL, dir, &line);
	assert_int_equal(load_text(text, &cfg, err, sizeof err, ini), -1);
	assert_non_null(strstr(err, "not a regular file"));
	/* The environment names another file: the INI's is not read. */
	write_tmp(own, "[site]\nsecret_key = " KEY_HEX "\n"
	    "[status]\ndb_password = status-own\n", 0600);
	assert_int_equal(setenv("ROOMBOOK_SECRETS", own, 1), 0);
	assert_int_equal(load_text(text, &cfg, err, sizeof err, ini), 0);
	assert_string_equal(cfg.secrets_file, own);
	assert_string_equal(cfg.ctx[CTX_STATUS].db_password, "status-own");
	assert_string_equal(cfg.ctx[CTX_BOOKING].db_password, "");
	assert_int_equal(cfg.site_key_set, 1);
	assert_int_equal(unsetenv("ROOMBOOK_SECRETS"), 0);
	free(text);
	assert_int_equal(unlink(own), 0);
	assert_int_equal(rmdir(dir), 0);
}

static void
test_no_secrets_file(void **state)
{
	char		 ini[sizeof TMP_TEMPLATE];
	char		 err[512] = "";
	struct config	 cfg;
	char		*text;
	int		 line;

	(void)state;
	/* database.secrets is optional: then there are no passwords */
	text = edit_ini("secrets = /tmp/none\n", "", "/tmp/none", &line);
	assert_int_equal(load_text(text, &cfg, err, sizeof err, ini), 0);
	assert_string_equal(cfg.secrets_file, "");
	assert_string_equal(cfg.ctx[CTX_BOOKING].db_password, "");
	assert_string_equal(cfg.admin_db_password, "");
	assert_int_equal(cfg.site_key_set, 0);	/* the programs refuse to start */
	free(text);
}

static void
test_context_names(void **state)
{
	static const struct {
		enum context	 c;
		const char	*name;
	} names[] = {
		{ CTX_BOOKING, "booking" }, { CTX_APPROVAL, "approval" },
		{ CTX_ROOM, "room" }, { CTX_STATUS, "status" },
	};
	static const char *const unknown[] = {
		"", "Booking", "bookings", "book", "site", "status ", "admin",
	};

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		assert_string_equal(context_name(names[i].c), names[i].name);
		assert_int_equal(context_from_name(names[i].name), names[i].c);
	}
	assert_null(context_name(CTX__COUNT));
	assert_null(context_name((enum context)-1));
	assert_null(context_name((enum context)1000));
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
		assert_int_equal(context_from_name(unknown[i]), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_variants),
		cmocka_unit_test(test_database_over_tcp),
		cmocka_unit_test(test_cluster_host),
		cmocka_unit_test(test_error_table),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_secrets_table),
		cmocka_unit_test(test_no_secrets_file),
		cmocka_unit_test(test_secrets_file_is_a_regular_file),
		cmocka_unit_test(test_context_names),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
