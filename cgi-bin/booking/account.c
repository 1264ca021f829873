/* booking: a person's own account page and password change. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "handlers.h"
#include "db.h"
#include "form.h"
#include "page.h"
#include "password.h"
#include "response.h"
#include "token.h"

static const char SQL_ACCOUNT[] =
    "SELECT login, display_name, email, role, DATE(created_at)"
    " FROM users WHERE id = ?";
static const char SQL_HASH[] = "SELECT password_hash FROM users WHERE id = ?";
static const char SQL_SET_HASH[] =
    "UPDATE users SET password_hash = ? WHERE id = ?";
/* A new password logs out every other session of that person. */
static const char SQL_END_OTHERS[] =
    "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";

static const struct field password_in[] = {
	{ "current_password",	valid_password_input,	F_REQUIRED | F_SECRET },
	{ "new_password",	valid_new_password,	F_REQUIRED | F_SECRET },
	{ "confirm_password",	valid_password_input,	F_REQUIRED | F_SECRET },
	{ NULL,			NULL,			0 },
};

static int
account_page(struct req *r, int status, const struct form_errors *e)
{
	struct db_rows	*rows;
	struct page	 p;

	if ((rows = db_query(r->app->db, SQL_ACCOUNT,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL)
		return db_failed(r);
	if (rows->nrows != 1 || page_begin(&p, r, "Your account",
	    "account.tpl") == -1) {
		db_rows_free(rows);
		return 500;
	}
	tpl_set(p.body, "LOGIN", db_cell(rows, 0, 0));
	tpl_set(p.body, "NAME", db_cell(rows, 0, 1));
	tpl_set(p.body, "EMAIL", db_cell(rows, 0, 2));
	tpl_set(p.body, "ROLE", strcmp(db_cell(rows, 0, 3), "admin") == 0 ?
	    "administrator" : "user");
	tpl_set(p.body, "SINCE", db_cell(rows, 0, 4));
	db_rows_free(rows);
	if (r->app->cfg->login_header[0] != '\0')
		tpl_show(p.body, "SSO");
	else {
		tpl_show(p.body, "PASSWORD_FORM");
		form_fill(p.body, r, password_in, e);
	}
	if (params_get(&r->query, "changed") != NULL)
		tpl_show(p.body, "CHANGED");
	return page_finish(&p, r, status);
}

int
account_show(struct req *r)
{
	struct form_errors e = { 0 };

	return account_page(r, 200, &e);
}

/* Stores the new hash and ends the other sessions, in one transaction. */
static int
store_password(struct req *r, const char *hash)
{
	unsigned char	current[TOKEN_HASH_LEN];

	token_hash(r->session, current);
	if (db_begin(r->app->db) == -1)
		return db_failed(r);
	if (db_exec(r->app->db, SQL_SET_HASH, DB_ARGS(DB_STR(hash),
	    DB_INT(r->user->id)), NULL) != 1 ||
	    db_exec(r->app->db, SQL_END_OTHERS, DB_ARGS(DB_INT(r->user->id),
	    DB_BLOB(current, sizeof current)), NULL) == -1 ||
	    db_commit(r->app->db) == -1) {
		db_rollback(r->app->db);
		return db_failed(r);
	}
	return 0;
}

int
account_password(struct req *r)
{
	struct form_errors	 e;
	struct db_rows		*rows;
	char			 hash[PASSWORD_HASH_LEN];
	int			 ok, rc;

	if (r->app->cfg->login_header[0] != '\0') {
		r->error = "passwords are managed by single sign-on";
		return 403;
	}
	if (form_check(r, password_in, &e) > 0)
		return account_page(r, 422, &e);
	if (strcmp(params_get(&r->form, "new_password"),
	    params_get(&r->form, "confirm_password")) != 0) {
		form_error(&e, "confirm_password",
		    "This does not match the new password.");
		return account_page(r, 422, &e);
	}
	if ((rows = db_query(r->app->db, SQL_HASH,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL)
		return db_failed(r);
	ok = password_verify(db_cell(rows, 0, 0),
	    params_get(&r->form, "current_password"));
	db_rows_free(rows);
	if (!ok) {
		form_error(&e, "current_password",
		    "That is not your current password.");
		return account_page(r, 422, &e);
	}
	if (password_hash(params_get(&r->form, "new_password"), hash) == -1) {
		r->error = "out of memory hashing a password";
		return 500;
	}
	if ((rc = store_password(r, hash)) != 0)
		return rc;
	return resp_redirect(r, 303, "/account?changed=1");
}
