/* booking: a person's own account page and password change. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "apitoken.h"
#include "app.h"
#include "clock.h"
#include "handlers.h"
#include "i18n.h"
#include "db.h"
#include "delegate.h"
#include "fields.h"
#include "page.h"
#include "password.h"
#include "log.h"
#include "response.h"
#include "session.h"
#include "token.h"
#include "user.h"

static const char SQL_ACCOUNT[] =
    "SELECT login, display_name, email, role, DATE(created_at) AS since,"
    " mail_wants FROM users WHERE id = ?";
static const char SQL_SET_MAIL[] =
    "UPDATE users SET mail_wants = ? WHERE id = ?";
static const char SQL_HASH[] = "SELECT password_hash FROM users WHERE id = ?";
static const char SQL_SET_HASH[] =
    "UPDATE users SET password_hash = ? WHERE id = ?";
/*
 * A new password ends every session of that person (this one starts
 * again under a new id) and, unless they keep them, their API tokens.
 */
static const char SQL_END_SESSIONS[] = "DELETE FROM sessions WHERE user_id = ?";
static const char SQL_SET_LANGUAGE[] =
    "UPDATE users SET language = ? WHERE id = ?";
static const char SQL_SET_ZONE[] =
    "UPDATE users SET time_zone = ? WHERE id = ?";
/* A new PIN; the wrong ones typed before it count no more. */
static const char SQL_SET_PIN[] =
    "UPDATE users SET pin_hash = ?, pin_failures = 0, pin_failed_at = NULL"
    " WHERE id = ?";

/* The person's delegates, and those who named them theirs; 0 or -1. */
static int
fill_delegates(struct req *r, struct tpl *d)
{
	struct db_rows *mine, *theirs;

	if ((mine = delegate_list(r->app->db, r->user->id)) == NULL)
		return -1;
	if ((theirs = delegate_principals(r->app->db, r->user->id)) == NULL) {
		db_rows_free(mine);
		return -1;
	}
	for (size_t i = 0; i < mine->nrows; i++) {
		struct tpl *row = tpl_section(d, "DELEGATE_ROW");

		tpl_set(row, "ID", db_get(mine, i, "id"));
		tpl_set(row, "NAME", db_get(mine, i, "display_name"));
		tpl_set(row, "LOGIN", db_get(mine, i, "login"));
	}
	if (mine->nrows == 0)
		tpl_show(d, "NO_DELEGATES");
	for (size_t i = 0; i < theirs->nrows; i++)
		tpl_set(tpl_section(tpl_section(d, "FOR_OTHERS"), "PRINCIPAL"),
		    "NAME", db_get(theirs, i, "display_name"));
	input_fill(d, r, delegate_in);
	db_rows_free(mine);
	db_rows_free(theirs);
	return 0;
}

/* Each kind of mail, ticked when wanted ("requests,decisions,..."). */
static void
fill_mail_choices(struct tpl *d, const char *wants)
{
	char	key[32];

	for (size_t i = 0; mail_choice_in[i] != NULL; i++) {
		const char	*name = mail_choice_in[i]->name;
		const char	*at = strstr(wants, name);
		size_t		 n = strlen(name);

		/* A whole word of the set, not part of another. */
		if (at != NULL && (at == wants || at[-1] == ',') &&
		    (at[n] == '\0' || at[n] == ',')) {
			snprintf(key, sizeof key, "WANTS_%s", name);
			for (char *k = key; *k != '\0'; k++)
				*k = (char)toupper((unsigned char)*k);
			tpl_show(d, key);
		}
	}
}

/*
 * The page; after a refused change, the form again with its errors;
 * changed, if set, is what the last change did: the password ("1", or
 * "tokens" too) or the language.
 */
static int
account_page(struct req *r, int status, const char *changed)
{
	struct db_rows	*rows;
	struct page	 p;

	if ((rows = db_query(r->app->db, SQL_ACCOUNT,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL)
		return db_failed(r);
	if (rows->nrows != 1 || page_begin(&p, r, T(r, "Your account"),
	    "account.tpl") == -1) {
		db_rows_free(rows);
		return 500;
	}
	tpl_set(p.body, "LOGIN", db_get(rows, 0, "login"));
	tpl_set(p.body, "NAME", db_get(rows, 0, "display_name"));
	tpl_set(p.body, "EMAIL", db_get(rows, 0, "email"));
	tpl_set(p.body, "ROLE", strcmp(db_get(rows, 0, "role"), "admin") == 0 ?
	    T(r, "administrator") : T(r, "user"));
	tpl_set(p.body, "SINCE", db_get(rows, 0, "since"));
	fill_mail_choices(p.body, db_text(rows, 0, "mail_wants"));
	db_rows_free(rows);
	if (fill_delegates(r, p.body) == -1) {
		page_discard(&p);
		return db_failed(r);
	}
	if (r->app->cfg->login_header[0] != '\0')
		tpl_show(p.body, "SSO");
	else {
		tpl_show(p.body, "PASSWORD_FORM");
		/* Each form its own errors: the delegate's are not these. */
		if (input_field_of(delegate_in, r->error_field) == NULL)
			input_fill(p.body, r, password_in);
		/* The box to revoke one's API tokens: ticked unless unticked. */
		if (r->method == M_GET || params_get(&r->form,
		    "revoke_tokens") != NULL)
			tpl_show(p.body, "REVOKE_TOKENS_ON");
	}
	page_language_choices(p.body, "LANGUAGE_CHOICE", r->user->language);
	input_fill(p.body, r, language_in);
	/* The zone as saved, unless a refused one comes back to be fixed. */
	input_fill(p.body, r, zone_in);
	if (params_get(&r->form, "time_zone") == NULL)
		tpl_set(p.body, "TIME_ZONE", r->user->time_zone);
	tpl_set(p.body, "SITE_TIME_ZONE", clock_site_zone());
	if (changed != NULL && strcmp(changed, "language") == 0)
		tpl_show(p.body, "LANGUAGE_SAVED");
	else if (changed != NULL && strcmp(changed, "zone") == 0)
		tpl_show(p.body, "ZONE_SAVED");
	else if (changed != NULL && strcmp(changed, "mail") == 0)
		tpl_show(p.body, "MAIL_SAVED");
	else if (changed != NULL && strcmp(changed, "delegates") == 0)
		tpl_show(p.body, "DELEGATES_SAVED");
	else if (changed != NULL && strcmp(changed, "pin") == 0)
		tpl_show(p.body, "PIN_SAVED");
	else if (changed != NULL) {
		tpl_show(p.body, "CHANGED");
		if (strcmp(changed, "tokens") == 0)
			tpl_show(p.body, "TOKENS_REVOKED");
	}
	return page_finish(&p, r, status);
}

int
account_show(struct req *r)
{
	struct input	q;
	int		rc;

	if ((rc = input_query(r, account_query, &q)) != 0)
		return rc;
	return account_page(r, 200, input_text(&q, "changed"));
}

/*
 * One of the person's settings, from its form's one field: stored (NULL
 * when left empty: the default applies again) and handed to *value.
 * Returns 0, or the status to answer.
 */
static int
save_setting(struct req *r, const struct input_field *const *fields,
    const char *sql, const char **value)
{
	struct input	in;
	int		rc;

	if ((rc = input_form(r, fields, &in)) != 0)
		return rc;
	*value = input_text(&in, fields[0]->name);
	if (db_exec(r->app->db, sql, DB_ARGS(*value != NULL ? DB_STR(*value) :
	    DB_NULL, DB_INT(r->user->id)), NULL) == -1)
		return db_failed(r);
	return 0;
}

int
account_language(struct req *r)
{
	const char	*tag;
	int		 rc;

	/* None chosen: the browser's language applies again. */
	if ((rc = save_setting(r, language_in, SQL_SET_LANGUAGE, &tag)) != 0)
		return rc;
	/* The gateway's own pages know only the browser: tell it too. */
	if ((rc = session_remember_language(r, i18n_known(tag))) != 0)
		return rc;
	return resp_redirect(r, 303, "/account?changed=language");
}

int
account_zone(struct req *r)
{
	const char	*zone;
	int		 rc;

	/* None given: the site's zone applies again. */
	if ((rc = save_setting(r, zone_in, SQL_SET_ZONE, &zone)) != 0)
		return rc;
	return resp_redirect(r, 303, "/account?changed=zone");
}

int
account_pin(struct req *r)
{
	struct input	in;
	char		hash[PASSWORD_HASH_LEN];
	int		rc;

	if ((rc = input_form(r, pin_in, &in)) != 0)
		return rc;
	if (strcmp(input_text(&in, "pin"), input_text(&in, "pin_again")) != 0)
		return req_refuse(r, 422, "This does not match the PIN.",
		    "pin_again");
	/* Kept as a password is: a stolen table gives no PIN away. */
	if (password_hash(input_text(&in, "pin"), hash) == -1) {
		r->error = "out of memory hashing a PIN";
		return 500;
	}
	if (db_exec(r->app->db, SQL_SET_PIN, DB_ARGS(DB_STR(hash),
	    DB_INT(r->user->id)), NULL) == -1)
		return db_failed(r);
	return resp_redirect(r, 303, "/account?changed=pin#check-in-pin");
}

int
account_mail(struct req *r)
{
	struct input	in;
	char		wants[80] = "";
	int		rc;

	if ((rc = input_form(r, mail_choice_in, &in)) != 0)
		return rc;
	for (size_t i = 0; mail_choice_in[i] != NULL; i++)
		if (input_int(&in, mail_choice_in[i]->name))
			snprintf(wants + strlen(wants), sizeof wants -
			    strlen(wants), "%s%s", wants[0] != '\0' ? "," : "",
			    mail_choice_in[i]->name);
	if (db_exec(r->app->db, SQL_SET_MAIL, DB_ARGS(DB_STR(wants),
	    DB_INT(r->user->id)), NULL) == -1)
		return db_failed(r);
	return resp_redirect(r, 303, "/account?changed=mail#mail");
}

int
account_delegate_add(struct req *r)
{
	struct input	in;
	struct user	u;
	int		rc;

	if ((rc = input_form(r, delegate_in, &in)) != 0)
		return rc;
	if ((rc = user_find_active(r->app->db, input_text(&in, "delegate"),
	    &u)) == -1)
		return db_failed(r);
	if (rc == 0) {
		req_errorf(r, T(r, "No one here has the login “%s”."),
		    input_text(&in, "delegate"));
		return req_refuse(r, 422, r->error, "delegate");
	}
	if (u.id == r->user->id)
		return req_refuse(r, 422, "You act for yourself already; name "
		    "someone else.", "delegate");
	if (delegate_add(r->app->db, r->user->id, u.id) == -1)
		return db_failed(r);
	log_info(r->rid, "user %lld named user %lld their delegate",
	    r->user->id, u.id);
	return resp_redirect(r, 303, "/account?changed=delegates#delegates");
}

int
account_delegate_remove(struct req *r)
{
	long long id = route_arg_id(r, 0);

	if (delegate_remove(r->app->db, r->user->id, id) == -1)
		return db_failed(r);
	log_info(r->rid, "user %lld withdrew user %lld as their delegate",
	    r->user->id, id);
	return resp_redirect(r, 303, "/account?changed=delegates#delegates");
}

int
account_form_again(struct req *r, int status)
{
	return account_page(r, status, NULL);
}

/*
 * Stores the new hash, ends the person's sessions and maybe revokes their
 * tokens, in one transaction; then this browser gets a new session.
 */
static int
store_password(struct req *r, const char *hash, int revoke_tokens)
{
	struct user	me = *r->user;
	int		rc;

	if (db_begin(r->app->db) == -1)
		return db_failed(r);
	if (db_exec(r->app->db, SQL_SET_HASH, DB_ARGS(DB_STR(hash),
	    DB_INT(me.id)), NULL) != 1 ||
	    db_exec(r->app->db, SQL_END_SESSIONS, DB_ARGS(DB_INT(me.id)),
	    NULL) == -1 || (revoke_tokens &&
	    apitoken_revoke_all(r->app->db, me.id) == -1) ||
	    db_commit(r->app->db) == -1) {
		db_rollback(r->app->db);
		return db_failed(r);
	}
	/* The old id may have been seen by someone: it is gone with the rest. */
	r->session[0] = '\0';
	if ((rc = session_start(r, &me)) != 0)
		return rc;
	log_info(r->rid, "user %lld changed their password; sessions ended%s",
	    me.id, revoke_tokens ? ", API tokens revoked" : "");
	return 0;
}

int
account_password(struct req *r)
{
	struct input	 in;
	struct db_rows	*rows;
	char		 hash[PASSWORD_HASH_LEN];
	int		 ok, rc, revoke;

	if (r->app->cfg->login_header[0] != '\0')
		return req_refuse(r, 403, "passwords are managed by single "
		    "sign-on", NULL);
	if ((rc = input_form(r, password_in, &in)) != 0)
		return rc;
	if (strcmp(input_text(&in, "new_password"), input_text(&in,
	    "confirm_password")) != 0)
		return req_refuse(r, 422, "This does not match the new "
		    "password.", "confirm_password");
	if ((rows = db_query(r->app->db, SQL_HASH,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL)
		return db_failed(r);
	ok = password_verify(db_get(rows, 0, "password_hash"),
	    input_text(&in, "current_password"));
	db_rows_free(rows);
	if (!ok)
		return req_refuse(r, 422, "That is not your current password.",
		    "current_password");
	if (password_hash(input_text(&in, "new_password"), hash) == -1) {
		r->error = "out of memory hashing a password";
		return 500;
	}
	revoke = input_int(&in, "revoke_tokens");
	if ((rc = store_password(r, hash, revoke)) != 0)
		return rc;
	return resp_redirect(r, 303, revoke ? "/account?changed=tokens" :
	    "/account?changed=1");
}
