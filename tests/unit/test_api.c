/*
 * Unit tests of lib/api: the JSON answers, errors and times (the bodies
 * it reads are lib/input's: test_input).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "api.h"

/* 2027-01-11 10:00 in New York (EST): 15:00 UTC. */
#define T_1000		((time_t)1799679600)

static int
in_new_york(void **state)
{
	(void)state;
	setenv("TZ", "America/New_York", 1);
	tzset();
	return 0;
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

/* r as a request under /api/, its answer written into o. */
static void
api_req(struct req *r, struct out *o)
{
	memset(r, 0, sizeof *r);
	memset(o, 0, sizeof *o);
	r->method = M_POST;
	r->write = capture;
	r->write_ctx = o;
}

/* The JSON body of the answer in o (the caller json_decrefs it). */
static json_t *
answer_body(const struct out *o)
{
	const char	*s = strstr(o->buf, "\r\n\r\n");
	json_t		*j;

	assert_non_null(s);
	j = json_loads(s + 4, 0, NULL);
	assert_non_null(j);
	return j;
}

static void
test_error_answers_code_message_field(void **state)
{
	static const struct {
		int		 status;
		const char	*message;
		const char	*field;
		const char	*code;
		const char	*head;
	} cases[] = {
		{ 422, "Keep the title to 200 characters.", "title",
		    "invalid", "Status: 422 " },
		{ 400, "the body must be a JSON object", NULL,
		    "bad_request", "Status: 400 " },
		{ 415, "send the body as application/json", NULL,
		    "unsupported_media_type", "Status: 415 " },
		{ 404, NULL, NULL, "not_found", "Status: 404 " },
		{ 409, "That room is taken then.", "useStartDtm",
		    "conflict", "Status: 409 " },
		{ 500, "no database", NULL, "internal", "Status: 500 " },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct out	 o;
		struct req	 r;
		json_t		*j, *e, *f;

		print_message("case %zu: %d\n", i, cases[i].status);
		api_req(&r, &o);
		assert_int_equal(api_error(&r, cases[i].status,
		    cases[i].message, cases[i].field), cases[i].status);
		assert_int_equal(r.status, cases[i].status);
		assert_memory_equal(o.buf, cases[i].head,
		    strlen(cases[i].head));
		assert_non_null(strstr(o.buf,
		    "Content-Type: application/json\r\n"));
		j = answer_body(&o);
		e = json_object_get(j, "error");
		assert_true(json_is_object(e));
		assert_string_equal(json_string_value(json_object_get(e,
		    "code")), cases[i].code);
		/* no message of its own: the status's reason */
		assert_true(json_is_string(json_object_get(e, "message")));
		if (cases[i].message != NULL)
			assert_string_equal(json_string_value(
			    json_object_get(e, "message")), cases[i].message);
		f = json_object_get(e, "field");
		if (cases[i].field == NULL)
			assert_true(json_is_null(f));	/* "field": null */
		else
			assert_string_equal(json_string_value(f),
			    cases[i].field);
		json_decref(j);
		free(r.headers);
	}
}

/* A message with quotes and non-ASCII text stays valid JSON. */
static void
test_error_message_is_escaped(void **state)
{
	static const char msg[] = "unknown field \"J\xc3\xbcrgen\\\"\n";
	struct out	 o;
	struct req	 r;
	json_t		*j;

	(void)state;
	api_req(&r, &o);
	assert_int_equal(api_error(&r, 422, msg, NULL), 422);
	j = answer_body(&o);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    j, "error"), "message")), msg);
	json_decref(j);
	free(r.headers);
}

/* Busy: the client is told when to come back. */
static void
test_503_says_retry_after(void **state)
{
	struct out	o;
	struct req	r;

	(void)state;
	api_req(&r, &o);
	assert_int_equal(api_error(&r, 503, "busy", NULL), 503);
	assert_non_null(strstr(o.buf, "Retry-After: 5\r\n"));
	free(r.headers);
}

/* One answer per request: a second one is not written. */
static void
test_one_answer(void **state)
{
	struct out	o;
	struct req	r;
	size_t		len;

	(void)state;
	api_req(&r, &o);
	assert_int_equal(api_error(&r, 422, "first", "title"), 422);
	len = o.len;
	api_error(&r, 400, "second", NULL);
	assert_int_equal(o.len, len);
	assert_int_equal(r.status, 422);
	assert_null(strstr(o.buf, "second"));
	free(r.headers);
}

static void
test_times_as_the_api_answers_them(void **state)
{
	json_t *j;

	(void)state;
	j = api_origin_time(T_1000);
	assert_string_equal(json_string_value(j), "20270111100000");
	json_decref(j);
	j = api_iso_time(T_1000);
	assert_string_equal(json_string_value(j), "2027-01-11T15:00:00Z");
	json_decref(j);
	/* summer: the site's zone is four hours behind */
	j = api_origin_time(1814457600);	/* 2027-07-01 16:00 UTC */
	assert_string_equal(json_string_value(j), "20270701120000");
	json_decref(j);
}

static void
test_api_paths(void **state)
{
	(void)state;
	assert_true(api_path("/api/bookings"));
	assert_true(api_path("/api/"));
	assert_false(api_path("/api"));
	assert_false(api_path("/bookings/api/"));
	assert_false(api_path("/apix/"));
	assert_false(api_path(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_answers_code_message_field),
		cmocka_unit_test(test_error_message_is_escaped),
		cmocka_unit_test(test_503_says_retry_after),
		cmocka_unit_test(test_one_answer),
		cmocka_unit_test(test_times_as_the_api_answers_them),
		cmocka_unit_test(test_api_paths),
	};

	return cmocka_run_group_tests(tests, in_new_york, NULL);
}
