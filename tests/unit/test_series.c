/*
 * Unit tests of lib/series: which rules are taken, and how libical's
 * expansion is used: the site's wall clock across both daylight-saving
 * changes, short months, the n-th and last weekday, 29 February, an
 * UNTIL date that includes its whole day, the horizon and the cap.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "series.h"

#define MAX	40

/* The dates rule gives from first, "YYYY-MM-DD HH:MMZ…" joined by " ". */
static const char *
dates(const char *zone, const char *rule, const char *first, int from,
    int to, const char *last, size_t max, int *more)
{
	static char		 buf[4096];
	struct series_date	 d[MAX];
	long			 n;
	size_t			 len = 0;

	assert_int_equal(clock_set_site_zone(zone), 0);
	clock_use_zone(NULL);
	n = series_expand(rule, first, from, to, last, d, max, more);
	assert_true(n >= 0);
	buf[0] = '\0';
	for (long i = 0; i < n; i++) {
		char utc[SQL_TIME_LEN];

		if (d[i].no_time)
			len += (size_t)snprintf(buf + len, sizeof buf - len,
			    "%s%s -", len ? " " : "", d[i].date);
		else {
			assert_int_equal(sql_time_utc(d[i].start, utc), 0);
			assert_true(d[i].end > d[i].start);
			len += (size_t)snprintf(buf + len, sizeof buf - len,
			    "%s%s %.5s", len ? " " : "", d[i].date, utc + 11);
		}
	}
	return buf;
}

static void
test_rules_people_book_with_are_taken(void **state)
{
	static const char *good[] = {
		"FREQ=DAILY", "FREQ=DAILY;COUNT=10", "FREQ=WEEKLY;BYDAY=MO,WE",
		"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270301",
		"FREQ=WEEKLY;BYDAY=FR;UNTIL=20270301T170000",
		"FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=MONTHLY;BYDAY=1TU,3TU",
		"FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2",
		"FREQ=WEEKLY;WKST=SU;BYDAY=SU,MO",
	};
	char why[160];

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_int_equal(series_check(good[i], why, sizeof why), 0);
}

static void
test_other_rules_are_refused_naming_the_part(void **state)
{
	static const struct {
		const char *rule, *why;
	} bad[] = {
		{ "FREQ=SECONDLY", "FREQ=SECONDLY is not supported: DAILY, "
		    "WEEKLY or MONTHLY" },
		{ "FREQ=YEARLY", "FREQ=YEARLY is not supported: DAILY, WEEKLY "
		    "or MONTHLY" },
		{ "FREQ=DAILY;BYHOUR=10", "the rule part BYHOUR is not supported" },
		{ "BYDAY=MO", "the rule needs FREQ: DAILY, WEEKLY or MONTHLY" },
		{ "FREQ=DAILY;COUNT=3;UNTIL=20270101",
		    "give UNTIL or COUNT, not both" },
		{ "FREQ=DAILY;COUNT=3;COUNT=4", "the rule gives COUNT twice" },
		{ "FREQ=WEEKLY;BYDAY=1TU", "BYDAY takes weekdays (MO,WE)" },
		{ "FREQ=WEEKLY;BYMONTHDAY=3", "BYMONTHDAY takes days of the "
		    "month (1 to 31, -1 the last) with FREQ=MONTHLY" },
		{ "FREQ=MONTHLY;BYSETPOS=2", "BYSETPOS takes 1 to 5 or -1 to -5, "
		    "with FREQ=MONTHLY and BYDAY of weekdays (MO,TU)" },
		{ "FREQ=MONTHLY;BYDAY=5MO;BYSETPOS=5", NULL },
		{ "FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=1", "give BYDAY or "
		    "BYMONTHDAY, not both" },
		{ "FREQ=DAILY;UNTIL=20270101T000000Z", "UNTIL must be a local "
		    "date (20270301) or date and time (20270301T170000)" },
		{ "FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from "
		    "1 to 99" },
		{ "FREQ=DAILY;", NULL }, { "", NULL }, { "FREQ", NULL },
		{ "FREQ=DAILY;=3", NULL }, { "FREQ=MONTHLY;BYDAY=6TU", NULL },
		{ "FREQ=MONTHLY;BYDAY=MO,,TU", NULL },
		{ "FREQ=WEEKLY;BYDAY=MO,MO;UNTIL=20540602", "BYDAY takes "
		    "weekdays (MO,WE)" },
		{ "FREQ=MONTHLY;BYMONTHDAY=1,2,1", NULL },
	};
	char why[160];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(series_check(bad[i].rule, why, sizeof why), -1);
		if (bad[i].why != NULL)
			assert_string_equal(why, bad[i].why);
	}
}

static void
test_the_wall_clock_holds_across_daylight_saving(void **state)
{
	int more;

	(void)state;
	/* New York: clocks go forward 14 March 2027, back 1 November 2026. */
	assert_string_equal(dates("America/New_York", "FREQ=WEEKLY;BYDAY=MO;"
	    "COUNT=3", "2027-03-08", 600, 660, "2027-12-31", MAX, &more),
	    "2027-03-08 15:00 2027-03-15 14:00 2027-03-22 14:00");
	assert_string_equal(dates("America/New_York", "FREQ=DAILY;COUNT=3",
	    "2026-10-31", 600, 660, "2027-12-31", MAX, &more),
	    "2026-10-31 14:00 2026-11-01 15:00 2026-11-02 15:00");
	/* Berlin: forward 28 March 2027, back 25 October 2026. */
	assert_string_equal(dates("Europe/Berlin", "FREQ=DAILY;COUNT=2",
	    "2027-03-27", 540, 600, "2027-12-31", MAX, &more),
	    "2027-03-27 08:00 2027-03-28 07:00");
	assert_string_equal(dates("Europe/Berlin", "FREQ=WEEKLY;BYDAY=SA,SU;"
	    "COUNT=2", "2026-10-24", 540, 600, "2027-12-31", MAX, &more),
	    "2026-10-24 07:00 2026-10-25 08:00");
	/* A time the clock skips that day is said to be none. */
	assert_string_equal(dates("America/New_York", "FREQ=DAILY;COUNT=3",
	    "2027-03-13", 150, 210, "2027-12-31", MAX, &more),
	    "2027-03-13 07:30 2027-03-14 - 2027-03-15 06:30");
}

static void
test_months_short_and_long_and_leap(void **state)
{
	int more;

	(void)state;
	/* The 31st: only the months that have one. */
	assert_string_equal(dates("Europe/Berlin", "FREQ=MONTHLY;BYMONTHDAY=31;"
	    "COUNT=4", "2027-01-31", 600, 660, "2028-12-31", MAX, &more),
	    "2027-01-31 09:00 2027-03-31 08:00 2027-05-31 08:00 "
	    "2027-07-31 08:00");
	/* The 29th: February only in a leap year. */
	assert_string_equal(dates("Europe/Berlin", "FREQ=MONTHLY;BYMONTHDAY=29;"
	    "COUNT=3", "2027-01-29", 600, 660, "2028-12-31", MAX, &more),
	    "2027-01-29 09:00 2027-03-29 08:00 2027-04-29 08:00");
	assert_string_equal(dates("Europe/Berlin", "FREQ=MONTHLY;BYMONTHDAY=29;"
	    "COUNT=3", "2028-01-29", 600, 660, "2028-12-31", MAX, &more),
	    "2028-01-29 09:00 2028-02-29 09:00 2028-03-29 08:00");
	/* The 1st and 3rd Tuesday; the 5th (some months only); the last Friday. */
	assert_string_equal(dates("Europe/Berlin", "FREQ=MONTHLY;BYDAY=1TU,3TU;"
	    "COUNT=4", "2026-12-01", 600, 660, "2027-12-31", MAX, &more),
	    "2026-12-01 09:00 2026-12-15 09:00 2027-01-05 09:00 "
	    "2027-01-19 09:00");
	assert_string_equal(dates("Europe/Berlin", "FREQ=MONTHLY;BYDAY=5TU;"
	    "COUNT=2", "2026-12-01", 600, 660, "2027-12-31", MAX, &more),
	    "2026-12-29 09:00 2027-03-30 08:00");
	assert_string_equal(dates("Europe/Berlin", "FREQ=MONTHLY;BYDAY=-1FR;"
	    "COUNT=3", "2026-12-01", 600, 660, "2027-12-31", MAX, &more),
	    "2026-12-25 09:00 2027-01-29 09:00 2027-02-26 09:00");
}

static void
test_until_a_date_includes_that_whole_date(void **state)
{
	int more;

	(void)state;
	/* At 17:00 on the UNTIL date itself: still in (MRBS #3774). */
	assert_string_equal(dates("Europe/Berlin", "FREQ=WEEKLY;BYDAY=MO,WE;"
	    "UNTIL=20261216", "2026-12-07", 1020, 1080, "2027-12-31", MAX,
	    &more), "2026-12-07 16:00 2026-12-09 16:00 2026-12-14 16:00 "
	    "2026-12-16 16:00");
	assert_false(more);
	/* A date and time: up to that moment. */
	assert_string_equal(dates("Europe/Berlin", "FREQ=WEEKLY;BYDAY=MO,WE;"
	    "UNTIL=20261216T120000", "2026-12-07", 1020, 1080, "2027-12-31",
	    MAX, &more), "2026-12-07 16:00 2026-12-09 16:00 2026-12-14 16:00");
	/* Every other week; the first date only if the rule gives it. */
	assert_string_equal(dates("Europe/Berlin", "FREQ=WEEKLY;INTERVAL=2;"
	    "BYDAY=TU;COUNT=3", "2026-12-07", 600, 660, "2027-12-31", MAX,
	    &more), "2026-12-08 09:00 2026-12-22 09:00 2027-01-05 09:00");
}

static void
test_the_horizon_and_the_cap_stop_it(void **state)
{
	int more;

	(void)state;
	assert_string_equal(dates("Europe/Berlin", "FREQ=DAILY", "2026-12-07",
	    600, 660, "2026-12-09", MAX, &more),
	    "2026-12-07 09:00 2026-12-08 09:00 2026-12-09 09:00");
	assert_true(more);
	assert_string_equal(dates("Europe/Berlin", "FREQ=DAILY;COUNT=5",
	    "2026-12-07", 600, 660, "2027-12-31", 2, &more),
	    "2026-12-07 09:00 2026-12-08 09:00");
	assert_true(more);
	assert_string_equal(dates("Europe/Berlin", "FREQ=DAILY;COUNT=2",
	    "2026-12-07", 600, 660, "2027-12-31", 2, &more),
	    "2026-12-07 09:00 2026-12-08 09:00");
	assert_false(more);
}

/*
 * A booking as long as its repeat allows (to midnight, every day): each
 * date ends when the next begins at the latest, never after, on both
 * sides of a daylight-saving change (MRBS #670 checked only the starts).
 */
static void
test_a_booking_as_long_as_its_interval(void **state)
{
	struct series_date	d[MAX];
	int			more;
	long			n;

	(void)state;
	assert_int_equal(clock_set_site_zone("America/New_York"), 0);
	clock_use_zone(NULL);
	n = series_expand("FREQ=DAILY;COUNT=6", "2027-03-12", 0, 24 * 60,
	    "2027-12-31", d, MAX, &more);
	assert_int_equal(n, 6);
	for (long i = 0; i < n; i++) {
		assert_false(d[i].no_time);
		/* 23 hours on the day the clocks go forward, else 24. */
		assert_int_equal(d[i].end - d[i].start,
		    strcmp(d[i].date, "2027-03-14") == 0 ? 23 * 3600 : 24 * 3600);
		if (i > 0)
			assert_true(d[i].start >= d[i - 1].end);
	}
}

static void
test_a_split_rule_gets_a_new_end(void **state)
{
	char out[SERIES_RULE_MAX + 1], why[160];

	(void)state;
	assert_int_equal(series_rule_ending("FREQ=WEEKLY;BYDAY=MO;COUNT=10",
	    "2027-03-01", 0, out, sizeof out), 0);
	assert_string_equal(out, "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270301");
	assert_int_equal(series_rule_ending("FREQ=WEEKLY;UNTIL=20270301;"
	    "BYDAY=TU", NULL, 4, out, sizeof out), 0);
	assert_string_equal(out, "FREQ=WEEKLY;BYDAY=TU;COUNT=4");
	assert_int_equal(series_check(out, why, sizeof why), 0);
	/* Too long for the room given: refused, not cut. */
	assert_int_equal(series_rule_ending("FREQ=WEEKLY;BYDAY=MO", NULL, 4,
	    out, 20), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_people_book_with_are_taken),
		cmocka_unit_test(test_other_rules_are_refused_naming_the_part),
		cmocka_unit_test(test_the_wall_clock_holds_across_daylight_saving),
		cmocka_unit_test(test_months_short_and_long_and_leap),
		cmocka_unit_test(test_until_a_date_includes_that_whole_date),
		cmocka_unit_test(test_the_horizon_and_the_cap_stop_it),
		cmocka_unit_test(test_a_split_rule_gets_a_new_end),
		cmocka_unit_test(test_a_booking_as_long_as_its_interval),
	};

	return cmocka_run_group_tests_name("series", tests, NULL, NULL);
}
