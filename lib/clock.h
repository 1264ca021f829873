/* clock: conversions between UTC (stored) and the site's zone (shown). */
#ifndef ROOMBOOK_CLOCK_H
#define ROOMBOOK_CLOCK_H

#include <time.h>

/* "YYYY-MM-DD HH:MM:SS", the form MariaDB DATETIME values take as text. */
#define SQL_TIME_LEN	20

/* Formats t as a UTC DATETIME into buf[SQL_TIME_LEN].  Returns 0 or -1. */
int	sql_time_utc(time_t t, char buf[SQL_TIME_LEN]);

/*
 * The local day around t in the process's zone (TZ is the site's zone in
 * every program) as [start, end) in UTC DATETIME text; a day is 23 or 25
 * hours long across a daylight-saving change.  Returns 0 or -1.
 */
int	local_day_utc(time_t t, char start[SQL_TIME_LEN],
	    char end[SQL_TIME_LEN]);

#endif
