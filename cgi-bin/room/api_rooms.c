/*
 * room: the origin's /rooms resource as JSON.  Adding and taking a room out
 * of use go through the same checks and transactions as the forms.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "app.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "handlers.h"
#include "response.h"
#include "pages.h"

#define ROOM_COLUMNS							\
	"id, name, location, capacity, description, status,"		\
	" unavailable_reason, checkin_required_since IS NOT NULL AS"	\
	" checkin_required, version"

static const char SQL_ALL[] =
    "SELECT " ROOM_COLUMNS " FROM rooms ORDER BY name";
static const char SQL_ONE[] =
    "SELECT " ROOM_COLUMNS " FROM rooms WHERE id = ?";

/* Row i as JSON: the origin's names, and "Y"/"N" for in use or not. */
static json_t *
room_json(const struct db_rows *rows, size_t i)
{
	int available = strcmp(db_get(rows, i, "status"), "available") == 0;

	return json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:b, s:s?, s:b, s:I}",
	    "roomId", db_get_int(rows, i, "id"),
	    "name", db_get(rows, i, "name"),
	    "location", db_get(rows, i, "location"),
	    "capacity", db_get_int(rows, i, "capacity"),
	    "description", db_get(rows, i, "description"),
	    "status", available ? "Y" : "N", "available", available,
	    "reason", db_get(rows, i, "unavailable_reason"),
	    "checkinRequired", (int)db_get_int(rows, i, "checkin_required"),
	    "version", db_get_int(rows, i, "version"));
}

int
api_rooms_list(struct req *r)
{
	struct db_rows	*rows;
	json_t		*list;

	if ((rows = db_query(r->app->db, SQL_ALL, DB_NOARGS)) == NULL)
		return db_failed(r);
	if ((list = json_array()) == NULL) {
		db_rows_free(rows);
		return 500;
	}
	for (size_t i = 0; i < rows->nrows; i++)
		json_array_append_new(list, room_json(rows, i));
	db_rows_free(rows);
	return api_send(r, 200, json_pack("{s:o}", "rooms", list));
}

/* Sends room id with status and its version as the ETag. */
static int
send_room(struct req *r, long long id, int status)
{
	struct db_rows	*rows;
	json_t		*j;
	char		 etag[32];

	if ((rows = db_query(r->app->db, SQL_ONE, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (rows->nrows != 1) {
		db_rows_free(rows);
		r->error = "no such room";
		return 404;
	}
	snprintf(etag, sizeof etag, "\"%s\"", db_get(rows, 0, "version"));
	j = room_json(rows, 0);
	db_rows_free(rows);
	if (resp_header(r, "ETag", etag) == -1) {
		json_decref(j);
		return 500;
	}
	return api_send(r, status, j);
}

int
api_room_show(struct req *r)
{
	return send_room(r, route_arg_id(r, 0), 200);
}

static const struct api_field new_room_fields[] = {
	{ "name",		API_STRING,	1 },
	{ "location",		API_STRING,	0 },
	{ "capacity",		API_INT,	1 },
	{ "description",	API_STRING,	0 },
	{ "checkinRequired",	API_INT,	0 },
	{ NULL,			API_INT,	0 },
};

/*
 * The room's fields as the form's, so the form's checks apply: each from
 * the JSON body, or else from the room as saved (current, may be NULL).
 */
static int
as_form(struct req *r, json_t *body, const struct db_rows *current)
{
	/* A form field's name is also its column's in current. */
	static const struct {
		const char	*json, *form;
	} map[] = {
		{ "name", "name" }, { "location", "location" },
		{ "capacity", "capacity" }, { "description", "description" },
		{ "checkinRequired", "checkin_required" },
	};
	char	 n[24];

	params_free(&r->form);
	for (size_t i = 0; i < NELEM(map); i++) {
		json_t		*v = json_object_get(body, map[i].json);
		const char	*value = NULL;

		if (v != NULL && json_is_integer(v)) {
			snprintf(n, sizeof n, "%lld",
			    (long long)json_integer_value(v));
			value = n;
		} else if (v != NULL)
			value = json_string_value(v);
		else if (current != NULL)
			value = db_get(current, 0, map[i].form);
		/* The form's checkbox: "1" when ticked, absent when not. */
		if (strcmp(map[i].form, "checkin_required") == 0)
			value = value != NULL && strcmp(value, "0") != 0 ? "1" : "";
		if (value != NULL && params_append(&r->form, map[i].form,
		    value) == -1)
			return -1;
	}
	return 0;
}

int
api_room_create(struct req *r)
{
	struct form_errors	 e;
	struct room_input	 in;
	struct room_outcome	 o;
	enum room_result	 rc;
	char			 location[64];
	json_t			*body;
	int			 sent;

	if ((body = api_body(r, new_room_fields, &sent)) == NULL)
		return sent;
	sent = as_form(r, body, NULL);
	json_decref(body);
	if (sent == -1)
		return 500;
	if (form_check(r, room_fields, &e) > 0)
		return req_refuse(r, 422, e.v[0].message, e.v[0].field);
	room_input_of(r, &in);
	if ((rc = room_add(r->app->db, r->user, &in, &o)) != ROOM_OK)
		return room_refused(r, rc, &o);
	log_info(r->rid, "room %lld added by user %lld (API)", o.id,
	    r->user->id);
	snprintf(location, sizeof location, "/api/rooms/%lld", o.id);
	if (resp_header(r, "Location", location) == -1)
		return 500;
	return send_room(r, o.id, 201);
}

/* If-Match: "<version>" (quotes optional); 0 when absent, -1 if malformed. */
static long long
if_match(struct req *r)
{
	const char	*h = req_env(r, "HTTP_IF_MATCH");
	char		*end;
	long long	 v;
	int		 quoted;

	if (h == NULL || *h == '\0')
		return 0;
	if ((quoted = *h == '"'))
		h++;
	/* Digits only: strtoll would also take " 5" and "+5". */
	if (!isdigit((unsigned char)*h))
		return -1;
	errno = 0;
	v = strtoll(h, &end, 10);
	if (v <= 0 || errno != 0 ||
	    strcmp(end, quoted ? "\"" : "") != 0)
		return -1;
	return v;
}

static const struct api_field change_fields[] = {
	{ "status",		API_STRING,	0 },
	{ "reason",		API_STRING,	0 },
	{ "name",		API_STRING,	0 },
	{ "location",		API_STRING,	0 },
	{ "capacity",		API_INT,	0 },
	{ "description",	API_STRING,	0 },
	{ "checkinRequired",	API_INT,	0 },
	{ NULL,			API_INT,	0 },
};

/* Out of use ("N", with a reason) or back ("Y"), as the room page does. */
static int
change_status(struct req *r, long long id, long long version, json_t *body)
{
	const char	*status = json_string_value(json_object_get(body,
			    "status"));
	json_t		*v = json_object_get(body, "reason");
	const char	*reason = v != NULL ? json_string_value(v) : "";
	const char	*bad;
	struct room_outcome o;
	enum room_result rc;
	int		 status_sent;

	if (json_object_size(body) > (v != NULL ? 2u : 1u))
		return req_refuse(r, 422, "change the status alone, then the "
		    "other fields", "status");
	if (strcmp(status, "N") == 0) {
		if ((bad = *reason == '\0' ? "a reason is required: the people "
		    "whose bookings are cancelled will see it" :
		    valid_reason(reason)) != NULL)
			return req_refuse(r, 422, bad, "reason");
		rc = room_close(r->app->db, r->user, id, version, reason, &o);
	} else if (strcmp(status, "Y") == 0) {
		rc = room_reopen(r->app->db, r->user, id, version, &o);
	} else
		return req_refuse(r, 422, "status must be \"Y\" (available) or "
		    "\"N\" (unavailable, with a reason)", "status");
	status_sent = rc == ROOM_OK ? send_room(r, id, 200) :
	    room_refused(r, rc, &o);
	room_outcome_free(&o);
	return status_sent;
}

/* New values for some of the room's fields, if it is still at version. */
static int
edit_room(struct req *r, long long id, long long version, json_t *body)
{
	struct form_errors	 e;
	struct db_rows		*current;
	struct room_input	 in;
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
		r->error = "no such room";
		return 404;
	}
	rc = as_form(r, body, current);
	db_rows_free(current);
	if (rc == -1)
		return 500;
	if (form_check(r, room_fields, &e) > 0)
		return req_refuse(r, 422, e.v[0].message, e.v[0].field);
	room_input_of(r, &in);
	if ((changed = room_change(r->app->db, r->user, id, version, &in,
	    &o)) != ROOM_OK) {
		rc = room_refused(r, changed, &o);
		room_outcome_free(&o);
		return rc;
	}
	return send_room(r, id, 200);
}

int
api_room_change(struct req *r)
{
	long long	 id = route_arg_id(r, 0), version = if_match(r);
	json_t		*body;
	int		 rc;

	if (version == -1)
		return req_refuse(r, 400, "If-Match must be the room's version, "
		    "as its ETag gives it", NULL);
	if ((body = api_body(r, change_fields, &rc)) == NULL)
		return rc;
	rc = json_object_get(body, "status") != NULL ?
	    change_status(r, id, version, body) :
	    json_object_get(body, "reason") != NULL ? req_refuse(r, 422,
	    "a reason goes with \"status\": \"N\"", "reason") :
	    edit_room(r, id, version, body);
	json_decref(body);
	return rc;
}
