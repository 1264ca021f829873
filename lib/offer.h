/*
 * offer: a room the finder offers (lib/finder), on a page with the
 * button that books it, and in JSON for scripts.
 */
#ifndef ROOMBOOK_OFFER_H
#define ROOMBOOK_OFFER_H

#include "api.h"		/* json_t */
#include "finder.h"
#include "request.h"

struct tpl;

/*
 * Fills d's {{>OFFER_ITEM}} with find_offer.tpl for o: the room, when,
 * its place, and a booking form of one button for people (at most the
 * room's seats) under title, with a request token of r's session; with
 * until, until when the room is free.
 */
void	offer_fill(struct req *r, struct tpl *d, const struct finder_offer *o,
	    long long people, const char *title, int until);
/* The same for each of v[0..n), each in a new section of d. */
void	offer_fill_each(struct req *r, struct tpl *d, const char *section,
	    const struct finder_offer *v, size_t n, long long people,
	    const char *title, int until);
/*
 * o as JSON: roomId, name, building, floor, capacity, extraFeatures,
 * confirmedAtOnce, start, end, freeUntil (free now only), and "without" (the equipment
 * done without, or "seats") when it leaves something out.  NULL if
 * memory ran out.
 */
json_t	*offer_json(const struct finder_offer *o);

#endif
