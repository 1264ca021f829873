/* room: what the room program's pages share. */
#ifndef ROOMBOOK_ROOM_H
#define ROOMBOOK_ROOM_H

#include "form.h"

struct db_rows;

/*
 * Something to tell an administrator on a room's page: a message, the
 * bookings it concerns (booking_id, title, starts_at, ends_at, owner_name,
 * attendees), or the errors of the unavailable form.
 */
struct room_notice {
	const char		*message;
	const struct db_rows	*bookings;
	const struct field	*fields;
	const struct form_errors *errors;
};

/* A room's fields, as the add and edit forms and the API check them. */
extern const struct field room_fields[];

/*
 * Adds the room r->form describes (already checked against room_fields).
 * 0 with *id, 409 for a name another room has (r->error says so), or the
 * database's 5xx.
 */
int	room_insert(struct req *r, long long *id);

/*
 * Saves r->form (checked against room_fields) over room id, if the room is
 * still at version; a rename reaches the status view at once.  0; 404;
 * 409 for a name another room has; 412 if someone saved since, with the
 * room as saved now in *current (to db_rows_free); or the database's 5xx.
 */
int	room_save(struct req *r, long long id, long long version,
	    struct db_rows **current);

/*
 * Takes room id out of use with reason, or puts it back; version, if not
 * 0, must be the room's (else 412).  Out of use cancels every live
 * booking in the same transaction, under the room lock every booking
 * takes, and *cancelled gets them (to db_rows_free).  0, or 404, 409
 * (already so), 412, or the database's 5xx, with r->error.
 */
int	room_take_out_of_use(struct req *r, long long id, const char *reason,
	    long long version, struct db_rows **cancelled);
int	room_put_back(struct req *r, long long id, long long version);

/* The room's page with an optional notice; 200 or status, 404, 503. */
int	room_page(struct req *r, long long id, int status,
	    const struct room_notice *notice);

#endif
