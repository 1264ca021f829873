/* gzip: pages compressed by the program around parts kept compressed. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "gzip.h"

/* The gateway's level too (nginx/roombook.conf.in): measured the best. */
#define LEVEL	1

/* Deflates text onto out (grown as needed) as raw blocks; flush says how
 * the run ends: Z_FULL_FLUSH (a part) or Z_FINISH (the member's end). */
static int
deflate_onto(const char *text, size_t len, int flush, unsigned char **out,
    size_t *out_len, size_t *out_cap)
{
	z_stream	z;
	int		rc;

	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, LEVEL, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		return -1;
	z.next_in = (unsigned char *)(uintptr_t)text;
	z.avail_in = (uInt)len;
	do {
		size_t need = *out_len + deflateBound(&z, z.avail_in) + 16;

		if (need > *out_cap) {
			unsigned char *p = realloc(*out, need);

			if (p == NULL) {
				deflateEnd(&z);
				return -1;
			}
			*out = p;
			*out_cap = need;
		}
		z.next_out = *out + *out_len;
		z.avail_out = (uInt)(*out_cap - *out_len);
		rc = deflate(&z, flush);
		*out_len = (size_t)(z.next_out - *out);
	} while (rc == Z_OK && (z.avail_out == 0 || z.avail_in > 0));
	deflateEnd(&z);
	return flush == Z_FINISH ? (rc == Z_STREAM_END ? 0 : -1) :
	    (rc == Z_OK || rc == Z_BUF_ERROR) && z.avail_in == 0 ? 0 : -1;
}

int
gzip_part_make(const char *text, size_t len, struct gzip_part *part)
{
	size_t cap = 0;

	memset(part, 0, sizeof *part);
	if (len > UINT32_MAX ||
	    deflate_onto(text, len, Z_FULL_FLUSH, &part->data, &part->len,
	    &cap) == -1) {
		gzip_part_free(part);
		return -1;
	}
	part->crc = crc32(0L, (const unsigned char *)text, (uInt)len);
	part->text_len = len;
	return 0;
}

void
gzip_part_free(struct gzip_part *part)
{
	free(part->data);
	memset(part, 0, sizeof *part);
}

/* Appends n bytes; 0 or -1. */
static int
append(unsigned char **out, size_t *len, size_t *cap, const void *p, size_t n)
{
	if (*len + n > *cap) {
		size_t		 want = (*len + n) * 2;
		unsigned char	*q = realloc(*out, want);

		if (q == NULL)
			return -1;
		*out = q;
		*cap = want;
	}
	memcpy(*out + *len, p, n);
	*len += n;
	return 0;
}

unsigned char *
gzip_around(const char *before, size_t before_len,
    const struct gzip_part *part, const char *after, size_t after_len,
    size_t *len)
{
	static const unsigned char header[10] = {
		0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3	/* deflate, Unix */
	};
	unsigned char	*out = NULL, trailer[8];
	size_t		 n = 0, cap = part->len + before_len / 2 +
			    after_len / 2 + 256;
	unsigned long	 crc;
	uint32_t	 total;

	if (before_len > UINT32_MAX || after_len > UINT32_MAX ||
	    (out = malloc(cap)) == NULL)
		return NULL;
	crc = crc32(0L, (const unsigned char *)before, (uInt)before_len);
	crc = crc32_combine(crc, part->crc, (z_off_t)part->text_len);
	crc = crc32_combine(crc, crc32(0L, (const unsigned char *)after,
	    (uInt)after_len), (z_off_t)after_len);
	total = (uint32_t)(before_len + part->text_len + after_len);
	for (int i = 0; i < 4; i++) {
		trailer[i] = (unsigned char)(crc >> (8 * i));
		trailer[4 + i] = (unsigned char)(total >> (8 * i));
	}
	if (append(&out, &n, &cap, header, sizeof header) == -1 ||
	    deflate_onto(before, before_len, Z_FULL_FLUSH, &out, &n,
	    &cap) == -1 ||
	    append(&out, &n, &cap, part->data, part->len) == -1 ||
	    deflate_onto(after, after_len, Z_FINISH, &out, &n, &cap) == -1 ||
	    append(&out, &n, &cap, trailer, sizeof trailer) == -1) {
		free(out);
		return NULL;
	}
	*len = n;
	return out;
}

int
gzip_accepted(const char *accept_encoding)
{
	const char *s = accept_encoding;

	/* Codings separated by commas, each maybe with ";q=0.5". */
	while (s != NULL && *s != '\0') {
		size_t		 n;
		const char	*q;

		while (*s == ' ' || *s == '\t' || *s == ',')
			s++;
		n = strcspn(s, ";, \t");
		if ((n == 4 && strncasecmp(s, "gzip", 4) == 0) ||
		    (n == 1 && *s == '*')) {
			q = s + n;
			while (*q == ' ' || *q == '\t')
				q++;
			if (*q != ';')
				return 1;
			q++;
			while (*q == ' ' || *q == '\t')
				q++;
			/* q=0, q=0.0, q=0.000: refused. */
			if (strncasecmp(q, "q=", 2) != 0)
				return 1;
			q += 2;
			if (*q != '0')
				return 1;
			for (q++; *q == '.' || *q == '0'; q++)
				;
			return isdigit((unsigned char)*q) ? 1 : 0;
		}
		s = strchr(s, ',');
	}
	return 0;
}
