/* bookingapi: a booking as the JSON API shows it (the origin's names). */
#include <string.h>

#include "api.h"
#include "app.h"
#include "bookingapi.h"
#include "clock.h"
#include "i18n.h"
#include "db.h"
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
	return o;
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

/* Sends booking id as JSON with status (404 for others' bookings). */
int
bookingapi_send(struct req *r, long long id, int status)
{
	struct db_rows	*rows;
	json_t		*j;

	if ((rows = db_query(r->app->db, SQL_ONE, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (rows->nrows != 1 ||
	    !user_may_act_for(r->user, db_get_int(rows, 0, "user_id"))) {
		db_rows_free(rows);
		r->error = N_("no such booking");
		return 404;
	}
	j = bookingapi_json(rows, 0);
	db_rows_free(rows);
	return api_send(r, status, j);
}

