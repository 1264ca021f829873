/*
 * room: a room's photo.  Administrators upload a JPEG or PNG (a form's
 * file, or the image itself through the API); only its pixels are kept,
 * as a JPEG of a standard width (lib/photo), named by its content, and
 * served under /photos/, which the gateway keeps.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "db.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "multipart.h"
#include "pages.h"
#include "photo.h"
#include "response.h"

static const char SQL_PHOTO[] = "SELECT jpeg FROM room_photos WHERE name = ?";

/*
 * Makes data[0..len) room id's photo (NULL: takes it away).  0 when done,
 * or the status of the refusal with r->error at field "photo".
 */
static int
set_photo(struct req *r, long long id, const void *data, size_t len)
{
	struct photo		 p = { 0 };
	struct room_outcome	 o;
	enum room_result	 rc;
	enum photo_result	 made = PHOTO_OK;
	int			 status;

	if (data != NULL && (made = photo_make(data, len,
	    (size_t)r->app->cfg->photo_max_bytes, &p)) != PHOTO_OK) {
		if (made == PHOTO_NO_MEMORY)
			return 500;
		log_info(r->rid, "photo for room %lld refused (%d)", id, made);
		return req_refuse(r, 422, photo_says(made), "photo");
	}
	rc = room_set_photo(r->app->db, r->user, id, data != NULL ? &p : NULL,
	    &o);
	photo_free(&p);
	status = rc == ROOM_OK ? 0 : room_refused(r, rc, &o);
	room_outcome_free(&o);
	if (status == 0)
		log_info(r->rid, "photo of room %lld %s by user %lld", id,
		    data != NULL ? "set" : "taken away", r->user->id);
	return status;
}

/* Back to the room's page, saying it was saved. */
static int
saved(struct req *r, long long id)
{
	return resp_redirectf(r, 303, "/rooms/%lld?saved=1", id);
}

int
room_photo_upload(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	const struct upload	*u = r->files != NULL ?
				    uploads_get(r->files, "photo") : NULL;
	int			 rc;

	if (u == NULL || u->len == 0)
		return req_refuse(r, 422, "Choose a photo to upload: a JPEG or "
		    "PNG file.", "photo");
	if ((rc = set_photo(r, id, u->data, u->len)) != 0)
		return rc;
	return saved(r, id);
}

int
room_photo_remove(struct req *r)
{
	long long	id = route_arg_id(r, 0);
	int		rc;

	if ((rc = set_photo(r, id, NULL, 0)) != 0)
		return rc;
	return saved(r, id);
}

int
api_room_photo_put(struct req *r)
{
	long long	 id = route_arg_id(r, 0);
	const char	*type = req_env(r, "CONTENT_TYPE");
	int		 rc;

	if (type == NULL || (strncasecmp(type, "image/jpeg", 10) != 0 &&
	    strncasecmp(type, "image/png", 9) != 0))
		return req_refuse(r, 415, "send the photo itself, as image/jpeg "
		    "or image/png", NULL);
	if (r->body_len == 0)
		return req_refuse(r, 422, "Choose a photo to upload: a JPEG or "
		    "PNG file.", "photo");
	if ((rc = set_photo(r, id, r->body, r->body_len)) != 0)
		return rc;
	return api_room_send(r, id, 200);
}

int
api_room_photo_delete(struct req *r)
{
	long long	 id = route_arg_id(r, 0);
	int		 rc;

	if ((rc = set_photo(r, id, NULL, 0)) != 0)
		return rc;
	return api_room_send(r, id, 200);
}

/* Whether name is a photo's: ROOM_PHOTO_NAME hex digits and ".jpg". */
static int
photo_name(const char *name)
{
	size_t n = strspn(name, "0123456789abcdef");

	return n == ROOM_PHOTO_NAME && strcmp(name + n, ".jpg") == 0;
}

int
photo_show(struct req *r)
{
	const char	*name = r->args[0], *match;
	struct db_rows	*rows;
	char		 key[ROOM_PHOTO_NAME + 1], etag[ROOM_PHOTO_NAME + 3];
	int		 rc;

	if (!photo_name(name))
		return 404;
	snprintf(key, sizeof key, "%.*s", ROOM_PHOTO_NAME, name);
	snprintf(etag, sizeof etag, "\"%s\"", key);
	/* Its name is its content: the same name, the same bytes. */
	if ((match = req_env(r, "HTTP_IF_NONE_MATCH")) != NULL &&
	    strcmp(match, etag) == 0) {
		if (resp_header(r, "ETag", etag) == -1)
			return 500;
		return resp_send(r, 304, TYPE_JPEG, CACHE_FOREVER, "", 0) == -1 ?
		    -1 : 304;
	}
	if ((rows = db_query(r->app->db, SQL_PHOTO, DB_ARGS(DB_STR(key)))) ==
	    NULL)
		return db_failed(r);
	if (rows->nrows != 1) {
		db_rows_free(rows);
		return 404;
	}
	rc = resp_header(r, "ETag", etag) == -1 ? 500 : resp_send(r, 200,
	    TYPE_JPEG, CACHE_FOREVER, db_get(rows, 0, "jpeg"),
	    db_len(rows, 0, "jpeg"));
	db_rows_free(rows);
	return rc;
}
