/* booking: handlers of the booking program. */
#ifndef ROOMBOOK_BOOKING_HANDLERS_H
#define ROOMBOOK_BOOKING_HANDLERS_H

#include <time.h>

#include "booking.h"
#include "request.h"

/* GET /: the home page with today's figures.  200, 503 (database down). */
int	home_show(struct req *r);

/* GET /display/rooms/{id}: a door display's screen (AUTH_DISPLAY). */
int	display_show(struct req *r);
/* The screen again, what a walk-in or check-in met on top (form_fn). */
int	display_again(struct req *r, int status);
/* GET /display/rooms/{id}/state: the screen's news as JSON; 200, 304. */
int	display_state(struct req *r);
/* POST /display/rooms/{id}/bookings/{id}/checkin: by its owner's PIN. */
int	display_checkin(struct req *r);
/* GET /display/rooms/{id}/bookings/{id}/qr: its check-in, as a QR code. */
int	display_qr(struct req *r);
/* POST /display/rooms/{id}/walkin: a walk-in; 303 to the screen, 409. */
int	display_walkin(struct req *r);
/* GET /display/pair/{token}: the form that pairs a tablet.  200. */
int	display_pair_form(struct req *r);
/* POST /display/pair/{token}: 303 to the paired room's screen, or 410. */
int	display_pair_submit(struct req *r);

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
/* POST /account/pin: one's check-in PIN (six digits, twice); 303, 422. */
int	account_pin(struct req *r);
int	account_mail(struct req *r);
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
/*
 * The people a request or change names, from in (lib/fields'
 * booking_request_in or booking_change_in): its participants into *named
 * (participants_free them), whom it is for into *owner (r's user, or buf
 * filled).  0, or the status refused with.
 */
struct participants;
struct user;
int	booking_participants_of(struct req *r, const struct input *in,
	    struct participants *named);
int	booking_owner_of(struct req *r, const struct input *in,
	    struct user *buf, const struct user **owner);
/* Whether the form was sent with its Find button (no booking asked). */
int	booking_form_finds(const struct req *r);
/* The "Book for" field, for those who may book for someone.  0 or status. */
struct tpl;
int	booking_owner_choices(struct req *r, struct tpl *d);
/* The person picker of r->form (named, and a search's finds).  0 or status. */
int	booking_picker_fill(struct req *r, struct tpl *d);
/*
 * {{>FIELDS}} of body: booking_fields.tpl with r->form's values and
 * errors of fields, the rooms, the picker.  0, or the status to answer.
 */
struct input_field;
int	booking_fields_fill(struct req *r, struct tpl *body,
	    const struct input_field *const *fields);
/* GET /bookings/{id}/edit: the change form; POST: the change (303, 409,
 * 422); PATCH /api/bookings/{id} with If-Match. */
int	booking_change_form(struct req *r);
int	booking_change_submit(struct req *r);
int	booking_change_again(struct req *r, int status);
int	api_booking_change(struct req *r);
/* POST /account/delegates, /account/delegates/{id}/remove. */
int	account_delegate_add(struct req *r);
int	account_delegate_remove(struct req *r);

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
/*
 * 303 to booking id's page when rc is BK_OK, else the refusal of action
 * (the form again, or the error page).
 */
int	booking_done(struct req *r, long long id, enum booking_result rc,
	    enum booking_action action, const struct booking_outcome *o);
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

/*
 * A series' dates as r's user reads them (cgi-bin/booking/series.c): why
 * date d is not free, in r's words, into buf; the API's answer to a
 * series request or preview with status (the dates, the bookings made,
 * seriesId).
 */
struct series_plan;
struct series_plan_date;
/*
 * 0 when rule (NULL: none) is one series_check takes, else the 422 naming
 * the part at fault under the recurrence's name in in.
 */
int	booking_rule_checked(struct req *r, const struct input *in,
	    const char *rule);
const char *series_date_why(const struct req *r,
	    const struct series_plan_date *d, char *buf, size_t n);
int	series_answer(struct req *r, const struct series_plan *p, int status);

/*
 * The booking form's Repeat fields (cgi-bin/booking/repeat.c) as an
 * RRULE for a series starting at start into rule[n] ("" when it does not
 * repeat): 0, or the status refused with.  And filled back into d.
 */
int	booking_repeat_rule(struct req *r, time_t start, char *rule, size_t n);
void	booking_repeat_fill(struct req *r, struct tpl *d);

/* GET /admin: the administrators' start page with the people.  200. */
int	admin_home(struct req *r);

/* calendars.c: calendar feeds */
int	calendars_show(struct req *r);
int	calendars_create(struct req *r);
int	calendars_form_again(struct req *r, int status);
int	calendars_revoke(struct req *r);
int	api_feed_list(struct req *r);
int	api_feed_create(struct req *r);
int	api_feed_revoke(struct req *r);

#endif
