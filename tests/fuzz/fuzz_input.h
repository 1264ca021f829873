/*
 * fuzz_input: what lib/input promises about what it read, checked from
 * each field's own description (lib/fields), whatever the list: the
 * harnesses that read forms, query strings and bodies share these.
 */
#ifndef ROOMBOOK_FUZZ_INPUT_H
#define ROOMBOOK_FUZZ_INPUT_H

#include "fuzz.h"

#include "clock.h"
#include "input.h"
#include "request.h"
#include "utf8.h"

/* Forgets what an earlier reading found: r is asked afresh. */
static inline void
fuzz_req_reset(struct req *r)
{
	memset(&r->errors, 0, sizeof r->errors);
	r->refused = 0;
	r->error = NULL;
	r->error_field = NULL;
	r->error_buf[0] = '\0';
}

/* 1 if name is the name fields[i] came under: its form or a JSON name. */
static inline int
fuzz_field_named(const struct input_field *f, const char *name, int json)
{
	if (!json)
		return strcmp(f->name, name) == 0;
	return (f->json != NULL && strcmp(f->json, name) == 0) ||
	    (f->json_also != NULL && strcmp(f->json_also, name) == 0);
}

/* 1 if some field of the list comes under name. */
static inline int
fuzz_list_has(const struct input_field *const *fields, const char *name,
    int json)
{
	for (size_t i = 0; fields[i] != NULL; i++)
		if (fuzz_field_named(fields[i], name, json))
			return 1;
	return 0;
}

/* 1 if r recorded an error for f. */
static inline int
fuzz_has_error(const struct req *r, const struct input_field *f, int json)
{
	for (size_t i = 0; i < r->errors.n; i++)
		if (fuzz_field_named(f, r->errors.v[i].field, json))
			return 1;
	return 0;
}

/*
 * A refused reading: every error names a field of the list, and the
 * first is the request's answer.
 */
static inline void
fuzz_check_errors(const struct req *r, const struct input_field *const *fields,
    int json)
{
	FUZZ_CHECK(r->refused && r->error != NULL);
	FUZZ_CHECK(utf8_valid(r->error, strlen(r->error)));
	FUZZ_CHECK(r->errors.n <= REQ_MAX_ERRORS);
	for (size_t i = 0; i < r->errors.n; i++) {
		const char *m = r->errors.v[i].message;

		FUZZ_CHECK(r->errors.v[i].field != NULL);
		FUZZ_CHECK(fuzz_list_has(fields, r->errors.v[i].field, json));
		FUZZ_CHECK(m[0] != '\0' && utf8_valid(m, strlen(m)));
	}
	if (r->error_field != NULL) {
		FUZZ_CHECK(fuzz_list_has(fields, r->error_field, json));
		FUZZ_CHECK(r->errors.n > 0 &&
		    strcmp(r->errors.v[0].field, r->error_field) == 0);
	}
}

static inline int
fuzz_one_of(const char *s, const char *const *choices)
{
	for (; choices != NULL && *choices != NULL; choices++)
		if (strcmp(*choices, s) == 0)
			return 1;
	return 0;
}

/*
 * Whether f takes the text s (given, not empty), as its description
 * says: the type and limits, then its own check.
 */
static inline int
fuzz_acceptable(const struct input_field *f, const char *s)
{
	const char	*why = NULL;
	size_t		 len = strlen(s);
	time_t		 t;
	long long	 n;
	int		 ok = 0;

	switch (f->type) {
	case IN_TEXT:
		ok = (f->max == 0 || utf8_length(s) <= (size_t)f->max) &&
		    (!(f->flags & IN_PLAIN) || !utf8_has_control(s, len));
		break;
	case IN_INT:
		if (len == 0 || len > 18 || strspn(s, "0123456789") != len ||
		    (s[0] == '0' && len > 1))
			break;
		n = strtoll(s, NULL, 10);
		ok = n >= f->min && n <= f->max;
		break;
	case IN_TIME:
		ok = input_parse_time(s, &t, &why) == 0;
		break;
	case IN_DATE:
		ok = len == 10 && local_date_start(s, 0, &t) == 0 &&
		    local_date_start(s, 1, &t) == 0;
		break;
	case IN_FLAG:
		ok = strcmp(s, "1") == 0;
		break;
	case IN_CHOICE:
		ok = fuzz_one_of(s, f->choices);
		break;
	case IN_LIST:	/* one of its items */
		ok = len > 0 && (f->max == 0 ||
		    utf8_length(s) <= (size_t)f->max) &&
		    !utf8_has_control(s, len);
		break;
	}
	return ok && (f->valid == NULL || f->valid(s) == NULL);
}

/* A value f let through keeps f's limits; one left out reads as absent. */
static inline void
fuzz_check_value(const struct input_field *f, const struct input_value *v)
{
	const char	*s = v->text, *why = NULL;
	time_t		 t;
	size_t		 len;

	if (s == NULL) {
		FUZZ_CHECK(!(f->flags & IN_REQUIRED));
		FUZZ_CHECK(v->t == 0 && v->t_end == 0);
		if (f->type == IN_INT || f->type == IN_FLAG)
			FUZZ_CHECK(v->n == f->dflt);
		return;
	}
	len = strlen(s);
	FUZZ_CHECK(len > 0 && utf8_valid(s, len));
	switch (f->type) {
	case IN_TEXT:
		FUZZ_CHECK(f->max == 0 || utf8_length(s) <= (size_t)f->max);
		FUZZ_CHECK(!(f->flags & IN_PLAIN) || !utf8_has_control(s, len));
		break;
	case IN_INT:
		/* digits only, no sign or leading zero, within the limits */
		FUZZ_CHECK(strspn(s, "0123456789") == len);
		FUZZ_CHECK(s[0] != '0' || len == 1);
		FUZZ_CHECK(v->n >= f->min && v->n <= f->max);
		FUZZ_CHECK(strtoll(s, NULL, 10) == v->n);
		break;
	case IN_TIME:
		FUZZ_CHECK(input_parse_time(s, &t, &why) == 0 && t == v->t);
		FUZZ_CHECK(t % 60 == 0);
		break;
	case IN_DATE:
		FUZZ_CHECK(len == 10);
		FUZZ_CHECK(local_date_start(s, 0, &t) == 0 && t == v->t);
		/* 23 or 25 hours across a change */
		FUZZ_CHECK(v->t_end - v->t == 86400 ||
		    v->t_end - v->t == 82800 || v->t_end - v->t == 90000);
		break;
	case IN_FLAG:
		FUZZ_CHECK(strcmp(s, "1") == 0 && v->n == 1);
		break;
	case IN_CHOICE:
		FUZZ_CHECK(fuzz_one_of(s, f->choices));
		break;
	case IN_LIST:	/* its first item; how many, the reader's */
		FUZZ_CHECK(f->max == 0 || utf8_length(s) <= (size_t)f->max);
		FUZZ_CHECK(!utf8_has_control(s, len));
		FUZZ_CHECK(v->n >= 1 && v->n <= INPUT_MAX_ITEMS);
		break;
	}
	if (f->valid != NULL)
		FUZZ_CHECK(f->valid(s) == NULL);
}

#endif
