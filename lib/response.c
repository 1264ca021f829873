/* response: the one place that opens an HTTP response and sets its headers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "replica.h"
#include "response.h"

/* The reason phrases; an error page shows them in the reader's language. */
static const struct {
	int		 status;
	const char	*reason;
} reasons[] = {
	{ 200, "OK" }, { 201, "Created" }, { 204, "No Content" },
	{ 303, "See Other" }, { 304, "Not Modified" },
	{ 400, N_("Bad Request") }, { 401, N_("Unauthorized") },
	{ 403, N_("Forbidden") }, { 404, N_("Not Found") },
	{ 405, N_("Method Not Allowed") }, { 409, N_("Conflict") },
	{ 411, N_("Length Required") }, { 413, N_("Content Too Large") },
	{ 414, N_("URI Too Long") }, { 415, N_("Unsupported Media Type") },
	{ 422, N_("Unprocessable Content") }, { 429, N_("Too Many Requests") },
	{ 500, N_("Internal Server Error") }, { 501, N_("Not Implemented") },
	{ 502, N_("Bad Gateway") }, { 503, N_("Service Unavailable") },
	{ 504, N_("Gateway Timeout") },
};

/*
 * Every response: no sniffing, no framing, no referrer leaks, and a CSP
 * that allows only our own scripts and styles (pages have no inline JS).
 */
static const char security_headers[] =
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Content-Security-Policy: default-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'\r\n";

const char *
http_reason(int status)
{
	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (reasons[i].status == status)
			return reasons[i].reason;
	return "Unknown";
}

int
resp_header(struct req *r, const char *name, const char *value)
{
	size_t	 n = strlen(name) + 2 + strlen(value) + 2;
	char	*h;

	if (strpbrk(name, "\r\n:") != NULL || strpbrk(value, "\r\n") != NULL)
		return -1;
	if ((h = realloc(r->headers, r->headers_len + n + 1)) == NULL)
		return -1;
	r->headers = h;
	snprintf(h + r->headers_len, n + 1, "%s: %s\r\n", name, value);
	r->headers_len += n;
	return 0;
}

int
resp_send(struct req *r, int status, const char *type, enum cache cache,
    const char *body, size_t len)
{
	char	head[512];
	int	n;

	if (r->status != 0)
		return -1;	/* a second response would corrupt the stream */
	/* Where a replica serves the reading, the writer's next page waits. */
	(void)replica_note_write(r);
	r->status = status;
	n = snprintf(head, sizeof head,
	    "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
	    "Cache-Control: %s\r\n",
	    status, http_reason(status), type, len,
	    cache == CACHE_SHORT ? "public, max-age=60" :
	    cache == CACHE_FOREVER ? "public, max-age=31536000, immutable" :
	    cache == CACHE_REVALIDATE ? "private, no-cache" : "no-store");
	if (n < 0 || (size_t)n >= sizeof head)
		return -1;
	if (r->write(r->write_ctx, head, (size_t)n) == -1 ||
	    r->write(r->write_ctx, security_headers,
	    sizeof security_headers - 1) == -1 ||
	    (r->headers_len > 0 &&
	    r->write(r->write_ctx, r->headers, r->headers_len) == -1) ||
	    r->write(r->write_ctx, "\r\n", 2) == -1)
		return -1;
	if (r->method != M_HEAD && len > 0 &&
	    r->write(r->write_ctx, body, len) == -1)
		return -1;
	return status;
}

int
resp_redirectf(struct req *r, int status, const char *fmt, ...)
{
	char	location[512];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(location, sizeof location, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof location)
		return 500;
	return resp_redirect(r, status, location);
}

int
resp_redirect(struct req *r, int status, const char *location)
{
	/* Only same-site paths: "//evil" or "/\evil" would leave the site. */
	if (location[0] != '/' || location[1] == '/' || location[1] == '\\')
		location = "/";
	if (resp_header(r, "Location", location) == -1)
		return 500;
	resp_send(r, status, TYPE_TEXT, CACHE_NONE, "", 0);
	return status;
}
