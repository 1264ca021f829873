/*
 * Fuzzes lib/utf8 against a decoder written here from the Unicode
 * standard's table of well-formed byte sequences (Table 3-7), and checks
 * that cutting text short never leaves half a character.
 */
#include "fuzz.h"

#include "utf8.h"

/*
 * The code point at s[0..len) into *cp; returns its length in bytes, or
 * 0 if no well-formed sequence starts there.
 */
static size_t
decode(const unsigned char *s, size_t len, unsigned long *cp)
{
	static const struct {
		unsigned char	lo, hi;		/* first byte */
		unsigned char	lo2, hi2;	/* second byte */
		size_t		n;
	} rows[] = {
		{ 0x00, 0x7f, 0, 0, 1 },
		{ 0xc2, 0xdf, 0x80, 0xbf, 2 },
		{ 0xe0, 0xe0, 0xa0, 0xbf, 3 },
		{ 0xe1, 0xec, 0x80, 0xbf, 3 },
		{ 0xed, 0xed, 0x80, 0x9f, 3 },
		{ 0xee, 0xef, 0x80, 0xbf, 3 },
		{ 0xf0, 0xf0, 0x90, 0xbf, 4 },
		{ 0xf1, 0xf3, 0x80, 0xbf, 4 },
		{ 0xf4, 0xf4, 0x80, 0x8f, 4 },
	};

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		size_t n = rows[i].n;

		if (s[0] < rows[i].lo || s[0] > rows[i].hi)
			continue;
		if (len < n)
			return 0;
		if (n == 1) {
			*cp = s[0];
			return 1;
		}
		if (s[1] < rows[i].lo2 || s[1] > rows[i].hi2)
			return 0;
		*cp = s[0] & (0xff >> (n + 1));
		for (size_t k = 1; k < n; k++) {
			if (k > 1 && (s[k] < 0x80 || s[k] > 0xbf))
				return 0;
			*cp = *cp << 6 | (s[k] & 0x3f);
		}
		return n;
	}
	return 0;
}

/* Whether s[0..len) is well-formed; its characters and controls if so. */
static int
reference(const char *str, size_t len, size_t *chars, int *control)
{
	const unsigned char	*s = (const unsigned char *)str;
	unsigned long		 cp;
	size_t			 n;

	*chars = 0;
	*control = 0;
	for (size_t i = 0; i < len; i += n) {
		if ((n = decode(s + i, len - i, &cp)) == 0)
			return 0;
		(*chars)++;
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			*control = 1;
	}
	return 1;
}

/* s[0..cut) trimmed is a valid prefix of s, short of cut by less than 4. */
static void
check_trim(const char *s, size_t cut, char *buf)
{
	size_t	n;

	memcpy(buf, s, cut);
	buf[cut] = '\0';
	utf8_trim(buf);
	n = strlen(buf);
	FUZZ_CHECK(n <= cut && cut - n < 4);
	FUZZ_CHECK(memcmp(buf, s, n) == 0);
	FUZZ_CHECK(utf8_valid(buf, n));

	/* utf8_printf into cut + 1 bytes cuts the same way. */
	utf8_printf(buf, cut + 1, "%s", s);
	FUZZ_CHECK(strlen(buf) == n && memcmp(buf, s, n) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	size_t		 chars;
	int		 control, valid;
	char		*str, *work;

	valid = reference(s, size, &chars, &control);
	FUZZ_CHECK(utf8_valid(s, size) == valid);
	if (!valid)
		return 0;
	FUZZ_CHECK(utf8_has_control(s, size) == control);
	if (memchr(s, '\0', size) != NULL)
		return 0;

	/* From here on a C string, as the validators see their values. */
	str = fuzz_str(data, size);
	work = fuzz_alloc(size + 1);
	FUZZ_CHECK(utf8_length(str) == chars);
	for (size_t cut = 0; cut <= size; cut++)
		check_trim(str, cut, work);
	free(work);
	free(str);
	return 0;
}
