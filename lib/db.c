/* db: MariaDB access through prepared statements; the only user of mysql.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "db.h"
#include "log.h"

#define DB_MAX_ARGS	32
#define DB_MIN_CELL	64	/* numbers and dates as text fit in this */

/*
 * A statement is known by its text (a copy: the caller's buffer may be
 * reused for other SQL at the same address); the hash makes the lookup
 * cheap, the text makes it exact.
 */
struct stmt_slot {
	char		*sql;
	uint32_t	 hash;
	MYSQL_STMT	*stmt;
};

struct db {
	MYSQL		*conn;		/* NULL until (re)connected */
	char		*socket, *host, *user, *password, *name;
	unsigned	 port;
	unsigned	 io_timeout;
	struct stmt_slot *stmts;	/* grows: no limit compiled in */
	size_t		 nstmts, capstmts;
	int		 in_tx;
	/*
	 * The connection died inside a transaction: its work is gone, so
	 * every call fails until the caller rolls back (never run the rest
	 * of a transaction on a new connection, where it would autocommit).
	 */
	int		 tx_lost;
	int		 wrote;		/* a change committed (db_take_wrote) */
	enum db_error	 err;
	unsigned	 errnum;
	char		 msg[256];
};

struct db *
db_new(const struct db_params *p)
{
	struct db	*db;

	if ((db = calloc(1, sizeof *db)) == NULL)
		return NULL;
	db->socket = strdup(p->socket != NULL ? p->socket : "");
	db->host = strdup(p->host != NULL ? p->host : "");
	db->port = p->port != 0 ? p->port : 3306;
	db->user = strdup(p->user);
	db->password = strdup(p->password != NULL ? p->password : "");
	db->name = strdup(p->name != NULL ? p->name : "");
	db->io_timeout = p->io_timeout != 0 ? p->io_timeout : 30;
	if (db->socket == NULL || db->host == NULL || db->user == NULL ||
	    db->password == NULL ||
	    db->name == NULL) {
		db_free(db);
		return NULL;
	}
	return db;
}

/* Forgets the connection and every statement prepared on it. */
static void
disconnect(struct db *db)
{
	for (size_t i = 0; i < db->nstmts; i++)
		if (db->stmts[i].stmt != NULL) {
			mysql_stmt_close(db->stmts[i].stmt);
			db->stmts[i].stmt = NULL;
		}
	if (db->conn != NULL)
		mysql_close(db->conn);
	db->conn = NULL;
	if (db->in_tx)
		db->tx_lost = 1;
	db->in_tx = 0;
}

void
db_free(struct db *db)
{
	if (db == NULL)
		return;
	disconnect(db);
	for (size_t i = 0; i < db->nstmts; i++)
		free(db->stmts[i].sql);
	free(db->stmts);
	if (db->password != NULL)
		memset(db->password, 0, strlen(db->password));
	free(db->socket);
	free(db->host);
	free(db->user);
	free(db->password);
	free(db->name);
	free(db);
}

/* Files the error errnum/msg under the kind the caller must react to. */
static void
set_error(struct db *db, unsigned errnum, const char *msg)
{
	db->errnum = errnum;
	snprintf(db->msg, sizeof db->msg, "%u: %s", errnum, msg);
	switch (errnum) {
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_NO_PREPARE_STMT:
	case ER_UNKNOWN_STMT_HANDLER:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
		db->err = DB_DOWN;
		break;
	case ER_DUP_ENTRY:
		db->err = DB_DUPLICATE;
		break;
	case ER_LOCK_DEADLOCK:
	case ER_LOCK_WAIT_TIMEOUT:
		db->err = DB_CONFLICT;
		break;
	default:
		db->err = DB_FAILED;
	}
	if (db->err == DB_DOWN)
		disconnect(db);	/* statements died with the connection */
}

static int
connect_now(struct db *db)
{
	unsigned	connect_timeout = 2, io_timeout = db->io_timeout;
	my_bool		reconnect = 0;
	MYSQL		*c;

	if (db->conn != NULL)
		return 0;
	if ((c = mysql_init(NULL)) == NULL) {
		db->err = DB_FAILED;
		snprintf(db->msg, sizeof db->msg, "mysql_init: out of memory");
		return -1;
	}
	/*
	 * The library's own reconnect would silently lose our prepared
	 * statements and session settings; we reconnect ourselves.
	 */
	if (mysql_options(c, MYSQL_OPT_RECONNECT, &reconnect) != 0 ||
	    mysql_options(c, MYSQL_OPT_CONNECT_TIMEOUT, &connect_timeout) != 0 ||
	    mysql_options(c, MYSQL_OPT_READ_TIMEOUT, &io_timeout) != 0 ||
	    mysql_options(c, MYSQL_OPT_WRITE_TIMEOUT, &io_timeout) != 0 ||
	    mysql_options(c, MYSQL_SET_CHARSET_NAME, "utf8mb4") != 0 ||
	    mysql_options(c, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+00:00'") != 0 ||
	    /*
	     * Each statement sees what is committed: invariants rest on the
	     * explicit row locks (room, then booking), not on snapshots.
	     */
	    mysql_options(c, MYSQL_INIT_COMMAND,
	    "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED") != 0) {
		set_error(db, mysql_errno(c), mysql_error(c));
		mysql_close(c);
		return -1;
	}
	/* A host means TCP; "localhost" with no host means the socket. */
	if (mysql_real_connect(c, db->host[0] != '\0' ? db->host : "localhost",
	    db->user, db->password[0] != '\0' ? db->password : NULL,
	    db->name[0] != '\0' ? db->name : NULL,
	    db->host[0] != '\0' ? db->port : 0,
	    db->host[0] != '\0' ? NULL : db->socket, 0) == NULL) {
		set_error(db, mysql_errno(c), mysql_error(c));
		db->err = DB_DOWN;	/* whatever the cause, no connection */
		mysql_close(c);
		return -1;
	}
	db->conn = c;
	return 0;
}

int
db_ping(struct db *db)
{
	if (connect_now(db) == -1)
		return -1;
	if (mysql_ping(db->conn) != 0) {
		set_error(db, mysql_errno(db->conn), mysql_error(db->conn));
		return connect_now(db);	/* one fresh attempt */
	}
	return 0;
}

/* FNV-1a of the statement's text. */
static uint32_t
sql_hash(const char *sql)
{
	uint32_t h = 2166136261u;

	for (; *sql != '\0'; sql++)
		h = (h ^ (unsigned char)*sql) * 16777619u;
	return h;
}

/* The slot of sql's text, added if new; NULL (error set) on ENOMEM. */
static struct stmt_slot *
stmt_slot(struct db *db, const char *sql)
{
	uint32_t		 h = sql_hash(sql);
	struct stmt_slot	*slot;

	for (size_t i = 0; i < db->nstmts; i++)
		if (db->stmts[i].hash == h && strcmp(db->stmts[i].sql, sql) == 0)
			return &db->stmts[i];
	if (db->nstmts == db->capstmts) {
		size_t			 cap = db->capstmts ? db->capstmts * 2 : 64;
		struct stmt_slot	*more;

		if ((more = reallocarray(db->stmts, cap, sizeof *more)) == NULL)
			goto nomem;
		db->stmts = more;
		db->capstmts = cap;
	}
	slot = &db->stmts[db->nstmts];
	if ((slot->sql = strdup(sql)) == NULL)
		goto nomem;
	slot->hash = h;
	slot->stmt = NULL;
	db->nstmts++;
	return slot;
nomem:
	db->err = DB_FAILED;
	snprintf(db->msg, sizeof db->msg, "out of memory for a statement");
	return NULL;
}

/* The statement for sql, prepared on first use on this connection. */
static MYSQL_STMT *
stmt_get(struct db *db, const char *sql)
{
	struct stmt_slot	*slot;
	my_bool			 update_max = 1;

	if (connect_now(db) == -1 || (slot = stmt_slot(db, sql)) == NULL)
		return NULL;
	if (slot->stmt != NULL)
		return slot->stmt;
	if ((slot->stmt = mysql_stmt_init(db->conn)) == NULL) {
		set_error(db, mysql_errno(db->conn), mysql_error(db->conn));
		return NULL;
	}
	if (mysql_stmt_attr_set(slot->stmt, STMT_ATTR_UPDATE_MAX_LENGTH,
	    &update_max) != 0 ||
	    mysql_stmt_prepare(slot->stmt, sql, strlen(sql)) != 0) {
		MYSQL_STMT *s = slot->stmt;

		slot->stmt = NULL;
		set_error(db, mysql_stmt_errno(s), mysql_stmt_error(s));
		mysql_stmt_close(s);
		return NULL;
	}
	return slot->stmt;
}

/* Binds args and executes; the statement, or NULL with the error set. */
static MYSQL_STMT *
execute(struct db *db, const char *sql, const struct db_arg *args,
    size_t nargs)
{
	MYSQL_BIND	 bind[DB_MAX_ARGS];
	long long	 ints[DB_MAX_ARGS];
	MYSQL_STMT	*stmt;

	if (db->tx_lost) {
		db->err = DB_DOWN;
		snprintf(db->msg, sizeof db->msg, "the connection was lost "
		    "inside a transaction");
		return NULL;
	}
	if ((stmt = stmt_get(db, sql)) == NULL)
		return NULL;
	if (nargs > DB_MAX_ARGS || mysql_stmt_param_count(stmt) != nargs) {
		db->err = DB_FAILED;
		snprintf(db->msg, sizeof db->msg, "statement takes %lu "
		    "arguments, given %zu: %.80s",
		    mysql_stmt_param_count(stmt), nargs, sql);
		return NULL;
	}
	memset(bind, 0, sizeof bind);
	for (size_t i = 0; i < nargs; i++)
		switch (args[i].type) {
		case DBA_INT:
			ints[i] = args[i].i;
			bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[i].buffer = &ints[i];
			break;
		case DBA_STR:
			bind[i].buffer_type = MYSQL_TYPE_STRING;
			bind[i].buffer = (void *)(uintptr_t)args[i].s;
			bind[i].buffer_length = strlen(args[i].s);
			break;
		case DBA_BLOB:
			bind[i].buffer_type = MYSQL_TYPE_BLOB;
			bind[i].buffer = (void *)(uintptr_t)args[i].s;
			bind[i].buffer_length = args[i].len;
			break;
		case DBA_NULL:
			bind[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		}
	if ((nargs > 0 && mysql_stmt_bind_param(stmt, bind) != 0) ||
	    mysql_stmt_execute(stmt) != 0) {
		set_error(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
		return NULL;
	}
	db->err = DB_OK;
	db->msg[0] = '\0';
	return stmt;
}

/*
 * Whether a failed call may run again on a fresh connection: never inside
 * a transaction (its earlier work is gone), reads always, writes only if
 * the server cannot have seen them.
 */
static int
may_retry(const struct db *db, int is_read)
{
	if (db->err != DB_DOWN || db->in_tx || db->tx_lost)
		return 0;
	return is_read || db->errnum != CR_SERVER_LOST;
}

/* Appends one row of NULL cells to rows.  Returns it, or NULL on ENOMEM. */
static char **
add_row(struct db_rows *rows, size_t *cap)
{
	size_t	need = (rows->nrows + 1) * rows->ncols;
	char	**row;

	if (need > *cap) {
		size_t	 ncap = *cap != 0 ? *cap * 2 : 16 * rows->ncols;
		char	**c;
		size_t	 *l;

		if (ncap < need)
			ncap = need;
		if ((c = realloc(rows->cell, ncap * sizeof *c)) == NULL)
			return NULL;
		rows->cell = c;
		if ((l = realloc(rows->len, ncap * sizeof *l)) == NULL)
			return NULL;
		rows->len = l;
		*cap = ncap;
	}
	row = &rows->cell[rows->nrows * rows->ncols];
	for (size_t c = 0; c < rows->ncols; c++) {
		row[c] = NULL;
		rows->len[rows->nrows * rows->ncols + c] = 0;
	}
	rows->nrows++;		/* counted now, so db_rows_free sees it */
	return row;
}

/* Reads the whole result of an executed statement as strings. */
static struct db_rows *
fetch_all(struct db *db, MYSQL_STMT *stmt)
{
	MYSQL_RES	*meta = NULL;
	MYSQL_FIELD	*fields;
	MYSQL_BIND	*bind = NULL;
	unsigned long	*lens = NULL;
	my_bool		*nulls = NULL;
	struct db_rows	*rows = NULL;
	size_t		 cap = 0;
	int		 rc, ok = 0;

	if (mysql_stmt_store_result(stmt) != 0) {
		set_error(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
		return NULL;
	}
	if ((rows = calloc(1, sizeof *rows)) == NULL)
		goto out;
	if ((meta = mysql_stmt_result_metadata(stmt)) == NULL)
		goto out;
	rows->ncols = mysql_num_fields(meta);
	fields = mysql_fetch_fields(meta);
	/* Columns are read by name (the SQL alias), never by position. */
	if ((rows->names = calloc(rows->ncols, sizeof *rows->names)) == NULL)
		goto out;
	for (size_t c = 0; c < rows->ncols; c++)
		if ((rows->names[c] = strdup(fields[c].name)) == NULL)
			goto out;
	bind = calloc(rows->ncols, sizeof *bind);
	lens = calloc(rows->ncols, sizeof *lens);
	nulls = calloc(rows->ncols, sizeof *nulls);
	if (bind == NULL || lens == NULL || nulls == NULL)
		goto out;
	for (size_t c = 0; c < rows->ncols; c++) {
		size_t size = fields[c].max_length > DB_MIN_CELL ?
		    fields[c].max_length + 1 : DB_MIN_CELL + 1;

		bind[c].buffer_type = MYSQL_TYPE_STRING;
		if ((bind[c].buffer = malloc(size)) == NULL)
			goto out;
		bind[c].buffer_length = size;
		bind[c].length = &lens[c];
		bind[c].is_null = &nulls[c];
	}
	if (mysql_stmt_bind_result(stmt, bind) != 0)
		goto out;
	while ((rc = mysql_stmt_fetch(stmt)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		char **row = add_row(rows, &cap);

		if (row == NULL)
			goto out;
		for (size_t c = 0; c < rows->ncols; c++) {
			if (nulls[c])
				continue;
			if (lens[c] >= bind[c].buffer_length) {
				/* Longer than max_length promised: refetch. */
				MYSQL_BIND	 one = bind[c];
				char		*big = malloc(lens[c] + 1);

				if (big == NULL)
					goto out;
				one.buffer = big;
				one.buffer_length = lens[c] + 1;
				if (mysql_stmt_fetch_column(stmt, &one,
				    (unsigned)c, 0) != 0) {
					free(big);
					goto out;
				}
				big[lens[c]] = '\0';
				row[c] = big;
			} else if ((row[c] = malloc(lens[c] + 1)) == NULL)
				goto out;
			else {
				memcpy(row[c], bind[c].buffer, lens[c]);
				row[c][lens[c]] = '\0';
			}
			rows->len[(rows->nrows - 1) * rows->ncols + c] =
			    lens[c];
		}
	}
	if (rc != MYSQL_NO_DATA) {
		set_error(db, mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
		goto out;
	}
	ok = 1;
out:
	if (!ok && db->err == DB_OK) {
		db->err = DB_FAILED;
		snprintf(db->msg, sizeof db->msg, "reading a result failed "
		    "(out of memory?)");
	}
	for (size_t c = 0; bind != NULL && c < rows->ncols; c++)
		free(bind[c].buffer);
	free(bind);
	free(lens);
	free(nulls);
	if (meta != NULL)
		mysql_free_result(meta);
	if (db->conn != NULL)
		mysql_stmt_free_result(stmt);
	if (!ok) {
		db_rows_free(rows);
		return NULL;
	}
	return rows;
}

struct db_rows *
db_query(struct db *db, const char *sql, const struct db_arg *args,
    size_t nargs)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		MYSQL_STMT	*stmt = execute(db, sql, args, nargs);
		struct db_rows	*rows;

		if (stmt != NULL && (rows = fetch_all(db, stmt)) != NULL)
			return rows;
		if (!may_retry(db, 1))
			break;
	}
	return NULL;
}

long long
db_exec(struct db *db, const char *sql, const struct db_arg *args,
    size_t nargs, long long *insert_id)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		MYSQL_STMT *stmt = execute(db, sql, args, nargs);

		if (stmt != NULL) {
			long long n = (long long)mysql_stmt_affected_rows(stmt);

			if (insert_id != NULL)
				*insert_id = (long long)mysql_stmt_insert_id(stmt);
			if (n > 0 && !db->in_tx)
				db->wrote = 1;	/* autocommitted */
			return n;
		}
		if (!may_retry(db, 0))
			break;
	}
	return -1;
}

int
db_begin(struct db *db)
{
	db->tx_lost = 0;	/* a new transaction starts clean */
	for (int attempt = 0; attempt < 2; attempt++) {
		if (connect_now(db) == -1)
			return -1;
		if (mysql_real_query(db->conn, "START TRANSACTION",
		    strlen("START TRANSACTION")) == 0) {
			db->in_tx = 1;
			db->err = DB_OK;
			return 0;
		}
		set_error(db, mysql_errno(db->conn), mysql_error(db->conn));
		if (db->err != DB_DOWN)
			break;
	}
	return -1;
}

int
db_commit(struct db *db)
{
	if (db->tx_lost) {
		db->err = DB_DOWN;
		snprintf(db->msg, sizeof db->msg, "the connection was lost "
		    "inside a transaction");
		db->tx_lost = 0;	/* reported: the caller knows */
		return -1;
	}
	if (db->conn == NULL || !db->in_tx) {
		db->err = DB_FAILED;
		snprintf(db->msg, sizeof db->msg, "commit without transaction");
		return -1;
	}
	if (mysql_commit(db->conn) != 0) {
		set_error(db, mysql_errno(db->conn), mysql_error(db->conn));
		db_rollback(db);
		return -1;
	}
	db->in_tx = 0;
	db->wrote = 1;
	return 0;
}

int
db_take_wrote(struct db *db)
{
	int wrote = db->wrote;

	db->wrote = 0;
	return wrote;
}

void
db_rollback(struct db *db)
{
	if (db->conn != NULL && db->in_tx && mysql_rollback(db->conn) != 0)
		set_error(db, mysql_errno(db->conn), mysql_error(db->conn));
	db->in_tx = 0;
	db->tx_lost = 0;
}

enum db_error
db_last_error(const struct db *db)
{
	return db->err;
}

const char *
db_last_message(const struct db *db)
{
	return db->msg;
}

int
db_has_col(const struct db_rows *rows, const char *name)
{
	for (size_t c = 0; rows != NULL && c < rows->ncols; c++)
		if (strcmp(rows->names[c], name) == 0)
			return 1;
	return 0;
}

int
db_col(const struct db_rows *rows, const char *name)
{
	for (size_t c = 0; rows != NULL && c < rows->ncols; c++)
		if (strcmp(rows->names[c], name) == 0)
			return (int)c;
	/* A name the query does not select: a mistake in the code. */
	log_error(NULL, "no column '%s' in the result", name);
	return -1;
}

const char *
db_get(const struct db_rows *rows, size_t row, const char *name)
{
	int col = db_col(rows, name);

	if (col < 0 || row >= rows->nrows)
		return NULL;
	return rows->cell[row * rows->ncols + (size_t)col];
}

size_t
db_len(const struct db_rows *rows, size_t row, const char *name)
{
	int col = db_col(rows, name);

	if (col < 0 || row >= rows->nrows)
		return 0;
	return rows->len[row * rows->ncols + (size_t)col];
}

long long
db_get_int(const struct db_rows *rows, size_t row, const char *name)
{
	const char *s = db_get(rows, row, name);

	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

const char *
db_text(const struct db_rows *rows, size_t row, const char *name)
{
	const char *s = db_get(rows, row, name);

	return s != NULL ? s : "";
}

void
db_rows_free(struct db_rows *rows)
{
	if (rows == NULL)
		return;
	for (size_t i = 0; i < rows->nrows * rows->ncols; i++)
		free(rows->cell[i]);
	for (size_t c = 0; rows->names != NULL && c < rows->ncols; c++)
		free(rows->names[c]);
	free(rows->names);
	free(rows->cell);
	free(rows->len);
	free(rows);
}

int
db_set_now(struct db *db, time_t at)
{
	static const char SQL_AT[] = "SET @@timestamp = ?";
	static const char SQL_OWN[] = "SET @@timestamp = DEFAULT";

	return (at != 0 ? db_exec(db, SQL_AT, DB_ARGS(DB_INT((long long)at)),
	    NULL) : db_exec(db, SQL_OWN, DB_NOARGS, NULL)) < 0 ? -1 : 0;
}

int
db_exec_script(struct db *db, const char *script)
{
	int	status;

	if (connect_now(db) == -1)
		return -1;
	if (mysql_set_server_option(db->conn, MYSQL_OPTION_MULTI_STATEMENTS_ON)
	    != 0 || mysql_real_query(db->conn, script, strlen(script)) != 0) {
		set_error(db, mysql_errno(db->conn), mysql_error(db->conn));
		return -1;
	}
	do {
		MYSQL_RES *res = mysql_store_result(db->conn);

		if (res != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(db->conn) != 0)
			break;
	} while ((status = mysql_next_result(db->conn)) == 0);
	if (mysql_errno(db->conn) != 0) {
		set_error(db, mysql_errno(db->conn), mysql_error(db->conn));
		return -1;
	}
	if (mysql_set_server_option(db->conn,
	    MYSQL_OPTION_MULTI_STATEMENTS_OFF) != 0) {
		set_error(db, mysql_errno(db->conn), mysql_error(db->conn));
		return -1;
	}
	(void)status;
	return 0;
}
