/*
 * series: how a booking repeats, kept as RFC 5545 keeps it (an RRULE, the
 * calendar's own words), parsed and expanded by libical on the site's
 * wall clock: a weekly 10:00 stays at 10:00 across daylight-saving
 * changes.
 */
#ifndef ROOMBOOK_SERIES_H
#define ROOMBOOK_SERIES_H

#include <stddef.h>
#include <time.h>

/* The longest rule taken. */
#define SERIES_RULE_MAX	300

/*
 * Checks rule as people book with it: FREQ=DAILY, WEEKLY or MONTHLY;
 * INTERVAL; BYDAY (weekdays, and for MONTHLY the n-th: 1TU to 5TU, -1TU
 * for the last); BYMONTHDAY and BYSETPOS (MONTHLY); UNTIL (a date, that
 * whole date included, or a date-time) or COUNT, not both; WKST.  0, or
 * -1 with what is wrong, naming the part, in why[n] (English; the part
 * is the rule's own).
 */
int	series_check(const char *rule, char *why, size_t n);

/* One date of a series. */
struct series_date {
	char	date[11];	/* the local date, YYYY-MM-DD */
	time_t	start, end;	/* its local times as instants */
	int	no_time;	/* its clock skips the start or the end */
};

/*
 * The dates rule gives from the local date first (the series' first date
 * if the rule gives it), each from minute start_minute to end_minute of
 * its day in the site's zone, none after the local date last (the
 * horizon), at most max into out.  Returns how many, or -1 if rule does
 * not pass series_check.  *more is set when the rule gives dates beyond
 * max or last.
 */
long	series_expand(const char *rule, const char *first, int start_minute,
	    int end_minute, const char *last, struct series_date *out,
	    size_t max, int *more);

/*
 * rule with its end replaced: UNTIL the local date until (YYYY-MM-DD,
 * that whole date included) if until, else COUNT=count; into out[n].
 * 0, or -1 when it does not fit.  How a series split in two ends.
 */
int	series_rule_ending(const char *rule, const char *until, long count,
	    char *out, size_t n);

#endif
