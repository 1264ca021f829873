/* booking: requesting and cancelling bookings, notifications, login, the home page. */
#include "app.h"
#include "handlers.h"
#include "health.h"

static const struct route routes[] = {
	{ M_GET,	"/",			AUTH_ANY,	home_show },
	{ M_GET,	"/login",		AUTH_ANY,	login_form },
	{ M_POST,	"/login",		AUTH_ANY,	login_submit },
	{ M_POST,	"/logout",		AUTH_ANY,	logout },
	{ M_GET,	"/bookings/new",	AUTH_USER,	booking_form },
	{ M_POST,	"/bookings",		AUTH_USER,	booking_create },
	{ M_GET,	"/bookings",		AUTH_USER,	bookings_list },
	{ M_GET,	"/bookings/{id}",	AUTH_USER,	booking_show },
	{ M_POST,	"/bookings/{id}/cancel",	AUTH_USER,	booking_cancel },
	{ M_POST,	"/bookings/{id}/checkin",	AUTH_USER,	booking_checkin },
	{ M_POST,	"/bookings/{id}/checkout",	AUTH_USER,	booking_checkout },
	{ M_GET,	"/notifications",	AUTH_USER,	notifications_list },
	{ M_POST,	"/notifications/read",	AUTH_USER,	notifications_read },
	{ M_GET,	"/account",		AUTH_USER,	account_show },
	{ M_POST,	"/account/password",	AUTH_USER,	account_password },
	{ M_GET,	"/account/tokens",	AUTH_USER,	tokens_show },
	{ M_POST,	"/account/tokens",	AUTH_USER,	tokens_create },
	{ M_POST,	"/account/tokens/{id}/revoke",	AUTH_USER,	tokens_revoke },
	{ M_GET,	"/admin",		AUTH_ADMIN,	admin_home },
	{ M_POST,	"/api/bookings",	AUTH_USER,	api_booking_create },
	{ M_GET,	"/api/bookings",	AUTH_USER,	api_bookings_list },
	{ M_GET,	"/api/bookings/{id}",	AUTH_USER,	api_booking_show },
	{ M_DELETE,	"/api/bookings/{id}",	AUTH_USER,	api_booking_cancel },
	{ M_GET,	"/api/notifications",	AUTH_USER,	api_notifications_list },
	{ M_POST,	"/api/notifications/read",	AUTH_USER,	api_notifications_read },
	{ M_POST,	"/api/realuses",	AUTH_USER,	api_realuse_start },
	{ M_GET,	"/api/realuses/{id}",	AUTH_USER,	api_realuse_show },
	{ M_PATCH,	"/api/realuses/{id}",	AUTH_USER,	api_realuse_end },
	{ M_GET,	"/healthz",		AUTH_ANY,	health_gateway },
	{ M_GET,	"/healthz/booking",	AUTH_ANY,	health_context },
};

static const struct program program = {
	CTX_BOOKING, routes, NELEM(routes), 0 /* read_only */
};

int
main(int argc, char *argv[])
{
	return app_main(&program, argc, argv);
}
