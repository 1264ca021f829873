/* room: what the room program's pages share. */
#ifndef ROOMBOOK_ROOM_H
#define ROOMBOOK_ROOM_H

#include "form.h"

struct db_rows;

/*
 * Something to tell an administrator on a room's page: a message, the
 * bookings it concerns (id, title, start, end, owner, attendees), or the
 * errors of the unavailable form.
 */
struct room_notice {
	const char		*message;
	const struct db_rows	*bookings;
	const struct field	*fields;
	const struct form_errors *errors;
};

/* The room's page with an optional notice; 200 or status, 404, 503. */
int	room_page(struct req *r, long long id, int status,
	    const struct room_notice *notice);

#endif
