/* calendar: what a calendar shows of bookings and series. */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "clock.h"
#include "db.h"
#include "ical.h"

static const char SQL_SERIES[] =
    "SELECT s.rrule, s.first_date, s.start_minute, s.end_minute, s.title,"
    " r.name AS room FROM booking_series s JOIN rooms r ON r.id = s.room_id"
    " WHERE s.id = ?";
static const char SQL_DATES[] =
    "SELECT b.id, b.original_date, b.starts_at, b.ends_at, b.status,"
    " b.room_id, r.name AS room, b.title, b.private, b.user_id"
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " WHERE b.series_id = ? ORDER BY b.original_date, b.id";

/* The most dates of a series described (the site's rules cap it lower). */
#define MAX_DATES	1000

int
calendar_live(const char *state)
{
	return strcmp(state, "pending") == 0 ||
	    strcmp(state, "confirmed") == 0 ||
	    strcmp(state, "in_use") == 0 || strcmp(state, "completed") == 0;
}

const char *
calendar_status(const char *state)
{
	if (strcmp(state, "pending") == 0)
		return "TENTATIVE";
	return calendar_live(state) ? "CONFIRMED" : "CANCELLED";
}

static int
live_row(const struct db_rows *dates, size_t i, const void *arg)
{
	(void)arg;
	return calendar_live(db_text(dates, i, "status"));
}

int
calendar_series_read(struct db *db, long long id, calendar_shows_fn shows,
    const void *arg, struct calendar_series *s)
{
	const struct db_rows	*d;
	int			 more;

	memset(s, 0, sizeof *s);
	s->id = id;
	s->shows = shows != NULL ? shows : live_row;
	s->arg = arg;
	if ((s->row = db_query(db, SQL_SERIES, DB_ARGS(DB_INT(id)))) == NULL ||
	    (s->dates = db_query(db, SQL_DATES, DB_ARGS(DB_INT(id)))) == NULL)
		return -1;
	d = s->dates;
	if (s->row->nrows != 1 || d->nrows == 0)
		return 0;
	if ((s->rule = calloc(MAX_DATES, sizeof *s->rule)) == NULL)
		return -1;
	/* Up to its last booked date: a calendar shows what was booked. */
	s->nrule = series_expand(db_text(s->row, 0, "rrule"),
	    db_text(s->row, 0, "first_date"),
	    (int)db_get_int(s->row, 0, "start_minute"),
	    (int)db_get_int(s->row, 0, "end_minute"),
	    db_text(d, d->nrows - 1, "original_date"), s->rule, MAX_DATES,
	    &more);
	if (s->nrule <= 0)
		return 0;
	for (size_t i = 0; i < d->nrows; i++)
		if (s->shows(d, i, s->arg)) {
			if (s->shown++ == 0)
				s->first = i;
			s->last = i;
		}
	return 1;
}

void
calendar_series_free(struct calendar_series *s)
{
	db_rows_free(s->row);
	db_rows_free(s->dates);
	free(s->rule);
	memset(s, 0, sizeof *s);
}

time_t
calendar_rule_start(const struct calendar_series *s, const char *date)
{
	for (long i = 0; i < s->nrule; i++)
		if (strcmp(s->rule[i].date, date) == 0)
			return s->rule[i].start;
	return 0;
}

/* The row shown for the rule's date r, or -1; both ordered by date. */
static long
shown_for(const struct calendar_series *s, long r, size_t *from)
{
	const struct db_rows *d = s->dates;
	long found = -1;
	int cmp;

	for (; *from < d->nrows; (*from)++) {
		cmp = strcmp(db_text(d, *from, "original_date"), s->rule[r].date);
		if (cmp > 0)
			break;
		if (cmp == 0 && s->shows(d, *from, s->arg))
			found = (long)*from;
	}
	return found;
}

size_t
calendar_series_events(const struct calendar_series *s, const char *uid,
    long long sequence, const struct ical_person *people, size_t npeople,
    struct ical_event *ev, time_t *exdates)
{
	const struct db_rows	*d = s->dates;
	const char		*master = "CONFIRMED";
	const char		*room = db_text(s->row, 0, "room");
	size_t			 nev = 1, nex = 0, from = 0;

	for (size_t i = 0; i < d->nrows; i++)
		if (s->shows(d, i, s->arg) &&
		    strcmp(db_text(d, i, "status"), "pending") == 0)
			master = "TENTATIVE";
	ev[0] = (struct ical_event){ .uid = uid, .sequence = sequence,
	    .status = master, .summary = db_text(s->row, 0, "title"),
	    .location = room, .start = s->rule[0].start,
	    .end = s->rule[0].end, .rrule = db_text(s->row, 0, "rrule"),
	    .rule_until = s->rule[s->nrule - 1].start, .exdates = exdates,
	    .attendees = people, .nattendees = npeople };
	for (long r = 0; r < s->nrule; r++) {
		long	i = shown_for(s, r, &from);
		time_t	start, end;

		if (i < 0 || parse_sql_time(db_get(d, (size_t)i, "starts_at"),
		    &start) == -1 || parse_sql_time(db_get(d, (size_t)i,
		    "ends_at"), &end) == -1) {
			exdates[nex++] = s->rule[r].start;
			continue;
		}
		if (start == s->rule[r].start && end == s->rule[r].end &&
		    strcmp(db_text(d, (size_t)i, "room"), room) == 0 &&
		    strcmp(calendar_status(db_text(d, (size_t)i, "status")),
		    master) == 0)
			continue;
		ev[nev++] = (struct ical_event){ .uid = uid,
		    .sequence = sequence, .status = calendar_status(db_text(d,
		    (size_t)i, "status")), .summary = db_text(d, (size_t)i,
		    "title"), .location = db_text(d, (size_t)i, "room"),
		    .start = start, .end = end,
		    .recurrence_id = s->rule[r].start, .attendees = people,
		    .nattendees = npeople };
	}
	ev[0].nexdates = nex;
	return nev;
}
