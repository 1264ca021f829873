/* route: the table that maps method and path to a handler and its guard. */
#ifndef ROOMBOOK_ROUTE_H
#define ROOMBOOK_ROUTE_H

#include <stddef.h>

#include "request.h"

/* Who may call a route; the dispatcher enforces it. */
enum auth {
	AUTH_ANY,	/* anyone, logged in or not */
	AUTH_USER,	/* any logged-in user */
	AUTH_ADMIN,	/* administrators only */
	AUTH_DISPLAY,	/* a paired door display (lib/display), only */
};

/* Returns the HTTP status; renders a page unless it returns an error. */
typedef int (*handler_fn)(struct req *);

/*
 * Shows a form again with status, r->form's values and r->errors at their
 * fields: the page a refused form gets.  Returns status, 500, or 0 when
 * the refusal is not the form's (the error page then).
 */
typedef int (*form_fn)(struct req *, int status);

struct route {
	unsigned	 methods;	/* M_GET | M_POST ...; GET allows HEAD */
	const char	*pattern;	/* "/bookings/{id}/cancel" */
	enum auth	 auth;
	handler_fn	 handler;
	form_fn		 form;		/* when the handler refuses, or NULL */
};

enum route_result {
	ROUTE_FOUND,
	ROUTE_NOT_FOUND,
	ROUTE_METHOD_NOT_ALLOWED,
};

/*
 * Finds the route for method m and path.  A "{id}" segment matches a
 * positive decimal id without leading zeros (at most 18 digits); any other
 * "{name}" matches one non-empty segment of fewer than 64 bytes.  Their
 * values go into r->args in order.  On ROUTE_METHOD_NOT_ALLOWED, *allowed
 * holds the methods the path does accept.
 */
enum route_result route_find(const struct route *routes, size_t n,
		    enum method m, const char *path, struct req *r,
		    unsigned *allowed);

/* Writes "GET, HEAD, POST" for the method bits into buf; returns buf. */
char		*route_allow_list(unsigned methods, char *buf, size_t len);

/* The i-th placeholder value as an id (from "{id}"), or -1. */
long long	 route_arg_id(const struct req *r, size_t i);

#endif
