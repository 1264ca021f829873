/*
 * room: a room's door displays on its page, for administrators: add one
 * (its pairing link shown once), a new link for one, revoke one.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "display.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "input.h"
#include "log.h"
#include "page.h"
#include "pages.h"
#include "render.h"
#include "response.h"
#include "when.h"

void
room_displays_fill(struct req *r, struct tpl *a, const struct db_rows *rows)
{
	for (size_t i = 0; i < rows->nrows; i++) {
		struct tpl *d = tpl_section(a, "DISPLAY");

		tpl_set(d, "DISPLAY_ID", db_get(rows, i, "id"));
		tpl_set(d, "DISPLAY_NAME", db_get(rows, i, "name"));
		if (db_get(rows, i, "revoked_at") != NULL) {
			page_set_time(tpl_section(d, "REVOKED"), r->lang, "AT",
			    db_get(rows, i, "revoked_at"));
			continue;
		}
		tpl_show(d, "LIVE");
		if (db_get(rows, i, "last_seen_at") != NULL)
			page_set_time(tpl_section(d, "SEEN"), r->lang, "AT",
			    db_get(rows, i, "last_seen_at"));
		else if (db_get(rows, i, "paired_at") != NULL)
			tpl_show(d, "PAIRED");
		if (db_get_int(rows, i, "linked"))
			tpl_show(d, "LINK_WAITS");
		else if (db_get(rows, i, "paired_at") == NULL)
			tpl_show(d, "LINK_OLD");
	}
	if (rows->nrows == 0)
		tpl_show(a, "NO_DISPLAYS");
	/* The add form again, as sent when it was refused. */
	input_fill(a, r, display_in);
	page_language_choices(a, "LANGUAGE_CHOICE", params_get(&r->form,
	    "language") != NULL ? params_get(&r->form, "language") : "");
}

/* The page that shows display id's pairing link, once. */
static int
link_page(struct req *r, long long room, long long id, const char *name,
    const char *token)
{
	struct page	p;
	char		link[CONFIG_STR + 64];

	snprintf(link, sizeof link, "%s/display/pair/%s", r->app->cfg->base_url,
	    token);
	if (page_begin(&p, r, T(r, "Pair a door display"),
	    "display_link.tpl") == -1)
		return 500;
	tpl_set_int(p.body, "ROOM_ID", room);
	tpl_set_int(p.body, "DISPLAY_ID", id);
	tpl_set(p.body, "DISPLAY_NAME", name);
	tpl_set(p.body, "LINK", link);
	tpl_set_int(p.body, "HOURS", DISPLAY_PAIRING_HOURS);
	return page_finish(&p, r, 200);	/* pages are never cached */
}

/* POST /admin/rooms/{id}/displays: a new display and its link. */
int
room_display_add(struct req *r)
{
	long long	room = route_arg_id(r, 0), id;
	char		token[TOKEN_LEN];
	struct input	in;
	int		refused;

	if ((refused = input_form(r, display_in, &in)) != 0)
		return refused;
	switch (display_add(r->app->db, room, input_text(&in, "display_name"),
	    input_given(&in, "language") ? input_text(&in, "language") : "",
	    r->user->id, &id, token)) {
	case DISPLAY_OK:
		break;
	case DISPLAY_NOT_FOUND:
		return 404;
	case DISPLAY_NAME_TAKEN:
		return req_refuse(r, 409, "This room has a display by that name "
		    "already.", "display_name");
	default:
		return db_failed(r);
	}
	log_info(r->rid, "display %lld added to room %lld by user %lld", id,
	    room, r->user->id);
	return link_page(r, room, id, input_text(&in, "display_name"), token);
}

/* The live display id of room, its name into name; 1, 0, -1. */
static int
live_display(struct req *r, long long room, long long id, char *name,
    size_t len)
{
	struct db_rows	*rows;
	int		 found = 0;

	if ((rows = display_list(r->app->db, room)) == NULL)
		return -1;
	for (size_t i = 0; i < rows->nrows; i++)
		if (db_get_int(rows, i, "id") == id &&
		    db_get(rows, i, "revoked_at") == NULL) {
			snprintf(name, len, "%s", db_text(rows, i, "name"));
			found = 1;
		}
	db_rows_free(rows);
	return found;
}

/* POST /admin/rooms/{id}/displays/{id}/link: a new pairing link. */
int
room_display_link(struct req *r)
{
	long long	room = route_arg_id(r, 0), id = route_arg_id(r, 1);
	char		token[TOKEN_LEN], name[401];
	int		found;

	if ((found = live_display(r, room, id, name, sizeof name)) != 1)
		return found == 0 ? 404 : db_failed(r);
	switch (display_relink(r->app->db, id, token)) {
	case DISPLAY_OK:
		return link_page(r, room, id, name, token);
	case DISPLAY_NOT_FOUND:
		return 404;
	default:
		return db_failed(r);
	}
}

/* POST /admin/rooms/{id}/displays/{id}/revoke: it stops at once. */
int
room_display_revoke(struct req *r)
{
	long long room = route_arg_id(r, 0), id = route_arg_id(r, 1);

	switch (display_revoke(r->app->db, room, id)) {
	case DISPLAY_OK:
		log_info(r->rid, "display %lld of room %lld revoked by user "
		    "%lld", id, room, r->user->id);
		return resp_redirectf(r, 303, "/rooms/%lld?revoked=1#displays",
		    room);
	case DISPLAY_NOT_FOUND:
		return 404;
	default:
		return db_failed(r);
	}
}
