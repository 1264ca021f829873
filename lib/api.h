/* api: the JSON side of the programs, under /api/: bodies in, answers out. */
#ifndef ROOMBOOK_API_H
#define ROOMBOOK_API_H

#include <time.h>

#include <jansson.h>

#include "request.h"

/* 1 for a path under /api/. */
int	api_path(const char *path);

/* Sends j (stolen) as JSON with status.  Returns status, or 500. */
int	api_send(struct req *r, int status, json_t *j);

/*
 * Sends {"error":{"code","message","field"}} with status; code follows
 * from the status ("not_found", "conflict", ...), field may be NULL.
 * Returns status.
 */
int	api_error(struct req *r, int status, const char *message,
	    const char *field);

/*
 * ?name= as a whole number within [lo, hi], or dflt when absent; -1 with
 * r->error set when it is something else.
 */
long long api_query_number(struct req *r, const char *name, long long dflt,
	    long long lo, long long hi);

/* The most a list answers at once. */
#define API_PAGE_MAX	500

/*
 * A list's keyset page: ?after= (the last id seen, default 0) and ?limit=
 * (1 to API_PAGE_MAX, default 100).  0, or -1 with r->error set (400).
 */
int	api_page(struct req *r, long long *after, long long *limit);

/* What a JSON body may hold. */
enum api_type {
	API_INT,	/* a whole number */
	API_STRING,
	API_TIME,	/* "yyyyMMddHHmm[ss]" (site's zone) or ISO 8601 */
};

struct api_field {
	const char	*name;
	enum api_type	 type;
	int		 required;
};

/*
 * Reads r's body as a JSON object holding only the fields listed (a NULL
 * name ends the list), each of its type.  Returns the object (to
 * json_decref), or NULL with the error already sent: 400 for a body that
 * is not JSON or not an object, 415 for another content type, 422 for an
 * unknown, missing or mistyped field.  *status gets the status sent.
 */
json_t	*api_body(struct req *r, const struct api_field *fields, int *status);

/*
 * A time as the API takes it: the origin's "yyyyMMddHHmm" or
 * "yyyyMMddHHmmss" in the site's zone, or ISO 8601 ("2026-12-01T10:00",
 * with seconds, "Z" or an offset; without one, the site's zone).
 * Returns 0, or -1 with a message for a person in *why.
 */
int	api_parse_time(const char *s, time_t *t, const char **why);

/* t as the origin's "yyyyMMddHHmmss" (site's zone) and as ISO 8601 UTC. */
json_t	*api_origin_time(time_t t);
json_t	*api_iso_time(time_t t);

#endif
