/* Unit tests of lib/replica: which cookies may go to the server as a GTID. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "replica.h"

static void
test_gtid_shapes(void **state)
{
	static const char *const good[] = {
		"0-1-42", "0-1-7254", "1-2-3,0-1-9", "0-4294967295-18446744073709551615",
	};
	static const char *const bad[] = {
		"", "0-1", "0-1-", "-0-1-2", "0-1-2,", ",0-1-2", "0--1-2", "0-1-2-3",
		"0-1-2;DROP", "0-1-2 ", " 0-1-2", "a-1-2", "0-1-123456789012345678901",
		"0-1-2,,0-1-3", "0x1-1-2",
	};

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		print_message("good: %s\n", good[i]);
		assert_true(replica_gtid_valid(good[i]));
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		print_message("bad: %s\n", bad[i]);
		assert_false(replica_gtid_valid(bad[i]));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gtid_shapes),
	};

	return cmocka_run_group_tests_name("replica", tests, NULL, NULL);
}
