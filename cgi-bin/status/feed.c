/*
 * status: a calendar feed, opened by the token in its address alone (a
 * calendar program has no session); answered with its ETag and
 * Last-Modified, and 304 when the program has it already.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "clock.h"
#include "db.h"
#include "feed.h"
#include "handlers.h"
#include "response.h"

int
calendar_feed(struct req *r)
{
	const char	*arg = r->args[0];
	char		 token[TOKEN_LEN], etag[FEED_ETAG_LEN], zone[64];
	char		 date[INTERNET_TIME_LEN];
	struct feed_of	 f;
	size_t		 n = strlen(arg);
	time_t		 changed;
	char		*text;
	int		 rc;

	if (n != TOKEN_LEN - 1 + 4 || strcmp(arg + n - 4, ".ics") != 0)
		return req_refuse(r, 404, "no such calendar feed", NULL);
	memcpy(token, arg, TOKEN_LEN - 1);
	token[TOKEN_LEN - 1] = '\0';
	if ((rc = feed_find(r->app->db, token, &f)) == -1)
		return db_failed(r);
	if (rc == 0)
		return req_refuse(r, 404, "no such calendar feed, or it was "
		    "revoked", NULL);
	/* Unchanged: told so without writing it. */
	if (feed_validator(r->app->db, r->app->cfg, &f, clock_now(), etag,
	    &changed) == -1)
		return db_failed(r);
	if (resp_header(r, "ETag", etag) == -1 ||
	    resp_header(r, "Last-Modified", internet_time(changed, "GMT",
	    date)) == -1)
		return 500;
	if (req_unchanged(r, etag))
		return resp_send(r, 304, TYPE_CALENDAR, CACHE_REVALIDATE, "", 0);
	/* The calendar keeps the site's clock, whoever else asks. */
	snprintf(zone, sizeof zone, "%s", clock_zone());
	clock_use_zone(NULL);
	text = feed_calendar(r->app->db, r->app->cfg, &f, clock_now());
	clock_use_zone(zone);
	if (text == NULL)
		return db_failed(r);
	rc = resp_send(r, 200, TYPE_CALENDAR, CACHE_REVALIDATE, text,
	    strlen(text));
	free(text);
	return rc;
}
