/*
 * booking: a person's calendar feeds: make one for their own bookings or
 * a room's (its address shown once), see them, revoke them; the same
 * through /api/calendarFeeds.  The feeds themselves: cgi-bin/status.
 */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "app.h"
#include "db.h"
#include "feed.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "page.h"
#include "response.h"

static const char SQL_ROOMS[] = "SELECT id, name FROM rooms ORDER BY name, id";
static const char SQL_ROOM[] = "SELECT id FROM rooms WHERE id = ?";

/* The page; made, if set, is a new feed's token, its address shown once. */
static int
calendars_page(struct req *r, int status, const char *made)
{
	struct db_rows	*feeds, *rooms;
	struct page	 p;
	char		 https[400], webcal[400];

	if ((feeds = feed_list(r->app->db, r->user->id)) == NULL)
		return db_failed(r);
	if ((rooms = db_query(r->app->db, SQL_ROOMS, DB_NOARGS)) == NULL) {
		db_rows_free(feeds);
		return db_failed(r);
	}
	if (page_begin(&p, r, T(r, "Calendar subscriptions"),
	    "calendars.tpl") == -1) {
		db_rows_free(feeds);
		db_rows_free(rooms);
		return 500;
	}
	if (made != NULL) {
		struct tpl *m = tpl_section(p.body, "MADE");

		feed_urls(r->app->cfg, made, https, sizeof https, webcal,
		    sizeof webcal);
		tpl_set(m, "URL", https);
		tpl_set(m, "WEBCAL", webcal);
	}
	for (size_t i = 0; i < rooms->nrows; i++) {
		struct tpl *o = tpl_section(p.body, "ROOM_CHOICE");

		tpl_set(o, "ID", db_get(rooms, i, "id"));
		tpl_set(o, "NAME", db_get(rooms, i, "name"));
	}
	for (size_t i = 0; i < feeds->nrows; i++) {
		struct tpl *f = tpl_section(p.body, "FEED_ROW");

		tpl_set(f, "ID", db_get(feeds, i, "id"));
		tpl_set(f, "WHAT", db_get(feeds, i, "room_id") != NULL ?
		    db_get(feeds, i, "room") : T(r, "My bookings"));
		page_set_time(f, r->lang, "CREATED", db_get(feeds, i,
		    "created_at"));
		if (db_get(feeds, i, "revoked_at") != NULL)
			page_set_time(tpl_section(f, "REVOKED"), r->lang, "AT",
			    db_get(feeds, i, "revoked_at"));
		else
			tpl_show(f, "LIVE");
	}
	if (feeds->nrows == 0)
		tpl_show(p.body, "NO_FEEDS");
	input_fill(p.body, r, feed_in);
	db_rows_free(feeds);
	db_rows_free(rooms);
	return page_finish(&p, r, status);
}

int
calendars_show(struct req *r)
{
	return calendars_page(r, 200, NULL);
}

int
calendars_form_again(struct req *r, int status)
{
	return calendars_page(r, status, NULL);
}

/*
 * Makes the feed in asks for (a room's, or the person's own bookings)
 * into token: 0, or the status to answer (422: no such room).
 */
static int
make_feed(struct req *r, const struct input *in, char token[TOKEN_LEN],
    long long *id)
{
	struct db_rows	*rows;
	long long	 room = input_int(in, "room");
	int		 known;

	if (room > 0) {
		if ((rows = db_query(r->app->db, SQL_ROOM,
		    DB_ARGS(DB_INT(room)))) == NULL)
			return db_failed(r);
		known = rows->nrows == 1;
		db_rows_free(rows);
		if (!known)
			return req_refuse(r, 422, "There is no such room.",
			    input_name_sent(in, "room"));
	}
	if (feed_create(r->app->db, r->user->id, room, token, id) == -1)
		return db_failed(r);
	log_info(r->rid, "calendar feed %lld (room %lld) made by user %lld",
	    *id, room, r->user->id);
	return 0;
}

int
calendars_create(struct req *r)
{
	struct input	in;
	char		token[TOKEN_LEN];
	long long	id;
	int		rc;

	if ((rc = input_form(r, feed_in, &in)) != 0 ||
	    (rc = make_feed(r, &in, token, &id)) != 0)
		return rc;
	/* Shown in this answer only; a reload shows the list without it. */
	params_free(&r->form);
	return calendars_page(r, 201, token);
}

int
calendars_revoke(struct req *r)
{
	switch (feed_revoke(r->app->db, route_arg_id(r, 0), r->user->id)) {
	case 1:
		return resp_redirect(r, 303, "/account/calendars");
	case 0:
		return req_refuse(r, 404, "no such calendar feed, or it was "
		    "revoked", NULL);
	default:
		return db_failed(r);
	}
}

int
api_feed_create(struct req *r)
{
	struct input	 in;
	char		 token[TOKEN_LEN], https[400], webcal[400];
	long long	 id, room;
	int		 rc;

	if ((rc = input_json(r, feed_in, &in)) == 0)
		rc = make_feed(r, &in, token, &id);
	room = input_int(&in, "room");
	input_free(&in);
	if (rc != 0)
		return rc;
	feed_urls(r->app->cfg, token, https, sizeof https, webcal,
	    sizeof webcal);
	return api_send(r, 201, json_pack("{s:I, s:s, s:s, s:o}", "id",
	    (json_int_t)id, "url", https, "webcalUrl", webcal, "roomId",
	    room > 0 ? json_integer(room) : json_null()));
}

int
api_feed_list(struct req *r)
{
	struct db_rows	*rows;
	json_t		*list = json_array();

	if (list == NULL || (rows = feed_list(r->app->db, r->user->id)) ==
	    NULL) {
		json_decref(list);
		return list == NULL ? 500 : db_failed(r);
	}
	for (size_t i = 0; i < rows->nrows; i++)
		if (json_array_append_new(list, json_pack("{s:I, s:o, s:s, s:b}",
		    "id", (json_int_t)db_get_int(rows, i, "id"), "roomId",
		    db_get(rows, i, "room_id") != NULL ? json_integer(
		    db_get_int(rows, i, "room_id")) : json_null(), "createdAt",
		    db_text(rows, i, "created_at"), "revoked",
		    db_get(rows, i, "revoked_at") != NULL)) == -1) {
			db_rows_free(rows);
			json_decref(list);
			return 500;
		}
	db_rows_free(rows);
	return api_send(r, 200, json_pack("{s:o}", "feeds", list));
}

int
api_feed_revoke(struct req *r)
{
	switch (feed_revoke(r->app->db, route_arg_id(r, 0), r->user->id)) {
	case 1:
		return resp_send(r, 204, TYPE_JSON, CACHE_NONE, "", 0);
	case 0:
		return req_refuse(r, 404, "no such calendar feed, or it was "
		    "revoked", NULL);
	default:
		return db_failed(r);
	}
}
