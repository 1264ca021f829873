/* Fuzzes params_parse_form (query strings, urlencoded bodies) and form_check. */
#include "fuzz.h"

#include "apitoken.h"
#include "clock.h"
#include "form.h"
#include "request.h"
#include "token.h"
#include "utf8.h"

/* The booking form's fields, with the other forms' validators beside them. */
static const struct field fields[] = {
	{ "room_id",		valid_id,		F_REQUIRED },
	{ "starts_at",		valid_local_time,	F_REQUIRED },
	{ "ends_at",		valid_local_time,	F_REQUIRED },
	{ "title",		valid_title,		F_REQUIRED },
	{ "attendees",		valid_attendees,	F_REQUIRED },
	{ "request_token",	valid_form_token,	F_REQUIRED },
	{ "reason",		valid_reason,		0 },
	{ "login",		valid_login,		0 },
	{ "password",		valid_password_input,	F_SECRET },
	{ "new_password",	valid_new_password,	F_SECRET },
	{ NULL,			NULL,			0 },
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_site_zone();
	return 0;
}

/* p written out again as name=value&..., every byte that needs it escaped. */
static char *
encode(const struct params *p)
{
	size_t	 size = 1, off = 0;
	char	*s, *n, *v;

	for (size_t i = 0; i < p->n; i++)
		size += 3 * (strlen(p->v[i].name) + strlen(p->v[i].value)) + 2;
	s = fuzz_alloc(size);
	s[0] = '\0';
	for (size_t i = 0; i < p->n; i++) {
		n = url_encode(p->v[i].name);
		v = url_encode(p->v[i].value);
		FUZZ_CHECK(n != NULL && v != NULL);
		off += (size_t)snprintf(s + off, size - off, "%s%s=%s",
		    i > 0 ? "&" : "", n, v);
		free(n);
		free(v);
	}
	FUZZ_CHECK(off < size);
	return s;
}

static int
has_error(const struct form_errors *e, const char *field)
{
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->v[i].field, field) == 0)
			return 1;
	return 0;
}

static int
has_control(const char *s)
{
	return utf8_has_control(s, strlen(s));
}

/* What each validator promises about a value it let through. */
static void
check_accepted(const struct req *r, const char *name, const char *v)
{
	time_t	t;

	if (strcmp(name, "room_id") == 0)
		FUZZ_CHECK(form_int(r, name) >= 1 &&
		    form_int(r, name) <= 999999999999999999LL);
	else if (strcmp(name, "attendees") == 0)
		FUZZ_CHECK(form_int(r, name) >= 1 &&
		    form_int(r, name) <= 10000);
	else if (strcmp(name, "starts_at") == 0 ||
	    strcmp(name, "ends_at") == 0)
		FUZZ_CHECK(parse_local_input(v, &t) == LOCAL_OK);
	else if (strcmp(name, "title") == 0)
		FUZZ_CHECK(utf8_length(v) <= 200 && !has_control(v));
	else if (strcmp(name, "reason") == 0)
		FUZZ_CHECK(utf8_length(v) <= 500);
	else if (strcmp(name, "login") == 0)
		FUZZ_CHECK(utf8_length(v) <= 64 && !has_control(v));
	else if (strcmp(name, "request_token") == 0)
		FUZZ_CHECK(token_valid(v));
	else if (strcmp(name, "new_password") == 0)
		FUZZ_CHECK(utf8_length(v) >= 8 && strlen(v) <= 1024 &&
		    !has_control(v));
}

static void
check_form(struct req *r)
{
	struct form_errors	 e;
	const char		*name;

	FUZZ_CHECK(form_check(r, fields, &e) == e.n);
	FUZZ_CHECK(e.n <= FORM_MAX_ERRORS);
	for (size_t i = 0; i < e.n; i++)
		FUZZ_CHECK(e.v[i].field != NULL && e.v[i].message != NULL);
	/* Fewer fields than FORM_MAX_ERRORS: no error is left out. */
	for (const struct field *f = fields; f->name != NULL; f++) {
		const char	*v = params_get(&r->form, f->name);
		size_t		 n = params_count(&r->form, f->name);

		if (n > 1 || (n == 0 && (f->flags & F_REQUIRED)))
			FUZZ_CHECK(has_error(&e, f->name));
		else if (n == 1 && *v != '\0' && !has_error(&e, f->name))
			check_accepted(r, f->name, v);
	}
	/* The token page's name check, on whatever came as "name". */
	if ((name = params_get(&r->form, "name")) != NULL &&
	    apitoken_name_invalid(name) == NULL)
		FUZZ_CHECK(utf8_valid(name, strlen(name)) && *name != '\0' &&
		    utf8_length(name) <= APITOKEN_NAME_MAX && !has_control(name));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req	 r;
	struct params	 again = { 0 };
	const char	*why = NULL;
	char		*s;
	int		 rc;

	memset(&r, 0, sizeof r);
	rc = params_parse_form(&r.form, (const char *)data, size, &why);
	FUZZ_CHECK(rc == 0 || rc == 400 || rc == 500);
	if (rc != 0) {
		FUZZ_CHECK(why != NULL);
		params_free(&r.form);
		return 0;
	}
	FUZZ_CHECK(r.form.n <= REQ_MAX_PARAMS);
	for (size_t i = 0; i < r.form.n; i++) {
		const struct param *p = &r.form.v[i];

		FUZZ_CHECK(p->name[0] != '\0');
		FUZZ_CHECK(utf8_valid(p->name, strlen(p->name)));
		FUZZ_CHECK(utf8_valid(p->value, strlen(p->value)));
	}

	/* Encoded again and parsed, the same pairs come back in order. */
	s = encode(&r.form);
	FUZZ_CHECK(params_parse_form(&again, s, strlen(s), &why) == 0);
	FUZZ_CHECK(again.n == r.form.n);
	for (size_t i = 0; i < again.n; i++) {
		FUZZ_CHECK(strcmp(again.v[i].name, r.form.v[i].name) == 0);
		FUZZ_CHECK(strcmp(again.v[i].value, r.form.v[i].value) == 0);
	}
	free(s);
	params_free(&again);

	check_form(&r);
	params_free(&r.form);
	return 0;
}
