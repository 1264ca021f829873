/* room: the list of rooms. */
#include <string.h>

#include "app.h"
#include "db.h"
#include "page.h"
#include "handlers.h"

static const char SQL_ROOMS[] =
    "SELECT id, name, location, capacity, description, status,"
    " unavailable_reason FROM rooms ORDER BY location, name";

int
rooms_list(struct req *r)
{
	struct db_rows	*rows;
	struct page	 p;

	if ((rows = db_query(r->app->db, SQL_ROOMS, DB_NOARGS)) == NULL)
		return db_failed(r);
	if (page_begin(&p, r, "Rooms", "rooms.tpl") == -1) {
		db_rows_free(rows);
		return 500;
	}
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *room = tpl_section(p.body, "ROOM");

		tpl_set(room, "ID", db_cell(rows, i, 0));
		tpl_set(room, "NAME", db_cell(rows, i, 1));
		tpl_set(room, "LOCATION", db_cell(rows, i, 2));
		tpl_set(room, "CAPACITY", db_cell(rows, i, 3));
		tpl_set(room, "DESCRIPTION", db_cell(rows, i, 4));
		if (strcmp(db_cell(rows, i, 5), "available") == 0)
			tpl_show(room, "AVAILABLE");
		else {
			tpl_show(room, "UNAVAILABLE");
			tpl_set(room, "REASON", db_cell(rows, i, 6));
		}
	}
	if (rows->nrows == 0)
		tpl_show(p.body, "NO_ROOMS");
	db_rows_free(rows);
	return page_finish(&p, r, 200);
}
