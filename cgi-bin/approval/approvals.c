/* approval: the queue of pending requests, and deciding on them. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "booking.h"
#include "bookingseries.h"
#include "clock.h"
#include "cursor.h"
#include "db.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "page.h"
#include "policy.h"
#include "refusal.h"
#include "response.h"
#include "when.h"
#include "words.h"

#define QUEUE_MAX	200	/* requests approved at once */
#define QUEUE_PAGE	50	/* requests shown on a page */

/*
 * A page of the queue, soonest first, after the cursor (starts_at, id):
 * driven by (status, starts_at) in index order, no sort, one row more
 * than shown to know whether a page follows.  Left to itself the planner
 * may start from users and sort every pending request (measured: 80 ms
 * instead of 3 ms with 30,000 waiting).
 */
static const char SQL_QUEUE[] =
    "SELECT STRAIGHT_JOIN b.id, r.name AS room, u.display_name AS requester,"
    " b.starts_at, b.ends_at, b.title, b.attendees, b.series_id,"
    " TIMESTAMPDIFF(MINUTE, b.created_at, UTC_TIMESTAMP()) AS waited_minutes,"
    /* What its last change changed, for the decider to see. */
    " (SELECT e.changes FROM booking_events e WHERE e.booking_id = b.id"
    "  AND e.kind = 'changed' ORDER BY e.id DESC LIMIT 1) AS changes"
    " FROM bookings b FORCE INDEX (bookings_status_start)"
    " JOIN rooms r ON r.id = b.room_id"
    " JOIN users u ON u.id = b.user_id"
    " WHERE b.status = 'pending'"
    " AND (b.starts_at > ? OR (b.starts_at = ? AND b.id > ?))"
    /* What this decider decides (administrators: all), in one room? */
    " AND (? OR b.room_id IN " POLICY_ROOMS_DECIDED_BY ")"
    " AND (? = 0 OR b.room_id = ?)"
    /* A series once, where its first waiting date is. */
    " AND (b.series_id IS NULL OR NOT EXISTS (SELECT 1 FROM bookings s"
    "  WHERE s.series_id = b.series_id AND s.status = 'pending'"
    "  AND (s.starts_at < b.starts_at OR (s.starts_at = b.starts_at"
    "  AND s.id < b.id))))"
    " ORDER BY b.starts_at, b.id LIMIT 51";
/* A series' dates waiting for a decision. */
static const char SQL_SERIES_WAITING[] =
    "SELECT id, starts_at, ends_at FROM bookings"
    " WHERE series_id = ? AND status = 'pending' ORDER BY starts_at, id";
_Static_assert(QUEUE_PAGE == 50, "the queue's LIMIT");

/* Where a request is in the queue: its series' first waiting date's. */
static const char SQL_START_OF[] =
    "SELECT s.id, s.starts_at FROM bookings b JOIN bookings s"
    " ON s.id = b.id OR (s.series_id = b.series_id AND s.status = 'pending')"
    " WHERE b.id = ? ORDER BY s.starts_at, s.id LIMIT 1";
static const char SQL_SERIES_START[] =
    "SELECT id, starts_at FROM bookings WHERE series_id = ?"
    " AND status = 'pending' ORDER BY starts_at, id LIMIT 1";

/* Today's no-shows: bookings released because nobody checked in. */
static const char SQL_NO_SHOWS[] =
    "SELECT STRAIGHT_JOIN b.id, r.name AS room, u.display_name AS owner,"
    " b.starts_at, b.ends_at, b.title"
    " FROM bookings b FORCE INDEX (bookings_status_start)"
    " JOIN rooms r ON r.id = b.room_id JOIN users u ON u.id = b.user_id"
    " WHERE b.status = 'released' AND b.starts_at >= ? AND b.starts_at < ?"
    " AND (? OR b.room_id IN " POLICY_ROOMS_DECIDED_BY ")"
    " AND (? = 0 OR b.room_id = ?)"
    " ORDER BY b.starts_at, b.id";
/* The rooms whose queue a decider may pick. */
static const char SQL_ROOMS[] =
    "SELECT id, name FROM rooms WHERE ? OR id IN " POLICY_ROOMS_DECIDED_BY
    " ORDER BY name";

/* The link to the queue's page after the row at index i of rows. */
static int
next_link(struct tpl *d, const struct db_rows *rows, size_t i,
    long long room)
{
	char	url[96];
	time_t	t;

	if (parse_sql_time(db_get(rows, i, "starts_at"), &t) == -1)
		return -1;
	if (room > 0)
		snprintf(url, sizeof url, "/admin/approvals?room=%lld&after="
		    "%lld.%lld", room, (long long)t, db_get_int(rows, i, "id"));
	else
		snprintf(url, sizeof url, "/admin/approvals?after=%lld.%lld",
		    (long long)t, db_get_int(rows, i, "id"));
	tpl_set(tpl_section(d, "NEXT"), "URL", url);
	return 0;
}

/* "5 min", "3 h 20 min", "2 days" (never fewer), in r's language. */
static void
waited(const struct req *r, char *buf, size_t n, long long minutes)
{
	if (minutes < 60)
		snprintf(buf, n, T(r, "%lld min"), minutes);
	else if (minutes < 48 * 60)
		snprintf(buf, n, T(r, "%lld h %lld min"), minutes / 60,
		    minutes % 60);
	else
		snprintf(buf, n, T(r, "%lld days"), minutes / (24 * 60));
}

/* What the queue page says on top after several decisions at once. */
struct queue_news {
	const char	*done;		/* what was done, or NULL */
	const char	*problem;	/* what could not be, or NULL */
	const char	*failed[QUEUE_MAX];	/* each refusal, in words */
	size_t		 nfailed;
};

/* Which page of the queue, and the request a refused denial was of. */
struct queue_at {
	time_t		after;		/* the cursor: start and id */
	long long	after_id;
	long long	error_id;	/* its reason's field to fill, or 0 */
	int		whole_series;	/* the denial of all its dates */
	long long	room;		/* only this room's (0: all) */
};

/* The rooms the decider may pick, the one picked selected. */
static int
room_choice(struct req *r, struct tpl *body, long long picked)
{
	struct db_rows	*rows;
	long long	 me = r->user->id;

	if ((rows = db_query(r->app->db, SQL_ROOMS, DB_ARGS(DB_INT(
	    r->user->admin), DB_INT(me), DB_INT(me)))) == NULL)
		return -1;
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *o = tpl_section(body, "ROOM_CHOICE");

		tpl_set_row(o, rows, i);
		if (db_get_int(rows, i, "id") == picked)
			tpl_show(o, "PICKED");
	}
	if (picked > 0)
		tpl_show(body, "FILTERED");
	db_rows_free(rows);
	return 0;
}

int
decider_only(struct req *r)
{
	int decides = policy_decides_any(r->app->db, r->user);

	if (decides == -1)
		return db_failed(r);
	return decides ? 0 : req_refuse(r, 403, T(r, "Only administrators and "
	    "rooms' approvers decide requests."), NULL);
}

/* A series' waiting dates in its card, each to be denied on its own. */
static int
fill_series(struct req *r, struct tpl *q, long long series,
    const struct queue_at *at)
{
	struct db_rows	*rows;
	struct tpl	*s = tpl_section(q, "SERIES");
	struct tpl	*all = tpl_section(s, "DENY_ALL");
	char		 day[64];
	time_t		 t;

	if ((rows = db_query(r->app->db, SQL_SERIES_WAITING,
	    DB_ARGS(DB_INT(series)))) == NULL)
		return -1;
	tpl_set_int(s, "SERIES_ID", series);
	tpl_set_int(s, "COUNT", (long long)rows->nrows);
	tpl_show(s, rows->nrows == 1 ? "ONE" : "MANY");
	if (rows->nrows > 0 && parse_sql_time(db_get(rows, rows->nrows - 1,
	    "starts_at"), &t) == 0) {
		when_format(r->lang, t, WHEN_DATE, day, sizeof day);
		tpl_set(s, "LAST", day);
	}
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *d = tpl_section(s, "DATE");

		tpl_set_row(d, rows, i);
		page_set_span(d, r->lang, "WHEN", db_get(rows, i, "starts_at"),
		    db_get(rows, i, "ends_at"));
		if (!at->whole_series && db_get_int(rows, i, "id") ==
		    at->error_id) {
			input_fill(d, r, deny_in);
			tpl_show(s, "ERR_DATE");
		}
	}
	/* One date left: its card's own form is the one to mark. */
	if ((at->whole_series || rows->nrows == 1) && rows->nrows > 0 &&
	    db_get_int(rows, 0, "id") == at->error_id)
		input_fill(all, r, deny_in);
	db_rows_free(rows);
	return 0;
}

/*
 * The queue; news says what the last decisions did.  A refused deny
 * comes back with r->errors at that request (at->error_id).
 */
static int
queue_page(struct req *r, int status, const struct queue_news *news,
    const struct queue_at *at)
{
	struct db_rows	*rows, *gone = NULL;
	struct page	 p;
	long long	 me = r->user->id;
	int		 admin = r->user->admin;
	char		 day0[SQL_TIME_LEN], day1[SQL_TIME_LEN];
	char		 from[SQL_TIME_LEN];
	size_t		 shown;

	if (local_day_utc(clock_now(), day0, day1) == -1 ||
	    sql_time_utc(at->after, from) == -1)
		return 500;
	if ((rows = db_query(r->app->db, SQL_QUEUE, DB_ARGS(DB_STR(from),
	    DB_STR(from), DB_INT(at->after_id), DB_INT(admin), DB_INT(me),
	    DB_INT(me), DB_INT(at->room), DB_INT(at->room)))) == NULL ||
	    (gone = db_query(r->app->db, SQL_NO_SHOWS, DB_ARGS(DB_STR(day0),
	    DB_STR(day1), DB_INT(admin), DB_INT(me), DB_INT(me),
	    DB_INT(at->room), DB_INT(at->room)))) == NULL) {
		db_rows_free(rows);
		return db_failed(r);
	}
	if (page_begin(&p, r, T(r, "Approvals"), "approvals.tpl") == -1) {
		db_rows_free(rows);
		db_rows_free(gone);
		return 500;
	}
	if (room_choice(r, p.body, at->room) == -1) {
		db_rows_free(rows);
		db_rows_free(gone);
		page_discard(&p);
		return db_failed(r);
	}
	for (size_t i = 0; i < gone->nrows; i++) {
		struct tpl *n = tpl_section(p.body, "NO_SHOW");

		tpl_set_row(n, gone, i);
		page_set_span(n, r->lang, "WHEN", db_get(gone, i, "starts_at"),
		    db_get(gone, i, "ends_at"));
	}
	if (gone->nrows == 0)
		tpl_show(p.body, "NO_NO_SHOWS");
	db_rows_free(gone);
	shown = rows->nrows < QUEUE_PAGE ? rows->nrows : QUEUE_PAGE;
	for (size_t i = 0; i < shown; i++) {
		struct tpl	*q = tpl_section(p.body, "REQUEST");
		char		 wait[32];

		tpl_set_row(q, rows, i);
		page_set_span(q, r->lang, "WHEN", db_get(rows, i, "starts_at"),
		    db_get(rows, i, "ends_at"));
		waited(r, wait, sizeof wait,
		    db_get_int(rows, i, "waited_minutes"));
		tpl_set(q, "WAITED", wait);
		if (db_get(rows, i, "changes") != NULL) {
			char said[2000];

			tpl_set(tpl_section(q, "CHANGED"), "TEXT",
			    words_change_text(r->lang, db_get(rows, i,
			    "changes"), said, sizeof said));
		}
		if (db_get(rows, i, "series_id") != NULL) {
			if (fill_series(r, q, db_get_int(rows, i, "series_id"),
			    at) == -1) {
				db_rows_free(rows);
				page_discard(&p);
				return db_failed(r);
			}
			continue;
		}
		tpl_show(q, "SINGLE");
		if (db_get_int(rows, i, "id") == at->error_id)
			input_fill(q, r, deny_in);
	}
	if (rows->nrows == 0 && at->after_id == 0)
		tpl_show(p.body, "NONE");
	else if (rows->nrows == 0)
		tpl_show(p.body, "NONE_LATER");
	else
		tpl_show(p.body, "TICKED");
	if (at->after_id != 0)
		tpl_show(p.body, "FIRST");
	if (rows->nrows > QUEUE_PAGE && next_link(p.body, rows, shown - 1,
	    at->room) == -1) {
		db_rows_free(rows);
		page_discard(&p);
		return 500;
	}
	if (news != NULL && news->done != NULL)
		tpl_set(tpl_section(p.body, "DONE"), "MESSAGE", news->done);
	if (news != NULL && news->problem != NULL) {
		struct tpl *x = tpl_section(p.body, "PROBLEM");

		tpl_set(x, "MESSAGE", news->problem);
		if (news->nfailed > 0)
			x = tpl_section(x, "SOME_FAILED");
		for (size_t i = 0; i < news->nfailed; i++)
			tpl_set(tpl_section(x, "FAILED"), "TEXT",
			    news->failed[i]);
	}
	if (at->error_id != 0 && r->errors.n > 0)
		tpl_set(tpl_section(p.body, "PROBLEM"), "MESSAGE", T(r,
		    "A denial needs a reason; the person who asked will see "
		    "it."));
	db_rows_free(rows);
	return page_finish(&p, r, status);
}

int
approvals_list(struct req *r)
{
	struct input	 q;
	struct queue_news news = { 0 };
	struct queue_at	 at = { 0 };
	const char	*after;
	int		 rc;

	if ((rc = input_query(r, approvals_query, &q)) != 0)
		return rc;
	if ((rc = decider_only(r)) != 0)
		return rc;
	at.room = input_given(&q, "room") ? input_int(&q, "room") : 0;
	if ((after = input_text(&q, "after")) != NULL && (rc = cursor_read(r,
	    "after", cursor_damaged, after, &at.after, &at.after_id)) != 0)
		return rc;
	news.done = input_text(&q, "done");
	if (news.done != NULL && strcmp(news.done, "approved") == 0)
		news.done = T(r, "The booking is confirmed; the person who "
		    "asked has been told.");
	else if (news.done != NULL && strcmp(news.done, "denied") == 0)
		news.done = T(r, "The request is denied; the person who asked "
		    "has been told why.");
	else if (news.done != NULL && strcmp(news.done,
	    "series_approved") == 0)
		news.done = T(r, "Every waiting date of the series is "
		    "confirmed; the person who asked has been told.");
	else if (news.done != NULL)
		news.done = T(r, "Every waiting date of the series is denied; "
		    "the person who asked has been told why.");
	return queue_page(r, 200, &news, &at);
}

/* A ticked request's id: digits only, a booking's number; else 0. */
static long long
ticked_id(const char *s)
{
	long long v = 0;

	if (s == NULL || *s == '\0' || strspn(s, "0123456789") != strlen(s) ||
	    strlen(s) > 15)
		return 0;
	for (; *s != '\0'; s++)
		v = v * 10 + (*s - '0');
	return v;
}

int
approval_approve_ticked(struct req *r)
{
	static const struct queue_at first_page = { 0 };
	struct queue_news	 news = { 0 };
	struct booking_outcome	 o;
	struct refusal		 why;
	long long		 ids[QUEUE_MAX], done = 0;
	size_t			 n = 0;
	char			 said[QUEUE_MAX][700], summary[256];
	int			 rc;

	if ((rc = decider_only(r)) != 0)
		return rc;
	for (size_t i = 0; i < r->form.n; i++) {
		if (strcmp(r->form.v[i].name, "booking") != 0)
			continue;
		if (n == QUEUE_MAX || (ids[n++] = ticked_id(
		    r->form.v[i].value)) == 0)
			return req_refuse(r, 422, "tick requests from the "
			    "queue", "booking");
	}
	if (n == 0) {
		news.problem = T(r, "Tick the requests to approve first.");
		return queue_page(r, 422, &news, &first_page);
	}
	/* Each its own transition, as if approved one by one. */
	for (size_t i = 0; i < n; i++) {
		enum booking_result br = booking_apply(r->app->db, ids[i],
		    ACT_CONFIRM, r->user, NULL, &o);

		if (br == BK_OK) {
			done++;
			log_info(r->rid, "booking %lld confirmed by user %lld "
			    "(with others)", ids[i], r->user->id);
			continue;
		}
		if ((rc = refusal_of(br, ACT_CONFIRM, &o, &r->app->cfg->rules,
		    r->lang, &why)) == -1)
			return db_failed(r);
		snprintf(said[news.nfailed], sizeof said[0], T(r, "Request "
		    "%lld: %s"), ids[i], why.message);
		news.failed[news.nfailed] = said[news.nfailed];
		news.nfailed++;
	}
	/* One whole sentence per case: a translation cannot glue words. */
	if (done == 1)
		news.done = T(r, "1 request approved; the person who asked has "
		    "been told.");
	else if (done > 1) {
		snprintf(summary, sizeof summary, T(r, "%lld requests approved; "
		    "each person who asked has been told."), done);
		news.done = summary;
	}
	if (news.nfailed > 0)
		news.problem = T(r, "These could not be approved:");
	return queue_page(r, 200, &news, &first_page);
}

/* Applies a decision and answers for it. */
static int
decide(struct req *r, enum booking_action action, const char *reason)
{
	long long		id = route_arg_id(r, 0);
	struct booking_outcome	o;
	enum booking_result	rc;
	int			refused;

	if ((refused = decider_only(r)) != 0)
		return refused;
	switch ((rc = booking_apply(r->app->db, id, action, r->user, reason,
	    &o))) {
	case BK_OK:
		log_info(r->rid, "booking %lld %s by user %lld", id,
		    action == ACT_CONFIRM ? "confirmed" : "denied", r->user->id);
		return resp_redirect(r, 303, action == ACT_CONFIRM ?
		    "/admin/approvals?done=approved" :
		    "/admin/approvals?done=denied");
	default:
		return refusal_answer(r, rc, action, &o);
	}
}

int
approval_approve(struct req *r)
{
	return decide(r, ACT_CONFIRM, NULL);
}

int
approval_deny(struct req *r)
{
	struct input	in;
	int		rc;

	if ((rc = input_form(r, deny_in, &in)) != 0)
		return rc;
	return decide(r, ACT_DENY, input_text(&in, "reason"));
}

/* The queue's page that begins with the request (or series) at rows. */
static int
queue_page_of(struct req *r, int status, struct db_rows *rows, int whole)
{
	struct queue_at at = { .whole_series = whole };

	if (rows == NULL)
		return db_failed(r);
	if (rows->nrows == 1 &&
	    parse_sql_time(db_get(rows, 0, "starts_at"), &at.after) == 0) {
		at.error_id = db_get_int(rows, 0, "id");
		at.after_id = at.error_id - 1;
	}
	db_rows_free(rows);
	if (at.error_id == 0)
		at.after = 0;
	return queue_page(r, status, NULL, &at);
}

int
approval_deny_form(struct req *r, int status)
{
	long long	id = route_arg_id(r, 0);
	struct queue_at	at = { 0 };
	struct db_rows	*rows;

	/* Only the reason's own errors; a decision too late, the error page. */
	if (r->errors.n == 0)
		return 0;
	/* The page that begins with that request, its field there to fill. */
	if ((rows = db_query(r->app->db, SQL_START_OF, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (rows->nrows == 1 &&
	    parse_sql_time(db_get(rows, 0, "starts_at"), &at.after) == 0)
		at.after_id = db_get_int(rows, 0, "id") - 1;
	else
		at.after = 0;
	db_rows_free(rows);
	at.error_id = id;
	return queue_page(r, status, NULL, &at);
}

/* Decides all of a series' waiting dates and answers for it. */
static int
decide_series(struct req *r, enum booking_action action, const char *reason)
{
	long long		id = route_arg_id(r, 0), done;
	struct booking_outcome	o;
	enum booking_result	rc;
	int			refused;

	if ((refused = decider_only(r)) != 0)
		return refused;
	if ((rc = booking_series_decide(r->app->db, id, action, r->user,
	    reason, &done, &o)) != BK_OK)
		return refusal_answer(r, rc, action, &o);
	log_info(r->rid, "series %lld: %lld dates %s by user %lld", id, done,
	    action == ACT_CONFIRM ? "confirmed" : "denied", r->user->id);
	return resp_redirectf(r, 303, "/admin/approvals?done=%s",
	    action == ACT_CONFIRM ? "series_approved" : "series_denied");
}

int
approval_series_approve(struct req *r)
{
	return decide_series(r, ACT_CONFIRM, NULL);
}

int
approval_series_deny(struct req *r)
{
	struct input	in;
	int		rc;

	if ((rc = input_form(r, deny_in, &in)) != 0)
		return rc;
	return decide_series(r, ACT_DENY, input_text(&in, "reason"));
}

int
approval_series_deny_form(struct req *r, int status)
{
	if (r->errors.n == 0)
		return 0;
	return queue_page_of(r, status, db_query(r->app->db, SQL_SERIES_START,
	    DB_ARGS(DB_INT(route_arg_id(r, 0)))), 1);
}

/*
 * A request's decision page, where its mail leads: the queue from it (sql
 * finds where) on.  Deciding is a POST from there; opening it decides
 * nothing.
 */
static int
decision_page(struct req *r, const char *sql, int whole)
{
	int refused;

	if ((refused = decider_only(r)) != 0)
		return refused;
	return queue_page_of(r, 200, db_query(r->app->db, sql,
	    DB_ARGS(DB_INT(route_arg_id(r, 0)))), whole);
}

int
approval_show(struct req *r)
{
	return decision_page(r, SQL_START_OF, 0);
}

int
approval_series_show(struct req *r)
{
	return decision_page(r, SQL_SERIES_START, 1);
}
