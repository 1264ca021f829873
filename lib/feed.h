/*
 * feed: calendar subscriptions.  A person makes one for their own
 * bookings (those they hold or are named in) or for one room's; its
 * address holds a token shown once and kept only as its hash, which
 * opens that feed and nothing else, until revoked.  The feed is an
 * iCalendar PUBLISH of the bookings from 30 days back to the series
 * horizon ahead, series as one event each (lib/calendar), what did not
 * or will not take place left out.
 */
#ifndef ROOMBOOK_FEED_H
#define ROOMBOOK_FEED_H

#include <stddef.h>
#include <time.h>

#include "token.h"

struct config;
struct db;
struct db_rows;

/* How far back a feed reaches. */
#define FEED_PAST_DAYS	30

/*
 * Makes a feed of user's bookings (room 0) or of room's; its token into
 * token, its id into *id.  0, or -1 on failure.
 */
int	feed_create(struct db *, long long user, long long room,
	    char token[TOKEN_LEN], long long *id);

/* Revokes user's feed id: 1, 0 (none such, or revoked already), -1. */
int	feed_revoke(struct db *, long long id, long long user);

/* user's feeds, newest first: id, room_id, room, created_at, revoked_at. */
struct db_rows *feed_list(struct db *, long long user);

/* The feed's addresses: https://…/calendar/<token>.ics and webcal://… */
void	feed_urls(const struct config *, const char *token, char *https,
	    size_t hn, char *webcal, size_t wn);

/* What a token opens: its feed's person and room (0: theirs). */
struct feed_of {
	long long	user, room;
	int		admin;		/* the person sees every title */
	char		lang[16];
	char		name[201];	/* the feed's name in the calendar */
};

/*
 * Finds the live feed token opens (an account in use): 1, 0 when none
 * does, -1 on failure.
 */
int	feed_find(struct db *, const char *token, struct feed_of *f);

/* A quoted hash: "0123…" */
#define FEED_ETAG_LEN	48

/*
 * The feed's validators at now, without writing it: etag (a quoted hash
 * of what its text follows from: equal while the text would be) and
 * *changed (when its bookings last changed).  0 or -1.
 */
int	feed_validator(struct db *, const struct config *,
	    const struct feed_of *, time_t now, char etag[FEED_ETAG_LEN],
	    time_t *changed);

/* The feed's calendar at now, which the caller frees; NULL on failure. */
char	*feed_calendar(struct db *, const struct config *,
	    const struct feed_of *, time_t now);

#endif
