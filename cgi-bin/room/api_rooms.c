/*
 * room: the origin's /rooms resource as JSON.  Adding and taking a room out
 * of use go through the same checks and transactions as the forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "bookingapi.h"
#include "app.h"
#include "db.h"
#include "feature.h"
#include "log.h"
#include "handlers.h"
#include "response.h"
#include "pages.h"
#include "policy.h"
#include "roomfilter.h"

#define ROOM_COLUMNS							\
	"rooms.id, rooms.name, rooms.location, rooms.capacity,"	\
	" rooms.description, rooms.status, rooms.unavailable_reason,"	\
	" rooms.closed_from, rooms.closed_until,"			\
	" rooms.checkin_required_since IS NOT NULL AS checkin_required,"	\
	" rooms.version, rooms.approval, rooms.buffer_minutes,"	\
	" rooms.max_per_day, rooms.max_per_week,"			\
	" rooms.max_hours_per_week, rooms.max_future,"			\
	ROOM_PLACE_COLUMNS

static const char SQL_ALL[] =
    "SELECT " ROOM_COLUMNS " FROM rooms" ROOM_FILTER_JOIN
    " ORDER BY rooms.name";
static const char SQL_ONE[] =
    "SELECT " ROOM_COLUMNS " FROM rooms" ROOM_FILTER_JOIN
    " WHERE rooms.id = ?";

/*
 * Row i as JSON: the origin's names, and "Y"/"N" for in use or not; its
 * policy with names from the rooms' policy_names; its place, photo and
 * equipment (features: room_id, name).
 */
static json_t *
room_json(const struct db_rows *rows, size_t i, const struct db_rows *names,
    const struct db_rows *features)
{
	int	 available = strcmp(db_get(rows, i, "status"), "available") == 0;
	json_t	*o;

	o = json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:b, s:s?, s:b, s:I}",
	    "roomId", db_get_int(rows, i, "id"),
	    "name", db_get(rows, i, "name"),
	    "location", db_get(rows, i, "location"),
	    "capacity", db_get_int(rows, i, "capacity"),
	    "description", db_get(rows, i, "description"),
	    "status", available ? "Y" : "N", "available", available,
	    "reason", db_get(rows, i, "unavailable_reason"),
	    "checkinRequired", (int)db_get_int(rows, i, "checkin_required"),
	    "version", db_get_int(rows, i, "version"));
	if (o != NULL && (room_policy_json(o, rows, i, names) == -1 ||
	    room_place_json(o, rows, i, features) == -1)) {
		json_decref(o);
		return NULL;
	}
	/* The closure, begun or ahead; null when there is none. */
	if (o != NULL) {
		bookingapi_set_time(o, "closedFrom", NULL, db_get(rows, i,
		    "closed_from"));
		bookingapi_set_time(o, "closedUntil", NULL, db_get(rows, i,
		    "closed_until"));
	}
	return o;
}

/* room_refused, its field under the name the body gave it. */
static int
refused_in(struct req *r, enum room_result rc, const struct room_outcome *o,
    const struct input *in)
{
	int status = room_refused(r, rc, o);

	if (r->error_field != NULL)
		r->error_field = input_name_sent(in, r->error_field);
	return status;
}

int
api_rooms_list(struct req *r)
{
	struct db_rows	*rows = NULL, *names = NULL, *features = NULL;
	json_t		*list = NULL;
	int		 rc = 500;

	if ((rows = db_query(r->app->db, SQL_ALL, DB_NOARGS)) == NULL ||
	    (names = policy_names(r->app->db, 0)) == NULL ||
	    (features = feature_of_rooms(r->app->db, 0)) == NULL) {
		rc = db_failed(r);
		goto out;
	}
	if ((list = json_array()) == NULL)
		goto out;
	for (size_t i = 0; i < rows->nrows; i++)
		if (json_array_append_new(list, room_json(rows, i, names,
		    features)) == -1)
			goto out;
	rc = api_send(r, 200, json_pack("{s:O}", "rooms", list));
out:
	json_decref(list);
	db_rows_free(features);
	db_rows_free(names);
	db_rows_free(rows);
	return rc;
}

int
api_room_send(struct req *r, long long id, int status)
{
	struct db_rows	*rows, *names = NULL, *features = NULL;
	json_t		*j;
	char		 etag[32];

	if ((rows = db_query(r->app->db, SQL_ONE, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (rows->nrows != 1) {
		db_rows_free(rows);
		return req_refuse(r, 404, "no such room", NULL);
	}
	if ((names = policy_names(r->app->db, id)) == NULL ||
	    (features = feature_of_rooms(r->app->db, id)) == NULL) {
		db_rows_free(names);
		db_rows_free(rows);
		return db_failed(r);
	}
	snprintf(etag, sizeof etag, "\"%s\"", db_get(rows, 0, "version"));
	j = room_json(rows, 0, names, features);
	db_rows_free(features);
	db_rows_free(names);
	db_rows_free(rows);
	if (j == NULL)
		return 500;
	if (resp_header(r, "ETag", etag) == -1) {
		json_decref(j);
		return 500;
	}
	return api_send(r, status, j);
}

int
api_room_show(struct req *r)
{
	return api_room_send(r, route_arg_id(r, 0), 200);
}

int
api_room_create(struct req *r)
{
	struct input		 in;
	struct room_input	 room;
	struct room_outcome	 o;
	enum room_result	 rc;
	char			 location[64];
	int			 sent;

	/* The add form's fields and checks (its version is the form's). */
	if ((sent = input_json(r, room_in, &in)) != 0) {
		input_free(&in);
		return sent;
	}
	if ((sent = room_input_of(r, &in, &room)) != 0) {
		input_free(&in);
		return sent;
	}
	rc = room_add(r->app->db, r->user, &room, &o);
	if (rc != ROOM_OK) {
		sent = refused_in(r, rc, &o, &in);
		input_free(&in);
		return sent;
	}
	input_free(&in);
	log_info(r->rid, "room %lld added by user %lld (API)", o.id,
	    r->user->id);
	snprintf(location, sizeof location, "/api/rooms/%lld", o.id);
	if (resp_header(r, "Location", location) == -1)
		return 500;
	return api_room_send(r, o.id, 201);
}

/* Out of use ("N", with a reason) or back ("Y"), as the room page does. */
static int
change_status(struct req *r, long long id, long long version,
    const struct input *in)
{
	struct room_outcome	 o;
	enum room_result	 rc;
	int			 status_sent;

	for (size_t i = 0; room_in[i] != NULL; i++)
		if (input_given(in, room_in[i]->name))
			return req_refuse(r, 422, "change the status alone, "
			    "then the other fields", "status");
	if (strcmp(input_text(in, "status"), "Y") == 0 &&
	    (input_given(in, "closed_from") || input_given(in, "closed_until")))
		return req_refuse(r, 422, "closedFrom and closedUntil go with "
		    "\"status\": \"N\"", "status");
	if (strcmp(input_text(in, "status"), "N") == 0) {
		if (!input_given(in, "reason"))
			return req_refuse(r, 422, "Please fill this in.",
			    "reason");
		struct room_closure c;

		room_closure_of(in, &c);
		rc = room_close(r->app->db, r->user, id, version, &c, &o);
		/* The field under the name this request gave it. */
		if (rc == ROOM_BAD_WINDOW)
			return req_refuse(r, 422, room_window_backwards,
			    input_name_sent(in, "closed_until"));
	} else
		rc = room_reopen(r->app->db, r->user, id, version, &o);
	status_sent = rc == ROOM_OK ? api_room_send(r, id, 200) :
	    room_refused(r, rc, &o);
	room_outcome_free(&o);
	return status_sent;
}

/*
 * New values for some of the room's fields, if it is still at version:
 * each field left out keeps its saved value.
 */
static int
edit_room(struct req *r, long long id, long long version,
    const struct input *in)
{
	struct db_rows		*current;
	struct room_input	 room;
	struct room_outcome	 o;
	enum room_result	 changed;
	int			 rc;

	if (version == 0)
		return req_refuse(r, 428, "send If-Match with the room's version "
		    "(its ETag) to change its fields", NULL);
	if ((current = db_query(r->app->db, SQL_ONE, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (current->nrows != 1) {
		db_rows_free(current);
		return req_refuse(r, 404, "no such room", NULL);
	}
	if ((rc = room_input_of(r, in, &room)) != 0) {
		db_rows_free(current);
		return rc;
	}
	room_policy_keep(in, current, &room);
	room_place_keep(in, &room);
	if (!input_given(in, "name"))
		room.name = db_get(current, 0, "name");
	if (input_get(in, "location")->sent_as == NULL)
		room.location = db_text(current, 0, "location");
	if (input_get(in, "description")->sent_as == NULL)
		room.description = db_text(current, 0, "description");
	if (!input_given(in, "capacity"))
		room.capacity = db_get_int(current, 0, "capacity");
	if (input_get(in, "checkin_required")->sent_as == NULL)
		room.checkin_required = (int)db_get_int(current, 0,
		    "checkin_required");
	changed = room_change(r->app->db, r->user, id, version, &room, &o);
	db_rows_free(current);
	rc = changed == ROOM_OK ? api_room_send(r, id, 200) :
	    refused_in(r, changed, &o, in);
	room_outcome_free(&o);
	return rc;
}

int
api_room_change(struct req *r)
{
	long long	 id = route_arg_id(r, 0), version = api_if_match(r);
	struct input	 in;
	int		 rc;

	if (version == -1)
		return req_refuse(r, 400, "If-Match must be the room's version, "
		    "as its ETag gives it", NULL);
	if ((rc = input_json_patch(r, room_change_in, &in)) == 0)
		rc = input_given(&in, "status") ? change_status(r, id, version,
		    &in) : input_given(&in, "reason") ? req_refuse(r, 422,
		    "a reason goes with \"status\": \"N\"", "reason") :
		    input_given(&in, "closed_from") || input_given(&in,
		    "closed_until") ? req_refuse(r, 422, "closedFrom and "
		    "closedUntil go with \"status\": \"N\"", "status") :
		    edit_room(r, id, version, &in);
	input_free(&in);
	return rc;
}
