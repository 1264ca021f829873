/* fcgi_client: a minimal FastCGI client, to ask another pool for its health. */
#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

static long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for fd to be ready for events before deadline; 0 or -1. */
static int
wait_fd(int fd, short events, long long deadline)
{
	struct pollfd	pfd = { .fd = fd, .events = events };
	long long	left;
	int		rc;

	do {
		if ((left = deadline - now_ms()) <= 0)
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

int
fcgi_get(const char *path, const char *uri, const char *rid, int timeout_ms,
    int *status, char *body, size_t bodylen)
{
	static const unsigned char begin[8] = { 0, FCGI_RESPONDER, 0 };
	unsigned char		 req[1024], params[512], hdr[8];
	char			 out[4096];
	size_t			 off = 0, poff = 0, olen = 0;
	struct sockaddr_un	 sa = { .sun_family = AF_UNIX };
	long long		 deadline = now_ms() + timeout_ms;
	int			 fd = -1, rc = -1;

	snprintf(body, bodylen, "not answering");
	if (strlen(path) >= sizeof sa.sun_path)
		return -1;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if (put_param(params, sizeof params, &poff, "REQUEST_METHOD", "GET")
	    == -1 || put_param(params, sizeof params, &poff, "REQUEST_URI", uri)
	    == -1 || put_param(params, sizeof params, &poff, "HTTP_X_REQUEST_ID",
	    rid != NULL ? rid : "") == -1 ||
	    put_record(req, sizeof req, &off, FCGI_BEGIN_REQUEST, begin, 8) == -1 ||
	    put_record(req, sizeof req, &off, FCGI_PARAMS, params, poff) == -1 ||
	    put_record(req, sizeof req, &off, FCGI_PARAMS, NULL, 0) == -1 ||
	    put_record(req, sizeof req, &off, FCGI_STDIN, NULL, 0) == -1)
		return -1;
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    0)) == -1)
		return -1;
	/* On a unix socket EAGAIN means a full backlog: the pool is stuck. */
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == -1 &&
	    errno != EINPROGRESS) {
		if (errno == EAGAIN) {
			snprintf(body, bodylen, "too busy to accept");
			rc = -2;
		} else
			snprintf(body, bodylen, "%s", strerror(errno));
		goto out;
	}
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
	    now_ms() >= deadline) {
		snprintf(body, bodylen, "timed out");
		rc = -2;
	}
	close(fd);
	return rc;
}
