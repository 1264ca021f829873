/* config: the INI file every program and roomctl read once at start-up. */
#include <sys/stat.h>

#include <arpa/inet.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ini.h>
#include <sodium.h>

#include "clock.h"
#include "config.h"

static const char *const context_names[CTX__COUNT] = {
	"booking", "approval", "room", "status",
};

const char *
context_name(enum context c)
{
	return (unsigned)c < CTX__COUNT ? context_names[c] : NULL;
}

int
context_from_name(const char *name)
{
	for (int c = 0; c < CTX__COUNT; c++)
		if (strcmp(context_names[c], name) == 0)
			return c;
	return -1;
}

enum key_type {
	K_STR,
	K_INT,
	K_BOOL,
	K_CLOCK,	/* "HH:MM" stored as minutes after midnight */
	K_DAYS,		/* "mon,tue,..." stored as bits, 1 << tm_wday */
};

/* One row per key the INI file may hold; section NULL = every context. */
struct key {
	const char	*section;
	const char	*name;
	enum key_type	 type;
	size_t		 offset;	/* into struct config or context_config */
	size_t		 size;		/* K_STR: buffer size */
	int		 required;
	int		 min, max;	/* K_INT */
};

#define CFG(f)	offsetof(struct config, f), sizeof(((struct config *)0)->f)
#define CTX(f)	offsetof(struct context_config, f), \
		sizeof(((struct context_config *)0)->f)

static const struct key config_keys[] = {
	{ "site",	"name",		K_STR,	CFG(site_name),	1, 0, 0 },
	{ "site",	"timezone",	K_STR,	CFG(timezone),	1, 0, 0 },
	{ "site",	"https",	K_BOOL,	CFG(https),	0, 0, 1 },
	{ "site",	"language",	K_STR,	CFG(language),	0, 0, 0 },
	{ "paths",	"templates",	K_STR,	CFG(templates_dir), 1, 0, 0 },
	{ "paths",	"locale",	K_STR,	CFG(locale_dir), 0, 0, 0 },
	{ "paths",	"sql",		K_STR,	CFG(sql_dir),	1, 0, 0 },
	{ "database",	"socket",	K_STR,	CFG(db_socket),	0, 0, 0 },
	{ "database",	"host",		K_STR,	CFG(db_host),	0, 0, 0 },
	{ "database",	"port",		K_INT,	CFG(db_port),	0, 1, 65535 },
	{ "database",	"name",		K_STR,	CFG(db_name),	1, 0, 0 },
	{ "database",	"secrets",	K_STR,	CFG(secrets_file), 0, 0, 0 },
	{ "database",	"replica_host",	K_STR,	CFG(db_replica_host), 0, 0, 0 },
	{ "database",	"replica_port",	K_INT,	CFG(db_replica_port), 0, 1, 65535 },
	{ "database",	"replica_wait_ms", K_INT, CFG(db_replica_wait_ms), 0, 0,
	    10000 },
	{ "cluster",	"pool_address",	K_STR,	CFG(pool_address), 0, 0, 0 },
	{ "cluster",	"gateways",	K_STR,	CFG(gateways),	0, 0, 0 },
	{ "cluster",	"app_hosts",	K_STR,	CFG(app_hosts),	0, 0, 0 },
	{ "cluster",	"accounts_from", K_STR,	CFG(accounts_from), 0, 0, 0 },
	{ "admin",	"db_user",	K_STR,	CFG(admin_db_user), 0, 0, 0 },
	{ "auth",	"session_idle_seconds", K_INT, CFG(session_idle_seconds),
	    0, 1, 30 * 86400 },
	{ "auth",	"session_max_seconds", K_INT, CFG(session_max_seconds),
	    0, 1, 90 * 86400 },
	{ "auth",	"login_header",	K_STR,	CFG(login_header), 0, 0, 0 },
	{ "rules",	"slot_minutes",	K_INT,	CFG(rules.slot_minutes), 0, 1, 240 },
	{ "rules",	"open_from",	K_CLOCK, CFG(rules.open_from), 0, 0, 0 },
	{ "rules",	"open_until",	K_CLOCK, CFG(rules.open_until), 0, 0, 0 },
	{ "rules",	"open_days",	K_DAYS,	CFG(rules.open_days), 0, 0, 0 },
	{ "rules",	"max_minutes",	K_INT,	CFG(rules.max_minutes), 0, 1, 1440 },
	{ "bench",	"floor_bytes",	K_INT,	CFG(bench_floor_bytes), 0, 0,
	    16 * 1024 * 1024 },
	{ "rules",	"horizon_days",	K_INT,	CFG(rules.horizon_days), 0, 1, 3650 },
	{ "rules",	"checkin_opens_minutes", K_INT, CFG(rules.checkin_opens),
	    0, 0, 240 },
	{ "rules",	"checkin_grace_minutes", K_INT, CFG(rules.checkin_grace),
	    0, 1, 240 },
	{ "rules",	"max_participants", K_INT, CFG(rules.max_participants),
	    0, 0, 1000 },
	{ "rules",	"max_occurrences", K_INT, CFG(rules.max_occurrences),
	    0, 1, 1000 },
	{ "rules",	"series_horizon_days", K_INT,
	    CFG(rules.series_horizon_days), 0, 1, 3650 },
	{ "rules",	"series_skips_allowed", K_INT,
	    CFG(rules.series_skips_allowed), 0, 0, 100 },
	{ "rules",	"series_no_shows", K_INT, CFG(rules.series_no_shows),
	    0, 1, 100 },
	{ "rules",	"max_per_day",	K_INT,
	    CFG(rules.limits[LIMIT_PER_DAY]), 0, 0, 1000 },
	{ "rules",	"max_per_week",	K_INT,
	    CFG(rules.limits[LIMIT_PER_WEEK]), 0, 0, 1000 },
	{ "rules",	"max_hours_per_week", K_INT,
	    CFG(rules.limits[LIMIT_HOURS_PER_WEEK]), 0, 0, 168 },
	{ "rules",	"max_future",	K_INT,
	    CFG(rules.limits[LIMIT_FUTURE]), 0, 0, 1000 },
	{ "rules",	"escalate_hours", K_INT, CFG(rules.escalate_hours),
	    0, 1, 24 * 30 },
	{ "site",	"base_url",	K_STR,	CFG(base_url),	0, 0, 0 },
	{ "mail",	"smtp_url",	K_STR,	CFG(mail.smtp_url), 0, 0, 0 },
	{ "mail",	"smtp_user",	K_STR,	CFG(mail.smtp_user), 0, 0, 0 },
	{ "mail",	"from",		K_STR,	CFG(mail.from),	0, 0, 0 },
	{ "mail",	"dir",		K_STR,	CFG(mail.dir),	0, 0, 0 },
	{ "mail",	"poll_seconds",	K_INT,	CFG(mail.poll_seconds), 0, 1,
	    3600 },
	{ "mail",	"remind_minutes", K_INT, CFG(mail.remind_minutes), 0, 0,
	    7 * 1440 },
	{ "privacy",	"show_owner",	K_BOOL,	CFG(show_owner), 0, 0, 1 },
	{ "backup",	"dir",		K_STR,	CFG(backup.dir), 0, 0, 0 },
	{ "backup",	"keep",		K_INT,	CFG(backup.keep_days), 0, 1, 3650 },
	{ "rooms",	"photo_max_bytes", K_INT, CFG(photo_max_bytes), 0, 1024,
	    64 * 1024 * 1024 },
	{ "display",	"poll_seconds",	K_INT,	CFG(display_poll_seconds), 0, 5,
	    3600 },
	{ "testing",	"clock_file",	K_STR,	CFG(clock_file), 0, 0, 0 },
	{ "testing",	"slow_path",	K_BOOL,	CFG(slow_path),	0, 0, 1 },
	{ NULL,		"socket",	K_STR,	CTX(socket),	1, 0, 0 },
	{ NULL,		"port",		K_INT,	CTX(port),	0, 1, 65535 },
	{ NULL,		"workers",	K_INT,	CTX(workers),	1, 1, 256 },
	{ NULL,		"state",	K_STR,	CTX(state),	0, 0, 0 },
	{ NULL,		"db_user",	K_STR,	CTX(db_user),	1, 0, 0 },
};

static const struct key secret_keys[] = {
	{ "site",	"secret_key",	K_STR,	CFG(site_key_hex), 0, 0, 0 },
	{ "admin",	"db_password",	K_STR,	CFG(admin_db_password), 0, 0, 0 },
	{ "mail",	"smtp_password", K_STR,	CFG(mail.smtp_password), 0, 0, 0 },
	{ NULL,		"db_password",	K_STR,	CTX(db_password), 0, 0, 0 },
};

#define NKEYS(t)	(sizeof(t) / sizeof((t)[0]))
#define MAX_KEYS	72
_Static_assert(NKEYS(config_keys) <= MAX_KEYS, "raise MAX_KEYS");

struct parse {
	struct config		*cfg;
	const struct key	*keys;
	size_t			 nkeys;
	unsigned char		 seen[CTX__COUNT + 1][MAX_KEYS];
	char			 err[256];	/* first error, without line */
	int			 err_line;	/* the line of err */
	FILE			*f;		/* read by read_line */
	int			 lineno;	/* lines read so far */
	int			 too_long;	/* the first overlong line */
	int			 max_line;	/* inih's limit, for the message */
};

/* "HH:MM" as minutes after midnight (24:00 allowed as an end), or -1. */
static long
parse_clock(const char *v)
{
	int	h, m, used = 0;

	if (sscanf(v, "%2d:%2d%n", &h, &m, &used) != 2 || v[used] != '\0' ||
	    strlen(v) != 5 || h < 0 || m < 0 || m > 59 || h > 24 ||
	    (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

/* "mon,tue" as bits 1 << tm_wday (Sunday 0), or -1. */
static long
parse_days(const char *v)
{
	static const char *const days[] = {
		"sun", "mon", "tue", "wed", "thu", "fri", "sat",
	};
	long	bits = 0;

	while (*v != '\0') {
		size_t	n = strcspn(v, ",");
		int	d;

		while (*v == ' ')
			v++, n--;
		for (d = 0; d < 7; d++)
			if (n >= 3 && strncmp(v, days[d], 3) == 0 &&
			    strspn(v + 3, " ") == n - 3)
				break;
		if (d == 7)
			return -1;
		bits |= 1L << d;
		v += n;
		if (*v == ',')
			v++;
	}
	return bits;
}

static int
store(struct parse *p, const struct key *k, char *base, const char *section,
    const char *value)
{
	char	*dst = base + k->offset;
	char	*end;
	long	 n;

	switch (k->type) {
	case K_STR:
		if (k->required && value[0] == '\0') {
			snprintf(p->err, sizeof p->err, "%s.%s must not be "
			    "empty", section, k->name);
			return 0;
		}
		if (strlen(value) >= k->size) {
			snprintf(p->err, sizeof p->err, "value of %s.%s is "
			    "longer than %zu bytes", section, k->name,
			    k->size - 1);
			return 0;
		}
		memcpy(dst, value, strlen(value) + 1);
		return 1;
	case K_INT:
		errno = 0;
		n = strtol(value, &end, 10);
		if (errno != 0 || end == value || *end != '\0' ||
		    n < k->min || n > k->max) {
			snprintf(p->err, sizeof p->err, "%s.%s must be a whole "
			    "number from %d to %d", section, k->name, k->min,
			    k->max);
			return 0;
		}
		*(int *)(void *)dst = (int)n;
		return 1;
	case K_BOOL:
		if (strcmp(value, "true") == 0 || strcmp(value, "yes") == 0 ||
		    strcmp(value, "1") == 0)
			*(int *)(void *)dst = 1;
		else if (strcmp(value, "false") == 0 ||
		    strcmp(value, "no") == 0 || strcmp(value, "0") == 0)
			*(int *)(void *)dst = 0;
		else {
			snprintf(p->err, sizeof p->err, "%s.%s must be true "
			    "or false", section, k->name);
			return 0;
		}
		return 1;
	case K_CLOCK:
		if ((n = parse_clock(value)) < 0) {
			snprintf(p->err, sizeof p->err, "%s.%s must be a time "
			    "of day like 07:30 (00:00 to 24:00)", section,
			    k->name);
			return 0;
		}
		*(int *)(void *)dst = (int)n;
		return 1;
	case K_DAYS:
		if ((n = parse_days(value)) <= 0) {
			snprintf(p->err, sizeof p->err, "%s.%s must list days "
			    "like mon,tue,wed,thu,fri", section, k->name);
			return 0;
		}
		*(int *)(void *)dst = (int)n;
		return 1;
	}
	return 0;
}

static int
known_section(const struct parse *p, const char *section)
{
	for (size_t i = 0; i < p->nkeys; i++)
		if (p->keys[i].section != NULL &&
		    strcmp(p->keys[i].section, section) == 0)
			return 1;
	return 0;
}

static int
on_key(void *user, const char *section, const char *name, const char *value)
{
	struct parse	*p = user;
	int		 ctx = context_from_name(section);
	char		*base;

	if (p->err[0] != '\0')
		return 0;
	/* nginx's settings and the jobs' times: tools/stack reads them. */
	if (p->keys == config_keys && (strcmp(section, "gateway") == 0 ||
	    strcmp(section, "jobs") == 0))
		return 1;
	p->err_line = p->lineno;	/* inih calls us for the line just read */
	for (size_t i = 0; i < p->nkeys; i++) {
		const struct key *k = &p->keys[i];

		if (strcmp(k->name, name) != 0)
			continue;
		if (k->section == NULL && ctx >= 0)
			base = (char *)&p->cfg->ctx[ctx];
		else if (k->section != NULL && strcmp(k->section, section) == 0)
			base = (char *)p->cfg;
		else
			continue;
		p->seen[k->section == NULL ? ctx : CTX__COUNT][i] = 1;
		return store(p, k, base, section, value);
	}
	if (ctx < 0 && section[0] != '\0' && !known_section(p, section))
		snprintf(p->err, sizeof p->err, "unknown section [%s]", section);
	else
		snprintf(p->err, sizeof p->err, "unknown key '%s' in section "
		    "[%s]", name, section);
	return 0;
}

/*
 * inih reads at most max_line - 1 bytes of a line and parses the rest as
 * a line of its own (a continuation of the value if it starts with a
 * blank), which would silently cut or replace a long value.  So the
 * lines are read here, and a longer one stops parsing.
 */
static char *
read_line(char *buf, int size, void *stream)
{
	struct parse	*p = stream;
	int		 c;

	if (fgets(buf, size, p->f) == NULL)
		return NULL;
	p->lineno++;
	if (strchr(buf, '\n') == NULL && (c = getc(p->f)) != EOF &&
	    c != '\n') {
		p->too_long = p->lineno;
		p->max_line = size - 1;
		return NULL;
	}
	return buf;
}

static int
parse_file(const char *path, struct parse *p, char *err, size_t errlen)
{
	int	rc;

	if ((p->f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: cannot open: %s", path,
		    strerror(errno));
		return -1;
	}
	rc = ini_parse_stream(read_line, p, on_key, p);
	fclose(p->f);
	p->f = NULL;
	if (rc == -2) {
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	/* inih reports the first bad line, ours or its own syntax error */
	if (rc > 0) {
		snprintf(err, errlen, "%s:%d: %s", path, rc,
		    p->err[0] != '\0' && p->err_line == rc ? p->err :
		    "syntax error");
		return -1;
	}
	if (p->too_long > 0) {
		snprintf(err, errlen, "%s:%d: line longer than %d bytes", path,
		    p->too_long, p->max_line);
		return -1;
	}
	return 0;
}

static int
check_required(const struct parse *p, const char *path, char *err,
    size_t errlen)
{
	for (size_t i = 0; i < p->nkeys; i++) {
		const struct key *k = &p->keys[i];

		if (!k->required)
			continue;
		if (k->section != NULL && !p->seen[CTX__COUNT][i]) {
			snprintf(err, errlen, "%s: missing %s.%s", path,
			    k->section, k->name);
			return -1;
		}
		for (int c = 0; k->section == NULL && c < CTX__COUNT; c++)
			if (!p->seen[c][i]) {
				snprintf(err, errlen, "%s: missing %s.%s",
				    path, context_names[c], k->name);
				return -1;
			}
	}
	return 0;
}

static int
load_secrets(struct config *cfg, char *err, size_t errlen)
{
	struct parse	 p = { .cfg = cfg, .keys = secret_keys,
			    .nkeys = NKEYS(secret_keys) };
	struct stat	 st;

	if (cfg->secrets_file[0] == '\0')
		return 0;
	if (stat(cfg->secrets_file, &st) == -1) {
		snprintf(err, errlen, "%s: cannot open: %s", cfg->secrets_file,
		    strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file; it must be the "
		    "file of passwords, mode 0600", cfg->secrets_file);
		return -1;
	}
	if ((st.st_mode & 077) != 0) {
		snprintf(err, errlen, "%s: readable by others; it holds "
		    "passwords, make it mode 0600", cfg->secrets_file);
		return -1;
	}
	if (parse_file(cfg->secrets_file, &p, err, errlen) == -1)
		return -1;
	/* roomctl needs no key; the programs refuse to start without one. */
	if (cfg->site_key_hex[0] == '\0')
		return 0;
	if (strlen(cfg->site_key_hex) != 2 * CONFIG_KEY_LEN ||
	    sodium_hex2bin(cfg->site_key, sizeof cfg->site_key,
	    cfg->site_key_hex, strlen(cfg->site_key_hex), NULL, NULL, NULL) != 0) {
		snprintf(err, errlen, "%s: site.secret_key must be %d hex "
		    "digits (e.g. from: head -c %d /dev/urandom | od -An -tx1 "
		    "| tr -d ' \\n')", cfg->secrets_file, 2 * CONFIG_KEY_LEN,
		    CONFIG_KEY_LEN);
		return -1;
	}
	sodium_memzero(cfg->site_key_hex, sizeof cfg->site_key_hex);
	cfg->site_key_set = 1;
	return 0;
}

/* An IPv4 or IPv6 address as digits: what a pool may listen on. */
static int
address_literal(const char *s)
{
	unsigned char	buf[sizeof(struct in6_addr)];

	return inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1;
}

/* "X-Remote-User" becomes the FastCGI parameter HTTP_X_REMOTE_USER. */
static int
login_param(struct config *cfg, const char *path, char *err, size_t errlen)
{
	const char	*h = cfg->login_header;
	size_t		 n = strlen(h);
	char		*o = cfg->login_param;

	if (n == 0)
		return 0;
	if (strspn(h, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-") != n) {
		snprintf(err, errlen, "%s: auth.login_header '%s' is not a "
		    "header name", path, h);
		return -1;
	}
	memcpy(o, "HTTP_", 5);
	o += 5;
	for (; *h != '\0'; h++)
		*o++ = *h == '-' ? '_' : (char)toupper((unsigned char)*h);
	*o = '\0';
	return 0;
}

/*
 * Links in mail must lead somewhere and a message must say whom it is
 * from: base_url is an http(s) address without a trailing slash, the
 * sender's address is the site's own when unset, and mail goes to an
 * SMTP server or into a directory.
 */
static int
mail_settings(struct config *cfg, const char *path, char *err, size_t errlen)
{
	size_t	n = strlen(cfg->base_url);
	char	*host;

	while (n > 0 && cfg->base_url[n - 1] == '/')
		cfg->base_url[--n] = '\0';
	if (strncmp(cfg->base_url, "http://", 7) != 0 &&
	    strncmp(cfg->base_url, "https://", 8) != 0) {
		snprintf(err, errlen, "%s: site.base_url must be an http:// or "
		    "https:// address, e.g. https://rooms.example.org", path);
		return -1;
	}
	if (cfg->mail.smtp_url[0] != '\0' &&
	    strncmp(cfg->mail.smtp_url, "smtp://", 7) != 0 &&
	    strncmp(cfg->mail.smtp_url, "smtps://", 8) != 0) {
		snprintf(err, errlen, "%s: mail.smtp_url must be an smtp:// or "
		    "smtps:// address, e.g. smtp://mail.example.org:587", path);
		return -1;
	}
	host = strstr(cfg->base_url, "://") + 3;
	snprintf(cfg->site_host, sizeof cfg->site_host, "%.*s",
	    (int)strcspn(host, ":/"), host);
	if (cfg->mail.from[0] == '\0')
		snprintf(cfg->mail.from, sizeof cfg->mail.from, "roombook@%.200s",
		    cfg->site_host);
	if (strchr(cfg->mail.from, '@') == NULL ||
	    strpbrk(cfg->mail.from, " <>\r\n\"") != NULL) {
		snprintf(err, errlen, "%s: mail.from must be a plain address, "
		    "e.g. rooms@example.org", path);
		return -1;
	}
	return 0;
}

int
config_load(const char *path, struct config *cfg, char *err, size_t errlen)
{
	struct parse	 p = { .cfg = cfg, .keys = config_keys,
			    .nkeys = NKEYS(config_keys) };
	const struct passwd *pw;
	const char	*own_secrets;

	memset(cfg, 0, sizeof *cfg);
	/*
	 * roomctl reaches MariaDB as whoever runs it, known by the socket:
	 * root at the console, the jobs' account in the jobs.
	 */
	if ((pw = getpwuid(geteuid())) != NULL)
		snprintf(cfg->admin_db_user, sizeof cfg->admin_db_user, "%s",
		    pw->pw_name);
	snprintf(cfg->language, sizeof cfg->language, "en");
	cfg->session_idle_seconds = 2 * 3600;
	cfg->show_owner = 1;
	cfg->photo_max_bytes = 2 * 1024 * 1024;
	cfg->display_poll_seconds = 15;
	cfg->session_max_seconds = 12 * 3600;
	cfg->rules = (struct rules){ .slot_minutes = 15, .open_from = 7 * 60,
	    .open_until = 20 * 60, .open_days = 0x3e /* Monday to Friday */,
	    .max_minutes = 8 * 60, .horizon_days = 90, .checkin_opens = 15,
	    .checkin_grace = 15, .max_participants = 100,
	    .max_occurrences = 100, .series_horizon_days = 365,
	    .series_skips_allowed = 25, .series_no_shows = 3,
	    .escalate_hours = 24 };
	cfg->mail.poll_seconds = 5;
	cfg->db_port = 3306;
	cfg->db_replica_port = 3306;
	cfg->db_replica_wait_ms = 500;
	for (int c = 0; c < CTX__COUNT; c++)
		cfg->ctx[c].port = 9101 + c;
	cfg->backup.keep_days = 14;
	cfg->mail.remind_minutes = 15;
	snprintf(cfg->base_url, sizeof cfg->base_url, "http://127.0.0.1:8080");
	if (parse_file(path, &p, err, errlen) == -1 ||
	    check_required(&p, path, err, errlen) == -1)
		return -1;
	if (cfg->db_socket[0] == '\0' && cfg->db_host[0] == '\0') {
		snprintf(err, errlen, "%s: missing database.socket (or "
		    "database.host, for MariaDB on another machine)", path);
		return -1;
	}
	if (cfg->pool_address[0] != '\0' && !address_literal(cfg->pool_address)) {
		snprintf(err, errlen, "%s: cluster.pool_address '%s' is not an "
		    "IP address (e.g. 10.0.0.21)", path, cfg->pool_address);
		return -1;
	}
	for (int a = 0; cfg->pool_address[0] != '\0' && a < CTX__COUNT; a++)
		for (int b = a + 1; b < CTX__COUNT; b++)
			if (cfg->ctx[a].port == cfg->ctx[b].port) {
				snprintf(err, errlen, "%s: %s.port and %s.port "
				    "are both %d; each pool needs its own", path,
				    context_names[a], context_names[b],
				    cfg->ctx[a].port);
				return -1;
			}
	if (!clock_zone_known(cfg->timezone)) {
		snprintf(err, errlen, "%s: site.timezone '%s' is not a known "
		    "time zone (e.g. Europe/Berlin)", path, cfg->timezone);
		return -1;
	}
	if (login_param(cfg, path, err, errlen) == -1 ||
	    mail_settings(cfg, path, err, errlen) == -1)
		return -1;
	if (cfg->rules.open_from >= cfg->rules.open_until ||
	    cfg->rules.open_from % cfg->rules.slot_minutes != 0 ||
	    cfg->rules.open_until % cfg->rules.slot_minutes != 0) {
		snprintf(err, errlen, "%s: rules.open_from must be before "
		    "rules.open_until, both on the grid of rules.slot_minutes",
		    path);
		return -1;
	}
	/* A program given its own secrets (its section alone) reads those. */
	if ((own_secrets = getenv("ROOMBOOK_SECRETS")) != NULL &&
	    *own_secrets != '\0' &&
	    snprintf(cfg->secrets_file, sizeof cfg->secrets_file, "%s",
	    own_secrets) >= (int)sizeof cfg->secrets_file) {
		snprintf(err, errlen, "ROOMBOOK_SECRETS: path too long");
		return -1;
	}
	return load_secrets(cfg, err, errlen);
}
