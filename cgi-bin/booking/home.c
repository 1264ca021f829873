/*
 * booking: the home page, saying what matters now: one's next bookings,
 * the rooms free right now (or when rooms open again), and for deciders
 * the requests waiting.
 */
#include <stdio.h>
#include <time.h>

#include "app.h"
#include "booking.h"
#include "handlers.h"
#include "clock.h"
#include "db.h"
#include "i18n.h"
#include "page.h"
#include "rules.h"
#include "session.h"
#include "when.h"
#include "words.h"

static const char SQL_NEXT[] =
    "SELECT b.id, r.name AS room, b.title, b.starts_at, b.ends_at, b.status"
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " WHERE b.user_id = ? AND b.status IN ('pending','confirmed','in_use')"
    " AND b.ends_at > UTC_TIMESTAMP()"
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "UTC_TIMESTAMP()")
    " ORDER BY b.starts_at, b.id LIMIT 3";
/*
 * Every room, and whether it is free now: neither closed nor held.  What
 * holds a slot began within the last day (a booking lies within one
 * day): one index range over all rooms (status, start), found once and
 * joined, where a test per room read each room's whole history (at a
 * million bookings, 0.10 s against 0.02 s).  One query gives both
 * figures.
 */
static const char SQL_ROOMS_NOW[] =
    "SELECT r.id, r.name, r.capacity,"
    " NOT (r.closed_from IS NOT NULL AND r.closed_from <= ?"
    "  AND (r.closed_until IS NULL OR r.closed_until > ?))"
    " AND held.room_id IS NULL AS free_now"
    " FROM rooms r LEFT JOIN (SELECT DISTINCT b.room_id FROM bookings b"
    "  WHERE b.status IN " HOLDS_SLOT " AND b.starts_at <= ? AND b.ends_at > ?"
    "  AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "?") ") held"
    " ON held.room_id = r.id ORDER BY r.name";
static const char SQL_ROOMS[] = "SELECT COUNT(*) AS rooms FROM rooms";

/* Shown by name on the home page; the grid has the rest. */
#define FREE_SHOWN	8

/* The next slot's start from t on the site's grid, for the form. */
static time_t
next_slot(const struct rules *k, time_t t)
{
	time_t step = (time_t)k->slot_minutes * 60;

	return (t / step + 1) * step;	/* zones are whole quarter hours */
}

static int
fill_next(struct req *r, struct tpl *d)
{
	struct db_rows *rows;

	if ((rows = db_query(r->app->db, SQL_NEXT,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL)
		return db_failed(r);
	d = tpl_section(d, "MINE");
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *b = tpl_section(d, "NEXT");

		tpl_set_row(b, rows, i);
		page_set_span(b, r->lang, "WHEN", db_get(rows, i, "starts_at"),
		    db_get(rows, i, "ends_at"));
		tpl_set(b, "STATUS_LABEL", words_state_label(r->lang,
		    db_get(rows, i, "status")));
	}
	if (rows->nrows == 0)
		tpl_show(d, "NO_NEXT");
	db_rows_free(rows);
	return 0;
}

/* The rooms free now, or, outside opening hours, when rooms open. */
static int
fill_now(struct req *r, struct tpl *d)
{
	const struct rules	*k = &r->app->cfg->rules;
	time_t			 now = clock_now(), opens;
	char			 at[SQL_TIME_LEN], start[INPUT_TIME_LEN];
	char			 when[128], zone[64], said[256];
	long long		 nfree = 0, rooms, shown = 0;
	struct db_rows		*rows;

	if (!rules_open_at(k, now)) {
		/* How many rooms there are, open or closed. */
		if ((rows = db_query(r->app->db, SQL_ROOMS, DB_NOARGS)) == NULL)
			return db_failed(r);
		rooms = db_get_int(rows, 0, "rooms");
		db_rows_free(rows);
		struct tpl *c = tpl_section(d, "CLOSED_NOW");

		tpl_set_int(c, "ROOMS", rooms);
		if ((opens = rules_next_opening(k, now)) != 0) {
			snprintf(said, sizeof said, T(r, "Rooms are closed now; "
			    "they open again %s."), when_format(r->lang, opens,
			    WHEN_MOMENT, when, sizeof when));
			tpl_set(c, "SAID", said);
		} else
			tpl_set(c, "SAID", T(r, "Rooms are closed now."));
		return 0;
	}
	if (sql_time_utc(now, at) == -1)
		return 500;
	if ((rows = db_query(r->app->db, SQL_ROOMS_NOW, DB_ARGS(DB_STR(at),
	    DB_STR(at), DB_STR(at), DB_STR(at), DB_STR(at)))) == NULL)
		return db_failed(r);
	d = tpl_section(d, "OPEN_NOW");
	rooms = (long long)rows->nrows;
	for (size_t i = 0; i < rows->nrows; i++)
		nfree += db_get_int(rows, i, "free_now");
	tpl_set_int(d, "FREE", nfree);
	tpl_set_int(d, "ROOMS", rooms);
	snprintf(said, sizeof said, T(r, "%lld of %lld rooms are free now."),
	    nfree, rooms);
	tpl_set(d, "SAID", said);
	/* The form opens at the next slot, on the site's clock. */
	snprintf(zone, sizeof zone, "%s", clock_zone());
	clock_use_zone(NULL);
	if (local_input_value(next_slot(k, now), start) == -1)
		start[0] = '\0';
	clock_use_zone(zone);
	for (size_t i = 0; i < rows->nrows && shown < FREE_SHOWN; i++) {
		struct tpl *f;

		if (!db_get_int(rows, i, "free_now"))
			continue;
		f = tpl_section(d, "FREE_ROOM");
		tpl_set_row(f, rows, i);
		tpl_set(f, "START", start);
		shown++;
	}
	if (nfree > FREE_SHOWN)
		tpl_set_int(tpl_section(d, "MORE_FREE"), "MORE",
		    nfree - FREE_SHOWN);
	db_rows_free(rows);
	return 0;
}

int
home_show(struct req *r)
{
	struct page	p;
	int		rc;

	if (page_begin(&p, r, T(r, "Home"), "home.tpl") == -1)
		return 500;
	if ((r->user != NULL && (rc = fill_next(r, p.body)) != 0) ||
	    (rc = fill_now(r, p.body)) != 0) {
		page_discard(&p);
		return rc;
	}
	/* Read by page_begin already: administrators and approvers. */
	if (r->user != NULL && r->decides) {
		struct tpl	*w = tpl_section(p.body, "DECIDER");
		long long	 waiting = session_waiting(r);
		char		 count[24], said[128];

		if (waiting == -1) {
			page_discard(&p);
			return db_failed(r);
		}
		user_count_text(waiting, count, sizeof count);
		tpl_set(w, "PENDING", count);
		snprintf(said, sizeof said, T(r, "%s requests are waiting."),
		    count);
		tpl_set(w, "SAID", said);
	}
	return page_finish(&p, r, 200);
}
