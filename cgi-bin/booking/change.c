/*
 * booking: changing a booking in place, from its change form and through
 * PATCH /api/bookings/{id}; both go through booking_change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "app.h"
#include "booking.h"
#include "bookingapi.h"
#include "bookingseries.h"
#include "clock.h"
#include "db.h"
#include "delegate.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "page.h"
#include "participants.h"
#include "refusal.h"
#include "response.h"
#include "user.h"

static const char SQL_BOOKING[] =
    "SELECT id, room_id, user_id, title, attendees, starts_at, ends_at,"
    " status, version, series_id, series_detached FROM bookings"
    " WHERE id = ?";

/* The booking as it is now, if r's user may act for its owner. */
static int
load_booking(struct req *r, long long id, struct db_rows **out)
{
	struct db_rows	*rows;
	int		 may = 0;

	if ((rows = db_query(r->app->db, SQL_BOOKING, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (rows->nrows == 1 && (may = delegate_may_act(r->app->db, r->user,
	    db_get_int(rows, 0, "user_id"))) == -1) {
		db_rows_free(rows);
		return db_failed(r);
	}
	if (!may) {
		db_rows_free(rows);
		r->error = N_("There is no such booking.");
		return 404;	/* others' bookings do not exist for you */
	}
	*out = rows;
	return 0;
}

/* Puts the booking as it is now into r->form, as if it had been sent. */
static int
form_from(struct req *r, const struct db_rows *b, long long id)
{
	struct participants	 named;
	char			 from[INPUT_TIME_LEN], to[INPUT_TIME_LEN];
	time_t			 start, end;
	int			 rc = 0;

	if (parse_sql_time(db_get(b, 0, "starts_at"), &start) == -1 ||
	    parse_sql_time(db_get(b, 0, "ends_at"), &end) == -1 ||
	    local_input_value(start, from) == -1 ||
	    local_input_value(end, to) == -1 ||
	    participants_load(r->app->db, id, &named) == -1)
		return -1;
	params_free(&r->form);
	if (params_append(&r->form, "room_id", db_get(b, 0, "room_id")) == -1 ||
	    params_append(&r->form, "starts_at", from) == -1 ||
	    params_append(&r->form, "ends_at", to) == -1 ||
	    params_append(&r->form, "title", db_get(b, 0, "title")) == -1 ||
	    params_append(&r->form, "attendees", db_get(b, 0, "attendees")) ==
	    -1 || params_append(&r->form, "version", db_get(b, 0, "version")) ==
	    -1)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < named.n; i++)
		rc = params_append(&r->form, "participant",
		    named.v[i].user_id != 0 ? named.v[i].login :
		    named.v[i].email);
	participants_free(&named);
	return rc;
}

/*
 * The change form of booking id with r->form's values (fresh: the
 * booking's own), r's errors at their fields and a problem on top.
 */
static int
change_page(struct req *r, long long id, int status, int fresh)
{
	struct db_rows	*b = NULL;
	struct page	 p;
	int		 rc;

	if ((rc = load_booking(r, id, &b)) != 0)
		return rc;
	if (fresh && form_from(r, b, id) == -1) {
		db_rows_free(b);
		return 500;
	}
	if (page_begin(&p, r, T(r, "Change a booking"), "booking_edit.tpl") ==
	    -1) {
		db_rows_free(b);
		return 500;
	}
	tpl_set(p.body, "ID", db_get(b, 0, "id"));
	tpl_set(p.body, "BOOKING_TITLE", db_get(b, 0, "title"));
	/* A series' date: for which of its dates the change is. */
	if (db_get(b, 0, "series_id") != NULL) {
		const char *scope = params_get(&r->form, "scope");
		struct tpl *s = tpl_section(p.body, "IN_SERIES");

		tpl_show(s, scope == NULL || strcmp(scope, "this") == 0 ?
		    "SCOPE_THIS" : strcmp(scope, "following") == 0 ?
		    "SCOPE_FOLLOWING" : "SCOPE_ALL");
		if (db_get_int(b, 0, "series_detached"))
			tpl_show(s, "DETACHED");
		if (params_get(&r->form, "reset") != NULL)
			tpl_show(s, "RESET_ON");
	}
	db_rows_free(b);
	if ((rc = booking_fields_fill(r, p.body, booking_change_in)) != 0) {
		page_discard(&p);
		return rc;
	}
	input_fill(p.body, r, booking_change_in);
	if (r->refused && (status == 409 || input_field_of(booking_change_in,
	    r->error_field) == NULL))
		tpl_set(tpl_section(p.body, "PROBLEM"), "MESSAGE", r->error);
	return page_finish(&p, r, status);
}

int
booking_change_form(struct req *r)
{
	return change_page(r, route_arg_id(r, 0), 200, 1);
}

int
booking_change_again(struct req *r, int status)
{
	/* A booking that is not there, or not theirs: the error page. */
	if (status == 404)
		return 0;
	return change_page(r, route_arg_id(r, 0), status, 0);
}

/* The change c of the booking in rows b, from in's fields given. */
static void
change_of(const struct req *r, const struct input *in,
    const struct db_rows *b, struct booking_change *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_get_int(b, 0, "id");
	c->actor = r->user;
	c->room_id = input_given(in, "room_id") ? input_int(in, "room_id") :
	    db_get_int(b, 0, "room_id");
	if (input_given(in, "starts_at"))
		c->starts_at = input_time(in, "starts_at");
	else if (parse_sql_time(db_get(b, 0, "starts_at"), &c->starts_at) == -1)
		c->starts_at = 0;
	if (input_given(in, "ends_at"))
		c->ends_at = input_time(in, "ends_at");
	else if (parse_sql_time(db_get(b, 0, "ends_at"), &c->ends_at) == -1)
		c->ends_at = 0;
	c->title = input_given(in, "title") ? input_text(in, "title") :
	    db_get(b, 0, "title");
	c->attendees = input_given(in, "attendees") ?
	    input_int(in, "attendees") : db_get_int(b, 0, "attendees");
}

/*
 * Makes the change in (the form's or the body's) asks of booking id at
 * version.  0 with *rc the result, or the status to answer.
 */
static int
apply_change(struct req *r, long long id, long long version,
    const struct input *in, int named_sent, const struct input *scope,
    enum booking_result *rc, struct booking_outcome *o)
{
	long long		 done;
	struct booking_change	 c;
	struct participants	 named = { 0 };
	struct db_rows		*b;
	int			 status;

	if ((status = load_booking(r, id, &b)) != 0)
		return status;
	/* What is not changed is the booking's own: b's until the end. */
	change_of(r, in, b, &c);
	c.version = version;
	if (named_sent) {
		if ((status = booking_participants_of(r, in, &named)) != 0) {
			db_rows_free(b);
			return status;
		}
		c.participants = &named;
	}
	*rc = booking_series_change(r->app->db, &r->app->cfg->rules, &c,
	    series_scope_named(input_text(scope, "scope")),
	    (int)input_int(scope, "reset"), &done, o);
	participants_free(&named);
	db_rows_free(b);
	if (*rc == BK_OK)
		log_info(r->rid, "booking %lld changed by user %lld (%lld "
		    "date%s)%s", id, r->user->id, done, done == 1 ? "" : "s",
		    o->back_to_pending ? "; pending again" : "");
	return 0;
}

int
booking_change_submit(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct input		 in;
	struct booking_outcome	 o;
	enum booking_result	 rc;
	int			 status;

	/* Find: the form again with the people found; nothing changes. */
	if (booking_form_finds(r))
		return change_page(r, id, 200, 0);
	if ((status = input_form(r, booking_change_in, &in)) != 0)
		return status;
	/* A form sends every participant still ticked: none is none. */
	if ((status = apply_change(r, id, input_int(&in, "version"), &in, 1,
	    &in, &rc, &o)) != 0)
		return status;
	if (rc == BK_STALE) {
		/* The form again, as the booking is now, and why. */
		req_refuse(r, 409, T(r, "Someone changed this booking since "
		    "you opened it; it is shown as it is now. Make your change "
		    "again if it still applies."), NULL);
		return change_page(r, id, 409, 1);
	}
	return booking_done(r, id, rc, ACT_CHANGE, &o);
}

int
api_booking_change(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	long long		 version = api_if_match(r);
	struct input		 in, scope;
	struct booking_outcome	 o;
	struct refusal		 why;
	enum booking_result	 rc;
	int			 status;

	if ((status = input_query(r, scope_query, &scope)) != 0)
		return status;
	if (version == -1)
		return req_refuse(r, 400, "If-Match must be the booking's "
		    "version, as its ETag gives it", NULL);
	if (version == 0)
		return req_refuse(r, 428, "send If-Match with the booking's "
		    "version (its ETag) to change it", NULL);
	if ((status = input_json_patch(r, booking_change_in, &in)) != 0 ||
	    (status = apply_change(r, id, version, &in,
	    input_sent(&in, "participant"), &scope, &rc, &o)) != 0) {
		input_free(&in);
		return status;
	}
	if (rc == BK_STALE) {
		input_free(&in);
		return bookingapi_stale(r, id);
	}
	switch (refusal_of(rc, ACT_CHANGE, &o, &r->app->cfg->rules, r->lang,
	    &why)) {
	case 0:
		input_free(&in);
		return bookingapi_send(r, id, 200);
	case -1:
		input_free(&in);
		return db_failed(r);
	}
	why.field = input_name_sent(&in, why.field);
	input_free(&in);
	return refusal_tell(r, &why);
}
