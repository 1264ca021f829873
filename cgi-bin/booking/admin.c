/* booking: the administrators' start page. People are listed by name, in
 * the database's Unicode collation: A-Z for Latin names, 가나다 for Hangul. */
#include <string.h>

#include "app.h"
#include "handlers.h"
#include "db.h"
#include "i18n.h"
#include "page.h"

static const char SQL_PEOPLE[] =
    "SELECT u.login, u.display_name, u.email, u.role, u.disabled,"
    " (SELECT COUNT(*) FROM sessions s WHERE s.user_id = u.id"
    "  AND s.expires_at > UTC_TIMESTAMP()) AS sessions"
    " FROM users u ORDER BY u.display_name, u.login";

int
admin_home(struct req *r)
{
	struct db_rows	*rows;
	struct page	 p;

	if ((rows = db_query(r->app->db, SQL_PEOPLE, DB_NOARGS)) == NULL)
		return db_failed(r);
	if (page_begin(&p, r, T(r, "Administration"), "admin.tpl") == -1) {
		db_rows_free(rows);
		return 500;
	}
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *u = tpl_section(p.body, "PERSON");

		tpl_set(u, "LOGIN", db_get(rows, i, "login"));
		tpl_set(u, "NAME", db_get(rows, i, "display_name"));
		tpl_set(u, "EMAIL", db_get(rows, i, "email"));
		tpl_set(u, "ROLE", strcmp(db_get(rows, i, "role"), "admin") ==
		    0 ? T(r, "administrator") : T(r, "user"));
		tpl_set(u, "STATE", db_get_int(rows, i, "disabled") ?
		    T(r, "disabled") : T(r, "active"));
		tpl_set(u, "SESSIONS", db_get(rows, i, "sessions"));
	}
	db_rows_free(rows);
	return page_finish(&p, r, 200);
}
