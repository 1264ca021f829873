/* Unit tests of lib/form: field tables, validators, errors, refilling a template. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form.h"
#include "render.h"
#include "request.h"

/* Eight "ü" (two bytes each): 8 characters, 16 bytes. */
#define UE8	"%C3%BC%C3%BC%C3%BC%C3%BC%C3%BC%C3%BC%C3%BC%C3%BC"
#define M_FILL		"Please fill this in."
#define M_TWICE		"This field was sent twice."
#define M_LOGIN		"A login has at most 64 characters."
#define M_PW_LONG	"That password is too long."
#define M_SHORT		"Use at least 8 characters."
#define M_LONG		"Use at most 1024 bytes."
#define M_LOGIN_CTRL	"A login cannot contain control characters."
#define M_CTRL		"Use letters, digits, spaces and punctuation only."

/*
 * Error delimiters are not '<' and '>': ctemplate would take "<{{X}}" for
 * a tag name and cleanse it as one (spaces become '_').
 */
#define TPL_FILE	"t.tpl"
#define NP_FILE		"np.tpl"
#define TPL_TEXT	"{{%AUTOESCAPE context=\"HTML\"}}" \
			"[{{LOGIN}}][{{PASSWORD}}][{{NOTE}}]" \
			"{{#ERR_LOGIN}}(login: {{MESSAGE}}){{/ERR_LOGIN}}" \
			"{{#ERR_PASSWORD}}(password: {{MESSAGE}}){{/ERR_PASSWORD}}" \
			"{{#HAS_ERRORS}}!{{/HAS_ERRORS}}"

static const struct field login_in[] = {
	{ "login",	valid_login,		F_REQUIRED },
	{ "password",	valid_password_input,	F_REQUIRED | F_SECRET },
	{ "note",	valid_any,		0 },
	{ NULL,		NULL,			0 },
};

static const struct field new_pw_in[] = {
	{ "new_password", valid_new_password,	F_REQUIRED | F_SECRET },
	{ NULL,		NULL,			0 },
};

/* A temporary template directory for the group. */
struct fixture {
	char	dir[64];
	char	file[96];
};

static int
setup(void **state)
{
	struct fixture	*f;
	FILE		*fp;
	int		 ok;

	if ((f = calloc(1, sizeof *f)) == NULL)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/roombook-test-form-XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	snprintf(f->file, sizeof f->file, "%s/%s", f->dir, TPL_FILE);
	if ((fp = fopen(f->file, "w")) == NULL) {
		rmdir(f->dir);
		free(f);
		return -1;
	}
	ok = fputs(TPL_TEXT, fp) >= 0;
	ok = fclose(fp) == 0 && ok;
	if (!ok || render_init(f->dir) != 0) {
		/* cmocka skips the group teardown when setup fails */
		unlink(f->file);
		rmdir(f->dir);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;
	char		 np[128];

	if (f == NULL)
		return 0;
	/* np.tpl too, in case test_fill_secret_only failed before removing it */
	snprintf(np, sizeof np, "%s/" NP_FILE, f->dir);
	unlink(np);
	unlink(f->file);
	rmdir(f->dir);
	free(f);
	return 0;
}

/*
 * Fills r->form from body, each '@' in it standing for pad 'x's (so
 * long values stay readable in the tables).  Release with req_free.
 */
static void
req_with_form(struct req *r, const char *body, size_t pad)
{
	size_t		 n = 0;
	char		*s = malloc(strlen(body) + pad + 1);
	const char	*why = NULL;

	assert_non_null(s);
	for (const char *p = body; *p != '\0'; p++)
		if (*p == '@') {
			memset(s + n, 'x', pad);
			n += pad;
		} else
			s[n++] = *p;
	s[n] = '\0';
	memset(r, 0, sizeof *r);
	assert_int_equal(params_parse_form(&r->form, s, n, &why), 0);
	free(s);
}

/* form_check */

struct check_case {
	const struct field	*fields;
	const char		*body;
	size_t			 pad;	/* length of '@' in body */
	size_t			 n;
	struct {
		const char	*field;
		const char	*message;
	}			 err[3];
};

static const struct check_case check_cases[] = {
	{ login_in, "login=alice&password=pw", 0, 0, { { NULL, NULL } } },
	{ login_in, "login=alice&password=pw&note=hi", 0, 0, { { NULL, NULL } } },
	{ login_in, "login=J%C3%BCrgen+M&password=pw", 0, 0, { { NULL, NULL } } },
	/* an optional field may be missing or empty */
	{ login_in, "login=alice&password=pw&note=", 0, 0, { { NULL, NULL } } },
	/* fields outside the table are ignored, even twice */
	{ login_in, "login=alice&password=pw&x=1&x=2", 0, 0, { { NULL, NULL } } },
	/* required: missing or empty */
	{ login_in, "password=pw", 0, 1, { { "login", M_FILL } } },
	{ login_in, "login=&password=pw", 0, 1, { { "login", M_FILL } } },
	{ login_in, "login=alice", 0, 1, { { "password", M_FILL } } },
	{ login_in, "login=alice&password", 0, 1, { { "password", M_FILL } } },
	/* several errors come in table order, not input order */
	{ login_in, "", 0, 2, { { "login", M_FILL }, { "password", M_FILL } } },
	{ login_in, "password=&login=", 0, 2,
	    { { "login", M_FILL }, { "password", M_FILL } } },
	/* twice, also when empty or optional */
	{ login_in, "login=a&login=b&password=pw", 0, 1, { { "login", M_TWICE } } },
	{ login_in, "login=a&login=a&password=pw", 0, 1, { { "login", M_TWICE } } },
	{ login_in, "login=&login=&password=pw", 0, 1, { { "login", M_TWICE } } },
	{ login_in, "login=a&password=b&password=c", 0, 1,
	    { { "password", M_TWICE } } },
	{ login_in, "login=a&password=b&note=1&note=2", 0, 1,
	    { { "note", M_TWICE } } },
	/* valid_login: at most 64 characters (not bytes), no controls */
	{ login_in, "login=@&password=pw", 64, 0, { { NULL, NULL } } },
	{ login_in, "login=@&password=pw", 65, 1, { { "login", M_LOGIN } } },
	{ login_in, "login=al%09ice&password=pw", 0, 1, { { "login", M_LOGIN_CTRL } } },
	{ login_in, "login=alice%0A&password=pw", 0, 1, { { "login", M_LOGIN_CTRL } } },
	{ login_in, "login=%7Falice&password=pw", 0, 1, { { "login", M_LOGIN_CTRL } } },
	{ login_in, "login=ali%C2%85ce&password=pw", 0, 1, { { "login", M_LOGIN_CTRL } } },
	{ login_in, "login=" UE8 UE8 UE8 UE8 UE8 UE8 UE8 UE8 "&password=pw", 0, 0,
	    { { NULL, NULL } } },
	{ login_in, "login=" UE8 UE8 UE8 UE8 UE8 UE8 UE8 UE8 "a&password=pw", 0, 1,
	    { { "login", M_LOGIN } } },
	/* valid_password_input: anything up to 1024, as typed */
	{ login_in, "login=a&password=@", 1024, 0, { { NULL, NULL } } },
	{ login_in, "login=a&password=@", 1025, 1, { { "password", M_PW_LONG } } },
	{ login_in, "login=a&password=+a%09b+", 0, 0, { { NULL, NULL } } },
	/* every kind at once */
	{ login_in, "note=1&login=@&note=2&password=", 65, 3,
	    { { "login", M_LOGIN }, { "password", M_FILL }, { "note", M_TWICE } } },
	/* valid_new_password: 8 to 1024, no control characters */
	{ new_pw_in, "new_password=correct+horse", 0, 0, { { NULL, NULL } } },
	{ new_pw_in, "new_password=", 0, 1, { { "new_password", M_FILL } } },
	{ new_pw_in, "new_password=@", 7, 1, { { "new_password", M_SHORT } } },
	{ new_pw_in, "new_password=@", 8, 0, { { NULL, NULL } } },
	{ new_pw_in, "new_password=@", 1024, 0, { { NULL, NULL } } },
	{ new_pw_in, "new_password=@", 1025, 1, { { "new_password", M_LONG } } },
	{ new_pw_in, "new_password=@%01", 8, 1, { { "new_password", M_CTRL } } },
	{ new_pw_in, "new_password=abcd%0Aefgh", 0, 1,
	    { { "new_password", M_CTRL } } },
	{ new_pw_in, "new_password=@%7F", 8, 1, { { "new_password", M_CTRL } } },
	{ new_pw_in, "new_password=ab%01", 0, 1, { { "new_password", M_SHORT } } },
	/* eight bytes but four characters */
	{ new_pw_in, "new_password=%C3%A4%C3%B6%C3%BC%C3%9F", 0, 1,
	    { { "new_password", M_SHORT } } },
	{ new_pw_in, "new_password=%C3%A4%C3%B6%C3%BC%C3%9Fabcd", 0, 0,
	    { { NULL, NULL } } },
	{ new_pw_in, "new_password=a&new_password=b", 0, 1,
	    { { "new_password", M_TWICE } } },
};

static void
test_check_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof check_cases / sizeof check_cases[0];
	    i++) {
		const struct check_case	*c = &check_cases[i];
		struct req		 r;
		struct form_errors	 e;

		print_message("case %zu: %s (@ = %zu)\n", i, c->body, c->pad);
		req_with_form(&r, c->body, c->pad);
		memset(&e, 0, sizeof e);
		assert_int_equal(form_check(&r, c->fields, &e), c->n);
		assert_int_equal(e.n, c->n);
		for (size_t j = 0; j < c->n; j++) {
			assert_string_equal(e.v[j].field, c->err[j].field);
			assert_string_equal(e.v[j].message, c->err[j].message);
		}
		req_free(&r);
	}
}

/* form_check starts from no errors, whatever e held before. */
static void
test_check_resets(void **state)
{
	struct req		r;
	struct form_errors	e;

	(void)state;
	req_with_form(&r, "login=alice&password=pw", 0);
	memset(&e, 0, sizeof e);
	for (int i = 0; i < 5; i++)
		form_error(&e, "login", "old");
	assert_int_equal(form_check(&r, login_in, &e), 0);
	assert_int_equal(e.n, 0);
	req_free(&r);
}

/* form_error appends after form_check's errors, and stops at the cap. */
static void
test_error_append_cap(void **state)
{
	static const char *const msgs[] = {
		"m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9",
		"m10", "m11", "m12", "m13", "m14", "m15", "m16", "m17",
	};
	struct req		r;
	struct form_errors	e;

	(void)state;
	req_with_form(&r, "password=pw", 0);
	assert_int_equal(form_check(&r, login_in, &e), 1);
	form_error(&e, "password", "Wrong login or password.");
	assert_int_equal(e.n, 2);
	assert_string_equal(e.v[0].field, "login");
	assert_string_equal(e.v[0].message, M_FILL);
	assert_string_equal(e.v[1].field, "password");
	assert_string_equal(e.v[1].message, "Wrong login or password.");
	req_free(&r);

	memset(&e, 0, sizeof e);
	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
		form_error(&e, "note", msgs[i]);
		assert_int_equal(e.n, i < FORM_MAX_ERRORS ? i + 1 :
		    FORM_MAX_ERRORS);
	}
	/* the first ones are kept, later ones dropped */
	for (size_t i = 0; i < FORM_MAX_ERRORS; i++)
		assert_string_equal(e.v[i].message, msgs[i]);
}

/* Validators called directly, at their edges. */
struct valid_case {
	validator_fn	 fn;
	const char	*value;
	const char	*want;		/* NULL: accepted */
};

static const struct valid_case valid_cases[] = {
	{ valid_login,		"alice",		NULL },
	{ valid_login,		"a b.c-d_e@f",		NULL },
	{ valid_login,		"al\x1b" "ice",		M_LOGIN_CTRL },
	{ valid_password_input,	"",			NULL },
	{ valid_password_input,	"a\tb",			NULL },
	{ valid_new_password,	"1234567",		M_SHORT },
	{ valid_new_password,	"12345678",		NULL },
	{ valid_new_password,	"1234 678",		NULL },
	{ valid_new_password,	"1234\t678",		M_CTRL },
	{ valid_new_password,	"p\xc3\xa4sswort!",	NULL },
	{ valid_any,		"",			NULL },
	{ valid_any,		"\x01<>&",		NULL },
	{ valid_title,		"Planning",		NULL },
	{ valid_title,		" x\xc2\xa0",		NULL },
	{ valid_title,		"",			"Give the meeting a title." },
	{ valid_title,		"   ",			"Give the meeting a title." },
	{ valid_title,		" \xc2\xa0 ",		"Give the meeting a title." },
	{ valid_title,		"a\tb",		"Use letters, digits, spaces and "
	    "punctuation only." },
};

static void
test_validators(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof valid_cases / sizeof valid_cases[0];
	    i++) {
		const struct valid_case	*c = &valid_cases[i];
		const char		*got = c->fn(c->value);

		print_message("case %zu\n", i);
		if (c->want == NULL)
			assert_null(got);
		else {
			assert_non_null(got);
			assert_string_equal(got, c->want);
		}
	}
}

/* form_fill, rendered through TPL_TEXT */

struct fill_case {
	const char	*body;
	const char	*field;		/* an error added after form_check */
	const char	*message;
	const char	*want;
};

static const struct fill_case fill_cases[] = {
	{ "login=alice&password=s3cret&note=hi", NULL, NULL,
	    "[alice][][hi]" },
	/* values are HTML-escaped */
	{ "login=%3Cb%3E&password=s3cret&note=%3Cscript%3E", NULL, NULL,
	    "[&lt;b&gt;][][&lt;script&gt;]" },
	{ "login=%22%27%26x&password=s3cret", NULL, NULL,
	    "[&quot;&#39;&amp;x][][]" },
	{ "login=J%C3%BCrgen&password=s3cret", NULL, NULL,
	    "[J\xc3\xbcrgen][][]" },
	/* an error: its section with the message, and HAS_ERRORS */
	{ "password=s3cret", NULL, NULL,
	    "[][][](login: " M_FILL ")!" },
	{ "login=a&login=b&password=s3cret", NULL, NULL,
	    "[a][][](login: " M_TWICE ")!" },
	/* the secret's own error shows, its value still does not */
	{ "login=alice&password=s3cret", "password", "Wrong login or password.",
	    "[alice][][](password: Wrong login or password.)!" },
	{ "", NULL, NULL,
	    "[][][](login: " M_FILL ")(password: " M_FILL ")!" },
	/* messages are escaped too */
	{ "login=alice&password=s3cret", "login", "a < b & \"c\"",
	    "[alice][][](login: a &lt; b &amp; &quot;c&quot;)!" },
	/* an error for a field the template has no section for */
	{ "login=alice&password=s3cret", "note", "Not now.",
	    "[alice][][]!" },
};

static void
test_fill_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof fill_cases / sizeof fill_cases[0]; i++) {
		const struct fill_case	*c = &fill_cases[i];
		struct req		 r;
		struct form_errors	 e;
		struct tpl		*d;
		char			*out;
		size_t			 len = 0;

		print_message("case %zu: %s\n", i, c->body);
		req_with_form(&r, c->body, 0);
		form_check(&r, login_in, &e);
		if (c->field != NULL)
			form_error(&e, c->field, c->message);
		d = tpl_new();
		assert_non_null(d);
		form_fill(d, &r, login_in, &e);
		out = render(TPL_FILE, d, &len);
		assert_non_null(out);
		assert_int_equal(len, strlen(out));
		assert_string_equal(out, c->want);
		assert_null(strstr(out, "s3cret"));
		free(out);
		tpl_free(d);
		req_free(&r);
	}
}

/* A new-password form never echoes what was typed, even when it is fine. */
static void
test_fill_secret_only(void **state)
{
	static const char	 text[] = "{{%AUTOESCAPE context=\"HTML\"}}"
				    "[{{NEW_PASSWORD}}]{{#ERR_NEW_PASSWORD}}"
				    "({{MESSAGE}}){{/ERR_NEW_PASSWORD}}"
				    "{{#HAS_ERRORS}}!{{/HAS_ERRORS}}";
	struct fixture		*f = *state;
	char			 path[128];
	FILE			*fp;
	struct req		 r;
	struct form_errors	 e;
	struct tpl		*d;
	char			*out;
	size_t			 len;

	snprintf(path, sizeof path, "%s/" NP_FILE, f->dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	assert_true(fputs(text, fp) >= 0);
	assert_int_equal(fclose(fp), 0);

	req_with_form(&r, "new_password=s3cret-but-long", 0);
	assert_int_equal(form_check(&r, new_pw_in, &e), 0);
	assert_non_null(d = tpl_new());
	form_fill(d, &r, new_pw_in, &e);
	assert_non_null(out = render(NP_FILE, d, &len));
	assert_string_equal(out, "[]");
	free(out);
	tpl_free(d);
	req_free(&r);

	req_with_form(&r, "new_password=s3cret", 0);
	assert_int_equal(form_check(&r, new_pw_in, &e), 1);
	assert_non_null(d = tpl_new());
	form_fill(d, &r, new_pw_in, &e);
	assert_non_null(out = render(NP_FILE, d, &len));
	assert_string_equal(out, "[](" M_SHORT ")!");
	free(out);
	tpl_free(d);
	req_free(&r);

	assert_int_equal(unlink(path), 0);	/* teardown removes it on failure */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_table),
		cmocka_unit_test(test_check_resets),
		cmocka_unit_test(test_error_append_cap),
		cmocka_unit_test(test_validators),
		cmocka_unit_test(test_fill_table),
		cmocka_unit_test(test_fill_secret_only),
	};

	return cmocka_run_group_tests_name("form", tests, setup, teardown);
}
