/* bookingapi: a booking as the JSON API shows it (the origin's names). */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "app.h"
#include "bookingapi.h"
#include "clock.h"
#include "i18n.h"
#include "db.h"
#include "delegate.h"
#include "participants.h"
#include "response.h"
#include "user.h"

static const char SQL_ONE[] =
    "SELECT " BOOKINGAPI_COLUMNS BOOKINGAPI_FROM " WHERE b.id = ?";

/* The origin's confirmStatus for each of our states. */
const char *
bookingapi_confirm_status(const char *state)
{
	static const struct {
		const char *state, *origin;
	} map[] = {
		{ "pending", "BOOKED" }, { "confirmed", "CONFIRMED" },
		{ "denied", "DENIED" }, { "cancelled", "CANCELLED" },
		{ "expired", "EXPIRED" }, { "in_use", "CONFIRMED" },
		{ "completed", "CONFIRMED" }, { "released", "CANCELLED" },
	};

	for (size_t i = 0; i < NELEM(map); i++)
		if (strcmp(map[i].state, state) == 0)
			return map[i].origin;
	return "BOOKED";
}

void
bookingapi_set_time(json_t *o, const char *origin_key, const char *iso_key,
    const char *cell)
{
	time_t t;

	if (cell == NULL || parse_sql_time(cell, &t) == -1) {
		json_object_set_new(o, origin_key, json_null());
		if (iso_key != NULL)
			json_object_set_new(o, iso_key, json_null());
		return;
	}
	json_object_set_new(o, origin_key, api_origin_time(t));
	if (iso_key != NULL)
		json_object_set_new(o, iso_key, api_iso_time(t));
}

/* Row i of an BOOKINGAPI_COLUMNS query, with the origin's field names. */
json_t *
bookingapi_json(const struct db_rows *rows, size_t i)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:I, s:s, s:s, s:I, s:s, s:s}",
	    "bookingId", db_get_int(rows, i, "booking_id"), "roomId",
	    db_get_int(rows, i, "room_id"), "roomName",
	    db_text(rows, i, "room_name"), "bookingUserId",
	    db_get_int(rows, i, "user_id"), "bookingUserName",
	    db_text(rows, i, "user_name"), "title", db_text(rows, i, "title"),
	    "attendees", db_get_int(rows, i, "attendees"), "status",
	    db_text(rows, i, "status"), "confirmStatus",
	    bookingapi_confirm_status(db_text(rows, i, "status")));

	if (o == NULL)
		return NULL;
	bookingapi_set_time(o, "useStartDtm", "starts_at",
	    db_get(rows, i, "starts_at"));
	bookingapi_set_time(o, "useEndDtm", "ends_at", db_get(rows, i, "ends_at"));
	json_object_set_new(o, "confirmUserId",
	    db_get(rows, i, "decided_by") != NULL ?
	    json_integer(db_get_int(rows, i, "decided_by")) : json_null());
	bookingapi_set_time(o, "confirmDtm", NULL, db_get(rows, i, "decided_at"));
	json_object_set_new(o, "reason", db_get(rows, i, "reason") != NULL ?
	    json_string(db_get(rows, i, "reason")) : json_null());
	bookingapi_set_time(o, "realUseStartDtm", NULL,
	    db_get(rows, i, "actual_start"));
	bookingapi_set_time(o, "realUseEndDtm", NULL,
	    db_get(rows, i, "actual_end"));
	json_object_set_new(o, "private",
	    json_boolean(db_get_int(rows, i, "private")));
	json_object_set_new(o, "version", json_integer(db_get_int(rows, i,
	    "version")));
	json_object_set_new(o, "bookedByUserId",
	    db_get(rows, i, "booked_by") != NULL ?
	    json_integer(db_get_int(rows, i, "booked_by")) : json_null());
	/* A series' date: its series, and the date its rule gave it. */
	json_object_set_new(o, "seriesId", db_get(rows, i, "series_id") != NULL ?
	    json_integer(db_get_int(rows, i, "series_id")) : json_null());
	json_object_set_new(o, "originalDate", db_get(rows, i,
	    "original_date") != NULL ? json_string(db_get(rows, i,
	    "original_date")) : json_null());
	return o;
}

/* Who a booking names, as the API shows them. */
static json_t *
participants_json(const struct participants *p)
{
	json_t *list = json_array();

	for (size_t i = 0; list != NULL && i < p->n; i++) {
		const struct participant *q = &p->v[i];
		json_t *one = q->user_id != 0 ? json_pack("{s:I, s:s, s:s}",
		    "userId", (json_int_t)q->user_id, "login", q->login,
		    "name", q->name) : json_pack("{s:s}", "email", q->email);

		if (json_array_append_new(list, one) == -1) {
			json_decref(list);
			return NULL;
		}
	}
	return list;
}

json_t *
bookingapi_list(const struct db_rows *rows)
{
	json_t *list = json_array();

	for (size_t i = 0; list != NULL && i < rows->nrows; i++)
		if (json_array_append_new(list, bookingapi_json(rows, i)) == -1) {
			json_decref(list);
			list = NULL;
		}
	return list;
}

/*
 * Booking id as JSON with its participants into *j, its version as the
 * ETag into etag: 0, 404 for those who may not see it, or the status of
 * the database's failure.
 */
static int
booking_of(struct req *r, long long id, json_t **j, char etag[32])
{
	struct participants	 named = { 0 };
	struct db_rows		*rows;
	json_t			*list;
	int			 may;

	if ((rows = db_query(r->app->db, SQL_ONE, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (rows->nrows != 1) {
		db_rows_free(rows);
		r->error = N_("no such booking");
		return 404;
	}
	if ((may = delegate_may_act(r->app->db, r->user,
	    db_get_int(rows, 0, "user_id"))) == -1 ||
	    participants_load(r->app->db, id, &named) == -1) {
		db_rows_free(rows);
		return db_failed(r);
	}
	/* Whom it names may read it, and act on it no more than that. */
	if (!may && !participants_has_person(&named, r->user->id)) {
		participants_free(&named);
		db_rows_free(rows);
		r->error = N_("no such booking");
		return 404;
	}
	snprintf(etag, 32, "\"%s\"", db_get(rows, 0, "version"));
	*j = bookingapi_json(rows, 0);
	list = participants_json(&named);
	participants_free(&named);
	db_rows_free(rows);
	if (*j == NULL || list == NULL || json_object_set_new(*j,
	    "participants", list) == -1) {
		json_decref(*j);
		return 500;
	}
	return 0;
}

int
bookingapi_send(struct req *r, long long id, int status)
{
	json_t	*j;
	char	 etag[32];
	int	 rc;

	if ((rc = booking_of(r, id, &j, etag)) != 0)
		return rc;
	if (resp_header(r, "ETag", etag) == -1) {
		json_decref(j);
		return 500;
	}
	return api_send(r, status, j);
}

int
bookingapi_stale(struct req *r, long long id)
{
	json_t	*j, *body;
	char	 etag[32];
	int	 rc;

	if ((rc = booking_of(r, id, &j, etag)) != 0)
		return rc;
	body = json_pack("{s:{s:s, s:s}, s:o}", "error", "code",
	    "precondition_failed", "message", T(r, "the booking was changed "
	    "since that version; here it is as it is now"), "current", j);
	if (body == NULL || resp_header(r, "ETag", etag) == -1) {
		json_decref(body);
		return 500;
	}
	return api_send(r, 412, body);
}
