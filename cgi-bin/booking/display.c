/*
 * booking: door displays.  A tablet opens its pairing link and keeps the
 * credential it is given; then /display/rooms/{id} shows its room's state
 * now and the rest of the day, legible from across a corridor.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app.h"
#include "booking.h"
#include "clock.h"
#include "db.h"
#include "display.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "input.h"
#include "log.h"
#include "page.h"
#include "password.h"
#include "policy.h"
#include "privacy.h"
#include "qr.h"
#include "refusal.h"
#include "render.h"
#include "response.h"
#include "rules.h"
#include "session.h"
#include "when.h"

/*
 * The room and what holds it from now to the end of the day, in order:
 * one range of the room's (room, start) index.
 */
static const char SQL_DAY[] =
    "SELECT r.name AS room_name, r.closed_from, r.closed_until,"
    " r.checkin_required_since, pb.name AS building_name,"
    " pf.name AS floor_name, b.id, b.title, b.private, b.user_id,"
    " b.starts_at, b.ends_at, b.status, u.display_name AS owner"
    " FROM rooms r LEFT JOIN floors pf ON pf.id = r.floor_id"
    " LEFT JOIN buildings pb ON pb.id = pf.building_id"
    " LEFT JOIN bookings b ON b.room_id = r.id"
    "  AND b.status IN " HOLDS_SLOT " AND b.starts_at < ? AND b.ends_at > ?"
    "  AND " STARTED_AFTER_DAY_BEFORE("b.starts_at", "?")
    " LEFT JOIN users u ON u.id = b.user_id"
    " WHERE r.id = ? ORDER BY b.starts_at";

/* What the door says now. */
enum door_state {
	DOOR_FREE,		/* for the rest of the day */
	DOOR_FREE_UNTIL,	/* until the next meeting */
	DOOR_BUSY,		/* a meeting holds it */
	DOOR_IN_USE,		/* checked in */
	DOOR_CHECK_IN,		/* its meeting may check in, until */
	DOOR_CLOSED,		/* out of use */
};

static const char *const door_keys[] = {
	[DOOR_FREE] = "FREE", [DOOR_FREE_UNTIL] = "FREE_UNTIL",
	[DOOR_BUSY] = "BUSY", [DOOR_IN_USE] = "IN_USE",
	[DOOR_CHECK_IN] = "CHECK_IN", [DOOR_CLOSED] = "CLOSED",
};

/* The room's day as the door shows it, read at now. */
struct door {
	struct db_rows	*rows;		/* row 0 the room; bookings if id */
	enum door_state	 state;
	time_t		 until;		/* of the state, 0: none */
	size_t		 current;	/* row of the meeting now, or -1 */
	size_t		 next;		/* row of the next one, or -1 */
	size_t		 checkin;	/* row of the one to check in now, or
					   -1 */
};

/* Whether row i of rows holds a booking (the room alone has none). */
static int
has_booking(const struct db_rows *rows, size_t i)
{
	return db_get(rows, i, "id") != NULL;
}

static time_t
time_of(const struct db_rows *rows, size_t i, const char *column)
{
	time_t t = 0;

	return parse_sql_time(db_text(rows, i, column), &t) == 0 ? t : 0;
}

/* Whether the booking of row i must be checked in (its room asks it). */
static int
checks_in(const struct db_rows *rows, size_t i)
{
	const char *since = db_get(rows, 0, "checkin_required_since");

	return since != NULL && time_of(rows, i, "starts_at") >=
	    time_of(rows, 0, "checkin_required_since");
}

/*
 * Reads room's day from now to the local day's end (the site's) into d,
 * and what it says now.  0, 404 for no such room, or the status of a
 * failure.
 */
static int
door_read(struct req *r, long long room, time_t now, struct door *d)
{
	const struct rules	*k = &r->app->cfg->rules;
	char			 today[11], a[SQL_TIME_LEN], b[SQL_TIME_LEN];
	time_t			 end, closed_from, closed_until;

	memset(d, 0, sizeof *d);
	d->current = d->next = d->checkin = (size_t)-1;
	if (local_date(now, 0, today) == -1 ||
	    local_date_start(today, 1, &end) == -1 ||
	    sql_time_utc(now, a) == -1 || sql_time_utc(end, b) == -1)
		return 500;
	if ((d->rows = db_query(r->app->db, SQL_DAY, DB_ARGS(DB_STR(b),
	    DB_STR(a), DB_STR(a), DB_INT(room)))) == NULL)
		return db_failed(r);
	if (d->rows->nrows == 0)
		return 404;
	for (size_t i = 0; i < d->rows->nrows && has_booking(d->rows, i);
	    i++) {
		/* Begun, or checked in early: the meeting now. */
		if (time_of(d->rows, i, "starts_at") <= now ||
		    strcmp(db_text(d->rows, i, "status"), "in_use") == 0)
			d->current = i;
		else if (d->next == (size_t)-1)
			d->next = i;
	}
	closed_from = time_of(d->rows, 0, "closed_from");
	closed_until = time_of(d->rows, 0, "closed_until");
	if (db_get(d->rows, 0, "closed_from") != NULL && closed_from <= now &&
	    (db_get(d->rows, 0, "closed_until") == NULL ||
	    closed_until > now)) {
		d->state = DOOR_CLOSED;
		d->until = db_get(d->rows, 0, "closed_until") != NULL ?
		    closed_until : 0;
	} else if (d->current != (size_t)-1) {
		size_t	c = d->current;
		time_t	start = time_of(d->rows, c, "starts_at");

		d->until = time_of(d->rows, c, "ends_at");
		d->state = strcmp(db_text(d->rows, c, "status"), "in_use") ==
		    0 ? DOOR_IN_USE : DOOR_BUSY;
		if (d->state == DOOR_BUSY && checks_in(d->rows, c) &&
		    strcmp(db_text(d->rows, c, "status"), "confirmed") == 0 &&
		    booking_checkin_open(start, d->until, now)) {
			d->state = DOOR_CHECK_IN;
			d->until = start + (time_t)k->checkin_grace * 60;
		}
	} else if (d->next != (size_t)-1) {
		d->state = DOOR_FREE_UNTIL;
		d->until = time_of(d->rows, d->next, "starts_at");
	} else
		d->state = DOOR_FREE;
	/* Now or next, the meeting whose check-in is open. */
	for (size_t i = 0; i < d->rows->nrows && d->checkin == (size_t)-1;
	    i++)
		if ((i == d->current || i == d->next) && d->state !=
		    DOOR_CLOSED && checks_in(d->rows, i) &&
		    strcmp(db_text(d->rows, i, "status"), "confirmed") == 0 &&
		    booking_checkin_open(time_of(d->rows, i, "starts_at"),
		    time_of(d->rows, i, "ends_at"), now))
			d->checkin = i;
	return 0;
}

/* The walk-ins a screen offers, in minutes. */
static const int walkin_minutes[] = { 15, 30, 60 };

/*
 * When a walk-in at now starts: the first start the site's grid allows
 * from now (as the finder's "free now"); -1 after the day's last.
 */
static time_t
walkin_start(const struct rules *k, time_t now)
{
	time_t	t[RULES_MAX_SLOTS + 1];
	size_t	n;
	char	today[11];

	if (local_date(now, 0, today) == -1 ||
	    rules_day_slots(k, today, t, &n) == -1)
		return -1;
	for (size_t i = 0; i <= n; i++)
		if (t[i] >= now)
			return t[i];
	return -1;
}

/*
 * Whether a pressed button's start is one the screen showed lately: the
 * walk-in start at some moment of the last poll and a minute (at most a
 * slot).  A screen is redrawn at every poll, so a press may come just
 * after its start moved on.
 */
static int
walkin_shown(const struct app *app, time_t shown, time_t now)
{
	const struct rules	*k = &app->cfg->rules;
	time_t			 grace = (time_t)app->cfg->display_poll_seconds
				    + 60;

	if (grace > (time_t)k->slot_minutes * 60)
		grace = (time_t)k->slot_minutes * 60;
	if (walkin_start(k, shown) != shown)	/* not a start of the grid */
		return 0;
	return shown <= now ? shown >= now - grace :
	    shown == walkin_start(k, now);
}

/*
 * The "Book now" buttons for a room free from now (until `until`, 0 the
 * day's end): each length the rules allow that it is free for.
 */
static void
fill_walkins(struct req *r, struct tpl *d, time_t now, time_t until)
{
	const struct rules	*k = &r->app->cfg->rules;
	time_t			 start = walkin_start(k, now);
	const char		*field;
	char			 token[TOKEN_LEN], from[64], to[64];
	char			 start_utc[ISO_TIME_LEN];

	if (start == -1 || iso_time_utc(start, start_utc) == -1)
		return;
	for (size_t i = 0; i < NELEM(walkin_minutes); i++) {
		time_t		 end = start + (time_t)walkin_minutes[i] * 60;
		struct tpl	*w;

		if ((until != 0 && end > until) ||
		    rules_check(k, start, end, now, &field) != RULE_OK)
			continue;
		w = tpl_section(d, "WALKIN");
		tpl_set_int(w, "MINUTES", walkin_minutes[i]);
		/* What the button says is what it books. */
		tpl_set(w, "STARTS_AT", start_utc);
		tpl_set(w, "FROM", when_format(r->lang, start, WHEN_CLOCK, from,
		    sizeof from));
		tpl_set(w, "TO", when_format(r->lang, end, WHEN_END_CLOCK, to,
		    sizeof to));
		/* Each button a request of its own: a double press books once. */
		session_request_token(r, token);
		tpl_set(w, "REQUEST_TOKEN", token);
	}
}

/* One meeting of the day into a new section of d. */
static void
fill_meeting(struct req *r, struct tpl *d, const struct db_rows *rows,
    size_t i)
{
	struct booking_seen	seen;
	char			when[160];

	privacy_seen(r, db_get_int(rows, i, "user_id"), db_text(rows, i,
	    "owner"), db_text(rows, i, "title"), (int)db_get_int(rows, i,
	    "private"), &seen);
	tpl_set(d, "TITLE", seen.title);
	if (seen.owner != NULL)
		tpl_set(tpl_section(d, "OWNER"), "NAME", seen.owner);
	when_format(r->lang, time_of(rows, i, "starts_at"), WHEN_CLOCK, when,
	    sizeof when);
	tpl_set(d, "FROM", when);
	when_format(r->lang, time_of(rows, i, "ends_at"), WHEN_END_CLOCK, when,
	    sizeof when);
	tpl_set(d, "TO", when);
	if (strcmp(db_text(rows, i, "status"), "pending") == 0)
		tpl_show(d, "REQUESTED");
}

/*
 * The door's screen for its room at now into d (display.tpl's values),
 * its state into *state and *until.  0, or the status of a failure.
 */
static int
door_fill(struct req *r, struct tpl *d, time_t now, enum door_state *state,
    time_t *until)
{
	long long	room = r->display->room;
	struct door	door;
	char		clock[64], token[TOKEN_LEN];
	int		rc;

	if ((rc = door_read(r, room, now, &door)) != 0) {
		db_rows_free(door.rows);
		return rc;
	}
	tpl_set_int(d, "ROOM_ID", room);
	tpl_set_int(d, "POLL", r->app->cfg->display_poll_seconds);
	tpl_set(d, "ROOM_NAME", db_text(door.rows, 0, "room_name"));
	tpl_set(d, "DISPLAY_NAME", r->display->name);
	if (db_get(door.rows, 0, "building_name") != NULL) {
		struct tpl *placed = tpl_section(d, "PLACED");

		tpl_set(placed, "BUILDING_NAME", db_text(door.rows, 0,
		    "building_name"));
		tpl_set(placed, "FLOOR_NAME", db_text(door.rows, 0,
		    "floor_name"));
	}
	tpl_set(d, "NOW", when_format(r->lang, now, WHEN_CLOCK, clock,
	    sizeof clock));
	tpl_set(d, "STATE", door_keys[door.state]);
	tpl_set(tpl_section(d, door_keys[door.state]), "UNTIL",
	    door.until != 0 ? when_format(r->lang, door.until, WHEN_END_CLOCK,
	    clock, sizeof clock) : "");
	if (door.current != (size_t)-1)
		fill_meeting(r, tpl_section(d, "CURRENT"), door.rows,
		    door.current);
	if (door.next != (size_t)-1)
		fill_meeting(r, tpl_section(d, "NEXT"), door.rows, door.next);
	/* After the next one, the rest of the day. */
	for (size_t i = door.next + 1; door.next != (size_t)-1 &&
	    i < door.rows->nrows && has_booking(door.rows, i); i++)
		fill_meeting(r, tpl_section(d, "LATER"), door.rows, i);
	if (door.next == (size_t)-1 || door.next + 1 >= door.rows->nrows)
		tpl_show(d, "NOTHING_MORE");
	/* Walk-ins where the room is free and its policy lets anyone in. */
	if (door.state == DOOR_FREE || door.state == DOOR_FREE_UNTIL) {
		char	groups[300];
		int	may = policy_may_book(r->app->db, r->user, r->user->id,
			    room, groups, sizeof groups);

		if (may == -1) {
			db_rows_free(door.rows);
			return db_failed(r);
		}
		if (may == 1)
			fill_walkins(r, d, now, door.until);
	}
	if (door.checkin != (size_t)-1) {
		struct tpl *c = tpl_section(d, "CHECKIN");

		tpl_set(c, "BOOKING_ID", db_text(door.rows, door.checkin, "id"));
		fill_meeting(r, c, door.rows, door.checkin);
	}
	/* The screen's forms, also when sent as JSON. */
	session_form_token(r, token);
	tpl_set(d, "CSRF", token);
	*state = door.state;
	*until = door.until;
	db_rows_free(door.rows);
	return 0;
}

/*
 * What the screen follows from, as an ETag: the display, its room's
 * day (the epoch and the day's version), its language, and the minute,
 * as every state turns on a minute.
 */
static void
door_etag(const struct req *r, time_t now, char *etag, size_t len)
{
	snprintf(etag, len, "\"%lld.%s.%lld.%s\"", r->display->id,
	    r->display->version, (long long)(now / 60), page_lang(r));
}

/* 0 if the display shows room, else 403. */
static int
its_room(struct req *r)
{
	if (route_arg_id(r, 0) == r->display->room)
		return 0;
	r->error = N_("this display shows another room");
	return 403;
}

/* The door's screen with status, and what was refused on top. */
static int
display_page(struct req *r, int status)
{
	time_t			now = clock_now();
	enum door_state		state;
	struct page		p;
	char			etag[128], screen[64];
	time_t			until;
	int			rc;

	if ((rc = its_room(r)) != 0)
		return rc;
	if (page_begin(&p, r, r->display->room_name, "display.tpl") == -1)
		return 500;
	page_layout(&p, "display_layout.tpl");
	tpl_set_int(p.root, "SECONDS", r->app->cfg->display_poll_seconds);
	/* After a refused button too, the screen itself again. */
	snprintf(screen, sizeof screen, "/display/rooms/%lld",
	    r->display->room);
	tpl_set(p.root, "SCREEN", screen);
	door_etag(r, now, etag, sizeof etag);
	tpl_set(p.body, "ETAG", etag);
	if ((rc = door_fill(r, p.body, now, &state, &until)) != 0) {
		page_discard(&p);
		return rc;
	}
	if (r->refused && r->error != NULL)
		tpl_set(tpl_section(p.body, "PROBLEM"), "MESSAGE", r->error);
	return page_finish(&p, r, status);
}

/* GET /display/rooms/{id}: the door's screen. */
int
display_show(struct req *r)
{
	return display_page(r, 200);
}

int
display_again(struct req *r, int status)
{
	/* Another room's screen, or none: the error page. */
	if (r->display == NULL || route_arg_id(r, 0) != r->display->room)
		return 0;
	return display_page(r, status);
}

/*
 * GET /display/rooms/{id}/state: what the screen polls, 304 while its
 * ETag holds; else {"state", "until" (or null), "html": the screen}.
 */
int
display_state(struct req *r)
{
	time_t			 now = clock_now();
	enum door_state		 state;
	struct tpl		*d;
	json_t			*j = NULL;
	char			 etag[128], path[128], until_utc[SQL_TIME_LEN];
	char			*html = NULL, *text = NULL;
	size_t			 len;
	time_t			 until;
	int			 rc;

	if ((rc = its_room(r)) != 0)
		return rc;
	door_etag(r, now, etag, sizeof etag);
	if (resp_header(r, "ETag", etag) == -1)
		return 500;
	if (req_unchanged(r, etag))
		return resp_send(r, 304, TYPE_JSON, CACHE_REVALIDATE, "", 0) ==
		    -1 ? -1 : 304;
	if ((d = tpl_new()) == NULL)
		return 500;
	tpl_set(d, "ETAG", etag);
	if ((rc = door_fill(r, d, now, &state, &until)) != 0)
		goto out;
	rc = 500;
	snprintf(path, sizeof path, "%s/display.tpl", page_lang(r));
	if ((html = render(path, d, &len)) == NULL ||
	    (until != 0 && sql_time_utc(until, until_utc) == -1) ||
	    (j = json_pack("{s:s, s:s?, s:s%}", "state", door_keys[state],
	    "until", until != 0 ? until_utc : NULL, "html", html, len)) ==
	    NULL || (text = json_dumps(j, JSON_COMPACT)) == NULL)
		goto out;
	rc = resp_send(r, 200, TYPE_JSON, CACHE_REVALIDATE, text,
	    strlen(text)) == -1 ? -1 : 200;
out:
	free(text);
	json_decref(j);
	free(html);
	tpl_free(d);
	return rc;
}

static const char SQL_CHECKS_IN[] =
    "SELECT checkin_required_since IS NOT NULL AS checks_in FROM rooms"
    " WHERE id = ?";

/* Whether room asks for check-in: 1, 0, -1. */
static int
room_checks_in(struct req *r, long long room)
{
	struct db_rows	*rows;
	int		 yes;

	if ((rows = db_query(r->app->db, SQL_CHECKS_IN, DB_ARGS(DB_INT(room))))
	    == NULL)
		return -1;
	yes = rows->nrows == 1 && db_get_int(rows, 0, "checks_in");
	db_rows_free(rows);
	return yes;
}

/*
 * POST /display/rooms/{id}/walkin: "Book now" for minutes from the start
 * its button showed, in the display's name: confirmed where the room's
 * policy says so, else a request; 303 back to the screen, or the refusal
 * (409 when someone was quicker, or the screen was out of date).
 */
int
display_walkin(struct req *r)
{
	struct booking_request	q = { 0 };
	struct booking_outcome	o;
	struct input		in;
	time_t			now = clock_now();
	enum booking_result	rc;
	int			status;

	if ((status = its_room(r)) != 0 ||
	    (status = input_form(r, walkin_in, &in)) != 0)
		return status;
	if (!session_request_token_ours(r, input_text(&in, "request_token")))
		return req_refuse(r, 422, "This button is from another screen; "
		    "wait for the screen to show the room again.", NULL);
	q.room_id = r->display->room;
	q.requester = r->user;
	q.title = T(r, "Walk-in");
	q.attendees = 1;
	q.request_token = input_text(&in, "request_token");
	q.starts_at = input_time(&in, "starts_at");
	/* One of walkin_minutes (the field's choices). */
	q.ends_at = q.starts_at + (time_t)strtol(input_text(&in, "minutes"),
	    NULL, 10) * 60;
	if (!input_given(&in, "starts_at") ||
	    !walkin_shown(r->app, q.starts_at, now) || q.ends_at <= now)
		return req_refuse(r, 409, "The screen was out of date; it "
		    "shows the times now.", NULL);
	/* Begun moments ago, as the button said: not in the past to it. */
	q.rules_at = q.starts_at < now ? q.starts_at : now;
	rc = booking_submit(r->app->db, &r->app->cfg->rules, &q, &o);
	if (rc != BK_OK && rc != BK_EXISTING)
		return refusal_answer(r, rc, ACT_REQUEST, &o);
	if (rc == BK_OK) {
		struct booking_outcome used;

		log_info(r->rid, "walk-in %lld booked by display %lld", o.id,
		    r->display->id);
		/* Whoever booked it stands at the door: in use at once where
		   the room asks for check-in (its window is open by now). */
		if (strcmp(o.state, "confirmed") == 0 &&
		    room_checks_in(r, r->display->room) == 1 &&
		    booking_apply(r->app->db, o.id, ACT_CHECKIN, r->user, NULL,
		    &used) != BK_OK)
			log_error(r->rid, "walk-in %lld not checked in",
			    o.id);
	}
	return resp_redirectf(r, 303, "/display/rooms/%lld",
	    r->display->room);
}

/*
 * Whether booking is the one whose check-in the display's room has open
 * now: 1, 0, or the status of a failure.
 */
static int
checkin_open(struct req *r, long long booking)
{
	struct door	door;
	int		rc;

	if ((rc = door_read(r, r->display->room, clock_now(), &door)) == 0)
		rc = door.checkin != (size_t)-1 && db_get_int(door.rows,
		    door.checkin, "id") == booking;
	db_rows_free(door.rows);
	return rc;
}

/*
 * GET /display/rooms/{id}/bookings/{id}/qr: the address of the booking
 * whose check-in is open, as a QR code (SVG) for its owner's phone,
 * where they check in as themselves.  404 for any other booking.
 */
int
display_qr(struct req *r)
{
	long long	 booking = route_arg_id(r, 1);
	char		 link[CONFIG_STR + 32], *svg;
	size_t		 len;
	int		 rc;

	if ((rc = its_room(r)) != 0)
		return rc;
	if ((rc = checkin_open(r, booking)) != 1) {
		if (rc == 0)
			r->error = N_("this booking cannot be checked in here "
			    "now");
		return rc == 0 ? 404 : rc;
	}
	snprintf(link, sizeof link, "%s/bookings/%lld", r->app->cfg->base_url,
	    booking);
	if ((svg = qr_svg(link, &len)) == NULL)
		return 500;
	rc = resp_send(r, 200, TYPE_SVG, CACHE_NONE, svg, len) == -1 ? -1 :
	    200;
	free(svg);
	return rc;
}

/* Wrong PINs in a row after which a person's PIN rests a while. */
#define PIN_TRIES_SQL	"5"
#define PIN_REST_SQL	"15"

static const char SQL_OWNER_PIN[] =
    "SELECT u.pin_hash, u.pin_failures >= " PIN_TRIES_SQL
    "  AND u.pin_failed_at > UTC_TIMESTAMP() - INTERVAL " PIN_REST_SQL
    "  MINUTE AS resting"
    " FROM bookings b JOIN users u ON u.id = b.user_id WHERE b.id = ?";
static const char SQL_PIN_FAILED[] =
    "UPDATE users u JOIN bookings b ON b.user_id = u.id"
    " SET u.pin_failures = IF(u.pin_failed_at > UTC_TIMESTAMP() - INTERVAL "
    PIN_REST_SQL " MINUTE, u.pin_failures + 1, 1),"
    " u.pin_failed_at = UTC_TIMESTAMP() WHERE b.id = ?";
static const char SQL_PIN_OK[] =
    "UPDATE users u JOIN bookings b ON b.user_id = u.id"
    " SET u.pin_failures = 0, u.pin_failed_at = NULL WHERE b.id = ?";

/*
 * Whether pin is the PIN of booking's owner: 1, 0 (wrong, or none set),
 * 2 (resting after PIN_TRIES wrong ones), -1.  A wrong one is counted.
 */
static int
owners_pin(struct db *db, long long booking, const char *pin)
{
	struct db_rows	*rows;
	int		 ok;

	if ((rows = db_query(db, SQL_OWNER_PIN, DB_ARGS(DB_INT(booking)))) ==
	    NULL)
		return -1;
	if (rows->nrows != 1) {
		db_rows_free(rows);
		return 0;
	}
	if (db_get_int(rows, 0, "resting")) {
		db_rows_free(rows);
		return 2;
	}
	ok = *db_text(rows, 0, "pin_hash") != '\0' &&
	    password_verify(db_text(rows, 0, "pin_hash"), pin);
	db_rows_free(rows);
	return db_exec(db, ok ? SQL_PIN_OK : SQL_PIN_FAILED,
	    DB_ARGS(DB_INT(booking)), NULL) == -1 ? -1 : ok;
}

/*
 * POST /display/rooms/{id}/bookings/{id}/checkin: the booking whose
 * check-in is open, checked in by its owner's PIN, in the display's
 * name; 303 to the screen, 403 for a wrong PIN, 429 while it rests.
 */
int
display_checkin(struct req *r)
{
	long long		 booking = route_arg_id(r, 1);
	struct booking_outcome	 o;
	struct input		 in;
	enum booking_result	 rc;
	int			 status, open;

	if ((status = its_room(r)) != 0 ||
	    (status = input_form(r, display_checkin_in, &in)) != 0)
		return status;
	if ((open = checkin_open(r, booking)) != 1)
		return open == 0 ? req_refuse(r, 409, "This booking cannot be "
		    "checked in here now.", NULL) : open;
	switch (owners_pin(r->app->db, booking, input_text(&in, "pin"))) {
	case 1:
		break;
	case 0:
		return req_refuse(r, 403, "That is not the PIN of whoever "
		    "booked this meeting.", "pin");
	case 2:
		return req_refuse(r, 429, "Too many wrong PINs: the PIN rests "
		    "for a quarter of an hour. Scan the code to check in on "
		    "your phone.", "pin");
	default:
		return db_failed(r);
	}
	if ((rc = booking_apply(r->app->db, booking, ACT_CHECKIN, r->user,
	    NULL, &o)) != BK_OK)
		return refusal_answer(r, rc, ACT_CHECKIN, &o);
	log_info(r->rid, "booking %lld checked in at display %lld", booking,
	    r->display->id);
	return resp_redirectf(r, 303, "/display/rooms/%lld",
	    r->display->room);
}

/* GET /display/pair/{token}: the tablet asks to be paired. */
int
display_pair_form(struct req *r)
{
	struct page p;

	if (page_begin(&p, r, T(r, "Pair this screen"), "display_pair.tpl") ==
	    -1)
		return 500;
	tpl_set(p.body, "TOKEN", r->args[0]);
	tpl_set_int(p.body, "HOURS", DISPLAY_PAIRING_HOURS);
	return page_finish(&p, r, 200);
}

/*
 * POST /display/pair/{token}: pairs the tablet with the link's room, its
 * credential stored on it; 303 to the room's screen, or 410 for a link
 * used up or too old.
 */
int
display_pair_submit(struct req *r)
{
	char		credential[TOKEN_LEN];
	struct display	d;

	switch (display_pair(r->app->db, r->args[0], credential, &d)) {
	case DISPLAY_OK:
		break;
	case DISPLAY_LINK_USED:
		r->error = N_("this pairing link has been used or is too old; "
		    "ask an administrator for a new one");
		return 410;
	default:
		return db_failed(r);
	}
	if (session_display_paired(r, credential) != 0)
		return 500;
	return resp_redirectf(r, 303, "/display/rooms/%lld", d.room);
}
