/* roomctl migrate: applies the numbered files in sql/ that are not applied yet. */
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "db.h"

static const char SQL_LOCK[] =
    "SELECT GET_LOCK('roombook.migrate', 60) AS got";
static const char SQL_UNLOCK[] = "SELECT RELEASE_LOCK('roombook.migrate')";
static const char SQL_APPLIED[] =
    "SELECT 1 FROM schema_migrations WHERE version = ?";
static const char SQL_RECORD[] =
    "INSERT INTO schema_migrations (version) VALUES (?)";

/* Migration files: "NNN_words.sql". */
static int
is_migration(const struct dirent *d)
{
	regex_t	re;
	int	match;

	if (regcomp(&re, "^[0-9]{3}_[a-z0-9_]+\\.sql$",
	    REG_EXTENDED | REG_NOSUB) != 0)
		return 0;
	match = regexec(&re, d->d_name, 0, NULL, 0) == 0;
	regfree(&re);
	return match;
}

/* The whole file as a string the caller frees, or NULL. */
static char *
slurp(const char *path)
{
	FILE	*f;
	char	*buf = NULL;
	long	 len;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)len + 1)) != NULL) {
		if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
			free(buf);
			buf = NULL;
		} else
			buf[len] = '\0';
	}
	fclose(f);
	return buf;
}

/* Creates the database and the bookkeeping table; selects the database. */
static int
prepare_database(struct ctl *ctl)
{
	const char	*name = ctl->cfg.db_name;
	char		 script[512];

	/* The name goes into SQL text (no placeholder for identifiers). */
	if (strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_") != strlen(name)) {
		fprintf(stderr, "roomctl: database name '%s' may only hold "
		    "letters, digits and '_'\n", name);
		return -1;
	}
	snprintf(script, sizeof script,
	    "CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4"
	    " COLLATE utf8mb4_unicode_ci;"
	    "USE `%s`;"
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    " version VARCHAR(100) NOT NULL PRIMARY KEY,"
	    " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
	    ") ENGINE=InnoDB", name, name);
	if (db_exec_script(ctl->db, script) == -1) {
		fprintf(stderr, "roomctl: cannot create database %s: %s\n",
		    name, db_last_message(ctl->db));
		return -1;
	}
	return 0;
}

/* Applies one file unless recorded; 1 applied, 0 skipped, -1 failed. */
static int
apply(struct ctl *ctl, const char *file)
{
	char		 path[1024];
	char		*script;
	struct db_rows	*done;
	int		 applied;

	if ((done = db_query(ctl->db, SQL_APPLIED, DB_ARGS(DB_STR(file)))) ==
	    NULL) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return -1;
	}
	applied = done->nrows > 0;
	db_rows_free(done);
	if (applied)
		return 0;
	snprintf(path, sizeof path, "%s/%s", ctl->cfg.sql_dir, file);
	if ((script = slurp(path)) == NULL) {
		fprintf(stderr, "roomctl: cannot read %s\n", path);
		return -1;
	}
	if (db_exec_script(ctl->db, script) == -1) {
		fprintf(stderr, "roomctl: %s failed: %s\n", file,
		    db_last_message(ctl->db));
		free(script);
		return -1;
	}
	free(script);
	if (db_exec(ctl->db, SQL_RECORD, DB_ARGS(DB_STR(file)), NULL) != 1) {
		fprintf(stderr, "roomctl: recording %s failed: %s\n", file,
		    db_last_message(ctl->db));
		return -1;
	}
	printf("applied %s\n", file);
	return 1;
}

int
cmd_migrate(struct ctl *ctl, int argc, char *argv[])
{
	struct dirent	**files = NULL;
	struct db_rows	 *lock;
	int		  n, applied = 0, rc = 1;

	(void)argc;
	(void)argv;
	if (prepare_database(ctl) == -1)
		return 1;
	/* Two operators migrating at once must not apply a file twice. */
	if ((lock = db_query(ctl->db, SQL_LOCK, DB_NOARGS)) == NULL ||
	    db_get_int(lock, 0, "got") != 1) {
		fprintf(stderr, "roomctl: another migration is running\n");
		db_rows_free(lock);
		return 1;
	}
	db_rows_free(lock);
	if ((n = scandir(ctl->cfg.sql_dir, &files, is_migration,
	    alphasort)) == -1) {
		fprintf(stderr, "roomctl: cannot list %s\n", ctl->cfg.sql_dir);
		goto out;
	}
	for (int i = 0; i < n; i++) {
		int r = apply(ctl, files[i]->d_name);

		if (r == -1)
			goto out;
		applied += r;
	}
	if (applied == 0)
		printf("nothing to apply: all %d migrations are applied\n", n);
	rc = 0;
out:
	for (int i = 0; i < n; i++)
		free(files[i]);
	free(files);
	db_rows_free(db_query(ctl->db, SQL_UNLOCK, DB_NOARGS));
	return rc;
}
