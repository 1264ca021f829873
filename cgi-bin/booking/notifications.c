/* booking: a person's notifications. */
#include <time.h>

#include "app.h"
#include "clock.h"
#include "db.h"
#include "handlers.h"
#include "i18n.h"
#include "page.h"
#include "response.h"
#include "words.h"

static const char SQL_MINE[] =
    "SELECT id, message, kind, facts, created_at, read_at IS NULL AS unread,"
    " booking_id"
    " FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT 100";
static const char SQL_READ_ALL[] =
    "UPDATE notifications SET read_at = UTC_TIMESTAMP()"
    " WHERE user_id = ? AND read_at IS NULL";

int
notifications_list(struct req *r)
{
	struct db_rows	*rows;
	struct page	 p;
	int		 unread = 0;

	if ((rows = db_query(r->app->db, SQL_MINE,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL)
		return db_failed(r);
	if (page_begin(&p, r, T(r, "Notifications"),
	    "notifications.tpl") == -1) {
		db_rows_free(rows);
		return 500;
	}
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl	*n = tpl_section(p.body, "NOTE");
		char		 text[2048];

		tpl_set(n, "MESSAGE", words_notice(r->lang, db_get(rows, i,
		    "kind"), db_get(rows, i, "facts"), db_get(rows, i,
		    "message"), text, sizeof text));
		page_set_time(n, r->lang, "AT", db_get(rows, i, "created_at"));
		if (db_get_int(rows, i, "unread")) {
			tpl_show(n, "UNREAD");
			unread = 1;
		}
		if (db_get(rows, i, "booking_id") != NULL)
			tpl_set(tpl_section(n, "BOOKING"), "ID",
			    db_get(rows, i, "booking_id"));
	}
	if (rows->nrows == 0)
		tpl_show(p.body, "NONE");
	if (unread)
		tpl_show(p.body, "HAS_UNREAD");
	db_rows_free(rows);
	return page_finish(&p, r, 200);
}

int
notifications_read(struct req *r)
{
	if (db_exec(r->app->db, SQL_READ_ALL, DB_ARGS(DB_INT(r->user->id)),
	    NULL) == -1)
		return db_failed(r);
	return resp_redirect(r, 303, "/notifications");
}
