/* clock: conversions between UTC (stored) and the site's zone (shown). */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"

static char		shift_file[256];
static long long	shift_seconds;
/* The site's zone, and the one local times are read and written in. */
static char		site_zone[64] = "UTC";
static char		zone_in_use[64] = "UTC";

int
clock_zone_known(const char *tz)
{
	char		path[PATH_MAX];
	struct stat	st;

	if (tz == NULL || tz[0] == '\0' || tz[0] == '/' ||
	    strlen(tz) >= sizeof site_zone || strstr(tz, "..") != NULL ||
	    strspn(tz, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789/_+-") != strlen(tz))
		return 0;
	if (strcmp(tz, "UTC") == 0)
		return 1;
	if ((size_t)snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", tz) >=
	    sizeof path)
		return 0;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* TZ is the C library's one notion of a local zone. */
static int
switch_zone(const char *zone)
{
	if (strcmp(zone, zone_in_use) == 0)
		return 0;
	if (setenv("TZ", zone, 1) == -1)
		return -1;
	tzset();
	snprintf(zone_in_use, sizeof zone_in_use, "%s", zone);
	return 0;
}

int
clock_set_site_zone(const char *zone)
{
	if (!clock_zone_known(zone))
		return -1;
	snprintf(site_zone, sizeof site_zone, "%s", zone);
	/* Set even when the name is the one in use: TZ may not say it yet. */
	zone_in_use[0] = '\0';
	return switch_zone(site_zone);
}

int
clock_use_zone(const char *zone)
{
	/* Known when it was switched to: no need to look for it again. */
	if (zone != NULL && *zone != '\0' && strcmp(zone, zone_in_use) == 0)
		return 0;
	if (zone != NULL && *zone != '\0' && clock_zone_known(zone) &&
	    switch_zone(zone) == 0)
		return 0;
	return switch_zone(site_zone);
}

const char *
clock_zone(void)
{
	return zone_in_use;
}

const char *
clock_site_zone(void)
{
	return site_zone;
}

time_t
clock_now(void)
{
	return time(NULL) + (time_t)shift_seconds;
}

static long long
ms_of(clockid_t id)
{
	struct timespec	ts;

	clock_gettime(id, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long
clock_monotonic_ms(void)
{
	return ms_of(CLOCK_MONOTONIC);
}

long long
clock_real_ms(void)
{
	return ms_of(CLOCK_REALTIME);
}

void
clock_use_file(const char *path)
{
	snprintf(shift_file, sizeof shift_file, "%s", path != NULL ? path : "");
	shift_seconds = 0;
}

int
clock_reload(void)
{
	long long	 was = shift_seconds;
	char		 line[32], *end;
	FILE		*f;

	if (shift_file[0] == '\0')
		return 0;
	shift_seconds = 0;
	if ((f = fopen(shift_file, "r")) != NULL) {
		if (fgets(line, sizeof line, f) != NULL) {
			errno = 0;
			shift_seconds = strtoll(line, &end, 10);
			if (errno != 0 || end == line ||
			    llabs(shift_seconds) > 3660LL * 86400)
				shift_seconds = 0;
		}
		fclose(f);
	}
	return shift_seconds != 0 || was != 0;
}

int
clock_shifted(void)
{
	return shift_seconds != 0;
}

/* t in UTC with strftime's fmt into buf[n]: 0, or -1 if it does not fit. */
static int format_utc(time_t, const char *, char *, size_t)
		    __attribute__((format(strftime, 2, 0)));

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static int
format_utc(time_t t, const char *fmt, char *buf, size_t n)
{
	struct tm tm;

	return gmtime_r(&t, &tm) == NULL || strftime(buf, n, fmt, &tm) == 0 ?
	    -1 : 0;
}
#pragma GCC diagnostic pop

int
sql_time_utc(time_t t, char buf[SQL_TIME_LEN])
{
	return format_utc(t, "%Y-%m-%d %H:%M:%S", buf, SQL_TIME_LEN);
}

int
iso_time_utc(time_t t, char buf[ISO_TIME_LEN])
{
	return format_utc(t, "%Y-%m-%dT%H:%M:%SZ", buf, ISO_TIME_LEN);
}

char *
internet_time(time_t t, const char *utc, char buf[INTERNET_TIME_LEN])
{
	static const char days[][4] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char months[][4] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof tm);
	snprintf(buf, INTERNET_TIME_LEN, "%.3s, %02d %.3s %04d %02d:%02d:%02d "
	    "%.5s", days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, utc);
	return buf;
}

int
parse_sql_time(const char *s, time_t *t)
{
	struct tm	 tm;
	const char	*end;

	memset(&tm, 0, sizeof tm);
	if (s == NULL || (end = strptime(s, "%Y-%m-%d %H:%M:%S", &tm)) ==
	    NULL || *end != '\0')
		return -1;
	*t = timegm(&tm);
	return 0;
}

int
local_day_utc(time_t t, char start[SQL_TIME_LEN], char end[SQL_TIME_LEN])
{
	struct tm	tm;
	time_t		t0, t1;

	if (localtime_r(&t, &tm) == NULL)
		return -1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;	/* let mktime find the offset of midnight */
	if ((t0 = mktime(&tm)) == (time_t)-1)
		return -1;
	tm.tm_mday++;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	if ((t1 = mktime(&tm)) == (time_t)-1)
		return -1;
	return sql_time_utc(t0, start) == 0 && sql_time_utc(t1, end) == 0 ?
	    0 : -1;
}

int
local_date_start(const char *date, int add_days, time_t *t)
{
	struct tm	 tm, back;
	const char	*end;
	int		 y, m, d;

	memset(&tm, 0, sizeof tm);
	if (date == NULL || strlen(date) != 10 ||
	    (end = strptime(date, "%Y-%m-%d", &tm)) == NULL || *end != '\0' ||
	    tm.tm_year < 100 || tm.tm_year > 8099)
		return -1;
	y = tm.tm_year, m = tm.tm_mon, d = tm.tm_mday;
	tm.tm_mday += add_days;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	if ((*t = mktime(&tm)) == (time_t)-1)
		return -1;
	/* strptime takes "2026-02-31"; mktime would roll it into March. */
	memset(&back, 0, sizeof back);
	back.tm_year = y, back.tm_mon = m, back.tm_mday = d, back.tm_hour = 12;
	if (timegm(&back) == -1 || back.tm_mday != d || back.tm_mon != m)
		return -1;
	return 0;
}

int
local_date_minute(time_t t, char date[11], int *minute)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(date, 11, "%Y-%m-%d", &tm) != 10)
		return -1;
	*minute = tm.tm_hour * 60 + tm.tm_min;
	return 0;
}

int
local_date(time_t t, int add_days, char buf[11])
{
	struct tm	tm;

	if (localtime_r(&t, &tm) == NULL)
		return -1;
	tm.tm_mday += add_days;
	tm.tm_hour = 12;	/* clear of any daylight-saving change */
	tm.tm_isdst = -1;
	if (mktime(&tm) == (time_t)-1 ||
	    strftime(buf, 11, "%Y-%m-%d", &tm) == 0)
		return -1;
	return 0;
}

enum local_parse
parse_local_input(const char *s, time_t *t)
{
	struct tm	 tm, want, got;
	const char	*end;

	memset(&tm, 0, sizeof tm);
	if (s == NULL || strlen(s) < INPUT_TIME_LEN - 1 ||
	    (end = strptime(s, "%Y-%m-%dT%H:%M", &tm)) == NULL)
		return LOCAL_MALFORMED;
	if (*end == ':' && ((end = strptime(end, ":%S", &tm)) == NULL))
		return LOCAL_MALFORMED;
	if (*end != '\0' || tm.tm_year < 100 || tm.tm_year > 8099 ||
	    tm.tm_sec > 59)
		return LOCAL_MALFORMED;
	/*
	 * strptime takes "2027-02-31" (and mktime would roll it into March):
	 * a day the calendar lacks is malformed, not a clock change.
	 */
	want = tm;
	want.tm_hour = 12;
	if (timegm(&want) == -1 || want.tm_mday != tm.tm_mday ||
	    want.tm_mon != tm.tm_mon)
		return LOCAL_MALFORMED;
	want = tm;
	/*
	 * Ask for standard time first: of a repeated hour that is the later
	 * one, so try daylight time too and keep the earlier instant.
	 */
	tm.tm_isdst = -1;
	if ((*t = mktime(&tm)) == (time_t)-1 || localtime_r(t, &got) == NULL)
		return LOCAL_MALFORMED;
	if (got.tm_hour != want.tm_hour || got.tm_min != want.tm_min ||
	    got.tm_mday != want.tm_mday)
		return LOCAL_MISSING;
	for (int dst = 0; dst <= 1; dst++) {
		struct tm	alt = want, back;
		time_t		other;

		alt.tm_isdst = dst;
		if ((other = mktime(&alt)) != (time_t)-1 && other < *t &&
		    localtime_r(&other, &back) != NULL &&
		    back.tm_hour == want.tm_hour && back.tm_min == want.tm_min &&
		    back.tm_mday == want.tm_mday)
			*t = other;
	}
	return LOCAL_OK;
}

int
local_input_value(time_t t, char buf[INPUT_TIME_LEN])
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, INPUT_TIME_LEN, "%Y-%m-%dT%H:%M", &tm) == 0)
		return -1;
	return 0;
}

/* Callers' formats are checked at the call (the header's attribute). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
format_local(time_t t, const char *fmt, char *buf, size_t n)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || strftime(buf, n, fmt, &tm) == 0)
		buf[0] = '\0';
	return buf;
}
#pragma GCC diagnostic pop
