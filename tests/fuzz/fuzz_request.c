/*
 * Fuzzes a request as a whole, the way the dispatcher reads it: req_parse
 * on FastCGI parameters, then req_set_body, then the API's paging query
 * (input_query with booking_list_query).
 * The input is "NAME=value" lines, an empty line, then the body.
 */
#include "fuzz.h"

#include "fields.h"
#include "input.h"
#include "request.h"
#include "utf8.h"

#define MAX_ENV	32

/* Splits the input into env (malloc'd lines) and the body after "\n\n". */
static size_t
split(const uint8_t *data, size_t size, char **env, char **body,
    size_t *blen)
{
	const char	*s = (const char *)data, *end = s + size, *nl;
	size_t		 n = 0, len;

	while (s < end && *s != '\n') {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		len = strnlen(s, (size_t)(nl - s));	/* C strings end at NUL */
		if (n < MAX_ENV) {
			env[n] = fuzz_alloc(len + 1);
			memcpy(env[n], s, len);
			env[n++][len] = '\0';
		}
		s = nl < end ? nl + 1 : end;
	}
	env[n] = NULL;
	if (s < end)
		s++;			/* the empty line */
	/* As app.c reads it: malloc'd, NUL-terminated, NUL bytes kept. */
	*blen = (size_t)(end - s);
	*body = fuzz_alloc(*blen + 1);
	memcpy(*body, s, *blen);
	(*body)[*blen] = '\0';
	return n;
}

static void
check_params(const struct params *p, size_t max)
{
	FUZZ_CHECK(p->n <= max);
	for (size_t i = 0; i < p->n; i++) {
		FUZZ_CHECK(p->v[i].name[0] != '\0');
		FUZZ_CHECK(utf8_valid(p->v[i].name, strlen(p->v[i].name)));
		FUZZ_CHECK(utf8_valid(p->v[i].value, strlen(p->v[i].value)));
	}
}

static void
check_parsed(struct req *r)
{
	struct input	in;
	long long	after, limit;
	size_t		n = strlen(r->rid);

	FUZZ_CHECK(r->path != NULL && r->path[0] == '/');
	FUZZ_CHECK(strlen(r->path) <= REQ_MAX_PATH);
	FUZZ_CHECK(utf8_valid(r->path, strlen(r->path)));
	FUZZ_CHECK(r->method == method_from_name(r->method_name));
	FUZZ_CHECK(strspn(r->rid, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == n);
	check_params(&r->query, REQ_MAX_PARAMS);
	check_params(&r->form, REQ_MAX_PARAMS);
	check_params(&r->cookies, REQ_MAX_COOKIES);
	FUZZ_CHECK(!r->refused && r->errors.n == 0);
	if (input_query(r, booking_list_query, &in) == 0) {
		after = input_int(&in, "after");
		limit = input_int(&in, "limit");
		FUZZ_CHECK(after >= 0 && after <= 999999999999999999LL &&
		    limit >= 1 && limit <= API_PAGE_MAX);
		if (!input_given(&in, "limit"))
			FUZZ_CHECK(limit == 100);
		FUZZ_CHECK(!r->refused && r->error == NULL);
	} else {
		FUZZ_CHECK(r->refused && r->error != NULL);
		FUZZ_CHECK(r->error_field != NULL &&
		    input_field_of(booking_list_query, r->error_field) != NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*env[MAX_ENV + 1], *body;
	struct req	 r;
	size_t		 n, blen;
	long long	 clen;
	int		 rc;

	n = split(data, size, env, &body, &blen);
	memset(&r, 0, sizeof r);
	if ((rc = req_parse(&r, env)) == 0) {
		/* A length is read only from digits, no sign or blank. */
		if ((clen = req_content_length(&r)) > 0)
			FUZZ_CHECK(strspn(req_env(&r, "CONTENT_LENGTH"),
			    "0123456789") ==
			    strlen(req_env(&r, "CONTENT_LENGTH")));
		rc = req_set_body(&r, body, blen);	/* r owns body now */
	} else
		free(body);
	FUZZ_CHECK(rc == 0 || rc == 400 || rc == 414 || rc == 415 ||
	    rc == 500);
	if (rc != 0)
		FUZZ_CHECK(r.error != NULL);
	else
		check_parsed(&r);
	req_free(&r);
	for (size_t i = 0; i < n; i++)
		free(env[i]);
	return 0;
}
