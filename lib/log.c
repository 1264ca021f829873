/* log: one line per event on stderr, tagged with program, pid and request id. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

/* Set once before any request is served, read-only afterwards. */
static const char *log_program = "roombook";

void
log_init(const char *program)
{
	log_program = program;
}

/* fmt is log_info's or log_error's, checked at their callers. */
static void	log_line(const char *, const char *, const char *, va_list)
		    LOG_PRINTF(3, 0);

static void
log_line(const char *level, const char *rid, const char *fmt, va_list ap)
{
	char		 stamp[32], msg[2048];
	struct tm	 tm;
	time_t		 now = time(NULL);

	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(stamp, sizeof stamp, "-");
	vsnprintf(msg, sizeof msg, fmt, ap);
	/* One fprintf per line so concurrent workers never interleave. */
	fprintf(stderr, "%s %s[%ld] %s rid=%s %s\n", stamp, log_program,
	    (long)getpid(), level, rid != NULL && *rid != '\0' ? rid : "-", msg);
	fflush(stderr);
}

void
log_info(const char *rid, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	log_line("info", rid, fmt, ap);
	va_end(ap);
}

void
log_error(const char *rid, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	log_line("error", rid, fmt, ap);
	va_end(ap);
}

char *
log_quote(char *buf, size_t n, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t		  o = 0;

	if (n == 0)
		return buf;
	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
			if (o + 4 >= n)
				break;
			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hex[c >> 4];
			buf[o++] = hex[c & 0xf];
		} else {
			if (o + 1 >= n)
				break;
			buf[o++] = (char)c;
		}
	}
	buf[o] = '\0';
	return buf;
}
