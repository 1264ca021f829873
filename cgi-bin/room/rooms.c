/* room: the list of rooms and one room's page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "booking.h"
#include "words.h"
#include "db.h"
#include "display.h"
#include "feature.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "page.h"
#include "pages.h"
#include "policy.h"
#include "privacy.h"
#include "room.h"
#include "roomfilter.h"

static const char SQL_ROOMS[] =
    "SELECT rooms.id, rooms.name, rooms.location, rooms.capacity,"
    " rooms.description, rooms.status, rooms.unavailable_reason,"
    " rooms.closed_from, rooms.closed_until,"
    " rooms.checkin_required_since IS NOT NULL AS checkin_required,"
    ROOM_PLACE_COLUMNS ", " POLICY_COLUMNS
    " FROM rooms" ROOM_FILTER_JOIN " WHERE" ROOM_FILTER_WHERE
    " ORDER BY pb.name IS NULL, pb.name, pf.level, rooms.location,"
    " rooms.name";
static const char SQL_ROOM[] =
    "SELECT rooms.id, rooms.name, rooms.location, rooms.capacity,"
    " rooms.description, rooms.status, rooms.unavailable_reason,"
    " rooms.closed_from, rooms.closed_until,"
    " rooms.checkin_required_since IS NOT NULL AS checkin_required,"
    " rooms.version, EXISTS (SELECT 1 FROM bookings b"
    " WHERE b.room_id = rooms.id) AS has_bookings,"
    ROOM_PLACE_COLUMNS ", " POLICY_COLUMNS
    " FROM rooms" ROOM_FILTER_JOIN " WHERE rooms.id = ?";
static const char SQL_UPCOMING[] =
    "SELECT b.id AS booking_id, b.title, b.starts_at, b.ends_at, b.status,"
    " u.display_name AS owner_name, b.user_id, b.private"
    " FROM bookings b JOIN users u ON u.id = b.user_id"
    " WHERE b.room_id = ? AND b.status IN ('pending','confirmed')"
    " AND b.ends_at > UTC_TIMESTAMP()"
    " AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "UTC_TIMESTAMP()")
    " ORDER BY b.starts_at LIMIT 50";
static const char SQL_HISTORY[] =
    "SELECT e.kind, COALESCE(u.display_name, 'roombook') AS actor, e.at,"
    " e.reason, e.cancelled, e.closed_from, e.closed_until"
    " FROM room_events e LEFT JOIN users u ON u.id = e.actor_id"
    " WHERE e.room_id = ? ORDER BY e.id DESC LIMIT 50";

/*
 * Sets the room's facts from a row of SQL_ROOMS or SQL_ROOM into d: out
 * of use now ({{#UNAVAILABLE}}) or not, and its closure in words; its
 * place, photo, and equipment from features (room_id, name; by room).
 */
static void
fill_room(const struct req *r, struct tpl *d, const struct db_rows *rows,
    size_t i, const struct db_rows *features)
{
	struct room_closure	c = { .reason = db_get(rows, i,
				    "unavailable_reason") };
	char			window[400];

	tpl_set(d, "ID", db_get(rows, i, "id"));
	tpl_set(d, "NAME", db_get(rows, i, "name"));
	tpl_set(d, "LOCATION", db_get(rows, i, "location"));
	tpl_set(d, "CAPACITY", db_get(rows, i, "capacity"));
	tpl_set(d, "DESCRIPTION", db_get(rows, i, "description"));
	if (strcmp(db_get(rows, i, "status"), "available") == 0)
		tpl_show(d, "AVAILABLE");
	else
		tpl_set(tpl_section(d, "UNAVAILABLE"), "REASON", c.reason);
	if (db_get(rows, i, "closed_from") != NULL &&
	    parse_sql_time(db_get(rows, i, "closed_from"), &c.from) == 0 &&
	    (db_get(rows, i, "closed_until") == NULL || parse_sql_time(
	    db_get(rows, i, "closed_until"), &c.until) == 0)) {
		struct tpl *w = tpl_section(d, "CLOSURE");

		tpl_set(w, "WINDOW", room_window_words(r, &c, window,
		    sizeof window));
		tpl_set(w, "REASON", c.reason);
	}
	if (db_get_int(rows, i, "checkin_required"))
		tpl_show(d, "CHECKIN_REQUIRED");
	room_place_show(d, rows, i, features);
	/* How a request fares, at a glance. */
	if (strcmp(db_text(rows, i, "approval"), "instant") == 0)
		tpl_show(d, "INSTANT_BADGE");
	if (db_get_int(rows, i, "restricted"))
		tpl_show(d, "RESTRICTED_BADGE");
}

int
rooms_list(struct req *r)
{
	struct input		 q;
	struct room_filter	 f;
	struct db_arg		 filter[ROOM_FILTER_NARGS];
	struct db_rows		*rows = NULL, *features = NULL;
	struct page		 p;
	int			 rc;

	if ((rc = input_query(r, rooms_query, &q)) != 0 ||
	    (rc = room_filter_read(r, &q, &f)) != 0)
		return rc;
	rc = 500;
	room_filter_args(&f, filter);
	if ((rows = db_query(r->app->db, SQL_ROOMS, filter,
	    ROOM_FILTER_NARGS)) == NULL ||
	    (features = feature_of_rooms(r->app->db, 0)) == NULL) {
		rc = db_failed(r);
		goto out;
	}
	if (page_begin(&p, r, T(r, "Rooms"), "rooms.tpl") == -1)
		goto out;
	if ((rc = room_filter_form(p.body, r, &f)) != 0) {
		page_discard(&p);
		goto out;
	}
	rc = 500;
	for (size_t i = 0; i < rows->nrows; i++)
		fill_room(r, tpl_section(p.body, "ROOM"), rows, i, features);
	if (rows->nrows == 0)
		tpl_show(p.body, "NO_ROOMS");
	if (r->user != NULL && r->user->admin)
		tpl_show(p.body, "ADMIN");
	if (input_given(&q, "deleted"))
		tpl_show(p.body, "DELETED");
	rc = page_finish(&p, r, 200);
out:
	db_rows_free(rows);
	db_rows_free(features);
	return rc;
}

int
room_page(struct req *r, long long id, int status,
    const struct room_notice *notice)
{
	struct db_rows	*room = NULL, *up = NULL, *hist = NULL,
			*features = NULL, *displays = NULL;
	int		 admin = r->user != NULL && r->user->admin;
	struct page	 p;
	int		 rc = 500;

	if ((room = db_query(r->app->db, SQL_ROOM, DB_ARGS(DB_INT(id)))) ==
	    NULL || (up = db_query(r->app->db, SQL_UPCOMING,
	    DB_ARGS(DB_INT(id)))) == NULL || (hist = db_query(r->app->db,
	    SQL_HISTORY, DB_ARGS(DB_INT(id)))) == NULL ||
	    (features = feature_of_rooms(r->app->db, id)) == NULL ||
	    (admin && (displays = display_list(r->app->db, id)) == NULL)) {
		rc = db_failed(r);
		goto out;
	}
	if (room->nrows != 1) {
		rc = 404;
		goto out;
	}
	if (page_begin(&p, r, db_get(room, 0, "name"), "room.tpl") == -1)
		goto out;
	fill_room(r, p.body, room, 0, features);
	if (room_policy_show(r, tpl_section(p.body, "POLICY"), room, 0) ==
	    -1) {
		page_discard(&p);
		rc = db_failed(r);
		goto out;
	}
	/* Who booked what is for the organisation's people only. */
	if (r->user == NULL) {
		tpl_show(p.body, "LOG_IN_TO_SEE");
		goto done;
	}
	tpl_show(p.body, "MEMBER");
	for (size_t i = 0; i < up->nrows; i++) {
		struct tpl		*b = tpl_section(p.body, "BOOKING");
		struct booking_seen	 seen;

		privacy_seen(r, db_get_int(up, i, "user_id"), db_get(up, i,
		    "owner_name"), db_get(up, i, "title"), (int)db_get_int(up,
		    i, "private"), &seen);
		tpl_set(b, "BOOKING_ID", db_get(up, i, "booking_id"));
		tpl_set(b, "TITLE", seen.title);
		page_set_span(b, r->lang, "WHEN", db_get(up, i, "starts_at"),
		    db_get(up, i, "ends_at"));
		tpl_set(b, "STATUS", db_get(up, i, "status"));
		tpl_set(b, "STATUS_LABEL",
		    words_state_label(r->lang, db_get(up, i, "status")));
		if (seen.owner != NULL)
			tpl_set(tpl_section(b, "OWNER"), "OWNER_NAME",
			    seen.owner);
		if (seen.whole)
			tpl_show(b, "DETAILS");
	}
	if (up->nrows == 0)
		tpl_show(p.body, "NO_BOOKINGS");
	for (size_t i = 0; i < hist->nrows; i++) {
		struct tpl *e = tpl_section(p.body, "EVENT");

		tpl_set(e, "KIND", words_room_event(r->lang, db_get(hist, i,
		    "kind")));
		tpl_set(e, "BY", db_get(hist, i, "actor"));
		page_set_time(e, r->lang, "AT", db_get(hist, i, "at"));
		if (db_get(hist, i, "reason") != NULL)
			tpl_set(tpl_section(e, "EVENT_REASON"), "TEXT",
			    db_get(hist, i, "reason"));
		/* The window a closure was for: a span, or open-ended. */
		if (db_get(hist, i, "closed_until") != NULL)
			page_set_span(tpl_section(e, "EVENT_WINDOW"), r->lang,
			    "SPAN", db_get(hist, i, "closed_from"),
			    db_get(hist, i, "closed_until"));
		else if (db_get(hist, i, "closed_from") != NULL)
			page_set_time(tpl_section(e, "EVENT_OPEN_ENDED"),
			    r->lang, "FROM", db_get(hist, i, "closed_from"));
		if (db_get_int(hist, i, "cancelled") > 0)
			tpl_set(tpl_section(e, "EVENT_CANCELLED"), "COUNT",
			    db_get(hist, i, "cancelled"));
	}
done:
	if (admin) {
		struct tpl *a = tpl_section(p.body, "ADMIN");

		tpl_set(a, "ID", db_get(room, 0, "id"));
		/* One closure at a time: a planned one can be called off. */
		tpl_show(a, db_get(room, 0, "closed_from") == NULL ?
		    "CAN_CLOSE" : strcmp(db_get(room, 0, "status"),
		    "available") == 0 ? "CAN_CALL_OFF" : "CAN_OPEN");
		if (!db_get_int(room, 0, "has_bookings"))
			tpl_show(a, "CAN_DELETE");
		/* The out-of-use form's reason, again if it was refused. */
		input_fill(a, r, room_close_in);
		tpl_show(a, db_get(room, 0, "photo") != NULL ? "HAS_PHOTO" :
		    "NO_PHOTO");
		tpl_set_int(a, "PHOTO_MAX_MB", (r->app->cfg->photo_max_bytes +
		    512 * 1024) / (1024 * 1024));
		if (r->error_field != NULL && strcmp(r->error_field, "photo") ==
		    0)
			tpl_set(tpl_section(a, "ERR_PHOTO"), "MESSAGE",
			    r->error);
		room_displays_fill(r, a, displays);
	}
	if (notice != NULL && notice->message != NULL) {
		struct tpl *n = tpl_section(p.body, "NOTICE");

		tpl_set(n, "MESSAGE", notice->message);
		for (size_t i = 0; notice->bookings != NULL &&
		    i < notice->bookings->nrows; i++) {
			struct tpl *b = tpl_section(n, "LISTED");

			tpl_set_row(b, notice->bookings, i);
			page_set_span(b, r->lang, "WHEN",
			    db_get(notice->bookings, i, "starts_at"),
			    db_get(notice->bookings, i, "ends_at"));
			if (db_get_int(notice->bookings, i, "in_use") == 1)
				tpl_show(b, "ENDED_EARLY");
		}
	}
	rc = page_finish(&p, r, status);
out:
	db_rows_free(displays);
	db_rows_free(room);
	db_rows_free(up);
	db_rows_free(hist);
	db_rows_free(features);
	return rc;
}

int
room_page_again(struct req *r, int status)
{
	/* Only the out-of-use form's reason; anything else, the error page. */
	if (r->errors.n == 0)
		return 0;
	return room_page(r, route_arg_id(r, 0), status, NULL);
}

/*
 * What a closure did, in one whole sentence per case (a translation
 * cannot glue words): into n, with the bookings it lists.
 */
static void
closure_notice(struct req *r, struct room_notice *n, char *message,
    size_t size)
{
	long long	total = (long long)n->bookings->nrows, ended = 0;

	for (size_t i = 0; i < n->bookings->nrows; i++)
		ended += db_get_int(n->bookings, i, "in_use") == 1;
	if (total == 0)
		n->message = T(r, "The room is closed for that time. No "
		    "bookings were cancelled.");
	else if (ended == 1 && total == 1)
		n->message = T(r, "The room is closed for that time. The "
		    "meeting in it now was ended early, and its people have "
		    "been told:");
	else if (ended == 1) {
		snprintf(message, size, T(r, "The room is closed for that "
		    "time. The meeting in it now was ended early and %lld "
		    "more bookings were cancelled; each person has been "
		    "told:"), total - 1);
		n->message = message;
	} else if (total == 1)
		n->message = T(r, "The room is closed for that time. 1 "
		    "booking was cancelled, and the person who made it has "
		    "been told:");
	else {
		snprintf(message, size, T(r, "The room is closed for that "
		    "time. %lld bookings were cancelled, and each person has "
		    "been told:"), total);
		n->message = message;
	}
}

int
room_show(struct req *r)
{
	static const struct {
		const char *param, *message;
	} notices[] = {
		{ "added", N_("The room has been added.") },
		{ "saved", N_("Your changes have been saved.") },
		{ "available", N_("The room is available again; people can "
		    "book it.") },
		{ "revoked", N_("The display has been revoked: it shows "
		    "nothing from now on.") },
	};
	long long		id = route_arg_id(r, 0);
	struct room_notice	n = { 0 };
	struct db_rows		*listed = NULL;
	struct input		q;
	char			message[512];	/* room for longer languages */
	int			rc;

	/* Where the last change sent the administrator: what was done. */
	if ((rc = input_query(r, room_query, &q)) != 0)
		return rc;
	for (size_t i = 0; i < NELEM(notices); i++)
		if (input_given(&q, notices[i].param))
			n.message = T(r, notices[i].message);
	/* Saved, but some bookings ahead now have more people than seats. */
	if (input_given(&q, "crowded") && (r->user == NULL ||
	    !r->user->admin))
		n.message = NULL;
	else if (input_given(&q, "crowded")) {
		if ((listed = room_bookings_over_capacity(r->app->db, id)) ==
		    NULL)
			return db_failed(r);
		n.bookings = listed;
		if (listed->nrows > 0)
			n.message = T(r, "Your changes have been saved. These "
			    "bookings have more attendees than the room now "
			    "seats:");
	}
	/* A closure the administrator has just made, and what it did. */
	if (input_given(&q, "closed") && r->user != NULL && r->user->admin) {
		if ((listed = room_closure_bookings(r->app->db, id,
		    input_int(&q, "closed"))) == NULL)
			return db_failed(r);
		n.bookings = listed;
		closure_notice(r, &n, message, sizeof message);
	}
	rc = room_page(r, id, 200, &n);
	db_rows_free(listed);
	return rc;
}
