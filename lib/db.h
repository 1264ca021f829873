/* db: MariaDB access through prepared statements; the only user of mysql.h. */
#ifndef ROOMBOOK_DB_H
#define ROOMBOOK_DB_H

#include <stddef.h>
#include <time.h>

struct db;

struct db_params {
	const char	*socket;	/* used when host is NULL or "" */
	const char	*host;		/* MariaDB over TCP */
	unsigned	 port;		/* with host; 0: 3306 */
	const char	*user;
	const char	*password;	/* NULL or "" for unix_socket auth */
	const char	*name;		/* database; NULL for none */
	unsigned	 io_timeout;	/* seconds a call may wait; 0: 30 */
};

/* What went wrong with the last call, as a caller must react to it. */
enum db_error {
	DB_OK,
	DB_DOWN,	/* server unreachable: answer 503 */
	DB_DUPLICATE,	/* a UNIQUE key already holds the value */
	DB_CONFLICT,	/* deadlock or lock wait timeout: retry the transaction */
	DB_FAILED,	/* anything else: a bug or a broken schema */
};

/* A parameter for a ? placeholder; build with the macros below. */
struct db_arg {
	enum { DBA_NULL, DBA_INT, DBA_STR, DBA_BLOB } type;
	long long	 i;
	const char	*s;
	size_t		 len;		/* DBA_BLOB */
};

#define DB_INT(x)	((struct db_arg){ .type = DBA_INT, .i = (x) })
#define DB_STR(x)	((struct db_arg){ .type = DBA_STR, .s = (x) })
#define DB_BLOB(p, n)	((struct db_arg){ .type = DBA_BLOB, \
			    .s = (const char *)(p), .len = (n) })
#define DB_NULL		((struct db_arg){ .type = DBA_NULL })
/* Expands to "array, count" for db_query and db_exec. */
#define DB_ARGS(...)	(const struct db_arg[]){ __VA_ARGS__ },		\
	sizeof((const struct db_arg[]){ __VA_ARGS__ }) / sizeof(struct db_arg)
#define DB_NOARGS	NULL, 0

/*
 * A whole result set as strings; cell NULL for SQL NULL.  Read cells by
 * their column's name (its SQL alias) with db_get and friends: a column
 * added to a query then shifts no reader.
 */
struct db_rows {
	size_t	  nrows;
	size_t	  ncols;
	char	**names;	/* ncols column names, as the query names them */
	char	**cell;		/* row-major, nrows * ncols */
	size_t	 *len;		/* each cell's bytes (a BLOB may hold NULs) */
};

/*
 * A handle that connects when first used and again after the server went
 * away.  p's strings are copied.  NULL on ENOMEM.
 */
struct db	*db_new(const struct db_params *p);
/* Closes the connection and frees the handle; NULL is fine. */
void		 db_free(struct db *);

/* 0 if the server answers (connecting if needed), -1 otherwise. */
int		 db_ping(struct db *);

/*
 * Runs the SELECT sql with args.  Statements are prepared once per
 * connection and found again by their text.  Returns the rows,
 * which the caller frees with db_rows_free, or NULL (see db_last_error).
 * Outside a transaction a read is retried once after a reconnect.
 */
struct db_rows	*db_query(struct db *, const char *sql,
		    const struct db_arg *args, size_t nargs);

/*
 * Runs the INSERT/UPDATE/DELETE sql with args.  Returns the number of
 * affected rows, or -1.  *insert_id, if not NULL, gets the new AUTO_INCREMENT
 * value.
 */
long long	 db_exec(struct db *, const char *sql,
		    const struct db_arg *args, size_t nargs,
		    long long *insert_id);

/* Transactions; a connection lost inside one is reported, never retried. */
int		 db_begin(struct db *);
int		 db_commit(struct db *);
/* Rolls back if a transaction is open; safe to call on any path. */
void		 db_rollback(struct db *);

/*
 * Whether a change was committed on this handle since the last call (a
 * commit, or a statement outside a transaction that changed rows); the
 * next call answers for what comes after.
 */
int		 db_take_wrote(struct db *);

/*
 * Makes NOW() and UTC_TIMESTAMP() on this connection answer at (0: the
 * server's own clock again), so SQL and C agree on a shifted clock.
 */
int		 db_set_now(struct db *, time_t at);

/* The kind of the last failure (DB_OK after a success). */
enum db_error	 db_last_error(const struct db *);
/* The server's message for the last error, for logs. */
const char	*db_last_message(const struct db *);

/*
 * The index of the column called name, or -1 (logged: the query does not
 * select it, a mistake in the code).
 */
int		 db_col(const struct db_rows *, const char *name);
/* Whether the query selects a column called name (not an error if not). */
int		 db_has_col(const struct db_rows *, const char *name);
/* Cell of column name in row: NULL for SQL NULL, no such row or column. */
const char	*db_get(const struct db_rows *, size_t row, const char *name);
/* The same as text, "" for NULL. */
const char	*db_text(const struct db_rows *, size_t row, const char *name);
/* How many bytes the cell holds (its terminating NUL not counted). */
size_t		 db_len(const struct db_rows *, size_t row, const char *name);
/* The same as an integer, 0 for NULL or garbage. */
long long	 db_get_int(const struct db_rows *, size_t row,
		    const char *name);
/* Frees rows from db_query; NULL is fine. */
void		 db_rows_free(struct db_rows *);

/*
 * Runs a trusted script of several statements (a migration file, never
 * user input).  Returns 0 or -1.
 */
int		 db_exec_script(struct db *, const char *script);

#endif
