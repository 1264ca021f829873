/*
 * booking: the fields the booking form and the change form share (room,
 * times, title, attendees, participants), from booking_fields.tpl.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "clock.h"
#include "db.h"
#include "fields.h"
#include "handlers.h"
#include "input.h"
#include "page.h"
#include "policy.h"
#include "words.h"

/* With how a request fares there: at once, or only for some groups. */
static const char SQL_ROOMS[] =
    "SELECT id, name, location, capacity, approval = 'instant' AS instant,"
    " EXISTS (SELECT 1 FROM room_bookable_by b WHERE b.room_id = rooms.id)"
    " AND NOT EXISTS (SELECT 1 FROM room_bookable_by b JOIN group_members m"
    "  ON m.group_id = b.group_id WHERE b.room_id = rooms.id"
    "  AND m.user_id = ?) AS restricted"
    " FROM rooms WHERE NOT (status = 'unavailable' AND closed_until IS NULL)"
    " ORDER BY name";
static const char SQL_POLICY[] =
    "SELECT name, " POLICY_COLUMNS " FROM rooms WHERE id = ?";

/* Fills the room choice, the selected one marked; how many, or -1. */
static long long
fill_rooms(struct req *r, struct tpl *d, const char *selected)
{
	struct db_rows	*rows;
	long long	 n;

	if ((rows = db_query(r->app->db, SQL_ROOMS,
	    DB_ARGS(DB_INT(r->user->id)))) == NULL)
		return -1;
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *room = tpl_section(d, "ROOM");

		tpl_set_row(room, rows, i);
		if (db_get_int(rows, i, "instant"))
			tpl_show(room, "INSTANT");
		/* Administrators book any room. */
		if (db_get_int(rows, i, "restricted") && !r->user->admin)
			tpl_show(room, "RESTRICTED");
		if (selected != NULL && strcmp(db_get(rows, i, "id"),
		    selected) == 0)
			tpl_show(room, "SELECTED");
	}
	n = (long long)rows->nrows;
	db_rows_free(rows);
	return n;
}

/* Whether t falls on today, or in this week (the site's). */
static int
same_day(time_t t)
{
	char a[11], b[11];

	return local_date(t, 0, a) == 0 && local_date(clock_now(), 0, b) == 0 &&
	    strcmp(a, b) == 0;
}

static int
same_week(time_t t)
{
	char a[16], b[16];

	return strcmp(format_local(t, "%G-%V", a, sizeof a),
	    format_local(clock_now(), "%G-%V", b, sizeof b)) == 0 && a[0] != '\0';
}

/*
 * Where the person stands against the chosen room's limits around the
 * chosen start (or now), before they submit.  0 or -1.
 */
static int
fill_standing(struct req *r, struct tpl *d)
{
	const char		*room = params_get(&r->form, "room_id");
	const char		*start = params_get(&r->form, "starts_at");
	const char		*why;
	struct limit_standing	 at[LIMIT__COUNT];
	struct db_rows		*rows;
	struct policy		 p;
	time_t			 t = clock_now();
	char			*end;
	long long		 id;
	int			 n;

	if (room == NULL || (id = strtoll(room, &end, 10)) <= 0 ||
	    *end != '\0' || r->user->admin)
		return 0;
	if (start != NULL && input_parse_time(start, &t, &why) == -1)
		t = clock_now();
	if ((rows = db_query(r->app->db, SQL_POLICY, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return -1;
	if (rows->nrows != 1) {
		db_rows_free(rows);
		return 0;
	}
	policy_of(rows, 0, &r->app->cfg->rules, &p);
	if ((n = policy_standing(r->app->db, id, r->user->id, p.limits, t,
	    at)) > 0) {
		struct tpl *s = tpl_section(d, "STANDING");

		tpl_set(s, "ROOM_NAME", db_get(rows, 0, "name"));
		for (int i = 0; i < n; i++) {
			char words[128];

			tpl_set(tpl_section(s, "LIMIT"), "WORDS", words_standing(
			    r->lang, at[i].which, at[i].used, at[i].max,
			    at[i].which == LIMIT_PER_DAY ? same_day(t) :
			    same_week(t), words, sizeof words));
		}
	}
	db_rows_free(rows);
	return n == -1 ? -1 : 0;
}

int
booking_fields_fill(struct req *r, struct tpl *body,
    const struct input_field *const *fields)
{
	char		 path[128];
	struct tpl	*f;
	long long	 rooms;

	snprintf(path, sizeof path, "%s/booking_fields.tpl", page_lang(r));
	f = tpl_include(body, "FIELDS", path);
	if ((rooms = fill_rooms(r, f, params_get(&r->form, "room_id"))) == -1)
		return db_failed(r);
	if (rooms == 0)
		tpl_show(body, "NO_ROOMS");
	input_fill(f, r, fields);
	/* A new request's: a change's counts would hold the booking itself. */
	if (fields == booking_request_in && fill_standing(r, f) == -1)
		return db_failed(r);
	tpl_set_int(f, "STEP", r->app->cfg->rules.slot_minutes * 60);
	return booking_picker_fill(r, f);
}
