/* response: the one place that opens an HTTP response and sets its headers. */
#ifndef ROOMBOOK_RESPONSE_H
#define ROOMBOOK_RESPONSE_H

#include <stddef.h>

#include "request.h"

/* How long a browser or proxy may keep what we send. */
enum cache {
	CACHE_NONE,	/* personal or changing: never stored */
	CACHE_SHORT,	/* the same for everyone, fine for a minute */
	CACHE_REVALIDATE, /* personal, kept but asked again each time (with
			   its ETag) */
	CACHE_FOREVER,	/* named by its content: a change is a new name */
};

#define TYPE_HTML	"text/html; charset=utf-8"
#define TYPE_JSON	"application/json"
#define TYPE_TEXT	"text/plain; charset=utf-8"
#define TYPE_CALENDAR	"text/calendar; charset=utf-8"
#define TYPE_JPEG	"image/jpeg"
#define TYPE_SVG	"image/svg+xml"

/* "Not Found" for 404; "Unknown" for codes we never send. */
const char	*http_reason(int status);

/*
 * Adds a header line to the response r will send; name and value are
 * copied.  Values with CR or LF are refused.  Returns 0 or -1.
 */
int		 resp_header(struct req *r, const char *name, const char *value);

/*
 * Opens the response and sends it whole: status, content type, cache
 * policy, the security headers every response carries, headers added with
 * resp_header, Content-Length, then body (left out for HEAD).  A response
 * can be sent once; returns status, or -1 if the client has gone.
 */
int		 resp_send(struct req *r, int status, const char *type,
		    enum cache cache, const char *body, size_t len);

/* Sends a redirect (303 after a POST) to a same-site path.  Returns status. */
int		 resp_redirect(struct req *r, int status, const char *location);
/* The same to the path fmt makes ("/rooms/%lld?saved=1"); 500 if too long. */
int		 resp_redirectf(struct req *r, int status, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

#endif
