/* ical: a booking as an iCalendar object, written by libical. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "ical.h"

/* t on the process's wall clock, as a floating time (TZID added apart). */
static struct icaltimetype
wall_time(time_t t, icaltimezone *utc)
{
	struct icaltimetype	it = icaltime_null_time();
	struct tm		tm;

	if (utc != NULL)
		return icaltime_from_timet_with_zone(t, 0, utc);
	if (localtime_r(&t, &tm) == NULL)
		return it;
	it.year = tm.tm_year + 1900;
	it.month = tm.tm_mon + 1;
	it.day = tm.tm_mday;
	it.hour = tm.tm_hour;
	it.minute = tm.tm_min;
	it.second = tm.tm_sec;
	return it;
}

/*
 * A time property on the calendar's wall clock: with its TZID, or in
 * UTC when the calendar has no zone of its own (utc set).
 */
static icalproperty *
timed(icalproperty *p, const char *zone, icaltimezone *utc)
{
	if (p != NULL && utc == NULL)
		icalproperty_add_parameter(p, icalparameter_new_tzid(zone));
	return p;
}

/*
 * The zone's VTIMEZONE named by its IANA name, cut to the rules in force
 * from the first event on (the zone's whole history is long).
 */
static icalcomponent *
vtimezone(icaltimezone *z, const char *zone, time_t from)
{
	icalcomponent	*c = icalcomponent_new_clone(icaltimezone_get_component(z));
	icalproperty	*p;

	if (c == NULL)
		return NULL;
	if ((p = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY)) !=
	    NULL)
		icalproperty_set_tzid(p, zone);
	icaltimezone_truncate_vtimezone(c, icaltime_from_timet_with_zone(from,
	    0, icaltimezone_get_utc_timezone()), icaltime_null_time(), 1);
	return c;
}

static icalproperty *
person(icalproperty *p, const struct ical_person *who)
{
	if (p != NULL && who->name != NULL && who->name[0] != '\0')
		icalproperty_add_parameter(p, icalparameter_new_cn(who->name));
	return p;
}

static char *
mailto(const char *address)
{
	char	*s;

	if (asprintf(&s, "mailto:%s", address) == -1)
		return NULL;
	return s;
}

static int
add(icalcomponent *c, icalproperty *p)
{
	if (p == NULL)
		return -1;
	icalcomponent_add_property(c, p);
	return 0;
}

static icalcomponent *
vevent(const struct ical_calendar *cal, const struct ical_event *e,
    icaltimezone *utc)
{
	icaltimezone	*zulu = icaltimezone_get_utc_timezone();
	icalcomponent	*v = icalcomponent_new_vevent();
	char		*to;
	int		 bad = v == NULL;

	if (bad)
		return NULL;
	bad |= add(v, icalproperty_new_uid(e->uid));
	bad |= add(v, icalproperty_new_sequence((int)e->sequence));
	bad |= add(v, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
	    cal->stamp, 0, zulu)));
	bad |= add(v, timed(icalproperty_new_dtstart(wall_time(e->start, utc)),
	    cal->zone, utc));
	bad |= add(v, timed(icalproperty_new_dtend(wall_time(e->end, utc)),
	    cal->zone, utc));
	if (e->recurrence_id != 0)
		bad |= add(v, timed(icalproperty_new_recurrenceid(
		    wall_time(e->recurrence_id, utc)), cal->zone, utc));
	bad |= add(v, icalproperty_new_summary(e->summary));
	bad |= add(v, icalproperty_new_location(e->location));
	if (e->description != NULL)
		bad |= add(v, icalproperty_new_description(e->description));
	if (e->url != NULL)
		bad |= add(v, icalproperty_new_url(e->url));
	bad |= add(v, icalproperty_new_status(
	    icalproperty_string_to_status(e->status)));
	bad |= add(v, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
	if (e->rrule != NULL) {
		struct icalrecurrencetype r;

		icalerror_clear_errno();
		r = icalrecurrencetype_from_string(e->rrule);
		if (r.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
			icalerror_clear_errno();
			bad = 1;
		} else {
			/* Exactly the dates booked: none beyond the last. */
			if (e->rule_until != 0) {
				r.count = 0;
				r.until = icaltime_from_timet_with_zone(
				    e->rule_until, 0, zulu);
			}
			bad |= add(v, icalproperty_new_rrule(r));
		}
	}
	for (size_t i = 0; i < e->nexdates; i++)
		bad |= add(v, timed(icalproperty_new_exdate(wall_time(
		    e->exdates[i], utc)), cal->zone, utc));
	if ((to = mailto(cal->organizer.address)) == NULL)
		bad = 1;
	else
		bad |= add(v, person(icalproperty_new_organizer(to),
		    &cal->organizer));
	free(to);
	for (size_t i = 0; i < e->nattendees && !bad; i++) {
		icalproperty *p;

		if ((to = mailto(e->attendees[i].address)) == NULL ||
		    (p = person(icalproperty_new_attendee(to),
		    &e->attendees[i])) == NULL) {
			free(to);
			bad = 1;
			break;
		}
		free(to);
		icalproperty_add_parameter(p, icalparameter_new_cutype(
		    ICAL_CUTYPE_INDIVIDUAL));
		icalproperty_add_parameter(p, icalparameter_new_role(
		    ICAL_ROLE_REQPARTICIPANT));
		/* Nothing here reads replies: none is asked for. */
		icalproperty_add_parameter(p, icalparameter_new_rsvp(
		    ICAL_RSVP_FALSE));
		icalcomponent_add_property(v, p);
	}
	if (bad) {
		icalcomponent_free(v);
		return NULL;
	}
	return v;
}

char *
ical_text(const struct ical_calendar *cal)
{
	icalcomponent	*c, *v;
	icaltimezone	*z, *utc = NULL;
	time_t		 first = 0;
	char		*text = NULL;
	int		 bad = 0;

	/* A zone libical does not know: the times in UTC, correct anyway. */
	if ((z = icaltimezone_get_builtin_timezone(cal->zone)) == NULL)
		utc = icaltimezone_get_utc_timezone();
	if ((c = icalcomponent_new_vcalendar()) == NULL)
		return NULL;
	bad |= add(c, icalproperty_new_version("2.0"));
	bad |= add(c, icalproperty_new_prodid("-//roombook//roombook//EN"));
	bad |= add(c, icalproperty_new_method(icalproperty_string_to_method(
	    cal->method)));
	if (cal->name != NULL) {
		icalproperty *p = icalproperty_new_x(cal->name);

		if (p != NULL)
			icalproperty_set_x_name(p, "X-WR-CALNAME");
		bad |= add(c, p);
	}
	for (size_t i = 0; i < cal->nevents; i++)
		if (first == 0 || cal->events[i].start < first)
			first = cal->events[i].start;
	if (z != NULL && cal->nevents > 0) {
		if ((v = vtimezone(z, cal->zone, first)) == NULL)
			bad = 1;
		else
			icalcomponent_add_component(c, v);
	}
	for (size_t i = 0; i < cal->nevents && !bad; i++) {
		if ((v = vevent(cal, &cal->events[i], utc)) == NULL)
			bad = 1;
		else
			icalcomponent_add_component(c, v);
	}
	if (!bad)
		text = icalcomponent_as_ical_string_r(c);
	icalcomponent_free(c);
	return text;
}
