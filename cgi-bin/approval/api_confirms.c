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
#include "fields.h"
#include "handlers.h"
#include "log.h"
#include "policy.h"
#include "refusal.h"

/* The queue in request order, a page at a time after a booking id. */
static const char SQL_QUEUE[] =
    "SELECT " BOOKINGAPI_COLUMNS BOOKINGAPI_FROM
    " WHERE b.status = 'pending' AND b.id > ?"
    " AND (? OR b.room_id IN " POLICY_ROOMS_DECIDED_BY ")"
    " ORDER BY b.id LIMIT ?";

int
api_confirms_list(struct req *r)
{
	struct input	 in;
	long long	 after, limit;
	struct db_rows	*rows;
	json_t		*list;
	char		 next[64];
	int		 rc;

	/* ?status can only be BOOKED: confirms_query says so. */
	if ((rc = input_query(r, confirms_query, &in)) != 0 ||
	    (rc = decider_only(r)) != 0)
		return rc;
	after = input_int(&in, "after");
	limit = input_int(&in, "limit");
	if ((rows = db_query(r->app->db, SQL_QUEUE, DB_ARGS(DB_INT(after),
	    DB_INT(r->user->admin), DB_INT(r->user->id), DB_INT(r->user->id),
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

int
api_confirm_decide(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct booking_outcome	 o;
	struct input		 in;
	enum booking_action	 action;
	const char		*reason;
	int			 rc;

	if ((rc = decider_only(r)) != 0)
		return rc;
	if ((rc = input_json(r, decision_in, &in)) != 0) {
		input_free(&in);
		return rc;
	}
	action = strcmp(input_text(&in, "status"), "CONFIRMED") == 0 ?
	    ACT_CONFIRM : ACT_DENY;
	reason = input_text(&in, "reason");
	rc = booking_apply(r->app->db, id, action, r->user, reason, &o);
	input_free(&in);
	switch (rc) {
	case BK_OK:
		log_info(r->rid, "booking %lld %s by user %lld (API)", id,
		    action == ACT_CONFIRM ? "confirmed" : "denied", r->user->id);
		return bookingapi_send(r, id, 200);
	default:
		return refusal_answer(r, rc, action, &o);
	}
}
