/* Unit tests of lib/utf8: length, control characters, trimming cut text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

static void
test_trim_removes_only_a_cut_character(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "abc", "abc" },
		{ "a\xc3\xa4", "a\xc3\xa4" },		/* whole 2-byte */
		{ "a\xc3", "a" },			/* cut 2-byte */
		{ "a\xe4\xbc\x9a", "a\xe4\xbc\x9a" },	/* whole 3-byte */
		{ "a\xe4\xbc", "a" },			/* cut 3-byte */
		{ "a\xe4", "a" },
		{ "a\xf0\x9f\x98\x80", "a\xf0\x9f\x98\x80" },	/* whole 4-byte */
		{ "a\xf0\x9f\x98", "a" },
		{ "\xe4\xbc", "" },
	};
	char buf[16];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(buf, sizeof buf, "%s", cases[i].in);
		assert_string_equal(utf8_trim(buf), cases[i].out);
		assert_true(utf8_valid(buf, strlen(buf)));
	}
}

static void
test_printf_cuts_on_a_character_boundary(void **state)
{
	char buf[8];

	(void)state;
	/* "ab" + three 3-byte characters = 11 bytes; 7 fit, cut mid-char. */
	utf8_printf(buf, sizeof buf, "ab%s", "\xe4\xbc\x9a\xe4\xbc\x9a\xe4\xbc\x9a");
	assert_string_equal(buf, "ab\xe4\xbc\x9a");
	assert_int_equal(utf8_length(buf), 3);
}

static void
test_control_characters(void **state)
{
	(void)state;
	assert_false(utf8_has_control("plain text \xc3\xa4", 13));
	assert_true(utf8_has_control("tab\there", 8));
	assert_true(utf8_has_control("del\x7f", 4));
	assert_true(utf8_has_control("c1\xc2\x85", 4));
	assert_false(utf8_has_control("\xc2\xa0", 2));	/* no-break space */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trim_removes_only_a_cut_character),
		cmocka_unit_test(test_printf_cuts_on_a_character_boundary),
		cmocka_unit_test(test_control_characters),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
