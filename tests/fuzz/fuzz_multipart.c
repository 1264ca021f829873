/*
 * Fuzzes multipart_parse: the input's first line is the Content-Type, the
 * rest the body.  What is accepted is UTF-8 text and files that lie within
 * the body; written out again as a browser would, it comes back the same.
 */
#include "fuzz.h"

#include "multipart.h"
#include "request.h"
#include "utf8.h"

#define BOUNDARY	"fuzz-7Qx3-boundary"

struct out {
	char	*s;
	size_t	 len, cap;
};

static void
put(struct out *o, const void *p, size_t n)
{
	if (o->len + n > o->cap) {
		o->cap = (o->len + n) * 2 + 64;
		if ((o->s = realloc(o->s, o->cap)) == NULL) {
			fprintf(stderr, "fuzz: out of memory\n");
			abort();
		}
	}
	memcpy(o->s + o->len, p, n);
	o->len += n;
}

static void
puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* s as a quoted parameter value: \ and " escaped. */
static void
put_quoted(struct out *o, const char *s)
{
	puts_(o, "\"");
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			puts_(o, "\\");
		put(o, s, 1);
	}
	puts_(o, "\"");
}

/*
 * 1 if the boundary's delimiter is nowhere in p[0..n), nor made by the
 * CRLF that goes before it (the blank line) and its start.
 */
static int
clear(const void *p, size_t n)
{
	const size_t	dlen = strlen("\r\n--" BOUNDARY);

	return memmem(p, n, "\r\n--" BOUNDARY, dlen) == NULL &&
	    (n < dlen - 2 || memcmp(p, "--" BOUNDARY, dlen - 2) != 0);
}

/*
 * The fields, then the files, written out as one body, parsed again: the
 * same pairs and files in the same order.  Skipped when a value holds
 * the delimiter.
 */
static void
round_trip(const struct params *form, const struct uploads *files)
{
	struct out	 o = { NULL, 0, 0 };
	struct params	 form2 = { NULL, 0 };
	struct uploads	 files2 = { NULL, 0 };
	const char	*why = NULL;

	for (size_t i = 0; i < form->n; i++) {
		if (!clear(form->v[i].value, strlen(form->v[i].value)))
			goto out;
		puts_(&o, "--" BOUNDARY "\r\nContent-Disposition: form-data; "
		    "name=");
		put_quoted(&o, form->v[i].name);
		puts_(&o, "\r\n\r\n");
		puts_(&o, form->v[i].value);
		puts_(&o, "\r\n");
	}
	for (size_t i = 0; i < files->n; i++) {
		const struct upload *u = &files->v[i];

		if (!clear(u->data, u->len))
			goto out;
		puts_(&o, "--" BOUNDARY "\r\nContent-Disposition: form-data; "
		    "name=");
		put_quoted(&o, u->field);
		puts_(&o, "; filename=");
		put_quoted(&o, u->filename);
		if (u->type != NULL) {
			puts_(&o, "\r\nContent-Type: ");
			puts_(&o, u->type);
		}
		puts_(&o, "\r\n\r\n");
		put(&o, u->data, u->len);
		puts_(&o, "\r\n");
	}
	puts_(&o, "--" BOUNDARY "--\r\n");

	FUZZ_CHECK(multipart_parse("multipart/form-data; boundary=" BOUNDARY,
	    o.s, o.len, &form2, &files2, &why) == 0);
	FUZZ_CHECK(form2.n == form->n && files2.n == files->n);
	for (size_t i = 0; i < form->n; i++) {
		FUZZ_CHECK(strcmp(form2.v[i].name, form->v[i].name) == 0);
		FUZZ_CHECK(strcmp(form2.v[i].value, form->v[i].value) == 0);
	}
	for (size_t i = 0; i < files->n; i++) {
		const struct upload *a = &files->v[i], *b = &files2.v[i];

		FUZZ_CHECK(strcmp(a->field, b->field) == 0);
		FUZZ_CHECK(strcmp(a->filename, b->filename) == 0);
		FUZZ_CHECK((a->type == NULL) == (b->type == NULL));
		FUZZ_CHECK(a->type == NULL || strcmp(a->type, b->type) == 0);
		FUZZ_CHECK(a->len == b->len);
		FUZZ_CHECK(a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
	}
out:
	params_free(&form2);
	uploads_free(&files2);
	free(o.s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t	*nl = memchr(data, '\n', size);
	size_t		 tlen = nl != NULL ? (size_t)(nl - data) : size;
	size_t		 len = nl != NULL ? size - tlen - 1 : 0;
	struct params	 form = { NULL, 0 };
	struct uploads	 files = { NULL, 0 };
	const char	*why = NULL;
	char		*type, *body;
	int		 rc;

	type = fuzz_str(data, tlen);
	/* A buffer of the body's size: a read beyond it is caught. */
	body = fuzz_alloc(len);
	if (len > 0)
		memcpy(body, nl + 1, len);
	rc = multipart_parse(type, body, len, &form, &files, &why);
	FUZZ_CHECK(rc == 0 || rc == 400 || rc == 415 || rc == 500);
	if (rc != 0) {
		FUZZ_CHECK(why != NULL);
		FUZZ_CHECK(form.n == 0 && files.n == 0 && files.v == NULL);
		goto out;
	}
	FUZZ_CHECK(form.n + files.n <= REQ_MAX_PARAMS);
	for (size_t i = 0; i < form.n; i++) {
		const struct param *p = &form.v[i];

		FUZZ_CHECK(p->name[0] != '\0');
		FUZZ_CHECK(utf8_valid(p->name, strlen(p->name)));
		FUZZ_CHECK(utf8_valid(p->value, strlen(p->value)));
	}
	for (size_t i = 0; i < files.n; i++) {
		const struct upload *u = &files.v[i];

		FUZZ_CHECK(u->field[0] != '\0');
		FUZZ_CHECK(utf8_valid(u->field, strlen(u->field)));
		FUZZ_CHECK(utf8_valid(u->filename, strlen(u->filename)));
		FUZZ_CHECK(u->type == NULL ||
		    utf8_valid(u->type, strlen(u->type)));
		FUZZ_CHECK((const char *)u->data >= body &&
		    u->len <= len &&
		    (size_t)((const char *)u->data - body) <= len - u->len);
		FUZZ_CHECK(uploads_get(&files, u->field) <= u);
	}
	round_trip(&form, &files);
out:
	params_free(&form);
	uploads_free(&files);
	free(body);
	free(type);
	return 0;
}
