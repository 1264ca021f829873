/* booking: requesting and cancelling bookings, notifications, login, the home page. */
#include "app.h"
#include "handlers.h"
#include "health.h"

static const struct route routes[] = {
	{ M_GET,	"/",			AUTH_ANY,	home_show, NULL },
	{ M_GET,	"/login",		AUTH_ANY,	login_form, NULL },
	{ M_POST,	"/login",		AUTH_ANY,	login_submit,
	    login_form_again },
	{ M_POST,	"/logout",		AUTH_ANY,	logout, NULL },
	{ M_GET,	"/language",		AUTH_ANY,	language_choose, NULL },
	{ M_GET,	"/display/pair/{token}",	AUTH_ANY,	display_pair_form,
	    NULL },
	{ M_POST,	"/display/pair/{token}",	AUTH_ANY,
	    display_pair_submit, NULL },
	{ M_GET,	"/display/rooms/{id}",	AUTH_DISPLAY,	display_show, NULL },
	{ M_GET,	"/display/rooms/{id}/state",	AUTH_DISPLAY,	display_state,
	    NULL },
	{ M_POST,	"/display/rooms/{id}/walkin",	AUTH_DISPLAY,
	    display_walkin, NULL },
	{ M_GET,	"/bookings/new",	AUTH_USER,	booking_form,
	    booking_form_again },
	{ M_POST,	"/bookings",		AUTH_USER,	booking_create,
	    booking_form_again },
	{ M_GET,	"/bookings",		AUTH_USER,	bookings_list, NULL },
	{ M_GET,	"/bookings/{id}",	AUTH_USER,	booking_show, NULL },
	{ M_POST,	"/bookings/{id}/cancel",	AUTH_USER,	booking_cancel,
	    booking_page_again },
	{ M_GET,	"/bookings/{id}/edit",	AUTH_USER,	booking_change_form,
	    NULL },
	{ M_POST,	"/bookings/{id}/edit",	AUTH_USER,	booking_change_submit,
	    booking_change_again },
	{ M_POST,	"/bookings/{id}/checkin",	AUTH_USER,	booking_checkin,
	    booking_use_again },
	{ M_POST,	"/bookings/{id}/checkout",	AUTH_USER,	booking_checkout,
	    booking_use_again },
	{ M_GET,	"/notifications",	AUTH_USER,	notifications_list, NULL },
	{ M_POST,	"/notifications/read",	AUTH_USER,	notifications_read, NULL },
	{ M_GET,	"/account",		AUTH_USER,	account_show, NULL },
	{ M_POST,	"/account/password",	AUTH_USER,	account_password,
	    account_form_again },
	{ M_POST,	"/account/language",	AUTH_USER,	account_language,
	    account_form_again },
	{ M_POST,	"/account/zone",	AUTH_USER,	account_zone,
	    account_form_again },
	{ M_POST,	"/account/mail",	AUTH_USER,	account_mail,
	    account_form_again },
	{ M_POST,	"/account/delegates",	AUTH_USER,	account_delegate_add,
	    account_form_again },
	{ M_POST,	"/account/delegates/{id}/remove",	AUTH_USER,
	    account_delegate_remove, NULL },
	{ M_GET,	"/account/calendars",	AUTH_USER,	calendars_show, NULL },
	{ M_POST,	"/account/calendars",	AUTH_USER,	calendars_create,
	    calendars_form_again },
	{ M_POST,	"/account/calendars/{id}/revoke", AUTH_USER,
	    calendars_revoke, NULL },
	{ M_GET,	"/api/calendarFeeds",	AUTH_USER,	api_feed_list, NULL },
	{ M_POST,	"/api/calendarFeeds",	AUTH_USER,	api_feed_create, NULL },
	{ M_DELETE,	"/api/calendarFeeds/{id}", AUTH_USER,	api_feed_revoke,
	    NULL },
	{ M_GET,	"/account/tokens",	AUTH_USER,	tokens_show, NULL },
	{ M_POST,	"/account/tokens",	AUTH_USER,	tokens_create,
	    tokens_form_again },
	{ M_POST,	"/account/tokens/{id}/revoke",	AUTH_USER,	tokens_revoke, NULL },
	{ M_GET,	"/admin",		AUTH_ADMIN,	admin_home, NULL },
	{ M_POST,	"/api/bookings",	AUTH_USER,	api_booking_create, NULL },
	{ M_GET,	"/api/bookings",	AUTH_USER,	api_bookings_list, NULL },
	{ M_GET,	"/api/bookings/{id}",	AUTH_USER,	api_booking_show, NULL },
	{ M_DELETE,	"/api/bookings/{id}",	AUTH_USER,	api_booking_cancel, NULL },
	{ M_PATCH,	"/api/bookings/{id}",	AUTH_USER,	api_booking_change, NULL },
	{ M_GET,	"/api/notifications",	AUTH_USER,	api_notifications_list, NULL },
	{ M_POST,	"/api/notifications/read",	AUTH_USER,	api_notifications_read, NULL },
	{ M_POST,	"/api/realuses",	AUTH_USER,	api_realuse_start, NULL },
	{ M_GET,	"/api/realuses/{id}",	AUTH_USER,	api_realuse_show, NULL },
	{ M_PATCH,	"/api/realuses/{id}",	AUTH_USER,	api_realuse_end, NULL },
	{ M_GET,	"/healthz",		AUTH_ANY,	health_gateway, NULL },
	{ M_GET,	"/healthz/booking",	AUTH_ANY,	health_context, NULL },
};

static const struct program program = {
	CTX_BOOKING, routes, NELEM(routes), 0 /* read_only */
};

int
main(int argc, char *argv[])
{
	return app_main(&program, argc, argv);
}
