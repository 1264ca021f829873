/*
 * gzip: pages compressed by the program where part of them is kept
 * compressed between requests.  A kept part is a run of raw deflate
 * blocks ending on a full flush (byte-aligned, referring to nothing
 * before it), so a page is its layout's text deflated around the kept
 * blocks, with the CRCs combined: one valid gzip member, and the kept
 * part is compressed once, not on every request.
 */
#ifndef ROOMBOOK_GZIP_H
#define ROOMBOOK_GZIP_H

#include <stddef.h>

/* Text compressed as deflate blocks that end on a full flush. */
struct gzip_part {
	unsigned char	*data;		/* the blocks */
	size_t		 len;
	unsigned long	 crc;		/* CRC-32 of the text */
	size_t		 text_len;
};

/* Compresses text into *part (freed with gzip_part_free).  0 or -1. */
int	gzip_part_make(const char *text, size_t len, struct gzip_part *part);
void	gzip_part_free(struct gzip_part *part);

/*
 * A gzip member of before, part's text, then after, into a new buffer the
 * caller frees (length in *len); NULL when out of memory.
 */
unsigned char	*gzip_around(const char *before, size_t before_len,
		    const struct gzip_part *part, const char *after,
		    size_t after_len, size_t *len);

/* 1 if an Accept-Encoding header value accepts gzip (q above 0). */
int	gzip_accepted(const char *accept_encoding);

#endif
