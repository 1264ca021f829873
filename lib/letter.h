/*
 * letter: what one outbox row says, composed as the message that is
 * sent: its words in the recipient's language and time zone (plain text
 * and HTML from templates), and the booking's calendar object as an iTIP
 * invitation or cancellation (lib/ical) for the people it names.
 */
#ifndef ROOMBOOK_LETTER_H
#define ROOMBOOK_LETTER_H

#include <stddef.h>
#include <time.h>

struct config;
struct db;

enum letter_result {
	LETTER_OK,
	LETTER_NONE,	/* nothing to send: why says (no address, ...) */
	LETTER_ERROR,	/* the database or memory failed: try again */
};

struct letter {
	char	*bytes;		/* the whole message, CRLF lines */
	size_t	 len;
	char	 to[255];	/* the envelope's recipient */
	char	 message_id[200];
	char	 why[200];	/* LETTER_NONE */
};

/*
 * Composes outbox row id at now into *l (the caller frees l->bytes with
 * free).  The site's zone is the one in use when it returns.
 */
enum letter_result letter_compose(struct db *, const struct config *,
		    long long id, time_t now, struct letter *l);

/*
 * The calendar object's UID of a booking outside a series, or of a
 * series (series > 0), at the site of cfg; into buf[n].
 */
char	*letter_uid(const struct config *, long long booking, long long series,
	    char *buf, size_t n);

#endif
