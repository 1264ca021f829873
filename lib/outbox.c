/* outbox: the mail a change causes, queued in the change's transaction. */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "outbox.h"
#include "words.h"

/* The kinds, what each falls under, and which take an event away. */
static const struct kind {
	const char	*name;
	const char	*choice;	/* in users.mail_wants, on /account */
	int		 cancels;
	int		 calendar;	/* changes what calendars show */
	int		 guests;	/* guests hear of it too */
} kinds[] = {
	{ MAIL_TO_DECIDE,	"requests",	0, 0, 0 },
	{ MAIL_REQUESTED,	"decisions",	0, 0, 1 },
	{ MAIL_CONFIRMED,	"decisions",	0, 1, 1 },
	{ MAIL_DENIED,		"decisions",	1, 1, 1 },
	{ MAIL_CANCELLED,	"changes",	1, 1, 1 },
	{ MAIL_EXPIRED,		"changes",	1, 1, 1 },
	{ MAIL_RELEASED,	"changes",	1, 1, 1 },
	{ MAIL_CLOSED,		"changes",	1, 1, 1 },
	{ MAIL_CUT_SHORT,	"changes",	0, 0, 1 },
	{ MAIL_CHANGED,		"changes",	0, 1, 1 },
	{ MAIL_UNINVITED,	"changes",	1, 0, 0 },
	{ MAIL_REMINDER,	"reminders",	0, 0, 0 },
	{ MAIL_SUMMARY,		"summary",	0, 0, 0 },
};

#define NKINDS	(sizeof kinds / sizeof kinds[0])

#define OUTBOX_COLUMNS \
    "INSERT INTO mail_outbox (kind, user_id, address, booking_id, series_id," \
    " sequence, facts, created_at, next_attempt_at)"
#define WANTS \
    " AND NOT u.disabled AND u.email <> '' AND FIND_IN_SET(?, u.mail_wants)"
#define PERSON_ROW \
    " SELECT ?, u.id, NULL, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
/*
 * The people a booking names: its owner and its participants with an
 * account and an address, who want this kind of mail, each way of being
 * named read by its own index (no scan of the people).  Guests (the last
 * branch) have no choices to make: they hear what changes their
 * calendar, when the kind says so (the last argument).  A series'
 * message goes to the people its first date names.
 */
static const char SQL_TO_PEOPLE[] =
    OUTBOX_COLUMNS PERSON_ROW " FROM bookings b JOIN users u"
    " ON u.id = b.user_id WHERE b.id = ?" WANTS
    " UNION" PERSON_ROW " FROM booking_participants p JOIN users u"
    " ON u.id = p.user_id WHERE p.booking_id = ?" WANTS
    " UNION SELECT ?, NULL, p.email, ?, ?, ?, ?, UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP() FROM booking_participants p WHERE p.booking_id = ?"
    " AND p.email IS NOT NULL AND ?";
static const char SQL_TO_PERSON[] =
    OUTBOX_COLUMNS PERSON_ROW " FROM users u WHERE u.id = ?" WANTS;
/*
 * Its room's approvers, by name or group; the administrators where the
 * room names none.  Each branch by its own index.
 */
#define DECIDER_ROW \
    " SELECT ?, u.id, NULL, ?, ?, 0, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
#define ROOM_OF_BOOKING	"(SELECT room_id FROM bookings WHERE id = ?)"
static const char SQL_TO_DECIDERS[] =
    OUTBOX_COLUMNS DECIDER_ROW " FROM room_approvers a JOIN users u"
    " ON u.id = a.user_id WHERE a.room_id = " ROOM_OF_BOOKING WANTS
    " UNION" DECIDER_ROW " FROM room_approvers a JOIN group_members m"
    " ON m.group_id = a.group_id JOIN users u ON u.id = m.user_id"
    " WHERE a.room_id = " ROOM_OF_BOOKING WANTS
    " UNION" DECIDER_ROW " FROM users u WHERE u.role = 'admin'"
    " AND NOT EXISTS (SELECT 1 FROM room_approvers a"
    "  WHERE a.room_id = " ROOM_OF_BOOKING ")" WANTS;

static const char SQL_SERIES_OF[] =
    "SELECT series_id, ical_sequence FROM bookings WHERE id = ?";
static const char SQL_FIRST_OF_SERIES[] =
    "SELECT id FROM bookings WHERE series_id = ?"
    " ORDER BY original_date, id LIMIT 1";
static const char SQL_RAISE_BOOKING[] =
    "UPDATE bookings SET ical_sequence = ical_sequence + 1 WHERE id = ?";
static const char SQL_RAISE_SERIES[] =
    "UPDATE booking_series SET ical_sequence = ical_sequence + 1"
    " WHERE id = ?";
static const char SQL_SERIES_SEQUENCE[] =
    "SELECT ical_sequence FROM booking_series WHERE id = ?";

static const struct kind *
kind_of(const char *name)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

int
outbox_cancels(const char *kind)
{
	const struct kind *k = kind_of(kind);

	return k != NULL && k->cancels;
}

/*
 * The calendar object booking id (series 0) or series belongs to, its
 * SEQUENCE raised first when kind changes what calendars show: into
 * *series and *sequence.  0 or -1.
 */
static int
calendar_object(struct db *db, const struct kind *k, long long id,
    long long *series, long long *sequence)
{
	struct db_rows *rows;

	if (*series == 0) {
		if (k->calendar && db_exec(db, SQL_RAISE_BOOKING,
		    DB_ARGS(DB_INT(id)), NULL) < 0)
			return -1;
		if ((rows = db_query(db, SQL_SERIES_OF,
		    DB_ARGS(DB_INT(id)))) == NULL)
			return -1;
		if (rows->nrows != 1) {
			db_rows_free(rows);
			return -1;
		}
		*series = db_get(rows, 0, "series_id") != NULL ?
		    db_get_int(rows, 0, "series_id") : 0;
		*sequence = db_get_int(rows, 0, "ical_sequence");
		db_rows_free(rows);
		if (*series == 0)
			return 0;
	}
	/* A date of a series is part of the series' object. */
	if (k->calendar && db_exec(db, SQL_RAISE_SERIES,
	    DB_ARGS(DB_INT(*series)), NULL) < 0)
		return -1;
	if ((rows = db_query(db, SQL_SERIES_SEQUENCE,
	    DB_ARGS(DB_INT(*series)))) == NULL)
		return -1;
	*sequence = rows->nrows == 1 ? db_get_int(rows, 0, "ical_sequence") : 0;
	db_rows_free(rows);
	return 0;
}

/* The change's facts as JSON in *facts (none: NULL); 0 or -1. */
static int
facts_of(const struct notice_facts *n, char **facts)
{
	*facts = NULL;
	return n != NULL && (*facts = words_notice_facts(n)) == NULL ? -1 : 0;
}

/*
 * Queues kind to the people booking people_of names (user > 0: that
 * person only), about booking id (0: the whole series).
 */
static int
queue(struct db *db, const char *kind, long long id, long long series,
    long long people_of, long long user, const struct notice_facts *n)
{
	const struct kind	*k = kind_of(kind);
	long long		 sequence = 0;
	char			*facts;
	int			 rc = -1;

	if (k == NULL || calendar_object(db, k, people_of, &series,
	    &sequence) == -1 || facts_of(n, &facts) == -1)
		return -1;
#define OBJECT	id > 0 ? DB_INT(id) : DB_NULL, \
		series > 0 ? DB_INT(series) : DB_NULL, DB_INT(sequence), \
		facts != NULL ? DB_STR(facts) : DB_NULL
	if (user > 0)
		rc = db_exec(db, SQL_TO_PERSON, DB_ARGS(DB_STR(kind), OBJECT,
		    DB_INT(user), DB_STR(k->choice)), NULL) < 0 ? -1 : 0;
	else
		rc = db_exec(db, SQL_TO_PEOPLE, DB_ARGS(DB_STR(kind), OBJECT,
		    DB_INT(people_of), DB_STR(k->choice), DB_STR(kind), OBJECT,
		    DB_INT(people_of), DB_STR(k->choice), DB_STR(kind), OBJECT,
		    DB_INT(people_of), DB_INT(k->guests)), NULL) < 0 ? -1 : 0;
#undef OBJECT
	free(facts);
	return rc;
}

int
outbox_booking(struct db *db, const char *kind, long long id,
    const struct notice_facts *n)
{
	return queue(db, kind, id, 0, id, 0, n);
}

int
outbox_person(struct db *db, const char *kind, long long id, long long user,
    const struct notice_facts *n)
{
	return queue(db, kind, id, 0, id, user, n);
}

int
outbox_series(struct db *db, const char *kind, long long series,
    const struct notice_facts *n)
{
	struct db_rows	*rows;
	long long	 first;

	if ((rows = db_query(db, SQL_FIRST_OF_SERIES,
	    DB_ARGS(DB_INT(series)))) == NULL)
		return -1;
	first = rows->nrows == 1 ? db_get_int(rows, 0, "id") : 0;
	db_rows_free(rows);
	return first > 0 ? queue(db, kind, 0, series, first, 0, n) : 0;
}

int
outbox_series_of(struct db *db, const char *kind, long long id,
    long long except, const struct notice_facts *n)
{
	struct db_rows	*rows;
	long long	 series;

	if ((rows = db_query(db, SQL_SERIES_OF, DB_ARGS(DB_INT(id)))) == NULL)
		return -1;
	series = rows->nrows == 1 && db_get(rows, 0, "series_id") != NULL ?
	    db_get_int(rows, 0, "series_id") : 0;
	db_rows_free(rows);
	return series > 0 && series != except ? outbox_series(db, kind, series,
	    n) : 0;
}

int
outbox_deciders(struct db *db, long long id, long long series,
    const struct notice_facts *n)
{
	char	*facts;
	int	 rc;

	if (facts_of(n, &facts) == -1)
		return -1;
#define DECIDER	DB_STR(MAIL_TO_DECIDE), series > 0 ? DB_NULL : DB_INT(id), \
		series > 0 ? DB_INT(series) : DB_NULL, \
		facts != NULL ? DB_STR(facts) : DB_NULL
	rc = db_exec(db, SQL_TO_DECIDERS, DB_ARGS(DECIDER, DB_INT(id),
	    DB_STR("requests"), DECIDER, DB_INT(id), DB_STR("requests"),
	    DECIDER, DB_INT(id), DB_STR("requests")), NULL) < 0 ? -1 : 0;
#undef DECIDER
	free(facts);
	return rc;
}
