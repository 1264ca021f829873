/* room: what the room program's pages share. */
#ifndef ROOMBOOK_ROOM_PAGES_H
#define ROOMBOOK_ROOM_PAGES_H

#include "fields.h"
#include "room.h"		/* lib/room.h: the rooms' transactions */

#include "api.h"		/* json_t */

struct db;
struct db_rows;
struct tpl;

/*
 * Something to tell an administrator on a room's page: a message and the
 * bookings it concerns (booking_id, title, starts_at, ends_at, owner_name,
 * attendees).
 */
struct room_notice {
	const char		*message;
	const struct db_rows	*bookings;
};

/* The room that input read against room_in describes, for lib/room. */
/* The words for a closure that would end before it begins (or now). */
extern const char room_window_backwards[];

/* The closure asked for by the form's or the API's fields. */
void	room_closure_of(const struct input *in, struct room_closure *c);
/* "Closed from … until further notice.": c in words, one sentence a case. */
char	*room_window_words(const struct req *r, const struct room_closure *c,
	    char *buf, size_t n);
/*
 * The room the form's or the API's fields describe, for lib/room: 0, or
 * the status a refusal answers with (too many names).
 */
int	room_input_of(struct req *r, const struct input *in,
	    struct room_input *room);

/*
 * room_policy.c: a room's policy in its form, page and JSON.
 *
 * A change through the API keeps what it leaves out of the policy as
 * saved (the room's row of policy columns).
 */
void	room_policy_keep(const struct input *in, const struct db_rows *saved,
	    struct room_input *room);
/*
 * Sets the policy's members on o (a room's JSON) from row i and the
 * rooms' policy_names.  0 or -1.
 */
int	room_policy_json(json_t *o, const struct db_rows *rows, size_t i,
	    const struct db_rows *names);
/* Prefills r->form with room id's policy as saved (its row).  0 or -1. */
int	room_policy_prefill(struct req *r, long long id,
	    const struct db_rows *saved);
/* The policy's part of the form in body, from r->form.  0 or -1. */
int	room_policy_form(struct req *r, struct tpl *body);
/* The policy in words on a room's page (row i: POLICY_COLUMNS).  0, -1. */
int	room_policy_show(struct req *r, struct tpl *d,
	    const struct db_rows *rows, size_t i);

/*
 * room_place.c: a room's building, floor, equipment and photo in its
 * form, page and JSON.
 *
 * The room's floor and equipment from the form's or the API's fields:
 * 0, or 422 for too many names.
 */
int	room_place_of(struct req *r, const struct input *in,
	    struct room_input *room);
/* A change through the API keeps the floor or equipment it leaves out. */
void	room_place_keep(const struct input *in, struct room_input *room);
/* Prefills r->form with room id's floor (saved: floor_id) and equipment. */
int	room_place_prefill(struct req *r, long long id,
	    const struct db_rows *saved);
/* The form's choices of floors and equipment in body, from r->form. */
int	room_place_form(struct req *r, struct tpl *body);
/*
 * On a room's page or in the list, into d: {{#PLACED}} with the building
 * and floor, {{#PHOTO}}, {{#FEATURES}} with each {{#FEATURE}}; row i
 * has ROOM_PLACE_COLUMNS, features (room_id, name) the equipment.
 */
void	room_place_show(struct tpl *d, const struct db_rows *rows, size_t i,
	    const struct db_rows *features);
/* "building", "floor", "features" and "photo" of row i on o.  0 or -1. */
int	room_place_json(json_t *o, const struct db_rows *rows, size_t i,
	    const struct db_rows *features);

/*
 * The answer to a room change lib/room refused, page or API: 404; 409
 * for a name another room has, a room already so, or one with bookings;
 * 412 if someone saved since; or the database's 5xx.  r->error says why
 * and r->error_field where.
 */
int	room_refused(struct req *r, enum room_result rc,
	    const struct room_outcome *o);

/* Sends room id as JSON with status and its version as the ETag. */
int	api_room_send(struct req *r, long long id, int status);

/*
 * The room's door displays (rows of display_list) into its page's
 * administrators' part a, with the form that adds one.
 */
void	room_displays_fill(struct req *r, struct tpl *a,
	    const struct db_rows *rows);

/* The room's page with an optional notice; 200 or status, 404, 503. */
int	room_page(struct req *r, long long id, int status,
	    const struct room_notice *notice);

#endif
