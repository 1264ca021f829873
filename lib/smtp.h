/*
 * smtp: hands one message at a time to an SMTP server, with libcurl
 * (smtp:// with STARTTLS when the server offers it, or smtps://; a login
 * when the site has one), keeping the connection between messages.
 */
#ifndef ROOMBOOK_SMTP_H
#define ROOMBOOK_SMTP_H

#include <stddef.h>

struct mail_config;
struct smtp;

enum smtp_result {
	SMTP_SENT,	/* the server took it */
	SMTP_RETRY,	/* not now: the server is away or busy */
	SMTP_REFUSED,	/* the server refused the recipient for good */
};

/* A connection to be, for cfg; NULL when memory ran out. */
struct smtp	*smtp_new(const struct mail_config *cfg);
void		 smtp_free(struct smtp *);

/*
 * Sends message (len bytes, CRLF lines) from the envelope's from to to;
 * why[n] says what went wrong otherwise.
 */
enum smtp_result smtp_send(struct smtp *, const char *from, const char *to,
		    const char *message, size_t len, char *why, size_t n);

#endif
