/*
 * Fuzzes input_json: strict JSON bodies read through the API's own lists
 * (lib/fields): types, unknown and missing members, duplicates, the two
 * names of a time, a change (PATCH) that leaves members out; and the JSON
 * error the dispatcher answers a refusal with (api_error).  An input
 * starting with a byte below 8 sends its rest with another Content-Type;
 * any other input is an application/json body.
 */
#include "fuzz.h"

#include <jansson.h>

#include "api.h"
#include "fields.h"
#include "fuzz_input.h"
#include "input.h"
#include "request.h"

/* The bodies the API takes; partial: a change (input_json_patch). */
static const struct {
	const struct input_field *const *fields;
	int	partial;
} bodies[] = {
	{ booking_request_in,	0 },
	{ room_in,		0 },
	{ room_change_in,	1 },
	{ decision_in,		0 },
	{ checkin_in,		0 },
	{ checkout_in,		0 },
};

static const char *const types[8] = {
	"CONTENT_TYPE=application/json; charset=utf-8",
	"CONTENT_TYPE=Application/JSON",
	"CONTENT_TYPE=application/json ",
	"CONTENT_TYPE=application/jsonx",
	"CONTENT_TYPE=application/x-www-form-urlencoded",
	"CONTENT_TYPE=text/plain",
	"CONTENT_TYPE=",
	NULL,
};

/* What the response writer was given. */
struct out {
	char	*buf;
	size_t	 len;
};

static int
capture(void *ctx, const char *data, size_t len)
{
	struct out	*o = ctx;
	char		*b;

	if ((b = realloc(o->buf, o->len + len + 1)) == NULL)
		abort();
	memcpy(b + o->len, data, len);
	o->len += len;
	b[o->len] = '\0';
	o->buf = b;
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_site_zone();
	return 0;
}

/*
 * Member m as the text a form would have sent for f, into buf: NULL when
 * m is not of f's JSON type (or a string holds a NUL).
 */
static const char *
member_text(const struct input_field *f, json_t *m, char buf[24])
{
	switch (f->type) {
	case IN_INT:
		if (!json_is_integer(m))
			return NULL;
		snprintf(buf, 24, "%" JSON_INTEGER_FORMAT, json_integer_value(m));
		return buf;
	case IN_FLAG:
		if (json_is_boolean(m))
			return json_is_true(m) ? "1" : "";
		if (!json_is_integer(m))
			return NULL;
		if (json_integer_value(m) == 0)
			return "";
		snprintf(buf, 24, "%" JSON_INTEGER_FORMAT, json_integer_value(m));
		return buf;
	default:
		if (!json_is_string(m) ||
		    strlen(json_string_value(m)) != json_string_length(m))
			return NULL;
		return json_string_value(m);
	}
}

/* Whether a list member m is as f takes it: strings it takes, not too many. */
static int
items_taken(const struct input_field *f, json_t *m)
{
	size_t	 i;
	json_t	*item;

	if (!json_is_array(m) || json_array_size(m) > INPUT_MAX_ITEMS ||
	    (json_array_size(m) == 0 && (f->flags & IN_REQUIRED)))
		return 0;
	json_array_foreach(m, i, item)
		if (!json_is_string(item) || strlen(json_string_value(item)) !=
		    json_string_length(item) ||
		    !fuzz_acceptable(f, json_string_value(item)))
			return 0;
	return 1;
}

static const struct input_field *
field_of(const struct input_field *const *fields, const char *key)
{
	for (size_t i = 0; fields[i] != NULL; i++)
		if (fuzz_field_named(fields[i], key, 1))
			return fields[i];
	return NULL;
}

/*
 * What a body that is a JSON object must be answered, from the fields'
 * descriptions: 0, or 422 for an unknown member, a time under both its
 * names, a member of the wrong type, a required one missing (unless
 * partial), or a value its field does not take.
 */
static int
expected(json_t *body, const struct input_field *const *fields, int partial)
{
	const char	*key, *s;
	json_t		*m, *a, *b;
	char		 buf[24];

	json_object_foreach(body, key, m)
		if (field_of(fields, key) == NULL)
			return 422;
	for (size_t i = 0; fields[i] != NULL; i++) {
		const struct input_field *f = fields[i];

		if (f->json == NULL)
			continue;
		a = json_object_get(body, f->json);
		b = f->json_also != NULL ? json_object_get(body, f->json_also) :
		    NULL;
		if (a != NULL && b != NULL)
			return 422;
		if ((m = a != NULL ? a : b) == NULL) {
			if (!partial && (f->flags & IN_REQUIRED))
				return 422;
			continue;
		}
		if (f->type == IN_LIST) {
			if (!items_taken(f, m))
				return 422;
			continue;
		}
		if ((s = member_text(f, m, buf)) == NULL)
			return 422;
		if (*s == '\0' ? (f->flags & IN_REQUIRED) != 0 :
		    !fuzz_acceptable(f, s))
			return 422;
	}
	return 0;
}

/* An accepted body: its values typed, as their members said. */
static void
check_accepted(const struct req *r, const struct input *in, json_t *body,
    const struct input_field *const *fields, int partial)
{
	char	buf[24];

	FUZZ_CHECK(!r->refused && r->errors.n == 0 && r->status == 0);
	for (size_t i = 0; fields[i] != NULL; i++) {
		const struct input_field *f = fields[i];
		const struct input_value *v = &in->v[i];
		json_t		*m = NULL;
		const char	*s;

		if (f->json != NULL && (m = json_object_get(body,
		    f->json)) == NULL && f->json_also != NULL)
			m = json_object_get(body, f->json_also);
		if (m == NULL) {
			/* not taken in JSON, or left out of a change */
			FUZZ_CHECK(v->text == NULL);
			if (f->json == NULL || partial)
				continue;
		}
		if (f->type == IN_LIST) {
			/* as many as the array, the first its text */
			FUZZ_CHECK(v->n == (long long)json_array_size(m));
			FUZZ_CHECK(v->n == 0 ? v->text == NULL : strcmp(v->text,
			    json_string_value(json_array_get(m, 0))) == 0);
			if (v->n > 0)
				fuzz_check_value(f, v);
			continue;
		}
		fuzz_check_value(f, v);
		if (m != NULL) {
			FUZZ_CHECK((s = member_text(f, m, buf)) != NULL);
			FUZZ_CHECK(*s == '\0' ? v->text == NULL :
			    strcmp(v->text, s) == 0);
		}
	}
}

/* A refused body, answered as the dispatcher does: a JSON error. */
static void
check_refused(struct req *r, int status, const struct out *o,
    const struct input_field *const *fields)
{
	char		 head[32];
	const char	*s;
	json_t		*j, *e, *f;

	fuzz_check_errors(r, fields, 1);
	if (status != 422)
		FUZZ_CHECK(r->error_field == NULL && r->errors.n == 0);
	FUZZ_CHECK(api_error(r, status, r->error, r->error_field) == status);
	FUZZ_CHECK(r->status == status);
	snprintf(head, sizeof head, "Status: %d ", status);
	FUZZ_CHECK(o->buf != NULL && strncmp(o->buf, head, strlen(head)) == 0);
	FUZZ_CHECK((s = strstr(o->buf, "\r\n\r\n")) != NULL);
	FUZZ_CHECK((j = json_loads(s + 4, 0, NULL)) != NULL);
	e = json_object_get(j, "error");
	FUZZ_CHECK(json_is_string(json_object_get(e, "code")));
	FUZZ_CHECK(json_is_string(json_object_get(e, "message")));
	FUZZ_CHECK(strcmp(json_string_value(json_object_get(e, "message")),
	    r->error) == 0);
	if ((f = json_object_get(e, "field")) != NULL && !json_is_null(f))
		FUZZ_CHECK(json_is_string(f) &&
		    fuzz_list_has(fields, json_string_value(f), 1));
	json_decref(j);
}

static int
sent_as_json(const char *env)
{
	const char *t = env + strlen("CONTENT_TYPE=");

	return strncasecmp(t, "application/json", 16) == 0 &&
	    (t[16] == '\0' || t[16] == ';' || t[16] == ' ');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*env[2] = { "CONTENT_TYPE=application/json", NULL };
	struct out	 o = { NULL, 0 };
	struct req	 r;
	struct input	 in;
	json_t		*body = NULL;
	int		 status;

	if (size > 0 && data[0] < 8) {
		env[0] = types[data[0]];
		data++;
		size--;
	}
	memset(&r, 0, sizeof r);
	r.env = (char *const *)env;	/* req_env only reads it */
	r.method = M_POST;
	r.write = capture;
	r.write_ctx = &o;
	/* As app.c reads it: no body is NULL, else malloc'd and terminated. */
	if (size > 0) {
		r.body = fuzz_alloc(size + 1);
		memcpy(r.body, data, size);
		r.body[size] = '\0';
		r.body_len = size;
		body = json_loadb(r.body, size, JSON_REJECT_DUPLICATES, NULL);
	}
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		const struct input_field *const *fields = bodies[i].fields;

		fuzz_req_reset(&r);
		r.status = 0;
		free(r.headers);
		r.headers = NULL;
		r.headers_len = 0;
		o.len = 0;
		status = bodies[i].partial ? input_json_patch(&r, fields, &in) :
		    input_json(&r, fields, &in);
		FUZZ_CHECK(status == 0 || status == 400 || status == 415 ||
		    status == 422);
		FUZZ_CHECK(o.len == 0);		/* input_json answers nothing */
		if (env[0] == NULL || !sent_as_json(env[0]))
			FUZZ_CHECK(status == 415);
		else if (!json_is_object(body))
			FUZZ_CHECK(status == 400);
		else
			FUZZ_CHECK(status == expected(body, fields,
			    bodies[i].partial));
		if (status == 0)
			check_accepted(&r, &in, body, fields,
			    bodies[i].partial);
		else
			check_refused(&r, status, &o, fields);
		input_free(&in);
	}
	json_decref(body);
	req_free(&r);
	free(o.buf);
	return 0;
}
