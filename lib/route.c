/* route: the table that maps method and path to a handler and its guard. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "route.h"

static int
is_id(const char *s, size_t len)
{
	if (len == 0 || len > 18 || s[0] == '0')
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Matches path against pattern; fills args[] when args is non-NULL. */
static int
match(const char *pattern, const char *path, char args[][64], size_t *nargs)
{
	size_t	n = 0;

	while (*pattern != '\0' && *path != '\0') {
		if (*pattern == '{') {
			const char	*close = strchr(pattern, '}');
			size_t		 seg = strcspn(path, "/");

			if (close == NULL || seg == 0 || seg >= 64 || n >= 4)
				return 0;
			if (close - pattern == 3 &&
			    strncmp(pattern, "{id}", 4) == 0 && !is_id(path, seg))
				return 0;
			if (args != NULL) {
				memcpy(args[n], path, seg);
				args[n][seg] = '\0';
			}
			n++;
			pattern = close + 1;
			path += seg;
			continue;
		}
		if (*pattern++ != *path++)
			return 0;
	}
	if (*pattern != '\0' || *path != '\0')
		return 0;
	if (nargs != NULL)
		*nargs = n;
	return 1;
}

enum route_result
route_find(const struct route *routes, size_t n, enum method m,
    const char *path, struct req *r, unsigned *allowed)
{
	unsigned	accept = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned methods = routes[i].methods;

		if (methods & M_GET)
			methods |= M_HEAD;
		if (!match(routes[i].pattern, path, NULL, NULL))
			continue;
		if (m != M_OTHER && (methods & m)) {
			match(routes[i].pattern, path, r->args, &r->nargs);
			r->route = &routes[i];
			return ROUTE_FOUND;
		}
		accept |= methods;
	}
	if (accept == 0)
		return ROUTE_NOT_FOUND;
	*allowed = accept;
	return ROUTE_METHOD_NOT_ALLOWED;
}

char *
route_allow_list(unsigned methods, char *buf, size_t len)
{
	static const struct {
		unsigned	 bit;
		const char	*name;
	} names[] = {
		{ M_GET, "GET" }, { M_HEAD, "HEAD" }, { M_POST, "POST" },
		{ M_PUT, "PUT" }, { M_PATCH, "PATCH" }, { M_DELETE, "DELETE" },
		{ M_OPTIONS, "OPTIONS" },
	};
	size_t	o = 0;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		int w;

		if (!(methods & names[i].bit))
			continue;
		w = snprintf(buf + o, len - o, "%s%s", o ? ", " : "",
		    names[i].name);
		if (w < 0 || (size_t)w >= len - o)
			break;
		o += (size_t)w;
	}
	return buf;
}

long long
route_arg_id(const struct req *r, size_t i)
{
	if (i >= r->nargs || !is_id(r->args[i], strlen(r->args[i])))
		return -1;
	return strtoll(r->args[i], NULL, 10);
}
