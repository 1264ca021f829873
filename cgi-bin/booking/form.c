/*
 * booking: the fields the booking form and the change form share (room,
 * times, title, attendees, participants), from booking_fields.tpl.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "handlers.h"
#include "input.h"
#include "page.h"

static const char SQL_ROOMS[] =
    "SELECT id, name, location, capacity FROM rooms"
    " WHERE NOT (status = 'unavailable' AND closed_until IS NULL)"
    " ORDER BY name";

/* Fills the room choice, the selected one marked; how many, or -1. */
static long long
fill_rooms(struct req *r, struct tpl *d, const char *selected)
{
	struct db_rows	*rows;
	long long	 n;

	if ((rows = db_query(r->app->db, SQL_ROOMS, DB_NOARGS)) == NULL)
		return -1;
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *room = tpl_section(d, "ROOM");

		tpl_set_row(room, rows, i);
		if (selected != NULL && strcmp(db_get(rows, i, "id"),
		    selected) == 0)
			tpl_show(room, "SELECTED");
	}
	n = (long long)rows->nrows;
	db_rows_free(rows);
	return n;
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
	tpl_set_int(f, "STEP", r->app->cfg->rules.slot_minutes * 60);
	return booking_picker_fill(r, f);
}
