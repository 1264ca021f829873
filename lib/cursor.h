/*
 * cursor: where a page of a long list begins, "<unix time>.<id>", as the
 * pages' links and the API's "next" carry it (keyset pagination: the
 * rows after (time, id) in that order, however many came before).
 */
#ifndef ROOMBOOK_CURSOR_H
#define ROOMBOOK_CURSOR_H

#include <time.h>

struct req;

/* What a damaged cursor is told (an N_() message). */
extern const char cursor_damaged[];

/* Reads s into (*t, *id); 0, or -1 if s is not a cursor. */
int	cursor_parse(const char *s, time_t *t, long long *id);

/*
 * Reads the cursor s, sent as field (a constant), into (*t, *id).  0, or
 * 422 with says (an N_() message, told in the reader's language) at the
 * field.
 */
int	cursor_read(struct req *r, const char *field, const char *says,
	    const char *s, time_t *t, long long *id);

#endif
