/*
 * calendar: what a calendar shows of bookings, for invitations
 * (lib/letter) and feeds (lib/feed).  A booking outside a series is one
 * event.  A series is one event: its rule up to its last booked date,
 * each date whose booking is not shown excepted (EXDATE), and each date
 * shown otherwise than the rule has it (moved, in another room, in
 * another state) as an event of its own naming the date it stands for
 * (RECURRENCE-ID).  Times on the site's wall clock: the zone in use.
 */
#ifndef ROOMBOOK_CALENDAR_H
#define ROOMBOOK_CALENDAR_H

#include <stddef.h>
#include <time.h>

#include "series.h"

struct db;
struct db_rows;
struct ical_event;
struct ical_person;

/* Whether row i of a series' bookings is shown (arg: the caller's). */
typedef int (*calendar_shows_fn)(const struct db_rows *dates, size_t i,
		    const void *arg);

struct calendar_series {
	long long		 id;
	struct db_rows		*row;	/* the series: title, room, ... */
	struct db_rows		*dates;	/* its bookings: id, original_date,
					   starts_at, ends_at, status,
					   room_id, room, title */
	struct series_date	*rule;	/* the dates its rule gives */
	long			 nrule;
	long			 shown;	/* dates shown */
	size_t			 first, last;	/* rows of the first and
						   last shown (shown > 0) */
	calendar_shows_fn	 shows;
	const void		*arg;
};

/* The calendar's STATUS of a booking in state: TENTATIVE, CONFIRMED... */
const char	*calendar_status(const char *state);

/* Whether a booking in state takes place (or did). */
int		 calendar_live(const char *state);

/*
 * Reads series id into *s with shows deciding which dates are shown
 * (NULL: those that take place).  1, 0 when there is no such series or
 * its rule gives no date, -1 on failure.  Free with calendar_series_free.
 */
int	calendar_series_read(struct db *, long long id, calendar_shows_fn shows,
	    const void *arg, struct calendar_series *s);
void	calendar_series_free(struct calendar_series *);

/* The start the rule gives date (YYYY-MM-DD), or 0. */
time_t	calendar_rule_start(const struct calendar_series *, const char *date);

/*
 * The series' events into ev (room for s->nrule + 1) and its exceptions
 * into exdates (room for s->nrule), borrowing from s, uid and people.
 * Returns how many events.
 */
size_t	calendar_series_events(const struct calendar_series *s,
	    const char *uid, long long sequence,
	    const struct ical_person *people, size_t npeople,
	    struct ical_event *ev, time_t *exdates);

#endif
