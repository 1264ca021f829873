/*
 * approval: the origin's /confirms resource as JSON: the queue, and the
 * decision on one request, through the same state machine as the page.
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

/* The queue in request order, a page at a time after a booking id. */
static const char SQL_QUEUE[] =
    "SELECT " BOOKINGAPI_COLUMNS BOOKINGAPI_FROM
    " WHERE b.status = 'pending' AND b.id > ? ORDER BY b.id LIMIT ?";

int
api_confirms_list(struct req *r)
{
	const char	*status = params_get(&r->query, "status");
	long long	 after, limit;
	struct db_rows	*rows;
	json_t		*list;
	char		 next[64];

	if (status != NULL && strcmp(status, "BOOKED") != 0)
		return req_refuse(r, 422, "status: only BOOKED (the requests "
		    "waiting for a decision) is listed here; see /api/bookingLists "
		    "for the rest", "status");
	if (api_page(r, &after, &limit) == -1)
		return 400;
	if ((rows = db_query(r->app->db, SQL_QUEUE, DB_ARGS(DB_INT(after),
	    DB_INT(limit)))) == NULL)
		return db_failed(r);
	if ((list = bookingapi_list(rows)) == NULL) {
		db_rows_free(rows);
		return 500;
	}
	if (rows->nrows == (size_t)limit)
		snprintf(next, sizeof next, "/api/confirms?status=BOOKED&after="
		    "%lld&limit=%lld", db_get_int(rows, rows->nrows - 1, "booking_id"),
		    limit);
	db_rows_free(rows);
	return api_send(r, 200, json_pack("{s:o, s:s?}", "confirms", list,
	    "next", json_array_size(list) == (size_t)limit ? next : NULL));
}

static const struct api_field decision_fields[] = {
	{ "status",	API_STRING,	1 },
	{ "reason",	API_STRING,	0 },
	{ NULL,		API_INT,	0 },
};

int
api_confirm_decide(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct booking_outcome	 o;
	enum booking_action	 action;
	const char		*status, *reason, *bad;
	json_t			*body, *v;
	int			 sent, rc;

	if ((body = api_body(r, decision_fields, &sent)) == NULL)
		return sent;
	status = json_string_value(json_object_get(body, "status"));
	reason = (v = json_object_get(body, "reason")) != NULL ?
	    json_string_value(v) : NULL;
	if (strcmp(status, "CONFIRMED") == 0)
		action = ACT_CONFIRM;
	else if (strcmp(status, "DENIED") == 0)
		action = ACT_DENY;
	else {
		json_decref(body);
		return req_refuse(r, 422, "status must be CONFIRMED or DENIED",
		    "status");
	}
	if (reason != NULL && (bad = valid_reason(reason)) != NULL) {
		json_decref(body);
		return req_refuse(r, 422, bad, "reason");
	}
	rc = booking_apply(r->app->db, id, action, r->user, reason != NULL &&
	    *reason != '\0' ? reason : NULL, &o);
	json_decref(body);
	switch (rc) {
	case BK_OK:
		log_info(r->rid, "booking %lld %s by user %lld (API)", id,
		    action == ACT_CONFIRM ? "confirmed" : "denied", r->user->id);
		return bookingapi_send(r, id, 200);
	default:
		return refusal_answer(r, rc, action, &o);
	}
}
