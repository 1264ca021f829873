/* fcgi_client: a minimal FastCGI client, to ask another pool for its health. */
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/un.h>

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "fcgi_client.h"

/* Record types and the responder role, from the FastCGI specification. */
enum {
	FCGI_BEGIN_REQUEST = 1,
	FCGI_END_REQUEST = 3,
	FCGI_PARAMS = 4,
	FCGI_STDIN = 5,
	FCGI_STDOUT = 6,
	FCGI_RESPONDER = 1,
};

#define REQUEST_ID	1

/* Waits for fd to be ready for events before deadline; 0 or -1. */
static int
wait_fd(int fd, short events, long long deadline)
{
	struct pollfd	pfd = { .fd = fd, .events = events };
	long long	left;
	int		rc;

	do {
		if ((left = deadline - clock_monotonic_ms()) <= 0)
			return -1;
		rc = poll(&pfd, 1, (int)left);
	} while (rc == -1 && errno == EINTR);
	return rc == 1 ? 0 : -1;
}

static int
send_all(int fd, const unsigned char *p, size_t len, long long deadline)
{
	while (len > 0) {
		ssize_t	n;

		if (wait_fd(fd, POLLOUT, deadline) == -1)
			return -1;
		if ((n = send(fd, p, len, MSG_NOSIGNAL)) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int
recv_all(int fd, unsigned char *p, size_t len, long long deadline)
{
	while (len > 0) {
		ssize_t	n;

		if (wait_fd(fd, POLLIN, deadline) == -1)
			return -1;
		if ((n = recv(fd, p, len, 0)) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -1;
		}
		if (n == 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Appends one record header plus content to buf at *off. */
static int
put_record(unsigned char *buf, size_t cap, size_t *off, int type,
    const void *content, size_t len)
{
	unsigned char *h = buf + *off;

	if (len > 0xffff || *off + 8 + len > cap)
		return -1;
	h[0] = 1;
	h[1] = (unsigned char)type;
	h[2] = REQUEST_ID >> 8;
	h[3] = REQUEST_ID & 0xff;
	h[4] = (unsigned char)(len >> 8);
	h[5] = (unsigned char)(len & 0xff);
	h[6] = 0;
	h[7] = 0;
	if (len > 0)
		memcpy(h + 8, content, len);
	*off += 8 + len;
	return 0;
}

/* Appends a name-value pair (both shorter than 128 bytes) to params. */
static int
put_param(unsigned char *p, size_t cap, size_t *off, const char *name,
    const char *value)
{
	size_t	nl = strlen(name), vl = strlen(value);

	if (nl > 127 || vl > 127 || *off + 2 + nl + vl > cap)
		return -1;
	p[(*off)++] = (unsigned char)nl;
	p[(*off)++] = (unsigned char)vl;
	memcpy(p + *off, name, nl);
	memcpy(p + *off + nl, value, vl);
	*off += nl + vl;
	return 0;
}

/* Parses the CGI response headers in out; fills status and body. */
static void
parse_response(const char *out, size_t len, int *status, char *body,
    size_t bodylen)
{
	const char	*end = strstr(out, "\r\n\r\n");
	const char	*s;
	size_t		 n;

	*status = 200;
	if ((s = strstr(out, "Status: ")) != NULL && (end == NULL || s < end))
		*status = (int)strtol(s + 8, NULL, 10);
	s = end != NULL ? end + 4 : out + len;
	n = (size_t)(out + len - s);
	if (n >= bodylen)
		n = bodylen - 1;
	memcpy(body, s, n);
	body[n] = '\0';
}

/*
 * Parses "ADDRESS:PORT" ("[ADDRESS]:PORT" for IPv6) into sa; 0 or -1.
 */
static int
tcp_address(const char *where, struct sockaddr_storage *sa, socklen_t *len)
{
	struct sockaddr_in	*in4 = (struct sockaddr_in *)sa;
	struct sockaddr_in6	*in6 = (struct sockaddr_in6 *)sa;
	const char		*colon = strrchr(where, ':');
	char			 host[64], *end;
	size_t			 n;
	long			 port;

	if (colon == NULL || colon == where)
		return -1;
	errno = 0;
	port = strtol(colon + 1, &end, 10);
	if (colon[1] == '\0' || *end != '\0' || errno != 0 || port < 1 ||
	    port > 65535)
		return -1;
	n = (size_t)(colon - where);
	if (where[0] == '[' && colon[-1] == ']') {
		where++;
		n -= 2;
	}
	if (n >= sizeof host)
		return -1;
	memcpy(host, where, n);
	host[n] = '\0';
	memset(sa, 0, sizeof *sa);
	if (inet_pton(AF_INET, host, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		*len = sizeof *in4;
		return 0;
	}
	if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		*len = sizeof *in6;
		return 0;
	}
	return -1;
}

/*
 * A connected, non-blocking socket to the pool at where (a unix socket's
 * path, or a TCP address), or -1 with *rc and the reason in body.
 */
static int
connect_pool(const char *where, long long deadline, char *body,
    size_t bodylen, int *rc)
{
	struct sockaddr_storage	 sa;
	struct sockaddr_un	*un = (struct sockaddr_un *)&sa;
	socklen_t		 len, errlen = sizeof(int);
	int			 fd, err = 0;

	*rc = -1;
	if (where[0] == '/') {
		if (strlen(where) >= sizeof un->sun_path)
			return -1;
		memset(un, 0, sizeof *un);
		un->sun_family = AF_UNIX;
		memcpy(un->sun_path, where, strlen(where) + 1);
		len = sizeof *un;
	} else if (tcp_address(where, &sa, &len) == -1) {
		snprintf(body, bodylen, "not an address: %s", where);
		return -1;
	}
	if ((fd = socket(sa.ss_family, SOCK_STREAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0)) == -1)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, len) == 0)
		return fd;
	/* On a unix socket EAGAIN means a full backlog: the pool is stuck. */
	if (errno == EAGAIN) {
		snprintf(body, bodylen, "too busy to accept");
		*rc = -2;
		close(fd);
		return -1;
	}
	/* Over TCP the answer comes later: accepted, refused, or silence. */
	if (errno != EINPROGRESS)
		err = errno;
	else if (wait_fd(fd, POLLOUT, deadline) == -1)
		err = ETIMEDOUT;
	else if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &errlen) == -1)
		err = errno;
	if (err == 0)
		return fd;
	snprintf(body, bodylen, "%s", strerror(err));
	close(fd);
	return -1;
}

int
fcgi_get(const char *path, const char *uri, const char *rid, int timeout_ms,
    int *status, char *body, size_t bodylen)
{
	static const unsigned char begin[8] = { 0, FCGI_RESPONDER, 0 };
	unsigned char		 req[1024], params[512], hdr[8];
	char			 out[4096];
	size_t			 off = 0, poff = 0, olen = 0;
	long long		 deadline = clock_monotonic_ms() + timeout_ms;
	int			 fd = -1, rc = -1;

	snprintf(body, bodylen, "not answering");
	if (put_param(params, sizeof params, &poff, "REQUEST_METHOD", "GET")
	    == -1 || put_param(params, sizeof params, &poff, "REQUEST_URI", uri)
	    == -1 || put_param(params, sizeof params, &poff, "HTTP_X_REQUEST_ID",
	    rid != NULL ? rid : "") == -1 ||
	    put_record(req, sizeof req, &off, FCGI_BEGIN_REQUEST, begin, 8) == -1 ||
	    put_record(req, sizeof req, &off, FCGI_PARAMS, params, poff) == -1 ||
	    put_record(req, sizeof req, &off, FCGI_PARAMS, NULL, 0) == -1 ||
	    put_record(req, sizeof req, &off, FCGI_STDIN, NULL, 0) == -1)
		return -1;
	if ((fd = connect_pool(path, deadline, body, bodylen, &rc)) == -1)
		return rc;
	if (send_all(fd, req, off, deadline) == -1)
		goto out;
	for (;;) {
		unsigned char	skip[256];
		size_t		clen, plen;

		if (recv_all(fd, hdr, 8, deadline) == -1)
			goto out;
		clen = (size_t)hdr[4] << 8 | hdr[5];
		plen = hdr[6];
		if (hdr[1] == FCGI_STDOUT && olen + clen < sizeof out) {
			if (recv_all(fd, (unsigned char *)out + olen, clen,
			    deadline) == -1)
				goto out;
			olen += clen;
			clen = 0;
		}
		/* Content we do not keep (stderr, overflow) and padding. */
		for (size_t left = clen + plen; left > 0;) {
			size_t n = left < sizeof skip ? left : sizeof skip;

			if (recv_all(fd, skip, n, deadline) == -1)
				goto out;
			left -= n;
		}
		if (hdr[1] == FCGI_END_REQUEST)
			break;
	}
	out[olen] = '\0';
	parse_response(out, olen, status, body, bodylen);
	rc = 0;
out:
	if (rc == -1 && strcmp(body, "not answering") == 0 &&
	    clock_monotonic_ms() >= deadline) {
		snprintf(body, bodylen, "timed out");
		rc = -2;
	}
	close(fd);
	return rc;
}
