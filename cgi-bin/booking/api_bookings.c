/*
 * booking: the origin's /bookings resource as JSON.  Requests go through
 * booking_submit and cancels through booking_apply, exactly as the forms'.
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
#include "fields.h"
#include "handlers.h"
#include "log.h"
#include "offer.h"
#include "participants.h"
#include "refusal.h"
#include "response.h"
#include "token.h"
#include "user.h"

/* Keyset pages in id order: each page costs the same, however deep. */
static const char SQL_OF_USER[] =
    "SELECT " BOOKINGAPI_COLUMNS BOOKINGAPI_FROM
    " WHERE b.user_id = ? AND b.id > ? ORDER BY b.id LIMIT ?";

/* An Idempotency-Key as this person's request token; 0 or the status to answer. */
static int
request_token(struct req *r, char token[TOKEN_LEN])
{
	const char	*key = req_env(r, "HTTP_IDEMPOTENCY_KEY");
	char		 text[160];
	size_t		 n;

	if (key == NULL) {
		token_new(token);
		return 0;
	}
	n = strlen(key);
	if (n == 0 || n > 100 || strspn(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_.:") != n)
		return req_refuse(r, 400, "Idempotency-Key must be 1 to 100 "
		    "letters, digits or -_.:", NULL);
	snprintf(text, sizeof text, "%lld:%s", r->user->id, key);
	token_derive(r->app->cfg->site_key, "idempotency", text, token);
	return 0;
}

/*
 * A series: its dates checked and booked, or with "preview" only
 * checked; 201 (made), 200 (preview, or made before with this key), or
 * the refusal.
 */
static int
api_series_create(struct req *r, struct input *in, struct booking_request *q)
{
	struct series_request	 s = { q, input_text(in, "recurrence"),
				    (int)input_int(in, "skip_conflicts"),
				    (int)input_int(in, "preview") };
	struct series_plan	 plan;
	struct booking_outcome	 o;
	struct refusal		 why;
	enum booking_result	 rc;
	char			 location[64];
	int			 status;

	rc = booking_series_request(r->app->db, &r->app->cfg->rules, &s, &plan,
	    &o);
	switch (refusal_of(rc, ACT_REQUEST, &o, &r->app->cfg->rules, r->lang,
	    &why)) {
	case 0:
		break;
	case -1:
		series_plan_free(&plan);
		return db_failed(r);
	default:
		series_plan_free(&plan);
		why.field = input_name_sent(in, why.field);
		return refusal_tell(r, &why);
	}
	/* The key made a single booking before: that booking. */
	if (rc == BK_EXISTING && plan.series_id == 0) {
		series_plan_free(&plan);
		return bookingapi_send(r, o.id, 200);
	}
	if (rc == BK_OK && !s.preview)
		log_info(r->rid, "series %lld of %zu bookings requested by "
		    "user %lld (API)", plan.series_id, plan.n - plan.skipped,
		    r->user->id);
	status = s.preview || rc == BK_EXISTING ? 200 : 201;
	if (!s.preview) {
		snprintf(location, sizeof location, "/api/bookings/%lld",
		    plan.dates[0].booking_id > 0 ? plan.dates[0].booking_id :
		    o.id);
		if (resp_header(r, "Location", location) == -1) {
			series_plan_free(&plan);
			return 500;
		}
	}
	status = series_answer(r, &plan, status);
	series_plan_free(&plan);
	return status;
}

/*
 * The room was taken for that time: 409 with the error and, under
 * "suggestion", the best room like it that is free then (or null).
 */
static int
taken(struct req *r, const struct booking_request *q, const struct refusal *why)
{
	struct finder_ask	 ask = { .from = q->starts_at, .to = q->ends_at,
				    .people = q->attendees, .who = q->owner };
	struct finder		 f;
	json_t			*j;

	if (finder_like(r->app->db, &r->app->cfg->rules, clock_now(),
	    q->room_id, &ask, &f) == -1) {
		finder_free(&f);
		return db_failed(r);
	}
	j = json_pack("{s:{s:s, s:s, s:s?}, s:o}", "error", "code", "conflict",
	    "message", why->message, "field", why->field, "suggestion",
	    f.noffers > 0 ? offer_json(&f.offers[0]) : json_null());
	finder_free(&f);
	return j == NULL ? 500 : api_send(r, why->status, j);
}

int
api_booking_create(struct req *r)
{
	struct input		 in;
	struct booking_request	 q;
	struct booking_outcome	 o;
	struct refusal		 why;
	struct participants	 named = { 0 };
	struct user		 owner;
	enum booking_result	 rc;
	char			 token[TOKEN_LEN], location[64];
	int			 status;

	/* The form's fields and checks; the form's token is the key's. */
	if ((status = input_json(r, booking_request_in, &in)) != 0 ||
	    (status = request_token(r, token)) != 0) {
		input_free(&in);
		return status;
	}
	booking_request_of(r, &in, &q);
	q.request_token = token;
	if ((status = booking_rule_checked(r, &in, input_text(&in,
	    "recurrence"))) != 0 ||
	    (status = booking_owner_of(r, &in, &owner, &q.owner)) != 0 ||
	    (status = booking_participants_of(r, &in, &named)) != 0) {
		input_free(&in);
		return status;
	}
	q.participants = &named;
	if (input_given(&in, "recurrence")) {
		status = api_series_create(r, &in, &q);
		participants_free(&named);
		input_free(&in);
		return status;
	}
	rc = booking_submit(r->app->db, &r->app->cfg->rules, &q, &o);
	participants_free(&named);
	switch (refusal_of(rc, ACT_REQUEST, &o, &r->app->cfg->rules, r->lang,
	    &why)) {
	case 0:
		break;
	case -1:
		input_free(&in);
		return db_failed(r);
	default:
		/* The field under the name this request gave it. */
		why.field = input_name_sent(&in, why.field);
		input_free(&in);
		if (rc == BK_CONFLICT)
			return taken(r, &q, &why);
		return refusal_tell(r, &why);
	}
	input_free(&in);
	if (rc == BK_OK)
		log_info(r->rid, "booking %lld requested by user %lld (API)",
		    o.id, r->user->id);
	snprintf(location, sizeof location, "/api/bookings/%lld", o.id);
	if (resp_header(r, "Location", location) == -1)
		return 500;
	/* A retry with the same key gets the booking it made, 200. */
	return bookingapi_send(r, o.id, rc == BK_OK ? 201 : 200);
}

int
api_booking_show(struct req *r)
{
	return bookingapi_send(r, route_arg_id(r, 0), 200);
}

int
api_bookings_list(struct req *r)
{
	long long	 user = r->user->id, after, limit;
	struct input	 q;
	struct db_rows	*rows;
	json_t		*list, *j;
	char		 next[96];
	int		 rc;

	if ((rc = input_query(r, booking_list_query, &q)) != 0)
		return rc;
	if (input_given(&q, "user")) {
		if (!r->user->admin)
			return req_refuse(r, 403, "only administrators can "
			    "list another person's bookings", "user");
		user = input_int(&q, "user");
	}
	after = input_int(&q, "after");
	limit = input_int(&q, "limit");
	if ((rows = db_query(r->app->db, SQL_OF_USER, DB_ARGS(DB_INT(user),
	    DB_INT(after), DB_INT(limit)))) == NULL)
		return db_failed(r);
	if ((list = bookingapi_list(rows)) == NULL) {
		db_rows_free(rows);
		return 500;
	}
	/* A full page may have more after it: the link to the next one. */
	if (rows->nrows == (size_t)limit && user != r->user->id)
		snprintf(next, sizeof next, "/api/bookings?after=%lld&limit=%lld"
		    "&user=%lld", db_get_int(rows, rows->nrows - 1, "booking_id"),
		    limit, user);
	else if (rows->nrows == (size_t)limit)
		snprintf(next, sizeof next, "/api/bookings?after=%lld&limit=%lld",
		    db_get_int(rows, rows->nrows - 1, "booking_id"), limit);
	j = json_pack("{s:o, s:s?}", "bookings", list, "next",
	    rows->nrows == (size_t)limit ? next : NULL);
	db_rows_free(rows);
	return api_send(r, 200, j);
}

int
api_booking_cancel(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct input		 q;
	struct booking_outcome	 o;
	enum booking_result	 rc;
	long long		 done;
	int			 refused;

	if ((refused = input_query(r, booking_cancel_in, &q)) != 0)
		return refused;
	if ((rc = booking_series_cancel(r->app->db, id, series_scope_named(
	    input_text(&q, "scope")), r->user, input_text(&q, "reason"),
	    &done, &o)) == BK_OK)
		return resp_send(r, 204, TYPE_JSON, CACHE_NONE, "", 0);
	return refusal_answer(r, rc, ACT_CANCEL, &o);
}
