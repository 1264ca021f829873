/* Unit tests of lib/ical: an invitation as RFC 5545 and 5546 want it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ical.h"

/* 2026-12-09 10:00 in New York (15:00 UTC), and an hour later. */
#define START	1796828400
#define END	(START + 3600)

static const struct ical_person people[] = {
	{ "Alice Andersen", "alice@example.org" },
	{ "", "guest@example.test" },
};

/* text with its folded lines joined again (RFC 5545 3.1), in place. */
static char *
unfolded(char *text)
{
	char *w = text;

	if (text == NULL)
		return NULL;
	for (const char *r = text; *r != '\0'; r++) {
		if (r[0] == '\r' && r[1] == '\n' && r[2] == ' ') {
			r += 2;
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
	return text;
}

static char *
calendar(const char *method, const struct ical_event *ev, size_t n)
{
	struct ical_calendar cal = { .method = method,
	    .zone = "America/New_York", .organizer = { "roombook",
	    "rooms@example.org" }, .stamp = START - 86400, .events = ev,
	    .nevents = n };

	return unfolded(ical_text(&cal));
}

static int
setup(void **state)
{
	(void)state;
	setenv("TZ", "America/New_York", 1);
	tzset();
	return 0;
}

static void
test_a_booking_is_a_request_on_the_sites_clock(void **state)
{
	struct ical_event ev = { .uid = "booking-7@example.org",
	    .sequence = 2, .status = "CONFIRMED",
	    .summary = "Review; plan, \"draft\"", .location = "Berlin",
	    .start = START, .end = END, .attendees = people,
	    .nattendees = 2 };
	char *text;

	(void)state;
	text = calendar("REQUEST", &ev, 1);
	assert_non_null(text);
	assert_non_null(strstr(text, "METHOD:REQUEST\r\n"));
	assert_non_null(strstr(text, "BEGIN:VTIMEZONE\r\nTZID:America/New_York"));
	assert_non_null(strstr(text, "DTSTART;TZID=America/New_York:"
	    "20261209T100000\r\n"));
	assert_non_null(strstr(text, "DTEND;TZID=America/New_York:"
	    "20261209T110000\r\n"));
	assert_non_null(strstr(text, "DTSTAMP:20261208T150000Z\r\n"));
	assert_non_null(strstr(text, "UID:booking-7@example.org\r\n"));
	assert_non_null(strstr(text, "SEQUENCE:2\r\n"));
	assert_non_null(strstr(text, "STATUS:CONFIRMED\r\n"));
	assert_non_null(strstr(text, "SUMMARY:Review\\; plan\\, \"draft\"\r\n"));
	assert_non_null(strstr(text, "ORGANIZER;CN=roombook:"
	    "mailto:rooms@example.org\r\n"));
	assert_non_null(strstr(text, "mailto:alice@example.org"));
	assert_non_null(strstr(text, "mailto:guest@example.test"));
	/* The zone's history before the booking is left out. */
	assert_null(strstr(text, "DTSTART:1918"));
	free(text);
}

static void
test_a_series_ends_at_its_last_date_and_excepts_dates(void **state)
{
	time_t	ex[] = { START + 7 * 86400 };
	struct ical_event ev[] = {
		{ .uid = "series-3@example.org", .sequence = 1,
		    .status = "CONFIRMED", .summary = "Weekly",
		    .location = "Berlin", .start = START, .end = END,
		    .rrule = "FREQ=WEEKLY;COUNT=5",
		    .rule_until = START + 28 * 86400, .exdates = ex,
		    .nexdates = 1 },
		{ .uid = "series-3@example.org", .sequence = 1,
		    .status = "TENTATIVE", .summary = "Weekly",
		    .location = "Dublin", .start = START + 14 * 86400 + 7200,
		    .end = START + 14 * 86400 + 10800,
		    .recurrence_id = START + 14 * 86400 },
	};
	char *text;

	(void)state;
	text = calendar("REQUEST", ev, 2);
	assert_non_null(text);
	/* UNTIL in UTC, as a zoned DTSTART requires; COUNT gone. */
	assert_non_null(strstr(text, "RRULE:FREQ=WEEKLY;UNTIL=20270106T150000Z"));
	assert_null(strstr(text, "COUNT="));
	assert_non_null(strstr(text, "EXDATE;TZID=America/New_York:"
	    "20261216T100000\r\n"));
	assert_non_null(strstr(text, "RECURRENCE-ID;TZID=America/New_York:"
	    "20261223T100000\r\n"));
	assert_non_null(strstr(text, "DTSTART;TZID=America/New_York:"
	    "20261223T120000\r\n"));
	free(text);
}

static void
test_a_rule_that_does_not_parse_gives_nothing(void **state)
{
	struct ical_event ev = { .uid = "series-4@example.org",
	    .status = "CONFIRMED", .summary = "x", .location = "y",
	    .start = START, .end = END, .rrule = "FREQ=SOMETIMES" };

	(void)state;
	assert_null(calendar("REQUEST", &ev, 1));
}

static void
test_a_cancel_and_a_published_calendar(void **state)
{
	struct ical_event ev = { .uid = "booking-8@example.org",
	    .sequence = 3, .status = "CANCELLED", .summary = "x",
	    .location = "y", .start = START, .end = END };
	struct ical_calendar cal = { .method = "PUBLISH",
	    .zone = "America/New_York", .name = "Berlin",
	    .organizer = { "roombook", "rooms@example.org" },
	    .stamp = START, .events = &ev, .nevents = 1 };
	char *text;

	(void)state;
	text = calendar("CANCEL", &ev, 1);
	assert_non_null(strstr(text, "METHOD:CANCEL\r\n"));
	assert_non_null(strstr(text, "STATUS:CANCELLED\r\n"));
	free(text);
	text = ical_text(&cal);
	assert_non_null(strstr(text, "METHOD:PUBLISH\r\n"));
	assert_non_null(strstr(text, "X-WR-CALNAME:Berlin\r\n"));
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_booking_is_a_request_on_the_sites_clock),
		cmocka_unit_test(test_a_series_ends_at_its_last_date_and_excepts_dates),
		cmocka_unit_test(test_a_rule_that_does_not_parse_gives_nothing),
		cmocka_unit_test(test_a_cancel_and_a_published_calendar),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
