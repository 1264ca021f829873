/*
 * fields: everything people and scripts send, each field described once
 * (lib/input), and the lists of them each form, query string and JSON body
 * takes.  Handlers and the fuzz harnesses read these same lists.
 */
#ifndef ROOMBOOK_FIELDS_H
#define ROOMBOOK_FIELDS_H

#include "input.h"

/* Logging in and the account. */
/* The most people one booking may be for. */
#define PEOPLE_MAX	10000

extern const struct input_field *const login_in[];	/* login, password, next */
extern const struct input_field *const password_in[];	/* the password change */
extern const struct input_field *const token_in[];	/* a new API token's name */
extern const struct input_field *const login_query[];	/* ?next, ?bye */
extern const struct input_field *const account_query[];	/* ?changed */
extern const struct input_field *const language_in[];	/* one's setting */
extern const struct input_field *const zone_in[];	/* one's time zone */
extern const struct input_field *const mail_choice_in[]; /* which mail */
extern const struct input_field *const feed_in[];	/* a calendar feed */
extern const struct input_field *const language_query[];	/* ?set, ?next */

/* Bookings.  The request serves the form and the API alike. */
extern const struct input_field *const booking_request_in[];
/* ?scope=this|following|all&reset=1: which dates of a series a change is for. */
extern const struct input_field *const scope_query[];
/* The booking form's Repeat fields, which make its recurrence. */
extern const struct input_field *const repeat_in[];
extern const struct input_field *const booking_new_query[];	/* prefill */
/* A change: the form's (version in it) and PATCH's (If-Match). */
extern const struct input_field *const booking_change_in[];
extern const struct input_field *const delegate_in[];	/* a login */
extern const struct input_field *const booking_cancel_in[];	/* form, ?reason */
extern const struct input_field *const booking_list_query[];	/* ?user, page */
extern const struct input_field *const checkin_in[];
extern const struct input_field *const checkout_in[];
extern const struct input_field *const notifications_query[];

/* Decisions. */
extern const struct input_field *const deny_in[];
extern const struct input_field *const decision_in[];
extern const struct input_field *const confirms_query[];
extern const struct input_field *const approvals_query[];	/* ?done&after */

/* Rooms: one list for the add and edit forms and the API's new room. */
extern const struct input_field *const room_in[];
extern const struct input_field *const room_change_in[];	/* API: PATCH */
/* A group of people (/admin/groups), and a member by login. */
extern const struct input_field *const group_in[];
extern const struct input_field *const member_in[];
extern const struct input_field *const room_close_in[];
/* Buildings, their floors, and equipment (lib/place, lib/feature). */
extern const struct input_field *const building_in[];
extern const struct input_field *const floor_in[];
extern const struct input_field *const feature_in[];
/* One's check-in PIN for the door displays, twice. */
extern const struct input_field *const pin_in[];
/* A door display's check-in: the PIN of the booking's owner. */
extern const struct input_field *const display_checkin_in[];
/* A door display's "Book now" button: for how long, and its token. */
extern const struct input_field *const walkin_in[];
/* A door display added on its room's page: its name and language. */
extern const struct input_field *const display_in[];
extern const struct input_field *const rooms_query[];
/* The room finder: its page's (date, from, to) and the API's (start, end). */
extern const struct input_field *const finder_query[];
extern const struct input_field *const free_query[];
extern const struct input_field *const room_query[];	/* what was done */

/* The status views. */
extern const struct input_field *const status_list_query[];
extern const struct input_field *const booking_lists_query[];
extern const struct input_field *const day_query[];
extern const struct input_field *const week_query[];
extern const struct input_field *const usage_query[];

/* The longest page of a list the API answers. */
#define API_PAGE_MAX	500


#endif
