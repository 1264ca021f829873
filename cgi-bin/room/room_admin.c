/* room: adding and editing rooms, taking them out of use and back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "booking.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "log.h"
#include "page.h"
#include "response.h"
#include "pages.h"
#include "utf8.h"

static const char SQL_CURRENT[] =
    "SELECT name, location, capacity, description, version,"
    " IF(checkin_required_since IS NULL, '', '1') AS checkin_required"
    " FROM rooms WHERE id = ?";
static const char SQL_OVER_CAPACITY[] =
    "SELECT b.id AS booking_id, b.title, b.starts_at, b.ends_at,"
    " u.display_name AS owner_name, b.attendees"
    " FROM bookings b JOIN users u ON u.id = b.user_id"
    " WHERE b.room_id = ? AND b.status IN ('pending','confirmed')"
    " AND b.ends_at > UTC_TIMESTAMP() AND b.attendees > ?"
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "UTC_TIMESTAMP()")
    " ORDER BY b.starts_at";

static const char *
valid_room_name(const char *v)
{
	if (utf8_has_control(v, strlen(v)) || utf8_length(v) > 100)
		return "Use up to 100 letters, digits, spaces and punctuation.";
	return NULL;
}

static const char *
valid_location(const char *v)
{
	if (utf8_has_control(v, strlen(v)) || utf8_length(v) > 200)
		return "Use up to 200 letters, digits, spaces and punctuation.";
	return NULL;
}

static const char *
valid_capacity(const char *v)
{
	return valid_attendees(v) == NULL ? NULL :
	    "Enter how many people it seats, from 1 to 10000.";
}

static const char *
valid_description(const char *v)
{
	for (const char *s = v; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\r' &&
		    *s != '\t')
			return "Use letters, digits, spaces and punctuation.";
	return utf8_length(v) > 2000 ? "Keep it to 2000 characters." : NULL;
}

const struct field room_fields[] = {
	{ "name",		valid_room_name,	F_REQUIRED },
	{ "location",		valid_location,		0 },
	{ "capacity",		valid_capacity,		F_REQUIRED },
	{ "description",	valid_description,	0 },
	{ "checkin_required",	valid_checkbox,		0 },
	{ "version",		valid_id,		0 },
	{ NULL,			NULL,			0 },
};

static const struct field reason_in[] = {
	{ "reason",	valid_reason,	F_REQUIRED },
	{ NULL,		NULL,		0 },
};

static const char *
field(const struct req *r, const char *name)
{
	const char *v = params_get(&r->form, name);

	return v != NULL ? v : "";
}

/*
 * The add or edit form (id 0: add) with r->form's values.  current, if
 * set, is the room as saved now (name, location, capacity, description,
 * version), shown beside the person's values after a conflict.
 */
static int
form_page(struct req *r, long long id, int status,
    const struct form_errors *e, const struct db_rows *current)
{
	static const char *const labels[] = {
		"Name", "Location", "Capacity", "Description",
	};
	static const char *const names[] = {
		"name", "location", "capacity", "description",
	};
	struct page	p;

	if (page_begin(&p, r, id ? "Edit room" : "Add a room",
	    "room_form.tpl") == -1)
		return 500;
	form_fill(p.body, r, room_fields, e);
	if (*field(r, "checkin_required") != '\0')
		tpl_show(p.body, "CHECKIN_REQUIRED_ON");
	if (id) {
		tpl_set_int(tpl_section(p.body, "EDIT"), "ID", id);
	} else
		tpl_show(p.body, "ADD");
	if (current != NULL) {
		struct tpl *c = tpl_section(p.body, "CONFLICT");

		/* Saving again now overwrites, knowingly: the new version. */
		tpl_set(p.body, "VERSION", db_get(current, 0, "version"));
		for (size_t i = 0; i < NELEM(names); i++) {
			struct tpl *row = tpl_section(c, "CHANGE");
			const char *saved = db_get(current, 0, names[i]);

			tpl_set(row, "FIELD", labels[i]);
			tpl_set(row, "SAVED", saved);
			tpl_set(row, "YOURS", field(r, names[i]));
			if (strcmp(saved != NULL ? saved : "",
			    field(r, names[i])) != 0)
				tpl_show(row, "DIFFERS");
		}
	}
	return page_finish(&p, r, status);
}

int
room_new(struct req *r)
{
	struct form_errors e = { 0 };

	return form_page(r, 0, 200, &e, NULL);
}

void
room_input_of(const struct req *r, struct room_input *in)
{
	in->name = field(r, "name");
	in->location = field(r, "location");
	in->description = field(r, "description");
	in->capacity = form_int(r, "capacity");
	in->checkin_required = *field(r, "checkin_required") != '\0';
}

int
room_refused(struct req *r, enum room_result rc, const struct room_outcome *o)
{
	switch (rc) {
	case ROOM_NOT_FOUND:
		r->error = "there is no such room";
		return 404;
	case ROOM_NAME_TAKEN:
		r->error = "Another room already has this name.";
		r->error_field = "name";
		return 409;
	case ROOM_STALE:
		req_errorf(r, "the room was changed since (it is at version "
		    "%lld); reload it and try again", o->version);
		return 412;
	case ROOM_ALREADY:
		if (strcmp(o->status, "available") == 0)
			r->error = "the room is already available";
		else
			req_errorf(r, "the room is already unavailable (%s)",
			    o->reason);
		return 409;
	case ROOM_HAS_BOOKINGS:
		r->error = "the room has bookings, and their history must stay;"
		    " make it unavailable instead";
		return 409;
	default:
		return db_failed(r);
	}
}

int
room_create(struct req *r)
{
	struct form_errors	 e;
	struct room_input	 in;
	struct room_outcome	 o;
	enum room_result	 rc;
	char			 location[64];

	if (form_check(r, room_fields, &e) > 0)
		return form_page(r, 0, 422, &e, NULL);
	room_input_of(r, &in);
	if ((rc = room_add(r->app->db, r->user, &in, &o)) == ROOM_NAME_TAKEN) {
		form_error(&e, "name", "Another room already has this name.");
		return form_page(r, 0, 422, &e, NULL);
	}
	if (rc != ROOM_OK)
		return room_refused(r, rc, &o);
	log_info(r->rid, "room %lld added by user %lld", o.id, r->user->id);
	snprintf(location, sizeof location, "/rooms/%lld?added=1", o.id);
	return resp_redirect(r, 303, location);
}

int
room_edit(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct form_errors	 e = { 0 };
	struct db_rows		*rows;
	static const char *const names[] = {
		"name", "location", "capacity", "description", "version",
		"checkin_required",
	};
	int			 rc;

	if ((rows = db_query(r->app->db, SQL_CURRENT, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (rows->nrows != 1) {
		db_rows_free(rows);
		return 404;
	}
	/* The form starts from the room as saved, version included. */
	for (size_t i = 0; i < NELEM(names); i++) {
		if (params_append(&r->form, names[i],
		    db_text(rows, 0, names[i])) == -1) {
			db_rows_free(rows);
			return 500;
		}
	}
	db_rows_free(rows);
	rc = form_page(r, id, 200, &e, NULL);
	return rc;
}

int
room_update(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct db		*db = r->app->db;
	struct form_errors	 e;
	struct room_input	 in;
	struct room_outcome	 o;
	enum room_result	 changed;
	struct db_rows		*over;
	struct room_notice	 n = { 0 };
	char			 location[64];
	int			 rc;

	if (form_check(r, room_fields, &e) > 0 ||
	    (params_get(&r->form, "version") == NULL &&
	    (form_error(&e, "version", "Reload the form and try again."), 1)))
		return form_page(r, id, 422, &e, NULL);
	room_input_of(r, &in);
	switch ((changed = room_change(db, r->user, id, form_int(r, "version"),
	    &in, &o))) {
	case ROOM_OK:
		break;
	case ROOM_STALE:	/* show the room as saved now beside the form */
		rc = form_page(r, id, 409, &e, o.current);
		room_outcome_free(&o);
		return rc;
	case ROOM_NAME_TAKEN:
		form_error(&e, "name", "Another room already has this name.");
		return form_page(r, id, 422, &e, NULL);
	default:
		return room_refused(r, changed, &o);
	}
	/* Allowed, but the administrator must see whom it concerns. */
	if ((over = db_query(db, SQL_OVER_CAPACITY, DB_ARGS(DB_INT(id),
	    DB_INT(form_int(r, "capacity"))))) == NULL)
		return db_failed(r);
	if (over->nrows > 0) {
		n.message = "Your changes have been saved. These bookings have "
		    "more attendees than the room now seats:";
		n.bookings = over;
		rc = room_page(r, id, 200, &n);
		db_rows_free(over);
		return rc;
	}
	db_rows_free(over);
	snprintf(location, sizeof location, "/rooms/%lld?saved=1", id);
	return resp_redirect(r, 303, location);
}

int
room_unavailable(struct req *r)
{
	long long		 id = route_arg_id(r, 0), n;
	const char		*reason = params_get(&r->form, "reason");
	struct form_errors	 e;
	struct room_notice	 notice = { .fields = reason_in, .errors = &e };
	struct room_outcome	 o;
	enum room_result	 rc;
	char			 message[200];
	int			 status;

	if (form_check(r, reason_in, &e) > 0)
		return room_page(r, id, 422, &notice);
	if ((rc = room_close(r->app->db, r->user, id, 0, reason, &o)) !=
	    ROOM_OK) {
		status = room_refused(r, rc, &o);
		room_outcome_free(&o);
		return status;
	}
	n = (long long)o.cancelled->nrows;
	log_info(r->rid, "room %lld unavailable; %lld bookings cancelled", id,
	    n);
	snprintf(message, sizeof message, "The room is now unavailable. %lld "
	    "booking%s cancelled%s", n, n == 1 ? " was" : "s were",
	    n > 0 ? ", and each person has been told:" : ".");
	notice = (struct room_notice){ .message = message,
	    .bookings = o.cancelled };
	status = room_page(r, id, 200, &notice);
	room_outcome_free(&o);
	return status;
}

int
room_available(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct room_outcome	 o;
	enum room_result	 rc;
	char			 location[64];

	if ((rc = room_reopen(r->app->db, r->user, id, 0, &o)) != ROOM_OK)
		return room_refused(r, rc, &o);
	snprintf(location, sizeof location, "/rooms/%lld?available=1", id);
	return resp_redirect(r, 303, location);
}

int
room_delete(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct room_outcome	 o;
	enum room_result	 rc;

	if ((rc = room_remove(r->app->db, r->user, id, &o)) != ROOM_OK)
		return room_refused(r, rc, &o);
	log_info(r->rid, "room %lld deleted by user %lld", id, r->user->id);
	return resp_redirect(r, 303, "/rooms?deleted=1");
}
