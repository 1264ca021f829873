/* booking: logging in and out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "handlers.h"
#include "i18n.h"
#include "db.h"
#include "fields.h"
#include "log.h"
#include "page.h"
#include "password.h"
#include "response.h"
#include "session.h"

static const char SQL_CREDENTIALS[] =
    "SELECT " USER_COLUMNS ", u.password_hash, u.disabled"
    " FROM users u WHERE u.login = ?";

/* The same message whether the login or the password was wrong. */
#define LOGIN_FAILED	N_("The login or password is not correct.")

/*
 * Where to go after logging in: a path on this site, never another site
 * ("//evil.example", "/\evil.example", "https://...").
 */
static const char *
safe_next(const char *next)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    strchr(next, '\\') != NULL || strpbrk(next, "\r\n\t") != NULL)
		return "/";
	return next;
}

static int
in_header_mode(const struct req *r)
{
	return r->app->cfg->login_header[0] != '\0';
}

/*
 * The login page; status is 200, or 401/422 after a failed attempt.  next
 * is where to go after logging in; bye, whether one just logged out.
 */
static int
login_page(struct req *r, int status, const char *next, int bye)
{
	struct page	p;

	if (page_begin(&p, r, T(r, "Log in"), "login.tpl") == -1)
		return 500;
	tpl_show(p.body, "FORM");
	/* The language switch comes back here, ?next= and all. */
	page_language_choices(p.body, "LANGUAGE", r->lang);
	tpl_set_global(p.root, "BACK", r->method == M_GET && req_env(r,
	    "REQUEST_URI") != NULL ? req_env(r, "REQUEST_URI") : "/login");
	input_fill(p.body, r, login_in);
	/* The cursor starts in the login, unless only the password is amiss. */
	if (!(r->errors.n == 1 && strcmp(r->errors.v[0].field,
	    "password") == 0))
		tpl_show(p.body, "LOGIN_FIRST");
	tpl_set(p.body, "NEXT", safe_next(next));
	if (r->refused && r->error_field == NULL)
		tpl_set(tpl_section(p.body, "FAILED"), "MESSAGE", r->error);
	if (bye)
		tpl_show(p.body, "LOGGED_OUT");
	return page_finish(&p, r, status);
}

int
login_form_again(struct req *r, int status)
{
	/* Where to go afterwards, as the refused form carried it. */
	return login_page(r, status, params_get(&r->form, "next"), 0);
}

int
login_form(struct req *r)
{
	struct input	q;
	struct page	p;
	int		rc;

	if ((rc = input_query(r, login_query, &q)) != 0)
		return rc;
	if (in_header_mode(r)) {
		if (r->user != NULL)
			return resp_redirect(r, 303,
			    safe_next(input_text(&q, "next")));
		if (page_begin(&p, r, T(r, "Log in"), "login.tpl") == -1)
			return 500;
		tpl_show(p.body, "SSO");
		return page_finish(&p, r, 401);
	}
	if ((rc = session_prelogin(r)) != 0)
		return rc;
	return login_page(r, 200, input_text(&q, "next"), input_given(&q,
	    "bye"));
}

int
login_submit(struct req *r)
{
	struct input	 in;
	struct db_rows	*rows;
	struct user	 u;
	const char	*hash = NULL;
	int		 ok, rc;

	if (in_header_mode(r))
		return resp_redirect(r, 303, "/login");
	if ((rc = input_form(r, login_in, &in)) != 0)
		return rc;
	if ((rows = db_query(r->app->db, SQL_CREDENTIALS,
	    DB_ARGS(DB_STR(input_text(&in, "login"))))) == NULL)
		return db_failed(r);
	if (rows->nrows == 1) {
		user_from_row(&u, rows, 0);
		hash = db_get(rows, 0, "password_hash");
	}
	/* An unknown login is checked against a dummy hash: same time. */
	ok = password_verify(hash, input_text(&in, "password")) &&
	    db_get_int(rows, 0, "disabled") == 0;
	db_rows_free(rows);
	if (!ok) {
		log_info(r->rid, "login failed%s", hash != NULL ?
		    " (known login)" : "");
		return req_refuse(r, 401, LOGIN_FAILED, NULL);
	}
	if ((rc = session_start(r, &u)) != 0)
		return rc;
	log_info(r->rid, "login: user %lld", u.id);
	return resp_redirect(r, 303, safe_next(input_text(&in, "next")));
}

int
logout(struct req *r)
{
	int	rc;

	if ((rc = session_end(r)) != 0)
		return rc;
	return resp_redirect(r, 303, "/login?bye=1");
}

int
language_choose(struct req *r)
{
	struct input	q;
	int		rc;

	if ((rc = input_query(r, language_query, &q)) != 0)
		return rc;
	if ((rc = session_remember_language(r, i18n_known(input_text(&q,
	    "set")))) != 0)
		return rc;
	return resp_redirect(r, 303, safe_next(input_text(&q, "next")));
}
