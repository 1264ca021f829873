/* roomctl backup and restore: a consistent dump while the site runs, restored whole or not at all. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <zlib.h>

#include "ctl.h"
#include "db.h"

extern char **environ;

/*
 * A backup is one gzip file: a first line naming what it holds, the
 * dump of mariadb-dump --single-transaction (one consistent snapshot
 * while the site writes on), and a last line with the SHA-256 of all
 * before it.  gzip's own check finds a damaged file; the last line, a
 * file cut short.
 */
#define BACKUP_PREFIX	"roombook-"
#define BACKUP_SUFFIX	".sql.gz"
#define HEADER		"-- roombook backup of database "
#define TRAILER		"-- roombook backup complete: sha256 "
/* The trailer's whole line: TRAILER, 64 hex digits, '\n'. */
#define TRAILER_LEN	(sizeof TRAILER - 1 + 64 + 1)

static const char SQL_SCHEMA[] =
    "SELECT MAX(version) AS version FROM schema_migrations";
/* The programs' own accounts, connected: the site is running. */
static const char SQL_RUNNING[] =
    "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST"
    " WHERE USER IN (?, ?, ?, ?)";
static const char SQL_TABLES[] =
    "SELECT table_name AS name FROM information_schema.TABLES"
    " WHERE table_schema = ? AND table_type = 'BASE TABLE'"
    " ORDER BY table_name";

/*
 * The client programs reach MariaDB as roomctl does: by its socket or its
 * host and port, as the administrative account; a password, if the
 * configuration has one, through a file of mode 0600 (never the command
 * line, which ps shows).
 */
struct client {
	char	 server_opt[300], port_opt[32], user_opt[160], defaults_opt[96];
	char	 defaults_path[64];
};

static int
client_open(const struct ctl *ctl, struct client *c)
{
	FILE	*f;
	int	 fd;

	memset(c, 0, sizeof *c);
	if (ctl->cfg.db_host[0] != '\0') {
		snprintf(c->server_opt, sizeof c->server_opt, "--host=%s",
		    ctl->cfg.db_host);
		snprintf(c->port_opt, sizeof c->port_opt, "--port=%d",
		    ctl->cfg.db_port);
	} else
		snprintf(c->server_opt, sizeof c->server_opt, "--socket=%s",
		    ctl->cfg.db_socket);
	snprintf(c->user_opt, sizeof c->user_opt, "--user=%s",
	    ctl->cfg.admin_db_user);
	if (ctl->cfg.admin_db_password[0] == '\0')
		return 0;
	snprintf(c->defaults_path, sizeof c->defaults_path,
	    "/tmp/roomctl-client-XXXXXX");
	if ((fd = mkstemp(c->defaults_path)) == -1 ||
	    (f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "roomctl: %s: %s\n", c->defaults_path,
		    strerror(errno));
		return -1;
	}
	fprintf(f, "[client]\npassword=%s\n", ctl->cfg.admin_db_password);
	if (fclose(f) != 0) {
		unlink(c->defaults_path);
		return -1;
	}
	snprintf(c->defaults_opt, sizeof c->defaults_opt,
	    "--defaults-extra-file=%s", c->defaults_path);
	return 0;
}

static void
client_close(struct client *c)
{
	if (c->defaults_path[0] != '\0')
		unlink(c->defaults_path);
}

/*
 * Runs argv (argv[1] may be "" for no defaults file) with fd_in as its
 * standard input or fd_out as its standard output (-1: ours); its pid.
 */
static int
spawn(const char *const argv[], int fd_in, int fd_out, pid_t *pid)
{
	posix_spawn_file_actions_t	fa;
	const char			*args[32];
	int				 n = 0, rc;

	for (int i = 0; argv[i] != NULL && n < 31; i++)
		if (argv[i][0] != '\0')
			args[n++] = argv[i];
	args[n] = NULL;
	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	if ((fd_in >= 0 && posix_spawn_file_actions_adddup2(&fa, fd_in, 0)) ||
	    (fd_out >= 0 && posix_spawn_file_actions_adddup2(&fa, fd_out, 1))) {
		posix_spawn_file_actions_destroy(&fa);
		return -1;
	}
	/* posix_spawnp does not change them: its type is older than const. */
	rc = posix_spawnp(pid, args[0], &fa, NULL, (char *const *)args,
	    environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		fprintf(stderr, "roomctl: cannot run %s: %s\n", args[0],
		    strerror(rc));
		return -1;
	}
	return 0;
}

/* 0 if pid exited with 0, else -1 with the reason on stderr. */
static int
finished(pid_t pid, const char *what)
{
	int	status;

	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	fprintf(stderr, "roomctl: %s failed (%s %d)\n", what,
	    WIFEXITED(status) ? "exit status" : "signal",
	    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	return -1;
}

static void
hex_of(const unsigned char *digest, char out[65])
{
	sodium_bin2hex(out, 65, digest, crypto_hash_sha256_BYTES);
}

/* Backups older than keep days go; the newest is always kept. */
static void
prune(const char *dir, int keep_days, const char *newest)
{
	DIR		*d;
	struct dirent	*e;
	time_t		 cutoff = time(NULL) - (time_t)keep_days * 86400;
	char		 path[4096];
	struct stat	 st;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		if (strncmp(e->d_name, BACKUP_PREFIX, strlen(BACKUP_PREFIX)) != 0 ||
		    n < strlen(BACKUP_SUFFIX) || strcmp(e->d_name + n -
		    strlen(BACKUP_SUFFIX), BACKUP_SUFFIX) != 0 ||
		    strcmp(e->d_name, newest) == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && st.st_mtime < cutoff) {
			if (unlink(path) == 0)
				printf("backup: removed %s (older than %d days)\n",
				    path, keep_days);
			else
				fprintf(stderr, "roomctl: %s: %s\n", path,
				    strerror(errno));
		}
	}
	closedir(d);
}

/* Makes the file's data and its name durable. */
static int
make_durable(const char *path, const char *dir)
{
	int	fd, rc = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 || fsync(fd) == -1)
		rc = -1;
	if (fd >= 0)
		close(fd);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	return rc;
}

int
cmd_backup(struct ctl *ctl, int argc, char *argv[])
{
	const struct config	*cfg = &ctl->cfg;
	struct client		 c;
	struct db_rows		*rows;
	crypto_hash_sha256_state sha;
	unsigned char		 digest[crypto_hash_sha256_BYTES], buf[65536];
	char			 name[64], path[4096], part[4200], hex[65];
	char			 line[512], stamp[32];
	const char		*dir = argc > 1 ? argv[1] : cfg->backup.dir;
	struct tm		 tm;
	time_t			 now = time(NULL);
	gzFile			 gz = NULL;
	pid_t			 dump = -1;
	ssize_t			 n;
	int			 fd = -1, pipefd[2] = { -1, -1 }, rc = 1, spawned = 0;
	long long		 bytes = 0;

	if (argc > 2) {
		fprintf(stderr, "usage: roomctl backup [DIR]\n");
		return 2;
	}
	if (dir[0] == '\0') {
		fprintf(stderr, "roomctl: where to? set [backup] dir in the "
		    "configuration, or give a directory\n");
		return 2;
	}
	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		fprintf(stderr, "roomctl: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if ((rows = db_query(ctl->db, SQL_SCHEMA, DB_NOARGS)) == NULL) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return 1;
	}
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	/* Two backups within a second: the second gets a number. */
	for (int i = 1; ; i++) {
		struct stat st;

		if (i == 1)
			snprintf(name, sizeof name, BACKUP_PREFIX "%s"
			    BACKUP_SUFFIX, stamp);
		else
			snprintf(name, sizeof name, BACKUP_PREFIX "%s-%d"
			    BACKUP_SUFFIX, stamp, i);
		snprintf(path, sizeof path, "%s/%s", dir, name);
		if (stat(path, &st) == -1 || i == 100)
			break;
	}
	snprintf(part, sizeof part, "%s.part", path);
	snprintf(line, sizeof line, HEADER "%s at %s, schema %s\n",
	    cfg->db_name, stamp, db_text(rows, 0, "version"));
	db_rows_free(rows);
	if (client_open(ctl, &c) == -1)
		return 1;
	if ((fd = open(part, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1 || (gz = gzdopen(fd, "wb6")) == NULL) {
		fprintf(stderr, "roomctl: %s: %s\n", part, strerror(errno));
		goto out;
	}
	fd = -1;	/* gz owns it */
	if (pipe2(pipefd, O_CLOEXEC) == -1)
		goto out;
	{
		const char *args[] = { "mariadb-dump", c.defaults_opt,
			    c.server_opt, c.port_opt, c.user_opt, "--single-transaction", "--no-tablespaces",
			    "--hex-blob", "--routines", "--triggers", "--events",
			    "--default-character-set=utf8mb4", "--skip-dump-date",
			    cfg->db_name, NULL };

		if (spawn(args, -1, pipefd[1], &dump) == -1)
			goto out;
	}
	spawned = 1;
	close(pipefd[1]);
	pipefd[1] = -1;
	crypto_hash_sha256_init(&sha);
	crypto_hash_sha256_update(&sha, (unsigned char *)line, strlen(line));
	if (gzputs(gz, line) < 0)
		goto out;
	while ((n = read(pipefd[0], buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		crypto_hash_sha256_update(&sha, buf, (unsigned long long)n);
		if (gzwrite(gz, buf, (unsigned)n) != (int)n) {
			fprintf(stderr, "roomctl: %s: cannot write\n", part);
			goto out;
		}
		bytes += n;
	}
	spawned = 0;
	if (finished(dump, "mariadb-dump") == -1)
		goto out;
	crypto_hash_sha256_final(&sha, digest);
	hex_of(digest, hex);
	snprintf(line, sizeof line, TRAILER "%s\n", hex);
	if (gzputs(gz, line) < 0)
		goto out;
	if (gzclose_w(gz) != Z_OK) {
		gz = NULL;
		fprintf(stderr, "roomctl: %s: cannot write\n", part);
		goto out;
	}
	gz = NULL;
	if (make_durable(part, dir) == -1 || rename(part, path) == -1) {
		fprintf(stderr, "roomctl: %s: %s\n", path, strerror(errno));
		goto out;
	}
	make_durable(path, dir);
	printf("backup: %s (%lld bytes of SQL, sha256 %.16s…)\n", path, bytes,
	    hex);
	prune(dir, cfg->backup.keep_days, name);
	rc = 0;
out:
	if (spawned) {
		close(pipefd[0]);
		pipefd[0] = -1;
		finished(dump, "mariadb-dump");
	}
	if (pipefd[0] >= 0)
		close(pipefd[0]);
	if (pipefd[1] >= 0)
		close(pipefd[1]);
	if (gz != NULL)
		gzclose_w(gz);
	if (fd >= 0)
		close(fd);
	if (rc != 0)
		unlink(part);
	client_close(&c);
	return rc;
}

/*
 * Reads the backup through once: gzip's checks, the header, and the
 * trailer's checksum over everything before it.  With out >= 0 the SQL
 * (everything but the trailer) is written there as it is read.  0 when
 * the file is whole; else -1 with the reason in why.
 */
static int
read_backup(const char *path, int out, char *why, size_t whylen)
{
	crypto_hash_sha256_state sha;
	unsigned char		 digest[crypto_hash_sha256_BYTES];
	/* The last TRAILER_LEN bytes are held back: they may be the trailer. */
	unsigned char		 buf[65536 + TRAILER_LEN];
	size_t			 held = 0;
	char			 hex[65];
	gzFile			 gz;
	int			 n, errnum, first = 1;

	if ((gz = gzopen(path, "rb")) == NULL) {
		snprintf(why, whylen, "%s", strerror(errno));
		return -1;
	}
	crypto_hash_sha256_init(&sha);
	while ((n = gzread(gz, buf + held, 65536)) > 0) {
		size_t total = held + (size_t)n, pass;

		if (first && (total < sizeof HEADER - 1 ||
		    memcmp(buf, HEADER, sizeof HEADER - 1) != 0)) {
			snprintf(why, whylen, "it is not a roombook backup");
			gzclose_r(gz);
			return -1;
		}
		first = 0;
		pass = total > TRAILER_LEN ? total - TRAILER_LEN : 0;
		crypto_hash_sha256_update(&sha, buf, pass);
		if (out >= 0 && pass > 0 && write(out, buf, pass) != (ssize_t)pass) {
			snprintf(why, whylen, "the database client stopped "
			    "reading");
			gzclose_r(gz);
			return -1;
		}
		memmove(buf, buf + pass, total - pass);
		held = total - pass;
	}
	if (n < 0) {
		const char *msg = gzerror(gz, &errnum);

		if (errnum == Z_BUF_ERROR)
			snprintf(why, whylen, "it is cut short (gzip: %s)", msg);
		else
			snprintf(why, whylen, "it is damaged (gzip: %s)",
			    errnum == Z_ERRNO ? strerror(errno) : msg);
		gzclose_r(gz);
		return -1;
	}
	/* gzread finds a file cut short only at its end: "unexpected end". */
	if (gzclose_r(gz) != Z_OK || first) {
		snprintf(why, whylen, first ? "it is empty" : "it is cut short "
		    "(the gzip stream does not end)");
		return -1;
	}
	if (held != TRAILER_LEN || memcmp(buf, TRAILER, sizeof TRAILER - 1) !=
	    0 || buf[TRAILER_LEN - 1] != '\n') {
		snprintf(why, whylen, "it is cut short (its last line is not "
		    "the backup's end)");
		return -1;
	}
	crypto_hash_sha256_final(&sha, digest);
	hex_of(digest, hex);
	if (memcmp(hex, buf + sizeof TRAILER - 1, 64) != 0) {
		snprintf(why, whylen, "its contents do not match its checksum");
		return -1;
	}
	return 0;
}

/* `name` quoted as an identifier for SQL into out. */
static void
ident(char *out, size_t n, const char *name)
{
	size_t	o = 0;

	out[o++] = '`';
	for (; *name != '\0' && o + 3 < n; name++) {
		if (*name == '`')
			out[o++] = '`';
		out[o++] = *name;
	}
	out[o++] = '`';
	out[o] = '\0';
}

/* Appends ", from.t TO to.t" for each table of rows to sql. */
static int
add_renames(char *sql, size_t n, const struct db_rows *rows,
    const char *from, const char *to)
{
	char	f[200], t[200], tbl[200];

	ident(f, sizeof f, from);
	ident(t, sizeof t, to);
	for (size_t i = 0; i < rows->nrows; i++) {
		size_t used = strlen(sql);

		ident(tbl, sizeof tbl, db_get(rows, i, "name"));
		if (snprintf(sql + used, n - used, "%s%s.%s TO %s.%s",
		    used > strlen("RENAME TABLE ") ? ", " : "", f, tbl, t, tbl) >=
		    (int)(n - used))
			return -1;
	}
	return 0;
}

static int
exec_or_say(struct db *db, const char *sql)
{
	if (db_exec_script(db, sql) == -1) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(db));
		return -1;
	}
	return 0;
}

int
cmd_restore(struct ctl *ctl, int argc, char *argv[])
{
	const struct config	*cfg = &ctl->cfg;
	struct db_rows		*rows = NULL, *live = NULL, *restored = NULL;
	struct client		 c;
	char			 why[256], scratch[128], old[128], q[3][200];
	char			 dbopt[200], *sql = NULL;
	size_t			 sqllen = 1 << 20;
	pid_t			 client = -1;
	int			 pipefd[2] = { -1, -1 }, rc = 1, fed, swapped = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: roomctl restore FILE\n");
		return 2;
	}
	/* A running site would write into what is being replaced. */
	if ((rows = db_query(ctl->db, SQL_RUNNING, DB_ARGS(
	    DB_STR(cfg->ctx[CTX_BOOKING].db_user),
	    DB_STR(cfg->ctx[CTX_APPROVAL].db_user),
	    DB_STR(cfg->ctx[CTX_ROOM].db_user),
	    DB_STR(cfg->ctx[CTX_STATUS].db_user)))) == NULL) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return 1;
	}
	if (db_get_int(rows, 0, "n") > 0) {
		fprintf(stderr, "roomctl: the site is running (%lld connections "
		    "of its programs); stop its pools first, then restore "
		    "(see the README: Backups)\n", db_get_int(rows, 0, "n"));
		db_rows_free(rows);
		return 1;
	}
	db_rows_free(rows);
	/* The whole file is checked before anything is touched. */
	if (read_backup(argv[1], -1, why, sizeof why) == -1) {
		fprintf(stderr, "roomctl: %s: not restored, nothing changed: "
		    "%s\n", argv[1], why);
		return 1;
	}
	snprintf(scratch, sizeof scratch, "%s_restore", cfg->db_name);
	snprintf(old, sizeof old, "%s_before_restore", cfg->db_name);
	ident(q[0], sizeof q[0], scratch);
	ident(q[1], sizeof q[1], old);
	ident(q[2], sizeof q[2], cfg->db_name);
	if ((sql = malloc(sqllen)) == NULL)
		return 1;
	snprintf(sql, sqllen, "DROP DATABASE IF EXISTS %s; CREATE DATABASE %s"
	    " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", q[0], q[0]);
	if (exec_or_say(ctl->db, sql) == -1 || client_open(ctl, &c) == -1)
		goto out_free;
	/* Into a database of its own first: a failure there changes nothing. */
	snprintf(dbopt, sizeof dbopt, "--database=%s", scratch);
	if (pipe2(pipefd, O_CLOEXEC) == -1)
		goto out;
	{
		const char *args[] = { "mariadb", c.defaults_opt,
			    c.server_opt, c.port_opt, c.user_opt, dbopt, "--binary-mode",
			    "--default-character-set=utf8mb4", NULL };

		if (spawn(args, pipefd[0], -1, &client) == -1)
			goto out;
	}
	close(pipefd[0]);
	pipefd[0] = -1;
	fed = read_backup(argv[1], pipefd[1], why, sizeof why);
	close(pipefd[1]);
	pipefd[1] = -1;
	if (finished(client, "loading the backup") == -1 || fed == -1) {
		if (fed == -1)
			fprintf(stderr, "roomctl: %s: %s\n", argv[1], why);
		goto out;
	}
	/* Then every table swapped at once (RENAME TABLE is atomic). */
	if ((live = db_query(ctl->db, SQL_TABLES,
	    DB_ARGS(DB_STR(cfg->db_name)))) == NULL ||
	    (restored = db_query(ctl->db, SQL_TABLES,
	    DB_ARGS(DB_STR(scratch)))) == NULL) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		goto out;
	}
	snprintf(sql, sqllen, "DROP DATABASE IF EXISTS %s; CREATE DATABASE %s",
	    q[1], q[1]);
	if (exec_or_say(ctl->db, sql) == -1)
		goto out;
	snprintf(sql, sqllen, "RENAME TABLE ");
	if (add_renames(sql, sqllen, live, cfg->db_name, old) == -1 ||
	    add_renames(sql, sqllen, restored, scratch, cfg->db_name) == -1) {
		fprintf(stderr, "roomctl: too many tables to swap\n");
		goto out;
	}
	if (exec_or_say(ctl->db, "SET SESSION foreign_key_checks = 0") == -1 ||
	    exec_or_say(ctl->db, sql) == -1)
		goto out;
	swapped = 1;
	snprintf(sql, sqllen, "SET SESSION foreign_key_checks = 1;"
	    " DROP DATABASE %s; DROP DATABASE %s", q[1], q[0]);
	if (exec_or_say(ctl->db, sql) == -1)
		fprintf(stderr, "roomctl: restored, but the databases %s and %s "
		    "are left to drop\n", old, scratch);
	printf("restore: %s is the database %s again (%zu tables); start the "
	    "site (make run, or systemctl start roombook.target)\n", argv[1],
	    cfg->db_name, restored->nrows);
	rc = 0;
out:
	if (pipefd[0] >= 0)
		close(pipefd[0]);
	if (pipefd[1] >= 0)
		close(pipefd[1]);
	if (!swapped) {
		snprintf(sql, sqllen, "DROP DATABASE IF EXISTS %s;"
		    " DROP DATABASE IF EXISTS %s", q[0], q[1]);
		db_exec_script(ctl->db, sql);
		fprintf(stderr, "roomctl: %s: not restored; the database %s is "
		    "as it was\n", argv[1], cfg->db_name);
	}
	db_rows_free(live);
	db_rows_free(restored);
	client_close(&c);
out_free:
	free(sql);
	return rc;
}
