/*
 * room: the room finder.  /rooms/find asks for a time (or "free now"),
 * seats, equipment and a building, and offers the rooms free for it, each
 * with a button that books it; /api/rooms/free answers scripts alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "app.h"
#include "booking.h"
#include "bookingapi.h"
#include "clock.h"
#include "fields.h"
#include "finder.h"
#include "handlers.h"
#include "i18n.h"
#include "offer.h"
#include "page.h"
#include "refusal.h"
#include "render.h"
#include "roomfilter.h"
#include "rules.h"
#include "session.h"
#include "token.h"
#include "when.h"

/* What the site's rules refused about the time asked, under field. */
static int
rule_refused(struct req *r, enum rule_broken rule, const char *field)
{
	struct booking_outcome	o = { .rule = rule, .field = field };
	struct refusal		why;

	refusal_of(BK_RULE_BROKEN, ACT_REQUEST, &o, &r->app->cfg->rules,
	    r->lang, &why);
	why.field = field;
	return refusal_tell(r, &why);
}

/*
 * The finder's ask from in, its times already in from and to; 0, or the
 * status of a refusal (r->error) under the names fields gives.
 */
static int
ask_of(struct req *r, const struct input *in, struct room_filter *need,
    struct finder_ask *ask, const char *from_field, const char *to_field)
{
	const char	*field;
	int		 rc;

	if ((rc = room_filter_names(r, in, need)) != 0)
		return rc;
	ask->minutes = (int)input_int(in, "minutes");
	ask->people = input_int(in, "people");
	ask->need = need;
	ask->who = r->user;
	if (ask->minutes > 0 && ask->to > ask->from &&
	    (time_t)ask->minutes * 60 > ask->to - ask->from)
		return req_refuse(r, 422, "The meeting is longer than the time "
		    "given for it.", "minutes");
	if ((rc = finder_check(&r->app->cfg->rules, clock_now(), ask,
	    &field)) != RULE_OK)
		return rule_refused(r, rc, strcmp(field, "starts_at") == 0 ?
		    from_field : strcmp(field, "ends_at") == 0 ? to_field :
		    field);
	return 0;
}

/* date at "HH:MM" in the person's zone; 24:00 is the next day's start. */
static int
at_clock(const char *date, const char *clock, time_t *t)
{
	char buf[32];

	if (strcmp(clock, "24:00") == 0)
		return local_date_start(date, 1, t);
	snprintf(buf, sizeof buf, "%sT%s", date, clock);
	return parse_local_input(buf, t) == LOCAL_OK ? 0 : -1;
}

/*
 * The page's time: date from from to to, in the person's zone; 0, or 422
 * for a time missing or one the clocks skip.
 */
static int
window_of(struct req *r, const struct input *in, struct finder_ask *ask)
{
	const char *date = input_text(in, "date");

	if (!input_given(in, "from"))
		return req_refuse(r, 422, "Give the time the meeting may start.",
		    "from");
	if (!input_given(in, "to"))
		return req_refuse(r, 422, "Give the time the meeting must end "
		    "by.", "to");
	if (at_clock(date, input_text(in, "from"), &ask->from) == -1)
		return req_refuse(r, 422, "That time does not exist on that day "
		    "(the clocks change).", "from");
	if (at_clock(date, input_text(in, "to"), &ask->to) == -1)
		return req_refuse(r, 422, "That time does not exist on that day "
		    "(the clocks change).", "to");
	return 0;
}

/*
 * The form's values when nothing was asked: today from the next full
 * hour, for an hour.  Shown as if sent, so input_fill shows them.
 */
static int
prefill(struct req *r)
{
	time_t		 t = clock_now() + 3600;
	char		 date[11], from[16], to[16];
	int		 minute;

	if (local_date_minute(t, date, &minute) == -1)
		return -1;
	minute -= minute % 60;
	if (minute >= 23 * 60)
		minute = 22 * 60;
	snprintf(from, sizeof from, "%02d:00", minute / 60);
	snprintf(to, sizeof to, "%02d:00", minute / 60 + 1);
	return params_append(&r->form, "date", date) == -1 ||
	    params_append(&r->form, "from", from) == -1 ||
	    params_append(&r->form, "to", to) == -1 ||
	    params_append(&r->form, "people", "1") == -1 ? -1 : 0;
}

/*
 * GET /rooms/find: the form, and what it found when it asked.  A refused
 * ask shows the form again with what was wrong.
 */
int
room_find(struct req *r)
{
	const struct rules	*k = &r->app->cfg->rules;
	struct finder_ask	 ask = { 0 };
	struct room_filter	 need = { .seats = 1, .location = "" };
	struct finder		 f = { 0 };
	struct input		 in;
	struct page		 p;
	const char		*title = T(r, "Meeting");
	char			 opening[200];
	int			 asked = 0, now = 0, status, rc = 500;

	/* The query is the form: shown again as sent. */
	for (size_t i = 0; i < r->query.n; i++)
		if (params_append(&r->form, r->query.v[i].name,
		    r->query.v[i].value) == -1)
			return 500;
	if ((status = input_query(r, finder_query, &in)) != 0)
		goto page;
	now = (int)input_int(&in, "now");
	asked = now || input_given(&in, "date");
	if (input_given(&in, "title"))
		title = input_text(&in, "title");
	if (!asked) {
		if (prefill(r) == -1)
			return 500;
	} else if ((!now && (status = window_of(r, &in, &ask)) != 0) ||
	    (now && (status = room_filter_names(r, &in, &need)) != 0))
		goto page;
	if (now) {
		ask.people = input_int(&in, "people");
		ask.need = &need;
		ask.who = r->user;
		if (finder_free_now(r->app->db, k, clock_now(), &ask, &f) == -1)
			return db_failed(r);
	} else if (asked) {
		if ((status = ask_of(r, &in, &need, &ask, "from", "to")) != 0)
			goto page;
		if (finder_search(r->app->db, k, clock_now(), &ask, &f) == -1) {
			finder_free(&f);
			return db_failed(r);
		}
	}
	status = f.unknown != NULL ? room_filter_unknown(r, &in, f.unknown) :
	    200;
page:
	if (status != 200 && status != 422) {
		finder_free(&f);
		return status;
	}
	if (page_begin(&p, r, T(r, "Find a room"), "find.tpl") == -1)
		goto out;
	input_fill(p.body, r, finder_query);
	if (params_get(&r->form, "minutes") != NULL) {
		char key[32];

		snprintf(key, sizeof key, "MINUTES_%.8s", params_get(&r->form,
		    "minutes"));
		tpl_show(p.body, key);
	}
	/* The choices the rooms were weighed by, or those now. */
	if (f.choices == NULL &&
	    (f.choices = room_choices_now(r->app->db)) == NULL) {
		page_discard(&p);
		rc = db_failed(r);
		goto out;
	}
	room_filter_choices(p.body, f.choices, &need,
	    ROOM_CHOICES_BUILDINGS | ROOM_CHOICES_FEATURES);
	if (status == 200 && asked) {
		struct tpl *res = tpl_section(p.body, now ? "NOW" : "ASKED");

		offer_fill_each(r, res, "OFFER", f.offers, f.noffers,
		    ask.people, title, now);
		if (f.noffers == 0) {
			struct tpl *none = tpl_section(res, "NONE");

			if (now && !rules_open_at(k, clock_now()))
				tpl_set(tpl_section(none, "CLOSED_NOW"),
				    "OPENING", rules_opening(k, r->lang,
				    opening, sizeof opening));
			if (f.ntimes > 0)
				offer_fill_each(r, tpl_section(none, "TIMES"),
				    "TIME", f.times, f.ntimes, ask.people,
				    title, 0);
			if (f.nrelaxed > 0)
				offer_fill_each(r, tpl_section(none,
				    "RELAXED"), "ALT", f.relaxed, f.nrelaxed,
				    ask.people, title, 0);
		}
	}
	rc = page_finish(&p, r, status);
out:
	finder_free(&f);
	return rc;
}

/* v[0..n) as a JSON array; NULL if memory ran out. */
static json_t *
offers_json(const struct finder_offer *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; a != NULL && i < n; i++)
		if (json_array_append_new(a, offer_json(&v[i])) == -1) {
			json_decref(a);
			return NULL;
		}
	return a;
}

/*
 * GET /api/rooms/free?start=&end=[&minutes=][&people=][&feature=]...
 * [&building=] or ?now=1: the rooms free for it, best first; when none
 * is, "otherTimes" and "withOneLess".
 */
int
api_rooms_free(struct req *r)
{
	const struct rules	*k = &r->app->cfg->rules;
	struct finder_ask	 ask = { 0 };
	struct room_filter	 need;
	struct finder		 f = { 0 };
	struct input		 in;
	json_t			*j;
	int			 rc;

	if ((rc = input_query(r, free_query, &in)) != 0)
		return rc;
	if (input_int(&in, "now")) {
		if ((rc = room_filter_names(r, &in, &need)) != 0)
			return rc;
		ask.people = input_int(&in, "people");
		ask.need = &need;
		ask.who = r->user;
		rc = finder_free_now(r->app->db, k, clock_now(), &ask, &f);
	} else {
		if (!input_given(&in, "start") || !input_given(&in, "end"))
			return req_refuse(r, 422, "give start and end (or "
			    "now=1)", input_given(&in, "start") ? "end" :
			    "start");
		ask.from = input_time(&in, "start");
		ask.to = input_time(&in, "end");
		if ((rc = ask_of(r, &in, &need, &ask, "start", "end")) != 0)
			return rc;
		rc = finder_search(r->app->db, k, clock_now(), &ask, &f);
	}
	if (rc == -1 || f.unknown != NULL) {
		rc = rc == -1 ? db_failed(r) : room_filter_unknown(r, &in,
		    f.unknown);
		finder_free(&f);
		return rc;
	}
	j = json_pack("{s:o, s:o, s:o}", "rooms", offers_json(f.offers,
	    f.noffers), "otherTimes", offers_json(f.times, f.ntimes),
	    "withOneLess", offers_json(f.relaxed, f.nrelaxed));
	finder_free(&f);
	return j == NULL ? 500 : api_send(r, 200, j);
}
