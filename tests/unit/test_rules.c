/* Unit tests of lib/rules: a day's slot boundaries, on ordinary days and on the days the clocks change. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "rules.h"

static time_t	t[RULES_MAX_SLOTS + 1];

/* The slots of date in zone, open from..until on a grid of slot minutes:
 * how many boundaries, or -1 when rules_day_slots refuses the day. */
static long
slots(const char *zone, const char *date, int from, int until, int slot)
{
	struct rules	k = { .slot_minutes = slot, .open_from = from,
			    .open_until = until, .open_days = 0x7f };
	size_t		n;

	assert_int_equal(clock_set_site_zone(zone), 0);
	clock_use_zone(NULL);
	if (rules_day_slots(&k, date, t, &n) == -1)
		return -1;
	return (long)n + 1;
}

/* "HH:MM" of boundary i, UTC. */
static const char *
utc_clock(size_t i)
{
	static char	buf[SQL_TIME_LEN];

	assert_int_equal(sql_time_utc(t[i], buf), 0);
	return buf + 11;
}

static void
test_an_ordinary_day_has_every_slot_from_opening_to_closing(void **state)
{
	(void)state;
	assert_int_equal(slots("Europe/Berlin", "2027-01-06", 7 * 60, 22 * 60,
	    15), 61);
	assert_string_equal(utc_clock(0), "06:00:00");
	assert_string_equal(utc_clock(1), "06:15:00");
	assert_string_equal(utc_clock(60), "21:00:00");
	for (size_t i = 1; i < 61; i++)
		assert_int_equal(t[i] - t[i - 1], 15 * 60);
}

static void
test_a_day_open_until_midnight_ends_at_the_next_days_start(void **state)
{
	(void)state;
	assert_int_equal(slots("Asia/Seoul", "2027-01-06", 0, 24 * 60, 60), 25);
	assert_string_equal(utc_clock(0), "15:00:00");	/* 00:00 in Seoul */
	assert_string_equal(utc_clock(24), "15:00:00");
	assert_int_equal(t[24] - t[0], 24 * 3600);
}

static void
test_a_clock_change_outside_opening_hours_leaves_the_slots_even(void **state)
{
	(void)state;
	/* Berlin moves its clocks at 02:00 on 28 March 2027. */
	assert_int_equal(slots("Europe/Berlin", "2027-03-28", 7 * 60, 22 * 60,
	    30), 31);
	assert_string_equal(utc_clock(0), "05:00:00");	/* summer time */
	assert_string_equal(utc_clock(30), "20:00:00");
}

static void
test_a_day_whose_open_hours_the_clocks_skip_has_no_slots(void **state)
{
	(void)state;
	assert_int_equal(slots("Europe/Berlin", "2027-03-28", 0, 24 * 60, 30),
	    -1);
	assert_int_equal(slots("America/New_York", "2027-03-14", 60, 4 * 60,
	    15), -1);
}

static void
test_a_day_the_clocks_go_back_keeps_each_slot_on_its_own_clock(void **state)
{
	(void)state;
	/* New York: 01:00-02:00 comes twice on 7 November 2027; each slot
	   takes the earlier instant, so 02:00 is two hours after 01:00. */
	assert_int_equal(slots("America/New_York", "2027-11-07", 0, 4 * 60,
	    60), 5);
	assert_string_equal(utc_clock(0), "04:00:00");	/* 00:00 EDT */
	assert_string_equal(utc_clock(1), "05:00:00");	/* 01:00 EDT */
	assert_string_equal(utc_clock(2), "07:00:00");	/* 02:00 EST */
	assert_string_equal(utc_clock(4), "09:00:00");	/* 04:00 EST */
}

static void
test_a_grid_finer_than_a_day_can_hold_is_refused(void **state)
{
	(void)state;
	assert_int_equal(slots("UTC", "2027-01-06", 0, 24 * 60, 1), -1);
	assert_int_equal(slots("UTC", "2027-01-06", 1, 24 * 60, 1),
	    24 * 60);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_an_ordinary_day_has_every_slot_from_opening_to_closing),
		cmocka_unit_test(
		    test_a_day_open_until_midnight_ends_at_the_next_days_start),
		cmocka_unit_test(
		    test_a_clock_change_outside_opening_hours_leaves_the_slots_even),
		cmocka_unit_test(
		    test_a_day_whose_open_hours_the_clocks_skip_has_no_slots),
		cmocka_unit_test(
		    test_a_day_the_clocks_go_back_keeps_each_slot_on_its_own_clock),
		cmocka_unit_test(
		    test_a_grid_finer_than_a_day_can_hold_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
