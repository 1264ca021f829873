/* feed: calendar subscriptions, opened by a token kept as its hash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "calendar.h"
#include "clock.h"
#include "config.h"
#include "db.h"
#include "feed.h"
#include "i18n.h"
#include "ical.h"
#include "letter.h"
#include "privacy.h"

static const char SQL_INSERT[] =
    "INSERT INTO calendar_feeds (token_hash, user_id, room_id)"
    " VALUES (?, ?, ?)";
static const char SQL_REVOKE[] =
    "UPDATE calendar_feeds SET revoked_at = UTC_TIMESTAMP()"
    " WHERE id = ? AND user_id = ? AND revoked_at IS NULL";
static const char SQL_LIST[] =
    "SELECT f.id, f.room_id, COALESCE(r.name, '') AS room, f.created_at,"
    " f.revoked_at FROM calendar_feeds f LEFT JOIN rooms r"
    " ON r.id = f.room_id WHERE f.user_id = ? ORDER BY f.id DESC LIMIT 100";
static const char SQL_FIND[] =
    "SELECT f.user_id, COALESCE(f.room_id, 0) AS room_id,"
    " u.role = 'admin' AS admin, COALESCE(u.language, '') AS language,"
    " u.display_name, COALESCE(r.name, '') AS room FROM calendar_feeds f"
    " JOIN users u ON u.id = f.user_id LEFT JOIN rooms r ON r.id = f.room_id"
    " WHERE f.token_hash = ? AND f.revoked_at IS NULL AND NOT u.disabled";
/*
 * What a feed holds: the bookings taking place (or that took place) that
 * begin in its window, a person's by both ways of being theirs.
 */
#define FEED_COLUMNS \
    "SELECT b.id, b.series_id, b.title, b.private, b.user_id, b.starts_at," \
    " b.ends_at, b.status, b.ical_sequence, b.updated_at, r.name AS room" \
    " FROM bookings b JOIN rooms r ON r.id = b.room_id"
#define FEED_LIVE \
    " b.status IN ('pending','confirmed','in_use','completed')" \
    " AND b.starts_at >= ? AND b.starts_at < ?"
static const char SQL_OF_ROOM[] =
    FEED_COLUMNS " WHERE b.room_id = ? AND" FEED_LIVE
    " ORDER BY b.starts_at, b.id";
static const char SQL_OF_PERSON[] =
    FEED_COLUMNS " WHERE b.user_id = ? AND" FEED_LIVE
    " UNION " FEED_COLUMNS " JOIN booking_participants p"
    " ON p.booking_id = b.id WHERE p.user_id = ? AND" FEED_LIVE
    " ORDER BY starts_at, id";
/*
 * What the feed's text follows from, cheaply: its bookings (how many,
 * which, their last change and SEQUENCEs), their series' SEQUENCEs
 * (raised by a change to any date, in the window or not) and their rooms'
 * versions (a room renamed).  Equal figures, equal text.
 */
#define FEED_FIGURES \
    "SELECT COUNT(*) AS n, MAX(b.updated_at) AS changed," \
    " COALESCE(SUM(b.id), 0) AS ids, COALESCE(SUM(b.ical_sequence), 0) AS seq," \
    " COALESCE(SUM(s.ical_sequence), 0) AS series_seq," \
    " COALESCE(SUM(r.version), 0) AS rooms FROM "
#define FEED_FIGURES_JOIN \
    " JOIN rooms r ON r.id = b.room_id" \
    " LEFT JOIN booking_series s ON s.id = b.series_id"
static const char SQL_FIGURES_OF_ROOM[] =
    FEED_FIGURES "bookings b" FEED_FIGURES_JOIN
    " WHERE b.room_id = ? AND" FEED_LIVE;
static const char SQL_FIGURES_OF_PERSON[] =
    FEED_FIGURES "(SELECT b.id, b.updated_at, b.ical_sequence, b.room_id,"
    " b.series_id FROM bookings b WHERE b.user_id = ? AND" FEED_LIVE
    " UNION SELECT b.id, b.updated_at, b.ical_sequence, b.room_id,"
    " b.series_id FROM booking_participants p JOIN bookings b"
    " ON b.id = p.booking_id WHERE p.user_id = ? AND" FEED_LIVE ") b"
    FEED_FIGURES_JOIN;
static const char SQL_SERIES_STATE[] =
    "SELECT ical_sequence, updated_at FROM booking_series WHERE id = ?";

int
feed_create(struct db *db, long long user, long long room,
    char token[TOKEN_LEN], long long *id)
{
	unsigned char hash[TOKEN_HASH_LEN];

	token_new(token);
	token_hash(token, hash);
	return db_exec(db, SQL_INSERT, DB_ARGS(DB_BLOB(hash, sizeof hash),
	    DB_INT(user), room > 0 ? DB_INT(room) : DB_NULL), id) == 1 ? 0 : -1;
}

int
feed_revoke(struct db *db, long long id, long long user)
{
	long long n = db_exec(db, SQL_REVOKE, DB_ARGS(DB_INT(id),
	    DB_INT(user)), NULL);

	return n < 0 ? -1 : n > 0;
}

struct db_rows *
feed_list(struct db *db, long long user)
{
	return db_query(db, SQL_LIST, DB_ARGS(DB_INT(user)));
}

void
feed_urls(const struct config *cfg, const char *token, char *https,
    size_t hn, char *webcal, size_t wn)
{
	const char *host = strstr(cfg->base_url, "://");

	snprintf(https, hn, "%s/calendar/%s.ics", cfg->base_url, token);
	snprintf(webcal, wn, "webcal://%s/calendar/%s.ics",
	    host != NULL ? host + 3 : cfg->base_url, token);
}

int
feed_find(struct db *db, const char *token, struct feed_of *f)
{
	unsigned char	 hash[TOKEN_HASH_LEN];
	struct db_rows	*rows;
	const char	*lang;

	memset(f, 0, sizeof *f);
	if (!token_valid(token))
		return 0;
	token_hash(token, hash);
	if ((rows = db_query(db, SQL_FIND, DB_ARGS(DB_BLOB(hash,
	    sizeof hash)))) == NULL)
		return -1;
	if (rows->nrows != 1) {
		db_rows_free(rows);
		return 0;
	}
	f->user = db_get_int(rows, 0, "user_id");
	f->room = db_get_int(rows, 0, "room_id");
	f->admin = (int)db_get_int(rows, 0, "admin");
	lang = i18n_known(db_text(rows, 0, "language"));
	snprintf(f->lang, sizeof f->lang, "%s", lang != NULL ? lang :
	    I18N_SOURCE);
	snprintf(f->name, sizeof f->name, "%s", f->room > 0 ?
	    db_text(rows, 0, "room") : db_text(rows, 0, "display_name"));
	db_rows_free(rows);
	return 1;
}

/* A room's feed shows only that room's dates of a series. */
struct in_room {
	long long room;
};

static int
shown_in_room(const struct db_rows *dates, size_t i, const void *arg)
{
	const struct in_room *in = arg;

	return calendar_live(db_text(dates, i, "status")) &&
	    db_get_int(dates, i, "room_id") == in->room;
}

/*
 * What the feed's reader may see of a title: in their own feed, every
 * booking names them; in a room's, others' private ones are hidden.
 */
static const char *
title_seen(const struct feed_of *f, const struct db_rows *rows, size_t i)
{
	return privacy_title(f->lang, f->room == 0 || f->admin ||
	    db_get_int(rows, i, "user_id") == f->user, db_text(rows, i,
	    "title"), (int)db_get_int(rows, i, "private"));
}

/* The events of the feed, grown as needed. */
struct events {
	struct ical_event	*v;
	size_t			 n, cap;
	char			**uids;		/* one per booking or series */
	size_t			 nuids;
	time_t			**exdates;	/* each series' */
	struct calendar_series	*series;
	size_t			 nseries;
	time_t			 changed;
};

static struct ical_event *
room_for(struct events *e, size_t more)
{
	struct ical_event *v;

	if (e->n + more > e->cap) {
		if ((v = reallocarray(e->v, (e->n + more) * 2,
		    sizeof *v)) == NULL)
			return NULL;
		e->v = v;
		e->cap = (e->n + more) * 2;
	}
	return &e->v[e->n];
}

/* A new UID kept for the events to borrow, or NULL. */
static const char *
new_uid(const struct config *cfg, struct events *e, long long booking,
    long long series)
{
	char	buf[300], **u;

	if ((u = reallocarray(e->uids, e->nuids + 1, sizeof *u)) == NULL)
		return NULL;
	e->uids = u;
	letter_uid(cfg, booking, series, buf, sizeof buf);
	if ((u[e->nuids] = strdup(buf)) == NULL)
		return NULL;
	return u[e->nuids++];
}

static void
events_free(struct events *e)
{
	for (size_t i = 0; i < e->nseries; i++) {
		calendar_series_free(&e->series[i]);
		free(e->exdates[i]);
	}
	free(e->series);
	free(e->exdates);
	for (size_t i = 0; i < e->nuids; i++)
		free(e->uids[i]);
	free(e->uids);
	free(e->v);
}

static void
note_change(struct events *e, const char *at)
{
	time_t t;

	if (at != NULL && parse_sql_time(at, &t) == 0 && t > e->changed)
		e->changed = t;
}

/* Adds series id as its events; 0 or -1. */
static int
add_series(struct db *db, const struct config *cfg, const struct feed_of *f,
    long long id, const struct db_rows *rows, size_t row, struct events *e)
{
	struct calendar_series	*s, *grown;
	struct in_room		 in = { f->room };
	struct db_rows		*state;
	time_t			*ex, **exg;
	size_t			 n, first = e->n;
	const char		*uid;
	int			 rc;

	if ((grown = reallocarray(e->series, e->nseries + 1,
	    sizeof *grown)) == NULL)
		return -1;
	e->series = grown;
	if ((exg = reallocarray(e->exdates, e->nseries + 1,
	    sizeof *exg)) == NULL)
		return -1;
	e->exdates = exg;
	s = &e->series[e->nseries];
	e->exdates[e->nseries] = NULL;
	rc = calendar_series_read(db, id, f->room > 0 ? shown_in_room : NULL,
	    &in, s);
	e->nseries++;
	if (rc <= 0 || s->shown == 0)
		return rc == -1 ? -1 : 0;
	if ((state = db_query(db, SQL_SERIES_STATE, DB_ARGS(DB_INT(id)))) ==
	    NULL)
		return -1;
	if ((ex = calloc((size_t)s->nrule + 1, sizeof *ex)) == NULL ||
	    room_for(e, (size_t)s->nrule + 1) == NULL ||
	    (uid = new_uid(cfg, e, 0, id)) == NULL) {
		free(ex);
		db_rows_free(state);
		return -1;
	}
	e->exdates[e->nseries - 1] = ex;
	n = calendar_series_events(s, uid, state->nrows == 1 ?
	    db_get_int(state, 0, "ical_sequence") : 0, NULL, 0, &e->v[first],
	    ex);
	if (state->nrows == 1)
		note_change(e, db_get(state, 0, "updated_at"));
	db_rows_free(state);
	/* A private series shows its dates, not its title, to others. */
	for (size_t i = first; i < first + n; i++)
		e->v[i].summary = title_seen(f, rows, row);
	e->n += n;
	return 0;
}

/* Adds the booking at row outside a series; 0 or -1. */
static int
add_booking(const struct config *cfg, const struct feed_of *f,
    const struct db_rows *rows, size_t i, struct events *e)
{
	struct ical_event	*v;
	const char		*uid;
	time_t			 start, end;

	if (parse_sql_time(db_get(rows, i, "starts_at"), &start) == -1 ||
	    parse_sql_time(db_get(rows, i, "ends_at"), &end) == -1)
		return 0;
	if ((v = room_for(e, 1)) == NULL ||
	    (uid = new_uid(cfg, e, db_get_int(rows, i, "id"), 0)) == NULL)
		return -1;
	*v = (struct ical_event){ .uid = uid,
	    .sequence = db_get_int(rows, i, "ical_sequence"),
	    .status = calendar_status(db_text(rows, i, "status")),
	    .summary = title_seen(f, rows, i), .location = db_text(rows, i,
	    "room"), .start = start, .end = end };
	e->n++;
	return 0;
}

/* Whether series id has been added already. */
static int
seen_series(const struct events *e, long long id)
{
	for (size_t i = 0; i < e->nseries; i++)
		if (e->series[i].id == id)
			return 1;
	return 0;
}

/* The feed's rows, by of_room or of_person, in its window at now. */
static struct db_rows *
feed_rows(struct db *db, const struct config *cfg, const struct feed_of *f,
    time_t now, const char *of_room, const char *of_person)
{
	char from[SQL_TIME_LEN], to[SQL_TIME_LEN];

	if (sql_time_utc(now - FEED_PAST_DAYS * 86400, from) == -1 ||
	    sql_time_utc(now + (time_t)cfg->rules.series_horizon_days * 86400,
	    to) == -1)
		return NULL;
	if (f->room > 0)
		return db_query(db, of_room, DB_ARGS(DB_INT(f->room),
		    DB_STR(from), DB_STR(to)));
	return db_query(db, of_person, DB_ARGS(DB_INT(f->user), DB_STR(from),
	    DB_STR(to), DB_INT(f->user), DB_STR(from), DB_STR(to)));
}

int
feed_validator(struct db *db, const struct config *cfg,
    const struct feed_of *f, time_t now, char etag[FEED_ETAG_LEN],
    time_t *changed)
{
	crypto_generichash_state	 st;
	struct db_rows			*rows;
	unsigned char			 hash[16];
	char				 who[160];
	static const char * const	 figures[] = { "n", "changed", "ids",
					    "seq", "series_seq", "rooms" };

	if ((rows = feed_rows(db, cfg, f, now, SQL_FIGURES_OF_ROOM,
	    SQL_FIGURES_OF_PERSON)) == NULL)
		return -1;
	/* Whose, how told: the same figures read otherwise differ. */
	snprintf(who, sizeof who, "%lld/%lld/%s/%d/%s", f->user, f->room,
	    f->lang, f->admin, clock_site_zone());
	crypto_generichash_init(&st, NULL, 0, sizeof hash);
	crypto_generichash_update(&st, (const unsigned char *)who, strlen(who));
	crypto_generichash_update(&st, (const unsigned char *)cfg->base_url,
	    strlen(cfg->base_url));
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		const char *v = db_text(rows, 0, figures[i]);

		crypto_generichash_update(&st, (const unsigned char *)v,
		    strlen(v) + 1);
	}
	crypto_generichash_final(&st, hash, sizeof hash);
	etag[0] = '"';
	sodium_bin2hex(etag + 1, 33, hash, sizeof hash);
	etag[33] = '"';
	etag[34] = '\0';
	if (db_get(rows, 0, "changed") == NULL ||
	    parse_sql_time(db_get(rows, 0, "changed"), changed) == -1)
		*changed = now;
	db_rows_free(rows);
	return 0;
}

char *
feed_calendar(struct db *db, const struct config *cfg,
    const struct feed_of *f, time_t now)
{
	struct db_rows		*rows;
	struct events		 e;
	struct ical_calendar	 cal;
	char			*text = NULL;
	int			 rc = 0;

	memset(&e, 0, sizeof e);
	if ((rows = feed_rows(db, cfg, f, now, SQL_OF_ROOM,
	    SQL_OF_PERSON)) == NULL)
		return NULL;
	for (size_t i = 0; i < rows->nrows && rc == 0; i++) {
		note_change(&e, db_get(rows, i, "updated_at"));
		if (db_get(rows, i, "series_id") == NULL)
			rc = add_booking(cfg, f, rows, i, &e);
		else if (!seen_series(&e, db_get_int(rows, i, "series_id")))
			rc = add_series(db, cfg, f, db_get_int(rows, i,
			    "series_id"), rows, i, &e);
	}
	if (rc == 0) {
		cal = (struct ical_calendar){ .method = "PUBLISH",
		    .zone = clock_site_zone(), .name = f->name,
		    .organizer = { cfg->site_name, cfg->mail.from },
		    .stamp = e.changed != 0 ? e.changed : now, .events = e.v,
		    .nevents = e.n };
		text = ical_text(&cal);
	}
	db_rows_free(rows);
	events_free(&e);
	return text;
}
