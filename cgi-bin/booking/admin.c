/* booking: the administrators' start page. */
#include "app.h"
#include "handlers.h"
#include "db.h"
#include "page.h"

static const char SQL_PEOPLE[] =
    "SELECT u.login, u.display_name, u.email, u.role, u.disabled,"
    " (SELECT COUNT(*) FROM sessions s WHERE s.user_id = u.id"
    "  AND s.expires_at > UTC_TIMESTAMP())"
    " FROM users u ORDER BY u.login";

int
admin_home(struct req *r)
{
	struct db_rows	*rows;
	struct page	 p;

	if ((rows = db_query(r->app->db, SQL_PEOPLE, DB_NOARGS)) == NULL)
		return db_failed(r);
	if (page_begin(&p, r, "Administration", "admin.tpl") == -1) {
		db_rows_free(rows);
		return 500;
	}
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *u = tpl_section(p.body, "PERSON");

		tpl_set(u, "LOGIN", db_cell(rows, i, 0));
		tpl_set(u, "NAME", db_cell(rows, i, 1));
		tpl_set(u, "EMAIL", db_cell(rows, i, 2));
		tpl_set(u, "ROLE", db_cell(rows, i, 3));
		tpl_set(u, "STATE", db_cell_int(rows, i, 4) ? "disabled" :
		    "active");
		tpl_set(u, "SESSIONS", db_cell(rows, i, 5));
	}
	db_rows_free(rows);
	return page_finish(&p, r, 200);
}
