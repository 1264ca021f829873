/* room: handlers of the room program. */
#ifndef ROOMBOOK_ROOM_HANDLERS_H
#define ROOMBOOK_ROOM_HANDLERS_H

#include "request.h"

/* GET /rooms (?min_capacity=, ?location=): every room.  200. */
int	rooms_list(struct req *r);
/* GET /rooms/{id}: a room, its upcoming bookings, its history.  200, 404. */
int	room_show(struct req *r);

/* GET /admin/rooms/new and POST /admin/rooms: add a room (303, 422). */
int	room_new(struct req *r);
int	room_create(struct req *r);
/* The add or edit form again, refused (the dispatcher's form_fn). */
int	room_form_again(struct req *r, int status);
/* GET /admin/rooms/{id}/edit and POST /admin/rooms/{id}: edit with the
 * version the form was made from (303, 200 with over-capacity bookings,
 * 404, 409 when someone saved in between, 422). */
int	room_edit(struct req *r);
int	room_update(struct req *r);
/* POST /admin/rooms/{id}/unavailable (reason): take the room out of use
 * and cancel its bookings that have not ended, in one transaction.  200
 * with what was cancelled, 404, 409 (already), 422 (no reason). */
int	room_unavailable(struct req *r);
/* The room's page again, its out-of-use form refused (a form_fn). */
int	room_page_again(struct req *r, int status);
/* POST /admin/rooms/{id}/available: back in use.  303, 404, 409. */
int	room_available(struct req *r);
/* POST /admin/rooms/{id}/delete: only a room that never had bookings.
 * 303, 404, 409. */
int	room_delete(struct req *r);

/*
 * groups.c: /admin/groups, the groups of people rooms' policies name.
 * GET lists them, POST adds one (303, 409 for a name taken, 422); the
 * list again when refused.
 */
int	groups_list(struct req *r);
int	group_create(struct req *r);
int	groups_list_again(struct req *r, int status);
/*
 * GET /admin/groups/{id}: members and the rooms that name it; POST
 * renames it; …/members adds a person by login (422 nobody has it, 409
 * already in); …/members/{user}/remove takes them out; …/delete removes
 * the group unless rooms name it (409).  303 back, 404.
 */
int	group_show(struct req *r);
int	group_update(struct req *r);
int	group_member_add(struct req *r);
int	group_member_remove(struct req *r);
int	group_delete(struct req *r);
int	group_page_again(struct req *r, int status);

/*
 * places.c: /admin/buildings, the buildings and their floors, and
 * /admin/features, the list of equipment.  GET lists; POST adds (303,
 * 409 for a name or level taken, 422), the list again when refused.
 * /admin/buildings/{id}: its floors; POST renames it; …/floors adds one;
 * …/floors/{id}/remove and …/delete remove, unless rooms are there (409).
 * /admin/features/{id} renames, …/delete removes it from every room.
 */
int	buildings_list(struct req *r);
int	buildings_list_again(struct req *r, int status);
int	building_create(struct req *r);
int	building_show(struct req *r);
int	building_page_again(struct req *r, int status);
int	building_update(struct req *r);
int	building_delete(struct req *r);
int	floor_create(struct req *r);
int	floor_delete(struct req *r);
int	features_list(struct req *r);
int	features_list_again(struct req *r, int status);
int	feature_create(struct req *r);
int	feature_update(struct req *r);
int	feature_delete(struct req *r);

/*
 * find.c: GET /rooms/find, the room finder's form and what it found (200;
 * 422 with the form again), and GET /api/rooms/free, the same for
 * scripts (200, 422).
 */
int	room_find(struct req *r);
int	api_rooms_free(struct req *r);

/*
 * room_photo.c: POST /admin/rooms/{id}/photo (a form's file "photo") and
 * …/photo/remove (303 to the room, 404, 422 for what is no photo we
 * keep); PUT /api/rooms/{id}/photo (the image itself, image/jpeg or
 * image/png: 200 with the room, 415, 422) and DELETE; GET /photos/{name}
 * (a photo, kept a year: 200, 304, 404).
 */
int	room_photo_upload(struct req *r);
int	room_photo_remove(struct req *r);
/*
 * POST /admin/rooms/{id}/displays: adds a door display, its pairing link
 * shown once (200); 409 for a name the room's displays have, 422.
 */
int	room_display_add(struct req *r);
/* POST /admin/rooms/{id}/displays/{id}/link: a new pairing link.  200. */
int	room_display_link(struct req *r);
/* POST /admin/rooms/{id}/displays/{id}/revoke: 303 to the room's page. */
int	room_display_revoke(struct req *r);
int	api_room_photo_put(struct req *r);
int	api_room_photo_delete(struct req *r);
int	photo_show(struct req *r);

/* The JSON API's /api/rooms: list, one (ETag: its version), add (admin),
 * and PATCH {"status": "N", "reason"} / {"status": "Y"} (admin, If-Match). */
int	api_rooms_list(struct req *r);
int	api_room_show(struct req *r);
int	api_room_create(struct req *r);
int	api_room_change(struct req *r);

#endif
