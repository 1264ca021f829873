/* input: fields described once, read from forms, query strings and JSON. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "clock.h"
#include "i18n.h"
#include "input.h"
#include "render.h"
#include "utf8.h"

static const char FILL_IN[] = N_("Please fill this in.");
static const char TIME_SAYS[] = N_("Enter a date and time, like "
    "2026-12-01T09:30.");
static const char WHOLE_MINUTES[] = N_("Times fall on whole minutes "
    "(seconds must be 00).");

/* What a field that says nothing itself tells about a value it refuses. */
static const char *
default_says(const struct input_field *f)
{
	if (f->says != NULL)
		return f->says;
	switch (f->type) {
	case IN_INT:	return N_("Enter a whole number.");
	case IN_DATE:	return N_("Enter a day, like 2026-12-01.");
	case IN_FLAG:	return N_("Tick the box, or leave it empty.");
	case IN_CHOICE:	return N_("Choose one from the list.");
	default:	return N_("This value is too long.");
	}
}

/* The first error becomes the request's answer; every one is recorded. */
static void
refuse_value(struct req *r, const char *field, const char *message)
{
	if (!r->refused)
		req_refuse(r, 422, message, field);
	else
		req_field_error(r, field, message);
}

/* A whole decimal number from lo to hi, without sign or leading zero. */
static int
whole_number(const char *v, long long lo, long long hi, long long *n)
{
	size_t len = strlen(v);

	if (len == 0 || len > 18 || strspn(v, "0123456789") != len ||
	    (v[0] == '0' && len > 1))
		return 0;
	*n = strtoll(v, NULL, 10);
	return *n >= lo && *n <= hi;
}

static int
one_of(const char *v, const char *const *choices)
{
	for (; choices != NULL && *choices != NULL; choices++)
		if (strcmp(*choices, v) == 0)
			return 1;
	return 0;
}

/*
 * Checks text (NULL: absent) against f, as sent under the name `as`, into
 * v.  Returns 0, or -1 with the error recorded.
 */
static int
check_value(struct req *r, const struct input_field *f, const char *as,
    const char *text, struct input_value *v)
{
	const char	*why = NULL, *bad_time;

	memset(v, 0, sizeof *v);
	v->sent_as = as;
	v->n = f->dflt;
	if (text == NULL || *text == '\0') {
		if (f->flags & IN_REQUIRED) {
			refuse_value(r, as, FILL_IN);
			return -1;
		}
		return 0;
	}
	switch (f->type) {
	case IN_TEXT:
		if ((f->max > 0 && utf8_length(text) > (size_t)f->max) ||
		    ((f->flags & IN_PLAIN) && utf8_has_control(text,
		    strlen(text))))
			why = default_says(f);
		break;
	case IN_INT:
		if (!whole_number(text, f->min, f->max, &v->n))
			why = default_says(f);
		break;
	case IN_TIME:
		if (input_parse_time(text, &v->t, &bad_time) == -1)
			why = bad_time;
		break;
	case IN_DATE:
		if (strlen(text) != 10 || local_date_start(text, 0, &v->t) ==
		    -1 || local_date_start(text, 1, &v->t_end) == -1)
			why = default_says(f);
		break;
	case IN_FLAG:
		if (strcmp(text, "1") != 0)
			why = default_says(f);
		v->n = 1;
		break;
	case IN_CHOICE:
		if (!one_of(text, f->choices))
			why = default_says(f);
		break;
	case IN_LIST:	/* read by pairs_list and json_list */
		why = default_says(f);
		break;
	}
	if (why == NULL && f->valid != NULL)
		why = f->valid(text);
	if (why != NULL) {
		refuse_value(r, as, why);
		return -1;
	}
	v->text = text;
	return 0;
}

/* One item of an IN_LIST field: as an IN_TEXT's checks; 0 or -1. */
static int
check_item(struct req *r, const struct input_field *f, const char *as,
    const char *text)
{
	const char *why = NULL;

	if (text == NULL || *text == '\0' ||
	    (f->max > 0 && utf8_length(text) > (size_t)f->max) ||
	    utf8_has_control(text, strlen(text)))
		why = default_says(f);
	else if (f->valid != NULL)
		why = f->valid(text);
	if (why != NULL) {
		refuse_value(r, as, why);
		return -1;
	}
	return 0;
}

/* Notes an IN_LIST's count and first item in v, once each item passed. */
static void
list_value(struct req *r, const struct input_field *f, const char *as,
    size_t n, const char *first, struct input_value *v)
{
	memset(v, 0, sizeof *v);
	v->sent_as = as;
	if (n > INPUT_MAX_ITEMS) {
		refuse_value(r, as, N_("This list is too long."));
		return;
	}
	if (n == 0 && (f->flags & IN_REQUIRED)) {
		refuse_value(r, as, FILL_IN);
		return;
	}
	v->n = (long long)n;
	v->text = first;
}

/* An IN_LIST from urlencoded pairs: every value under its name. */
static void
pairs_list(struct req *r, const struct params *p,
    const struct input_field *f, struct input_value *v)
{
	const char	*first = NULL;
	size_t		 n = 0;
	int		 bad = 0;

	for (size_t j = 0; j < p->n; j++) {
		if (strcmp(p->v[j].name, f->name) != 0 ||
		    ((f->flags & IN_BLANK_NONE) && p->v[j].value[0] == '\0'))
			continue;
		if (n++ == 0)
			first = p->v[j].value;
		/* One error a list: the first item it does not take. */
		if (!bad && n <= INPUT_MAX_ITEMS && check_item(r, f, f->name,
		    p->v[j].value) == -1)
			bad = 1;
	}
	if (!bad)
		list_value(r, f, f->name, n, first, v);
}

/* Starts in on fields; -1 if the list is longer than in can hold. */
static int
input_begin(struct req *r, const struct input_field *const *fields,
    struct input *in)
{
	size_t n = 0;

	memset(in, 0, sizeof *in);
	in->fields = fields;
	while (fields[n] != NULL)
		n++;
	if (n > INPUT_MAX_FIELDS) {
		r->error = "a field list is longer than INPUT_MAX_FIELDS";
		return -1;
	}
	return 0;
}

/* Fields from urlencoded pairs: a form body or a query string. */
static int
input_pairs(struct req *r, const struct params *p,
    const struct input_field *const *fields, struct input *in)
{
	if (input_begin(r, fields, in) == -1)
		return 500;
	in->pairs = p;
	for (size_t i = 0; fields[i] != NULL; i++) {
		const struct input_field *f = fields[i];

		if (f->type == IN_LIST)
			pairs_list(r, p, f, &in->v[i]);
		else if (params_count(p, f->name) > 1)
			refuse_value(r, f->name, N_("This field was sent "
			    "twice."));
		else
			check_value(r, f, f->name, params_get(p, f->name),
			    &in->v[i]);
	}
	return r->refused ? 422 : 0;
}

int
input_form(struct req *r, const struct input_field *const *fields,
    struct input *in)
{
	return input_pairs(r, &r->form, fields, in);
}

int
input_query(struct req *r, const struct input_field *const *fields,
    struct input *in)
{
	return input_pairs(r, &r->query, fields, in);
}

/* The body as a JSON object, or NULL with the request refused. */
static json_t *
json_object_body(struct req *r, int *status)
{
	const char	*type = req_env(r, "CONTENT_TYPE");
	json_error_t	 jerr;
	json_t		*body;
	char		*near;

	if (type == NULL || strncasecmp(type, "application/json", 16) != 0 ||
	    (type[16] != '\0' && type[16] != ';' && type[16] != ' ')) {
		*status = req_refuse(r, 415, "send the body as "
		    "application/json", NULL);
		return NULL;
	}
	if (r->body == NULL || (body = json_loadb(r->body, r->body_len,
	    JSON_REJECT_DUPLICATES, &jerr)) == NULL) {
		/*
		 * jansson quotes the bytes near the error, which may end in
		 * half a character; the position says where it is anyway.
		 */
		if (r->body != NULL && !utf8_valid(jerr.text,
		    strlen(jerr.text)) && (near = strstr(jerr.text,
		    " near '")) != NULL)
			*near = '\0';
		req_errorf(r, "the body is not valid JSON: %s (at character "
		    "%d)", r->body == NULL ? T(r, "it is empty") : jerr.text,
		    r->body == NULL ? 0 : jerr.position);
		*status = req_refuse(r, 400, r->error, NULL);
		return NULL;
	}
	if (!json_is_object(body)) {
		json_decref(body);
		*status = req_refuse(r, 400, "the body must be a JSON object",
		    NULL);
		return NULL;
	}
	return body;
}

/*
 * Member v of a body as the text a form would have sent for field f, into
 * buf.  NULL with the request refused when v is not of f's JSON type.
 */
static const char *
json_as_text(struct req *r, const struct input_field *f, const char *as,
    json_t *v, char buf[24])
{
	char	msg[100];

	switch (f->type) {
	case IN_INT:
		/* null: back to what it is without a value (e.g. a default). */
		if (json_is_null(v) && !(f->flags & IN_REQUIRED))
			return "";
		if (!json_is_integer(v))
			break;
		snprintf(buf, 24, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return buf;
	case IN_FLAG:
		if (json_is_boolean(v))
			return json_is_true(v) ? "1" : "";
		if (!json_is_integer(v))
			break;
		if (json_integer_value(v) == 0)
			return "";
		snprintf(buf, 24, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return buf;
	default:
		/* Strings hold no NUL: jansson refuses \u0000 as it parses. */
		if (json_is_string(v))
			return json_string_value(v);
		break;
	}
	snprintf(msg, sizeof msg, f->type == IN_INT ? T(r, "%s must be a whole "
	    "number") : f->type == IN_FLAG ? T(r, "%s must be true or false") :
	    T(r, "%s must be a string"), as);
	refuse_value(r, as, msg);
	return NULL;
}

/* An IN_LIST from a JSON member: an array of strings. */
static void
json_list(struct req *r, const struct input_field *f, const char *as,
    json_t *a, struct input_value *v)
{
	char	 msg[100];
	size_t	 i;
	json_t	*item;

	if (!json_is_array(a)) {
		snprintf(msg, sizeof msg, T(r, "%s must be a list of strings"),
		    as);
		refuse_value(r, as, msg);
		return;
	}
	json_array_foreach(a, i, item) {
		if (i >= INPUT_MAX_ITEMS)
			break;
		if (!json_is_string(item)) {
			snprintf(msg, sizeof msg, T(r, "%s must be a list of "
			    "strings"), as);
			refuse_value(r, as, msg);
			return;
		}
		if (check_item(r, f, as, json_string_value(item)) == -1)
			return;	/* one error a list */
	}
	list_value(r, f, as, json_array_size(a), json_string_value(
	    json_array_get(a, 0)), v);
}

/* The field of fields a JSON member `key` stands for, or NULL. */
static const struct input_field *
field_of_member(const struct input_field *const *fields, const char *key)
{
	for (size_t i = 0; fields[i] != NULL; i++)
		if ((fields[i]->json != NULL && strcmp(fields[i]->json,
		    key) == 0) || (fields[i]->json_also != NULL &&
		    strcmp(fields[i]->json_also, key) == 0))
			return fields[i];
	return NULL;
}

/* A body's fields; with partial, a field left out is simply absent. */
static int
input_body(struct req *r, const struct input_field *const *fields,
    struct input *in, int partial)
{
	json_t		*body, *v;
	const char	*key;
	char		 name[61];
	int		 status;

	if (input_begin(r, fields, in) == -1)
		return 500;
	if ((body = json_object_body(r, &status)) == NULL)
		return status;
	in->json = body;
	json_object_foreach(body, key, v) {
		if (field_of_member(fields, key) == NULL) {
			/* Cut on a character: jansson refuses half of one. */
			req_errorf(r, "unknown field \"%s\"", utf8_printf(name,
			    sizeof name, "%s", key));
			return req_refuse(r, 422, r->error, NULL);
		}
	}
	for (size_t i = 0; fields[i] != NULL; i++) {
		const struct input_field *f = fields[i];
		json_t		*a, *b;
		const char	*as, *text = NULL;

		if (f->json == NULL)
			continue;
		a = json_object_get(body, f->json);
		b = f->json_also != NULL ? json_object_get(body, f->json_also) :
		    NULL;
		as = b != NULL ? f->json_also : f->json;
		if (partial && a == NULL && b == NULL)
			continue;
		if (a != NULL && b != NULL) {
			char msg[100];

			snprintf(msg, sizeof msg, T(r, "give %s or %s, not "
			    "both"), f->json, f->json_also);
			refuse_value(r, f->json, msg);
		} else if (f->type == IN_LIST && (a != NULL || b != NULL))
			json_list(r, f, as, a != NULL ? a : b, &in->v[i]);
		else if (f->type == IN_LIST) {
			if (f->flags & IN_REQUIRED)
				refuse_value(r, f->json, FILL_IN);
		}
		else if ((a == NULL && b == NULL) || (text = json_as_text(r,
		    f, as, a != NULL ? a : b, in->number[i])) != NULL)
			check_value(r, f, as, text, &in->v[i]);
	}
	return r->refused ? 422 : 0;
}

int
input_json(struct req *r, const struct input_field *const *fields,
    struct input *in)
{
	return input_body(r, fields, in, 0);
}

int
input_json_patch(struct req *r, const struct input_field *const *fields,
    struct input *in)
{
	return input_body(r, fields, in, 1);
}

void
input_free(struct input *in)
{
	json_decref(in->json);
	in->json = NULL;
}

static const struct input_field *
field_named(const struct input *in, const char *name, size_t *index)
{
	for (size_t i = 0; in->fields != NULL && in->fields[i] != NULL &&
	    i < INPUT_MAX_FIELDS; i++)
		if (strcmp(in->fields[i]->name, name) == 0) {
			*index = i;
			return in->fields[i];
		}
	return NULL;
}

const struct input_value *
input_get(const struct input *in, const char *name)
{
	static const struct input_value absent;
	size_t i;

	return field_named(in, name, &i) != NULL ? &in->v[i] : &absent;
}

int
input_given(const struct input *in, const char *name)
{
	return input_get(in, name)->text != NULL;
}

const char *
input_text(const struct input *in, const char *name)
{
	return input_get(in, name)->text;
}

long long
input_int(const struct input *in, const char *name)
{
	return input_get(in, name)->n;
}

time_t
input_time(const struct input *in, const char *name)
{
	return input_get(in, name)->t;
}

size_t
input_items(const struct input *in, const char *name, const char **out,
    size_t max)
{
	const struct input_field	*f;
	json_t				*a = NULL, *item;
	size_t				 i, n = 0;

	if ((f = field_named(in, name, &i)) == NULL || f->type != IN_LIST ||
	    in->v[i].n == 0)
		return 0;
	if (in->json != NULL) {
		if (f->json != NULL)
			a = json_object_get(in->json, f->json);
		if (a == NULL && f->json_also != NULL)
			a = json_object_get(in->json, f->json_also);
		json_array_foreach(a, i, item)
			if (n < max)
				out[n++] = json_string_value(item);
		return n;
	}
	for (size_t j = 0; in->pairs != NULL && j < in->pairs->n; j++)
		if (strcmp(in->pairs->v[j].name, f->name) == 0 && n < max &&
		    !((f->flags & IN_BLANK_NONE) &&
		    in->pairs->v[j].value[0] == '\0'))
			out[n++] = in->pairs->v[j].value;
	return n;
}

int
input_sent(const struct input *in, const char *name)
{
	return input_get(in, name)->sent_as != NULL;
}

const struct input_field *
input_field_of(const struct input_field *const *fields, const char *name)
{
	for (size_t i = 0; name != NULL && fields[i] != NULL; i++)
		if (strcmp(fields[i]->name, name) == 0)
			return fields[i];
	return NULL;
}

const char *
input_name_sent(const struct input *in, const char *name)
{
	const struct input_field	*f;
	size_t				 i;

	if (name == NULL || (f = field_named(in, name, &i)) == NULL)
		return name;
	if (in->v[i].sent_as != NULL)
		return in->v[i].sent_as;
	return in->json != NULL && f->json != NULL ? f->json : f->name;
}

/* "new_password" becomes "NEW_PASSWORD" (after prefix). */
static void
template_key(char *buf, size_t n, const char *prefix, const char *name)
{
	size_t	o = (size_t)snprintf(buf, n, "%s", prefix);

	for (; *name != '\0' && o + 1 < n; name++)
		buf[o++] = (char)toupper((unsigned char)*name);
	buf[o < n ? o : n - 1] = '\0';
}

void
input_fill(struct tpl *d, const struct req *r,
    const struct input_field *const *fields)
{
	char	key[80];

	for (size_t i = 0; fields[i] != NULL; i++) {
		template_key(key, sizeof key, "", fields[i]->name);
		if (!(fields[i]->flags & IN_SECRET))
			tpl_set(d, key, params_get(&r->form, fields[i]->name));
	}
	for (size_t i = 0; i < r->errors.n; i++) {
		template_key(key, sizeof key, "ERR_", r->errors.v[i].field);
		tpl_set(tpl_section(d, key), "MESSAGE",
		    r->errors.v[i].message);
	}
	if (r->errors.n > 0)
		tpl_show(d, "HAS_ERRORS");
}

/* "yyyyMMddHHmm[ss]" as the datetime-local text it means. */
static int
origin_to_local(const char *s, char out[INPUT_TIME_LEN], const char **why)
{
	size_t n = strlen(s);

	if ((n != 12 && n != 14) || strspn(s, "0123456789") != n)
		return 1;	/* not this form */
	if (n == 14 && strcmp(s + 12, "00") != 0) {
		*why = WHOLE_MINUTES;
		return -1;
	}
	snprintf(out, INPUT_TIME_LEN, "%.4s-%.2s-%.2sT%.2s:%.2s", s, s + 4,
	    s + 6, s + 8, s + 10);
	return 0;
}

/* Reads "HH:MM" or "+HH:MM"/"-HH:MM"/"Z" zone suffixes; seconds east. */
static int
zone_offset(const char *z, long *east)
{
	int	h, m, used = 0;

	if (strcmp(z, "Z") == 0 || strcmp(z, "z") == 0) {
		*east = 0;
		return 0;
	}
	if ((z[0] != '+' && z[0] != '-') || sscanf(z + 1, "%2d:%2d%n", &h, &m,
	    &used) != 2 || used != 5 || z[6] != '\0' || h > 18 || m > 59)
		return -1;
	*east = (h * 3600L + m * 60L) * (z[0] == '-' ? -1 : 1);
	return 0;
}

int
input_parse_time(const char *s, time_t *t, const char **why)
{
	char		 local[INPUT_TIME_LEN];
	struct tm	 tm;
	const char	*rest;
	long		 east;
	int		 rc;

	*why = TIME_SAYS;
	if ((rc = origin_to_local(s, local, why)) == -1)
		return -1;
	if (rc == 1) {
		/* ISO 8601: the wall clock, then seconds and a zone, if any. */
		memset(&tm, 0, sizeof tm);
		if (strlen(s) < 16 || (rest = strptime(s, "%Y-%m-%dT%H:%M",
		    &tm)) == NULL || rest - s != 16)
			return -1;
		if (rest[0] == ':') {
			if (!isdigit((unsigned char)rest[1]) ||
			    !isdigit((unsigned char)rest[2]))
				return -1;
			if (rest[1] != '0' || rest[2] != '0') {
				*why = WHOLE_MINUTES;
				return -1;
			}
			rest += 3;
		}
		if (*rest != '\0') {
			struct tm asked = tm;

			/*
			 * The years the forms take; and timegm would move
			 * 31 February on to March.
			 */
			if (asked.tm_year < 2000 - 1900 ||
			    asked.tm_year > 9999 - 1900 ||
			    zone_offset(rest, &east) == -1 ||
			    (*t = timegm(&tm)) == (time_t)-1 ||
			    tm.tm_mday != asked.tm_mday ||
			    tm.tm_mon != asked.tm_mon)
				return -1;
			*t -= east;
			return 0;
		}
		snprintf(local, sizeof local, "%.16s", s);
	}
	switch (parse_local_input(local, t)) {
	case LOCAL_OK:
		return 0;
	case LOCAL_MISSING:
		*why = N_("That time does not exist on that day (the clocks "
		    "change).");
		return -1;
	default:
		return -1;
	}
}
