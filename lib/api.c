/* api: the JSON side of the programs, under /api/: answers out. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "clock.h"
#include "i18n.h"
#include "response.h"

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
	    T(r, http_reason(status)), "field", field);

	if (api_send(r, status, j) != status)
		return 500;
	return status;
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
	char	buf[ISO_TIME_LEN];

	return iso_time_utc(t, buf) == -1 ? json_null() : json_string(buf);
}

long long
api_if_match(const struct req *r)
{
	const char	*h = req_env(r, "HTTP_IF_MATCH");
	char		*end;
	long long	 v;
	int		 quoted;

	if (h == NULL || *h == '\0')
		return 0;
	if ((quoted = *h == '"'))
		h++;
	/* Digits only: strtoll would also take " 5" and "+5". */
	if (!isdigit((unsigned char)*h))
		return -1;
	errno = 0;
	v = strtoll(h, &end, 10);
	if (v <= 0 || errno != 0 ||
	    strcmp(end, quoted ? "\"" : "") != 0)
		return -1;
	return v;
}
