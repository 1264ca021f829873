/*
 * Unit tests of lib/participants' addresses and lib/words' account of a
 * change, the parts that need no database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "participants.h"
#include "words.h"

static void
test_addresses_as_people_write_them(void **state)
{
	static const char *good[] = {
		"guest@example.com", "a.b+tag@sub.example.org", "o'neil@example.ie",
		"x@a-b.co", "\xec\x8a\xa4\xed\x83\x9c@example.kr",
	};
	static const char *bad[] = {
		"", "guest", "@example.com", "guest@", "guest@example",
		"two@@example.com", "a@b@example.com", "sp ace@example.com",
		".dot@example.com", "dot.@example.com", "do..t@example.com",
		"guest@-example.com", "guest@example-.com", "guest@exa_mple.com",
		"guest@example..com", "guest@.example.com", "tab\t@example.com",
	};
	char long_local[80], too_long[300];

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(participant_address_valid(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(participant_address_valid(bad[i]));
	/* The local part has at most 64 characters, the whole 254. */
	memset(long_local, 'a', 65);
	snprintf(long_local + 65, sizeof long_local - 65, "@example.com");
	assert_false(participant_address_valid(long_local));
	memset(too_long, 'b', 250);
	memcpy(too_long, "x@", 2);
	snprintf(too_long + 250, sizeof too_long - 250, ".com");
	assert_false(participant_address_valid(too_long));
}

static void
test_a_change_is_told_from_what_to_what(void **state)
{
	char	buf[1000];

	(void)state;
	assert_int_equal(clock_set_site_zone("Europe/Berlin"), 0);
	words_change_text("en", "{\"room\":[\"Berlin\",\"Dublin\"],"
	    "\"title\":[\"A\",\"B\"],\"attendees\":[3,5],"
	    "\"added\":[\"Bob Berg\",\"x@example.com\"],\"removed\":[\"Cy\"]}",
	    buf, sizeof buf);
	assert_string_equal(buf, "room Berlin → Dublin; title “A” → “B”; "
	    "attendees 3 → 5; invited Bob Berg, x@example.com; "
	    "no longer invited Cy");
	/* Not JSON, or nothing it knows: nothing said, nothing broken. */
	assert_string_equal(words_change_text("en", "not json", buf,
	    sizeof buf), "");
	assert_string_equal(words_change_text("en", NULL, buf, sizeof buf), "");
	assert_string_equal(words_change_text("en", "{\"room\":[1,2]}", buf,
	    sizeof buf), "room  → ");
	/* Cut short on a whole character, however small the space. */
	words_change_text("en", "{\"title\":[\"\xea\xb0\x80\xea\xb0\x80\","
	    "\"\xea\xb0\x80\"]}", buf, 12);
	assert_true(strlen(buf) < 12);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addresses_as_people_write_them),
		cmocka_unit_test(test_a_change_is_told_from_what_to_what),
	};

	return cmocka_run_group_tests_name("participants", tests, NULL, NULL);
}
