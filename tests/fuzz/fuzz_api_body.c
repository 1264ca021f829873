/*
 * Fuzzes api_body: strict JSON bodies against a field table (types,
 * unknown and missing fields, duplicates), and the JSON error it answers.
 * An input starting with a byte below 8 sends its rest with another
 * Content-Type; any other input is an application/json body.
 */
#include "fuzz.h"

#include <jansson.h>

#include "api.h"
#include "bookingapi.h"
#include "request.h"

/* The fields POST /api/bookings takes. */
static const struct api_field *const fields = bookingapi_request_fields;

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

static const struct api_field *
field(const char *name)
{
	for (const struct api_field *f = fields; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* An accepted body holds only known fields of their types, and the required. */
static void
check_accepted(json_t *body)
{
	const struct api_field	*f;
	const char		*key, *why;
	json_t			*v;
	time_t			 t;

	FUZZ_CHECK(json_is_object(body));
	json_object_foreach(body, key, v) {
		FUZZ_CHECK((f = field(key)) != NULL);
		if (f->type == API_INT) {
			FUZZ_CHECK(json_is_integer(v));
			continue;
		}
		FUZZ_CHECK(json_is_string(v));
		FUZZ_CHECK(strlen(json_string_value(v)) ==
		    json_string_length(v));
		if (f->type == API_TIME &&
		    api_parse_time(json_string_value(v), &t, &why) == -1)
			FUZZ_CHECK(why != NULL);
	}
	for (f = fields; f->name != NULL; f++)
		if (f->required)
			FUZZ_CHECK(json_object_get(body, f->name) != NULL);
}

/* A refused body got one response: its status, and a JSON error. */
static void
check_refused(const struct req *r, int status, const struct out *o)
{
	char		 head[32];
	const char	*s;
	json_t		*j, *e, *f;

	FUZZ_CHECK(status == 400 || status == 415 || status == 422);
	FUZZ_CHECK(r->status == status);
	snprintf(head, sizeof head, "Status: %d ", status);
	FUZZ_CHECK(o->buf != NULL && strncmp(o->buf, head, strlen(head)) == 0);
	FUZZ_CHECK((s = strstr(o->buf, "\r\n\r\n")) != NULL);
	FUZZ_CHECK((j = json_loads(s + 4, 0, NULL)) != NULL);
	e = json_object_get(j, "error");
	FUZZ_CHECK(json_is_string(json_object_get(e, "code")));
	FUZZ_CHECK(json_is_string(json_object_get(e, "message")));
	if ((f = json_object_get(e, "field")) != NULL && !json_is_null(f))
		FUZZ_CHECK(json_is_string(f) &&
		    field(json_string_value(f)) != NULL);
	json_decref(j);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*env[2] = { "CONTENT_TYPE=application/json", NULL };
	struct out	 o = { NULL, 0 };
	struct req	 r;
	json_t		*body;
	int		 status = -1;

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
	}
	if ((body = api_body(&r, fields, &status)) != NULL) {
		FUZZ_CHECK(status == 0 && r.status == 0 && o.len == 0);
		check_accepted(body);
		json_decref(body);
	} else
		check_refused(&r, status, &o);
	req_free(&r);
	free(o.buf);
	return 0;
}
