/* utf8: checks on UTF-8 text that arrives from people. */
#ifndef ROOMBOOK_UTF8_H
#define ROOMBOOK_UTF8_H

#include <stddef.h>

/* 1 if s[0..len) is well-formed UTF-8 (no overlongs or surrogates). */
int	utf8_valid(const char *s, size_t len);

/* Characters (code points) in the valid UTF-8 string s. */
size_t	utf8_length(const char *s);

/*
 * 1 if s[0..len) holds a control character: C0, DEL, or C1 (U+0080 to
 * U+009F).  Terminals act on all three; none belongs in a name or title.
 */
int	utf8_has_control(const char *s, size_t len);

/*
 * Cuts s back to whole characters: a UTF-8 sequence that a byte limit
 * (snprintf) cut short is removed.  Returns s.
 */
char	*utf8_trim(char *s);

/*
 * snprintf for text that may be cut at n bytes (a message of bounded
 * length): the result ends on a whole character.  Returns buf.
 */
char	*utf8_printf(char *buf, size_t n, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif
