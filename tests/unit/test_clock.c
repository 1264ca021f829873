/* Unit tests of lib/clock: the test clock file and the check-in window. */
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
