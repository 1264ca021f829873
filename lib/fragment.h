/*
 * fragment: HTML a worker rendered once and keeps while its key holds,
 * with its compressed form.  The key names everything the HTML depends
 * on, version counters read from the database in the request included
 * (sql/016), so an entry is never served after the write that changed
 * it: the key has moved on.
 */
#ifndef ROOMBOOK_FRAGMENT_H
#define ROOMBOOK_FRAGMENT_H

#include <stddef.h>

#include "gzip.h"

/* A kept fragment, borrowed from the store until the next fragment_put. */
struct fragment {
	const char		*html;
	size_t			 len;
	const struct gzip_part	*packed;	/* the same, compressed */
};

/* The fragment kept under key: 1 and *f, or 0. */
int	fragment_get(const char *key, struct fragment *f);

/*
 * Keeps html (from malloc) under key, compressed too, in place of the
 * least recently used entry when the store is full, and gives it back in
 * *f.  Returns 0: the store owns html now; or -1, out of memory: the
 * caller still does.
 */
int	fragment_put(const char *key, char *html, size_t len,
	    struct fragment *f);

/* Frees every entry (at exit, so that leak checkers see none). */
void	fragment_clear(void);

#endif
