/* Unit tests of lib/clock: the test clock file, the check-in window, form times. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "booking.h"
#include "clock.h"
#include "config.h"
#include "input.h"

static char path[64];

static void
write_file(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int
setup(void **state)
{
	int fd;

	(void)state;
	snprintf(path, sizeof path, "/tmp/rb-clock-XXXXXX");
	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	clock_use_file(path);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	clock_use_file(NULL);
	return 0;
}

static void
test_the_file_shifts_the_clock_and_asks_for_a_sync(void **state)
{
	time_t before;

	(void)state;
	write_file("3600\n");
	assert_int_equal(clock_reload(), 1);
	assert_true(clock_shifted());
	before = time(NULL);
	assert_true(clock_now() >= before + 3600 && clock_now() <= time(NULL) + 3600);
	/* Back to no shift: one more sync, to the server's own clock. */
	write_file("0\n");
	assert_int_equal(clock_reload(), 1);
	assert_false(clock_shifted());
	assert_int_equal(clock_reload(), 0);
	write_file("-86400\n");
	assert_int_equal(clock_reload(), 1);
	assert_true(clock_now() <= time(NULL) - 86400);
}

static void
test_a_missing_or_garbled_file_means_the_real_clock(void **state)
{
	static const char *const garbled[] = {
		"", "soon\n", "99999999999999999999999\n", "400000000\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof garbled / sizeof garbled[0]; i++) {
		write_file("60\n");
		clock_reload();
		write_file(garbled[i]);
		clock_reload();
		assert_false(clock_shifted());
	}
	unlink(path);
	assert_int_equal(clock_reload(), 0);
	assert_false(clock_shifted());
	clock_use_file(NULL);
	assert_int_equal(clock_reload(), 0);	/* no file named: never */
}

static void
test_the_check_in_window_edges(void **state)
{
	struct rules	k = { .checkin_opens = 15, .checkin_grace = 10 };
	time_t		start = 1800000000, end = start + 3600;

	(void)state;
	booking_configure(&k);
	assert_false(booking_checkin_open(start, end, start - 15 * 60 - 1));
	assert_true(booking_checkin_open(start, end, start - 15 * 60));
	assert_true(booking_checkin_open(start, end, start + 10 * 60));
	assert_false(booking_checkin_open(start, end, start + 10 * 60 + 1));
	/* A booking shorter than the grace period closes at its end. */
	assert_false(booking_checkin_open(start, start + 300, start + 300));
}

static void
test_a_day_the_calendar_lacks_is_malformed_not_skipped(void **state)
{
	static const struct {
		const char		*s;
		enum local_parse	 want;
	} cases[] = {
		{ "2027-01-11T10:00",		LOCAL_OK },
		{ "2028-02-29T10:00",		LOCAL_OK },	/* leap year */
		{ "2027-01-11T10:00:59",	LOCAL_OK },
		{ "2027-02-29T10:00",		LOCAL_MALFORMED },
		{ "2027-02-31T10:00",		LOCAL_MALFORMED },
		{ "2027-04-31T10:00",		LOCAL_MALFORMED },
		{ "2027-01-11T10:00:60",	LOCAL_MALFORMED },
		{ "2027-03-14T02:30",		LOCAL_MISSING },	/* clocks go forward */
	};
	time_t	t;

	(void)state;
	setenv("TZ", "America/New_York", 1);
	tzset();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("case %zu: %s\n", i, cases[i].s);
		assert_int_equal(parse_local_input(cases[i].s, &t),
		    cases[i].want);
	}
}

static void
test_an_iso_utc_time_names_either_of_an_hour_that_happens_twice(void **state)
{
	/* 1 a.m. of 7 November 2027 in New York, daylight time then
	   standard time: one wall clock, two moments an hour apart. */
	const time_t	 first = 1825565400, second = first + 3600;
	char		 local_a[INPUT_TIME_LEN], local_b[INPUT_TIME_LEN];
	char		 iso[ISO_TIME_LEN];
	const char	*why;
	time_t		 t;

	(void)state;
	setenv("TZ", "America/New_York", 1);
	tzset();
	assert_int_equal(local_input_value(first, local_a), 0);
	assert_int_equal(local_input_value(second, local_b), 0);
	assert_string_equal(local_a, "2027-11-07T01:30");
	assert_string_equal(local_a, local_b);
	assert_int_equal(iso_time_utc(first, iso), 0);
	assert_string_equal(iso, "2027-11-07T05:30:00Z");
	assert_int_equal(input_parse_time(iso, &t, &why), 0);
	assert_int_equal(t, first);
	assert_int_equal(iso_time_utc(second, iso), 0);
	assert_string_equal(iso, "2027-11-07T06:30:00Z");
	assert_int_equal(input_parse_time(iso, &t, &why), 0);
	assert_int_equal(t, second);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_the_file_shifts_the_clock_and_asks_for_a_sync, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_a_missing_or_garbled_file_means_the_real_clock, setup,
		    teardown),
		cmocka_unit_test(test_the_check_in_window_edges),
		cmocka_unit_test(
		    test_a_day_the_calendar_lacks_is_malformed_not_skipped),
		cmocka_unit_test(
		    test_an_iso_utc_time_names_either_of_an_hour_that_happens_twice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
