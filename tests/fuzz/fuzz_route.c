/*
 * Fuzzes route_find with the programs' route tables put together.  The
 * first byte picks the method, the rest is the (decoded) path.
 */
#include "fuzz.h"

#include "route.h"

static int h(struct req *r) { (void)r; return 200; }

/* cgi-bin/{booking,approval,room,status}/main.c, in that order. */
static const struct route routes[] = {
	{ M_GET,	"/",				AUTH_ANY,	h, NULL },
	{ M_GET,	"/login",			AUTH_ANY,	h, NULL },
	{ M_POST,	"/login",			AUTH_ANY,	h, NULL },
	{ M_POST,	"/logout",			AUTH_ANY,	h, NULL },
	{ M_GET,	"/bookings/new",		AUTH_USER,	h, NULL },
	{ M_POST,	"/bookings",			AUTH_USER,	h, NULL },
	{ M_GET,	"/bookings",			AUTH_USER,	h, NULL },
	{ M_GET,	"/bookings/{id}",		AUTH_USER,	h, NULL },
	{ M_POST,	"/bookings/{id}/cancel",	AUTH_USER,	h, NULL },
	{ M_POST,	"/bookings/{id}/checkin",	AUTH_USER,	h, NULL },
	{ M_POST,	"/bookings/{id}/checkout",	AUTH_USER,	h, NULL },
	{ M_GET,	"/notifications",		AUTH_USER,	h, NULL },
	{ M_POST,	"/notifications/read",		AUTH_USER,	h, NULL },
	{ M_GET,	"/account",			AUTH_USER,	h, NULL },
	{ M_POST,	"/account/password",		AUTH_USER,	h, NULL },
	{ M_GET,	"/account/tokens",		AUTH_USER,	h, NULL },
	{ M_POST,	"/account/tokens",		AUTH_USER,	h, NULL },
	{ M_POST,	"/account/tokens/{id}/revoke",	AUTH_USER,	h, NULL },
	{ M_GET,	"/admin",			AUTH_ADMIN,	h, NULL },
	{ M_POST,	"/api/bookings",		AUTH_USER,	h, NULL },
	{ M_GET,	"/api/bookings",		AUTH_USER,	h, NULL },
	{ M_GET,	"/api/bookings/{id}",		AUTH_USER,	h, NULL },
	{ M_DELETE,	"/api/bookings/{id}",		AUTH_USER,	h, NULL },
	{ M_GET,	"/api/notifications",		AUTH_USER,	h, NULL },
	{ M_POST,	"/api/notifications/read",	AUTH_USER,	h, NULL },
	{ M_POST,	"/api/realuses",		AUTH_USER,	h, NULL },
	{ M_GET,	"/api/realuses/{id}",		AUTH_USER,	h, NULL },
	{ M_PATCH,	"/api/realuses/{id}",		AUTH_USER,	h, NULL },
	{ M_GET,	"/healthz",			AUTH_ANY,	h, NULL },
	{ M_GET,	"/healthz/booking",		AUTH_ANY,	h, NULL },
	{ M_GET,	"/admin/approvals",		AUTH_ADMIN,	h, NULL },
	{ M_POST,	"/admin/approvals/{id}/approve", AUTH_ADMIN,	h, NULL },
	{ M_POST,	"/admin/approvals/{id}/deny",	AUTH_ADMIN,	h, NULL },
	{ M_GET,	"/api/confirms",		AUTH_ADMIN,	h, NULL },
	{ M_PATCH,	"/api/confirms/{id}",		AUTH_ADMIN,	h, NULL },
	{ M_GET,	"/healthz/approval",		AUTH_ANY,	h, NULL },
	{ M_GET,	"/rooms",			AUTH_ANY,	h, NULL },
	{ M_GET,	"/rooms/{id}",			AUTH_ANY,	h, NULL },
	{ M_GET,	"/admin/rooms/new",		AUTH_ADMIN,	h, NULL },
	{ M_POST,	"/admin/rooms",			AUTH_ADMIN,	h, NULL },
	{ M_GET,	"/admin/rooms/{id}/edit",	AUTH_ADMIN,	h, NULL },
	{ M_POST,	"/admin/rooms/{id}",		AUTH_ADMIN,	h, NULL },
	{ M_POST,	"/admin/rooms/{id}/unavailable", AUTH_ADMIN,	h, NULL },
	{ M_POST,	"/admin/rooms/{id}/available",	AUTH_ADMIN,	h, NULL },
	{ M_POST,	"/admin/rooms/{id}/delete",	AUTH_ADMIN,	h, NULL },
	{ M_GET,	"/api/rooms",			AUTH_USER,	h, NULL },
	{ M_POST,	"/api/rooms",			AUTH_ADMIN,	h, NULL },
	{ M_GET,	"/api/rooms/{id}",		AUTH_USER,	h, NULL },
	{ M_PATCH,	"/api/rooms/{id}",		AUTH_ADMIN,	h, NULL },
	{ M_GET,	"/healthz/room",		AUTH_ANY,	h, NULL },
	{ M_GET,	"/status",			AUTH_USER,	h, NULL },
	{ M_GET,	"/status/day",			AUTH_USER,	h, NULL },
	{ M_GET,	"/status/rooms/{id}",		AUTH_USER,	h, NULL },
	{ M_GET,	"/status/usage",		AUTH_USER,	h, NULL },
	{ M_GET,	"/status/usage.csv",		AUTH_USER,	h, NULL },
	{ M_GET,	"/api/bookingLists",		AUTH_USER,	h, NULL },
	{ M_GET,	"/healthz/status",		AUTH_ANY,	h, NULL },
	/* No program has a named placeholder yet; route.c allows them. */
	{ M_GET | M_DELETE, "/status/rooms/{id}/days/{day}", AUTH_USER,	h, NULL },
};
#define NROUTES	(sizeof routes / sizeof routes[0])

static const enum method methods[8] = {
	M_OTHER, M_GET, M_HEAD, M_POST, M_PUT, M_PATCH, M_DELETE, M_OPTIONS,
};

/* The pattern with r's arguments put in: the path that matched. */
static void
check_args(const struct req *r, const char *path)
{
	const char	*p = r->route->pattern;
	char		 buf[4096];
	size_t		 o = 0, a = 0;

	while (*p != '\0') {
		if (*p == '{') {
			size_t n = strlen(r->args[a]);

			FUZZ_CHECK(a < r->nargs && n > 0 && n < 64 &&
			    strchr(r->args[a], '/') == NULL);
			if (strncmp(p, "{id}", 4) == 0)
				FUZZ_CHECK(route_arg_id(r, a) > 0);
			FUZZ_CHECK(o + n < sizeof buf);
			memcpy(buf + o, r->args[a++], n);
			o += n;
			p = strchr(p, '}') + 1;
		} else {
			FUZZ_CHECK(o + 1 < sizeof buf);
			buf[o++] = *p++;
		}
	}
	buf[o] = '\0';
	FUZZ_CHECK(a == r->nargs);
	FUZZ_CHECK(strcmp(buf, path) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req	 r;
	enum method	 m;
	unsigned	 allowed = 0, ok;
	char		*path, list[80];

	if (size == 0)
		return 0;
	m = methods[data[0] % 8];
	path = fuzz_str(data + 1, size - 1);
	memset(&r, 0, sizeof r);
	switch (route_find(routes, NROUTES, m, path, &r, &allowed)) {
	case ROUTE_FOUND:
		ok = r.route->methods;
		if (ok & M_GET)
			ok |= M_HEAD;
		FUZZ_CHECK(m != M_OTHER && (ok & m));
		check_args(&r, path);
		break;
	case ROUTE_METHOD_NOT_ALLOWED:
		FUZZ_CHECK(allowed != 0 && !(allowed & m));
		route_allow_list(allowed, list, sizeof list);
		FUZZ_CHECK(list[0] != '\0' && strlen(list) < sizeof list);
		break;
	case ROUTE_NOT_FOUND:
		/* Not even a route without placeholders has that path. */
		for (size_t i = 0; i < NROUTES; i++)
			FUZZ_CHECK(strchr(routes[i].pattern, '{') != NULL ||
			    strcmp(routes[i].pattern, path) != 0);
		break;
	}
	free(path);
	return 0;
}
