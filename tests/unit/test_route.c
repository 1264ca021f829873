/* Unit tests of lib/route: placeholders, 404, 405 with Allow. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "route.h"

static int h_list(struct req *r) { (void)r; return 1; }
static int h_create(struct req *r) { (void)r; return 2; }
static int h_show(struct req *r) { (void)r; return 3; }
static int h_cancel(struct req *r) { (void)r; return 4; }
static int h_new(struct req *r) { (void)r; return 5; }
static int h_slot(struct req *r) { (void)r; return 6; }

static const struct route routes[] = {
	{ M_GET,		"/bookings",			AUTH_USER, h_list, NULL },
	{ M_POST,		"/bookings",			AUTH_USER, h_create, NULL },
	{ M_GET,		"/bookings/new",		AUTH_USER, h_new, NULL },
	{ M_GET,		"/bookings/{id}",		AUTH_USER, h_show, NULL },
	{ M_POST,		"/bookings/{id}/cancel",	AUTH_USER, h_cancel, NULL },
	{ M_GET | M_DELETE,	"/rooms/{id}/slots/{day}",	AUTH_ANY,  h_slot,  NULL },
};

struct match_case {
	enum method		 method;
	const char		*path;
	enum route_result	 want;
	int			 handler;	/* value the handler returns */
	const char		*arg0, *arg1;
	unsigned		 allowed;
};

static const struct match_case cases[] = {
	{ M_GET,    "/bookings",		ROUTE_FOUND, 1, NULL, NULL, 0 },
	{ M_HEAD,   "/bookings",		ROUTE_FOUND, 1, NULL, NULL, 0 },
	{ M_POST,   "/bookings",		ROUTE_FOUND, 2, NULL, NULL, 0 },
	{ M_GET,    "/bookings/new",		ROUTE_FOUND, 5, NULL, NULL, 0 },
	{ M_GET,    "/bookings/42",		ROUTE_FOUND, 3, "42", NULL, 0 },
	{ M_POST,   "/bookings/7/cancel",	ROUTE_FOUND, 4, "7", NULL, 0 },
	{ M_DELETE, "/rooms/3/slots/2026-11-25",	ROUTE_FOUND, 6, "3", "2026-11-25", 0 },
	/* ids: digits only, no leading zero, no sign, at most 18 digits */
	{ M_GET,    "/bookings/042",		ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/bookings/-1",		ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/bookings/0",		ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/bookings/12a",		ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/bookings/1234567890123456789", ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/bookings/",		ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/bookings/42/",		ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/bookings/42/cancel/x",	ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/booking",			ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/",			ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	{ M_GET,    "/rooms/3/slots/",		ROUTE_NOT_FOUND, 0, NULL, NULL, 0 },
	/* known path, wrong method: 405 with the methods it does accept */
	{ M_DELETE, "/bookings",		ROUTE_METHOD_NOT_ALLOWED, 0, NULL, NULL, M_GET | M_HEAD | M_POST },
	{ M_GET,    "/bookings/7/cancel",	ROUTE_METHOD_NOT_ALLOWED, 0, NULL, NULL, M_POST },
	{ M_OTHER,  "/bookings/new",		ROUTE_METHOD_NOT_ALLOWED, 0, NULL, NULL, M_GET | M_HEAD },
	{ M_POST,   "/rooms/3/slots/x",		ROUTE_METHOD_NOT_ALLOWED, 0, NULL, NULL, M_GET | M_HEAD | M_DELETE },
};

static void
test_match_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct match_case	*c = &cases[i];
		struct req		 r;
		unsigned		 allowed = 0;
		enum route_result	 got;

		memset(&r, 0, sizeof r);
		got = route_find(routes, sizeof routes / sizeof routes[0],
		    c->method, c->path, &r, &allowed);
		print_message("case %zu: %s\n", i, c->path);
		assert_int_equal(got, c->want);
		if (got == ROUTE_FOUND) {
			assert_int_equal(r.route->handler(&r), c->handler);
			if (c->arg0 != NULL)
				assert_string_equal(r.args[0], c->arg0);
			if (c->arg1 != NULL)
				assert_string_equal(r.args[1], c->arg1);
		}
		if (got == ROUTE_METHOD_NOT_ALLOWED)
			assert_int_equal(allowed, c->allowed);
	}
}

static void
test_allow_list(void **state)
{
	char	buf[64];

	(void)state;
	assert_string_equal(route_allow_list(M_GET | M_HEAD | M_POST, buf,
	    sizeof buf), "GET, HEAD, POST");
	assert_string_equal(route_allow_list(M_DELETE, buf, sizeof buf),
	    "DELETE");
	assert_string_equal(route_allow_list(0, buf, sizeof buf), "");
}

static void
test_arg_id(void **state)
{
	struct req	r;
	unsigned	allowed;

	(void)state;
	memset(&r, 0, sizeof r);
	assert_int_equal(route_find(routes, sizeof routes / sizeof routes[0],
	    M_GET, "/bookings/123456789012345678", &r, &allowed), ROUTE_FOUND);
	assert_true(route_arg_id(&r, 0) == 123456789012345678LL);
	assert_true(route_arg_id(&r, 1) == -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_table),
		cmocka_unit_test(test_allow_list),
		cmocka_unit_test(test_arg_id),
	};

	return cmocka_run_group_tests_name("route", tests, NULL, NULL);
}
