/*
 * room: a room's place and equipment in its form, on its page and in its
 * JSON: the building and floor it is on, what it has, its photo.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "feature.h"
#include "i18n.h"
#include "pages.h"
#include "place.h"
#include "render.h"
#include "roomfilter.h"

int
room_place_of(struct req *r, const struct input *in, struct room_input *room)
{
	struct room_names *f = &room->features;

	room->floor_id = input_given(in, "floor_id") ? input_int(in,
	    "floor_id") : 0;
	f->keep = 0;
	f->n = input_items(in, "features", f->v, ROOM_NAMES_MAX);
	if (input_get(in, "features")->n <= ROOM_NAMES_MAX)
		return 0;
	req_errorf(r, T(r, "Give at most %d names."), ROOM_NAMES_MAX);
	return req_refuse(r, 422, r->error, input_name_sent(in, "features"));
}

void
room_place_keep(const struct input *in, struct room_input *room)
{
	if (!input_sent(in, "floor_id"))
		room->floor_id = ROOM_KEEP;
	room->features.keep = !input_sent(in, "features");
}

int
room_place_prefill(struct req *r, long long id, const struct db_rows *saved)
{
	struct db_rows	*features;
	int		 rc = 0;

	if (params_append(&r->form, "floor_id", db_get(saved, 0,
	    "floor_id") != NULL ? db_get(saved, 0, "floor_id") : "0") == -1)
		return -1;
	if ((features = feature_of_rooms(r->app->db, id)) == NULL)
		return -1;
	for (size_t i = 0; rc == 0 && i < features->nrows; i++)
		rc = params_append(&r->form, "features", db_text(features, i,
		    "name"));
	db_rows_free(features);
	return rc;
}

_Static_assert(ROOM_FILTER_FEATURES >= ROOM_NAMES_MAX,
    "a filter holds all the equipment a room's form names");

int
room_place_form(struct req *r, struct tpl *body)
{
	const struct room_choices	*c;
	const char			*floor = params_get(&r->form, "floor_id");
	/* What the form has chosen, as a filter would: its floor and the
	   equipment it names. */
	struct room_filter		 chosen = { .seats = 1, .location = "",
					    .floor = floor != NULL ?
					    strtoll(floor, NULL, 10) : 0 };

	if ((c = room_choices_now(r->app->db)) == NULL)
		return -1;
	for (size_t i = 0; i < r->form.n &&
	    chosen.nfeatures < ROOM_FILTER_FEATURES; i++)
		if (strcmp(r->form.v[i].name, "features") == 0)
			chosen.feature[chosen.nfeatures++] = r->form.v[i].value;
	room_filter_choices(body, c, &chosen, ROOM_CHOICES_FLOORS |
	    ROOM_CHOICES_FEATURES);
	return 0;
}

void
room_place_show(struct tpl *d, const struct db_rows *rows, size_t i,
    const struct db_rows *features)
{
	long long room = db_get_int(rows, i, "id");
	struct tpl *list = NULL;

	if (db_get(rows, i, "building_id") != NULL) {
		struct tpl *p = tpl_section(d, "PLACED");

		tpl_set(p, "BUILDING_ID", db_get(rows, i, "building_id"));
		tpl_set(p, "BUILDING_NAME", db_get(rows, i, "building_name"));
		tpl_set(p, "FLOOR_ID", db_get(rows, i, "floor_id"));
		tpl_set(p, "FLOOR_NAME", db_get(rows, i, "floor_name"));
	}
	if (db_get(rows, i, "photo") != NULL)
		tpl_set(tpl_section(d, "PHOTO"), "PHOTO_NAME",
		    db_get(rows, i, "photo"));
	for (size_t j = 0; j < features->nrows; j++) {
		if (db_get_int(features, j, "room_id") != room)
			continue;
		if (list == NULL)
			list = tpl_section(d, "FEATURES");
		tpl_set(tpl_section(list, "FEATURE"), "FEATURE_NAME",
		    db_get(features, j, "name"));
	}
}

/* The room's features in features (room_id, name) as a JSON array. */
static json_t *
features_json(const struct db_rows *features, long long room)
{
	json_t *a = json_array();

	for (size_t i = 0; a != NULL && i < features->nrows; i++)
		if (db_get_int(features, i, "room_id") == room &&
		    json_array_append_new(a, json_string(db_text(features, i,
		    "name"))) == -1) {
			json_decref(a);
			return NULL;
		}
	return a;
}

int
room_place_json(json_t *o, const struct db_rows *rows, size_t i,
    const struct db_rows *features)
{
	json_t	*building = json_null(), *floor = json_null();
	char	 photo[64];

	if (db_get(rows, i, "building_id") != NULL) {
		building = json_pack("{s:I, s:s}", "id", (json_int_t)
		    db_get_int(rows, i, "building_id"), "name", db_text(rows,
		    i, "building_name"));
		floor = json_pack("{s:I, s:I, s:s}", "id", (json_int_t)
		    db_get_int(rows, i, "floor_id"), "level", (json_int_t)
		    db_get_int(rows, i, "floor_level"), "name", db_text(rows,
		    i, "floor_name"));
	}
	snprintf(photo, sizeof photo, "/photos/%s.jpg", db_text(rows, i,
	    "photo"));
	return json_object_set_new(o, "building", building) == -1 ||
	    json_object_set_new(o, "floor", floor) == -1 ||
	    json_object_set_new(o, "features", features_json(features,
	    db_get_int(rows, i, "id"))) == -1 ||
	    json_object_set_new(o, "photo", db_get(rows, i, "photo") != NULL ?
	    json_string(photo) : json_null()) == -1 ? -1 : 0;
}
