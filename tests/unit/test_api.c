/* Unit tests of lib/api: the time formats the API accepts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <time.h>

#include "api.h"

static int
in_new_york(void **state)
{
	(void)state;
	setenv("TZ", "America/New_York", 1);
	tzset();
	return 0;
}

static void
test_origin_and_iso_times_mean_the_same_instant(void **state)
{
	static const char *const same[] = {
		"202701111000", "20270111100000", "2027-01-11T10:00",
		"2027-01-11T10:00:00", "2027-01-11T15:00Z",
		"2027-01-11T15:00:00Z", "2027-01-11T16:00+01:00",
		"2027-01-11T05:00-10:00",
	};
	const time_t	want = 1799679600;	/* 2027-01-11 15:00 UTC */
	const char	*why;
	time_t		 t;

	(void)state;
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		assert_int_equal(api_parse_time(same[i], &t, &why), 0);
		assert_int_equal(t, want);
	}
}

static void
test_malformed_or_impossible_times_are_refused(void **state)
{
	static const char *const bad[] = {
		"", "tomorrow", "2027011110", "2027011110000", "20270111100030",
		"2027-01-11", "2027-01-11 10:00", "2027-01-11T10:00:30",
		"2027-02-31T10:00Z", "2027-01-11T10:00+25:00", "2027-01-11T10:00X",
		"2027-13-01T10:00", "2027-01-11T10:00:0Z",
		"2027-03-14T02:30",	/* skipped by daylight saving */
	};
	const char	*why;
	time_t		 t;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		why = NULL;
		assert_int_equal(api_parse_time(bad[i], &t, &why), -1);
		assert_non_null(why);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_origin_and_iso_times_mean_the_same_instant),
		cmocka_unit_test(test_malformed_or_impossible_times_are_refused),
	};

	return cmocka_run_group_tests(tests, in_new_york, NULL);
}
