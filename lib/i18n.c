/* i18n: gettext catalogs (.mo) read into memory, and language choice. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

#define MO_MAGIC	0x950412deU
#define MAX_LANGUAGES	32

struct catalog {
	char		 tag[I18N_TAG_LEN];
	char		*data;		/* the whole .mo file */
	size_t		 size;
	uint32_t	 n;		/* messages, sorted by msgid */
	uint32_t	 orig, trans;	/* offsets of the two tables */
};

/* English first: it has no catalog, its words are the sources'. */
static struct catalog	catalogs[MAX_LANGUAGES] = { { .tag = I18N_SOURCE } };
static size_t		ncatalogs = 1;

static uint32_t
word(const struct catalog *c, uint32_t off)
{
	uint32_t w;

	memcpy(&w, c->data + off, sizeof w);
	return w;
}

/* The i-th string of the table at table; NULL if it leaves the file. */
static const char *
string_at(const struct catalog *c, uint32_t table, uint32_t i)
{
	uint64_t	at = (uint64_t)table + 8ULL * i;
	uint32_t	len, off;

	if (at + 8 > c->size)
		return NULL;
	len = word(c, (uint32_t)at);
	off = word(c, (uint32_t)at + 4);
	/* msgfmt ends every string with a NUL the length leaves out. */
	if ((uint64_t)off + len >= c->size || c->data[off + len] != '\0')
		return NULL;
	return c->data + off;
}

/* Checks c's header and that every string is whole and sorted. */
static int
catalog_valid(const struct catalog *c)
{
	const char *prev = NULL, *s;

	for (uint32_t i = 0; i < c->n; i++) {
		if ((s = string_at(c, c->orig, i)) == NULL ||
		    string_at(c, c->trans, i) == NULL ||
		    (prev != NULL && strcmp(prev, s) >= 0))
			return 0;
		prev = s;
	}
	return 1;
}

static int
read_file(const char *path, char **data, size_t *size)
{
	FILE	*f;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	if (fseek(f, 0, SEEK_END) == -1 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) == -1 || (*data = malloc((size_t)n + 1)) ==
	    NULL) {
		fclose(f);
		return -1;
	}
	if (fread(*data, 1, (size_t)n, f) != (size_t)n) {
		free(*data);
		fclose(f);
		return -1;
	}
	fclose(f);
	*size = (size_t)n;
	return 0;
}

/* A language tag as a file name may hold one: "ko", "pt-BR". */
static int
tag_valid(const char *tag, size_t len)
{
	if (len < 2 || len >= I18N_TAG_LEN)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!isalpha((unsigned char)tag[i]) &&
		    !(tag[i] == '-' && i > 0))
			return 0;
	return 1;
}

static int
load_one(const char *dir, const char *name, char *err, size_t errlen)
{
	struct catalog	*c = &catalogs[ncatalogs];
	size_t		 len = strlen(name) - 3;
	char		 path[4096];

	if (ncatalogs == MAX_LANGUAGES) {
		snprintf(err, errlen, "%s: more than %d languages", dir,
		    MAX_LANGUAGES);
		return -1;
	}
	if (!tag_valid(name, len)) {
		snprintf(err, errlen, "%s/%s: not a language's catalog", dir,
		    name);
		return -1;
	}
	memset(c, 0, sizeof *c);
	memcpy(c->tag, name, len);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (read_file(path, &c->data, &c->size) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (c->size < 28 || word(c, 0) != MO_MAGIC || word(c, 4) != 0 ||
	    (c->n = word(c, 8), c->orig = word(c, 12), c->trans = word(c, 16),
	    !catalog_valid(c))) {
		snprintf(err, errlen, "%s: not a catalog msgfmt wrote", path);
		free(c->data);
		return -1;
	}
	ncatalogs++;
	return 0;
}

int
i18n_load(const char *dir, char *err, size_t errlen)
{
	struct dirent	**names;
	int		  n, rc = 0;

	if (dir == NULL || *dir == '\0')
		return 0;
	if ((n = scandir(dir, &names, NULL, alphasort)) == -1) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]->d_name);

		if (rc == 0 && len > 3 && strcmp(names[i]->d_name + len - 3,
		    ".mo") == 0)
			rc = load_one(dir, names[i]->d_name, err, errlen);
		free(names[i]);
	}
	free(names);
	return rc;
}

static const struct catalog *
catalog_of(const char *tag)
{
	for (size_t i = 0; tag != NULL && i < ncatalogs; i++)
		if (strcasecmp(catalogs[i].tag, tag) == 0)
			return &catalogs[i];
	return NULL;
}

const char *
i18n_known(const char *tag)
{
	const struct catalog *c = catalog_of(tag);

	return c != NULL ? c->tag : NULL;
}

size_t
i18n_count(void)
{
	return ncatalogs;
}

const char *
i18n_tag(size_t i)
{
	return i < ncatalogs ? catalogs[i].tag : NULL;
}

const char *
i18n_text(const char *lang, const char *msgid)
{
	const struct catalog	*c = catalog_of(lang);
	uint32_t		 lo = 0, hi;

	if (c == NULL || c->data == NULL || msgid == NULL || *msgid == '\0')
		return msgid;
	for (hi = c->n; lo < hi; ) {
		uint32_t	 mid = lo + (hi - lo) / 2;
		int		 cmp = strcmp(msgid, string_at(c, c->orig,
				    mid));
		const char	*s;

		if (cmp == 0) {
			s = string_at(c, c->trans, mid);
			return *s != '\0' ? s : msgid;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return msgid;
}

/* The q-value of one Accept-Language range's parameters; 1 if none. */
static double
quality(const char *params)
{
	const char	*q = strstr(params, "q=");
	char		*end;
	double		 v;

	if (q == NULL)
		return 1.0;
	v = strtod(q + 2, &end);
	return end == q + 2 || v < 0 || v > 1 ? 0 : v;
}

const char *
i18n_accept(const char *header)
{
	const char	*best = NULL;
	double		 best_q = 0;
	char		 range[64];

	while (header != NULL && *header != '\0') {
		size_t		 n = strcspn(header, ",");
		const char	*semi, *r = range;
		size_t		 tag_len;
		double		 q;

		snprintf(range, sizeof range, "%.*s", (int)(n < 63 ? n : 63),
		    header);
		header += n + (header[n] == ',');
		semi = strchr(range, ';');
		q = quality(semi != NULL ? semi : "");
		while (*r == ' ')
			r++;
		tag_len = strcspn(r, ";- ");
		/* "ko-KR" asks for Korean: its first subtag names it. */
		for (size_t i = 0; i < ncatalogs; i++) {
			size_t len = strlen(catalogs[i].tag);

			if (strncasecmp(r, catalogs[i].tag, len) != 0 ||
			    (r[len] != '\0' && r[len] != ';' && r[len] != ' ' &&
			    !(r[len] == '-' && tag_len == len)))
				continue;
			if (q > best_q) {
				best = catalogs[i].tag;
				best_q = q;
			}
		}
	}
	return best;
}
