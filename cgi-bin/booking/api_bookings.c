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
#include "clock.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "log.h"
#include "refusal.h"
#include "response.h"
#include "token.h"

/* Keyset pages in id order: each page costs the same, however deep. */
static const char SQL_OF_USER[] =
    "SELECT " BOOKINGAPI_COLUMNS BOOKINGAPI_FROM
    " WHERE b.user_id = ? AND b.id > ? ORDER BY b.id LIMIT ?";

/*
 * The start or end, under the origin's name or ours (one of them); its
 * field name goes to *name for messages.  0, or the status to answer.
 */
static int
read_time(struct req *r, json_t *body, const char *origin, const char *ours,
    time_t *t, const char **name)
{
	json_t		*a = json_object_get(body, origin);
	json_t		*b = json_object_get(body, ours);
	const char	*why;
	char		 msg[300];

	*name = b != NULL ? ours : origin;
	if ((a == NULL) == (b == NULL)) {
		snprintf(msg, sizeof msg, "give %s (or %s), once", origin, ours);
		return req_refuse(r, 422, msg, origin);
	}
	if (api_parse_time(json_string_value(a != NULL ? a : b), t, &why) ==
	    -1) {
		snprintf(msg, sizeof msg, "%s: %s", *name, why);
		return req_refuse(r, 422, msg, *name);
	}
	return 0;
}

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

int
api_booking_create(struct req *r)
{
	struct booking_request	 q;
	struct booking_outcome	 o;
	struct refusal		 why;
	enum booking_result	 rc;
	const char		*start_name, *end_name, *bad;
	char			 token[TOKEN_LEN], count[24], location[64];
	json_t			*body;
	int			 status;

	if ((body = api_body(r, bookingapi_request_fields, &status)) == NULL)
		return status;
	memset(&q, 0, sizeof q);
	if ((status = read_time(r, body, "useStartDtm", "starts_at",
	    &q.starts_at, &start_name)) != 0 ||
	    (status = read_time(r, body, "useEndDtm", "ends_at", &q.ends_at,
	    &end_name)) != 0 || (status = request_token(r, token)) != 0) {
		json_decref(body);
		return status;
	}
	q.room_id = json_integer_value(json_object_get(body, "roomId"));
	q.attendees = json_integer_value(json_object_get(body, "attendees"));
	q.title = json_string_value(json_object_get(body, "title"));
	snprintf(count, sizeof count, "%lld", q.attendees);
	/* The form's own checks, on the same values. */
	if ((bad = valid_title(q.title)) != NULL ||
	    (bad = valid_attendees(count)) != NULL) {
		status = req_refuse(r, 422, bad, valid_title(q.title) != NULL ?
		    "title" : "attendees");
		json_decref(body);
		return status;
	}
	q.requester = r->user;
	q.request_token = token;
	rc = booking_submit(r->app->db, &r->app->cfg->rules, &q, &o);
	json_decref(body);	/* q.title is not used after this */
	switch (refusal_of(rc, ACT_REQUEST, &o, &r->app->cfg->rules, &why)) {
	case 0:
		break;
	case -1:
		return db_failed(r);
	default:
		/* The field under the name this request gave it. */
		if (why.field != NULL)
			why.field = strcmp(why.field, "starts_at") == 0 ?
			    start_name : strcmp(why.field, "ends_at") == 0 ?
			    end_name : strcmp(why.field, "room_id") == 0 ?
			    "roomId" : why.field;
		return refusal_tell(r, &why);
	}
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
	struct db_rows	*rows;
	json_t		*list, *j;
	char		 next[96];

	if (params_get(&r->query, "user") != NULL) {
		if (!r->user->admin) {
			r->error = "only administrators can list another "
			    "person's bookings";
			return 403;
		}
		if ((user = api_query_number(r, "user", 0, 1,
		    999999999999LL)) == -1)
			return 400;
	}
	if (api_page(r, &after, &limit) == -1)
		return 400;
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
	const char		*reason = params_get(&r->query, "reason");
	struct booking_outcome	 o;
	enum booking_result	 rc;

	if (reason != NULL && *reason == '\0')
		reason = NULL;
	if (reason != NULL && valid_reason(reason) != NULL)
		return req_refuse(r, 422, valid_reason(reason), "reason");
	if ((rc = booking_apply(r->app->db, id, ACT_CANCEL, r->user, reason,
	    &o)) == BK_OK)
		return resp_send(r, 204, TYPE_JSON, CACHE_NONE, "", 0);
	return refusal_answer(r, rc, ACT_CANCEL, &o);
}
