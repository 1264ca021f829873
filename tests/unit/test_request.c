/* Unit tests of lib/request: form, path and cookie decoding, req_parse, bodies. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"

/* A byte string and its length, so cases may hold NUL bytes. */
#define B(s)	s, sizeof(s) - 1

struct kv {
	const char	*name;
	const char	*value;
};

/* p holds exactly want[0..n), in order. */
static void
assert_params(const struct params *p, const struct kv *want, size_t n)
{
	assert_int_equal(p->n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(p->v[i].name, want[i].name);
		assert_string_equal(p->v[i].value, want[i].value);
	}
}

/* A malloc'd copy of s[0..len), NUL-terminated, as req_set_body wants. */
static char *
body_dup(const char *s, size_t len)
{
	char	*b = malloc(len + 1);

	assert_non_null(b);
	memcpy(b, s, len);
	b[len] = '\0';
	return b;
}

/* A malloc'd NULL-terminated copy of src, so env strings are writable. */
static char **
env_new(const char *const *src)
{
	size_t	 n = 0;
	char	**env;

	while (src[n] != NULL)
		n++;
	env = calloc(n + 1, sizeof *env);
	assert_non_null(env);
	for (size_t i = 0; i < n; i++) {
		env[i] = strdup(src[i]);
		assert_non_null(env[i]);
	}
	return env;
}

static void
env_free(char **env)
{
	for (size_t i = 0; env != NULL && env[i] != NULL; i++)
		free(env[i]);
	free(env);
}

/* "k0=v&k1=v&...": n pairs, malloc'd. */
static char *
many_pairs(size_t n, const char *sep)
{
	size_t	 size = n * 16 + 1, off = 0;
	char	*s = malloc(size);

	assert_non_null(s);
	s[0] = '\0';
	for (size_t i = 0; i < n; i++)
		off += (size_t)snprintf(s + off, size - off, "%sk%zu=v",
		    i == 0 ? "" : sep, i);
	return s;
}

/* params_parse_form */

struct form_case {
	const char	*in;
	size_t		 len;
	int		 want;		/* 0 or the HTTP status */
	const char	*why;		/* part of *why when want != 0 */
	size_t		 n;
	struct kv	 kv[4];
};

static const struct form_case form_cases[] = {
	{ B(""),			0, NULL, 0, { { NULL, NULL } } },
	{ B("a=1&b=2"),			0, NULL, 2, { { "a", "1" }, { "b", "2" } } },
	/* '+' is a space in forms; an encoded '+' stays a plus */
	{ B("q=hello+world"),		0, NULL, 1, { { "q", "hello world" } } },
	{ B("q=1%2B1"),			0, NULL, 1, { { "q", "1+1" } } },
	{ B("a+b=c+d"),			0, NULL, 1, { { "a b", "c d" } } },
	/* escapes, upper and lower case, in names and values */
	{ B("q=%41%42c"),		0, NULL, 1, { { "q", "ABc" } } },
	{ B("%6e%61me=x%2fy%3D"),	0, NULL, 1, { { "name", "x/y=" } } },
	{ B("q=%25"),			0, NULL, 1, { { "q", "%" } } },
	{ B("q=%2541"),			0, NULL, 1, { { "q", "%41" } } },
	/* UTF-8 values: 2, 3 and 4 bytes, escaped and raw */
	{ B("name=J%C3%BCrgen"),	0, NULL, 1, { { "name", "J\xc3\xbcrgen" } } },
	{ B("p=%E2%82%AC5"),		0, NULL, 1, { { "p", "\xe2\x82\xac" "5" } } },
	{ B("e=%F0%9F%98%80"),		0, NULL, 1, { { "e", "\xf0\x9f\x98\x80" } } },
	{ B("t=caf\xc3\xa9"),		0, NULL, 1, { { "t", "caf\xc3\xa9" } } },
	{ B("%C3%A4=1"),		0, NULL, 1, { { "\xc3\xa4", "1" } } },
	/* empty pairs are skipped; a name alone has an empty value */
	{ B("a=1&&b=2"),		0, NULL, 2, { { "a", "1" }, { "b", "2" } } },
	{ B("&a=1&"),			0, NULL, 1, { { "a", "1" } } },
	{ B("&&&"),			0, NULL, 0, { { NULL, NULL } } },
	{ B("flag"),			0, NULL, 1, { { "flag", "" } } },
	{ B("flag&a=1"),		0, NULL, 2, { { "flag", "" }, { "a", "1" } } },
	{ B("a="),			0, NULL, 1, { { "a", "" } } },
	{ B("=x&a=1"),			0, NULL, 1, { { "a", "1" } } },
	{ B("a=1=2"),			0, NULL, 1, { { "a", "1=2" } } },
	/* only s[0..len) is read */
	{ "a=1&b=2", 3,			0, NULL, 1, { { "a", "1" } } },
	{ "a=1%zz", 3,			0, NULL, 1, { { "a", "1" } } },
	/* bad escapes */
	{ B("a=%zz"),			400, "percent", 0, { { NULL, NULL } } },
	{ B("a=%4"),			400, "percent", 0, { { NULL, NULL } } },
	{ B("a=%4g"),			400, "percent", 0, { { NULL, NULL } } },
	{ B("a=%"),			400, "percent", 0, { { NULL, NULL } } },
	{ B("%=a"),			400, "percent", 0, { { NULL, NULL } } },
	{ B("a=1&b=%"),			400, "percent", 0, { { NULL, NULL } } },
	{ B("a=%00"),			400, "percent", 0, { { NULL, NULL } } },
	{ B("%00=a"),			400, "percent", 0, { { NULL, NULL } } },
	{ B("a=x%00y"),			400, "percent", 0, { { NULL, NULL } } },
	{ B("a=1\0b=2"),		400, "percent", 0, { { NULL, NULL } } },
	/* invalid UTF-8, in values and in names */
	{ B("a=%ff"),			400, "UTF-8", 0, { { NULL, NULL } } },
	{ B("a=%c0%af"),		400, "UTF-8", 0, { { NULL, NULL } } },
	{ B("a=%e0%80%af"),		400, "UTF-8", 0, { { NULL, NULL } } },
	{ B("a=%ed%a0%80"),		400, "UTF-8", 0, { { NULL, NULL } } },
	{ B("a=%f4%90%80%80"),		400, "UTF-8", 0, { { NULL, NULL } } },
	{ B("a=%e2%82"),		400, "UTF-8", 0, { { NULL, NULL } } },
	{ B("a=%80"),			400, "UTF-8", 0, { { NULL, NULL } } },
	{ B("a=\xff"),			400, "UTF-8", 0, { { NULL, NULL } } },
	{ B("%ff=1"),			400, "UTF-8", 0, { { NULL, NULL } } },
	{ B("ok=1&a=%c3%28"),		400, "UTF-8", 0, { { NULL, NULL } } },
};

static void
test_form_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof form_cases / sizeof form_cases[0]; i++) {
		const struct form_case	*c = &form_cases[i];
		struct params		 p = { NULL, 0 };
		const char		*why = NULL;
		int			 rc;

		print_message("case %zu: %.*s\n", i, (int)c->len, c->in);
		rc = params_parse_form(&p, c->in, c->len, &why);
		assert_int_equal(rc, c->want);
		if (c->want != 0) {
			assert_non_null(why);
			assert_non_null(strstr(why, c->why));
		} else
			assert_params(&p, c->kv, c->n);
		/* after an error, pairs before the bad one may be left */
		params_free(&p);
		assert_null(p.v);
		assert_int_equal(p.n, 0);
	}
}

static void
test_form_duplicates(void **state)
{
	static const struct kv	 want[] = {
		{ "id", "3" }, { "x", "" }, { "id", "1" }, { "id", "2" },
	};
	struct params		 p = { NULL, 0 };
	const char		*why = NULL;

	(void)state;
	assert_int_equal(params_parse_form(&p, B("id=3&x&id=1&id=2"), &why), 0);
	assert_params(&p, want, 4);
	assert_string_equal(params_get(&p, "id"), "3");
	assert_int_equal(params_count(&p, "id"), 3);
	assert_string_equal(params_get(&p, "x"), "");
	assert_int_equal(params_count(&p, "x"), 1);
	assert_null(params_get(&p, "y"));
	assert_int_equal(params_count(&p, "y"), 0);
	assert_null(params_get(&p, "i"));	/* no prefix match */
	assert_int_equal(params_count(&p, "ID"), 0);	/* case matters */

	/* a second call appends */
	assert_int_equal(params_parse_form(&p, B("id=4"), &why), 0);
	assert_int_equal(p.n, 5);
	assert_string_equal(params_get(&p, "id"), "3");
	assert_int_equal(params_count(&p, "id"), 4);
	assert_string_equal(p.v[4].value, "4");
	params_free(&p);
	params_free(&p);	/* twice is harmless */
}

/* params_set: the first value changes in place, others stay; or appends */
static void
test_params_set(void **state)
{
	struct params	 p = { NULL, 0 };
	const char	*why = NULL;

	(void)state;
	assert_int_equal(params_parse_form(&p, B("t=old&a=1&t=second"), &why),
	    0);
	assert_int_equal(params_set(&p, "t", "new"), 0);
	assert_int_equal(p.n, 3);
	assert_string_equal(params_get(&p, "t"), "new");
	assert_string_equal(p.v[0].name, "t");		/* same place */
	assert_string_equal(p.v[2].value, "second");	/* later ones kept */
	assert_int_equal(params_set(&p, "u", "added"), 0);
	assert_int_equal(p.n, 4);
	assert_string_equal(params_get(&p, "u"), "added");
	params_free(&p);
}

static void
test_form_too_many(void **state)
{
	struct params	 p = { NULL, 0 };
	const char	*why = NULL;
	char		*s;

	(void)state;
	s = many_pairs(REQ_MAX_PARAMS, "&");
	assert_int_equal(params_parse_form(&p, s, strlen(s), &why), 0);
	assert_int_equal(p.n, REQ_MAX_PARAMS);
	assert_string_equal(p.v[REQ_MAX_PARAMS - 1].name, "k199");
	params_free(&p);
	free(s);

	s = many_pairs(REQ_MAX_PARAMS + 1, "&");
	assert_int_equal(params_parse_form(&p, s, strlen(s), &why), 400);
	assert_non_null(strstr(why, "too many"));
	assert_int_equal(p.n, 0);
	params_free(&p);
	free(s);
}

/* utf8_valid */

struct utf8_case {
	const char	*s;
	size_t		 len;
	int		 want;
};

static const struct utf8_case utf8_cases[] = {
	{ B(""),			1 },
	{ B("plain ASCII ~"),		1 },
	{ B("a\0b"),			1 },	/* NUL is a valid code point */
	{ B("\xc2\x80"),		1 },	/* U+0080, smallest 2-byte */
	{ B("\xdf\xbf"),		1 },	/* U+07FF */
	{ B("\xe0\xa0\x80"),		1 },	/* U+0800, smallest 3-byte */
	{ B("\xed\x9f\xbf"),		1 },	/* U+D7FF, below surrogates */
	{ B("\xee\x80\x80"),		1 },	/* U+E000, above surrogates */
	{ B("\xef\xbf\xbf"),		1 },	/* U+FFFF */
	{ B("\xf0\x90\x80\x80"),	1 },	/* U+10000, smallest 4-byte */
	{ B("\xf0\x9f\x98\x80"),	1 },	/* U+1F600 */
	{ B("\xf4\x8f\xbf\xbf"),	1 },	/* U+10FFFF, the last */
	{ B("J\xc3\xbcrgen \xe2\x82\xac \xf0\x9f\x98\x80!"), 1 },
	/* stray continuation bytes, impossible lead bytes */
	{ B("\x80"),			0 },
	{ B("\xbf"),			0 },
	{ B("a\x80" "b"),		0 },
	{ B("\xfe"),			0 },
	{ B("\xff"),			0 },
	{ B("\xf8\x88\x80\x80\x80"),	0 },	/* old 5-byte form */
	/* overlong forms */
	{ B("\xc0\x80"),		0 },
	{ B("\xc0\xaf"),		0 },	/* '/' */
	{ B("\xc1\xbf"),		0 },
	{ B("\xe0\x80\xaf"),		0 },
	{ B("\xe0\x9f\xbf"),		0 },
	{ B("\xf0\x80\x80\xaf"),	0 },
	{ B("\xf0\x8f\xbf\xbf"),	0 },
	/* surrogates */
	{ B("\xed\xa0\x80"),		0 },	/* U+D800 */
	{ B("\xed\xbf\xbf"),		0 },	/* U+DFFF */
	/* beyond U+10FFFF */
	{ B("\xf4\x90\x80\x80"),	0 },
	{ B("\xf5\x80\x80\x80"),	0 },
	{ B("\xf7\xbf\xbf\xbf"),	0 },
	/* truncated sequences, at the end and before another character */
	{ B("\xc3"),			0 },
	{ B("a\xc3"),			0 },
	{ B("\xe2\x82"),		0 },
	{ B("\xf0\x9f\x98"),		0 },
	{ B("\xc3" "a"),		0 },
	{ B("\xe2\x82" "a"),		0 },
	{ B("\xf0\x9f\x98" "a"),	0 },
	{ B("\xc3\x28"),		0 },
	{ B("\xe2\x28\xa1"),		0 },
	{ B("\xe2\x82\x28"),		0 },
	/* only s[0..len) counts */
	{ "\xc3\xbc", 1,		0 },
	{ "ab\xff", 2,			1 },
};

static void
test_utf8_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof utf8_cases / sizeof utf8_cases[0]; i++) {
		print_message("case %zu\n", i);
		assert_int_equal(utf8_valid(utf8_cases[i].s, utf8_cases[i].len),
		    utf8_cases[i].want);
	}
}

/* path_decode */

struct path_case {
	const char	*raw;
	size_t		 len;
	const char	*want;		/* NULL: refused */
	const char	*why;		/* part of *why when refused */
};

static const struct path_case path_cases[] = {
	{ B("/"),			"/",			NULL },
	{ B("/bookings/42"),		"/bookings/42",		NULL },
	{ B("/a%20b"),			"/a b",			NULL },
	{ B("/a+b"),			"/a+b",			NULL },
	{ B("/%41%62c"),		"/Abc",			NULL },
	{ B("/r%C3%A4ume/%E2%82%AC"),	"/r\xc3\xa4ume/\xe2\x82\xac", NULL },
	{ B("/r\xc3\xa4ume"),		"/r\xc3\xa4ume",	NULL },
	{ B("/%252F"),			"/%2F",			NULL },	/* decoded once */
	{ B("/a%3Fb"),			"/a?b",			NULL },
	{ "/abc%zz", 4,			"/abc",			NULL },
	/* an encoded '/' would change routing */
	{ B("/a%2Fb"),			NULL,	"encoded slash" },
	{ B("/a%2fb"),			NULL,	"encoded slash" },
	{ B("/%2F"),			NULL,	"encoded slash" },
	/* bad escapes */
	{ B("/a%zz"),			NULL,	"percent" },
	{ B("/a%4"),			NULL,	"percent" },
	{ B("/a%"),			NULL,	"percent" },
	{ B("/a%00b"),			NULL,	"percent" },
	{ B("/a\0b"),			NULL,	"percent" },
	/* not absolute */
	{ B(""),			NULL,	"start with '/'" },
	{ B("bookings"),		NULL,	"start with '/'" },
	{ B("%2Fbookings"),		NULL,	"start with '/'" },
	/* invalid UTF-8, incl. the overlong '/' */
	{ B("/%ff"),			NULL,	"UTF-8" },
	{ B("/a%c0%afb"),		NULL,	"UTF-8" },
	{ B("/%ed%a0%80"),		NULL,	"UTF-8" },
	{ B("/%e2%82"),			NULL,	"UTF-8" },
	{ B("/\xff"),			NULL,	"UTF-8" },
};

static void
test_path_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof path_cases / sizeof path_cases[0]; i++) {
		const struct path_case	*c = &path_cases[i];
		const char		*why = NULL;
		char			*got;

		print_message("case %zu: %.*s\n", i, (int)c->len, c->raw);
		got = path_decode(c->raw, c->len, &why);
		if (c->want == NULL) {
			assert_null(got);
			assert_non_null(why);
			assert_non_null(strstr(why, c->why));
		} else {
			assert_non_null(got);
			assert_string_equal(got, c->want);
		}
		free(got);
	}
}

/* params_parse_cookies */

struct cookie_case {
	const char	*header;
	size_t		 n;
	struct kv	 kv[4];
};

static const struct cookie_case cookie_cases[] = {
	{ "",				0, { { NULL, NULL } } },
	{ "a=1; b=2",			2, { { "a", "1" }, { "b", "2" } } },
	{ "a=1;b=2",			2, { { "a", "1" }, { "b", "2" } } },
	{ "  a=1 ;\tb=2  ;  ",		2, { { "a", "1" }, { "b", "2" } } },
	{ "sid=\"abc\"",		1, { { "sid", "abc" } } },
	{ "sid=\"abc\" ; x=1",		2, { { "sid", "abc" }, { "x", "1" } } },
	{ "sid=\"\"",			1, { { "sid", "" } } },
	{ "sid=\"",			1, { { "sid", "\"" } } },
	{ "a=",				1, { { "a", "" } } },
	{ "a=x=y",			1, { { "a", "x=y" } } },
	{ "lang=de-DE,en",		1, { { "lang", "de-DE,en" } } },
	{ "n=J\xc3\xbcrgen",		1, { { "n", "J\xc3\xbcrgen" } } },
	/* malformed pairs are skipped, the rest kept */
	{ "a=1; junk; b=2",		2, { { "a", "1" }, { "b", "2" } } },
	{ "=x; a=1",			1, { { "a", "1" } } },
	{ "a b=1; c=2",			1, { { "c", "2" } } },
	{ "a =1; c=2",			1, { { "c", "2" } } },
	{ "(a)=1; c=2",			1, { { "c", "2" } } },
	{ "\"q\"=1; c=2",		1, { { "c", "2" } } },
	{ "a=\xff; b=2",		1, { { "b", "2" } } },
	{ "a=\xed\xa0\x80; b=2",	1, { { "b", "2" } } },
	{ ";;;",			0, { { NULL, NULL } } },
	{ "junk",			0, { { NULL, NULL } } },
	/* the name is a token; '%' is not decoded */
	{ "x-y.z_1=%41",		1, { { "x-y.z_1", "%41" } } },
};

static void
test_cookie_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cookie_cases / sizeof cookie_cases[0];
	    i++) {
		const struct cookie_case *c = &cookie_cases[i];
		struct params		 p = { NULL, 0 };
		const char		*why = NULL;

		print_message("case %zu: %s\n", i, c->header);
		assert_int_equal(params_parse_cookies(&p, c->header, &why), 0);
		assert_params(&p, c->kv, c->n);
		params_free(&p);
	}
}

static void
test_cookie_duplicates_and_limit(void **state)
{
	struct params	 p = { NULL, 0 };
	const char	*why = NULL;
	char		*s;

	(void)state;
	assert_int_equal(params_parse_cookies(&p, "sid=first; a=1; sid=second",
	    &why), 0);
	assert_int_equal(p.n, 3);
	assert_string_equal(params_get(&p, "sid"), "first");
	assert_int_equal(params_count(&p, "sid"), 2);
	params_free(&p);

	assert_int_equal(params_parse_cookies(&p, NULL, &why), 0);
	assert_int_equal(p.n, 0);

	s = many_pairs(REQ_MAX_COOKIES, "; ");
	assert_int_equal(params_parse_cookies(&p, s, &why), 0);
	assert_int_equal(p.n, REQ_MAX_COOKIES);
	params_free(&p);
	free(s);

	/* More are ignored (a shared host's other cookies), not refused. */
	s = many_pairs(REQ_MAX_COOKIES + 1, "; ");
	assert_int_equal(params_parse_cookies(&p, s, &why), 0);
	assert_int_equal(p.n, REQ_MAX_COOKIES);
	params_free(&p);
	free(s);
}

/* req_parse */

static void
test_method_from_name(void **state)
{
	static const struct {
		const char	*name;
		enum method	 want;
	} cases[] = {
		{ "GET", M_GET }, { "HEAD", M_HEAD }, { "POST", M_POST },
		{ "PUT", M_PUT }, { "PATCH", M_PATCH }, { "DELETE", M_DELETE },
		{ "OPTIONS", M_OPTIONS }, { "get", M_OTHER },
		{ "TRACE", M_OTHER }, { "GETX", M_OTHER }, { "", M_OTHER },
		{ NULL, M_OTHER },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(method_from_name(cases[i].name), cases[i].want);
}

#define MAX_ENV	6

struct parse_case {
	const char	*env[MAX_ENV];	/* NULL-terminated */
	int		 want;
	enum method	 method;
	const char	*path;		/* want == 0 */
	const char	*q;		/* the value of query "q", or NULL */
	size_t		 nquery;
	const char	*rid;		/* the accepted request id */
	const char	*error;		/* part of r->error when want != 0 */
};

static const struct parse_case parse_cases[] = {
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x?a=1", NULL },
	    0, M_GET, "/x", NULL, 1, "", NULL },
	{ { "REQUEST_METHOD=POST", "REQUEST_URI=/bookings", NULL },
	    0, M_POST, "/bookings", NULL, 0, "", NULL },
	{ { "REQUEST_METHOD=DELETE", "REQUEST_URI=/x", NULL },
	    0, M_DELETE, "/x", NULL, 0, "", NULL },
	{ { "REQUEST_METHOD=get", "REQUEST_URI=/x", NULL },
	    0, M_OTHER, "/x", NULL, 0, "", NULL },
	{ { "REQUEST_URI=/x", NULL },
	    0, M_OTHER, "/x", NULL, 0, "", NULL },
	/* a name that merely starts like REQUEST_METHOD is another name */
	{ { "REQUEST_METHODX=PUT", "REQUEST_URI=/x", NULL },
	    0, M_OTHER, "/x", NULL, 0, "", NULL },
	/* path and query decoding */
	{ { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/search?q=caf%C3%A9+au+lait&page=2", NULL },
	    0, M_GET, "/search", "caf\xc3\xa9 au lait", 2, "", NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/r%C3%A4ume/a+b?q=%2B", NULL },
	    0, M_GET, "/r\xc3\xa4ume/a+b", "+", 1, "", NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x?", NULL },
	    0, M_GET, "/x", NULL, 0, "", NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x?q=1&q=2", NULL },
	    0, M_GET, "/x", "1", 2, "", NULL },
	/* '%2F' in the query is fine; only the path refuses it */
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x?q=a%2Fb", NULL },
	    0, M_GET, "/x", "a/b", 1, "", NULL },
	/* the request id: [A-Za-z0-9._-]{1,64} or nothing */
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x",
	    "HTTP_X_REQUEST_ID=abc-123_X.y", NULL },
	    0, M_GET, "/x", NULL, 0, "abc-123_X.y", NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x", "HTTP_X_REQUEST_ID="
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
	    NULL },
	    0, M_GET, "/x", NULL, 0,
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
	    NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x", "HTTP_X_REQUEST_ID="
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefX",
	    NULL },
	    0, M_GET, "/x", NULL, 0, "", NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x", "HTTP_X_REQUEST_ID=", NULL },
	    0, M_GET, "/x", NULL, 0, "", NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x", "HTTP_X_REQUEST_ID=a b",
	    NULL },
	    0, M_GET, "/x", NULL, 0, "", NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x",
	    "HTTP_X_REQUEST_ID=abc\nforged log line", NULL },
	    0, M_GET, "/x", NULL, 0, "", NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x", "HTTP_X_REQUEST_ID=a;b",
	    NULL },
	    0, M_GET, "/x", NULL, 0, "", NULL },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x",
	    "HTTP_X_REQUEST_ID=\xc3\xa4", NULL },
	    0, M_GET, "/x", NULL, 0, "", NULL },
	/* cookies come along */
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x",
	    "HTTP_COOKIE=sid=abc; lang=de", NULL },
	    0, M_GET, "/x", NULL, 0, "", NULL },
	/* refused */
	{ { "REQUEST_METHOD=GET", NULL },
	    400, M_GET, NULL, NULL, 0, "", "no request URI" },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=", NULL },
	    400, M_GET, NULL, NULL, 0, "", "no request URI" },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=x", NULL },
	    400, M_GET, NULL, NULL, 0, "", "start with '/'" },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/a%2Fb", NULL },
	    400, M_GET, NULL, NULL, 0, "", "encoded slash" },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/a%zz", NULL },
	    400, M_GET, NULL, NULL, 0, "", "percent" },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x?q=%zz", NULL },
	    400, M_GET, NULL, NULL, 0, "", "percent" },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x?q=%c0%af", NULL },
	    400, M_GET, NULL, NULL, 0, "", "UTF-8" },
	{ { "REQUEST_METHOD=GET", "REQUEST_URI=/x?q=%00", NULL },
	    400, M_GET, NULL, NULL, 0, "", "percent" },
};

static void
test_parse_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0];
	    i++) {
		const struct parse_case	*c = &parse_cases[i];
		char			**env = env_new(c->env);
		struct req		 r;
		int			 rc;

		print_message("case %zu: %s\n", i, c->env[1] != NULL ?
		    c->env[1] : c->env[0]);
		memset(&r, 0, sizeof r);
		rc = req_parse(&r, env);
		assert_int_equal(rc, c->want);
		assert_int_equal(r.method, c->method);
		assert_string_equal(r.rid, c->rid);
		if (c->want != 0) {
			assert_non_null(r.error);
			assert_non_null(strstr(r.error, c->error));
		} else {
			assert_string_equal(r.path, c->path);
			assert_int_equal(r.query.n, c->nquery);
			if (c->q != NULL)
				assert_string_equal(params_get(&r.query, "q"),
				    c->q);
		}
		req_free(&r);
		env_free(env);
	}
}

static void
test_parse_details(void **state)
{
	const char *const src[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/x?a=1&b=%C3%BC", "HTTP_COOKIE=sid=abc; lang=de",
	    "CONTENT_TYPE=text/plain", NULL };
	char		**env = env_new(src);
	struct req	 r;

	(void)state;
	memset(&r, 0, sizeof r);
	assert_int_equal(req_parse(&r, env), 0);
	assert_ptr_equal(r.env, env);
	assert_string_equal(r.method_name, "GET");
	assert_string_equal(params_get(&r.query, "a"), "1");
	assert_string_equal(params_get(&r.query, "b"), "\xc3\xbc");
	assert_int_equal(r.cookies.n, 2);
	assert_string_equal(params_get(&r.cookies, "sid"), "abc");
	assert_string_equal(params_get(&r.cookies, "lang"), "de");
	assert_int_equal(r.form.n, 0);
	assert_string_equal(req_env(&r, "CONTENT_TYPE"), "text/plain");
	assert_null(req_env(&r, "CONTENT"));
	assert_null(req_env(&r, "CONTENT_TYPEX"));
	assert_null(req_env(&r, "HTTP_X_FOO"));
	req_free(&r);
	env_free(env);
}

/* An env of REQUEST_METHOD=GET and "REQUEST_URI=/" + plen-1 'a' + query. */
static int
parse_long(size_t plen, size_t qlen)
{
	size_t		 size = 64 + plen + qlen;
	char		*uri = malloc(size);
	char		*env[3] = { NULL, NULL, NULL };
	char		 method[] = "REQUEST_METHOD=GET";
	struct req	 r;
	size_t		 off;
	int		 rc;

	assert_non_null(uri);
	off = (size_t)snprintf(uri, size, "REQUEST_URI=/");
	memset(uri + off, 'a', plen - 1);
	off += plen - 1;
	if (qlen > 0) {
		uri[off++] = '?';
		uri[off++] = 'q';
		uri[off++] = '=';
		memset(uri + off, 'b', qlen - 2);
		off += qlen - 2;
	}
	uri[off] = '\0';
	env[0] = method;
	env[1] = uri;
	memset(&r, 0, sizeof r);
	rc = req_parse(&r, env);
	if (rc == 0) {
		assert_int_equal(strlen(r.path), plen);
		if (qlen > 0)
			assert_int_equal(strlen(params_get(&r.query, "q")),
			    qlen - 2);
	} else
		assert_non_null(strstr(r.error, "too long"));
	req_free(&r);
	free(uri);
	return rc;
}

static void
test_parse_limits(void **state)
{
	(void)state;
	assert_int_equal(parse_long(REQ_MAX_PATH, 0), 0);
	assert_int_equal(parse_long(REQ_MAX_PATH + 1, 0), 414);
	assert_int_equal(parse_long(REQ_MAX_PATH + 1000, 0), 414);
	assert_int_equal(parse_long(10, REQ_MAX_QUERY), 0);
	assert_int_equal(parse_long(10, REQ_MAX_QUERY + 1), 414);
}

static void
test_parse_too_many_cookies(void **state)
{
	char		*cookies = many_pairs(REQ_MAX_COOKIES + 1, "; ");
	char		*header = malloc(strlen(cookies) + 16);
	char		 method[] = "REQUEST_METHOD=GET", uri[] = "REQUEST_URI=/";
	char		*env[4] = { method, uri, NULL, NULL };
	struct req	 r;

	(void)state;
	assert_non_null(header);
	snprintf(header, strlen(cookies) + 16, "HTTP_COOKIE=%s", cookies);
	env[2] = header;
	memset(&r, 0, sizeof r);
	assert_int_equal(req_parse(&r, env), 0);
	assert_int_equal(r.cookies.n, REQ_MAX_COOKIES);
	req_free(&r);
	free(header);
	free(cookies);
}

/* req_content_length */

static void
test_content_length(void **state)
{
	static const struct {
		const char	*env;	/* NULL: no CONTENT_LENGTH */
		long long	 want;
	} cases[] = {
		{ NULL,					0 },
		{ "CONTENT_LENGTH=",			0 },
		{ "CONTENT_LENGTH=0",			0 },
		{ "CONTENT_LENGTH=12",			12 },
		{ "CONTENT_LENGTH=65536",		65536 },
		{ "CONTENT_LENGTH=-1",			-1 },
		{ "CONTENT_LENGTH=-0",			-1 },
		{ "CONTENT_LENGTH=12abc",		-1 },
		{ "CONTENT_LENGTH=abc",			-1 },
		{ "CONTENT_LENGTH=+12",			-1 },
		{ "CONTENT_LENGTH= 12",			-1 },
		{ "CONTENT_LENGTH=12 ",			-1 },
		{ "CONTENT_LENGTH=99999999999999999999", -1 },
		{ "CONTENT_LENGTHX=12",			0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const	 src[] = { "REQUEST_METHOD=POST",
		    cases[i].env, NULL };
		char			**env = env_new(src);
		struct req		 r;

		print_message("case %zu: %s\n", i, cases[i].env != NULL ?
		    cases[i].env : "(none)");
		memset(&r, 0, sizeof r);
		r.env = env;
		assert_true(req_content_length(&r) == cases[i].want);
		env_free(env);
	}
}

/* req_set_body */

struct body_case {
	const char	*type;		/* CONTENT_TYPE, or NULL */
	const char	*body;
	size_t		 len;
	int		 want;
	const char	*error;		/* part of r->error when want != 0 */
	size_t		 nform;
	struct kv	 kv[3];
};

static const struct body_case body_cases[] = {
	{ "application/x-www-form-urlencoded",
	    B("title=Team+meeting&room_id=3"), 0, NULL,
	    2, { { "title", "Team meeting" }, { "room_id", "3" } } },
	{ "Application/X-WWW-Form-Urlencoded; charset=UTF-8",
	    B("t=%E2%82%AC"), 0, NULL, 1, { { "t", "\xe2\x82\xac" } } },
	{ "application/x-www-form-urlencoded;charset=utf-8",
	    B("a=1"), 0, NULL, 1, { { "a", "1" } } },
	{ "application/x-www-form-urlencoded",
	    B(""), 0, NULL, 0, { { NULL, NULL } } },
	/* refused */
	{ "application/x-www-form-urlencoded",
	    B("a=1\0b=2"), 400, "NUL", 0, { { NULL, NULL } } },
	{ "application/x-www-form-urlencoded",
	    B("\0"), 400, "NUL", 0, { { NULL, NULL } } },
	{ "application/x-www-form-urlencoded",
	    B("a=%zz"), 400, "percent", 0, { { NULL, NULL } } },
	{ "application/x-www-form-urlencoded",
	    B("a=%ed%a0%80"), 400, "UTF-8", 0, { { NULL, NULL } } },
	{ NULL, B("a=1"), 415, "Content-Type", 0, { { NULL, NULL } } },
	{ "", B("a=1"), 415, "Content-Type", 0, { { NULL, NULL } } },
	/* no body, no type needed */
	{ NULL, B(""), 0, NULL, 0, { { NULL, NULL } } },
	/* other types stay raw for their handler */
	{ "application/json", B("{\"a\":1}"), 0, NULL, 0, { { NULL, NULL } } },
	{ "application/json", B("{\"a\":\"\0\"}"), 0, NULL, 0, { { NULL, NULL } } },
	{ "application/x-www-form-urlencodedX", B("a=1"), 0, NULL, 0,
	    { { NULL, NULL } } },
	{ "text/plain", B("a=1"), 0, NULL, 0, { { NULL, NULL } } },
};

static void
test_body_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof body_cases / sizeof body_cases[0]; i++) {
		const struct body_case	*c = &body_cases[i];
		char			 type[128];
		char			 method[] = "REQUEST_METHOD=POST";
		char			 uri[] = "REQUEST_URI=/bookings";
		char			*env[4] = { method, uri, NULL, NULL };
		char			*body = body_dup(c->body, c->len);
		struct req		 r;
		int			 rc;

		print_message("case %zu: %s\n", i, c->type != NULL ?
		    c->type : "(no type)");
		if (c->type != NULL) {
			snprintf(type, sizeof type, "CONTENT_TYPE=%s", c->type);
			env[2] = type;
		}
		memset(&r, 0, sizeof r);
		assert_int_equal(req_parse(&r, env), 0);
		rc = req_set_body(&r, body, c->len);
		assert_int_equal(rc, c->want);
		/* the body is r's now, whatever the outcome */
		assert_ptr_equal(r.body, body);
		assert_int_equal(r.body_len, c->len);
		assert_memory_equal(r.body, c->body, c->len);
		if (c->want != 0) {
			assert_non_null(r.error);
			assert_non_null(strstr(r.error, c->error));
		} else
			assert_params(&r.form, c->kv, c->nform);
		req_free(&r);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_table),
		cmocka_unit_test(test_form_duplicates),
		cmocka_unit_test(test_params_set),
		cmocka_unit_test(test_form_too_many),
		cmocka_unit_test(test_utf8_table),
		cmocka_unit_test(test_path_table),
		cmocka_unit_test(test_cookie_table),
		cmocka_unit_test(test_cookie_duplicates_and_limit),
		cmocka_unit_test(test_method_from_name),
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_parse_details),
		cmocka_unit_test(test_parse_limits),
		cmocka_unit_test(test_parse_too_many_cookies),
		cmocka_unit_test(test_content_length),
		cmocka_unit_test(test_body_table),
	};

	return cmocka_run_group_tests_name("request", tests, NULL, NULL);
}
