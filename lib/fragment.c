/* fragment: HTML a worker rendered once and keeps while its key holds. */
#include <stdlib.h>
#include <string.h>

#include "fragment.h"

/*
 * A handful: the days people look at around now, in each language.  The
 * day grid of 80 rooms is about 165 KB, so at most a few MiB a worker.
 */
#define FRAGMENT_SLOTS	8

/* Kept by each worker alone: workers share nothing but the database. */
static struct {
	char		*key, *html;
	size_t		 len;
	unsigned long	 used;		/* when last served, for eviction */
} slot[FRAGMENT_SLOTS];
static unsigned long	clock_ticks;

const char *
fragment_get(const char *key, size_t *len)
{
	for (size_t i = 0; i < FRAGMENT_SLOTS; i++)
		if (slot[i].key != NULL && strcmp(slot[i].key, key) == 0) {
			slot[i].used = ++clock_ticks;
			*len = slot[i].len;
			return slot[i].html;
		}
	return NULL;
}

int
fragment_put(const char *key, char *html, size_t len)
{
	size_t	 victim = 0;
	char	*copy;

	for (size_t i = 0; i < FRAGMENT_SLOTS; i++) {
		if (slot[i].key != NULL && strcmp(slot[i].key, key) == 0) {
			victim = i;
			break;
		}
		if (slot[i].used < slot[victim].used)
			victim = i;
	}
	if ((copy = strdup(key)) == NULL)
		return -1;
	free(slot[victim].key);
	free(slot[victim].html);
	slot[victim].key = copy;
	slot[victim].html = html;
	slot[victim].len = len;
	slot[victim].used = ++clock_ticks;
	return 0;
}

void
fragment_clear(void)
{
	for (size_t i = 0; i < FRAGMENT_SLOTS; i++) {
		free(slot[i].key);
		free(slot[i].html);
		slot[i].key = slot[i].html = NULL;
		slot[i].used = 0;
	}
}
