/* cursor: where a page of a long list begins. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "cursor.h"
#include "i18n.h"
#include "request.h"

const char cursor_damaged[] = N_("that page link is damaged; start from "
    "the first page");

int
cursor_parse(const char *s, time_t *t, long long *id)
{
	const char	*dot;

	if (s == NULL || strspn(s, "0123456789.") != strlen(s) ||
	    (dot = strchr(s, '.')) == NULL || dot == s || dot[1] == '\0' ||
	    strchr(dot + 1, '.') != NULL || dot - s > 12 || strlen(dot) > 19)
		return -1;
	*t = (time_t)strtoll(s, NULL, 10);
	*id = strtoll(dot + 1, NULL, 10);
	return 0;
}

int
cursor_read(struct req *r, const char *field, const char *says,
    const char *s, time_t *t, long long *id)
{
	char	sql[SQL_TIME_LEN];

	/* A time past what SQL writes is as damaged as a malformed one. */
	if (cursor_parse(s, t, id) == -1 || sql_time_utc(*t, sql) == -1)
		return req_refuse(r, 422, says, field);
	return 0;
}
