/* rules: when a booking may start and end (grid, opening hours, horizon). */
#ifndef ROOMBOOK_RULES_H
#define ROOMBOOK_RULES_H

#include <stddef.h>
#include <time.h>

#include "config.h"

/* Which of the site's rules a booking's times break. */
enum rule_broken {
	RULE_OK,
	RULE_END_BEFORE_START,	/* the end is not after the start */
	RULE_PAST,		/* the start is in the past */
	RULE_NO_TIME,		/* not a time the calendar has */
	RULE_OFF_GRID,		/* not on the slot_minutes grid */
	RULE_CLOSED,		/* outside the opening hours or days */
	RULE_TOO_LONG,		/* longer than max_minutes */
	RULE_TOO_FAR,		/* beyond horizon_days */
};

/*
 * Checks [start, end) against the site's rules at time now: start before
 * end, not in the past, on the slot grid, inside opening hours on an
 * open day, not longer than allowed, not beyond the horizon.  Returns
 * RULE_OK, or the first rule broken with the field it concerns
 * ("starts_at" or "ends_at") in *field.  The words are the web layer's
 * (lib/refusal.c).
 */
enum rule_broken rules_check(const struct rules *, time_t start, time_t end,
		    time_t now, const char **field);

/*
 * Whether rooms are open at t (inside opening hours on an open day), and
 * if not, when they open next (0 if the rules open no day): the site's
 * clock, whoever asks.
 */
int		 rules_open_at(const struct rules *, time_t t);
time_t		 rules_next_opening(const struct rules *, time_t t);

/* "07:00 to 20:00, Monday to Friday" into buf; returns buf. */
char		*rules_opening(const struct rules *, const char *lang, char *buf,
		    size_t n);

/* The most slots a day has (a one-minute grid). */
#define RULES_MAX_SLOTS	(24 * 60)
/*
 * The slot boundaries of local date "YYYY-MM-DD" (site zone) from opening
 * to closing: *n + 1 instants into t[RULES_MAX_SLOTS + 1].  0, or -1 for
 * a day whose opening hours the clocks skip or repeat.
 */
int		 rules_day_slots(const struct rules *, const char *date, time_t *t,
		    size_t *n);
/* Whether the local day of t is one the rooms open on. */
int		 rules_open_day(const struct rules *, time_t t);
/*
 * The open day nearest to date in direction step (+1 or -1), at most a
 * week away, as "YYYY-MM-DD" into out; the next calendar day when the
 * rules open no day at all.  0 or -1.
 */
int		 rules_open_day_from(const struct rules *, const char *date,
		    int step, char out[11]);

#endif
