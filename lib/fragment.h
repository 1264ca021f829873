/*
 * fragment: HTML a worker rendered once and keeps while its key holds.
 * The key names everything the HTML depends on, version counters read
 * from the database in the request included (sql/016), so an entry is
 * never served after the write that changed it: the key has moved on.
 */
#ifndef ROOMBOOK_FRAGMENT_H
#define ROOMBOOK_FRAGMENT_H

#include <stddef.h>

/* The HTML kept under key, or NULL; valid until the next fragment_put. */
const char	*fragment_get(const char *key, size_t *len);

/*
 * Keeps html (from malloc) under key, in place of the least recently used
 * entry when the store is full.  Returns 0: the store owns html now; or
 * -1, out of memory: the caller still does.
 */
int		 fragment_put(const char *key, char *html, size_t len);

/* Frees every entry (at exit, so that leak checkers see none). */
void		 fragment_clear(void);

#endif
