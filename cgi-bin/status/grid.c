/* status: the day grid (rooms by time slots) and one room's week. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "booking.h"
#include "when.h"
#include "words.h"
#include "clock.h"
#include "db.h"
#include "fields.h"
#include "fragment.h"
#include "handlers.h"
#include "i18n.h"
#include "page.h"
#include "privacy.h"
#include "response.h"
#include "roomfilter.h"

/* The filters kept in links: as long as a query string may be. */
#define FILTERS_MAX	(REQ_MAX_QUERY + 64)

static const char SQL_ROOMS[] =
    "SELECT rooms.id, rooms.name, rooms.capacity, rooms.closed_from,"
    " rooms.closed_until, rooms.buffer_minutes,"
    " rooms.approval = 'instant' AS instant, EXISTS (SELECT 1"
    " FROM room_bookable_by b WHERE b.room_id = rooms.id) AS restricted"
    " FROM rooms" ROOM_FILTER_JOIN " WHERE" ROOM_FILTER_WHERE
    " ORDER BY pb.name IS NULL, pb.name, pf.level, rooms.location,"
    " rooms.name";

static const char SQL_ROOM[] =
    "SELECT id, name, closed_from, closed_until, buffer_minutes,"
    " approval = 'instant' AS instant, (SELECT GROUP_CONCAT(g.name ORDER BY"
    " g.name SEPARATOR '; ') FROM room_bookable_by b JOIN user_groups g"
    " ON g.id = b.group_id WHERE b.room_id = rooms.id) AS bookable_by"
    " FROM rooms WHERE id = ?";
static const char SQL_OTHER_ROOMS[] =
    "SELECT id, name FROM rooms WHERE id <> ? ORDER BY name";
/*
 * What holds a slot, overlapping [lo, hi), by room then start.  Without
 * the lower bound on starts_at every booking before the day was read
 * (measured: 6 pages/s at a million bookings).
 */
static const char SQL_DAY[] =
    "SELECT booking_id, room_id, title, status, starts_at, ends_at, user_id,"
    " user_name, private"
    " FROM booking_status WHERE starts_at < ? AND ends_at > ?"
    " AND " STARTED_AFTER_DAY_BEFORE("starts_at", "?")
    " AND status IN " HOLDS_SLOT
    " ORDER BY room_id, starts_at";
static const char SQL_WEEK[] =
    "SELECT booking_id, room_id, title, status, starts_at, ends_at, user_id,"
    " user_name, private"
    " FROM booking_status WHERE room_id = ? AND starts_at < ? AND ends_at > ?"
    " AND " STARTED_AFTER_DAY_BEFORE("starts_at", "?")
    " AND status IN " HOLDS_SLOT " ORDER BY starts_at";

/* A booking of the grid, times parsed. */
struct held {
	long long	 id, room, user;
	time_t		 start, end;
	const char	*title, *status, *owner;
	int		 private;
};

/* A room's closure: [from, until), until 0 for open-ended; from 0: none. */
struct closure {
	time_t	from, until;
};

static int
read_closure(const struct db_rows *rows, size_t i, struct closure *c)
{
	const char *from = db_get(rows, i, "closed_from");
	const char *until = db_get(rows, i, "closed_until");

	c->from = c->until = 0;
	return (from != NULL && parse_sql_time(from, &c->from) == -1) ||
	    (until != NULL && parse_sql_time(until, &c->until) == -1) ? -1 : 0;
}

/* Whether the room is closed during any of [a, b). */
static int
closed_during(const struct closure *c, time_t a, time_t b)
{
	return c->from != 0 && c->from < b && (c->until == 0 || c->until > a);
}

/* Row i's cell in column col, an index from db_col; NULL for SQL NULL. */
static const char *
cell(const struct db_rows *rows, size_t i, int col)
{
	return rows->cell[i * rows->ncols + (size_t)col];
}

static long long
cell_int(const struct db_rows *rows, size_t i, int col)
{
	const char *s = cell(rows, i, col);

	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

static int
read_held(const struct db_rows *rows, struct held **out)
{
	/* Looked up once: a week or a busy day is many rows. */
	int		 col_id = db_col(rows, "booking_id");
	int		 col_room = db_col(rows, "room_id");
	int		 col_title = db_col(rows, "title");
	int		 col_status = db_col(rows, "status");
	int		 col_start = db_col(rows, "starts_at");
	int		 col_end = db_col(rows, "ends_at");
	int		 col_user = db_col(rows, "user_id");
	int		 col_owner = db_col(rows, "user_name");
	int		 col_private = db_col(rows, "private");
	struct held	*h;

	if (col_id < 0 || col_room < 0 || col_title < 0 || col_status < 0 ||
	    col_start < 0 || col_end < 0 || col_user < 0 || col_owner < 0 ||
	    col_private < 0)
		return -1;	/* logged by db_col */
	if ((h = calloc(rows->nrows ? rows->nrows : 1, sizeof *h)) == NULL)
		return -1;
	for (size_t i = 0; i < rows->nrows; i++) {
		h[i].id = cell_int(rows, i, col_id);
		h[i].room = cell_int(rows, i, col_room);
		h[i].title = cell(rows, i, col_title);
		h[i].status = cell(rows, i, col_status);
		h[i].user = cell_int(rows, i, col_user);
		h[i].owner = cell(rows, i, col_owner);
		h[i].private = (int)cell_int(rows, i, col_private);
		if (parse_sql_time(cell(rows, i, col_start),
		    &h[i].start) == -1 ||
		    parse_sql_time(cell(rows, i, col_end), &h[i].end) == -1) {
			free(h);
			return -1;
		}
	}
	*out = h;
	return 0;
}

/* Where room's bookings lie in h (sorted by room, then start): [*lo, *hi). */
static void
room_range(const struct held *h, size_t n, long long room, size_t *lo,
    size_t *hi)
{
	size_t a = 0, b = n;

	while (a < b) {		/* the first of the room's */
		size_t m = a + (b - a) / 2;

		if (h[m].room < room)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	for (b = a; b < n && h[b].room == room; b++)
		;
	*hi = b;
}

/*
 * The booking holding [a, b) among h[*j..hi), for slots asked in order:
 * *j moves past bookings that ended, so a row costs slots + bookings.
 */
static const struct held *
holder(const struct held *h, size_t *j, size_t hi, time_t a, time_t b)
{
	while (*j < hi && h[*j].end <= a)
		(*j)++;
	return *j < hi && h[*j].start < b ? &h[*j] : NULL;
}

/*
 * Whether [a, b) lies in the buffer the room keeps free around one of
 * h[lo..hi) (buffer in seconds): no booking holds it, yet none may.
 */
static int
in_buffer(const struct held *h, size_t lo, size_t hi, time_t a, time_t b,
    time_t buffer)
{
	for (size_t i = lo; buffer > 0 && i < hi && h[i].start < b + buffer;
	    i++)
		if (h[i].end + buffer > a)
			return 1;
	return 0;
}

/*
 * A booked cell: its title (unless private) and who holds it (as the
 * site chooses), and its state; linked for those who may act on it.
 * Returns the cell's {{#BOOKED}} dictionary.
 */
static struct tpl *
booked_cell(const struct req *r, struct tpl *c, const struct held *b)
{
	struct tpl		*x = tpl_section(c, "BOOKED");
	struct booking_seen	 seen;

	privacy_seen(r, b->user, b->owner, b->title, b->private, &seen);
	tpl_set(x, "STATUS", b->status);
	tpl_set(x, "TITLE", seen.title);
	if (seen.owner != NULL)
		tpl_set(tpl_section(x, "HOLDER"), "OWNER", seen.owner);
	tpl_set(x, "STATUS_LABEL", words_state_label(r->lang, b->status));
	if (seen.whole)
		tpl_set_int(tpl_section(x, "LINK"), "BOOKING_ID", b->id);
	return x;
}

/*
 * A free cell of a week, with a link to book it at "at" when bookable.
 * The link's name ("Book Berlin, Monday 7 December, 14:00") is put
 * together from the headers by id: the slot's row and the day's column.
 */
static void
free_week_cell(struct tpl *c, int bookable, time_t at, size_t slot, int day)
{
	struct tpl	*f = tpl_section(c, "FREE");
	char		 start[INPUT_TIME_LEN];

	if (bookable && local_input_value(at, start) == 0) {
		struct tpl *b = tpl_section(f, "BOOK");

		tpl_set(b, "START", start);
		tpl_set_int(b, "SLOT", (long long)slot);
		tpl_set_int(b, "D", day);
	}
}

/*
 * Slot labels: the time of every slot, read out by screen readers (a
 * cell's column header is its time); the hour alone shows at each full
 * hour, as a slot's column is narrow.
 */
static void
slot_headers(struct tpl *d, const char *section, const time_t *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct tpl	*h = tpl_section(d, section);
		struct tm	 tm;
		char		 label[8];

		if (localtime_r(&t[i], &tm) == NULL)
			continue;
		snprintf(label, sizeof label, "%02d:%02d", tm.tm_hour, tm.tm_min);
		tpl_set(tpl_section(h, "SAID"), "LABEL", label);
		if (tm.tm_min == 0) {
			label[2] = '\0';	/* "14" of "14:00" */
			tpl_set(tpl_section(h, "HOUR"), "SHORT", label);
		}
	}
}

/*
 * The day the grid opens on: today while one of its slots can still be
 * booked, else the next open day.
 */
static int
first_bookable_day(const struct rules *k, time_t now, char out[11])
{
	time_t	t[RULES_MAX_SLOTS + 1], d0;
	size_t	n;

	if (local_date(now, 0, out) == -1 ||
	    local_date_start(out, 0, &d0) == -1)
		return -1;
	if (rules_open_day(k, d0) && rules_day_slots(k, out, t, &n) == 0 && n > 0 &&
	    t[n - 1] > now)
		return 0;
	return rules_open_day_from(k, out, 1, out);
}

/*
 * GET /status/day: the navigation's link and the grid's form.  A day's
 * grid lives at /status/day/2026-12-07/, so that each of its thousands
 * of free slots can link to "12.840" (room 12 at 14:00) relative to it;
 * this sends the person there, with the filters.
 */
int
status_day_pick(struct req *r)
{
	const struct rules	*k = &r->app->cfg->rules;
	char			 first[11], filters[FILTERS_MAX],
				 location[FILTERS_MAX + 64];
	const char		*date;
	struct room_filter	 f;
	struct input		 in;
	int			 rc;

	clock_use_zone(NULL);
	if ((rc = input_query(r, day_query, &in)) != 0)
		return rc;
	if ((date = input_text(&in, "date")) == NULL) {
		if (first_bookable_day(k, clock_now(), first) == -1)
			return 500;
		date = first;
	}
	if ((rc = room_filter_read(r, &in, &f)) != 0)
		return rc;
	if (room_filter_query(&f, filters, sizeof filters) == -1)
		return 500;
	snprintf(location, sizeof location, "/status/day/%s/%s", date, filters);
	return resp_redirect(r, 303, location);
}

/*
 * GET /status/day/{date}/{room}.{minute}[.{attendees}]: a free slot of
 * the grid (minute of the day on the site's clock).  Sends the person on
 * to the booking form for it; "attendees" when the grid asked for seats.
 */
int
status_day_slot(struct req *r)
{
	const char	*date = r->args[0], *slot = r->args[1];
	long long	 room, minute, people = 1;
	char		 location[256];
	time_t		 d0;
	int		 used = 0, n;

	clock_use_zone(NULL);
	if (local_date_start(date, 0, &d0) == -1)
		return 404;
	n = sscanf(slot, "%18lld.%4lld%n.%6lld%n", &room, &minute, &used,
	    &people, &used);
	if (n < 2 || slot[used] != '\0' || !isdigit((unsigned char)slot[0]) ||
	    room < 1 || minute < 0 || minute >= 24 * 60 || people < 1 ||
	    people > PEOPLE_MAX)
		return 404;
	snprintf(location, sizeof location, "/bookings/new?room_id=%lld"
	    "&start=%sT%02lld%%3A%02lld&attendees=%lld", room, date,
	    minute / 60, minute % 60, people);
	return resp_redirect(r, 303, location);
}

/* One day's grid: what its page shows, worked out before it is drawn. */
struct day_view {
	const char	*date;			/* YYYY-MM-DD */
	char		 today[11], prev[11], next[11];
	char		 filters[FILTERS_MAX];	/* room_filter_query's */
	time_t		 t[RULES_MAX_SLOTS + 1];	/* slot boundaries */
	size_t		 n;			/* slots */
	time_t		 now;
	int		 open;			/* an open day of the rules */
	const struct input *in;			/* what was asked for */
	struct room_filter filter;		/* the rooms asked for */
};

/* The grid's rows: one per room, cells from the day's bookings. */
static void
day_rows(const struct req *r, struct tpl *body, const struct day_view *v,
    const struct db_rows *rooms, const struct held *h, size_t nheld,
    int *failed)
{
	const time_t	*t = v->t;
	size_t		 n = v->n;

	for (size_t ri = 0; ri < rooms->nrows; ri++) {
		struct tpl	*row = tpl_section(body, "ROOMROW");
		long long	 room = db_get_int(rooms, ri, "id");
		struct closure	 shut;
		size_t		 j, first, last;
		time_t		 buffer = db_get_int(rooms, ri,
				    "buffer_minutes") * 60;

		if (read_closure(rooms, ri, &shut) == -1) {
			*failed = 1;
			return;
		}
		room_range(h, nheld, room, &j, &last);
		first = j;
		tpl_set(row, "ROOM", db_get(rooms, ri, "name"));
		tpl_set(row, "SEATS", db_get(rooms, ri, "capacity"));
		/* How a request fares there, at a glance. */
		if (db_get_int(rooms, ri, "instant"))
			tpl_show(row, "INSTANT");
		if (db_get_int(rooms, ri, "restricted"))
			tpl_show(row, "RESTRICTED");
		tpl_set_int(row, "ROOM_ID", room);
		for (size_t i = 0; i < n;) {
			struct tpl		*c = tpl_section(row, "CELL");
			const struct held	*b = holder(h, &j, last, t[i],
						    t[i + 1]);
			size_t			 span = 1;
			struct tpl		*x;
			struct tm		 tm;

			if (b != NULL) {
				while (i + span < n && h[j].end > t[i + span])
					span++;
				x = booked_cell(r, c, b);
				if (span > 1)
					tpl_set_int(tpl_section(x, "WIDE"),
					    "SPAN", (long long)span);
			} else if (in_buffer(h, first, last, t[i], t[i + 1],
			    buffer)) {
				/* Kept free around a booking: one cell. */
				while (i + span < n && holder(h, &j, last,
				    t[i + span], t[i + span + 1]) == NULL &&
				    in_buffer(h, first, last, t[i + span],
				    t[i + span + 1], buffer))
					span++;
				tpl_set_int(tpl_section(c, "BUFFER"), "SPAN",
				    (long long)span);
			} else if (v->open && t[i] > v->now &&
			    !closed_during(&shut, t[i], t[i + 1]) &&
			    localtime_r(&t[i], &tm) != NULL) {
				/* Free: a link named by room and minute. */
				x = tpl_section(c, "FREE");
				tpl_set_int(x, "MINUTE",
				    tm.tm_hour * 60 + tm.tm_min);
			} else {
				/*
				 * Free slots nobody can book make one cell, so
				 * a past or closed day is a few cells a room.
				 */
				while (i + span < n && !(v->open &&
				    t[i + span] > v->now && !closed_during(&shut,
				    t[i + span], t[i + span + 1])) &&
				    holder(h, &j, last, t[i + span],
				    t[i + span + 1]) == NULL)
					span++;
				tpl_set_int(tpl_section(c, "UNBOOKABLE"),
				    "SPAN", (long long)span);
			}
			i += span;
		}
	}
}

/*
 * The day grid's content (status_day.tpl) for v and the filters in in,
 * as HTML the caller frees; NULL with *rc the status to answer.
 */
static char *
day_body(struct req *r, const void *view, size_t *len, int *rc)
{
	const struct day_view *v = view;
	const struct input *in = v->in;
	struct db_arg	 filter[ROOM_FILTER_NARGS];
	char		 label[64], path[128], lo[SQL_TIME_LEN], hi[SQL_TIME_LEN];
	struct db_rows	*rooms = NULL, *rows = NULL;
	struct held	*h = NULL;
	struct tpl	*body = NULL;
	char		*html = NULL;
	int		 failed = 0;

	*rc = 500;
	if (sql_time_utc(v->t[0], lo) == -1 || sql_time_utc(v->t[v->n], hi) == -1)
		return NULL;
	room_filter_args(&v->filter, filter);
	if ((rooms = db_query(r->app->db, SQL_ROOMS, filter,
	    ROOM_FILTER_NARGS)) == NULL ||
	    (rows = db_query(r->app->db, SQL_DAY, DB_ARGS(DB_STR(hi),
	    DB_STR(lo), DB_STR(lo)))) == NULL) {
		*rc = db_failed(r);
		goto out;
	}
	if (read_held(rows, &h) == -1 || (body = tpl_new()) == NULL)
		goto out;
	if ((*rc = room_filter_form(body, r, &v->filter)) != 0)
		goto out;
	*rc = 500;
	tpl_set(body, "DATE", v->date);
	tpl_set(body, "DAY_LABEL", when_format(r->lang, v->t[0], WHEN_DAY,
	    label, sizeof label));
	tpl_set(body, "PREV", v->prev);
	tpl_set(body, "NEXT", v->next);
	tpl_set(body, "TODAY", v->today);
	tpl_set(body, "FILTERS", v->filters);
	/* Those looking for six seats book for six. */
	if (input_given(in, "min_capacity"))
		tpl_set(tpl_section(body, "ASKED"), "SEATS_ASKED",
		    input_text(in, "min_capacity"));
	if (strcmp(v->date, v->today) == 0)
		tpl_show(body, "IS_TODAY");
	if (!v->open)
		tpl_show(body, "CLOSED");
	if (rooms->nrows == 0)
		tpl_show(body, "NO_ROOMS");
	slot_headers(body, "SLOT", v->t, v->n);
	for (size_t i = 0; i < rooms->nrows; i++)
		if (db_get_int(rooms, i, "buffer_minutes") > 0) {
			tpl_show(body, "BUFFERS");
			break;
		}
	day_rows(r, body, v, rooms, h, rows->nrows, &failed);
	snprintf(path, sizeof path, "%s/status_day.tpl", page_lang(r));
	if (!failed && (html = render(path, body, len)) == NULL)
		r->error = "the day grid could not be rendered";
out:
	tpl_free(body);
	free(h);
	db_rows_free(rooms);
	db_rows_free(rows);
	return html;
}

/*
 * Whose eyes a grid is drawn for, as its key says: administrators see
 * every booking whole; someone holding a booking in it sees theirs; the
 * rest see what anyone may.
 */
static void
viewer_class(const struct req *r, int holds, char *buf, size_t n)
{
	if (r->user->admin)
		snprintf(buf, n, "admin");
	else if (holds)
		snprintf(buf, n, "user %lld", r->user->id);
	else
		snprintf(buf, n, "anyone");
}

/*
 * Answers with the grid kept under key, or draws it (draw(r, view, ...)
 * as status_day.tpl's or status_week.tpl's HTML) and keeps it, inside the
 * layout titled title.
 */
static int
send_kept(struct req *r, const char *key, const char *title, int wide,
    char *(*draw)(struct req *, const void *, size_t *, int *),
    const void *view)
{
	struct fragment	 kept;
	struct page	 p;
	char		*fresh = NULL;
	size_t		 len;
	int		 rc;

	if (!fragment_get(key, &kept)) {
		if ((fresh = draw(r, view, &len, &rc)) == NULL)
			return rc;
		if (fragment_put(key, fresh, len, &kept) == 0)
			fresh = NULL;	/* the store's now */
		else	/* not kept: sent as it is */
			kept = (struct fragment){ fresh, len, NULL };
	}
	if (page_begin_rendered(&p, r, title) == -1)
		rc = 500;
	else {
		if (wide)
			page_wide(&p);
		rc = page_finish_rendered(&p, r, 200, &kept);
	}
	free(fresh);
	return rc;
}

/*
 * What a day's grid depends on beyond the request: the epoch (rooms, the
 * nightly rebuild), the day's room versions, which every booking's write
 * raises (sql/016), and whether the reader holds a booking that day, as
 * their own cells show more.
 */
static const char SQL_DAY_VERSION[] =
    "SELECT (SELECT epoch FROM view_epoch WHERE id = 1) AS epoch,"
    " (SELECT COALESCE(SUM(version), 0) FROM room_day_versions"
    "  WHERE day = ?) AS day_version,"
    " EXISTS (SELECT 1 FROM booking_status WHERE user_id = ?"
    "  AND starts_at < ? AND ends_at > ?"
    "  AND " STARTED_AFTER_DAY_BEFORE("starts_at", "?")
    "  AND status IN " HOLDS_SLOT ") AS holds";

/*
 * The key the day's grid is kept under: everything it shows depends on.
 * Read before the grid itself, so what is kept under a key is at least
 * as new as the versions in it.  0, or the status to answer with.
 */
static int
day_key(struct req *r, const struct day_view *v, char *key, size_t len)
{
	char		 lo[SQL_TIME_LEN], hi[SQL_TIME_LEN], viewer[32];
	struct db_rows	*rows;
	size_t		 begun = 0;
	int		 n;

	if (sql_time_utc(v->t[0], lo) == -1 || sql_time_utc(v->t[v->n], hi) == -1)
		return 500;
	if ((rows = db_query(r->app->db, SQL_DAY_VERSION, DB_ARGS(
	    DB_STR(v->date), DB_INT(r->user->id), DB_STR(hi), DB_STR(lo),
	    DB_STR(lo)))) == NULL)
		return db_failed(r);
	viewer_class(r, db_get_int(rows, 0, "holds"), viewer, sizeof viewer);
	/* The slots begun by now can no longer be booked. */
	while (begun <= v->n && v->t[begun] <= v->now)
		begun++;
	n = snprintf(key, len, "day %s %s %s epoch %s version %s today %s "
	    "begun %zu%s", v->date, page_lang(r), viewer,
	    db_text(rows, 0, "epoch"), db_text(rows, 0, "day_version"),
	    v->today, begun, v->filters);
	db_rows_free(rows);
	return n < 0 || (size_t)n >= len ? 500 : 0;
}

/* GET /status/day/{date}/: the rooms by the day's slots. */
int
status_day(struct req *r)
{
	const struct rules	*k = &r->app->cfg->rules;
	struct day_view		 v = { .date = r->args[0] };
	struct input		 in;
	char			 key[FILTERS_MAX + 400];
	int			 rc;

	/* The grid is the site's: its days, hours and clock. */
	clock_use_zone(NULL);
	v.now = clock_now();
	if (local_date_start(v.date, 0, &v.t[0]) == -1)
		return 404;	/* no such day: no such page */
	if ((rc = input_query(r, day_query, &in)) != 0)
		return rc;
	if (rules_day_slots(k, v.date, v.t, &v.n) == -1)
		return req_refuse(r, 422, "that day's opening hours cannot be "
		    "shown: the clocks change during them", "date");
	if (local_date(v.now, 0, v.today) == -1 ||
	    rules_open_day_from(k, v.date, -1, v.prev) == -1 ||
	    rules_open_day_from(k, v.date, 1, v.next) == -1 ||
	    (rc = room_filter_read(r, &in, &v.filter)) != 0)
		return rc != 0 ? rc : 500;
	if (room_filter_query(&v.filter, v.filters, sizeof v.filters) == -1)
		return 500;
	v.open = rules_open_day(k, v.t[0]);
	v.in = &in;
	if ((rc = day_key(r, &v, key, sizeof key)) != 0)
		return rc;
	return send_kept(r, key, T(r, "Rooms by day"), 1, day_body, &v);
}

/* Monday of ISO week "YYYY-Www" as "YYYY-MM-DD"; 0 or -1. */
static int
iso_monday(const char *week, char monday[11])
{
	int		y, w, used = 0;
	struct tm	tm = { 0 };
	time_t		jan4, mon;

	if (week == NULL || sscanf(week, "%4d-W%2d%n", &y, &w, &used) != 2 ||
	    week[used] != '\0' || strlen(week) != 8 || y < 1971 || y > 9998 ||
	    w < 1 || w > 53)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mday = 4;		/* 4 January is always in week 1 */
	tm.tm_hour = 12;
	if ((jan4 = timegm(&tm)) == -1)
		return -1;
	mon = jan4 - ((tm.tm_wday + 6) % 7) * 86400 + (time_t)(w - 1) * 7 * 86400;
	if (gmtime_r(&mon, &tm) == NULL)
		return -1;
	/* Week 53 exists only in some years. */
	if (w == 53) {
		struct tm	chk;
		char		iso[12];
		time_t		thu = mon + 3 * 86400;

		if (gmtime_r(&thu, &chk) == NULL ||
		    strftime(iso, sizeof iso, "%G-W%V", &chk) == 0 ||
		    strcmp(iso, week) != 0)
			return -1;
	}
	return strftime(monday, 11, "%Y-%m-%d", &tm) ? 0 : -1;
}

/* The ISO week of date plus add_days, as "YYYY-Www". */
static int
iso_week(const char *date, int add_days, char out[12])
{
	struct tm	tm = { 0 };
	time_t		t;

	if (strptime(date, "%Y-%m-%d", &tm) == NULL)
		return -1;
	tm.tm_hour = 12;
	tm.tm_mday += add_days;
	if ((t = timegm(&tm)) == -1 || gmtime_r(&t, &tm) == NULL)
		return -1;
	return strftime(out, 12, "%G-W%V", &tm) ? 0 : -1;
}

/* One room's week: what its page shows, worked out before it is drawn. */
struct week_view {
	long long	 room;
	const char	*week;			/* YYYY-Www */
	char		 this_week[12], prev[12], next[12];
	char		 monday[11], sunday[11];
	time_t		 t[7][RULES_MAX_SLOTS + 1];	/* each day's slot boundaries */
	size_t		 n;			/* slots a day */
	int		 days[7], ndays;	/* the days shown */
	time_t		 now;
};

/* The week's days and slots from v->week; 0, or the status to answer. */
static int
week_days(struct req *r, struct week_view *v)
{
	const struct rules *k = &r->app->cfg->rules;

	/* The field's own words: only the length is checked by its type. */
	if (iso_monday(v->week, v->monday) == -1)
		return req_refuse(r, 422, week_query[0]->says, "week");
	/* Only the days rooms open on; every day if the rules open none. */
	for (int d = 0; d < 7; d++) {
		char	date[11];
		time_t	day;

		if (local_date_start(v->monday, d, &day) == -1 ||
		    local_date(day, 0, date) == -1 ||
		    rules_day_slots(k, date, v->t[d], &v->n) == -1)
			return 500;
		if (d == 6)
			memcpy(v->sunday, date, sizeof v->sunday);
		if (rules_open_day(k, day))
			v->days[v->ndays++] = d;
	}
	if (v->ndays == 0)
		for (int d = 0; d < 7; d++)
			v->days[v->ndays++] = d;
	if (iso_week(v->monday, -7, v->prev) == -1 ||
	    iso_week(v->monday, 7, v->next) == -1)
		return 500;
	return 0;
}

/*
 * The week's rows: one per slot, a column per day shown; buffer (seconds)
 * kept free around each booking.
 */
static void
week_rows(const struct req *r, struct tpl *body, const struct week_view *v,
    const struct closure *shut, const struct held *h, size_t nheld,
    time_t buffer)
{
	const struct rules	*k = &r->app->cfg->rules;
	size_t			 j[7] = { 0 };
	char			 label[64];

	for (size_t i = 0; i < v->n; i++) {
		struct tpl	*row = tpl_section(body, "SLOTROW");

		tpl_set_int(row, "SLOT", (long long)i);
		tpl_set(row, "TIME", format_local(v->t[0][i], "%H:%M", label,
		    sizeof label));
		for (int x = 0; x < v->ndays; x++) {
			int			 d = v->days[x];
			const time_t		*t = v->t[d];
			const struct held	*b = holder(h, &j[d], nheld, t[i],
						    t[i + 1]);
			struct tpl		*c;
			size_t			 span = 1;

			/*
			 * A booking is one cell, from the row where it starts
			 * down over its slots; the rows below leave its day out.
			 */
			if (b != NULL && i > 0 && b->start < t[i])
				continue;
			c = tpl_section(row, "CELL");
			if (b != NULL) {
				while (i + span < v->n && b->end > t[i + span])
					span++;
				tpl_set_int(booked_cell(r, c, b), "SPAN",
				    (long long)span);
			} else if (in_buffer(h, 0, nheld, t[i], t[i + 1],
			    buffer))
				tpl_show(c, "BUFFER");
			else
				free_week_cell(c, rules_open_day(k, t[0]) &&
				    t[i] > v->now && !closed_during(shut,
				    t[i], t[i + 1]), t[i], i, d);
		}
	}
}

/*
 * The week's content (status_week.tpl) for view (a week_view), as HTML
 * the caller frees; NULL with *rc the status to answer.
 */
static char *
week_body(struct req *r, const void *view, size_t *len, int *rc)
{
	const struct week_view *v = view;
	char		 lo[SQL_TIME_LEN], hi[SQL_TIME_LEN], label[64], path[128];
	char		 policy[400];
	struct db_rows	*info = NULL, *rows = NULL, *others = NULL;
	struct held	*h = NULL;
	struct tpl	*body = NULL;
	struct closure	 shut;
	char		*html = NULL;

	*rc = 500;
	if (sql_time_utc(v->t[0][0], lo) == -1 ||
	    sql_time_utc(v->t[6][v->n], hi) == -1)
		return NULL;
	if ((info = db_query(r->app->db, SQL_ROOM, DB_ARGS(DB_INT(v->room)))) ==
	    NULL || (rows = db_query(r->app->db, SQL_WEEK, DB_ARGS(
	    DB_INT(v->room), DB_STR(hi), DB_STR(lo), DB_STR(lo)))) == NULL ||
	    (others = db_query(r->app->db, SQL_OTHER_ROOMS, DB_ARGS(
	    DB_INT(v->room)))) == NULL) {
		*rc = db_failed(r);
		goto out;
	}
	if (info->nrows != 1) {
		*rc = 404;	/* gone since its key was read */
		goto out;
	}
	if (read_held(rows, &h) == -1 || read_closure(info, 0, &shut) == -1 ||
	    (body = tpl_new()) == NULL)
		goto out;
	tpl_set(body, "ROOM", db_get(info, 0, "name"));
	tpl_set_int(body, "ROOM_ID", v->room);
	tpl_set(body, "POLICY", words_policy(r->lang, (int)db_get_int(info, 0,
	    "instant"), db_get_int(info, 0, "buffer_minutes"), db_get(info, 0,
	    "bookable_by"), policy, sizeof policy));
	tpl_set(body, "WEEK", v->week);
	tpl_set(body, "PREV", v->prev);
	tpl_set(body, "NEXT", v->next);
	tpl_set(body, "FIRST", when_format(r->lang, v->t[v->days[0]][0],
	    WHEN_DATE, label, sizeof label));
	tpl_set(body, "LAST", when_format(r->lang,
	    v->t[v->days[v->ndays - 1]][0], WHEN_DATE, label, sizeof label));
	for (size_t i = 0; i < others->nrows; i++) {
		struct tpl *o = tpl_section(body, "OTHER");

		tpl_set(o, "OTHER_ID", db_get(others, i, "id"));
		tpl_set(o, "OTHER_NAME", db_get(others, i, "name"));
	}
	for (int x = 0; x < v->ndays; x++) {
		struct tpl *c = tpl_section(body, "DAY");

		tpl_set_int(c, "D", v->days[x]);
		tpl_set(c, "LABEL", when_format(r->lang, v->t[v->days[x]][0],
		    WHEN_SHORT_DAY, label, sizeof label));
	}
	if (db_get_int(info, 0, "buffer_minutes") > 0)
		tpl_set(tpl_section(body, "BUFFERS"), "MINUTES",
		    db_get(info, 0, "buffer_minutes"));
	week_rows(r, body, v, &shut, h, rows->nrows,
	    db_get_int(info, 0, "buffer_minutes") * 60);
	snprintf(path, sizeof path, "%s/status_week.tpl", page_lang(r));
	if ((html = render(path, body, len)) == NULL)
		r->error = "the week could not be rendered";
out:
	tpl_free(body);
	free(h);
	db_rows_free(info);
	db_rows_free(rows);
	db_rows_free(others);
	return html;
}

/*
 * What a room's week depends on beyond the request: as a day's grid
 * (SQL_DAY_VERSION), the room's versions of the week's days, and the
 * room's name for the page's title (none: no such room).
 */
static const char SQL_WEEK_VERSION[] =
    "SELECT (SELECT epoch FROM view_epoch WHERE id = 1) AS epoch,"
    " (SELECT name FROM rooms WHERE id = ?) AS room_name,"
    " (SELECT COALESCE(SUM(version), 0) FROM room_day_versions"
    "  WHERE day BETWEEN ? AND ? AND room_id = ?) AS week_version,"
    " EXISTS (SELECT 1 FROM booking_status WHERE user_id = ?"
    "  AND room_id = ? AND starts_at < ? AND ends_at > ?"
    "  AND " STARTED_AFTER_DAY_BEFORE("starts_at", "?")
    "  AND status IN " HOLDS_SLOT ") AS holds";

/*
 * The key the week is kept under, and the room's name in title.  0, 404
 * for no such room, or the status to answer with.
 */
static int
week_key(struct req *r, const struct week_view *v, char *key, size_t len,
    char *title, size_t title_len)
{
	char		 lo[SQL_TIME_LEN], hi[SQL_TIME_LEN], viewer[32];
	struct db_rows	*rows;
	size_t		 begun = 0;
	int		 n;

	if (sql_time_utc(v->t[0][0], lo) == -1 ||
	    sql_time_utc(v->t[6][v->n], hi) == -1)
		return 500;
	if ((rows = db_query(r->app->db, SQL_WEEK_VERSION, DB_ARGS(
	    DB_INT(v->room), DB_STR(v->monday), DB_STR(v->sunday),
	    DB_INT(v->room), DB_INT(r->user->id), DB_INT(v->room), DB_STR(hi),
	    DB_STR(lo), DB_STR(lo)))) == NULL)
		return db_failed(r);
	if (db_get(rows, 0, "room_name") == NULL) {
		db_rows_free(rows);
		return 404;
	}
	snprintf(title, title_len, "%s", db_get(rows, 0, "room_name"));
	viewer_class(r, db_get_int(rows, 0, "holds"), viewer, sizeof viewer);
	/* The slots begun by now can no longer be booked. */
	for (int d = 0; d < 7; d++)
		for (size_t i = 0; i < v->n && v->t[d][i] <= v->now; i++)
			begun++;
	n = snprintf(key, len, "week %lld %s %s %s epoch %s version %s "
	    "begun %zu", v->room, v->monday, page_lang(r), viewer,
	    db_text(rows, 0, "epoch"), db_text(rows, 0, "week_version"),
	    begun);
	db_rows_free(rows);
	return n < 0 || (size_t)n >= len ? 500 : 0;
}

/* GET /status/rooms/{id}?week=YYYY-Www: one room's week by slots. */
int
status_week(struct req *r)
{
	struct week_view	*v;
	struct input		 in;
	char			 key[256], title[1024];
	int			 rc;

	/* The grid is the site's: its days, hours and clock. */
	clock_use_zone(NULL);
	if ((rc = input_query(r, week_query, &in)) != 0)
		return rc;
	/* 80 KB of slot times: the heap's, not the worker's stack. */
	if ((v = calloc(1, sizeof *v)) == NULL)
		return 500;
	v->room = route_arg_id(r, 0);
	v->now = clock_now();
	if ((v->week = input_text(&in, "week")) == NULL) {
		char today[11];

		if (local_date(v->now, 0, today) == -1 ||
		    iso_week(today, 0, v->this_week) == -1) {
			free(v);
			return 500;
		}
		v->week = v->this_week;
	}
	if ((rc = week_days(r, v)) == 0 &&
	    (rc = week_key(r, v, key, sizeof key, title, sizeof title)) == 0)
		rc = send_kept(r, key, title, 0, week_body, v);
	free(v);
	return rc;
}
