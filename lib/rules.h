/* rules: when a booking may start and end (grid, opening hours, horizon). */
#ifndef ROOMBOOK_RULES_H
#define ROOMBOOK_RULES_H

#include <stddef.h>
#include <time.h>

#include "config.h"

/*
 * Checks [start, end) against the site's rules at time now: start before
 * end, not in the past, on the slot grid, inside opening hours on an
 * open day, not longer than allowed, not beyond the horizon.  Returns
 * NULL, or the message for a person (written into buf) with the field it
 * concerns ("starts_at" or "ends_at") in *field.
 */
const char	*rules_check(const struct rules *, time_t start, time_t end,
		    time_t now, const char **field, char *buf, size_t n);

/* "07:00 to 20:00, Monday to Friday" into buf; returns buf. */
char		*rules_opening(const struct rules *, char *buf, size_t n);

#endif
