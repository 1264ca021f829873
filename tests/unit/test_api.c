/* Unit tests of lib/api: the time formats the API accepts, refused bodies. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
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
		"0498-01-11T15:00Z", "1970-01-01T00:00Z",	/* the forms' years */
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

/* What a response writer was given. */
struct out {
	char	buf[2048];
	size_t	len;
};

static int
capture(void *ctx, const char *data, size_t len)
{
	struct out *o = ctx;

	assert_true(o->len + len < sizeof o->buf);
	memcpy(o->buf + o->len, data, len);
	o->len += len;
	o->buf[o->len] = '\0';
	return 0;
}

/* r as a POST of body as JSON, its answer written into o. */
static void
json_post(struct req *r, struct out *o, const char *body, size_t len)
{
	static char	*env[] = { (char *)"CONTENT_TYPE=application/json",
			    NULL };

	memset(r, 0, sizeof *r);
	r->env = env;
	r->method = M_POST;
	r->write = capture;
	r->write_ctx = o;
	r->body = (char *)body;
	r->body_len = len;
}

static void
test_unknown_field_with_a_long_non_ascii_name_is_a_422(void **state)
{
	static const struct api_field fields[] = {
		{ "title",	API_STRING,	1 },
		{ NULL,		API_INT,	0 },
	};
	/* "a" and 40 "ä": the message keeps 60 bytes, "a" and 29 "ä". */
	static const char body[] = "{\"a"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\":1,\"title\":\"x\"}";
	struct out	 o = { .len = 0 };
	struct req	 r;
	int		 status = 0;

	(void)state;
	json_post(&r, &o, body, sizeof body - 1);
	assert_null(api_body(&r, fields, &status));
	assert_int_equal(status, 422);
	assert_int_equal(r.status, 422);
	assert_non_null(strstr(o.buf, "unknown field \\\"a"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\\\"\""));
	free(r.headers);
}

static void
test_invalid_json_near_half_a_character_is_a_400(void **state)
{
	static const struct api_field fields[] = {
		{ "title",	API_STRING,	1 },
		{ NULL,		API_INT,	0 },
	};
	/* A bad escape, then "ǚ": jansson quotes only its first byte. */
	static const char body[] = "{\"title\":\"\\u0\xc7\x9a\"}";
	struct out	 o = { .len = 0 };
	struct req	 r;
	int		 status = 0;

	(void)state;
	json_post(&r, &o, body, sizeof body - 1);
	assert_null(api_body(&r, fields, &status));
	assert_int_equal(status, 400);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(o.buf, "the body is not valid JSON: invalid "
	    "escape (at character"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_origin_and_iso_times_mean_the_same_instant),
		cmocka_unit_test(test_malformed_or_impossible_times_are_refused),
		cmocka_unit_test(test_unknown_field_with_a_long_non_ascii_name_is_a_422),
		cmocka_unit_test(test_invalid_json_near_half_a_character_is_a_400),
	};

	return cmocka_run_group_tests(tests, in_new_york, NULL);
}
