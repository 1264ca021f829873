/* booking: a person's API tokens: make one (shown once), see them, revoke. */
#include <stdio.h>
#include <string.h>

#include "apitoken.h"
#include "app.h"
#include "db.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "page.h"
#include "response.h"

static const char SQL_MINE[] =
    "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens"
    " WHERE user_id = ? ORDER BY id DESC LIMIT 100";

/* The page; made, if set, is a new token's text, shown this once. */
static int
tokens_page(struct req *r, int status, const char *made)
{
	struct db_rows	*rows;
	struct page	 p;

	if ((rows = db_query(r->app->db, SQL_MINE,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL)
		return db_failed(r);
	if (page_begin(&p, r, T(r, "API tokens"), "tokens.tpl") == -1) {
		db_rows_free(rows);
		return 500;
	}
	input_fill(p.body, r, token_in);
	if (made != NULL)
		tpl_set(tpl_section(p.body, "MADE"), "TOKEN", made);
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *t = tpl_section(p.body, "TOKEN_ROW");

		tpl_set(t, "ID", db_get(rows, i, "id"));
		tpl_set(t, "NAME", db_get(rows, i, "name"));
		page_set_time(t, r->lang, "CREATED", db_get(rows, i,
		    "created_at"));
		if (db_get(rows, i, "last_used_at") != NULL)
			page_set_time(t, r->lang, "USED", db_get(rows, i,
			    "last_used_at"));
		else
			tpl_set(t, "USED", T(r, "never"));
		if (db_get(rows, i, "revoked_at") != NULL)
			page_set_time(tpl_section(t, "REVOKED"), r->lang, "AT",
			    db_get(rows, i, "revoked_at"));
		else
			tpl_show(t, "LIVE");
	}
	if (rows->nrows == 0)
		tpl_show(p.body, "NO_TOKENS");
	db_rows_free(rows);
	return page_finish(&p, r, status);
}

int
tokens_show(struct req *r)
{
	return tokens_page(r, 200, NULL);
}

int
tokens_form_again(struct req *r, int status)
{
	return tokens_page(r, status, NULL);
}

int
tokens_create(struct req *r)
{
	struct input	in;
	char		token[TOKEN_LEN];
	long long	id;
	int		rc;

	if ((rc = input_form(r, token_in, &in)) != 0)
		return rc;
	if (apitoken_create(r->app->db, r->user->id, input_text(&in, "name"),
	    token, &id) == -1)
		return db_failed(r);
	log_info(r->rid, "API token %lld made by user %lld", id, r->user->id);
	/* Shown in this answer only; a reload shows the list without it. */
	params_free(&r->form);
	return tokens_page(r, 201, token);
}

int
tokens_revoke(struct req *r)
{
	switch (apitoken_revoke(r->app->db, route_arg_id(r, 0), r->user->id)) {
	case 1:
		return resp_redirect(r, 303, "/account/tokens");
	case 0:
		return req_refuse(r, 404, "no such token, or it is revoked "
		    "already", NULL);
	default:
		return db_failed(r);
	}
}
