/* booking: handlers of the booking program. */
#ifndef ROOMBOOK_BOOKING_HANDLERS_H
#define ROOMBOOK_BOOKING_HANDLERS_H

#include "request.h"

/* GET /: the home page with today's figures.  200, 503 (database down). */
int	home_show(struct req *r);

/* GET /login: the login form (sets the pre-login form token).  200. */
int	login_form(struct req *r);
/* POST /login: 303 to the "next" path, or 401 (wrong login or password,
 * the same either way), 422 (a field missing). */
int	login_submit(struct req *r);
/* GET /language?set=ko&next=/login: remembers the language chosen on the
 * login page in this browser; 303 to next.  422 for no such language. */
int	language_choose(struct req *r);
/* The login form again, refused (the dispatcher's form_fn). */
int	login_form_again(struct req *r, int status);
/* POST /logout: ends the session, 303 to the login page. */
int	logout(struct req *r);

/* GET /account: the person's details and password form.  200. */
int	account_show(struct req *r);
/* POST /account/password: 303 back, or 422 with the field at fault. */
int	account_password(struct req *r);
/* POST /account/zone: 303 to /account, or 422 for no such time zone. */
int	account_zone(struct req *r);
/* POST /account/language: 303 to /account, or 422 for no such language. */
int	account_language(struct req *r);
/* The account page again, its password or language form refused. */
int	account_form_again(struct req *r, int status);

/* GET /bookings/new: the booking form (?room_id, ?date or ?start prefill);
 * 422 for a prefill that is no room or time. */
int	booking_form(struct req *r);
/* The booking form again, refused (the dispatcher's form_fn). */
int	booking_form_again(struct req *r, int status);
/* The request of the form's or the API's fields, by r's user. */
struct input;
struct booking_request;
void	booking_request_of(const struct req *r, const struct input *in,
	    struct booking_request *q);
/* POST /bookings: 303 to the new (or, resubmitted, the same) booking;
 * 422 with the field at fault, 409 when the time is taken. */
int	booking_create(struct req *r);
/* GET /bookings: my bookings, upcoming first, then past.  200. */
int	bookings_list(struct req *r);
/* GET /bookings/{id}: one booking with its history; 404 unless mine or
 * I am an administrator. */
int	booking_show(struct req *r);
/* POST /bookings/{id}/cancel: 303 back, 404, 409 (already decided or
 * ended), 422 (an administrator cancelling someone's without reason). */
int	booking_cancel(struct req *r);
/* The booking's page again, its cancel form refused (a form_fn). */
/* The booking page again, a refused check-in or out said on top. */
int	booking_use_again(struct req *r, int status);
int	booking_page_again(struct req *r, int status);
int	booking_checkin(struct req *r);
int	tokens_show(struct req *r);
int	tokens_create(struct req *r);
/* The tokens page again, its form refused (a form_fn). */
int	tokens_form_again(struct req *r, int status);
int	tokens_revoke(struct req *r);
int	api_booking_create(struct req *r);
int	api_notifications_list(struct req *r);
int	api_notifications_read(struct req *r);
int	api_realuse_start(struct req *r);
int	api_realuse_end(struct req *r);
int	api_realuse_show(struct req *r);
int	api_booking_show(struct req *r);
int	api_bookings_list(struct req *r);
int	api_booking_cancel(struct req *r);
int	booking_checkout(struct req *r);

/* GET /notifications: mine, newest first.  POST /notifications/read. */
int	notifications_list(struct req *r);
int	notifications_read(struct req *r);

/* GET /admin: the administrators' start page with the people.  200. */
int	admin_home(struct req *r);

#endif
