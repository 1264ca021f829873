/* offer: a room the finder offers, on a page with the button that books it, and in JSON. */
#include <stdio.h>

#include "bookingapi.h"
#include "clock.h"
#include "offer.h"
#include "page.h"
#include "render.h"
#include "session.h"
#include "token.h"
#include "when.h"

/* An offer's times as a page writes them, kept while offers repeat them:
 * the offers of one list are mostly for the same time. */
struct times {
	time_t	start, end;
	char	when[160];
	char	start_input[INPUT_TIME_LEN], end_input[INPUT_TIME_LEN];
};

static void
fill(struct req *r, struct tpl *d, const struct finder_offer *o,
    long long people, const char *title, int until, struct times *t)
{
	char		 path[128], clock[64], token[TOKEN_LEN];
	struct tpl	*item;

	if (t->start != o->start || t->end != o->end) {
		t->start = o->start;
		t->end = o->end;
		when_span(r->lang, o->start, o->end, t->when, sizeof t->when);
		/* The booking form's fields, on the person's clock. */
		local_input_value(o->start, t->start_input);
		local_input_value(o->end, t->end_input);
	}
	snprintf(path, sizeof path, "%s/find_offer.tpl", page_lang(r));
	item = tpl_include(d, "OFFER_ITEM", path);
	tpl_set_int(item, "ROOM_ID", o->room);
	tpl_set(item, "ROOM_NAME", o->name);
	tpl_set_int(item, "SEATS", o->capacity);
	if (o->building != NULL) {
		struct tpl *p = tpl_section(item, "PLACED");

		tpl_set(p, "BUILDING_NAME", o->building);
		tpl_set(p, "FLOOR_NAME", o->floor);
	}
	tpl_set(item, "WHEN", t->when);
	if (until)
		tpl_set(tpl_section(item, "FREE_UNTIL"), "UNTIL", when_format(
		    r->lang, o->free_until, WHEN_END_CLOCK, clock, sizeof clock));
	if (o->without != NULL && *o->without != '\0')
		tpl_set(tpl_section(item, "WITHOUT"), "FEATURE", o->without);
	else if (o->without != NULL)
		tpl_show(item, "FEWER_SEATS");
	tpl_show(item, o->instant ? "INSTANT" : "ASKS_APPROVAL");
	session_request_token(r, token);
	tpl_set(item, "REQUEST_TOKEN", token);
	tpl_set(item, "STARTS_AT", t->start_input);
	tpl_set(item, "ENDS_AT", t->end_input);
	tpl_set_int(item, "ATTENDEES", o->capacity < people ? o->capacity :
	    people);
	tpl_set(item, "TITLE", title);
}

void
offer_fill(struct req *r, struct tpl *d, const struct finder_offer *o,
    long long people, const char *title, int until)
{
	struct times t = { .start = -1 };

	fill(r, d, o, people, title, until, &t);
}

void
offer_fill_each(struct req *r, struct tpl *d, const char *section,
    const struct finder_offer *v, size_t n, long long people,
    const char *title, int until)
{
	struct times t = { .start = -1 };

	for (size_t i = 0; i < n; i++)
		fill(r, tpl_section(d, section), &v[i], people, title, until,
		    &t);
}

json_t *
offer_json(const struct finder_offer *o)
{
	char	 start[SQL_TIME_LEN], end[SQL_TIME_LEN], until[SQL_TIME_LEN];
	json_t	*j;

	if (sql_time_utc(o->start, start) == -1 ||
	    sql_time_utc(o->end, end) == -1 ||
	    (o->free_until != 0 && sql_time_utc(o->free_until, until) == -1))
		return NULL;
	j = json_pack("{s:I, s:s, s:s?, s:s?, s:I, s:I, s:b}",
	    "roomId", (json_int_t)o->room, "name", o->name,
	    "building", o->building, "floor", o->floor,
	    "capacity", (json_int_t)o->capacity,
	    "extraFeatures", (json_int_t)o->extra,
	    "confirmedAtOnce", o->instant);
	if (j == NULL)
		return NULL;
	bookingapi_set_time(j, NULL, "start", start);
	bookingapi_set_time(j, NULL, "end", end);
	if (o->free_until != 0)
		bookingapi_set_time(j, NULL, "freeUntil", until);
	if (o->without != NULL && json_object_set_new(j, "without",
	    *o->without != '\0' ? json_string(o->without) :
	    json_string("seats")) == -1) {
		json_decref(j);
		return NULL;
	}
	return j;
}
