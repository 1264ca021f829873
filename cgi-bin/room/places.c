/*
 * room: the buildings and their floors, kept by the administrators, and
 * the list of equipment rooms may have.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "feature.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "page.h"
#include "place.h"
#include "response.h"

/* What a change to a building or a floor was refused for. */
static int
place_refused(struct req *r, enum place_result rc, int floor)
{
	switch (rc) {
	case PLACE_NOT_FOUND:
		return req_refuse(r, 404, floor ? "there is no such floor" :
		    "there is no such building", NULL);
	case PLACE_NAME_TAKEN:
		return floor ? req_refuse(r, 409, "This building already has "
		    "a floor at that level.", "level") : req_refuse(r, 409,
		    "Another building already has this name.", "name");
	case PLACE_IN_USE:
		return req_refuse(r, 409, floor ? "Rooms are on this floor; "
		    "move them first." : "Rooms are in this building; move "
		    "them first.", NULL);
	default:
		return db_failed(r);
	}
}

/* The buildings with the form to add one (r->form's values). */
static int
buildings_page(struct req *r, int status)
{
	const struct page_list l = { T(r, "Buildings"), "buildings.tpl",
	    "BUILDING", "NO_BUILDINGS", "deleted", building_in };
	struct db_rows	*rows;

	if ((rows = place_buildings(r->app->db)) == NULL)
		return db_failed(r);
	return page_list(r, status, &l, rows);
}

int
buildings_list(struct req *r)
{
	return buildings_page(r, 200);
}

int
buildings_list_again(struct req *r, int status)
{
	return buildings_page(r, status);
}

/* The address a form left empty. */
static const char *
address_of(const struct input *in)
{
	return input_given(in, "address") ? input_text(in, "address") : "";
}

int
building_create(struct req *r)
{
	struct input		 in;
	enum place_result	 rc;
	long long		 id;
	int			 refused;

	if ((refused = input_form(r, building_in, &in)) != 0)
		return refused;
	if ((rc = place_add_building(r->app->db, input_text(&in, "name"),
	    address_of(&in), &id)) != PLACE_OK)
		return place_refused(r, rc, 0);
	log_info(r->rid, "building %lld added by user %lld", id, r->user->id);
	return resp_redirectf(r, 303, "/admin/buildings/%lld?added=1", id);
}

/* One building's page: its floors, and the forms to change it. */
static int
building_page(struct req *r, long long id, int status)
{
	struct db_rows	*b, *floors = NULL;
	struct page	 p;
	long long	 rooms = 0;
	int		 rc = 500;

	if ((b = place_building(r->app->db, id)) == NULL ||
	    (floors = place_building_floors(r->app->db, id)) == NULL) {
		rc = db_failed(r);
		goto out;
	}
	if (b->nrows != 1) {
		rc = 404;
		goto out;
	}
	if (page_begin(&p, r, db_get(b, 0, "name"), "building.tpl") == -1)
		goto out;
	tpl_set_row(p.body, b, 0);
	/*
	 * A refused form shows what was sent: the floor's (it has a level)
	 * or the building's; the other form the saved values.
	 */
	if (params_get(&r->form, "level") != NULL) {
		input_fill(tpl_section(p.body, "ADD_FLOOR"), r, floor_in);
		tpl_set_row(tpl_section(p.body, "RENAME"), b, 0);
	} else {
		tpl_show(p.body, "ADD_FLOOR");
		if (params_get(&r->form, "name") != NULL)
			input_fill(tpl_section(p.body, "RENAME"), r,
			    building_in);
		else
			tpl_set_row(tpl_section(p.body, "RENAME"), b, 0);
	}
	for (size_t i = 0; i < floors->nrows; i++) {
		struct tpl *f = tpl_section(p.body, "FLOOR");

		tpl_set_row(f, floors, i);
		tpl_set_int(f, "BUILDING_ID", id);
		if (db_get_int(floors, i, "rooms") == 0)
			tpl_show(f, "EMPTY");
		rooms += db_get_int(floors, i, "rooms");
	}
	if (floors->nrows == 0)
		tpl_show(p.body, "NO_FLOORS");
	if (rooms == 0)
		tpl_show(p.body, "CAN_DELETE");
	if (params_get(&r->query, "added") != NULL)
		tpl_show(p.body, "ADDED");
	if (params_get(&r->query, "saved") != NULL)
		tpl_show(p.body, "SAVED");
	rc = page_finish(&p, r, status);
out:
	db_rows_free(b);
	db_rows_free(floors);
	return rc;
}

int
building_show(struct req *r)
{
	return building_page(r, route_arg_id(r, 0), 200);
}

int
building_page_again(struct req *r, int status)
{
	return building_page(r, route_arg_id(r, 0), status);
}

/* Back to building id's page, saying it was saved. */
static int
building_saved(struct req *r, long long id)
{
	return resp_redirectf(r, 303, "/admin/buildings/%lld?saved=1", id);
}

int
building_update(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct input		 in;
	enum place_result	 rc;
	int			 refused;

	if ((refused = input_form(r, building_in, &in)) != 0)
		return refused;
	if ((rc = place_change_building(r->app->db, id, input_text(&in,
	    "name"), address_of(&in))) != PLACE_OK)
		return place_refused(r, rc, 0);
	log_info(r->rid, "building %lld changed by user %lld", id,
	    r->user->id);
	return building_saved(r, id);
}

int
building_delete(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	enum place_result	 rc;

	if ((rc = place_remove_building(r->app->db, id)) != PLACE_OK)
		return place_refused(r, rc, 0);
	log_info(r->rid, "building %lld deleted by user %lld", id,
	    r->user->id);
	return resp_redirect(r, 303, "/admin/buildings?deleted=1");
}

int
floor_create(struct req *r)
{
	long long		 id = route_arg_id(r, 0), floor;
	struct input		 in;
	enum place_result	 rc;
	int			 refused;

	if ((refused = input_form(r, floor_in, &in)) != 0)
		return refused;
	if ((rc = place_add_floor(r->app->db, id, input_int(&in, "level"),
	    input_text(&in, "name"), &floor)) != PLACE_OK)
		return place_refused(r, rc, 1);
	log_info(r->rid, "floor %lld of building %lld added by user %lld",
	    floor, id, r->user->id);
	return building_saved(r, id);
}

int
floor_delete(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	long long		 floor = route_arg_id(r, 1);
	enum place_result	 rc;

	if ((rc = place_remove_floor(r->app->db, id, floor)) != PLACE_OK)
		return place_refused(r, rc, 1);
	log_info(r->rid, "floor %lld of building %lld deleted by user %lld",
	    floor, id, r->user->id);
	return building_saved(r, id);
}

/* What a change to the equipment list was refused for. */
static int
feature_refused(struct req *r, enum feature_result rc)
{
	switch (rc) {
	case FEATURE_NOT_FOUND:
		return req_refuse(r, 404, "there is no such equipment", NULL);
	case FEATURE_NAME_TAKEN:
		return req_refuse(r, 409, "This equipment is already on the "
		    "list.", "name");
	default:
		return db_failed(r);
	}
}

/* The equipment list with the form to add to it (r->form's values). */
static int
features_page(struct req *r, int status)
{
	const struct page_list l = { T(r, "Equipment"), "features.tpl",
	    "FEATURE", "NO_FEATURES", "saved", feature_in };
	struct db_rows	*rows;

	if ((rows = feature_list(r->app->db)) == NULL)
		return db_failed(r);
	return page_list(r, status, &l, rows);
}

int
features_list(struct req *r)
{
	return features_page(r, 200);
}

int
features_list_again(struct req *r, int status)
{
	return features_page(r, status);
}

int
feature_create(struct req *r)
{
	struct input		 in;
	enum feature_result	 rc;
	long long		 id;
	int			 refused;

	if ((refused = input_form(r, feature_in, &in)) != 0)
		return refused;
	if ((rc = feature_add(r->app->db, input_text(&in, "name"), &id)) !=
	    FEATURE_OK)
		return feature_refused(r, rc);
	log_info(r->rid, "equipment %lld added by user %lld", id,
	    r->user->id);
	return resp_redirect(r, 303, "/admin/features?saved=1");
}

int
feature_update(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct input		 in;
	enum feature_result	 rc;
	int			 refused;

	if ((refused = input_form(r, feature_in, &in)) != 0)
		return refused;
	if ((rc = feature_rename(r->app->db, id, input_text(&in, "name"))) !=
	    FEATURE_OK)
		return feature_refused(r, rc);
	log_info(r->rid, "equipment %lld renamed by user %lld", id,
	    r->user->id);
	return resp_redirect(r, 303, "/admin/features?saved=1");
}

int
feature_delete(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	enum feature_result	 rc;

	if ((rc = feature_remove(r->app->db, id)) != FEATURE_OK)
		return feature_refused(r, rc);
	log_info(r->rid, "equipment %lld removed by user %lld", id,
	    r->user->id);
	return resp_redirect(r, 303, "/admin/features?saved=1");
}
