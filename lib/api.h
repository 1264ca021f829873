/* api: the programs' answers under /api/, as JSON (what comes in: lib/input). */
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
 * If-Match: "<version>" (the quotes optional), as a resource's ETag gives
 * it: the version, 0 when absent, -1 when malformed.
 */
long long api_if_match(const struct req *r);

/* t as the origin's "yyyyMMddHHmmss" (site's zone) and as ISO 8601 UTC. */
json_t	*api_origin_time(time_t t);
json_t	*api_iso_time(time_t t);

#endif
