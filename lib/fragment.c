/* fragment: HTML a worker rendered once and keeps while its key holds. */
#include <stdlib.h>
#include <string.h>

#include "fragment.h"

/*
 * A handful: the days people look at around now, in each language.  The
 * day grid of 80 rooms is about 165 KB and 18 KB compressed, so at most
 * a few MiB a worker.
 */
#define FRAGMENT_SLOTS	8

/* Kept by each worker alone: workers share nothing but the database. */
static struct {
	char		*key, *html;
	size_t		 len;
	struct gzip_part packed;
	unsigned long	 used;		/* when last served, for eviction */
} slot[FRAGMENT_SLOTS];
static unsigned long	ticks;

static void
lend(size_t i, struct fragment *f)
{
	slot[i].used = ++ticks;
	f->html = slot[i].html;
	f->len = slot[i].len;
	f->packed = &slot[i].packed;
}

int
fragment_get(const char *key, struct fragment *f)
{
	for (size_t i = 0; i < FRAGMENT_SLOTS; i++)
		if (slot[i].key != NULL && strcmp(slot[i].key, key) == 0) {
			lend(i, f);
			return 1;
		}
	return 0;
}

static void
empty(size_t i)
{
	free(slot[i].key);
	free(slot[i].html);
	gzip_part_free(&slot[i].packed);
	slot[i].key = slot[i].html = NULL;
	slot[i].used = 0;
}

int
fragment_put(const char *key, char *html, size_t len, struct fragment *f)
{
	struct gzip_part	 packed;
	size_t			 victim = 0;
	char			*copy;

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
	if (gzip_part_make(html, len, &packed) == -1) {
		free(copy);
		return -1;
	}
	empty(victim);
	slot[victim].key = copy;
	slot[victim].html = html;
	slot[victim].len = len;
	slot[victim].packed = packed;
	lend(victim, f);
	return 0;
}

void
fragment_clear(void)
{
	for (size_t i = 0; i < FRAGMENT_SLOTS; i++)
		empty(i);
}
