/* room: the rooms, their management, and taking them out of use. */
#include "app.h"
#include "handlers.h"
#include "health.h"

static const struct route routes[] = {
	{ M_GET,  "/rooms",				AUTH_ANY,   rooms_list, NULL },
	{ M_GET,  "/rooms/find",			AUTH_USER,  room_find, NULL },
	{ M_GET,  "/rooms/{id}",			AUTH_ANY,   room_show, NULL },
	{ M_GET,  "/admin/rooms/new",			AUTH_ADMIN, room_new, NULL },
	{ M_POST, "/admin/rooms",			AUTH_ADMIN, room_create,
	    room_form_again },
	{ M_GET,  "/admin/rooms/{id}/edit",		AUTH_ADMIN, room_edit, NULL },
	{ M_POST, "/admin/rooms/{id}",			AUTH_ADMIN, room_update,
	    room_form_again },
	{ M_POST, "/admin/rooms/{id}/unavailable",	AUTH_ADMIN, room_unavailable,
	    room_page_again },
	{ M_POST, "/admin/rooms/{id}/available",	AUTH_ADMIN, room_available, NULL },
	{ M_POST, "/admin/rooms/{id}/delete",		AUTH_ADMIN, room_delete, NULL },
	{ M_POST, "/admin/rooms/{id}/photo",		AUTH_ADMIN, room_photo_upload,
	    room_page_again },
	{ M_POST, "/admin/rooms/{id}/photo/remove",	AUTH_ADMIN, room_photo_remove,
	    NULL },
	{ M_POST, "/admin/rooms/{id}/displays",		AUTH_ADMIN, room_display_add,
	    room_page_again },
	{ M_POST, "/admin/rooms/{id}/displays/{id}/link", AUTH_ADMIN,
	    room_display_link, NULL },
	{ M_POST, "/admin/rooms/{id}/displays/{id}/revoke", AUTH_ADMIN,
	    room_display_revoke, NULL },
	{ M_GET,  "/photos/{name}",			AUTH_ANY,   photo_show, NULL },
	{ M_GET,  "/admin/groups",			AUTH_ADMIN, groups_list, NULL },
	{ M_POST, "/admin/groups",			AUTH_ADMIN, group_create,
	    groups_list_again },
	{ M_GET,  "/admin/groups/{id}",			AUTH_ADMIN, group_show, NULL },
	{ M_POST, "/admin/groups/{id}",			AUTH_ADMIN, group_update,
	    group_page_again },
	{ M_POST, "/admin/groups/{id}/members",		AUTH_ADMIN, group_member_add,
	    group_page_again },
	{ M_POST, "/admin/groups/{id}/members/{id}/remove", AUTH_ADMIN,
	    group_member_remove, NULL },
	{ M_POST, "/admin/groups/{id}/delete",		AUTH_ADMIN, group_delete,
	    group_page_again },
	{ M_GET,  "/admin/buildings",			AUTH_ADMIN, buildings_list,
	    NULL },
	{ M_POST, "/admin/buildings",			AUTH_ADMIN, building_create,
	    buildings_list_again },
	{ M_GET,  "/admin/buildings/{id}",		AUTH_ADMIN, building_show,
	    NULL },
	{ M_POST, "/admin/buildings/{id}",		AUTH_ADMIN, building_update,
	    building_page_again },
	{ M_POST, "/admin/buildings/{id}/floors",	AUTH_ADMIN, floor_create,
	    building_page_again },
	{ M_POST, "/admin/buildings/{id}/floors/{id}/remove", AUTH_ADMIN,
	    floor_delete, building_page_again },
	{ M_POST, "/admin/buildings/{id}/delete",	AUTH_ADMIN, building_delete,
	    building_page_again },
	{ M_GET,  "/admin/features",			AUTH_ADMIN, features_list,
	    NULL },
	{ M_POST, "/admin/features",			AUTH_ADMIN, feature_create,
	    features_list_again },
	{ M_POST, "/admin/features/{id}",		AUTH_ADMIN, feature_update,
	    features_list_again },
	{ M_POST, "/admin/features/{id}/delete",	AUTH_ADMIN, feature_delete,
	    features_list_again },
	{ M_GET,  "/api/rooms",				AUTH_USER,  api_rooms_list, NULL },
	{ M_POST, "/api/rooms",				AUTH_ADMIN, api_room_create,
	    room_form_again },
	{ M_GET,  "/api/rooms/free",			AUTH_USER,  api_rooms_free,
	    NULL },
	{ M_GET,  "/api/rooms/{id}",			AUTH_USER,  api_room_show, NULL },
	{ M_PATCH, "/api/rooms/{id}",			AUTH_ADMIN, api_room_change, NULL },
	{ M_PUT,  "/api/rooms/{id}/photo",		AUTH_ADMIN, api_room_photo_put,
	    NULL },
	{ M_DELETE, "/api/rooms/{id}/photo",		AUTH_ADMIN,
	    api_room_photo_delete, NULL },
	{ M_GET,  "/healthz/room",			AUTH_ANY,   health_context, NULL },
};

static const struct program program = {
	CTX_ROOM, routes, NELEM(routes), 0 /* read_only */
};

int
main(int argc, char *argv[])
{
	return app_main(&program, argc, argv);
}
