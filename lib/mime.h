/*
 * mime: an Internet message (RFC 5322) with MIME parts (RFC 2045-2049):
 * plain text and HTML alternatives, and an iCalendar invitation both as
 * an alternative (text/calendar; method=..., which calendar programs act
 * on) and as an attached file.  Headers in UTF-8 are encoded words (RFC
 * 2047); bodies are quoted-printable, the attachment base64; lines end in
 * CRLF, as SMTP sends them.
 */
#ifndef ROOMBOOK_MIME_H
#define ROOMBOOK_MIME_H

#include <stddef.h>
#include <time.h>

struct mime_message {
	const char	*from_name, *from;	/* display name, address */
	const char	*to_name, *to;
	const char	*subject;
	time_t		 date;
	const char	*message_id;	/* without the angle brackets */
	const char	*text;		/* UTF-8, lines ending in \n */
	const char	*html;
	const char	*calendar;	/* iCalendar text, or NULL */
	const char	*method;	/* its METHOD (REQUEST, CANCEL) */
};

/*
 * The message's bytes, which the caller frees, their count in *len; NULL
 * when memory ran out.  Control characters in header values become
 * spaces: no value can add a header.
 */
char	*mime_message(const struct mime_message *, size_t *len);

/*
 * Whether address is one a message may be sent to: local@domain, printable
 * ASCII without spaces, quotes, angle brackets or commas.
 */
int	 mime_address_ok(const char *address);

#endif
