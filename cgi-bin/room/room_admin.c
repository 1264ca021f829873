/* room: adding and editing rooms, taking them out of use and back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "booking.h"
#include "clock.h"
#include "db.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "page.h"
#include "response.h"
#include "pages.h"
#include "utf8.h"
#include "when.h"

static const char SQL_CURRENT[] =
    "SELECT name, location, capacity, description, version,"
    " IF(checkin_required_since IS NULL, '', '1') AS checkin_required,"
    " approval, buffer_minutes, max_per_day, max_per_week,"
    " max_hours_per_week, max_future, floor_id FROM rooms WHERE id = ?";
static const char SQL_NAME[] =
    "SELECT name, closed_from, unavailable_reason FROM rooms WHERE id = ?";

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
    const struct db_rows *current)
{
	static const char *const labels[] = {
		N_("Name"), N_("Location"), N_("Capacity"), N_("Description"),
	};
	static const char *const names[] = {
		"name", "location", "capacity", "description",
	};
	struct page	p;

	if (page_begin(&p, r, id ? T(r, "Edit room") : T(r, "Add a room"),
	    "room_form.tpl") == -1)
		return 500;
	input_fill(p.body, r, room_in);
	if (*field(r, "checkin_required") != '\0')
		tpl_show(p.body, "CHECKIN_REQUIRED_ON");
	if (room_policy_form(r, p.body) == -1 ||
	    room_place_form(r, p.body) == -1) {
		page_discard(&p);
		return db_failed(r);
	}
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

			tpl_set(row, "FIELD", T(r, labels[i]));
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
	return form_page(r, 0, 200, NULL);
}

int
room_form_again(struct req *r, int status)
{
	long long	 id = r->nargs > 0 ? route_arg_id(r, 0) : 0;
	struct db_rows	*current = NULL;
	int		 rc;

	/* Saved by someone else since: their values beside the person's. */
	if (status == 409 && r->error_field != NULL &&
	    strcmp(r->error_field, "version") == 0 &&
	    (current = db_query(r->app->db, SQL_CURRENT,
	    DB_ARGS(DB_INT(id)))) == NULL)
		return db_failed(r);
	rc = form_page(r, id, status, current != NULL &&
	    current->nrows == 1 ? current : NULL);
	db_rows_free(current);
	return rc;
}

int
room_refused(struct req *r, enum room_result rc, const struct room_outcome *o)
{
	switch (rc) {
	case ROOM_NOT_FOUND:
		return req_refuse(r, 404, "there is no such room", NULL);
	case ROOM_NAME_TAKEN:
		return req_refuse(r, 409, "Another room already has this "
		    "name.", "name");
	case ROOM_STALE:
		req_errorf(r, "the room was changed since (it is at version "
		    "%lld); reload it and try again", o->version);
		return req_refuse(r, 412, r->error, NULL);
	case ROOM_ALREADY:
		if (strcmp(o->status, "available") == 0)
			return req_refuse(r, 409, "the room is already "
			    "available", NULL);
		req_errorf(r, "the room is already closed or to be closed "
		    "(%s); make it available again first", o->reason);
		return req_refuse(r, 409, r->error, NULL);
	case ROOM_BAD_WINDOW:
		return req_refuse(r, 422, room_window_backwards,
		    "closed_until");
	case ROOM_NO_PERSON:
		req_errorf(r, T(r, "Nobody has the login name \"%s\"."),
		    o->reason);
		return req_refuse(r, 422, r->error, "approvers");
	case ROOM_NO_GROUP:
		req_errorf(r, T(r, "There is no group \"%s\"."), o->reason);
		return req_refuse(r, 422, r->error, o->field);
	case ROOM_NO_FLOOR:
		return req_refuse(r, 422, "There is no such floor; choose one "
		    "from the list.", "floor_id");
	case ROOM_NO_FEATURE:
		req_errorf(r, T(r, "There is no equipment called “%s”."),
		    o->reason);
		return req_refuse(r, 422, r->error, "features");
	case ROOM_HAS_BOOKINGS:
		return req_refuse(r, 409, "the room has bookings, and their "
		    "history must stay; make it unavailable instead", NULL);
	default:
		return db_failed(r);
	}
}

int
room_create(struct req *r)
{
	struct input		 in;
	struct room_input	 room;
	struct room_outcome	 o;
	enum room_result	 rc;
	int			 refused;

	if ((refused = input_form(r, room_in, &in)) != 0 ||
	    (refused = room_input_of(r, &in, &room)) != 0)
		return refused;
	if ((rc = room_add(r->app->db, r->user, &room, &o)) != ROOM_OK)
		return room_refused(r, rc, &o);
	log_info(r->rid, "room %lld added by user %lld", o.id, r->user->id);
	return resp_redirectf(r, 303, "/rooms/%lld?added=1", o.id);
}

int
room_edit(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct db_rows		*rows;
	static const char *const names[] = {
		"name", "location", "capacity", "description", "version",
		"checkin_required",
	};

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
	if (room_policy_prefill(r, id, rows) == -1 ||
	    room_place_prefill(r, id, rows) == -1) {
		db_rows_free(rows);
		return db_failed(r);
	}
	db_rows_free(rows);
	return form_page(r, id, 200, NULL);
}

int
room_update(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct db		*db = r->app->db;
	struct input		 in;
	struct room_input	 room;
	struct room_outcome	 o;
	enum room_result	 changed;
	struct db_rows		*over;
	int			 rc, crowded;

	if ((rc = input_form(r, room_in, &in)) != 0)
		return rc;
	if (!input_given(&in, "version"))
		return req_refuse(r, 422, "Reload the form and try again.",
		    "version");
	if ((rc = room_input_of(r, &in, &room)) != 0)
		return rc;
	changed = room_change(db, r->user, id, input_int(&in, "version"),
	    &room, &o);
	/* Stale: the form again shows the room as saved now beside it. */
	rc = changed == ROOM_OK ? 0 : changed == ROOM_STALE ? req_refuse(r,
	    409, "This room was changed by someone else while you edited "
	    "it.", "version") : room_refused(r, changed, &o);
	room_outcome_free(&o);
	if (rc != 0)
		return rc;
	/* Allowed, but the administrator must see whom it concerns. */
	if ((over = room_bookings_over_capacity(db, id)) == NULL)
		return db_failed(r);
	crowded = over->nrows > 0;
	db_rows_free(over);
	if (crowded)
		return resp_redirectf(r, 303, "/rooms/%lld?saved=1&crowded=1"
		    "#notice", id);
	return resp_redirectf(r, 303, "/rooms/%lld?saved=1", id);
}

const char room_window_backwards[] =
    N_("The end must come after the start (and after now).");

/* The closure the form or the API asks for. */
void
room_closure_of(const struct input *in, struct room_closure *c)
{
	c->reason = input_text(in, "reason");
	c->from = input_given(in, "closed_from") ? input_time(in,
	    "closed_from") : 0;
	c->until = input_given(in, "closed_until") ? input_time(in,
	    "closed_until") : 0;
}

char *
room_window_words(const struct req *r, const struct room_closure *c,
    char *buf, size_t n)
{
	char	from[128], until[128];
	int	begun = c->from <= clock_now();

	when_format(r->lang, c->from, WHEN_MOMENT, from, sizeof from);
	when_format(r->lang, c->until, WHEN_MOMENT, until, sizeof until);
	if (begun && c->until != 0)
		snprintf(buf, n, T(r, "Closed until %s."), until);
	else if (begun)
		snprintf(buf, n, "%s", T(r, "Closed until further notice."));
	else if (c->until != 0)
		snprintf(buf, n, T(r, "Closed from %s until %s."), from, until);
	else
		snprintf(buf, n, T(r, "Closed from %s until further notice."),
		    from);
	return buf;
}

/*
 * Closing a room cancels bookings: the administrator first sees which, on
 * a page of its own, and confirms there (no script needed).
 */
static int
confirm_page(struct req *r, long long id, const struct room_closure *c)
{
	char		 from[SQL_TIME_LEN], until[SQL_TIME_LEN], window[400];
	time_t		 now = clock_now();
	struct db_rows	*room, *inside;
	struct page	 p;
	int		 rc = 500;

	if (sql_time_utc(c->from > now ? c->from : now, from) == -1 ||
	    (c->until != 0 && sql_time_utc(c->until, until) == -1))
		return 500;
	if ((room = db_query(r->app->db, SQL_NAME, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return db_failed(r);
	if (room->nrows != 1) {
		db_rows_free(room);
		return 404;
	}
	/* One closure at a time: said before anything is asked. */
	if (db_get(room, 0, "closed_from") != NULL) {
		struct room_outcome o = { 0 };

		snprintf(o.status, sizeof o.status, "unavailable");
		snprintf(o.reason, sizeof o.reason, "%s",
		    db_text(room, 0, "unavailable_reason"));
		db_rows_free(room);
		return room_refused(r, ROOM_ALREADY, &o);
	}
	if ((inside = room_bookings_in_window(r->app->db, id, from,
	    c->until != 0 ? until : NULL, c->from <= now)) == NULL) {
		db_rows_free(room);
		return db_failed(r);
	}
	if (page_begin(&p, r, T(r, "Close the room?"), "room_close.tpl") == -1)
		goto out;
	tpl_set_int(p.body, "ID", id);
	tpl_set(p.body, "ROOM", db_get(room, 0, "name"));
	tpl_set(p.body, "WINDOW", room_window_words(r, c, window,
	    sizeof window));
	/* The form's values again, to be sent with the confirmation. */
	input_fill(p.body, r, room_close_in);
	if (inside->nrows == 0)
		tpl_show(p.body, "NONE");
	for (size_t i = 0; i < inside->nrows; i++) {
		struct tpl *b = tpl_section(tpl_section(p.body, "SOME"),
		    "LISTED");

		tpl_set_row(b, inside, i);
		page_set_span(b, r->lang, "WHEN", db_get(inside, i,
		    "starts_at"), db_get(inside, i, "ends_at"));
		if (db_get_int(inside, i, "in_use") == 1)
			tpl_show(b, "ENDED_EARLY");
	}
	if (inside->nrows > 0)
		tpl_set_int(p.body, "COUNT", (long long)inside->nrows);
	rc = page_finish(&p, r, 200);
out:
	db_rows_free(room);
	db_rows_free(inside);
	return rc;
}

int
room_unavailable(struct req *r)
{
	long long		 id = route_arg_id(r, 0), n, ended = 0;
	struct input		 in;
	struct room_closure	 c;
	struct room_outcome	 o;
	enum room_result	 rc;
	int			 status;

	if ((status = input_form(r, room_close_in, &in)) != 0)
		return status;
	room_closure_of(&in, &c);
	if (c.until != 0 && c.until <= (c.from > clock_now() ? c.from :
	    clock_now()))
		return req_refuse(r, 422, room_window_backwards,
		    "closed_until");
	if (!input_given(&in, "confirmed"))
		return confirm_page(r, id, &c);
	if ((rc = room_close(r->app->db, r->user, id, 0, &c, &o)) != ROOM_OK) {
		status = room_refused(r, rc, &o);
		room_outcome_free(&o);
		return status;
	}
	n = (long long)o.cancelled->nrows;
	for (size_t i = 0; i < o.cancelled->nrows; i++)
		ended += db_get_int(o.cancelled, i, "in_use") == 1;
	log_info(r->rid, "room %lld closed; %lld bookings cancelled, %lld "
	    "ended early", id, n - ended, ended);
	status = resp_redirectf(r, 303, "/rooms/%lld?closed=%lld#notice", id,
	    o.event_id);
	room_outcome_free(&o);
	return status;
}

int
room_available(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct room_outcome	 o;
	enum room_result	 rc;

	if ((rc = room_reopen(r->app->db, r->user, id, 0, &o)) != ROOM_OK)
		return room_refused(r, rc, &o);
	return resp_redirectf(r, 303, "/rooms/%lld?available=1", id);
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
