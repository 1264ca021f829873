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

void
offer_fill(struct req *r, struct tpl *d, const struct finder_offer *o,
    long long people, const char *title, int until)
{
	char		 path[128], when[160], token[TOKEN_LEN];
	char		 start[INPUT_TIME_LEN], end[INPUT_TIME_LEN];
	struct tpl	*item;

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
	tpl_set(item, "WHEN", when_span(r->lang, o->start, o->end, when,
	    sizeof when));
	if (until)
		tpl_set(tpl_section(item, "FREE_UNTIL"), "UNTIL", when_format(
		    r->lang, o->free_until, WHEN_CLOCK, when, sizeof when));
	if (o->without != NULL && *o->without != '\0')
		tpl_set(tpl_section(item, "WITHOUT"), "FEATURE", o->without);
	else if (o->without != NULL)
		tpl_show(item, "FEWER_SEATS");
	tpl_show(item, o->instant ? "INSTANT" : "ASKS_APPROVAL");
	/* The booking form's fields, on the person's clock. */
	session_request_token(r, token);
	tpl_set(item, "REQUEST_TOKEN", token);
	local_input_value(o->start, start);
	local_input_value(o->end, end);
	tpl_set(item, "STARTS_AT", start);
	tpl_set(item, "ENDS_AT", end);
	tpl_set_int(item, "ATTENDEES", o->capacity < people ? o->capacity :
	    people);
	tpl_set(item, "TITLE", title);
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
