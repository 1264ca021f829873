/*
 * booking: the origin's /notifications and /realuses resources as JSON.
 * A "real use" is a booking's actual use: checking in makes it, checking
 * out ends it; its id is the booking's.
 */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "app.h"
#include "booking.h"
#include "clock.h"
#include "db.h"
#include "fields.h"
#include "handlers.h"
#include "refusal.h"
#include "response.h"
#include "words.h"

static const char SQL_NOTES[] =
    "SELECT id, booking_id, message, kind, facts, created_at, read_at"
    " FROM notifications"
    " WHERE user_id = ? AND (? = 0 OR read_at IS NULL)"
    " ORDER BY id DESC LIMIT 100";
static const char SQL_READ_ALL[] =
    "UPDATE notifications SET read_at = UTC_TIMESTAMP()"
    " WHERE user_id = ? AND read_at IS NULL";
static const char SQL_USE[] =
    "SELECT id, user_id, status, actual_start, actual_end FROM bookings"
    " WHERE id = ?";

/* A DATETIME cell as ISO 8601, or null. */
static json_t *
iso_cell(const char *cell)
{
	time_t t;

	return cell != NULL && parse_sql_time(cell, &t) == 0 ?
	    api_iso_time(t) : json_null();
}

int
api_notifications_list(struct req *r)
{
	struct input	 q;
	struct db_rows	*rows;
	json_t		*list;
	int		 rc;

	if ((rc = input_query(r, notifications_query, &q)) != 0)
		return rc;
	if ((rows = db_query(r->app->db, SQL_NOTES, DB_ARGS(DB_INT(r->user->id),
	    DB_INT(input_given(&q, "unread") && strcmp(input_text(&q,
	    "unread"), "1") == 0)))) == NULL)
		return db_failed(r);
	if ((list = json_array()) == NULL) {
		db_rows_free(rows);
		return 500;
	}
	for (size_t i = 0; i < rows->nrows; i++) {
		char	 text[2048];
		json_t	*n;

		/* Told in the language the script asked for. */
		words_notice(r->lang, db_get(rows, i, "kind"), db_get(rows, i,
		    "facts"), db_get(rows, i, "message"), text, sizeof text);
		n = json_pack("{s:I, s:I, s:s, s:o, s:o, s:b}",
		    "notificationId", db_get_int(rows, i, "id"), "bookingId",
		    db_get_int(rows, i, "booking_id"), "message", text,
		    "createdAt",
		    iso_cell(db_get(rows, i, "created_at")), "readAt",
		    iso_cell(db_get(rows, i, "read_at")), "unread",
		    db_get(rows, i, "read_at") == NULL);

		json_array_append_new(list, n);
	}
	db_rows_free(rows);
	return api_send(r, 200, json_pack("{s:o}", "notifications", list));
}

int
api_notifications_read(struct req *r)
{
	if (db_exec(r->app->db, SQL_READ_ALL, DB_ARGS(DB_INT(r->user->id)),
	    NULL) < 0)
		return db_failed(r);
	return resp_send(r, 204, TYPE_JSON, CACHE_NONE, "", 0);
}

/* Sends booking id's actual use with status; 404 for others'. */
static int
send_use(struct req *r, long long id, int status)
{
	struct db_rows	*rows;
	json_t		*j;

	if ((rows = db_query(r->app->db, SQL_USE, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (rows->nrows != 1 ||
	    !user_may_act_for(r->user, db_get_int(rows, 0, "user_id")) ||
	    db_get(rows, 0, "actual_start") == NULL) {
		db_rows_free(rows);
		return req_refuse(r, 404, "no such real use (check in first)",
		    NULL);
	}
	j = json_pack("{s:I, s:I, s:s, s:o, s:o}", "realUseId",
	    db_get_int(rows, 0, "id"), "bookingId", db_get_int(rows, 0, "id"),
	    "status", db_get(rows, 0, "status"), "realUseStartDtm",
	    iso_cell(db_get(rows, 0, "actual_start")), "realUseEndDtm",
	    iso_cell(db_get(rows, 0, "actual_end")));
	db_rows_free(rows);
	return api_send(r, status, j);
}

/* Answers a check-in or check-out: the real use, or why not. */
static int
answer_use(struct req *r, long long id, enum booking_action action,
    enum booking_result rc, const struct booking_outcome *o, int status)
{
	const struct input_field *f;
	char			 location[64];
	int			 status_refused;

	if (rc == BK_OK) {
		snprintf(location, sizeof location, "/api/realuses/%lld", id);
		if (status == 201 && resp_header(r, "Location", location) == -1)
			return 500;
		return send_use(r, id, status);
	}
	status_refused = refusal_answer(r, rc, action, o);
	/* The field at fault under its JSON name (realUseEndDtm). */
	if ((f = input_field_of(checkout_in, r->error_field)) != NULL)
		r->error_field = f->json;
	return status_refused;
}

int
api_realuse_start(struct req *r)
{
	struct booking_outcome	 o;
	struct input		 in;
	long long		 id;
	int			 rc;

	rc = input_json(r, checkin_in, &in);
	id = input_int(&in, "booking_id");
	input_free(&in);
	if (rc != 0)
		return rc;
	return answer_use(r, id, ACT_CHECKIN, booking_apply(r->app->db, id,
	    ACT_CHECKIN, r->user, NULL, &o), &o, 201);
}

/*
 * Checking out ends the use now, or at a given realUseEndDtm that has
 * passed (a script reporting late); a minute ahead counts as now, for
 * clocks that differ a little.
 */
int
api_realuse_end(struct req *r)
{
	struct booking_outcome	 o;
	struct input		 in;
	time_t			 t;
	long long		 id = route_arg_id(r, 0);
	int			 rc, given;

	rc = input_json(r, checkout_in, &in);
	given = input_given(&in, "actual_end");
	t = input_time(&in, "actual_end");
	input_free(&in);
	if (rc != 0)
		return rc;
	if (given && t > clock_now() + 60)
		return req_refuse(r, 422, "realUseEndDtm: give a time that has "
		    "passed (or leave it out to end the use now)",
		    "realUseEndDtm");
	return answer_use(r, id, ACT_CHECKOUT, given ?
	    booking_check_out_at(r->app->db, id, r->user, t, &o) :
	    booking_apply(r->app->db, id, ACT_CHECKOUT, r->user, NULL, &o), &o,
	    200);
}

int
api_realuse_show(struct req *r)
{
	return send_use(r, route_arg_id(r, 0), 200);
}
