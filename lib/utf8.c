/* utf8: checks on UTF-8 text that arrives from people. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

int
utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t		     i = 0;

	while (i < len) {
		unsigned char	c = s[i];
		size_t		n;
		unsigned long	cp;

		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else
			return 0;	/* continuation byte, 0xc0/0xc1, > 0xf4 */
		if (len - i - 1 < n)
			return 0;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;	/* overlong, too large, surrogate */
		i += n + 1;
	}
	return 1;
}

char *
utf8_trim(char *s)
{
	size_t	n = strlen(s), start = n, need;

	/* Back to the first byte of the last character, if any. */
	while (start > 0 && ((unsigned char)s[start - 1] & 0xc0) == 0x80 &&
	    n - start < 3)
		start--;
	if (start == 0)
		return s;
	start--;
	need = (unsigned char)s[start] >= 0xf0 ? 4 :
	    (unsigned char)s[start] >= 0xe0 ? 3 :
	    (unsigned char)s[start] >= 0xc0 ? 2 : 1;
	if (n - start < need)
		s[start] = '\0';
	return s;
}

char *
utf8_printf(char *buf, size_t n, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return utf8_trim(buf);
}

size_t
utf8_length(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;	/* continuation bytes do not start a character */
	return n;
}

int
utf8_has_control(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < len; i++) {
		if (u[i] < 0x20 || u[i] == 0x7f)
			return 1;
		if (u[i] == 0xc2 && i + 1 < len && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9f)
			return 1;
	}
	return 0;
}
