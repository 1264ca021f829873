/* clock: conversions between UTC (stored) and the site's zone (shown). */
#ifndef ROOMBOOK_CLOCK_H
#define ROOMBOOK_CLOCK_H

#include <stddef.h>
#include <time.h>

/* "YYYY-MM-DD HH:MM:SS", the form MariaDB DATETIME values take as text. */
#define SQL_TIME_LEN	20
/* "YYYY-MM-DDTHH:MM", the value of an <input type="datetime-local">. */
#define INPUT_TIME_LEN	17

/*
 * The time the programs act on: the real clock, unless clock_use_file
 * named a file (tests only) holding seconds to add to it.
 */
time_t	clock_now(void);

/*
 * Milliseconds for measuring: on a clock that only goes forward
 * (timeouts, pauses), and on the real wall clock whatever the tests'
 * shift (to compare with times other machines wrote).
 */
long long	clock_monotonic_ms(void);
long long	clock_real_ms(void);
void	clock_use_file(const char *path);
/*
 * Re-reads that file.  Returns 1 when the shift is or was just non-zero,
 * so the database's clock must be set to clock_now() (or back to its own
 * when clock_shifted() is 0); 0 when nothing changes.
 */
int	clock_reload(void);
int	clock_shifted(void);

/*
 * Local times are read and written in one zone at a time: the site's, or
 * while a request is served, the person's own.  Rules about opening hours
 * and the day grid stay in the site's.
 */
/* 1 if zone names one the system's zoneinfo database has. */
int		 clock_zone_known(const char *zone);
/* Makes zone the site's, and the zone in use.  Returns 0 or -1. */
int		 clock_set_site_zone(const char *zone);
/*
 * Reads and writes local times in zone from now on (NULL, "" or a zone
 * not known: the site's).  Returns 0 or -1.  To go back, keep a copy of
 * clock_zone() first.
 */
int		 clock_use_zone(const char *zone);
/* The zone in use, and the site's. */
const char	*clock_zone(void);
const char	*clock_site_zone(void);

/* Formats t as a UTC DATETIME into buf[SQL_TIME_LEN].  Returns 0 or -1. */
int	sql_time_utc(time_t t, char buf[SQL_TIME_LEN]);

/*
 * t as Internet messages and HTTP write it, in English whatever the
 * locale, in UTC: "Mon, 30 Nov 2026 00:53:20 " and then utc, "+0000"
 * (RFC 5322) or "GMT" (RFC 9110); into buf[INTERNET_TIME_LEN].
 */
#define INTERNET_TIME_LEN	64
char	*internet_time(time_t t, const char *utc,
	    char buf[INTERNET_TIME_LEN]);

/* Reads a UTC DATETIME ("YYYY-MM-DD HH:MM:SS") into *t.  Returns 0 or -1. */
int	parse_sql_time(const char *s, time_t *t);

/*
 * The local day around t in the process's zone (TZ is the site's zone in
 * every program) as [start, end) in UTC DATETIME text; a day is 23 or 25
 * hours long across a daylight-saving change.  Returns 0 or -1.
 */
int	local_day_utc(time_t t, char start[SQL_TIME_LEN],
	    char end[SQL_TIME_LEN]);

/*
 * The start of local day "YYYY-MM-DD" plus add_days (site zone), as an
 * instant.  Returns 0, or -1 for a malformed or impossible date.
 */
int	local_date_start(const char *date, int add_days, time_t *t);

/* The local date of t as "YYYY-MM-DD" into buf[11]; plus add_days. */
int	local_date(time_t t, int add_days, char buf[11]);

/* The local date of t into date[11], and its minute of that day. */
int	local_date_minute(time_t t, char date[11], int *minute);

enum local_parse {
	LOCAL_OK,
	LOCAL_MALFORMED,	/* not "YYYY-MM-DDTHH:MM[:SS]" or out of range */
	LOCAL_MISSING,		/* skipped by a daylight-saving change */
};

/*
 * Reads a datetime-local value, a wall-clock time in the site's zone,
 * into *t.  Of an hour that happens twice (clocks go back) the first is
 * taken.
 */
enum local_parse parse_local_input(const char *s, time_t *t);

/* t as a datetime-local value (site zone) into buf[INPUT_TIME_LEN]. */
int	local_input_value(time_t t, char buf[INPUT_TIME_LEN]);

/*
 * t as ISO 8601 in UTC (2026-12-01T09:00:00Z) into buf[ISO_TIME_LEN]: a
 * moment no clock change makes ambiguous.  0 or -1.
 */
#define ISO_TIME_LEN	21
int	iso_time_utc(time_t t, char buf[ISO_TIME_LEN]);

/*
 * t in the site's zone with strftime's fmt, into buf; "" if it does not
 * fit.  Returns buf.
 */
char	*format_local(time_t t, const char *fmt, char *buf, size_t n)
	    __attribute__((format(strftime, 2, 0)));

#endif
