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
#include "room.h"
#include "utf8.h"

/* Check-in is required from the moment it is switched on. */
static const char SQL_INSERT[] =
    "INSERT INTO rooms (name, location, capacity, description,"
    " checkin_required_since) VALUES (?, ?, ?, ?, IF(?, UTC_TIMESTAMP(), NULL))";
static const char SQL_EVENT[] =
    "INSERT INTO room_events (room_id, kind, actor_id, reason, cancelled)"
    " VALUES (?, ?, ?, ?, ?)";
static const char SQL_LOCK[] =
    "SELECT name, location, capacity, description, version, status,"
    " unavailable_reason FROM rooms WHERE id = ? FOR UPDATE";
static const char SQL_CURRENT[] =
    "SELECT name, location, capacity, description, version,"
    " IF(checkin_required_since IS NULL, '', '1') AS checkin_required"
    " FROM rooms WHERE id = ?";
static const char SQL_UPDATE[] =
    "UPDATE rooms SET name = ?, location = ?, capacity = ?, description = ?,"
    " checkin_required_since = IF(?, COALESCE(checkin_required_since,"
    " UTC_TIMESTAMP()), NULL),"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ?";
/* The read model copies room names: a rename reaches it at once. */
static const char SQL_RENAME_VIEW[] =
    "UPDATE booking_status SET room_name = ? WHERE room_id = ?";
static const char SQL_OVER_CAPACITY[] =
    "SELECT b.id AS booking_id, b.title, b.starts_at, b.ends_at,"
    " u.display_name AS owner_name, b.attendees"
    " FROM bookings b JOIN users u ON u.id = b.user_id"
    " WHERE b.room_id = ? AND b.status IN ('pending','confirmed')"
    " AND b.ends_at > UTC_TIMESTAMP() AND b.attendees > ?"
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "UTC_TIMESTAMP()")
    " ORDER BY b.starts_at";
static const char SQL_SET_STATUS[] =
    "UPDATE rooms SET status = ?, unavailable_reason = ?,"
    " version = version + 1, updated_at = UTC_TIMESTAMP() WHERE id = ?";
/* Everything that still holds a slot of the room, in progress included. */
static const char SQL_LIVE_BOOKINGS[] =
    "SELECT b.id AS booking_id, b.title, b.starts_at, b.ends_at,"
    " u.display_name AS owner_name, b.attendees"
    " FROM bookings b JOIN users u ON u.id = b.user_id"
    " WHERE b.room_id = ? AND b.status IN ('pending','confirmed')"
    " AND b.ends_at > UTC_TIMESTAMP()"
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "UTC_TIMESTAMP()")
    " ORDER BY b.starts_at";
static const char SQL_HAS_BOOKINGS[] =
    "SELECT EXISTS (SELECT 1 FROM bookings WHERE room_id = ?) AS"
    " has_bookings";
static const char SQL_DELETE[] = "DELETE FROM rooms WHERE id = ?";

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

static int
add_event(struct req *r, long long room, const char *kind, const char *reason,
    long long cancelled)
{
	return db_exec(r->app->db, SQL_EVENT, DB_ARGS(DB_INT(room),
	    DB_STR(kind), DB_INT(r->user->id),
	    reason != NULL ? DB_STR(reason) : DB_NULL, DB_INT(cancelled)),
	    NULL) == 1 ? 0 : -1;
}

/* A room write the database refused, rolled back: 409 for a taken name. */
static int
write_refused(struct req *r)
{
	int rc = db_last_error(r->app->db) == DB_DUPLICATE ? 409 :
	    db_failed(r);

	db_rollback(r->app->db);
	if (rc == 409)
		r->error = "Another room already has this name.";
	return rc;
}

int
room_insert(struct req *r, long long *id)
{
	struct db	*db = r->app->db;

	if (db_begin(db) == -1)
		return db_failed(r);
	if (db_exec(db, SQL_INSERT, DB_ARGS(DB_STR(field(r, "name")),
	    DB_STR(field(r, "location")), DB_INT(form_int(r, "capacity")),
	    DB_STR(field(r, "description")),
	    DB_INT(*field(r, "checkin_required") != '\0')), id) != 1 ||
	    add_event(r, *id, "created", NULL, 0) == -1) {
		return write_refused(r);
	}
	if (db_commit(db) == -1)
		return db_failed(r);
	log_info(r->rid, "room %lld added by user %lld", *id, r->user->id);
	return 0;
}

int
room_create(struct req *r)
{
	struct form_errors	 e;
	long long		 id = 0;
	char			 location[64];
	int			 rc;

	if (form_check(r, room_fields, &e) > 0)
		return form_page(r, 0, 422, &e, NULL);
	if ((rc = room_insert(r, &id)) == 409) {
		form_error(&e, "name", r->error);
		return form_page(r, 0, 422, &e, NULL);
	}
	if (rc != 0)
		return rc;
	snprintf(location, sizeof location, "/rooms/%lld?added=1", id);
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

/* Locks the room; its row (as SQL_LOCK) or NULL with the status in *rc. */
static struct db_rows *
lock_room(struct req *r, long long id, int *rc)
{
	struct db_rows *cur;

	if (db_begin(r->app->db) == -1) {
		*rc = db_failed(r);
		return NULL;
	}
	if ((cur = db_query(r->app->db, SQL_LOCK, DB_ARGS(DB_INT(id)))) ==
	    NULL) {
		*rc = db_failed(r);
		db_rollback(r->app->db);
		return NULL;
	}
	if (cur->nrows != 1) {
		db_rows_free(cur);
		db_rollback(r->app->db);
		*rc = 404;
		return NULL;
	}
	return cur;
}

int
room_save(struct req *r, long long id, long long version,
    struct db_rows **current)
{
	struct db	*db = r->app->db;
	struct db_rows	*cur;
	int		 renamed, rc;

	*current = NULL;
	if ((cur = lock_room(r, id, &rc)) == NULL)
		return rc;
	/* Someone saved since this version: change nothing. */
	if (db_get_int(cur, 0, "version") != version) {
		db_rollback(db);
		*current = cur;
		req_errorf(r, "the room was changed since (it is at version "
		    "%s); reload it and try again", db_get(cur, 0, "version"));
		return 412;
	}
	renamed = strcmp(db_get(cur, 0, "name"), field(r, "name")) != 0;
	db_rows_free(cur);
	if (db_exec(db, SQL_UPDATE, DB_ARGS(DB_STR(field(r, "name")),
	    DB_STR(field(r, "location")), DB_INT(form_int(r, "capacity")),
	    DB_STR(field(r, "description")),
	    DB_INT(*field(r, "checkin_required") != '\0'), DB_INT(id)),
	    NULL) != 1 ||
	    (renamed && db_exec(db, SQL_RENAME_VIEW,
	    DB_ARGS(DB_STR(field(r, "name")), DB_INT(id)), NULL) < 0) ||
	    add_event(r, id, "edited", NULL, 0) == -1) {
		return write_refused(r);
	}
	if (db_commit(db) == -1)
		return db_failed(r);
	return 0;
}

int
room_update(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct db		*db = r->app->db;
	struct form_errors	 e;
	struct db_rows		*cur, *over;
	struct room_notice	 n = { 0 };
	char			 location[64];
	int			 rc;

	if (form_check(r, room_fields, &e) > 0 ||
	    (params_get(&r->form, "version") == NULL &&
	    (form_error(&e, "version", "Reload the form and try again."), 1)))
		return form_page(r, id, 422, &e, NULL);
	switch ((rc = room_save(r, id, form_int(r, "version"), &cur))) {
	case 0:
		break;
	case 412:	/* show the room as saved now beside the form */
		rc = form_page(r, id, 409, &e, cur);
		db_rows_free(cur);
		return rc;
	case 409:
		form_error(&e, "name", r->error);
		return form_page(r, id, 422, &e, NULL);
	default:
		return rc;
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

/*
 * Cancels every live booking of the locked room through the state
 * machine.  Returns them (as SQL_LIVE_BOOKINGS), or NULL.
 */
static struct db_rows *
cancel_live_bookings(struct req *r, long long id, const char *reason)
{
	struct db_rows		*live;
	struct booking_outcome	 o;

	if ((live = db_query(r->app->db, SQL_LIVE_BOOKINGS,
	    DB_ARGS(DB_INT(id)))) == NULL)
		return NULL;
	for (size_t i = 0; i < live->nrows; i++) {
		long long booking = db_get_int(live, i, "booking_id");
		enum booking_result rc = booking_apply_locked(r->app->db,
		    booking, ACT_CANCEL, r->user, reason, &o);

		if (rc != BK_OK) {
			log_error(r->rid, "cancelling booking %lld of room "
			    "%lld failed (%d)", booking, id, rc);
			db_rows_free(live);
			return NULL;
		}
	}
	return live;
}

/* The locked room's version is version (0: any); else 412, rolled back. */
static int
version_holds(struct req *r, const struct db_rows *cur, long long version)
{
	if (version == 0 || db_get_int(cur, 0, "version") == version)
		return 0;
	req_errorf(r, "the room was changed since (it is at version %s); "
	    "reload it and try again", db_get(cur, 0, "version"));
	db_rollback(r->app->db);
	return 412;
}

int
room_take_out_of_use(struct req *r, long long id, const char *reason,
    long long version, struct db_rows **cancelled)
{
	struct db_rows	*cur;
	int		 rc = 500;

	*cancelled = NULL;
	/* The same lock every booking of this room takes: none slips in. */
	if ((cur = lock_room(r, id, &rc)) == NULL)
		return rc;
	if ((rc = version_holds(r, cur, version)) != 0) {
		db_rows_free(cur);
		return rc;
	}
	if (strcmp(db_get(cur, 0, "status"), "unavailable") == 0) {
		req_errorf(r, "the room is already unavailable (%s)",
		    db_get(cur, 0, "unavailable_reason"));
		db_rows_free(cur);
		db_rollback(r->app->db);
		return 409;
	}
	db_rows_free(cur);
	if (db_exec(r->app->db, SQL_SET_STATUS, DB_ARGS(DB_STR("unavailable"),
	    DB_STR(reason), DB_INT(id)), NULL) != 1 ||
	    (*cancelled = cancel_live_bookings(r, id, reason)) == NULL ||
	    add_event(r, id, "unavailable", reason,
	    (long long)(*cancelled)->nrows) == -1 ||
	    db_commit(r->app->db) == -1) {
		rc = db_failed(r);
		db_rollback(r->app->db);
		db_rows_free(*cancelled);
		*cancelled = NULL;
		return rc;
	}
	log_info(r->rid, "room %lld unavailable; %zu bookings cancelled", id,
	    (*cancelled)->nrows);
	return 0;
}

int
room_put_back(struct req *r, long long id, long long version)
{
	struct db_rows	*cur;
	int		 rc = 500;

	if ((cur = lock_room(r, id, &rc)) == NULL)
		return rc;
	if ((rc = version_holds(r, cur, version)) != 0) {
		db_rows_free(cur);
		return rc;
	}
	if (strcmp(db_get(cur, 0, "status"), "available") == 0) {
		db_rows_free(cur);
		db_rollback(r->app->db);
		r->error = "the room is already available";
		return 409;
	}
	db_rows_free(cur);
	if (db_exec(r->app->db, SQL_SET_STATUS, DB_ARGS(DB_STR("available"),
	    DB_NULL, DB_INT(id)), NULL) != 1 ||
	    add_event(r, id, "available", NULL, 0) == -1 ||
	    db_commit(r->app->db) == -1) {
		rc = db_failed(r);
		db_rollback(r->app->db);
		return rc;
	}
	return 0;
}

int
room_unavailable(struct req *r)
{
	long long		 id = route_arg_id(r, 0), n;
	const char		*reason = params_get(&r->form, "reason");
	struct form_errors	 e;
	struct room_notice	 notice = { .fields = reason_in, .errors = &e };
	struct db_rows		*cancelled;
	char			 message[200];
	int			 rc;

	if (form_check(r, reason_in, &e) > 0)
		return room_page(r, id, 422, &notice);
	if ((rc = room_take_out_of_use(r, id, reason, 0, &cancelled)) != 0)
		return rc;
	n = (long long)cancelled->nrows;
	snprintf(message, sizeof message, "The room is now unavailable. %lld "
	    "booking%s cancelled%s", n, n == 1 ? " was" : "s were",
	    n > 0 ? ", and each person has been told:" : ".");
	notice = (struct room_notice){ .message = message,
	    .bookings = cancelled };
	rc = room_page(r, id, 200, &notice);
	db_rows_free(cancelled);
	return rc;
}

int
room_available(struct req *r)
{
	long long	 id = route_arg_id(r, 0);
	char		 location[64];
	int		 rc;

	if ((rc = room_put_back(r, id, 0)) != 0)
		return rc;
	snprintf(location, sizeof location, "/rooms/%lld?available=1", id);
	return resp_redirect(r, 303, location);
}

int
room_delete(struct req *r)
{
	long long	 id = route_arg_id(r, 0);
	struct db_rows	*cur, *has;
	int		 rc = 500;

	if ((cur = lock_room(r, id, &rc)) == NULL)
		return rc;
	db_rows_free(cur);
	if ((has = db_query(r->app->db, SQL_HAS_BOOKINGS,
	    DB_ARGS(DB_INT(id)))) == NULL) {
		rc = db_failed(r);
		db_rollback(r->app->db);
		return rc;
	}
	if (db_get_int(has, 0, "has_bookings")) {
		db_rows_free(has);
		db_rollback(r->app->db);
		r->error = "the room has bookings, and their history must stay;"
		    " make it unavailable instead";
		return 409;
	}
	db_rows_free(has);
	if (db_exec(r->app->db, SQL_DELETE, DB_ARGS(DB_INT(id)), NULL) != 1 ||
	    db_commit(r->app->db) == -1) {
		rc = db_failed(r);
		db_rollback(r->app->db);
		return rc;
	}
	log_info(r->rid, "room %lld deleted by user %lld", id, r->user->id);
	return resp_redirect(r, 303, "/rooms?deleted=1");
}
