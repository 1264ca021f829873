/* session: who is making a request (cookie session or single sign-on) and CSRF. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "api.h"
#include "app.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "display.h"
#include "log.h"
#include "response.h"
#include "i18n.h"
#include "policy.h"
#include "session.h"
#include "token.h"

/*
 * What the navigation shows of a person u: unread notices, capped (the
 * 100th of them found, or the few there are; the cap is its one
 * argument), and the epoch under which the worker keeps who decides
 * on a room (as two lookups here, planning them cost every page a tenth
 * of its speed).
 */
#define PERSON_NAVIGATION_SQL						\
    " IF((SELECT n.id FROM notifications n WHERE n.user_id = u.id"	\
    "  AND n.read_at IS NULL ORDER BY n.id LIMIT 1 OFFSET ?) IS NOT NULL,"	\
    " " COUNT_CAP_SQL ", (SELECT COUNT(*)"				\
    "  FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL))"	\
    " AS unread,"							\
    " (SELECT epoch FROM view_epoch WHERE id = 1) AS epoch"

/* A live session: not idle too long, not older than the absolute limit. */
static const char SQL_SESSION[] =
    "SELECT " USER_COLUMNS ", s.csrf_token,"
    " TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), s.expires_at) AS idle_left,"
    PERSON_NAVIGATION_SQL
    " FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.token_hash = ? AND s.expires_at > UTC_TIMESTAMP()"
    " AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND"
    " AND NOT u.disabled";
/* The person the single sign-on header names. */
static const char SQL_HEADER_USER[] =
    "SELECT " USER_COLUMNS "," PERSON_NAVIGATION_SQL
    " FROM users u WHERE u.login = ? AND NOT u.disabled";
/*
 * The deciders' count in the navigation, capped: the queue's index.  Its
 * own query, for deciders' pages only: as a column of the session's,
 * planning it cost every request a third of the session check (measured
 * with mariadb-slap, 14,000 against 19,000 a second), and a decision,
 * answered with a redirect, shows no count.
 */
static const char SQL_WAITING[] =
    "SELECT COUNT(*) AS waiting FROM (SELECT 1 FROM bookings"
    " WHERE status = 'pending' LIMIT " COUNT_CAP_SQL ") w";
/*
 * What waits in a room's approver's rooms (by room and start: pending
 * requests older than a day are expired by then).
 */
static const char SQL_WAITING_MINE[] =
    "SELECT COUNT(*) AS waiting FROM (SELECT 1 FROM bookings"
    " WHERE room_id IN " POLICY_ROOMS_DECIDED_BY " AND status = 'pending'"
    " AND starts_at > UTC_TIMESTAMP() - INTERVAL 1 DAY"
    " LIMIT " COUNT_CAP_SQL ") w";
static const char SQL_TOUCH[] =
    "UPDATE sessions SET expires_at = UTC_TIMESTAMP() + INTERVAL ? SECOND"
    " WHERE token_hash = ?";
static const char SQL_INSERT[] =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)"
    " VALUES (?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND)";
static const char SQL_DELETE[] = "DELETE FROM sessions WHERE token_hash = ?";
/*
 * An API token that is not revoked, of an account that is not disabled.
 * No unread count: JSON answers carry no navigation to show it in.
 */
static const char SQL_BEARER[] =
    "SELECT " USER_COLUMNS ", t.id AS token_id,"
    " t.last_used_at IS NULL OR t.last_used_at < UTC_TIMESTAMP() - INTERVAL 1 MINUTE"
    " AS note_use"
    " FROM api_tokens t JOIN users u ON u.id = t.user_id"
    " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND NOT u.disabled";
static const char SQL_BEARER_USED[] =
    "UPDATE api_tokens SET last_used_at = UTC_TIMESTAMP() WHERE id = ?";
/* Housekeeping on each login, a little at a time. */
static const char SQL_PURGE[] =
    "DELETE FROM sessions WHERE expires_at < UTC_TIMESTAMP() LIMIT 100";

int
session_set_cookie(struct req *r, const char *name, const char *value,
    const char *path, const char *extra)
{
	char	line[256];

	snprintf(line, sizeof line, "%s=%s; Path=%s; HttpOnly%s%s", name, value,
	    path, extra, r->app->cfg->https ? "; Secure" : "");
	return resp_header(r, "Set-Cookie", line) == 0 ? 0 : 500;
}

/*
 * Extends the idle expiry, but not on every request: once a minute is
 * enough (or twice per idle period when that is shorter).  The status
 * program's account is read-only, so it never extends.
 */
static int
touch(struct req *r, const unsigned char *hash, long long idle_left)
{
	int	idle = r->app->cfg->session_idle_seconds;
	int	slack = idle / 2 < 60 ? idle / 2 : 60;

	if (r->app->read_only || idle_left >= idle - slack)
		return 0;
	if (db_exec(r->app->db, SQL_TOUCH, DB_ARGS(DB_INT(idle),
	    DB_BLOB(hash, TOKEN_HASH_LEN)), NULL) == -1)
		return db_failed(r);
	return 0;
}

/* The one number a query about r's person answers, or -1. */
static long long
count_of(struct req *r, const char *sql, const char *column)
{
	struct db_rows	*rows;
	long long	 n, me = r->user->id;

	if ((rows = r->user->admin ? db_query(r->app->db, sql, DB_NOARGS) :
	    db_query(r->app->db, sql, DB_ARGS(DB_INT(me), DB_INT(me)))) ==
	    NULL)
		return -1;
	n = db_get_int(rows, 0, column);
	db_rows_free(rows);
	return n;
}

long long
session_waiting(struct req *r)
{
	long long decides;

	if (r->user == NULL)
		return 0;
	if (r->waiting_read)
		return r->waiting;
	if ((decides = policy_decides_any(r->app->db, r->user)) == -1)
		return -1;
	r->decides = decides > 0;
	r->waiting = !r->decides ? 0 : count_of(r, r->user->admin ?
	    SQL_WAITING : SQL_WAITING_MINE, "waiting");
	if (r->waiting == -1)
		return -1;
	r->waiting_read = 1;
	return r->waiting;
}

/* r's person from a row with USER_COLUMNS and PERSON_NAVIGATION_SQL's. */
static int
person_from_row(struct req *r, const struct db_rows *rows)
{
	user_from_row(&r->user_buf, rows, 0);
	r->user = &r->user_buf;
	r->user_buf.unread = db_get_int(rows, 0, "unread");
	if (!r->user_buf.admin && (r->user_buf.decides =
	    policy_decides_at(r->app->db, db_text(rows, 0, "epoch"),
	    r->user_buf.id)) == -1)
		return db_failed(r);
	return 0;
}

/* The user and form token of the session cookie, if it is live. */
static int
load_cookie_session(struct req *r)
{
	const char	*token = params_get(&r->cookies, SESSION_COOKIE);
	unsigned char	 hash[TOKEN_HASH_LEN];
	struct db_rows	*rows;
	int		 rc = 0;

	if (!token_valid(token))
		return 0;
	token_hash(token, hash);
	if ((rows = db_query(r->app->db, SQL_SESSION,
	    DB_ARGS(DB_INT(COUNT_CAP - 1), DB_BLOB(hash, sizeof hash),
	    DB_INT(r->app->cfg->session_max_seconds)))) == NULL)
		return db_failed(r);
	if (rows->nrows == 1) {
		snprintf(r->csrf, sizeof r->csrf, "%s",
		    db_text(rows, 0, "csrf_token"));
		snprintf(r->session, sizeof r->session, "%s", token);
		if ((rc = person_from_row(r, rows)) == 0)
			rc = touch(r, hash, db_get_int(rows, 0, "idle_left"));
	}
	db_rows_free(rows);
	return rc;
}

/*
 * Single sign-on: the gateway vouches for the login in the header, on
 * every request; a session would add nothing but a row per client that
 * keeps no cookie.  The form token is derived from the person, so only
 * the site can make it, and it is the same on every page and host.
 */
static int
load_header_user(struct req *r)
{
	const char	*login = req_env(r, r->app->cfg->login_param);
	struct db_rows	*rows;
	char		 id[24];
	int		 rc = 0;

	if (login == NULL || *login == '\0')
		return 0;
	if ((rows = db_query(r->app->db, SQL_HEADER_USER,
	    DB_ARGS(DB_INT(COUNT_CAP - 1), DB_STR(login)))) == NULL)
		return db_failed(r);
	if (rows->nrows != 1) {
		r->error = N_("your single sign-on account has no access to "
		    "this site; ask an administrator");
		rc = 403;
	} else if ((rc = person_from_row(r, rows)) == 0) {
		snprintf(id, sizeof id, "%lld", r->user->id);
		token_derive(r->app->cfg->site_key, "single-sign-on", id,
		    r->csrf);
	}
	db_rows_free(rows);
	return rc;
}

/* 401 for a bearer token that does not work, with its reason. */
static int
bad_bearer(struct req *r, const char *error, const char *why)
{
	char value[80];

	snprintf(value, sizeof value, "Bearer error=\"%s\"", error);
	r->error = why;
	return resp_header(r, "WWW-Authenticate", value) == 0 ? 401 : 500;
}

/*
 * /api/: "Authorization: Bearer <token>" and nothing else.  A cookie does
 * not count there, so no page in a browser can make a script's request.
 */
static int
load_bearer(struct req *r)
{
	const char	*h = req_env(r, "HTTP_AUTHORIZATION");
	unsigned char	 hash[TOKEN_HASH_LEN];
	struct db_rows	*rows;
	int		 rc = 0;

	if (h == NULL || *h == '\0')
		return 0;	/* anonymous: the route decides */
	/*
	 * The scheme in any case, then one or more spaces (RFC 9110); the
	 * gateway's rate limit reads the header by the same rule.
	 */
	if (strncasecmp(h, "Bearer ", 7) != 0 ||
	    !token_valid(h + 7 + strspn(h + 7, " ")))
		return bad_bearer(r, "invalid_request", N_("the Authorization "
		    "header must be \"Bearer\" and a token"));
	token_hash(h + 7 + strspn(h + 7, " "), hash);
	if ((rows = db_query(r->app->db, SQL_BEARER,
	    DB_ARGS(DB_BLOB(hash, sizeof hash)))) == NULL)
		return db_failed(r);
	if (rows->nrows != 1) {
		db_rows_free(rows);
		return bad_bearer(r, "invalid_token", N_("this token is unknown "
		    "or revoked"));
	}
	user_from_row(&r->user_buf, rows, 0);
	r->user = &r->user_buf;
	r->bearer = 1;
	/* Last used: at most once a minute, and not by the read side. */
	if (!r->app->read_only && db_get_int(rows, 0, "note_use") &&
	    db_exec(r->app->db, SQL_BEARER_USED,
	    DB_ARGS(DB_INT(db_get_int(rows, 0, "token_id"))), NULL) == -1)
		rc = db_failed(r);
	db_rows_free(rows);
	return rc;
}

_Static_assert(TOKEN_KEY_LEN == CONFIG_KEY_LEN, "the site key is a token key");

/*
 * Before login the cookie holds a random value and the form the keyed
 * hash of it and the client's address.  A plain double submit (form
 * equals cookie) would let anyone who can plant a cookie on this host,
 * e.g. from another port, log a victim in as themselves; here they also
 * need the site's key, and a pair fetched for their own address does not
 * work from the victim's.
 */
static void
prelogin_token(struct req *r, const char *cookie)
{
	const char	*addr = req_env(r, "REMOTE_ADDR");
	char		 text[TOKEN_LEN + 64];

	snprintf(text, sizeof text, "%s %s", cookie, addr != NULL ? addr : "");
	token_derive(r->app->cfg->site_key, "login", text, r->csrf);
}

/*
 * /display/: a door display's credential (its cookie) and nothing else.
 * A person's session does not count there, and the credential counts
 * nowhere else.  Its forms carry a token bound to the credential; a
 * pairing page's, to its link.
 */
static int
load_display(struct req *r)
{
	const char	*credential = params_get(&r->cookies, DISPLAY_COOKIE);
	const char	*key = "/display/pair/";
	char		 today[11];
	int		 found;

	if (local_date(clock_now(), 0, today) == -1)
		return 500;
	if ((found = display_find(r->app->db, credential, today,
	    r->app->read_only, &r->display_buf)) == -1)
		return db_failed(r);
	if (found == 1) {
		r->display = &r->display_buf;
		r->user_buf = r->display_buf.account;
		r->user_buf.decides = 0;
		r->user = &r->user_buf;
		token_derive(r->app->cfg->site_key, "display", credential,
		    r->csrf);
	} else if (strncmp(r->path, key, strlen(key)) == 0 &&
	    token_valid(r->path + strlen(key)))
		token_derive(r->app->cfg->site_key, "display-pair",
		    r->path + strlen(key), r->csrf);
	return 0;
}

int
session_display_paired(struct req *r, const char *credential)
{
	/* Ten years: a screen on a wall is not logged out. */
	return session_set_cookie(r, DISPLAY_COOKIE, credential, DISPLAY_PATH,
	    "; SameSite=Strict; Max-Age=315360000");
}

int
session_load(struct req *r)
{
	const char *pre = params_get(&r->cookies, LOGIN_COOKIE);

	r->user = NULL;
	r->display = NULL;
	r->csrf[0] = r->session[0] = '\0';
	r->bearer = 0;
	if (api_path(r->path))
		return load_bearer(r);
	if (strncmp(r->path, DISPLAY_PATH, strlen(DISPLAY_PATH)) == 0)
		return load_display(r);
	if (token_valid(pre))
		prelogin_token(r, pre);
	/* Without the header nobody is logged in, whatever cookie. */
	if (r->app->cfg->login_header[0] != '\0')
		return load_header_user(r);
	return load_cookie_session(r);
}

int
session_start(struct req *r, const struct user *u)
{
	char		token[TOKEN_LEN], csrf[TOKEN_LEN];
	unsigned char	hash[TOKEN_HASH_LEN];
	int		rc;

	if (r->session[0] != '\0' && (rc = session_end(r)) != 0)
		return rc;
	token_new(token);
	token_new(csrf);
	token_hash(token, hash);
	if (db_exec(r->app->db, SQL_PURGE, DB_NOARGS, NULL) == -1 ||
	    db_exec(r->app->db, SQL_INSERT, DB_ARGS(DB_BLOB(hash, sizeof hash),
	    DB_INT(u->id), DB_STR(csrf),
	    DB_INT(r->app->cfg->session_idle_seconds)), NULL) != 1)
		return db_failed(r);
	r->user_buf = *u;
	r->user = &r->user_buf;
	memcpy(r->csrf, csrf, sizeof r->csrf);
	memcpy(r->session, token, sizeof r->session);
	if ((rc = session_set_cookie(r, SESSION_COOKIE, token, "/",
	    "; SameSite=Lax")) != 0)
		return rc;
	/* The pre-login token has served its purpose. */
	if (params_get(&r->cookies, LOGIN_COOKIE) != NULL)
		return session_set_cookie(r, LOGIN_COOKIE, "", "/login",
		    "; SameSite=Strict; Max-Age=0");
	return 0;
}

int
session_end(struct req *r)
{
	unsigned char	hash[TOKEN_HASH_LEN];

	if (r->session[0] == '\0')
		return 0;
	token_hash(r->session, hash);
	if (db_exec(r->app->db, SQL_DELETE, DB_ARGS(DB_BLOB(hash, sizeof hash)),
	    NULL) == -1)
		return db_failed(r);
	r->session[0] = '\0';
	r->user = NULL;
	return session_set_cookie(r, SESSION_COOKIE, "", "/",
	    "; SameSite=Lax; Max-Age=0");
}

int
session_remember_language(struct req *r, const char *tag)
{
	if (tag == NULL)
		return session_set_cookie(r, LANGUAGE_COOKIE, "", "/",
		    "; SameSite=Lax; Max-Age=0");
	/* A year: a choice of language is not something to make again. */
	return session_set_cookie(r, LANGUAGE_COOKIE, tag, "/",
	    "; SameSite=Lax; Max-Age=31536000");
}

int
session_prelogin(struct req *r)
{
	char cookie[TOKEN_LEN];

	if (r->user != NULL || r->csrf[0] != '\0')
		return 0;
	token_new(cookie);
	prelogin_token(r, cookie);
	return session_set_cookie(r, LOGIN_COOKIE, cookie, "/login",
	    "; SameSite=Strict; Max-Age=86400");
}

void
session_form_token(const struct req *r, char out[TOKEN_LEN])
{
	if (r->csrf[0] == '\0' || r->app == NULL)
		out[0] = '\0';
	else
		token_issue(r->app->cfg->site_key, "form", r->csrf, out);
}

void
session_request_token(const struct req *r, char out[TOKEN_LEN])
{
	token_issue(r->app->cfg->site_key, "request", r->csrf, out);
}

int
session_request_token_ours(const struct req *r, const char *token)
{
	return token_was_issued(r->app->cfg->site_key, "request", r->csrf,
	    token);
}

int
session_csrf_ok(const struct req *r)
{
	return r->csrf[0] != '\0' && params_count(&r->form, CSRF_FIELD) == 1 &&
	    token_was_issued(r->app->cfg->site_key, "form", r->csrf,
	    params_get(&r->form, CSRF_FIELD));
}
