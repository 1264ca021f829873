/*
 * Fuzzes params_parse_form (query strings, urlencoded bodies), then reads
 * the pairs with input_form through the forms' own lists and with
 * input_query through the query strings' (lib/fields), checking each
 * answer against the fields' descriptions.
 */
#include "fuzz.h"

#include "fields.h"
#include "fuzz_input.h"
#include "input.h"
#include "request.h"
#include "utf8.h"

/* The forms the pages post, and the query strings they take. */
static const struct input_field *const *const forms[] = {
	booking_request_in, room_in, login_in, password_in, token_in,
	booking_cancel_in, deny_in, room_close_in, building_in, floor_in,
	feature_in, display_in, walkin_in, pin_in, display_checkin_in,
};
static const struct input_field *const *const queries[] = {
	booking_new_query, booking_list_query, rooms_query, status_list_query,
	booking_lists_query, day_query, week_query, usage_query,
	notifications_query, confirms_query, finder_query, free_query,
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

/*
 * An IN_LIST field's items in p (its name repeated): refused when one is
 * empty or not taken, or when there are too many; else counted, the
 * first one its text.
 */
static void
check_items(const struct req *r, const struct params *p,
    const struct input_field *f, const struct input_value *v, int *refuse)
{
	const char	*first = NULL;
	size_t		 n = 0;
	int		 bad = 0;

	for (size_t j = 0; j < p->n; j++) {
		if (strcmp(p->v[j].name, f->name) != 0)
			continue;
		if (n++ == 0)
			first = p->v[j].value;
		if (!fuzz_acceptable(f, p->v[j].value))
			bad = 1;
	}
	bad |= n > INPUT_MAX_ITEMS || (n == 0 && (f->flags & IN_REQUIRED));
	FUZZ_CHECK(fuzz_has_error(r, f, 0) == bad);
	*refuse |= bad;
	if (bad)
		return;
	FUZZ_CHECK(v->n == (long long)n);
	FUZZ_CHECK(n == 0 ? v->text == NULL : strcmp(v->text, first) == 0);
	if (n > 0)
		fuzz_check_value(f, v);
}

/*
 * The pairs p read through fields: refused (422) exactly when some field
 * was sent twice, is required and missing, or fails its description; the
 * others come out typed and within their limits.
 */
static void
check_list(struct req *r, const struct params *p,
    const struct input_field *const *fields, int status,
    const struct input *in)
{
	int	refuse = 0;

	FUZZ_CHECK(status == 0 || status == 422);
	for (size_t i = 0; fields[i] != NULL; i++) {
		const struct input_field *f = fields[i];
		const char	*v = params_get(p, f->name);
		size_t		 n = params_count(p, f->name);
		int		 bad;

		if (f->type == IN_LIST) {
			check_items(r, p, f, &in->v[i], &refuse);
			continue;
		}
		if (n > 1)
			bad = 1;
		else if (n == 0 || *v == '\0')
			bad = (f->flags & IN_REQUIRED) != 0;
		else
			bad = !fuzz_acceptable(f, v);
		/* Fewer fields than REQ_MAX_ERRORS: none is left out. */
		FUZZ_CHECK(fuzz_has_error(r, f, 0) == bad);
		refuse |= bad;
		if (bad)
			continue;
		fuzz_check_value(f, &in->v[i]);
		FUZZ_CHECK(in->v[i].text == NULL ? n == 0 || *v == '\0' :
		    strcmp(in->v[i].text, v) == 0);
		FUZZ_CHECK(input_get(in, f->name) == &in->v[i]);
	}
	FUZZ_CHECK((status == 422) == refuse);
	if (status == 0) {
		FUZZ_CHECK(!r->refused && r->errors.n == 0 && r->error == NULL);
		return;
	}
	fuzz_check_errors(r, fields, 0);
	FUZZ_CHECK(r->error_field != NULL);
}

static void
check_input(struct req *r)
{
	struct input	in;

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		fuzz_req_reset(r);
		check_list(r, &r->form, forms[i], input_form(r, forms[i], &in),
		    &in);
	}
	/* The same pairs as a query string. */
	r->query = r->form;
	memset(&r->form, 0, sizeof r->form);
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		fuzz_req_reset(r);
		check_list(r, &r->query, queries[i], input_query(r, queries[i],
		    &in), &in);
	}
	r->form = r->query;
	memset(&r->query, 0, sizeof r->query);
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

	check_input(&r);
	req_free(&r);
	return 0;
}
