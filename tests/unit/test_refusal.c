/* Unit tests of lib/refusal: every result of the state machine and the rules told one way. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unistd.h>

#include "clock.h"
#include "refusal.h"

/* 2026-12-07 10:00 UTC, a Monday. */
#define T0	((time_t)1796637600)

static const struct rules rules = {
	.slot_minutes = 15, .open_from = 7 * 60, .open_until = 20 * 60,
	.open_days = 0x3e, .max_minutes = 480, .horizon_days = 90,
	.checkin_opens = 15, .checkin_grace = 10,
};

/* The programs' clock at t (the shift file tests use). */
static void
clock_at(time_t t)
{
	static char	 path[] = "/tmp/rb-test-clock-XXXXXX";
	static int	 made;
	FILE		*f;

	if (!made) {
		int fd = mkstemp(path);

		assert_true(fd >= 0);
		close(fd);
		made = 1;
		clock_use_file(path);
	}
	assert_non_null(f = fopen(path, "w"));
	fprintf(f, "%lld\n", (long long)(t - time(NULL)));
	assert_int_equal(fclose(f), 0);
	clock_reload();
}

struct refusal_case {
	enum booking_result	 rc;
	enum booking_action	 action;
	int			 status;
	const char		*field;		/* NULL: none */
	const char		*words;		/* part of the message */
};

static const struct refusal_case cases[] = {
	{ BK_OK, ACT_CANCEL, 0, NULL, "" },
	{ BK_EXISTING, ACT_REQUEST, 0, NULL, "" },
	{ BK_NOT_FOUND, ACT_CANCEL, 404, NULL, "There is no such booking." },
	/* another person's booking is not revealed */
	{ BK_FORBIDDEN, ACT_CHECKIN, 404, NULL, "There is no such booking." },
	/* one sentence for a late change, page or API, cancel or decision */
	{ BK_NOT_ALLOWED, ACT_CANCEL, 409, NULL,
	    "This booking is already cancelled by Ada Admin, Mon 07 Dec 2026, "
	    "10:00." },
	{ BK_NOT_ALLOWED, ACT_CONFIRM, 409, NULL,
	    "This booking is already cancelled by Ada Admin" },
	{ BK_NOT_ALLOWED, ACT_CHECKIN, 409, NULL,
	    "Only a confirmed booking can be checked in; this one is "
	    "cancelled." },
	{ BK_NOT_ALLOWED, ACT_CHECKOUT, 409, NULL,
	    "Only a booking in use can be checked out; this one is cancelled." },
	{ BK_STARTED, ACT_CONFIRM, 409, NULL, "can no longer be approved" },
	{ BK_ENDED, ACT_CANCEL, 409, NULL, "already ended" },
	{ BK_REASON_REQUIRED, ACT_DENY, 422, "reason", "Give a reason" },
	{ BK_TOO_EARLY, ACT_CHECKIN, 409, NULL,
	    "Check-in opens at 10:00, 15 minutes before the start." },
	{ BK_TOO_LATE, ACT_CHECKIN, 409, NULL,
	    "Check-in closed at 10:00; a booking can be checked into until 10 "
	    "minutes after its start." },
	{ BK_BEFORE_USE, ACT_CHECKOUT, 422, "actual_end",
	    "cannot end before it began, at 10:00" },
	{ BK_NO_ROOM, ACT_REQUEST, 422, "room_id", "Choose a room" },
	{ BK_ROOM_UNAVAILABLE, ACT_REQUEST, 422, "room_id",
	    ": Roof repairs. It can be booked " },
	{ BK_OVER_CAPACITY, ACT_REQUEST, 422, "attendees", "This room seats 6." },
	{ BK_CONFLICT, ACT_REQUEST, 409, "starts_at",
	    "That time is taken: the room is booked Mon 07 Dec 2026, "
	    "10:00\xe2\x80\x93" "11:00." },
	{ BK_RULE_BROKEN, ACT_REQUEST, 422, "ends_at",
	    "A booking can last at most 8 hours." },
	/* a room's policy: who decides, who may book, its limits */
	{ BK_FORBIDDEN, ACT_CONFIRM, 403, NULL,
	    "Only this room's approvers and the administrators decide its "
	    "requests." },
	{ BK_FORBIDDEN, ACT_DENY, 403, NULL, "this room's approvers" },
	{ BK_RESTRICTED, ACT_REQUEST, 403, "room_id",
	    "This room is restricted: only members of Roof repairs may book "
	    "it." },
	{ BK_LIMIT, ACT_REQUEST, 409, "starts_at",
	    "Over this room's limit: Hours a week per person: at most 4 (you "
	    "have 3 h 30 min of 4 h that week). Choose another time or room, "
	    "or cancel a booking first." },
};

static void
test_table(void **state)
{
	struct booking_outcome	o;
	struct refusal		why;

	(void)state;
	clock_at(T0 - 3600);	/* the same day, an hour before */
	memset(&o, 0, sizeof o);
	snprintf(o.state, sizeof o.state, "cancelled");
	snprintf(o.by, sizeof o.by, "Ada Admin");
	snprintf(o.reason, sizeof o.reason, "Roof repairs");
	o.at = T0;
	o.capacity = 6;
	o.conflict_start = T0;
	o.conflict_end = T0 + 3600;
	o.rule = RULE_TOO_LONG;
	o.field = "ends_at";
	o.standing = (struct limit_standing){ LIMIT_HOURS_PER_WEEK, 210, 4 };
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct refusal_case *c = &cases[i];

		print_message("case %zu\n", i);
		assert_int_equal(refusal_of(c->rc, c->action, &o, &rules, "en",
		    &why), c->status);
		assert_int_equal(why.status, c->status);
		if (c->field == NULL)
			assert_null(why.field);
		else
			assert_string_equal(why.field, c->field);
		assert_non_null(strstr(why.message, c->words));
		if (c->status != 0)	/* a sentence a person reads */
			assert_string_equal(why.message + strlen(why.message) -
			    1, ".");
	}
	/* A database error is the caller's to answer (503 or 500). */
	assert_int_equal(refusal_of(BK_DB_ERROR, ACT_CANCEL, &o, &rules, "en",
	    &why), -1);
}

/* A room with a buffer says so when a time is taken. */
static void
test_buffer_said(void **state)
{
	struct booking_outcome	o;
	struct refusal		why;

	(void)state;
	clock_at(T0 - 3600);
	memset(&o, 0, sizeof o);
	o.conflict_start = T0;
	o.conflict_end = T0 + 3600;
	o.buffer_minutes = 15;
	assert_int_equal(refusal_of(BK_CONFLICT, ACT_REQUEST, &o, &rules, "en",
	    &why), 409);
	assert_string_equal(why.message, "That time is taken: the room is "
	    "booked Mon 07 Dec 2026, 10:00\xe2\x80\x93" "11:00, and keeps 15 "
	    "minutes free before and after each booking. Choose another time "
	    "or room.");
}

/* Another day's check-in says its day; a closure says when it ends. */
static void
test_said_with_the_day(void **state)
{
	struct booking_outcome	o;
	struct refusal		why;

	(void)state;
	memset(&o, 0, sizeof o);
	o.at = T0;
	clock_at(T0 - 86400);
	refusal_of(BK_TOO_EARLY, ACT_CHECKIN, &o, &rules, "en", &why);
	assert_string_equal(why.message, "Check-in opens at Mon 07 Dec 2026, "
	    "10:00, 15 minutes before the start.");
	snprintf(o.reason, sizeof o.reason, "Roof repairs");
	o.conflict_start = T0;
	o.conflict_end = T0 + 3600;
	refusal_of(BK_ROOM_UNAVAILABLE, ACT_REQUEST, &o, &rules, "en", &why);
	assert_string_equal(why.message, "This room is closed from Mon 07 Dec "
	    "2026, 10:00 until Mon 07 Dec 2026, 11:00: Roof repairs. It can be "
	    "booked before and after.");
	clock_at(T0 + 60);
	refusal_of(BK_ROOM_UNAVAILABLE, ACT_REQUEST, &o, &rules, "en", &why);
	assert_string_equal(why.message, "This room is closed until Mon 07 Dec "
	    "2026, 11:00: Roof repairs. It can be booked from then on.");
	o.conflict_end = 0;
	refusal_of(BK_ROOM_UNAVAILABLE, ACT_REQUEST, &o, &rules, "en", &why);
	assert_string_equal(why.message, "This room is closed until further "
	    "notice: Roof repairs.");
	assert_string_equal(why.field, "room_id");
}

/* Each of the site's rules has its own words and field. */
static void
test_rules(void **state)
{
	static const struct {
		enum rule_broken	 rule;
		const char		*field, *words;
	} rule_cases[] = {
		{ RULE_END_BEFORE_START, "ends_at", "The end must be after the "
		    "start." },
		{ RULE_PAST, "starts_at", "The start is in the past." },
		{ RULE_NO_TIME, "starts_at", "Enter a date and time." },
		{ RULE_OFF_GRID, "starts_at", "Times go in steps of 15 minutes." },
		{ RULE_CLOSED, "starts_at", "Rooms can be booked from 07:00 to "
		    "20:00, Monday to Friday." },
		{ RULE_TOO_FAR, "starts_at", "Bookings can be made up to 90 days "
		    "ahead." },
	};
	struct booking_outcome	o;
	struct refusal		why;

	(void)state;
	for (size_t i = 0; i < sizeof rule_cases / sizeof rule_cases[0]; i++) {
		memset(&o, 0, sizeof o);
		o.rule = rule_cases[i].rule;
		o.field = rule_cases[i].field;
		assert_int_equal(refusal_of(BK_RULE_BROKEN, ACT_REQUEST, &o,
		    &rules, "en", &why), 422);
		assert_string_equal(why.field, rule_cases[i].field);
		assert_string_equal(why.message, rule_cases[i].words);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_said_with_the_day),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_buffer_said),
		cmocka_unit_test(test_rules),
	};

	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests_name("refusal", tests, NULL, NULL);
}
