/* api: the JSON side of the programs, under /api/: bodies in, answers out. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api.h"
#include "clock.h"
#include "response.h"
#include "utf8.h"

int
api_path(const char *path)
{
	return path != NULL && strncmp(path, "/api/", 5) == 0;
}

int
api_send(struct req *r, int status, json_t *j)
{
	char	*s = j != NULL ? json_dumps(j, JSON_COMPACT) : NULL;

	json_decref(j);
	if (s == NULL) {
		r->error = "out of memory encoding JSON";
		return 500;
	}
	resp_send(r, status, TYPE_JSON, CACHE_NONE, s, strlen(s));
	free(s);
	return status;
}

static const char *
error_code(int status)
{
	switch (status) {
	case 400:	return "bad_request";
	case 401:	return "unauthorized";
	case 403:	return "forbidden";
	case 404:	return "not_found";
	case 405:	return "method_not_allowed";
	case 409:	return "conflict";
	case 412:	return "precondition_failed";
	case 413:	return "too_large";
	case 415:	return "unsupported_media_type";
	case 428:	return "precondition_required";
	case 422:	return "invalid";
	case 429:	return "too_many_requests";
	case 503:	return "unavailable";
	default:	return status >= 500 ? "internal" : "error";
	}
}

int
api_error(struct req *r, int status, const char *message, const char *field)
{
	json_t *j;

	if (status == 503 && resp_header(r, "Retry-After", "5") == -1)
		return 500;
	j = json_pack("{s:{s:s, s:s, s:s?}}", "error", "code",
	    error_code(status), "message", message != NULL ? message :
	    http_reason(status), "field", field);

	if (api_send(r, status, j) != status)
		return 500;
	return status;
}

/* Sends a 422 about field, formatted; returns NULL for api_body. */
static json_t *refuse(struct req *, int *, const char *, const char *, ...)
    __attribute__((format(printf, 4, 5)));

static json_t *
refuse(struct req *r, int *status, const char *field, const char *fmt, ...)
{
	char	msg[200];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	*status = api_error(r, 422, msg, field);
	return NULL;
}

json_t *
api_body(struct req *r, const struct api_field *fields, int *status)
{
	const char	*type = req_env(r, "CONTENT_TYPE");
	json_error_t	 jerr;
	json_t		*body, *v;
	const char	*key;
	char		 msg[300], name[61], *near;

	if (type == NULL || strncasecmp(type, "application/json", 16) != 0 ||
	    (type[16] != '\0' && type[16] != ';' && type[16] != ' ')) {
		*status = api_error(r, 415, "send the body as application/json",
		    NULL);
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
		snprintf(msg, sizeof msg, "the body is not valid JSON: %s "
		    "(at character %d)", r->body == NULL ? "it is empty" :
		    jerr.text, r->body == NULL ? 0 : jerr.position);
		*status = api_error(r, 400, msg, NULL);
		return NULL;
	}
	if (!json_is_object(body)) {
		json_decref(body);
		*status = api_error(r, 400, "the body must be a JSON object",
		    NULL);
		return NULL;
	}
	/* The key belongs to body: answer before letting go of it. */
	json_object_foreach(body, key, v) {
		const struct api_field *f = fields;

		while (f->name != NULL && strcmp(f->name, key) != 0)
			f++;
		/* Cut on a character: jansson refuses half of one (a 500). */
		if (f->name == NULL)
			refuse(r, status, NULL, "unknown field \"%s\"",
			    utf8_printf(name, sizeof name, "%s", key));
		else if (f->type == API_INT && !json_is_integer(v))
			refuse(r, status, f->name, "%s must be a whole number",
			    f->name);
		else if (f->type != API_INT && !json_is_string(v))
			refuse(r, status, f->name, "%s must be a string",
			    f->name);
		else if (f->type != API_INT && strlen(json_string_value(v)) !=
		    json_string_length(v))
			refuse(r, status, f->name, "%s must not contain NUL "
			    "characters", f->name);
		else
			continue;
		json_decref(body);
		return NULL;
	}
	for (const struct api_field *f = fields; f->name != NULL; f++)
		if (f->required && json_object_get(body, f->name) == NULL) {
			json_decref(body);
			return refuse(r, status, f->name, "%s is required",
			    f->name);
		}
	*status = 0;
	return body;
}

long long
api_query_number(struct req *r, const char *name, long long dflt, long long lo,
    long long hi)
{
	const char	*v = params_get(&r->query, name);
	char		*end;
	long long	 n;

	if (v == NULL || *v == '\0')
		return dflt;
	n = strtoll(v, &end, 10);
	if (*end != '\0' || strspn(v, "0123456789") != strlen(v) || n < lo ||
	    n > hi) {
		req_errorf(r, "%s must be a whole number from %lld to %lld",
		    name, lo, hi);
		return -1;
	}
	return n;
}

int
api_page(struct req *r, long long *after, long long *limit)
{
	if ((*after = api_query_number(r, "after", 0, 0,
	    999999999999999999LL)) == -1 || (*limit = api_query_number(r,
	    "limit", 100, 1, API_PAGE_MAX)) == -1)
		return -1;
	return 0;
}

/* "yyyyMMddHHmm[ss]" as the datetime-local text it means. */
static int
origin_to_local(const char *s, char out[INPUT_TIME_LEN], const char **why)
{
	size_t n = strlen(s);

	if ((n != 12 && n != 14) || strspn(s, "0123456789") != n)
		return 1;	/* not this form */
	if (n == 14 && strcmp(s + 12, "00") != 0) {
		*why = "times fall on whole minutes (seconds must be 00)";
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
api_parse_time(const char *s, time_t *t, const char **why)
{
	char		 local[INPUT_TIME_LEN];
	struct tm	 tm;
	const char	*rest;
	long		 east;
	int		 rc;

	*why = "use yyyyMMddHHmm, yyyyMMddHHmmss or ISO 8601 "
	    "(2026-12-01T10:00, 2026-12-01T10:00:00Z, 2026-12-01T10:00+01:00)";
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
				*why = "times fall on whole minutes (seconds "
				    "must be 00)";
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
		*why = "that time does not exist in the site's time zone (a "
		    "daylight-saving change skips it)";
		return -1;
	default:
		return -1;
	}
}

json_t *
api_origin_time(time_t t)
{
	char buf[16];

	return json_string(format_local(t, "%Y%m%d%H%M%S", buf, sizeof buf));
}

json_t *
api_iso_time(time_t t)
{
	struct tm	tm;
	char		buf[24];

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return json_null();
	return json_string(buf);
}
