/* Unit tests of lib/multipart: form-data bodies as browsers send them, and
   malformed ones refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "multipart.h"

/* A byte string and its length, so cases may hold NUL bytes. */
#define B(s)	s, sizeof(s) - 1

#define WEBKIT	"----WebKitFormBoundaryx7Yq2Lm0PzKe"
#define CT	"multipart/form-data; boundary=" WEBKIT
#define DELIM	"--" WEBKIT "\r\n"
#define CLOSE	"--" WEBKIT "--\r\n"
#define FIELD(name) \
	"Content-Disposition: form-data; name=\"" name "\"\r\n\r\n"

/* A file's bytes: NUL, CRLF, dashes, and the boundary where it is no delimiter. */
#define BINARY	"\xff\xd8\xff\xe0\0\0\r\n--\r\n\r\n-- x" WEBKIT "\r\n--" \
		"--WebKitFormBoundaryx7Yq2Lm0PzK\0--" WEBKIT "--\r"

struct kv {
	const char	*name;
	const char	*value;
};

struct file {
	const char	*field;
	const char	*filename;
	const char	*type;		/* NULL: none sent */
	const char	*data;
	size_t		 len;
};

struct mp_case {
	const char	*what;
	const char	*type;		/* the Content-Type header */
	const char	*body;
	size_t		 len;
	int		 want;		/* 0 or the HTTP status */
	const char	*why;		/* part of *why when want != 0 */
	size_t		 nform;		/* pairs after the one there before */
	struct kv	 form[3];
	size_t		 nfiles;
	struct file	 files[2];
};

static const struct mp_case mp_cases[] = {
	{ "a browser's form", CT, B(
	    DELIM FIELD("csrf") "tok-123\r\n"
	    DELIM FIELD("title") "Salle \xc3\xa0 manger\r\n\r\n--\r\n"
	    DELIM "Content-Disposition: form-data; name=\"photo\"; "
	    "filename=\"r\xc3\xa4um.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
	    BINARY "\r\n" CLOSE),
	    0, NULL, 2, { { "csrf", "tok-123" },
	    { "title", "Salle \xc3\xa0 manger\r\n\r\n--" } },
	    1, { { "photo", "r\xc3\xa4um.jpg", "image/jpeg", B(BINARY) } } },
	{ "quoted boundary", "multipart/form-data; boundary=\"a b:c?\"", B(
	    "--a b:c?\r\n" FIELD("x") "1\r\n--a b:c?--"),
	    0, NULL, 1, { { "x", "1" } }, 0, { { NULL } } },
	{ "names in any case, other parameters",
	    " Multipart/Form-Data ;charset=UTF-8;  BOUNDARY=xyz ;", B(
	    "--xyz\r\ncontent-disposition: FORM-DATA; NAME=x\r\n"
	    "CONTENT-TYPE: text/plain\r\nX-Other: 1\r\n\r\n1\r\n--xyz--"),
	    0, NULL, 1, { { "x", "1" } }, 0, { { NULL } } },
	{ "preamble, padding, epilogue", "multipart/form-data; boundary=xyz",
	    B("This is a preamble.\r\n--xyz \t\r\n" FIELD("x") "1\r\n"
	    "--xyz\t\r\n" FIELD("y") "\r\n--xyz--\r\nAn epilogue\r\n--xyz\r\n"),
	    0, NULL, 2, { { "x", "1" }, { "y", "" } }, 0, { { NULL } } },
	{ "an empty file", "multipart/form-data; boundary=xyz", B(
	    "--xyz\r\nContent-Disposition: form-data; name=\"photo\"; "
	    "filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n"
	    "\r\n--xyz--\r\n"),
	    0, NULL, 0, { { NULL } }, 1,
	    { { "photo", "", "application/octet-stream", "", 0 } } },
	{ "two files, one without a type", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=a; filename=a.txt"
	    "\r\n\r\nA\r\n--xyz\r\nContent-Disposition: form-data; name=\"b\"; "
	    "filename=\"b.bin\"\r\nContent-Transfer-Encoding: binary\r\n\r\n"
	    "\0\r\n--xyz--"),
	    0, NULL, 0, { { NULL } }, 2, { { "a", "a.txt", NULL, B("A") },
	    { "b", "b.bin", NULL, B("\0") } } },
	{ "escapes in a quoted name", "multipart/form-data; boundary=xyz", B(
	    "--xyz\r\nContent-Disposition: form-data; name=\"a\\\"b\\\\\"; "
	    "filename=\"C:\\photos\\a%22b.jpg\"\r\n\r\nx\r\n--xyz--"),
	    0, NULL, 0, { { NULL } }, 1,
	    { { "a\"b\\", "C:\\photos\\a%22b.jpg", NULL, B("x") } } },
	{ "headers and no blank line", "multipart/form-data; boundary=xyz", B(
	    "--xyz\r\nContent-Disposition: form-data; name=\"e\"\r\n"
	    "\r\n--xyz--"),
	    0, NULL, 1, { { "e", "" } }, 0, { { NULL } } },
	{ "no parts at all", "multipart/form-data; boundary=xyz",
	    B("--xyz--\r\n"), 0, NULL, 0, { { NULL } }, 0, { { NULL } } },

	/* not multipart/form-data */
	{ "urlencoded", "application/x-www-form-urlencoded", B("a=1"),
	    415, "multipart", 0, { { NULL } }, 0, { { NULL } } },
	{ "multipart/mixed", "multipart/mixed; boundary=xyz",
	    B("--xyz\r\n" FIELD("x") "1\r\n--xyz--"),
	    415, "multipart", 0, { { NULL } }, 0, { { NULL } } },
	{ "a longer type", "multipart/form-datax; boundary=xyz",
	    B("--xyz\r\n" FIELD("x") "1\r\n--xyz--"),
	    415, "multipart", 0, { { NULL } }, 0, { { NULL } } },
	{ "no type", NULL, B("--xyz\r\n" FIELD("x") "1\r\n--xyz--"),
	    415, "multipart", 0, { { NULL } }, 0, { { NULL } } },

	/* boundaries */
	{ "no boundary", "multipart/form-data", B("--\r\n"),
	    400, "boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "an empty boundary", "multipart/form-data; boundary=", B("--\r\n"),
	    400, "boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "an empty quoted boundary", "multipart/form-data; boundary=\"\"",
	    B("--\r\n"), 400, "boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "two boundaries", "multipart/form-data; boundary=a; boundary=b",
	    B("--a\r\n" FIELD("x") "1\r\n--a--"),
	    400, "boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "boundary of 71", "multipart/form-data; boundary="
	    "12345678901234567890123456789012345678901234567890123456789012345678901",
	    B("--\r\n"), 400, "boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "boundary of 70", "multipart/form-data; boundary="
	    "1234567890123456789012345678901234567890123456789012345678901234567890",
	    B("--1234567890123456789012345678901234567890123456789012345678901234567890"
	    "\r\n" FIELD("x") "1\r\n"
	    "--1234567890123456789012345678901234567890123456789012345678901234567890--"),
	    0, NULL, 1, { { "x", "1" } }, 0, { { NULL } } },
	{ "boundary with '@'", "multipart/form-data; boundary=\"a@b\"",
	    B("--a@b\r\n" FIELD("x") "1\r\n--a@b--"),
	    400, "boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "boundary ending in a space", "multipart/form-data; boundary=\"ab \"",
	    B("--ab \r\n" FIELD("x") "1\r\n--ab --"),
	    400, "boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "unterminated quote", "multipart/form-data; boundary=\"xyz",
	    B("--xyz\r\n" FIELD("x") "1\r\n--xyz--"),
	    400, "boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "no first delimiter", "multipart/form-data; boundary=xyz",
	    B("Content-Disposition: form-data; name=x\r\n\r\n1"),
	    400, "start", 0, { { NULL } }, 0, { { NULL } } },
	{ "an empty body", "multipart/form-data; boundary=xyz", B(""),
	    400, "start", 0, { { NULL } }, 0, { { NULL } } },
	{ "no closing delimiter", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\n" FIELD("x") "1\r\n"),
	    400, "last boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "a delimiter, not a close", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\n" FIELD("x") "1\r\n--xyz"),
	    400, "last boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "a delimiter and CRLF at the end", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\n" FIELD("x") "1\r\n--xyz\r\n"),
	    400, "last boundary", 0, { { NULL } }, 0, { { NULL } } },
	{ "the boundary inside a file", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=f; filename=f\r\n"
	    "\r\nab\r\n--xyzcd\r\n--xyz--"),
	    400, "boundary line", 0, { { NULL } }, 0, { { NULL } } },

	/* parts without a name */
	{ "a file without a name", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; filename=\"a.jpg\"\r\n"
	    "\r\nx\r\n--xyz--"),
	    400, "name", 0, { { NULL } }, 0, { { NULL } } },
	{ "an empty name", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=\"\"\r\n"
	    "\r\nx\r\n--xyz--"),
	    400, "name", 0, { { NULL } }, 0, { { NULL } } },
	{ "no Content-Disposition", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Type: text/plain\r\n\r\nx\r\n--xyz--"),
	    400, "name", 0, { { NULL } }, 0, { { NULL } } },
	{ "no headers", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\n\r\nx\r\n--xyz--"),
	    400, "name", 0, { { NULL } }, 0, { { NULL } } },
	{ "an attachment", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: attachment; name=x\r\n"
	    "\r\nx\r\n--xyz--"),
	    400, "name", 0, { { NULL } }, 0, { { NULL } } },
	{ "an error after a good part", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\n" FIELD("x") "1\r\n--xyz\r\nContent-Disposition: "
	    "form-data; name=f; filename=f\r\n\r\nz\r\n--xyz\r\n"
	    "Content-Disposition: form-data\r\n\r\nx\r\n--xyz--"),
	    400, "name", 0, { { NULL } }, 0, { { NULL } } },

	/* malformed headers */
	{ "two names", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=a; name=b\r\n"
	    "\r\nx\r\n--xyz--"),
	    400, "headers", 0, { { NULL } }, 0, { { NULL } } },
	{ "two Content-Dispositions", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Disposition: form-data; name=b\r\n\r\nx\r\n--xyz--"),
	    400, "name", 0, { { NULL } }, 0, { { NULL } } },
	{ "a folded header", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data;\r\n name=a\r\n"
	    "\r\nx\r\n--xyz--"),
	    400, "headers", 0, { { NULL } }, 0, { { NULL } } },
	{ "a bare LF", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=a\nX: 1\r\n"
	    "\r\nx\r\n--xyz--"),
	    400, "headers", 0, { { NULL } }, 0, { { NULL } } },
	{ "NUL in a header", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=\"a\0b\"\r\n"
	    "\r\nx\r\n--xyz--"),
	    400, "headers", 0, { { NULL } }, 0, { { NULL } } },
	{ "a filename not UTF-8", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=a; "
	    "filename=\"r\xe4um.jpg\"\r\n\r\nx\r\n--xyz--"),
	    400, "headers", 0, { { NULL } }, 0, { { NULL } } },
	{ "a space before the colon", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition : form-data; name=a\r\n"
	    "\r\nx\r\n--xyz--"),
	    400, "headers", 0, { { NULL } }, 0, { { NULL } } },
	{ "an unterminated name", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=\"a\r\n"
	    "\r\nx\r\n--xyz--"),
	    400, "headers", 0, { { NULL } }, 0, { { NULL } } },
	{ "base64", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\nContent-Disposition: form-data; name=a; filename=a\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\neA==\r\n--xyz--"),
	    400, "encoding", 0, { { NULL } }, 0, { { NULL } } },

	/* text fields are UTF-8 without NUL */
	{ "a field not UTF-8", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\n" FIELD("t") "caf\xe9\r\n--xyz--"),
	    400, "UTF-8", 0, { { NULL } }, 0, { { NULL } } },
	{ "an overlong slash", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\n" FIELD("t") "\xc0\xaf\r\n--xyz--"),
	    400, "UTF-8", 0, { { NULL } }, 0, { { NULL } } },
	{ "NUL in a field", "multipart/form-data; boundary=xyz",
	    B("--xyz\r\n" FIELD("t") "a\0b\r\n--xyz--"),
	    400, "UTF-8", 0, { { NULL } }, 0, { { NULL } } },
};

static void
test_multipart_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof mp_cases / sizeof mp_cases[0]; i++) {
		const struct mp_case	*c = &mp_cases[i];
		struct params		 form = { NULL, 0 };
		struct uploads		 files = { NULL, 0 };
		const char		*why = NULL;
		int			 rc;

		print_message("case %zu: %s\n", i, c->what);
		/* What was there before stays, and comes first. */
		assert_int_equal(params_append(&form, "before", "1"), 0);
		rc = multipart_parse(c->type, c->body, c->len, &form, &files,
		    &why);
		assert_int_equal(rc, c->want);
		if (c->want != 0) {
			assert_non_null(why);
			assert_non_null(strstr(why, c->why));
			assert_int_equal(form.n, 1);
			assert_int_equal(files.n, 0);
			assert_null(files.v);
		} else {
			assert_int_equal(form.n, 1 + c->nform);
			for (size_t j = 0; j < c->nform; j++) {
				assert_string_equal(form.v[1 + j].name,
				    c->form[j].name);
				assert_string_equal(form.v[1 + j].value,
				    c->form[j].value);
			}
			assert_int_equal(files.n, c->nfiles);
			for (size_t j = 0; j < c->nfiles; j++) {
				const struct upload	*u = &files.v[j];
				const struct file	*f = &c->files[j];

				assert_string_equal(u->field, f->field);
				assert_string_equal(u->filename, f->filename);
				if (f->type == NULL)
					assert_null(u->type);
				else
					assert_string_equal(u->type, f->type);
				assert_int_equal(u->len, f->len);
				assert_memory_equal(u->data, f->data, f->len);
				/* borrowed from the body */
				assert_true((const char *)u->data >= c->body &&
				    (const char *)u->data + u->len <=
				    c->body + c->len);
			}
		}
		assert_string_equal(form.v[0].name, "before");
		params_free(&form);
		uploads_free(&files);
	}
}

/* A body of n parts of text, or one part with headers of about n bytes. */
static char *
body_of(size_t parts, size_t header, size_t *len)
{
	size_t	 size = parts * 80 + header + 200, off = 0;
	char	*s = malloc(size);

	assert_non_null(s);
	for (size_t i = 0; i < parts; i++)
		off += (size_t)snprintf(s + off, size - off, "--xyz\r\n"
		    "Content-Disposition: form-data; name=\"k%zu\"\r\n\r\nv\r\n",
		    i);
	if (header > 0) {
		off += (size_t)snprintf(s + off, size - off, "--xyz\r\n"
		    "Content-Disposition: form-data; name=\"h\"\r\nX-Pad: ");
		memset(s + off, 'a', header);
		off += header;
		off += (size_t)snprintf(s + off, size - off, "\r\n\r\nv\r\n");
	}
	off += (size_t)snprintf(s + off, size - off, "--xyz--\r\n");
	assert_true(off < size);
	*len = off;
	return s;
}

static void
test_limits(void **state)
{
	static const struct {
		size_t	 parts, header;
		int	 want;
		const char *why;
	} cases[] = {
		{ REQ_MAX_PARAMS, 0, 0, NULL },
		{ REQ_MAX_PARAMS + 1, 0, 400, "too many parts" },
		{ 1000, 0, 400, "too many parts" },
		/* Content-Disposition's line (42), "X-Pad: " (7), CRLF (2) */
		{ 0, MULTIPART_MAX_HEADERS - 42 - 7 - 2, 0, NULL },
		{ 0, MULTIPART_MAX_HEADERS - 42 - 7 - 1, 400, "8 KiB" },
		{ 0, 100000, 400, "8 KiB" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct params	 form = { NULL, 0 };
		struct uploads	 files = { NULL, 0 };
		const char	*why = NULL;
		size_t		 len;
		char		*body = body_of(cases[i].parts,
				    cases[i].header, &len);

		print_message("case %zu\n", i);
		assert_int_equal(multipart_parse(
		    "multipart/form-data; boundary=xyz", body, len, &form,
		    &files, &why), cases[i].want);
		if (cases[i].want == 0)
			assert_int_equal(form.n, cases[i].parts +
			    (cases[i].header > 0));
		else {
			assert_non_null(strstr(why, cases[i].why));
			assert_int_equal(form.n, 0);
		}
		params_free(&form);
		uploads_free(&files);
		free(body);
	}
}

/* Calls append; uploads_get finds the first file of a field. */
static void
test_appends_and_gets(void **state)
{
	static const char body[] = "--xyz\r\nContent-Disposition: form-data; "
	    "name=f; filename=one\r\n\r\n1\r\n--xyz\r\nContent-Disposition: "
	    "form-data; name=f; filename=two\r\n\r\n2\r\n--xyz--";
	struct params	 form = { NULL, 0 };
	struct uploads	 files = { NULL, 0 };
	const char	*why = NULL;

	(void)state;
	for (int i = 0; i < 2; i++)
		assert_int_equal(multipart_parse("multipart/form-data; "
		    "boundary=xyz", body, sizeof body - 1, &form, &files,
		    &why), 0);
	assert_int_equal(files.n, 4);
	assert_int_equal(form.n, 0);
	assert_string_equal(uploads_get(&files, "f")->filename, "one");
	assert_ptr_equal(uploads_get(&files, "f"), &files.v[0]);
	assert_string_equal(files.v[3].filename, "two");
	assert_null(uploads_get(&files, "g"));
	assert_null(uploads_get(NULL, "f"));
	uploads_free(&files);
	assert_null(files.v);
	assert_int_equal(files.n, 0);
	uploads_free(&files);
	uploads_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_multipart_table),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_appends_and_gets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
