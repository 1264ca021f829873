/* request: one HTTP request as FastCGI hands it over, decoded and validated. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uriparser/Uri.h>

#include "i18n.h"
#include "multipart.h"
#include "request.h"
#include "utf8.h"

static const struct {
	const char	*name;
	enum method	 method;
} methods[] = {
	{ "GET", M_GET }, { "HEAD", M_HEAD }, { "POST", M_POST },
	{ "PUT", M_PUT }, { "PATCH", M_PATCH }, { "DELETE", M_DELETE },
	{ "OPTIONS", M_OPTIONS },
};

enum method
method_from_name(const char *s)
{
	for (size_t i = 0; s != NULL && i < sizeof methods / sizeof methods[0];
	    i++)
		if (strcmp(methods[i].name, s) == 0)
			return methods[i].method;
	return M_OTHER;
}

/*
 * uriparser decodes leniently (a stray '%' passes through), so the raw
 * text is checked first: every escape two hex digits, and no escape that
 * would put a NUL byte into a C string.
 */
static int
escapes_valid(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\0')
			return 0;
		if (s[i] != '%')
			continue;
		if (len - i < 3 || !isxdigit((unsigned char)s[i + 1]) ||
		    !isxdigit((unsigned char)s[i + 2]))
			return 0;
		if (s[i + 1] == '0' && s[i + 2] == '0')
			return 0;
	}
	return 1;
}

static int
params_add(struct params *p, const char *name, size_t nlen, const char *value,
    size_t vlen)
{
	struct param	*v;

	if ((v = realloc(p->v, (p->n + 1) * sizeof *v)) == NULL)
		return -1;
	p->v = v;
	v = &p->v[p->n];
	v->name = strndup(name, nlen);
	v->value = strndup(value, vlen);
	if (v->name == NULL || v->value == NULL) {
		free(v->name);
		free(v->value);
		return -1;
	}
	p->n++;
	return 0;
}

int
params_parse_form(struct params *p, const char *s, size_t len,
    const char **why)
{
	UriQueryListA	*list = NULL, *it;
	int		 count = 0, rc = 0;

	if (len == 0)
		return 0;
	if (!escapes_valid(s, len)) {
		*why = "malformed percent-encoding";
		return 400;
	}
	if (uriDissectQueryMallocExA(&list, &count, s, s + len, URI_TRUE,
	    URI_BR_DONT_TOUCH) != URI_SUCCESS) {
		*why = "malformed query";
		return 400;
	}
	if (count > REQ_MAX_PARAMS) {
		*why = "too many parameters";
		rc = 400;
		goto out;
	}
	for (it = list; it != NULL; it = it->next) {
		const char	*value = it->value != NULL ? it->value : "";
		size_t		 nlen = strlen(it->key), vlen = strlen(value);

		if (nlen == 0)
			continue;	/* "a=1&&b=2": nothing to keep */
		if (!utf8_valid(it->key, nlen) || !utf8_valid(value, vlen)) {
			*why = "parameter is not valid UTF-8";
			rc = 400;
			goto out;
		}
		if (params_add(p, it->key, nlen, value, vlen) == -1) {
			*why = "out of memory";
			rc = 500;
			goto out;
		}
	}
out:
	uriFreeQueryListA(list);
	return rc;
}

/* RFC 6265 cookie-name: a token. */
static int
cookie_name_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

int
params_parse_cookies(struct params *p, const char *h, const char **why)
{
	while (h != NULL && *h != '\0') {
		const char	*name, *value, *end;
		size_t		 nlen, vlen;

		while (*h == ' ' || *h == '\t' || *h == ';')
			h++;
		name = h;
		while (cookie_name_char((unsigned char)*h))
			h++;
		nlen = (size_t)(h - name);
		if (*h != '=' || nlen == 0) {
			h += strcspn(h, ";");	/* malformed: skip the pair */
			continue;
		}
		value = ++h;
		h += strcspn(h, ";");
		end = h;
		while (end > value && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end - value >= 2 && value[0] == '"' && end[-1] == '"') {
			value++;
			end--;
		}
		vlen = (size_t)(end - value);
		if (!utf8_valid(value, vlen))
			continue;
		if (p->n >= REQ_MAX_COOKIES)
			break;	/* others' cookies on a shared host: ignore */
		if (params_add(p, name, nlen, value, vlen) == -1) {
			*why = "out of memory";
			return 500;
		}
	}
	return 0;
}

int
params_append(struct params *p, const char *name, const char *value)
{
	return params_add(p, name, strlen(name), value, strlen(value));
}

int
params_set(struct params *p, const char *name, const char *value)
{
	char *copy;

	for (size_t i = 0; i < p->n; i++) {
		if (strcmp(p->v[i].name, name) != 0)
			continue;
		if ((copy = strdup(value)) == NULL)
			return -1;
		free(p->v[i].value);
		p->v[i].value = copy;
		return 0;
	}
	return params_append(p, name, value);
}

const char *
params_get(const struct params *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].name, name) == 0)
			return p->v[i].value;
	return NULL;
}

size_t
params_count(const struct params *p, const char *name)
{
	size_t	n = 0;

	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].name, name) == 0)
			n++;
	return n;
}

int
params_has(const struct params *p, const char *name, const char *value)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].name, name) == 0 &&
		    strcmp(p->v[i].value, value) == 0)
			return 1;
	return 0;
}

void
params_free(struct params *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].name);
		free(p->v[i].value);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

char *
path_decode(const char *raw, size_t len, const char **why)
{
	char	*path;

	if (len == 0 || raw[0] != '/') {
		*why = "the path must start with '/'";
		return NULL;
	}
	if (!escapes_valid(raw, len)) {
		*why = "malformed percent-encoding in the path";
		return NULL;
	}
	if (memmem(raw, len, "%2f", 3) != NULL ||
	    memmem(raw, len, "%2F", 3) != NULL) {
		*why = "an encoded slash (%2F) in the path";
		return NULL;
	}
	if ((path = strndup(raw, len)) == NULL) {
		*why = "out of memory";
		return NULL;
	}
	uriUnescapeInPlaceExA(path, URI_FALSE, URI_BR_DONT_TOUCH);
	if (!utf8_valid(path, strlen(path))) {
		*why = "the path is not valid UTF-8";
		free(path);
		return NULL;
	}
	return path;
}

char *
url_encode(const char *s)
{
	char	*out;

	/* uriparser needs room for every byte as %XX, plus the NUL. */
	if ((out = malloc(strlen(s) * 3 + 1)) == NULL)
		return NULL;
	uriEscapeA(s, out, URI_FALSE, URI_FALSE);
	return out;
}

const char *
req_env(const struct req *r, const char *name)
{
	size_t	n = strlen(name);

	for (char * const *e = r->env; e != NULL && *e != NULL; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

int
req_unchanged(const struct req *r, const char *etag)
{
	const char	*h = req_env(r, "HTTP_IF_NONE_MATCH");
	size_t		 n = strlen(etag);

	if (h == NULL)
		return 0;
	if (strcmp(h, "*") == 0)
		return 1;
	for (const char *p = strstr(h, etag); p != NULL; p = strstr(p + 1,
	    etag))
		if (p[n] == '\0' || p[n] == ',' || p[n] == ' ')
			return 1;
	return 0;
}

long long
req_content_length(const struct req *r)
{
	const char	*s = req_env(r, "CONTENT_LENGTH");
	char		*end;
	long long	 n;

	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0 || !isdigit((unsigned char)*s))
		return -1;
	return n;
}

/* Accepts the gateway's id only if it is short and harmless to log. */
static void
set_request_id(struct req *r)
{
	const char	*id = req_env(r, "HTTP_X_REQUEST_ID");
	size_t		 n;

	r->rid[0] = '\0';
	if (id == NULL || (n = strlen(id)) == 0 || n >= sizeof r->rid ||
	    strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-_.") != n)
		return;
	memcpy(r->rid, id, n + 1);
}

int
req_parse(struct req *r, char * const *env)
{
	const char	*uri, *q, *cookie;
	size_t		 plen;
	int		 rc;

	r->env = env;
	set_request_id(r);
	r->method_name = req_env(r, "REQUEST_METHOD");
	r->method = method_from_name(r->method_name);
	if ((uri = req_env(r, "REQUEST_URI")) == NULL || *uri == '\0') {
		r->error = "no request URI";
		return 400;
	}
	q = strchr(uri, '?');
	plen = q != NULL ? (size_t)(q - uri) : strlen(uri);
	if (plen > REQ_MAX_PATH || (q != NULL && strlen(q + 1) > REQ_MAX_QUERY)) {
		r->error = N_("the address is too long");
		return 414;
	}
	if ((r->path = path_decode(uri, plen, &r->error)) == NULL)
		return strcmp(r->error, "out of memory") == 0 ? 500 : 400;
	if (q != NULL &&
	    (rc = params_parse_form(&r->query, q + 1, strlen(q + 1),
	    &r->error)) != 0)
		return rc;
	if ((cookie = req_env(r, "HTTP_COOKIE")) != NULL &&
	    (rc = params_parse_cookies(&r->cookies, cookie, &r->error)) != 0)
		return rc;
	return 0;
}

int
req_set_body(struct req *r, char *body, size_t len)
{
	const char	*type = req_env(r, "CONTENT_TYPE");
	size_t		 tlen;

	r->body = body;
	r->body_len = len;
	if (len == 0)
		return 0;
	if (type == NULL || *type == '\0') {
		r->error = N_("a request body needs a Content-Type");
		return 415;
	}
	tlen = strcspn(type, "; \t");
	if (tlen == strlen("application/x-www-form-urlencoded") &&
	    strncasecmp(type, "application/x-www-form-urlencoded", tlen) == 0) {
		if (strlen(body) != len) {
			r->error = N_("NUL byte in the form body");
			return 400;
		}
		return params_parse_form(&r->form, body, len, &r->error);
	}
	if (tlen == strlen("multipart/form-data") &&
	    strncasecmp(type, "multipart/form-data", tlen) == 0) {
		if ((r->files = calloc(1, sizeof *r->files)) == NULL) {
			r->error = "out of memory";
			return 500;
		}
		return multipart_parse(type, body, len, &r->form, r->files,
		    &r->error);
	}
	return 0;	/* other types (JSON, images) are read by handlers */
}

const char *
req_errorf(struct req *r, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(r->error_buf, sizeof r->error_buf, i18n_text(r->lang, fmt),
	    ap);
	va_end(ap);
	return r->error = r->error_buf;
}

/* Records message (in the reader's language already) at field. */
static void	record_field_error(struct req *, const char *, const char *);

int
req_refuse(struct req *r, int status, const char *message, const char *field)
{
	if (message != r->error_buf)
		snprintf(r->error_buf, sizeof r->error_buf, "%s",
		    message != NULL ? i18n_text(r->lang, message) : "");
	r->error = r->error_buf;
	r->error_field = field;
	r->refused = 1;
	if (field != NULL)
		record_field_error(r, field, r->error);
	return status;
}

void
req_field_error(struct req *r, const char *field, const char *message)
{
	record_field_error(r, field, i18n_text(r->lang, message));
}

static void
record_field_error(struct req *r, const char *field, const char *message)
{
	struct req_errors *e = &r->errors;

	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->v[i].field, field) == 0)
			return;		/* the first word on a field stands */
	if (e->n < REQ_MAX_ERRORS) {
		e->v[e->n].field = field;
		snprintf(e->v[e->n].message, sizeof e->v[e->n].message, "%s",
		    message);
		e->n++;
	}
}

void
req_free(struct req *r)
{
	free(r->path);
	params_free(&r->query);
	params_free(&r->form);
	params_free(&r->cookies);
	uploads_free(r->files);
	free(r->files);
	free(r->body);
	free(r->headers);
}
