/* fcgi_client: a minimal FastCGI client, to ask another pool for its health. */
#ifndef ROOMBOOK_FCGI_CLIENT_H
#define ROOMBOOK_FCGI_CLIENT_H

#include <stddef.h>

/*
 * Sends "GET uri" to the FastCGI pool listening at path (a unix socket,
 * or "ADDRESS:PORT" over TCP, "[ADDRESS]:PORT" for IPv6) and waits at most timeout_ms in all.  On success returns 0 with the
 * response status in *status and the body (NUL-terminated, truncated to
 * bodylen - 1) in body.  Returns -1 with a short reason in body when the
 * pool cannot be reached, -2 when it took the call (or its queue is full)
 * but did not answer in time: every worker busy.
 */
int	fcgi_get(const char *path, const char *uri, const char *rid,
	    int timeout_ms, int *status, char *body, size_t bodylen);

#endif
