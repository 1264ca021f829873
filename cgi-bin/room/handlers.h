/* room: handlers of the room program. */
#ifndef ROOMBOOK_ROOM_HANDLERS_H
#define ROOMBOOK_ROOM_HANDLERS_H

#include "request.h"

/* GET /rooms: every room with its capacity and availability.  200, 503. */
int	rooms_list(struct req *r);

#endif
