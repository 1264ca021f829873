/* multipart: form-data bodies (RFC 7578), as forms with a file send them. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "multipart.h"
#include "utf8.h"

#define NOT_MULTIPART	N_("the form is not sent as multipart/form-data")
#define NO_BOUNDARY	N_("the form has no valid boundary")
#define NO_START	N_("the form does not start with its boundary")
#define NO_END		N_("the form does not end with its last boundary")
#define BAD_DELIMITER	N_("a boundary line of the form is malformed")
#define BAD_HEADERS	N_("a part of the form has malformed headers")
#define BIG_HEADERS	N_("a part of the form has headers over 8 KiB")
#define NO_NAME		N_("a part of the form has no form-data name")
#define MANY_PARTS	N_("the form has too many parts")
#define NOT_UTF8	N_("a field of the form is not valid UTF-8 text")
#define ENCODED		N_("a part of the form has a transfer encoding")
#define NO_MEMORY	N_("out of memory")

/* A parameter of a header value: name=value, the value quoted or not. */
struct hparam {
	const char	*name;
	size_t		 nlen;
	const char	*value;		/* within its quotes, if any */
	size_t		 vlen;
};

/* RFC 9110 tchar: what a header's or a parameter's name is made of. */
static int
tchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static const char *
skip_ows(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

/* 1 if s[0..n) is word, case aside. */
static int
word_is(const char *s, size_t n, const char *word)
{
	return n == strlen(word) && strncasecmp(s, word, n) == 0;
}

/*
 * The next "; name=value" of a header value at *sp (before end), with
 * whitespace around; a ';' at the end is allowed.  Returns 1 with it in
 * *hp and *sp after it, 0 at the end, -1 when malformed.
 */
static int
param_next(const char **sp, const char *end, struct hparam *hp)
{
	const char	*s = skip_ows(*sp, end);

	if (s == end)
		return 0;
	if (*s != ';')
		return -1;
	if ((s = skip_ows(s + 1, end)) == end) {
		*sp = s;
		return 0;
	}
	for (hp->name = s; s < end && tchar((unsigned char)*s); s++)
		;
	if ((hp->nlen = (size_t)(s - hp->name)) == 0)
		return -1;
	s = skip_ows(s, end);
	if (s == end || *s != '=')
		return -1;
	s = skip_ows(s + 1, end);
	if (s < end && *s == '"') {
		for (hp->value = ++s; s < end && *s != '"'; s++)
			if (*s == '\\' && end - s >= 2 &&
			    (s[1] == '"' || s[1] == '\\'))
				s++;
		if (s == end)
			return -1;
		hp->vlen = (size_t)(s++ - hp->value);
	} else {
		for (hp->value = s; s < end && (unsigned char)*s > ' ' &&
		    *s != ';' && *s != '"' && *s != 0x7f; s++)
			;
		if ((hp->vlen = (size_t)(s - hp->value)) == 0)
			return -1;
	}
	*sp = s;
	return 1;
}

/*
 * hp's value into out (cap bytes with the NUL), its escapes undone.  Only
 * \" and \\ are escapes: browsers percent-encode a quote in a name
 * (%22) and send a backslash as it is, so "C:\photos\a.jpg" stays whole.
 * Returns the length, or -1 if it does not fit.
 */
static long
param_copy(const struct hparam *hp, char *out, size_t cap)
{
	size_t	n = 0;

	for (size_t i = 0; i < hp->vlen; i++) {
		if (hp->value[i] == '\\' && i + 1 < hp->vlen &&
		    (hp->value[i + 1] == '"' || hp->value[i + 1] == '\\'))
			i++;
		if (n + 1 >= cap)
			return -1;
		out[n++] = hp->value[i];
	}
	out[n] = '\0';
	return (long)n;
}

/* hp's value as a new string (NULL: out of memory). */
static char *
param_dup(const struct hparam *hp)
{
	char	*s;

	if ((s = malloc(hp->vlen + 1)) != NULL)
		param_copy(hp, s, hp->vlen + 1);
	return s;
}

/* RFC 2046 bchars: what a boundary is made of; it does not end in a space. */
static int
boundary_valid(const char *b, size_t n)
{
	static const char	 other[] = "'()+_,-./:=? ";

	if (n == 0 || n > MULTIPART_MAX_BOUNDARY || b[n - 1] == ' ')
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b[i];

		if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
		    !(c >= 'A' && c <= 'Z') && strchr(other, c) == NULL)
			return 0;
	}
	return 1;
}

/* The boundary of content_type into b (room for 70 and the NUL). */
static int
content_boundary(const char *ct, char *b, size_t *blen, const char **why)
{
	struct hparam	 hp;
	const char	*s, *t, *end;
	long		 n = -1;
	int		 r;

	if (ct == NULL) {
		*why = NOT_MULTIPART;
		return 415;
	}
	end = ct + strlen(ct);
	s = skip_ows(ct, end);
	for (t = s; t < end && *t != ';' && *t != ' ' && *t != '\t'; t++)
		;
	if (!word_is(s, (size_t)(t - s), "multipart/form-data")) {
		*why = NOT_MULTIPART;
		return 415;
	}
	while ((r = param_next(&t, end, &hp)) == 1) {
		if (!word_is(hp.name, hp.nlen, "boundary"))
			continue;
		if (n != -1)	/* which one would the sender mean? */
			break;
		n = param_copy(&hp, b, MULTIPART_MAX_BOUNDARY + 1);
		if (n == -1)
			break;
	}
	if (r != 0 || n == -1 || !boundary_valid(b, (size_t)n)) {
		*why = NO_BOUNDARY;
		return 400;
	}
	*blen = (size_t)n;
	return 0;
}

/* What a part's header lines say. */
struct part_head {
	char	*field;
	char	*filename;
	char	*type;
	int	 disposition;
};

static void
part_head_free(struct part_head *h)
{
	free(h->field);
	free(h->filename);
	free(h->type);
	memset(h, 0, sizeof *h);
}

/* Content-Disposition: form-data; name="..."[; filename="..."]. */
static int
disposition(const char *s, const char *end, struct part_head *h,
    const char **why)
{
	struct hparam	 hp;
	const char	*t;
	char		**to;
	int		 r;

	for (t = s; t < end && *t != ';' && *t != ' ' && *t != '\t'; t++)
		;
	if (h->disposition++ || !word_is(s, (size_t)(t - s), "form-data")) {
		*why = NO_NAME;
		return 400;
	}
	while ((r = param_next(&t, end, &hp)) == 1) {
		if (word_is(hp.name, hp.nlen, "name"))
			to = &h->field;
		else if (word_is(hp.name, hp.nlen, "filename"))
			to = &h->filename;
		else
			continue;	/* filename* is not for forms (7578) */
		if (*to != NULL) {
			*why = BAD_HEADERS;
			return 400;
		}
		if ((*to = param_dup(&hp)) == NULL) {
			*why = NO_MEMORY;
			return 500;
		}
	}
	if (r == -1) {
		*why = BAD_HEADERS;
		return 400;
	}
	return 0;
}

/*
 * One header line s[0..n) (without its CRLF) into h.  Other headers than
 * these three are ignored.
 */
static int
header_line(const char *s, size_t n, struct part_head *h, const char **why)
{
	const char	*end = s + n, *colon, *v, *ve;

	/* No NUL, no bare CR or LF, no folded line: a control refuses it. */
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') ||
		    s[i] == 0x7f) {
			*why = BAD_HEADERS;
			return 400;
		}
	for (colon = s; colon < end && tchar((unsigned char)*colon); colon++)
		;
	if (colon == s || colon == end || *colon != ':') {
		*why = BAD_HEADERS;
		return 400;
	}
	v = skip_ows(colon + 1, end);
	for (ve = end; ve > v && (ve[-1] == ' ' || ve[-1] == '\t'); ve--)
		;
	if (word_is(s, (size_t)(colon - s), "Content-Disposition"))
		return disposition(v, ve, h, why);
	if (word_is(s, (size_t)(colon - s), "Content-Type")) {
		if (h->type != NULL) {
			*why = BAD_HEADERS;
			return 400;
		}
		if ((h->type = strndup(v, (size_t)(ve - v))) == NULL) {
			*why = NO_MEMORY;
			return 500;
		}
		return 0;
	}
	/* RFC 7578 4.7: senders do not encode; the data is the file. */
	if (word_is(s, (size_t)(colon - s), "Content-Transfer-Encoding") &&
	    !word_is(v, (size_t)(ve - v), "binary") &&
	    !word_is(v, (size_t)(ve - v), "8bit") &&
	    !word_is(v, (size_t)(ve - v), "7bit")) {
		*why = ENCODED;
		return 400;
	}
	return 0;
}

/* Appends u to got; 0 or -1. */
static int
uploads_add(struct uploads *got, const struct upload *u)
{
	struct upload	*v;

	if ((v = realloc(got->v, (got->n + 1) * sizeof *v)) == NULL)
		return -1;
	got->v = v;
	got->v[got->n++] = *u;
	return 0;
}

/*
 * One part, p[0..len) between its delimiters: header lines, a blank line,
 * the data.  A text field goes to form, a file to got.
 */
static int
part(const char *p, size_t len, struct params *form, struct uploads *got,
    const char **why)
{
	struct part_head	 h = { NULL, NULL, NULL, 0 };
	struct upload		 u;
	const char		*blank, *data, *s, *eol;
	size_t			 hlen, window;
	char			*value = NULL;
	int			 rc = 0;

	/* Header lines, each ending in CRLF, up to a blank line. */
	window = len < MULTIPART_MAX_HEADERS + 4 ? len :
	    MULTIPART_MAX_HEADERS + 4;
	if (len >= 2 && p[0] == '\r' && p[1] == '\n') {
		hlen = 0;		/* no headers at all */
		data = p + 2;
	} else if ((blank = memmem(p, window, "\r\n\r\n", 4)) != NULL) {
		hlen = (size_t)(blank - p) + 2;
		data = blank + 4;
	} else if (len <= MULTIPART_MAX_HEADERS && len >= 2 &&
	    p[len - 2] == '\r' && p[len - 1] == '\n') {
		hlen = len;		/* headers, and no data (RFC 2046) */
		data = p + len;
	} else {
		*why = len > MULTIPART_MAX_HEADERS ? BIG_HEADERS : BAD_HEADERS;
		return 400;
	}
	if (hlen > MULTIPART_MAX_HEADERS) {
		*why = BIG_HEADERS;
		return 400;
	}
	if (!utf8_valid(p, hlen)) {
		*why = BAD_HEADERS;
		return 400;
	}
	for (s = p; s < p + hlen; s = eol + 2) {
		eol = memmem(s, (size_t)(p + hlen - s), "\r\n", 2);
		if ((rc = header_line(s, (size_t)(eol - s), &h, why)) != 0)
			goto out;
	}
	if (!h.disposition || h.field == NULL || h.field[0] == '\0') {
		*why = NO_NAME;
		rc = 400;
		goto out;
	}

	len -= (size_t)(data - p);
	if (h.filename != NULL) {
		u.field = h.field;
		u.filename = h.filename;
		u.type = h.type;
		u.data = (const unsigned char *)data;
		u.len = len;
		if (uploads_add(got, &u) == -1) {
			*why = NO_MEMORY;
			rc = 500;
			goto out;
		}
		memset(&h, 0, sizeof h);	/* got owns the strings */
		goto out;
	}
	if (memchr(data, '\0', len) != NULL || !utf8_valid(data, len)) {
		*why = NOT_UTF8;
		rc = 400;
		goto out;
	}
	if ((value = strndup(data, len)) == NULL ||
	    params_append(form, h.field, value) == -1) {
		*why = NO_MEMORY;
		rc = 500;
	}
out:
	free(value);
	part_head_free(&h);
	return rc;
}

int
multipart_parse(const char *content_type, const char *body, size_t len,
    struct params *form, struct uploads *files, const char **why)
{
	struct uploads	 got = { NULL, 0 };
	struct upload	*v;
	char		 delim[4 + MULTIPART_MAX_BOUNDARY + 1] = "\r\n--";
	const char	*p, *next, *end = body + len;
	size_t		 dlen, form_n = form->n, parts = 0;
	int		 rc;

	if ((rc = content_boundary(content_type, delim + 4, &dlen, why)) != 0)
		return rc;
	dlen += 4;

	/* The first delimiter may open the body, without its CRLF. */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		p = body + dlen - 2;
	else if (len > 0 && (p = memmem(body, len, delim, dlen)) != NULL)
		p += dlen;		/* after a preamble */
	else {
		*why = NO_START;
		rc = 400;
		goto out;
	}
	/* p is just after a delimiter: "--" closes, else padding and CRLF. */
	while (end - p < 2 || p[0] != '-' || p[1] != '-') {
		p = skip_ows(p, end);
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n') {
			*why = p == end ? NO_END : BAD_DELIMITER;
			rc = 400;
			goto out;
		}
		p += 2;
		if (++parts > REQ_MAX_PARAMS) {
			*why = MANY_PARTS;
			rc = 400;
			goto out;
		}
		next = memmem(p, (size_t)(end - p), delim, dlen);
		if (next == NULL) {
			*why = NO_END;
			rc = 400;
			goto out;
		}
		if ((rc = part(p, (size_t)(next - p), form, &got, why)) != 0)
			goto out;
		p = next + dlen;
	}
	/* What follows the close delimiter is the epilogue, ignored. */

	if (got.n > 0) {
		if ((v = realloc(files->v, (files->n + got.n) * sizeof *v)) ==
		    NULL) {
			*why = NO_MEMORY;
			rc = 500;
			goto out;
		}
		files->v = v;
		memcpy(files->v + files->n, got.v, got.n * sizeof *v);
		files->n += got.n;
		free(got.v);
		got.v = NULL;
		got.n = 0;
	}
out:
	uploads_free(&got);
	if (rc != 0) {
		for (size_t i = form_n; i < form->n; i++) {
			free(form->v[i].name);
			free(form->v[i].value);
		}
		form->n = form_n;
	}
	return rc;
}

const struct upload *
uploads_get(const struct uploads *u, const char *field)
{
	for (size_t i = 0; u != NULL && i < u->n; i++)
		if (strcmp(u->v[i].field, field) == 0)
			return &u->v[i];
	return NULL;
}

void
uploads_free(struct uploads *u)
{
	if (u == NULL)
		return;
	for (size_t i = 0; i < u->n; i++) {
		free(u->v[i].field);
		free(u->v[i].filename);
		free(u->v[i].type);
	}
	free(u->v);
	u->v = NULL;
	u->n = 0;
}
