/* clock: conversions between UTC (stored) and the site's zone (shown). */
#include <string.h>

#include "clock.h"

int
sql_time_utc(time_t t, char buf[SQL_TIME_LEN])
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, SQL_TIME_LEN, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		return -1;
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
