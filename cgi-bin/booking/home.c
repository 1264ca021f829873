/* booking: the home page, with today's figures read from the database. */
#include <time.h>

#include "app.h"
#include "handlers.h"
#include "clock.h"
#include "db.h"
#include "i18n.h"
#include "page.h"

/*
 * One round trip for all the figures on the page.  A booking lies inside
 * one day's opening hours, so today's are those starting today: an index
 * range of one day, however many bookings there are.  Requests awaiting
 * approval are counted up to a cap, shown as "100+": a long queue should
 * not slow down everyone's landing page.
 */
#define PENDING_CAP	100
#define PENDING_CAP_SQL	"100"
static const char SQL_TODAY[] =
    "SELECT (SELECT COUNT(*) FROM rooms) AS rooms,"
    " (SELECT COUNT(*) FROM rooms WHERE status = 'available')"
    "   AS rooms_available,"
    " (SELECT COUNT(*) FROM bookings WHERE status IN ('pending','confirmed')"
    "   AND starts_at >= ? AND starts_at < ?) AS bookings_today,"
    " (SELECT COUNT(*) FROM (SELECT 1 FROM bookings WHERE status = 'pending'"
    "   LIMIT " PENDING_CAP_SQL ") capped) AS pending";

int
home_show(struct req *r)
{
	char		 day0[SQL_TIME_LEN], day1[SQL_TIME_LEN];
	struct db_rows	*rows;
	struct page	 p;

	if (local_day_utc(clock_now(), day0, day1) == -1) {
		r->error = "cannot compute today's bounds";
		return 500;
	}
	if ((rows = db_query(r->app->db, SQL_TODAY,
	    DB_ARGS(DB_STR(day0), DB_STR(day1)))) == NULL)
		return db_failed(r);
	if (page_begin(&p, r, T(r, "Home"), "home.tpl") == -1) {
		db_rows_free(rows);
		return 500;
	}
	tpl_set(p.body, "ROOMS", db_get(rows, 0, "rooms"));
	tpl_set(p.body, "ROOMS_AVAILABLE", db_get(rows, 0, "rooms_available"));
	tpl_set(p.body, "BOOKINGS_TODAY", db_get(rows, 0, "bookings_today"));
	if (db_get_int(rows, 0, "pending") >= PENDING_CAP)
		tpl_set(p.body, "PENDING", PENDING_CAP_SQL "+");
	else
		tpl_set(p.body, "PENDING", db_get(rows, 0, "pending"));
	db_rows_free(rows);
	return page_finish(&p, r, 200);
}
