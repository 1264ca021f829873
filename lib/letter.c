/* letter: what one outbox row says, composed as the message sent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "calendar.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "i18n.h"
#include "ical.h"
#include "letter.h"
#include "mime.h"
#include "outbox.h"
#include "policy.h"
#include "render.h"
#include "series.h"
#include "utf8.h"
#include "when.h"

static const char SQL_ROW[] =
    "SELECT o.kind, o.user_id, o.address, o.booking_id, o.series_id,"
    " o.sequence, o.facts, u.email, u.display_name, u.language,"
    " u.time_zone, u.disabled FROM mail_outbox o"
    " LEFT JOIN users u ON u.id = o.user_id WHERE o.id = ?";
static const char SQL_BOOKING[] =
    "SELECT b.id, b.title, b.starts_at, b.ends_at, b.status, b.series_id,"
    " b.original_date, r.name AS room, r.checkin_required_since,"
    " o.display_name AS owner_name, o.email AS owner_email"
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"
    " JOIN users o ON o.id = b.user_id WHERE b.id = ?";
/* Its people: the owner first, then those it names with an address. */
static const char SQL_PEOPLE[] =
    "SELECT u.display_name AS name, u.email FROM bookings b"
    " JOIN users u ON u.id = b.user_id WHERE b.id = ? AND u.email <> ''"
    " UNION ALL SELECT u.display_name, u.email FROM booking_participants p"
    " JOIN users u ON u.id = p.user_id WHERE p.booking_id = ?"
    " AND u.email <> ''"
    " UNION ALL SELECT '', p.email FROM booking_participants p"
    " WHERE p.booking_id = ? AND p.email IS NOT NULL";
static const char SQL_WAITING[] =
    "SELECT b.title, b.starts_at, b.ends_at, r.name AS room,"
    " u.display_name AS owner FROM bookings b"
    " JOIN rooms r ON r.id = b.room_id JOIN users u ON u.id = b.user_id"
    " WHERE b.status = 'pending' AND b.starts_at > UTC_TIMESTAMP()"
    " AND (EXISTS (SELECT 1 FROM users d WHERE d.id = ? AND"
    "  d.role = 'admin') OR b.room_id IN " POLICY_ROOMS_DECIDED_BY ")"
    " ORDER BY b.starts_at, b.id LIMIT 51";

/* Whom a message goes to, and how they read. */
struct reader {
	char	lang[I18N_TAG_LEN];
	char	zone[64];
	char	name[201];
	char	address[255];
};

/* What the message is about, as the database has it now. */
struct about {
	const char		*kind;
	long long		 booking, series, sequence;
	struct db_rows		*row;		/* the outbox row */
	struct db_rows		*b;		/* the booking (a series: its
						   first date) */
	struct db_rows		*people;
	struct calendar_series	 cs;		/* its series, if any */
	time_t			 start, end;	/* the booking, or the series'
						   first date left */
	char			 last[11];	/* and the series' last */
	/* From the change: */
	const char		*actor, *reason, *old_room;
	time_t			 old_start, old_end;
	json_t			*facts;
};

char *
letter_uid(const struct config *cfg, long long booking, long long series,
    char *buf, size_t n)
{
	snprintf(buf, n, "%s-%lld@%s", series > 0 ? "series" : "booking",
	    series > 0 ? series : booking, cfg->site_host);
	return buf;
}

static void
read_facts(struct about *a)
{
	json_int_t	old_start = 0, old_end = 0;
	const char	*facts = db_get(a->row, 0, "facts");

	if (facts == NULL || (a->facts = json_loads(facts, 0, NULL)) == NULL)
		return;
	if (json_unpack(a->facts, "{s?s, s?s, s?s, s?I, s?I}", "actor",
	    &a->actor, "reason", &a->reason, "old_room", &a->old_room,
	    "old_start", &old_start, "old_end", &old_end) == -1) {
		a->actor = a->reason = a->old_room = NULL;
		return;
	}
	a->old_start = (time_t)old_start;
	a->old_end = (time_t)old_end;
}

/* The series' dates: what its rule gives, and its bookings. */
static enum letter_result
read_series(struct db *db, struct about *a, char *why, size_t n)
{
	const struct db_rows	*d;
	size_t			 row;
	int			 rc;

	if ((rc = calendar_series_read(db, a->series, NULL, NULL,
	    &a->cs)) == -1)
		return LETTER_ERROR;
	if (rc == 0) {
		snprintf(why, n, "series %lld is gone", a->series);
		return LETTER_NONE;
	}
	d = a->cs.dates;
	/* The whole series is told from its first date left (or first). */
	row = a->cs.shown > 0 ? a->cs.first : 0;
	if (a->booking == 0 && (parse_sql_time(db_get(d, row, "starts_at"),
	    &a->start) == -1 || parse_sql_time(db_get(d, row, "ends_at"),
	    &a->end) == -1))
		return LETTER_ERROR;
	if (a->cs.shown > 0)
		snprintf(a->last, sizeof a->last, "%s", db_text(d, a->cs.last,
		    "original_date"));
	return LETTER_OK;
}

/* Reads the row, whom it goes to and what it is about. */
static enum letter_result
read_about(struct db *db, const struct config *cfg, long long id,
    struct about *a, struct reader *who, char *why, size_t n)
{
	enum letter_result	rc;
	long long		first;

	if ((a->row = db_query(db, SQL_ROW, DB_ARGS(DB_INT(id)))) == NULL)
		return LETTER_ERROR;
	if (a->row->nrows != 1) {
		snprintf(why, n, "no message %lld", id);
		return LETTER_NONE;
	}
	a->kind = db_text(a->row, 0, "kind");
	a->booking = db_get(a->row, 0, "booking_id") != NULL ?
	    db_get_int(a->row, 0, "booking_id") : 0;
	a->series = db_get(a->row, 0, "series_id") != NULL ?
	    db_get_int(a->row, 0, "series_id") : 0;
	a->sequence = db_get_int(a->row, 0, "sequence");
	read_facts(a);
	/* A person as they are now; a guest in the site's words. */
	if (db_get(a->row, 0, "user_id") != NULL) {
		snprintf(who->address, sizeof who->address, "%s",
		    db_text(a->row, 0, "email"));
		snprintf(who->name, sizeof who->name, "%s",
		    db_text(a->row, 0, "display_name"));
		snprintf(who->lang, sizeof who->lang, "%s",
		    i18n_known(db_text(a->row, 0, "language")) != NULL ?
		    i18n_known(db_text(a->row, 0, "language")) : cfg->language);
		snprintf(who->zone, sizeof who->zone, "%s",
		    db_text(a->row, 0, "time_zone"));
		if (db_get_int(a->row, 0, "disabled")) {
			snprintf(why, n, "the account is disabled");
			return LETTER_NONE;
		}
	} else {
		snprintf(who->address, sizeof who->address, "%s",
		    db_text(a->row, 0, "address"));
		snprintf(who->lang, sizeof who->lang, "%s", cfg->language);
	}
	if (!mime_address_ok(who->address)) {
		snprintf(why, n, "no address mail can be sent to (\"%.60s\")",
		    who->address);
		return LETTER_NONE;
	}
	if (strcmp(a->kind, MAIL_SUMMARY) == 0)
		return LETTER_OK;
	/* The whole series: all of its dates; its first names its people. */
	first = a->booking;
	if (first == 0) {
		if ((rc = read_series(db, a, why, n)) != LETTER_OK)
			return rc;
		first = db_get_int(a->cs.dates, 0, "id");
	}
	if ((a->b = db_query(db, SQL_BOOKING, DB_ARGS(DB_INT(first)))) ==
	    NULL || (a->people = db_query(db, SQL_PEOPLE, DB_ARGS(DB_INT(first),
	    DB_INT(first), DB_INT(first)))) == NULL)
		return LETTER_ERROR;
	if (a->b->nrows != 1) {
		snprintf(why, n, "booking %lld is gone", first);
		return LETTER_NONE;
	}
	if (a->booking == 0)
		return LETTER_OK;
	if (parse_sql_time(db_get(a->b, 0, "starts_at"), &a->start) == -1 ||
	    parse_sql_time(db_get(a->b, 0, "ends_at"), &a->end) == -1)
		return LETTER_ERROR;
	/* One date of a series: the series' rule says which it stands for. */
	if (db_get(a->b, 0, "series_id") == NULL)
		return LETTER_OK;
	a->series = db_get_int(a->b, 0, "series_id");
	return read_series(db, a, why, n);
}

static void
about_free(struct about *a)
{
	db_rows_free(a->row);
	db_rows_free(a->b);
	db_rows_free(a->people);
	calendar_series_free(&a->cs);
	json_decref(a->facts);
}

/* Whether the message speaks of the series as a whole. */
static int
whole_series(const struct about *a)
{
	return a->series > 0 && a->booking == 0;
}

/*
 * The message's first line and its subject, in the reader's language.
 * Each sentence takes the title, the room, the time and who acted, in
 * that order, as many of them as it needs.
 */
static void
headline(const char *lang, const struct about *a, const char *when,
    char *line, size_t n, char *subject, size_t sn)
{
	const char	*k = a->kind, *title = db_text(a->b, 0, "title");
	const char	*room = db_text(a->b, 0, "room");
	const char	*actor = a->actor != NULL ? a->actor :
			    db_text(a->b, 0, "owner_name");

	line[0] = subject[0] = '\0';
	if (strcmp(k, MAIL_TO_DECIDE) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, waits "
		    "for your decision; %s asked for it."), title, room, when,
		    actor);
		utf8_printf(subject, sn, i18n_text(lang, "To decide: %s"), title);
	} else if (strcmp(k, MAIL_REQUESTED) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, is "
		    "requested and waits for approval."), title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "Requested: %s"), title);
	} else if (strcmp(k, MAIL_CONFIRMED) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, is "
		    "confirmed."), title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "Confirmed: %s"), title);
	} else if (strcmp(k, MAIL_DENIED) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, was "
		    "denied."), title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "Denied: %s"), title);
	} else if (strcmp(k, MAIL_CANCELLED) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, was "
		    "cancelled."), title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "Cancelled: %s"), title);
	} else if (strcmp(k, MAIL_EXPIRED) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, was not "
		    "decided before it began, so it will not take place."),
		    title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "Not decided in time: "
		    "%s"), title);
	} else if (strcmp(k, MAIL_RELEASED) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, was "
		    "released: nobody checked in, so the room is free for "
		    "others."), title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "Released: %s"), title);
	} else if (strcmp(k, MAIL_CLOSED) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, will not "
		    "take place: the room is out of use then."), title, room,
		    when);
		utf8_printf(subject, sn, i18n_text(lang, "Room out of use: %s"),
		    title);
	} else if (strcmp(k, MAIL_CUT_SHORT) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, has "
		    "been ended early: the room is out of use from now."),
		    title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "Ended early: %s"),
		    title);
	} else if (strcmp(k, MAIL_CHANGED) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” is now in %s, %s."),
		    title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "Changed: %s"), title);
	} else if (strcmp(k, MAIL_UNINVITED) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s, %s, no longer "
		    "names you."), title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "No longer invited: "
		    "%s"), title);
	} else if (strcmp(k, MAIL_REMINDER) == 0) {
		utf8_printf(line, n, i18n_text(lang, "“%s” in %s begins soon: "
		    "%s."), title, room, when);
		utf8_printf(subject, sn, i18n_text(lang, "Reminder: %s"), title);
	}
}

/* The calendar's status of a booking in this state, told this kind. */
static const char *
status_of(const char *kind, const char *state)
{
	if (outbox_cancels(kind))
		return "CANCELLED";
	if (strcmp(kind, MAIL_REQUESTED) == 0)
		return "TENTATIVE";
	return calendar_status(state);
}

/* Kinds that carry the booking's calendar object. */
static int
has_calendar(const char *kind)
{
	return strcmp(kind, MAIL_TO_DECIDE) != 0 &&
	    strcmp(kind, MAIL_REMINDER) != 0 && strcmp(kind, MAIL_SUMMARY) != 0;
}

/* The attendees: the booking's people with addresses. */
static struct ical_person *
attendees_of(const struct about *a, size_t *n)
{
	struct ical_person *v = calloc(a->people->nrows + 1, sizeof *v);

	*n = 0;
	for (size_t i = 0; v != NULL && i < a->people->nrows; i++)
		if (mime_address_ok(db_text(a->people, i, "email")))
			v[(*n)++] = (struct ical_person){
			    db_text(a->people, i, "name"),
			    db_text(a->people, i, "email") };
	return v;
}

/*
 * The calendar object, as an iTIP REQUEST (what it is now) or CANCEL
 * (it is off); *method says which.  The caller frees it.  On the site's
 * wall clock, which must be the zone in use.
 */
static char *
calendar_of(const struct config *cfg, const struct about *a, time_t now,
    const char **method, const char *url)
{
	struct ical_event	*ev = NULL;
	struct ical_person	*people;
	struct ical_calendar	 cal;
	time_t			*exdates = NULL;
	size_t			 npeople, nev = 1;
	char			 uid[300], *text = NULL;

	if ((people = attendees_of(a, &npeople)) == NULL ||
	    (ev = calloc((size_t)a->cs.nrule + 2, sizeof *ev)) == NULL ||
	    (exdates = calloc((size_t)a->cs.nrule + 1, sizeof *exdates)) ==
	    NULL) {
		free(ev);
		free(people);
		return NULL;
	}
	letter_uid(cfg, db_get_int(a->b, 0, "id"), a->series, uid, sizeof uid);
	*method = outbox_cancels(a->kind) ? "CANCEL" : "REQUEST";
	if (a->series == 0)
		ev[0] = (struct ical_event){ .uid = uid,
		    .sequence = a->sequence, .status = status_of(a->kind,
		    db_text(a->b, 0, "status")), .summary = db_text(a->b, 0,
		    "title"), .location = db_text(a->b, 0, "room"),
		    .url = url, .start = a->start, .end = a->end,
		    .attendees = people, .nattendees = npeople };
	else if (!whole_series(a))
		/* One date of the series, named by the date it stands for. */
		ev[0] = (struct ical_event){ .uid = uid,
		    .sequence = a->sequence, .status = status_of(a->kind,
		    db_text(a->b, 0, "status")), .summary = db_text(a->b, 0,
		    "title"), .location = db_text(a->b, 0, "room"),
		    .url = url, .start = a->start, .end = a->end,
		    .recurrence_id = calendar_rule_start(&a->cs, db_text(a->b, 0,
		    "original_date")), .attendees = people,
		    .nattendees = npeople };
	else {
		/* Called off as a whole only when no date of it is left. */
		*method = a->cs.shown == 0 ? "CANCEL" : "REQUEST";
		nev = calendar_series_events(&a->cs, uid, a->sequence, people,
		    npeople, ev, exdates);
		if (a->cs.shown == 0) {
			ev[0].status = "CANCELLED";
			nev = 1;
		}
	}
	cal = (struct ical_calendar){ .method = *method,
	    .zone = clock_site_zone(), .organizer = { cfg->site_name,
	    cfg->mail.from }, .stamp = now, .events = ev, .nevents = nev };
	text = ical_text(&cal);
	free(exdates);
	free(people);
	free(ev);
	return text;
}

/* An address on the site: base_url and path. */
static void
site_url(struct tpl *d, const char *key, const struct config *cfg,
    const char *path)
{
	char url[CONFIG_STR + 200];

	snprintf(url, sizeof url, "%s%s", cfg->base_url, path);
	tpl_set(d, key, url);
}

/* The requests an approver decides that wait, for the daily summary. */
static int
fill_queue(struct db *db, struct tpl *d, const char *lang, long long user,
    const struct config *cfg, char *line, size_t n, char *subject,
    size_t sn)
{
	struct db_rows	*rows;
	struct tpl	*q;
	char		 when[256];

	if ((rows = db_query(db, SQL_WAITING, DB_ARGS(DB_INT(user),
	    DB_INT(user), DB_INT(user)))) == NULL)
		return -1;
	utf8_printf(line, n, i18n_text(lang, "%d requests wait for your "
	    "decision."), (int)rows->nrows);
	if (rows->nrows > 50)
		utf8_printf(line, n, "%s", i18n_text(lang, "More than 50 "
		    "requests wait for your decision."));
	utf8_printf(subject, sn, i18n_text(lang, "Requests to decide: %d"),
	    (int)rows->nrows);
	q = tpl_section(d, "QUEUE");
	for (size_t i = 0; i < rows->nrows && i < 50; i++) {
		struct tpl	*w = tpl_section(q, "WAITING");
		time_t		 a, b;

		if (parse_sql_time(db_get(rows, i, "starts_at"), &a) == -1 ||
		    parse_sql_time(db_get(rows, i, "ends_at"), &b) == -1)
			continue;
		tpl_set(w, "TITLE", db_text(rows, i, "title"));
		tpl_set(w, "ROOM", db_text(rows, i, "room"));
		tpl_set(w, "OWNER", db_text(rows, i, "owner"));
		tpl_set(w, "WHEN", when_span(lang, a, b, when, sizeof when));
	}
	site_url(q, "QUEUE_URL", cfg, "/admin/approvals");
	db_rows_free(rows);
	return 0;
}

/* The words about the booking, in the reader's language and zone. */
static void
fill_words(struct tpl *d, const struct config *cfg, const struct about *a,
    const struct reader *who, char *line, size_t n, char *subject,
    size_t sn)
{
	const char	*lang = who->lang;
	struct tpl	*det = tpl_section(d, "DETAILS");
	char		 when[256], text[256];
	time_t		 last;

	when_span(lang, a->start, a->end, when, sizeof when);
	headline(lang, a, when, line, n, subject, sn);
	tpl_set(det, "TITLE", db_text(a->b, 0, "title"));
	tpl_set(det, "ROOM", db_text(a->b, 0, "room"));
	tpl_set(det, "WHEN", when);
	if (whole_series(a) && a->cs.shown > 1 &&
	    local_date_start(a->last, 0, &last) == 0) {
		struct tpl *m = tpl_section(det, "MORE_DATES");

		tpl_set_int(m, "COUNT", a->cs.shown);
		tpl_set(m, "LAST", when_format(lang, last, WHEN_DATE, text,
		    sizeof text));
	}
	if (a->reason != NULL && a->reason[0] != '\0')
		tpl_set(tpl_section(det, "HAS_REASON"), "REASON", a->reason);
	if (strcmp(a->kind, MAIL_CHANGED) == 0 && a->old_room != NULL &&
	    a->old_start != 0) {
		struct tpl *w = tpl_section(det, "WAS");

		tpl_set(w, "WAS_ROOM", a->old_room);
		tpl_set(w, "WAS_WHEN", when_span(lang, a->old_start,
		    a->old_end, text, sizeof text));
	}
	if (a->actor != NULL && strcmp(a->kind, MAIL_TO_DECIDE) != 0)
		tpl_set(tpl_section(det, "BY"), "ACTOR", a->actor);
	if (strcmp(a->kind, MAIL_REMINDER) == 0 &&
	    db_get(a->b, 0, "checkin_required_since") != NULL)
		tpl_set_int(tpl_section(d, "CHECKIN"), "GRACE",
		    cfg->rules.checkin_grace);
}

enum letter_result
letter_compose(struct db *db, const struct config *cfg, long long id,
    time_t now, struct letter *l)
{
	struct about		 a;
	struct reader		 who;
	struct tpl		*d = NULL;
	struct mime_message	 m;
	enum letter_result	 rc;
	const char		*method = NULL, *host;
	char			 line[1200], subject[600], path[128];
	char			*text = NULL, *html = NULL, *calendar = NULL;
	size_t			 len;
	long long		 booking;

	memset(l, 0, sizeof *l);
	memset(&a, 0, sizeof a);
	memset(&who, 0, sizeof who);
	if ((rc = read_about(db, cfg, id, &a, &who, l->why,
	    sizeof l->why)) != LETTER_OK)
		goto out;
	rc = LETTER_ERROR;
	if ((d = tpl_new()) == NULL)
		goto out;
	/* The words on the reader's clock, the calendar on the site's. */
	clock_use_zone(who.zone);
	tpl_set(d, "LANG", who.lang);
	tpl_set(d, "SITE", cfg->site_name);
	if (strcmp(a.kind, MAIL_SUMMARY) == 0) {
		if (fill_queue(db, d, who.lang, db_get_int(a.row, 0, "user_id"),
		    cfg, line, sizeof line, subject, sizeof subject) == -1)
			goto out;
	} else {
		booking = db_get_int(a.b, 0, "id");
		fill_words(d, cfg, &a, &who, line, sizeof line, subject,
		    sizeof subject);
		if (strcmp(a.kind, MAIL_TO_DECIDE) == 0) {
			struct tpl *q = tpl_section(d, "DECIDE");

			/* Its page in the queue; deciding there is a POST. */
			if (whole_series(&a))
				snprintf(path, sizeof path,
				    "/admin/approvals/series/%lld", a.series);
			else
				snprintf(path, sizeof path,
				    "/admin/approvals/%lld#request-%lld",
				    booking, booking);
			site_url(q, "DECIDE_URL", cfg, path);
			if (!whole_series(&a))
				snprintf(path, sizeof path,
				    "/admin/approvals/%lld#reason-%lld",
				    booking, booking);
			site_url(q, "DENY_URL", cfg, path);
		} else if (db_get(a.row, 0, "user_id") != NULL &&
		    !outbox_cancels(a.kind)) {
			snprintf(path, sizeof path, "/bookings/%lld", booking);
			site_url(tpl_section(d, "BOOKING"), "BOOKING_URL", cfg,
			    path);
		}
	}
	if (db_get(a.row, 0, "user_id") != NULL)
		site_url(tpl_section(d, "CHOOSE"), "ACCOUNT_URL", cfg,
		    "/account");
	tpl_set(d, "HEADLINE", line);
	tpl_set(d, "SUBJECT", subject);
	clock_use_zone(NULL);
	if (has_calendar(a.kind)) {
		char url[CONFIG_STR + 64];

		snprintf(url, sizeof url, "%s/bookings/%lld", cfg->base_url,
		    db_get_int(a.b, 0, "id"));
		if ((calendar = calendar_of(cfg, &a, now, &method, url)) ==
		    NULL)
			goto out;
		if (strcmp(method, "REQUEST") == 0)
			tpl_show(d, "INVITATION");
	}
	snprintf(path, sizeof path, "%s/mail_text.tpl", who.lang);
	if ((text = render_plain(path, d, &len)) == NULL)
		goto out;
	snprintf(path, sizeof path, "%s/mail_html.tpl", who.lang);
	if ((html = render(path, d, &len)) == NULL)
		goto out;
	host = strchr(cfg->mail.from, '@') + 1;
	snprintf(l->message_id, sizeof l->message_id, "roombook-%lld@%s", id,
	    host);
	snprintf(l->to, sizeof l->to, "%s", who.address);
	m = (struct mime_message){ .from_name = cfg->site_name,
	    .from = cfg->mail.from, .to_name = who.name, .to = who.address,
	    .subject = subject, .date = now, .message_id = l->message_id,
	    .text = text, .html = html, .calendar = calendar,
	    .method = method };
	if ((l->bytes = mime_message(&m, &l->len)) != NULL)
		rc = LETTER_OK;
out:
	clock_use_zone(NULL);
	free(text);
	free(html);
	free(calendar);
	tpl_free(d);
	about_free(&a);
	return rc;
}
