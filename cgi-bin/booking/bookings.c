/* booking: requesting a room, one's bookings, one booking, cancelling. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "booking.h"
#include "bookingseries.h"
#include "words.h"
#include "clock.h"
#include "db.h"
#include "delegate.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "offer.h"
#include "participants.h"
#include "page.h"
#include "policy.h"
#include "refusal.h"
#include "response.h"
#include "session.h"
#include "rules.h"
#include "token.h"
#include "user.h"
#include "when.h"

static const char SQL_BOOKING[] =
    "SELECT b.id, r.name AS room, r.location, b.user_id,"
    " u.display_name AS owner, b.title,"
    " b.attendees, b.starts_at, b.ends_at, b.status, b.reason,"
    " b.actual_start, b.actual_end, r.checkin_required_since, b.private,"
    " by_.display_name AS booked_by, b.series_id, b.series_detached,"
    " b.room_id FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " JOIN users u ON u.id = b.user_id"
    " LEFT JOIN users by_ ON by_.id = b.booked_by WHERE b.id = ?";
/* The dates of a booking's series, as its page lists them. */
static const char SQL_SERIES_DATES[] =
    "SELECT id, starts_at, ends_at, status FROM bookings"
    " WHERE series_id = ? ORDER BY original_date, id";
static const char SQL_HISTORY[] =
    "SELECT e.kind, COALESCE(u.display_name, 'roombook') AS actor, e.at,"
    " e.reason, e.changes, COALESCE(u.role = 'display', 0) AS by_display"
    " FROM booking_events e LEFT JOIN users u ON u.id = e.actor_id"
    " WHERE e.booking_id = ? ORDER BY e.id";
/*
 * One's bookings whose time has not ended: those going ahead (live), or
 * those that will not (denied, cancelled, expired, released), each list
 * on its own.
 */
#define AHEAD(states)							\
    " AND b.status IN " states " AND b.ends_at > UTC_TIMESTAMP()"	\
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "UTC_TIMESTAMP()")
#define AHEAD_COLUMNS							\
    "SELECT b.id, r.name AS room, b.title, b.starts_at, b.ends_at,"	\
    " b.status, u.display_name AS owner"
#define MINE_AHEAD(states)						\
    "SELECT * FROM (" AHEAD_COLUMNS ", 0 AS invited, 0 AS for_other"	\
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"		\
    " JOIN users u ON u.id = b.user_id"				\
    " WHERE b.user_id = ?" AHEAD(states)				\
    " ORDER BY b.starts_at, b.id LIMIT 200) mine"
/*
 * Also, marked, those one asked for someone else and those one is
 * invited to.
 */
static const char SQL_UPCOMING[] =
    MINE_AHEAD("('pending','confirmed','in_use')")
    " UNION ALL SELECT * FROM (" AHEAD_COLUMNS ", 0, 1"
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " JOIN users u ON u.id = b.user_id WHERE b.booked_by = ?"
    " AND b.user_id <> b.booked_by" AHEAD("('pending','confirmed','in_use')")
    " ORDER BY b.starts_at, b.id LIMIT 200) for_others"
    " UNION ALL SELECT * FROM (" AHEAD_COLUMNS ", 1, 0"
    " FROM booking_participants p JOIN bookings b ON b.id = p.booking_id"
    " JOIN rooms r ON r.id = b.room_id JOIN users u ON u.id = b.user_id"
    " WHERE p.user_id = ? AND b.user_id <> p.user_id"
    AHEAD("('pending','confirmed','in_use')")
    " ORDER BY b.starts_at, b.id LIMIT 200) invited"
    " ORDER BY starts_at, id LIMIT 200";
static const char SQL_CALLED_OFF[] =
    MINE_AHEAD("('denied','cancelled','expired','released')")
    " ORDER BY starts_at, id";
static const char SQL_PAST[] =
    "SELECT b.id, r.name AS room, b.title, b.starts_at, b.ends_at, b.status"
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " WHERE b.user_id = ? AND b.ends_at <= UTC_TIMESTAMP()"
    " AND b.starts_at < UTC_TIMESTAMP()"
    " ORDER BY b.starts_at DESC, b.id DESC LIMIT 50";

/* A series' dates as checked: each with its state, a summary, a choice. */
static void
fill_plan(struct req *r, struct tpl *body, const struct series_plan *plan)
{
	const struct rules	*k = &r->app->cfg->rules;
	struct tpl		*t = tpl_section(body, "PLAN");
	char			 text[600];
	size_t			 free_dates = plan->n - plan->skipped;

	for (size_t i = 0; i < plan->n; i++) {
		const struct series_plan_date *d = &plan->dates[i];
		struct tpl *row = tpl_section(t, "DATE");
		char from[32], to[32];

		tpl_set(row, "STATE", series_date_state(d));
		if (d->when.start != 0) {
			when_format(r->lang, d->when.start, WHEN_SHORT_DAY,
			    text, sizeof text);
			tpl_set(row, "DAY", text);
			/* The day is in its own column. */
			when_format(r->lang, d->when.start, WHEN_CLOCK, from,
			    sizeof from);
			when_format(r->lang, d->when.end, WHEN_END_CLOCK, to,
			    sizeof to);
			snprintf(text, sizeof text, "%s\u2013%s", from, to);
			tpl_set(row, "WHEN", text);
		} else
			tpl_set(row, "DAY", d->when.date);
		tpl_set(row, "WHY", series_date_why(r, d, text, sizeof text));
	}
	snprintf(text, sizeof text, T(r, "%zu of %zu dates are free."),
	    free_dates, plan->n);
	tpl_set(t, "SUMMARY", text);
	if (plan->skipped == 0)
		tpl_show(t, "ALL_FREE");
	else if (free_dates > 0 && plan->skipped * 100 <=
	    plan->n * (size_t)k->series_skips_allowed) {
		struct tpl *skip = tpl_section(t, "MAY_SKIP");

		snprintf(text, sizeof text, T(r, "Request the %zu free dates, "
		    "skipping %zu"), free_dates, plan->skipped);
		tpl_set(skip, "LABEL", text);
	} else {
		snprintf(text, sizeof text, T(r, "A series can skip at most "
		    "%d%% of its dates; choose another time or room."),
		    k->series_skips_allowed);
		tpl_set(tpl_section(t, "CANNOT_SKIP"), "MESSAGE", text);
	}
}

/*
 * The booking form with the values in r->form and the errors in r, and
 * a series' dates as checked (plan, or NULL); a conflict, or what
 * concerns no field of the form, is also said on top.
 */
static int
form_page_with(struct req *r, int status, const struct series_plan *plan,
    const struct finder_offer *suggestion)
{
	struct page	p;
	char		hours[128];
	int		rc;

	if (page_begin(&p, r, T(r, "Book a room"), "booking_new.tpl") == -1)
		return 500;
	if ((rc = booking_fields_fill(r, p.body, booking_request_in)) != 0 ||
	    (rc = booking_owner_choices(r, p.body)) != 0) {
		page_discard(&p);
		return rc;
	}
	input_fill(p.body, r, booking_request_in);
	input_fill(p.body, r, repeat_in);
	booking_repeat_fill(r, p.body);
	if (plan != NULL && plan->n > 0)
		fill_plan(r, p.body, plan);
	if (params_get(&r->form, "private") != NULL &&
	    *params_get(&r->form, "private") != '\0')
		tpl_show(p.body, "PRIVATE_ON");
	if (suggestion != NULL) {
		struct tpl *d = tpl_section(p.body, "SUGGESTION");

		tpl_set(d, "MESSAGE", r->error);
		offer_fill(r, d, suggestion,
		    strtoll(params_get(&r->form, "attendees"), NULL, 10),
		    params_get(&r->form, "title"), 0);
	} else if (r->refused && (status == 409 || input_field_of(
	    booking_request_in, r->error_field) == NULL))
		tpl_set(tpl_section(p.body, "PROBLEM"), "MESSAGE", r->error);
	tpl_set(p.body, "OPENING", rules_opening(&r->app->cfg->rules, r->lang,
	    hours, sizeof hours));
	return page_finish(&p, r, status);
}

static int
form_page(struct req *r, int status)
{
	return form_page_with(r, status, NULL, NULL);
}

void
booking_request_of(const struct req *r, const struct input *in,
    struct booking_request *q)
{
	memset(q, 0, sizeof *q);
	q->room_id = input_int(in, "room_id");
	q->starts_at = input_time(in, "starts_at");
	q->ends_at = input_time(in, "ends_at");
	q->title = input_text(in, "title");
	q->attendees = input_int(in, "attendees");
	q->private = (int)input_int(in, "private");
	q->requester = r->user;
}

int
booking_form_finds(const struct req *r)
{
	const char *action = params_get(&r->form, "action");

	return action != NULL && strcmp(action, "find") == 0;
}

int
booking_form_again(struct req *r, int status)
{
	return form_page(r, status);
}

int
booking_form(struct req *r)
{
	const struct rules	*k = &r->app->cfg->rules;
	struct input		 q;
	char			 token[TOKEN_LEN], from[INPUT_TIME_LEN];
	char			 to[INPUT_TIME_LEN], buf[32];
	const char		*why;
	char			 zone[64];
	time_t			 t0;
	int			 rc;

	session_request_token(r, token);
	if (params_append(&r->form, "request_token", token) == -1)
		return 500;
	/*
	 * ?room_id, ?attendees, and ?start=2026-12-01T10:00 or ?date=: the
	 * day grid's, on the site's clock; the form shows them on the
	 * person's.
	 */
	snprintf(zone, sizeof zone, "%s", clock_zone());
	clock_use_zone(NULL);
	if ((rc = input_query(r, booking_new_query, &q)) == 0) {
		t0 = input_time(&q, "start");
		/* No start: the day's opening, on that day's clock. */
		if (!input_given(&q, "start") && input_given(&q, "date")) {
			snprintf(buf, sizeof buf, "%sT%02d:%02d",
			    input_text(&q, "date"), k->open_from / 60,
			    k->open_from % 60);
			if (input_parse_time(buf, &t0, &why) == -1)
				rc = req_refuse(r, 422, why, "date");
		}
	}
	clock_use_zone(zone);
	if (rc != 0)
		return rc;
	if ((input_given(&q, "room_id") && params_append(&r->form, "room_id",
	    input_text(&q, "room_id")) == -1) ||
	    params_append(&r->form, "attendees", input_given(&q, "attendees") ?
	    input_text(&q, "attendees") : "1") == -1)
		return 500;
	if (t0 != 0 && local_input_value(t0, from) == 0 &&
	    local_input_value(t0 + 3600, to) == 0 &&
	    (params_append(&r->form, "starts_at", from) == -1 ||
	    params_append(&r->form, "ends_at", to) == -1))
		return 500;
	return form_page(r, 200);
}

/*
 * A series from the form: with "Check the dates" only checked and shown;
 * else requested, or refused with its dates shown.
 */
static int
series_create(struct req *r, const struct input *in,
    const struct booking_request *q, const char *rule)
{
	const char		*action = input_text(in, "action");
	struct series_request	 s = { q, rule, (int)input_int(in,
				    "skip_conflicts"), action != NULL &&
				    strcmp(action, "preview") == 0 };
	struct series_plan	 plan;
	struct booking_outcome	 o;
	struct refusal		 why;
	enum booking_result	 rc;
	int			 status;

	rc = booking_series_request(r->app->db, &r->app->cfg->rules, &s, &plan,
	    &o);
	switch ((status = refusal_of(rc, ACT_REQUEST, &o, &r->app->cfg->rules,
	    r->lang, &why))) {
	case 0:
		break;
	case -1:
		series_plan_free(&plan);
		return db_failed(r);
	default:
		/* The dates, if they were checked, with why not. */
		status = refusal_tell(r, &why);
		if (plan.n > 0 && rc != BK_SERIES_TOO_LONG)
			status = form_page_with(r, status, &plan, NULL);
		series_plan_free(&plan);
		return status;
	}
	if (s.preview) {
		status = form_page_with(r, 200, &plan, NULL);
		series_plan_free(&plan);
		return status;
	}
	if (rc == BK_OK)
		log_info(r->rid, "series %lld of %zu bookings requested by "
		    "user %lld", plan.series_id, plan.n - plan.skipped,
		    r->user->id);
	/* The first date's booking, which shows its series. */
	for (size_t i = 0; i < plan.n && o.id == 0; i++)
		o.id = plan.dates[i].booking_id;
	series_plan_free(&plan);
	return resp_redirectf(r, 303, "/bookings/%lld", o.id);
}

/*
 * The room was taken for that time: the form again, 409, with the best
 * room like it that is free then, to book with one button.
 */
static int
taken_page(struct req *r, const struct booking_request *q,
    const struct refusal *why)
{
	struct finder_ask	ask = { .from = q->starts_at, .to = q->ends_at,
				    .people = q->attendees, .who = q->owner };
	struct finder		f;
	int			status = refusal_tell(r, why);

	if (finder_like(r->app->db, &r->app->cfg->rules, clock_now(),
	    q->room_id, &ask, &f) == -1) {
		finder_free(&f);
		return db_failed(r);
	}
	status = form_page_with(r, status, NULL, f.noffers > 0 ? &f.offers[0] :
	    NULL);
	finder_free(&f);
	return status;
}

int
booking_create(struct req *r)
{
	struct input		 in;
	struct booking_request	 q;
	struct booking_outcome	 o;
	struct refusal		 why;
	struct participants	 named = { 0 };
	struct user		 owner;
	enum booking_result	 rc;
	char			 token[TOKEN_LEN];
	char			 rule[SERIES_RULE_MAX + 1];
	int			 status;

	/* Find: the form again with the people found; nothing is asked. */
	if (booking_form_finds(r))
		return form_page(r, 200);
	if ((status = input_form(r, booking_request_in, &in)) != 0)
		return status;
	if (!session_request_token_ours(r, input_text(&in, "request_token"))) {
		/* The form again, with a token of this session's. */
		session_request_token(r, token);
		if (params_set(&r->form, "request_token", token) == -1)
			return 500;
		return req_refuse(r, 422, "This form was not issued to you, "
		    "or you have logged in again since; check the values and "
		    "send it again.", NULL);
	}
	booking_request_of(r, &in, &q);
	q.request_token = input_text(&in, "request_token");
	if ((status = booking_repeat_rule(r, q.starts_at, rule,
	    sizeof rule)) != 0 ||
	    (status = booking_rule_checked(r, &in, rule[0] != '\0' ? rule :
	    input_text(&in, "recurrence"))) != 0 ||
	    (status = booking_owner_of(r, &in, &owner, &q.owner)) != 0 ||
	    (status = booking_participants_of(r, &in, &named)) != 0)
		return status;
	q.participants = &named;
	if (rule[0] != '\0' || input_given(&in, "recurrence")) {
		status = series_create(r, &in, &q, rule[0] != '\0' ? rule :
		    input_text(&in, "recurrence"));
		participants_free(&named);
		return status;
	}
	rc = booking_submit(r->app->db, &r->app->cfg->rules, &q, &o);
	participants_free(&named);
	switch (refusal_of(rc, ACT_REQUEST, &o, &r->app->cfg->rules, r->lang,
	    &why)) {
	case 0:
		break;
	case -1:
		return db_failed(r);
	default:
		if (rc == BK_CONFLICT)
			return taken_page(r, &q, &why);
		return refusal_tell(r, &why);
	}
	if (rc == BK_OK)
		log_info(r->rid, "booking %lld requested by user %lld for "
		    "user %lld", o.id, r->user->id, q.owner->id);
	return resp_redirectf(r, 303, "/bookings/%lld", o.id);
}

/* Fills a list section from the rows of SQL_UPCOMING or SQL_PAST. */
static void
fill_list(const struct req *r, struct tpl *d, const char *section,
    const struct db_rows *rows)
{
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *b = tpl_section(d, section);

		tpl_set_row(b, rows, i);
		if (db_get(rows, i, "invited") != NULL &&
		    db_get_int(rows, i, "invited"))
			tpl_show(b, "INVITED");
		else if (db_get(rows, i, "for_other") != NULL &&
		    db_get_int(rows, i, "for_other"))
			tpl_show(b, "FOR_OTHER");
		page_set_span(b, r->lang, "WHEN", db_get(rows, i, "starts_at"),
		    db_get(rows, i, "ends_at"));
		tpl_set(b, "STATUS_LABEL", words_state_label(r->lang,
		    db_get(rows, i, "status")));
	}
}

int
bookings_list(struct req *r)
{
	struct db_rows	*up = NULL, *off = NULL, *past = NULL;
	struct page	 p;
	int		 rc = 500;

	if ((up = db_query(r->app->db, SQL_UPCOMING,
	    DB_ARGS(DB_INT(r->user->id), DB_INT(r->user->id),
	    DB_INT(r->user->id)))) == NULL ||
	    (off = db_query(r->app->db, SQL_CALLED_OFF,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL ||
	    (past = db_query(r->app->db, SQL_PAST,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL) {
		rc = db_failed(r);
		goto out;
	}
	if (page_begin(&p, r, T(r, "My bookings"), "bookings.tpl") == -1)
		goto out;
	fill_list(r, p.body, "UPCOMING", up);
	fill_list(r, p.body, "CALLED_OFF", off);
	fill_list(r, p.body, "PAST", past);
	if (up->nrows == 0)
		tpl_show(p.body, "NO_UPCOMING");
	if (off->nrows > 0)
		tpl_show(p.body, "HAS_CALLED_OFF");
	if (past->nrows > 0)
		tpl_show(p.body, "HAS_PAST");
	rc = page_finish(&p, r, 200);
out:
	db_rows_free(up);
	db_rows_free(off);
	db_rows_free(past);
	return rc;
}

/* The series booking b is a date of, on its page; 0 or -1. */
static int
fill_series(struct req *r, struct tpl *d, const struct db_rows *b)
{
	struct db_rows	*rows;
	struct tpl	*s;
	long long	 id = db_get_int(b, 0, "id");

	if (db_get(b, 0, "series_id") == NULL)
		return 0;
	if ((rows = db_query(r->app->db, SQL_SERIES_DATES,
	    DB_ARGS(DB_INT(db_get_int(b, 0, "series_id"))))) == NULL)
		return -1;
	s = tpl_section(d, "SERIES");
	tpl_set_int(s, "COUNT", (long long)rows->nrows);
	if (db_get_int(b, 0, "series_detached"))
		tpl_show(s, "DETACHED");
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *date = tpl_section(s, "DATE");

		tpl_set_row(date, rows, i);
		page_set_span(date, r->lang, "WHEN", db_get(rows, i,
		    "starts_at"), db_get(rows, i, "ends_at"));
		tpl_set(date, "STATUS_LABEL", words_state_label(r->lang,
		    db_get(rows, i, "status")));
		tpl_show(date, db_get_int(rows, i, "id") == id ? "THIS" :
		    "OTHER");
	}
	db_rows_free(rows);
	return 0;
}

/* Can a booking in state, ending at end, still be cancelled? */
static int
cancellable(const char *state, time_t end)
{
	return end > clock_now() &&
	    (strcmp(state, "pending") == 0 || strcmp(state, "confirmed") == 0);
}

/* Its participants on the booking page; 0 or -1. */
static int
fill_participants(struct req *r, struct tpl *d, long long id,
    struct participants *named)
{
	char label[1100];

	if (participants_load(r->app->db, id, named) == -1)
		return -1;
	if (named->n == 0)
		tpl_show(d, "NO_PARTICIPANTS");
	for (size_t i = 0; i < named->n; i++) {
		const struct participant *p = &named->v[i];

		if (p->user_id != 0)
			snprintf(label, sizeof label, "%s", p->name);
		else
			snprintf(label, sizeof label, T(r, "%s (guest)"),
			    p->email);
		tpl_set(tpl_section(tpl_section(d, "SOME_PARTICIPANTS"),
		    "PARTICIPANT"), "NAME", label);
	}
	return 0;
}

/*
 * Actual use on the booking page: when it was used, whether its room
 * requires check-in and when, and the button that applies now.
 */
static void
fill_use(struct req *r, struct tpl *d, const struct db_rows *b,
    time_t start, time_t end)
{
	const struct rules	*k = &r->app->cfg->rules;
	const char		*state = db_get(b, 0, "status");
	const char		*used_from = db_get(b, 0, "actual_start");
	const char		*used_to = db_get(b, 0, "actual_end");
	const char		*checkin_since = db_get(b, 0,
	    "checkin_required_since");
	time_t			 since, now = clock_now();
	char			 at[16], when[128];

	if (used_from != NULL) {
		struct tpl *u = tpl_section(d, "USED");

		if (used_to != NULL)
			page_set_span(u, r->lang, "SPAN", used_from, used_to);
		else {
			tpl_show(u, "SINCE");
			page_set_time(u, r->lang, "SPAN", used_from);
		}
	}
	/* Told while it is ahead, whether it is decided yet or not. */
	if ((strcmp(state, "confirmed") == 0 || strcmp(state, "pending") ==
	    0) && end > now) {
		if (checkin_since != NULL &&
		    parse_sql_time(checkin_since, &since) == 0 &&
		    since <= start) {
			struct tpl *rule = tpl_section(d, "CHECKIN_RULE");

			tpl_set(rule, "OPENS", when_format(r->lang, start -
			    k->checkin_opens * 60, WHEN_MOMENT, when,
			    sizeof when));
			tpl_set(rule, "CLOSES", when_format(r->lang, start +
			    k->checkin_grace * 60, WHEN_CLOCK, at, sizeof at));
		} else
			tpl_show(d, "NO_CHECKIN");
	}
	if (strcmp(state, "confirmed") == 0 &&
	    booking_checkin_open(start, end, now))
		tpl_show(d, "CHECKIN");
	else if (strcmp(state, "in_use") == 0)
		tpl_show(d, "CHECKOUT");
}

/*
 * The booking page; 404 for anyone but its owner, their delegates, the
 * people it names, its room's approvers and administrators.
 */
static int
booking_page(struct req *r, long long id, int status)
{
	struct db_rows		*b = NULL, *h = NULL;
	struct participants	 named = { 0 };
	struct page		 p;
	time_t			 start, end;
	long long		 owner = 0;
	int			 rc = 500, may = 0, decides = 0;
	const char		*state;

	if ((b = db_query(r->app->db, SQL_BOOKING, DB_ARGS(DB_INT(id)))) ==
	    NULL || (h = db_query(r->app->db, SQL_HISTORY,
	    DB_ARGS(DB_INT(id)))) == NULL || (b->nrows == 1 &&
	    (may = delegate_may_act(r->app->db, r->user, owner = db_get_int(b,
	    0, "user_id"))) == -1)) {
		rc = db_failed(r);
		goto out;
	}
	if (b->nrows != 1) {
		rc = 404;
		goto out;
	}
	if (parse_sql_time(db_get(b, 0, "starts_at"), &start) == -1 ||
	    parse_sql_time(db_get(b, 0, "ends_at"), &end) == -1 ||
	    page_begin(&p, r, db_get(b, 0, "title"), "booking.tpl") == -1)
		goto out;
	/* Whom it names read it; others' bookings do not exist for them. */
	if (fill_participants(r, p.body, id, &named) == -1) {
		page_discard(&p);
		rc = db_failed(r);
		goto out;
	}
	/* Its room's approvers read what they decide. */
	if (!may && !participants_has_person(&named, r->user->id) &&
	    (decides = policy_may_decide(r->app->db, r->user, db_get_int(b, 0,
	    "room_id"))) != 1) {
		page_discard(&p);
		rc = decides == -1 ? db_failed(r) : 404;
		goto out;
	}
	if (!may)
		tpl_show(p.body, "INVITED");
	if (fill_series(r, p.body, b) == -1) {
		page_discard(&p);
		rc = db_failed(r);
		goto out;
	}
	if (db_get(b, 0, "booked_by") != NULL)
		tpl_set(tpl_section(p.body, "BOOKED_BY"), "BY",
		    db_get(b, 0, "booked_by"));
	tpl_set(p.body, "ID", db_get(b, 0, "id"));
	/* A refused check-in or out comes back here, said on top. */
	if (r->refused && r->errors.n == 0 && r->error != NULL)
		tpl_set(tpl_section(p.body, "PROBLEM"), "MESSAGE", r->error);
	tpl_set(p.body, "ROOM", db_get(b, 0, "room"));
	tpl_set(p.body, "LOCATION", db_get(b, 0, "location"));
	tpl_set(p.body, "OWNER", db_get(b, 0, "owner"));
	tpl_set(p.body, "TITLE", db_get(b, 0, "title"));
	tpl_set(p.body, "ATTENDEES", db_get(b, 0, "attendees"));
	if (db_get_int(b, 0, "private"))
		tpl_show(p.body, "PRIVATE");
	page_set_span(p.body, r->lang, "WHEN", db_get(b, 0, "starts_at"),
	    db_get(b, 0, "ends_at"));
	tpl_set(p.body, "STATUS", db_get(b, 0, "status"));
	tpl_set(p.body, "STATUS_LABEL", words_state_label(r->lang, db_get(b, 0,
	    "status")));
	if (db_get(b, 0, "reason") != NULL)
		tpl_set(tpl_section(p.body, "REASON"), "TEXT", db_get(b, 0,
		    "reason"));
	for (size_t i = 0; i < h->nrows; i++) {
		struct tpl	*ev = tpl_section(p.body, "EVENT");
		const char	*kind = db_get(h, i, "kind");

		tpl_set(ev, "KIND", words_state_label(r->lang, strcmp(kind,
		    "requested") == 0 ? "requested" : kind));
		/* A door display's account is named as what it is. */
		if (db_get_int(h, i, "by_display")) {
			char by[500];

			snprintf(by, sizeof by, T(r, "the door display “%s”"),
			    db_get(h, i, "actor"));
			tpl_set(ev, "BY", by);
		} else
			tpl_set(ev, "BY", db_get(h, i, "actor"));
		page_set_time(ev, r->lang, "AT", db_get(h, i, "at"));
		if (db_get(h, i, "reason") != NULL)
			tpl_set(tpl_section(ev, "EVENT_REASON"), "TEXT",
			    db_get(h, i, "reason"));
		if (db_get(h, i, "changes") != NULL) {
			char said[2000];

			tpl_set(tpl_section(ev, "EVENT_CHANGES"), "TEXT",
			    words_change_text(r->lang, db_get(h, i, "changes"),
			    said, sizeof said));
		}
	}
	state = db_get(b, 0, "status");
	/* Those invited read it; only who may act for its owner act on it. */
	if (may) {
		fill_use(r, p.body, b, start, end);
		if (start > clock_now() && (strcmp(state, "pending") == 0 ||
		    strcmp(state, "confirmed") == 0))
			tpl_show(p.body, "CHANGE");
	}
	if (may && cancellable(state, end)) {
		struct tpl *c = tpl_section(p.body, "CANCEL");

		input_fill(c, r, booking_cancel_in);
		if (db_get(b, 0, "series_id") != NULL)
			tpl_show(c, "IN_SERIES");
		/* Administrators say why; the owner and delegates need not. */
		if (owner != r->user->id && r->user->admin)
			tpl_show(c, "REASON_REQUIRED");
	}
	rc = page_finish(&p, r, status);
out:
	participants_free(&named);
	db_rows_free(b);
	db_rows_free(h);
	return rc;
}

int
booking_show(struct req *r)
{
	return booking_page(r, route_arg_id(r, 0), 200);
}

int
booking_use_again(struct req *r, int status)
{
	/* A booking that is not there, or not theirs: the error page. */
	if (status == 404 || status == 403)
		return 0;
	return booking_page(r, route_arg_id(r, 0), status);
}

int
booking_page_again(struct req *r, int status)
{
	/* Only what concerns the cancel form's reason; else the error page. */
	if (r->errors.n == 0)
		return 0;
	return booking_page(r, route_arg_id(r, 0), status);
}

/*
 * Cancelling someone else's booking asks first, on a page of its own that
 * names the booking, its owner and the reason they will read: 0 when it
 * needs no asking (one's own, or confirmed), else the answer sent.
 */
static int
ask_before_cancelling(struct req *r, long long id, const struct input *in)
{
	struct booking_outcome	 o = { 0 };
	struct db_rows		*b;
	struct page		 p;
	int			 rc = 0;

	if (input_given(in, "confirmed"))
		return 0;
	if ((b = db_query(r->app->db, SQL_BOOKING, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	/*
	 * One's own, or a delegate's for its owner; or not one's to cancel:
	 * booking_apply refuses.
	 */
	if (b->nrows != 1 || db_get_int(b, 0, "user_id") == r->user->id ||
	    !r->user->admin)
		goto out;
	if (!input_given(in, "reason")) {
		rc = refusal_answer(r, BK_REASON_REQUIRED, ACT_CANCEL, &o);
		goto out;
	}
	if (page_begin(&p, r, T(r, "Cancel this booking?"),
	    "booking_cancel.tpl") == -1) {
		rc = 500;
		goto out;
	}
	tpl_set(p.body, "ID", db_get(b, 0, "id"));
	tpl_set(p.body, "TITLE", db_get(b, 0, "title"));
	tpl_set(p.body, "ROOM", db_get(b, 0, "room"));
	tpl_set(p.body, "OWNER", db_get(b, 0, "owner"));
	page_set_span(p.body, r->lang, "WHEN", db_get(b, 0, "starts_at"),
	    db_get(b, 0, "ends_at"));
	input_fill(p.body, r, booking_cancel_in);
	/* How many dates, said before they go. */
	if (series_scope_named(input_text(in, "scope")) == SCOPE_FOLLOWING)
		tpl_set(tpl_section(p.body, "MANY"), "SCOPE_WORDS", T(r,
		    "This date and the following dates of its series will be "
		    "cancelled."));
	else if (series_scope_named(input_text(in, "scope")) == SCOPE_ALL)
		tpl_set(tpl_section(p.body, "MANY"), "SCOPE_WORDS", T(r,
		    "Every date of its series still to come will be "
		    "cancelled."));
	rc = page_finish(&p, r, 200);
out:
	db_rows_free(b);
	return rc;
}

int
booking_cancel(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct input		 in;
	struct booking_outcome	 o;
	enum booking_result	 rc;
	long long		 done;
	int			 asked;

	if ((rc = input_form(r, booking_cancel_in, &in)) != 0)
		return rc;
	if ((asked = ask_before_cancelling(r, id, &in)) != 0)
		return asked;
	rc = booking_series_cancel(r->app->db, id, series_scope_named(
	    input_text(&in, "scope")), r->user, input_text(&in, "reason"),
	    &done, &o);
	if (rc == BK_OK)
		log_info(r->rid, "booking %lld cancelled by user %lld (%lld "
		    "date%s)", id, r->user->id, done, done == 1 ? "" : "s");
	/* A missing reason goes next to its field on the booking's page. */
	return booking_done(r, id, rc, ACT_CANCEL, &o);
}

int
booking_done(struct req *r, long long id, enum booking_result rc,
    enum booking_action action, const struct booking_outcome *o)
{
	struct refusal	why;

	switch (refusal_of(rc, action, o, &r->app->cfg->rules, r->lang,
	    &why)) {
	case 0:
		return resp_redirectf(r, 303, "/bookings/%lld", id);
	case -1:
		return db_failed(r);
	}
	return refusal_tell(r, &why);
}
