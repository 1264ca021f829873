/*
 * status: the origin's /bookingLists as JSON, read from the read model with
 * the status list's filters and its keyset cursor: one page per request,
 * so a client walks any number of bookings in bounded memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "app.h"
#include "cursor.h"
#include "bookingapi.h"
#include "clock.h"
#include "db.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "privacy.h"

/* Row i as the reader may see it: a private title hidden, owners as the
 * site chooses (lib/privacy). */
static json_t *
row_json(const struct req *r, const struct db_rows *rows, size_t i)
{
	const char		*status = db_get(rows, i, "status");
	int			 private = (int)db_get_int(rows, i, "private");
	struct booking_seen	 seen;
	json_t			*o;

	privacy_seen(r, db_get_int(rows, i, "user_id"), db_get(rows, i,
	    "user_name"), db_get(rows, i, "title"), private, &seen);
	o = json_pack("{s:I, s:I, s:s, s:s, s:b, s:s, s:s}",
	    "bookingId", db_get_int(rows, i, "booking_id"),
	    "roomId", db_get_int(rows, i, "room_id"),
	    "roomName", db_get(rows, i, "room_name"),
	    "title", seen.title, "private", private,
	    "status", status,
	    "confirmStatus", bookingapi_confirm_status(status));
	if (o == NULL)
		return NULL;
	bookingapi_set_time(o, "useStartDtm", "starts_at",
	    db_get(rows, i, "starts_at"));
	bookingapi_set_time(o, "useEndDtm", "ends_at",
	    db_get(rows, i, "ends_at"));
	bookingapi_set_time(o, "confirmDtm", NULL,
	    db_get(rows, i, "decided_at"));
	json_object_set_new(o, "confirmUserId",
	    db_get(rows, i, "decided_by") != NULL ?
	    json_integer(db_get_int(rows, i, "decided_by")) : json_null());
	/* Who booked, where the reader may see it, as on the status page. */
	json_object_set_new(o, "bookingUserId", seen.owner != NULL ?
	    json_integer(db_get_int(rows, i, "user_id")) : json_null());
	json_object_set_new(o, "bookingUserName", seen.owner != NULL ?
	    json_string(seen.owner) : json_null());
	bookingapi_set_time(o, "realUseStartDtm", NULL,
	    db_get(rows, i, "actual_start"));
	bookingapi_set_time(o, "realUseEndDtm", NULL,
	    db_get(rows, i, "actual_end"));
	return o;
}

int
api_booking_lists(struct req *r)
{
	const char		*cursor;
	struct input		 in;
	struct status_filters	 f;
	struct db_rows		*rows;
	time_t			 ct = (time_t)253402300799LL, last;
	long long		 cid = 999999999999999999LL, limit;
	char			 next[96];
	json_t			*list;
	int			 rc;

	if ((rc = status_read_filters(r, booking_lists_query, &in, &f)) != 0)
		return rc;
	limit = input_int(&in, "limit");
	if ((cursor = input_text(&in, "cursor")) != NULL &&
	    cursor_read(r, "cursor", N_("cursor must be the \"next\" "
	    "link's, e.g. 1796220000.1234"), cursor, &ct, &cid) != 0)
		return 422;
	if ((rc = status_rows(r, &f, 0, ct, cid, limit, &rows)) != 0)
		return rc;
	if ((list = json_array()) == NULL) {
		db_rows_free(rows);
		return 500;
	}
	for (size_t i = 0; i < rows->nrows; i++)
		json_array_append_new(list, row_json(r, rows, i));
	/* A full page may have more: the cursor after its last row. */
	next[0] = '\0';
	if (rows->nrows == (size_t)limit && parse_sql_time(db_get(rows,
	    rows->nrows - 1, "starts_at"), &last) == 0)
		snprintf(next, sizeof next, "%lld.%s", (long long)last,
		    db_get(rows, rows->nrows - 1, "booking_id"));
	db_rows_free(rows);
	return api_send(r, 200, json_pack("{s:o, s:s?}", "bookingLists", list,
	    "cursor", next[0] != '\0' ? next : NULL));
}
