/*
 * ical: a booking as an iCalendar object (RFC 5545), for invitations
 * (iTIP, RFC 5546: REQUEST and CANCEL) and feeds (PUBLISH), written by
 * libical.  Times are given as instants and written on the wall clock of
 * the calendar's zone (the process's zone, lib/clock), with that zone's
 * VTIMEZONE; DTSTAMP in UTC.
 */
#ifndef ROOMBOOK_ICAL_H
#define ROOMBOOK_ICAL_H

#include <stddef.h>
#include <time.h>

struct ical_person {
	const char	*name;		/* CN; may be "" */
	const char	*address;	/* mailto: */
};

/*
 * One VEVENT: a booking, a series (rule set), or one date of a series
 * (recurrence_id set: the date's start as the series gives it).
 */
struct ical_event {
	const char			*uid;
	long long			 sequence;
	const char			*status; /* TENTATIVE, CONFIRMED, CANCELLED */
	const char			*summary;
	const char			*location;
	const char			*description;	/* or NULL */
	const char			*url;		/* or NULL */
	time_t				 start, end;
	time_t				 recurrence_id;	/* 0: none */
	const char			*rrule;		/* or NULL */
	time_t				 rule_until;	/* the last date's start */
	const time_t			*exdates;
	size_t				 nexdates;
	const struct ical_person	*attendees;
	size_t				 nattendees;
};

struct ical_calendar {
	const char			*method; /* REQUEST, CANCEL, PUBLISH */
	const char			*zone;	 /* IANA name of the wall clock */
	const char			*name;	 /* X-WR-CALNAME, or NULL */
	struct ical_person		 organizer;
	time_t				 stamp;
	const struct ical_event		*events;
	size_t				 nevents;
};

/*
 * The calendar as text (CRLF lines, folded), which the caller frees; NULL
 * when memory ran out, the zone is unknown or a rule does not parse.
 */
char	*ical_text(const struct ical_calendar *);

#endif
