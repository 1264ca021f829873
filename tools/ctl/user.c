/* roomctl user: the operator adds accounts, sets passwords, disables, enables and lists them. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "ctl.h"
#include "apitoken.h"
#include "db.h"
#include "password.h"
#include "request.h"

static const char SQL_FIND[] =
    "SELECT id, disabled FROM users WHERE login = ?";
static const char SQL_LOCK[] =
    "SELECT id, disabled FROM users WHERE login = ? FOR UPDATE";
static const char SQL_ADD[] =
    "INSERT INTO users (login, display_name, email, role, password_hash)"
    " VALUES (?, ?, ?, ?, ?)";
static const char SQL_SET_HASH[] =
    "UPDATE users SET password_hash = ? WHERE id = ?";
static const char SQL_SET_DISABLED[] =
    "UPDATE users SET disabled = ? WHERE id = ?";
static const char SQL_END_SESSIONS[] =
    "DELETE FROM sessions WHERE user_id = ?";
static const char SQL_LIST[] =
    "SELECT u.login, u.display_name, IF(u.email = '', '-', u.email) AS email,"
    " u.role, IF(u.disabled, 'disabled', 'active') AS state,"
    " (SELECT COUNT(*) FROM sessions s"
    "   WHERE s.user_id = u.id AND s.expires_at > UTC_TIMESTAMP()) AS sessions"
    " FROM users u ORDER BY u.login";

#define LOGIN_MAX	64
#define NAME_MAX_LEN	200
#define EMAIL_MAX	254

static const char USAGE[] =
    "usage: roomctl user add LOGIN --name \"Display Name\" [--email ADDR]"
    " [--role user|admin]\n"
    "       roomctl user passwd LOGIN\n"
    "       roomctl user disable LOGIN\n"
    "       roomctl user enable LOGIN\n"
    "       roomctl user list\n"
    "The password is read from the terminal (asked twice, not echoed) or as\n"
    "one line from standard input; never from the command line.\n";

static int
usage(void)
{
	fputs(USAGE, stderr);
	return 2;
}

/* ---- validation ---------------------------------------------------- */

/*
 * NULL if s is a login, else why not.  It starts with a letter or digit:
 * a login "-x" would read as an option to every other command.
 */
static const char *
login_invalid(const char *s)
{
	size_t	len = strlen(s);

	if (len == 0 || len > LOGIN_MAX)
		return "a login has 1 to 64 characters";
	if (strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") != len)
		return "a login may only hold a-z, 0-9, '.', '_' and '-' "
		    "(lower case)";
	if (strchr("._-", s[0]) != NULL)
		return "a login starts with a letter or a digit";
	return NULL;
}

static const char *
name_invalid(const char *s)
{
	size_t	len = strlen(s);

	if (len == 0 || len > NAME_MAX_LEN)
		return "a display name has 1 to 200 bytes";
	if (!utf8_valid(s, len))
		return "the display name is not valid UTF-8";
	if (utf8_has_control(s, len))
		return "the display name holds a control character";
	return NULL;
}

static const char *
email_invalid(const char *s)
{
	size_t		 len = strlen(s);
	const char	*at = strchr(s, '@');

	if (len > EMAIL_MAX)
		return "an e-mail address has at most 254 characters";
	if (len == 0)
		return NULL;	/* optional */
	if (at == NULL || strchr(at + 1, '@') != NULL || at == s ||
	    at[1] == '\0')
		return "an e-mail address has the form name@domain "
		    "with one '@'";
	if (!utf8_valid(s, len) || utf8_has_control(s, len) ||
	    strpbrk(s, " ,;<>\"") != NULL)
		return "the e-mail address holds a character it cannot hold";
	return NULL;
}

static const char *
role_invalid(const char *s)
{
	if (strcmp(s, "user") == 0 || strcmp(s, "admin") == 0)
		return NULL;
	return "the role is 'user' or 'admin'";
}

static const char *
password_invalid(const char *pw, size_t len)
{
	if (len == 0)
		return "the password is empty";
	if (len < PASSWORD_MIN_LEN)
		return "the password is shorter than 8 bytes";
	if (len > PASSWORD_MAX_LEN)
		return "the password is longer than 1024 bytes";
	if (!utf8_valid(pw, len))
		return "the password is not valid UTF-8";
	if (utf8_has_control(pw, len))
		return "the password holds a control character";
	return NULL;
}

/* ---- reading a password -------------------------------------------- */

/* Room for the longest password, one byte more to notice a longer one. */
#define PW_BUF	(PASSWORD_MAX_LEN + 2)

/*
 * The signal that interrupted a prompt.  A signal handler can only talk
 * to the program through a static; it is set nowhere else.
 */
static volatile sig_atomic_t caught;

static void
catch(int sig)
{
	caught = sig;
}

static const int prompt_signals[] = {
	SIGINT, SIGHUP, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU,
};
#define NSIGNALS	(sizeof prompt_signals / sizeof prompt_signals[0])

/*
 * Reads one line from fd into buf (at most size - 1 bytes and a NUL),
 * byte by byte so no copy of it stays behind in a stdio buffer.  Returns
 * its length without the newline, or -1 on a read error or a signal.
 * A line that does not fit is read to its end (so the next prompt does
 * not get the rest) and *too_long set.
 */
static ssize_t
read_line(int fd, char *buf, size_t size, int *too_long)
{
	size_t	len = 0;
	char	c;

	*too_long = 0;
	for (;;) {
		ssize_t n = read(fd, &c, 1);

		if (n == -1 && errno == EINTR && !caught)
			continue;
		if (n == -1)
			return -1;
		if (n == 0 || c == '\n')
			break;
		if (len + 1 >= size)
			*too_long = 1;
		else
			buf[len++] = c;
	}
	buf[len] = '\0';
	return (ssize_t)len;
}

/*
 * Asks for one line on the terminal fd with echo off.  The terminal is
 * restored on every path; a signal (^C, ^Z, hang-up) restores it first
 * and is then delivered as if we had not caught it.
 */
static ssize_t
prompt_hidden(int fd, const char *prompt, char *buf, size_t size,
    int *too_long)
{
	struct sigaction	sa, old[NSIGNALS];
	struct termios		saved, quiet;
	ssize_t			len;
	int			sig;

	if (tcgetattr(fd, &saved) == -1)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = catch;		/* no SA_RESTART: read gets EINTR */
	sigemptyset(&sa.sa_mask);
	caught = 0;
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(prompt_signals[i], &sa, &old[i]);
	quiet = saved;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK);
	quiet.c_lflag |= ECHONL;
	fputs(prompt, stderr);
	fflush(stderr);
	if (tcsetattr(fd, TCSAFLUSH, &quiet) == -1)
		len = -1;
	else
		len = read_line(fd, buf, size, too_long);
	tcsetattr(fd, TCSANOW, &saved);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(prompt_signals[i], &old[i], NULL);
	if ((sig = caught) != 0) {
		fputc('\n', stderr);
		raise(sig);	/* the default action, now the terminal is sane */
		sodium_memzero(buf, size);
		fprintf(stderr, "roomctl: password entry interrupted\n");
		return -1;
	}
	return len;
}

/*
 * Reads the new password into pw[PW_BUF]: from the terminal, asked
 * twice, or as one line of stdin.  Returns 0, or -1 after saying why
 * (pw is wiped then).
 */
static int
read_password(char *pw)
{
	char		 again[PW_BUF];
	const char	*why = NULL;
	ssize_t		 len, len2;
	int		 long1 = 0, long2 = 0;

	if (isatty(STDIN_FILENO)) {
		len = prompt_hidden(STDIN_FILENO, "Password: ", pw, PW_BUF,
		    &long1);
		len2 = len == -1 ? -1 : prompt_hidden(STDIN_FILENO, "Again: ",
		    again, sizeof again, &long2);
		if (len2 != -1 && (len != len2 || long1 != long2 ||
		    sodium_memcmp(pw, again, (size_t)len) != 0))
			why = "the passwords differ";
		sodium_memzero(again, sizeof again);
		if (len == -1 || len2 == -1) {
			sodium_memzero(pw, PW_BUF);
			if (!caught)
				fprintf(stderr, "roomctl: cannot read the "
				    "password from the terminal\n");
			return -1;
		}
	} else if ((len = read_line(STDIN_FILENO, pw, PW_BUF, &long1)) == -1) {
		sodium_memzero(pw, PW_BUF);
		fprintf(stderr, "roomctl: cannot read the password from "
		    "standard input: %s\n", strerror(errno));
		return -1;
	}
	if (why == NULL && long1)
		why = "the password is longer than 1024 bytes";
	if (why == NULL)
		why = password_invalid(pw, (size_t)len);
	if (why != NULL) {
		sodium_memzero(pw, PW_BUF);
		fprintf(stderr, "roomctl: %s\n", why);
		return -1;
	}
	return 0;
}

/* Reads, checks and hashes a new password into hash; 0 or -1. */
static int
new_password_hash(char hash[PASSWORD_HASH_LEN])
{
	char	pw[PW_BUF];
	int	rc;

	if (read_password(pw) == -1)
		return -1;
	rc = password_hash(pw, hash);
	sodium_memzero(pw, sizeof pw);
	if (rc == -1)
		fprintf(stderr, "roomctl: out of memory hashing the password\n");
	return rc;
}

/* ---- database ------------------------------------------------------ */

/*
 * Finds login with sql: SQL_FIND, or SQL_LOCK to lock its row inside a
 * transaction.  Returns 1 with *id and *disabled set, 0 if there is no
 * such user, -1 on a database error (after saying so).
 */
static int
find_user(struct ctl *ctl, const char *sql, const char *login,
    long long *id, int *disabled)
{
	struct db_rows	*rows;
	int		 found;

	if ((rows = db_query(ctl->db, sql, DB_ARGS(DB_STR(login)))) == NULL) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return -1;
	}
	if ((found = rows->nrows > 0)) {
		*id = db_get_int(rows, 0, "id");
		*disabled = db_get_int(rows, 0, "disabled") != 0;
	}
	db_rows_free(rows);
	return found;
}

/* Reports a failed write in a transaction and rolls it back; returns 1. */
static int
failed(struct ctl *ctl, const char *what)
{
	fprintf(stderr, "roomctl: %s failed: %s\n", what,
	    db_last_message(ctl->db));
	db_rollback(ctl->db);
	return 1;
}

/* find_user for the commands that need the user to exist: 1 found, else 0. */
static int
existing_user(struct ctl *ctl, const char *sql, const char *login,
    long long *id, int *disabled)
{
	switch (find_user(ctl, sql, login, id, disabled)) {
	case 1:
		return 1;
	case 0:
		fprintf(stderr, "roomctl: no user '%s'\n", login);
		return 0;
	default:
		return 0;
	}
}

/* Says so if arg looks like an attempt to pass a password. */
static void
hint_password(const char *arg)
{
	if (strncmp(arg, "--pass", 6) == 0 || strncmp(arg, "-p", 2) == 0)
		fprintf(stderr, "roomctl: passwords are never taken from the "
		    "command line; they are read from the terminal or "
		    "standard input\n");
}

/* ---- commands ------------------------------------------------------ */

/*
 * Parses "LOGIN" as the only operand of argv (argv[0] is the subcommand);
 * NULL after printing usage if that is not what is there.
 */
static const char *
only_login(int argc, char *argv[])
{
	const char *why;

	for (int i = 1; i < argc; i++)
		hint_password(argv[i]);
	if (argc != 2 || argv[1][0] == '-') {
		usage();
		return NULL;
	}
	if ((why = login_invalid(argv[1])) != NULL) {
		fprintf(stderr, "roomctl: %s\n", why);
		usage();
		return NULL;
	}
	return argv[1];
}

static int
user_add(struct ctl *ctl, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "name",	required_argument,	NULL, 'n' },
		{ "email",	required_argument,	NULL, 'e' },
		{ "role",	required_argument,	NULL, 'r' },
		{ NULL,		0,			NULL, 0 },
	};
	const char	*name = NULL, *email = "", *role = "user", *login;
	const char	*why = NULL;
	char		 hash[PASSWORD_HASH_LEN];
	long long	 id, n;
	int		 ch, disabled, found;

	opterr = 0;
	optind = 0;	/* glibc: start afresh, main already ran getopt */
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		switch (ch) {
		case 'n':
			name = optarg;
			break;
		case 'e':
			email = optarg;
			break;
		case 'r':
			role = optarg;
			break;
		case ':':
			fprintf(stderr, "roomctl: %s needs a value\n",
			    argv[optind - 1]);
			return usage();
		default:
			/* glibc: optopt is 0 for an unknown long option. */
			if (optopt != 0)
				fprintf(stderr, "roomctl: unknown option "
				    "'-%c'\n", optopt);
			else
				fprintf(stderr, "roomctl: unknown option "
				    "'%s'\n", argv[optind - 1]);
			hint_password(optopt == 'p' ? "-p" : argv[optind - 1]);
			return usage();
		}
	if (optind != argc - 1 || name == NULL)
		return usage();
	login = argv[optind];
	if ((why = login_invalid(login)) == NULL &&
	    (why = name_invalid(name)) == NULL &&
	    (why = email_invalid(email)) == NULL)
		why = role_invalid(role);
	if (why != NULL) {
		fprintf(stderr, "roomctl: %s\n", why);
		return usage();
	}

	/* Ask for no password for a login that is taken. */
	if ((found = find_user(ctl, SQL_FIND, login, &id, &disabled)) == -1)
		return 1;
	if (found) {
		fprintf(stderr, "roomctl: a user '%s' already exists\n", login);
		return 1;
	}
	if (new_password_hash(hash) == -1)
		return 1;
	n = db_exec(ctl->db, SQL_ADD, DB_ARGS(DB_STR(login), DB_STR(name),
	    DB_STR(email), DB_STR(role), DB_STR(hash)), NULL);
	sodium_memzero(hash, sizeof hash);
	if (n != 1) {
		if (db_last_error(ctl->db) == DB_DUPLICATE)
			fprintf(stderr, "roomctl: a user '%s' already exists\n",
			    login);
		else
			fprintf(stderr, "roomctl: adding the user failed: %s\n",
			    db_last_message(ctl->db));
		return 1;
	}
	printf("added %s '%s' (%s)\n", strcmp(role, "admin") == 0 ?
	    "administrator" : "user", login, name);
	return 0;
}

static int
user_passwd(struct ctl *ctl, int argc, char *argv[])
{
	const char	*login;
	char		 hash[PASSWORD_HASH_LEN];
	long long	 id, ended, revoked;
	int		 disabled;

	if ((login = only_login(argc, argv)) == NULL)
		return 2;
	/* Check first, so nobody types a password for a misspelt login. */
	if (!existing_user(ctl, SQL_FIND, login, &id, &disabled))
		return 1;
	if (new_password_hash(hash) == -1)
		return 1;
	/* The password and the sessions it let in change together. */
	if (db_begin(ctl->db) == -1) {
		sodium_memzero(hash, sizeof hash);
		return failed(ctl, "starting the transaction");
	}
	if (!existing_user(ctl, SQL_LOCK, login, &id, &disabled)) {
		sodium_memzero(hash, sizeof hash);
		db_rollback(ctl->db);
		return 1;
	}
	if (db_exec(ctl->db, SQL_SET_HASH, DB_ARGS(DB_STR(hash), DB_INT(id)),
	    NULL) == -1) {
		sodium_memzero(hash, sizeof hash);
		return failed(ctl, "setting the password");
	}
	sodium_memzero(hash, sizeof hash);
	if ((ended = db_exec(ctl->db, SQL_END_SESSIONS, DB_ARGS(DB_INT(id)),
	    NULL)) == -1)
		return failed(ctl, "ending the sessions");
	/* An operator's reset: whoever had the old password made no token. */
	if ((revoked = apitoken_revoke_all(ctl->db, id)) == -1)
		return failed(ctl, "revoking the API tokens");
	if (db_commit(ctl->db) == -1)
		return failed(ctl, "committing");
	printf("password of '%s' changed; %lld session%s ended, %lld API "
	    "token%s revoked\n", login, ended, ended == 1 ? "" : "s", revoked,
	    revoked == 1 ? "" : "s");
	return 0;
}

/* disable (off 1) or enable (off 0) a user. */
static int
user_set_disabled(struct ctl *ctl, int argc, char *argv[], int off)
{
	const char	*login;
	long long	 id, ended = 0;
	int		 disabled;

	if ((login = only_login(argc, argv)) == NULL)
		return 2;
	if (db_begin(ctl->db) == -1)
		return failed(ctl, "starting the transaction");
	if (!existing_user(ctl, SQL_LOCK, login, &id, &disabled)) {
		db_rollback(ctl->db);
		return 1;
	}
	if (db_exec(ctl->db, SQL_SET_DISABLED, DB_ARGS(DB_INT(off),
	    DB_INT(id)), NULL) == -1)
		return failed(ctl, off ? "disabling" : "enabling");
	/* A disabled user is out at once, not when the session expires. */
	if (off && (ended = db_exec(ctl->db, SQL_END_SESSIONS,
	    DB_ARGS(DB_INT(id)), NULL)) == -1)
		return failed(ctl, "ending the sessions");
	if (db_commit(ctl->db) == -1)
		return failed(ctl, "committing");
	if (off)
		printf("%s '%s'; %lld session%s ended\n",
		    disabled ? "already disabled:" : "disabled", login, ended,
		    ended == 1 ? "" : "s");
	else
		printf("%s '%s'\n", disabled ? "enabled" : "already active:",
		    login);
	return 0;
}

/*
 * Prints s padded to w characters, control characters as '?': a name
 * someone typed into a web form must not drive the operator's terminal.
 */
static void
put_cell(const char *s, int w)
{
	size_t	len = strlen(s);

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f) {
			putchar('?');
			i++;
		} else
			putchar(c < 0x20 || c == 0x7f ? '?' : c);
	}
	if ((size_t)w > utf8_length(s))
		printf("%*s", w - (int)utf8_length(s), "");
}

static int
user_list(struct ctl *ctl, int argc, char *argv[])
{
	static const struct {
		const char *head, *column;
	} cols[] = {
		{ "LOGIN", "login" }, { "NAME", "display_name" },
		{ "EMAIL", "email" }, { "ROLE", "role" }, { "STATE", "state" },
		{ "SESSIONS", "sessions" },
	};
	enum { NCOLS = sizeof cols / sizeof cols[0] };
	struct db_rows	*rows;
	int		 w[NCOLS];

	(void)argv;
	if (argc != 1)
		return usage();
	if ((rows = db_query(ctl->db, SQL_LIST, DB_NOARGS)) == NULL) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return 1;
	}
	for (int c = 0; c < NCOLS; c++) {
		w[c] = (int)utf8_length(cols[c].head);
		for (size_t r = 0; r < rows->nrows; r++) {
			const char *s = db_text(rows, r, cols[c].column);

			if (utf8_length(s) > (size_t)w[c])
				w[c] = (int)utf8_length(s);
		}
	}
	for (int c = 0; c < NCOLS; c++) {
		put_cell(cols[c].head, c + 1 < NCOLS ? w[c] : 0);
		fputs(c + 1 < NCOLS ? "  " : "\n", stdout);
	}
	for (size_t r = 0; r < rows->nrows; r++)
		for (int c = 0; c < NCOLS; c++) {
			put_cell(db_text(rows, r, cols[c].column),
			    c + 1 < NCOLS ? w[c] : 0);
			fputs(c + 1 < NCOLS ? "  " : "\n", stdout);
		}
	if (rows->nrows == 0)
		printf("(no users)\n");
	db_rows_free(rows);
	return fflush(stdout) == 0 ? 0 : 1;
}

int
cmd_user(struct ctl *ctl, int argc, char *argv[])
{
	const char *sub;

	/* argv[0] is "user"; the subcommand then parses argv + 1. */
	if (argc < 2)
		return usage();
	sub = argv[1];
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return user_add(ctl, argc, argv);
	if (strcmp(sub, "passwd") == 0)
		return user_passwd(ctl, argc, argv);
	if (strcmp(sub, "disable") == 0)
		return user_set_disabled(ctl, argc, argv, 1);
	if (strcmp(sub, "enable") == 0)
		return user_set_disabled(ctl, argc, argv, 0);
	if (strcmp(sub, "list") == 0)
		return user_list(ctl, argc, argv);
	return usage();
}
