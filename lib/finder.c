/* finder: the rooms free for a meeting, best first, and what else there is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "booking.h"
#include "clock.h"
#include "db.h"
#include "finder.h"
#include "policy.h"
#include "rules.h"
#include "user.h"

/*
 * Every room, with what the finder weighs: seats, equipment, place,
 * buffer, closure, limits, and the groups that may book it (none:
 * everyone).  Each room's equipment and groups from one pass over those
 * tables: a subquery a room cost a millisecond per hundred rooms.
 */
static const char SQL_ROOMS[] =
    "SELECT rooms.id, rooms.name, rooms.capacity, rooms.closed_from,"
    " rooms.closed_until, pf.building_id, pb.name AS building_name,"
    " pf.name AS floor_name, fa.features, COALESCE(fa.n, 0) AS nfeatures,"
    " bb.groups AS bookable_by, rooms.approval, rooms.buffer_minutes,"
    " rooms.max_per_day, rooms.max_per_week, rooms.max_hours_per_week,"
    " rooms.max_future, bb.groups IS NOT NULL AS restricted"
    " FROM rooms" ROOM_FILTER_JOIN
    " LEFT JOIN (SELECT room_id, GROUP_CONCAT(feature_id) AS features,"
    "  COUNT(*) AS n FROM room_features GROUP BY room_id) fa"
    "  ON fa.room_id = rooms.id"
    " LEFT JOIN (SELECT room_id, GROUP_CONCAT(group_id) AS groups"
    "  FROM room_bookable_by GROUP BY room_id) bb ON bb.room_id = rooms.id"
    " ORDER BY rooms.id";
/*
 * What a day's scene depends on: the epoch (rooms, their places and
 * equipment, the nightly rebuild) and the day's room versions, which every
 * booking's write raises (sql/016), as the day grid keeps its pages.
 */
static const char SQL_VERSIONS[] =
    "SELECT epoch, (SELECT COALESCE(SUM(version), 0)"
    "  FROM room_day_versions WHERE day = ?) AS day_version"
    " FROM view_epoch WHERE id = 1";
/* The groups a person is in, for the rooms only some groups may book. */
static const char SQL_GROUPS[] =
    "SELECT GROUP_CONCAT(group_id) AS groups FROM group_members"
    " WHERE user_id = ?";
/*
 * What holds a slot overlapping [?, ?), by room: one range of the
 * (status, starts_at) index, bounded below by a booking's longest day.
 */
static const char SQL_HELD[] =
    "SELECT room_id, starts_at, ends_at FROM bookings"
    " WHERE status IN " HOLDS_SLOT " AND starts_at < ? AND ends_at > ?"
    " AND " STARTED_AFTER_DAY_BEFORE("starts_at", "?")
    " ORDER BY room_id, starts_at";

struct held {
	long long	 room;
	time_t		 start, end;
};

/* A room as the finder weighs it. */
struct candidate {
	long long	 id, capacity, building;
	const char	*name, *building_name, *floor_name;
	const long long	*feature;	/* its equipment's ids */
	int		 nfeatures;
	time_t		 buffer;
	time_t		 closed_from, closed_until;	/* 0: none, open-ended */
	struct policy	 policy;
	struct held	*held;		/* its bookings in the scene */
	size_t		 nheld;
	/* Against the equipment asked: how much is missing, and which
	   (when one is). */
	int		 missing;
	size_t		 missing_which;
	int		 busy;		/* taken now: no walk-in */
	const char	*bookable_by;	/* group ids, or NULL: everyone */
	int		 barred;	/* not for the person asking */
};

/* The rooms and the bookings of the time looked at. */
struct scene {
	struct candidate *c;
	size_t		 nc;
	struct held	*h;
	size_t		 nh;
	time_t		 buffer;	/* the rooms' longest */
	long long	*features;	/* the rooms' feature ids, room by room */
	int		 restricted;	/* some rooms only some groups book */
};

/* The comma-separated ids of csv into out, at most max; how many. */
static size_t
ids_of(const char *csv, long long *out, size_t max)
{
	size_t	 n = 0;
	char	*end;

	while (csv != NULL && *csv != '\0' && n < max) {
		out[n++] = strtoll(csv, &end, 10);
		if (end == csv || *end != ',')
			break;
		csv = end + 1;
	}
	return n;
}

/* Whether the comma-separated ids in csv name id. */
static int
lists_id(const char *csv, long long id)
{
	char *end;

	while (csv != NULL && *csv != '\0') {
		if (strtoll(csv, &end, 10) == id)
			return 1;
		if (end == csv || *end != ',')
			break;
		csv = end + 1;
	}
	return 0;
}

/* What of the equipment want[0..n) candidate c lacks. */
static void
weigh(struct candidate *c, const long long *want, size_t n)
{
	c->missing = 0;
	for (size_t i = 0; i < n; i++) {
		int has = 0;

		for (int j = 0; j < c->nfeatures && !has; j++)
			has = c->feature[j] == want[i];
		if (!has) {
			c->missing++;
			c->missing_which = i;
		}
	}
}

/* Reads the rooms of rows into s->c; 0 or -1. */
static int
read_rooms(const struct rules *k, const struct db_rows *rows,
    struct scene *s)
{
	size_t total = 0, used = 0;

	for (size_t i = 0; i < rows->nrows; i++)
		total += (size_t)db_get_int(rows, i, "nfeatures");
	if ((rows->nrows > 0 && (s->c = calloc(rows->nrows,
	    sizeof *s->c)) == NULL) || (total > 0 && (s->features =
	    calloc(total, sizeof *s->features)) == NULL))
		return -1;
	for (size_t i = 0; i < rows->nrows; i++) {
		struct candidate	*c = &s->c[s->nc++];
		const char		*from = db_get(rows, i, "closed_from");
		const char		*until = db_get(rows, i, "closed_until");

		c->id = db_get_int(rows, i, "id");
		c->name = db_text(rows, i, "name");
		c->capacity = db_get_int(rows, i, "capacity");
		c->building = db_get(rows, i, "building_id") != NULL ?
		    db_get_int(rows, i, "building_id") : 0;
		c->building_name = db_get(rows, i, "building_name");
		c->floor_name = db_get(rows, i, "floor_name");
		c->feature = s->features + used;
		c->nfeatures = (int)ids_of(db_get(rows, i, "features"),
		    s->features + used, (size_t)db_get_int(rows, i,
		    "nfeatures"));
		used += (size_t)c->nfeatures;
		c->bookable_by = db_get(rows, i, "bookable_by");
		s->restricted |= c->bookable_by != NULL;
		policy_of(rows, i, k, &c->policy);
		c->buffer = (time_t)c->policy.buffer_minutes * 60;
		if (c->buffer > s->buffer)
			s->buffer = c->buffer;
		if ((from != NULL && parse_sql_time(from, &c->closed_from) ==
		    -1) || (until != NULL && parse_sql_time(until,
		    &c->closed_until) == -1))
			return -1;
	}
	return 0;
}

/*
 * Reads the bookings that may stand in the way in [lo, hi) (their
 * buffers included) into s, each room given its range.  0 or -1.
 */
static int
read_held(struct db *db, time_t lo, time_t hi, struct scene *s)
{
	char		 a[SQL_TIME_LEN], b[SQL_TIME_LEN];
	struct db_rows	*rows;
	size_t		 j = 0;
	int		 rc = -1;

	free(s->h);
	s->h = NULL;
	s->nh = 0;
	/* A booking stands in the way within its room's buffer. */
	if (sql_time_utc(lo - s->buffer, a) == -1 ||
	    sql_time_utc(hi + s->buffer, b) == -1 ||
	    (rows = db_query(db, SQL_HELD, DB_ARGS(DB_STR(b), DB_STR(a),
	    DB_STR(a)))) == NULL)
		return -1;
	if (rows->nrows > 0 && (s->h = calloc(rows->nrows, sizeof *s->h)) ==
	    NULL)
		goto out;
	for (size_t i = 0; i < rows->nrows; i++) {
		struct held *h = &s->h[s->nh++];

		h->room = db_get_int(rows, i, "room_id");
		if (parse_sql_time(db_text(rows, i, "starts_at"), &h->start) ==
		    -1 || parse_sql_time(db_text(rows, i, "ends_at"),
		    &h->end) == -1)
			goto out;
	}
	/* Both by room: one pass gives each room its bookings. */
	for (size_t i = 0; i < s->nc; i++) {
		struct candidate *c = &s->c[i];

		while (j < s->nh && s->h[j].room < c->id)
			j++;
		c->held = s->h + j;
		c->nheld = 0;
		while (j < s->nh && s->h[j].room == c->id) {
			c->nheld++;
			j++;
		}
	}
	rc = 0;
out:
	db_rows_free(rows);
	return rc;
}

static void
scene_free(struct scene *s)
{
	free(s->c);
	free(s->h);
	free(s->features);
}

/* Whether c is free for [a, b): out of use in none of it, and no booking
 * (with the room's buffer around it) in the way. */
static int
is_free(const struct candidate *c, time_t a, time_t b)
{
	if (c->closed_from != 0 && b > c->closed_from &&
	    (c->closed_until == 0 || a < c->closed_until))
		return 0;
	for (size_t i = 0; i < c->nheld; i++)
		if (a < c->held[i].end + c->buffer &&
		    b > c->held[i].start - c->buffer)
			return 0;
	return 1;
}

/* Until when c, free from a, stays free: its next booking or closure, or
 * closing (the day's last slot boundary). */
static time_t
free_until(const struct candidate *c, time_t a, time_t closing)
{
	time_t until = closing;

	for (size_t i = 0; i < c->nheld; i++)
		if (c->held[i].start - c->buffer >= a &&
		    c->held[i].start - c->buffer < until)
			until = c->held[i].start - c->buffer;
	if (c->closed_from >= a && c->closed_from < until)
		until = c->closed_from;
	return until;
}

/* What the finder looks for, the grid's way. */
struct look {
	const struct rules	*k;
	time_t			 now;
	const struct finder_ask	*ask;
	time_t			 length;	/* seconds to book */
	long long		 seats;		/* at least (relaxed: fewer) */
	int			 until;		/* a walk-in: until when free */
};

/* The local day of t: its slot boundaries into t[RULES_MAX_SLOTS + 1]. */
static int
day_of(const struct rules *k, time_t at, time_t *t, size_t *n)
{
	char date[11];

	return local_date(at, 0, date) == -1 ||
	    rules_day_slots(k, date, t, n) == -1 ? -1 : 0;
}

/*
 * The starts of one day the rules allow for l's length inside [from, to):
 * t[0..n] its slot boundaries, allowed[i] whether t[i] may start one.
 * The same for every room, so worked out once.
 */
struct starts {
	time_t	t[RULES_MAX_SLOTS + 1];
	char	allowed[RULES_MAX_SLOTS + 1];
	size_t	n;
};

/* 0, or -1 for a day the clocks skip or repeat (nothing to offer). */
static int
starts_of(const struct look *l, time_t from, time_t to, struct starts *d)
{
	const char *field;

	if (day_of(l->k, from, d->t, &d->n) == -1)
		return -1;
	for (size_t i = 0; i <= d->n; i++)
		d->allowed[i] = d->t[i] >= from && d->t[i] + l->length <= to &&
		    rules_check(l->k, d->t[i], d->t[i] + l->length, l->now,
		    &field) == RULE_OK;
	return 0;
}

/* The first start d allows at which c is free for l's length; -1 if none. */
static time_t
first_start(const struct look *l, const struct candidate *c,
    const struct starts *d)
{
	for (size_t i = 0; i <= d->n; i++)
		if (d->allowed[i] && is_free(c, d->t[i], d->t[i] + l->length))
			return d->t[i];
	return -1;
}

/* A list of offers kept in order, at most max of them. */
struct ranked {
	struct finder_offer	*v;
	const struct candidate	**of;
	size_t			 n, max;
	long long		 building;	/* preferred */
	int			 largest;	/* the most seats first */
};

/* Whether a (of room ca) is a better offer than b (of cb) for r: the
 * building preferred, then the smallest room that fits (or the largest
 * of those too small), then the least equipment beyond the asked, then
 * the earliest, then by name. */
static int
better(const struct ranked *r, const struct finder_offer *a,
    const struct candidate *ca, const struct finder_offer *b,
    const struct candidate *cb)
{
	int ia = r->building != 0 && ca->building == r->building;
	int ib = r->building != 0 && cb->building == r->building;

	if (ia != ib)
		return ia > ib;
	if (a->capacity != b->capacity)
		return r->largest ? a->capacity > b->capacity :
		    a->capacity < b->capacity;
	if (a->extra != b->extra)
		return a->extra < b->extra;
	if (a->start != b->start)
		return a->start < b->start;
	return strcmp(a->name, b->name) < 0;
}

/*
 * The offer of c at start; for a walk-in (l->until) until when the room
 * stays free, closing (the day's last slot boundary) at the latest.
 */
static struct finder_offer
offer_of(const struct look *l, const struct candidate *c, time_t start,
    time_t closing)
{
	struct finder_offer o = {
		.room = c->id, .name = c->name, .building = c->building_name,
		.floor = c->floor_name, .capacity = c->capacity,
		.extra = c->nfeatures - ((int)l->ask->need->nfeatures -
		    c->missing),
		.instant = c->policy.instant, .start = start,
		.end = start + l->length,
		.free_until = l->until ? free_until(c, start, closing) : 0,
	};
	return o;
}

static int
ranked_init(struct ranked *r, size_t max, long long building)
{
	r->n = 0;
	r->max = max;
	r->building = building;
	r->largest = 0;
	r->v = calloc(max, sizeof *r->v);
	r->of = calloc(max, sizeof *r->of);
	return r->v != NULL && r->of != NULL ? 0 : -1;
}

static void
ranked_free(struct ranked *r)
{
	free(r->v);
	free(r->of);
	r->v = NULL;
	r->of = NULL;
}

/* Puts o (of candidate c) in its place, if it ranks among the max. */
static void
rank(struct ranked *r, const struct finder_offer *o,
    const struct candidate *c)
{
	size_t i = r->n;

	while (i > 0 && better(r, o, c, &r->v[i - 1], r->of[i - 1]))
		i--;
	if (i >= r->max)
		return;
	if (r->n == r->max)
		r->n--;
	memmove(&r->v[i + 1], &r->v[i], (r->n - i) * sizeof *r->v);
	memmove(&r->of[i + 1], &r->of[i], (r->n - i) * sizeof *r->of);
	r->v[i] = *o;
	r->of[i] = c;
	r->n++;
}

/* Whether the person may book c at [start, end) within its limits per
 * person (administrators are not held to them): 1, 0, -1. */
static int
within_limits(struct db *db, const struct look *l, const struct candidate *c,
    time_t start, time_t end)
{
	enum limit	which;
	int		n;

	if (l->ask->who->admin)
		return 1;
	n = policy_limits_check(db, c->id, l->ask->who->id, 0,
	    c->policy.limits, &start, &end, 1, &which, NULL);
	return n == -1 ? -1 : n == 0;
}


/*
 * The rooms that fit (seats at least l->seats, missing nothing, or only
 * the equipment `without` when it is not -1; seats fewer than asked when
 * fewer is set) with their first free start in [from, to), ranked into r.
 * 0 or -1.
 */
static int
gather(struct db *db, const struct look *l, const struct scene *s,
    time_t from, time_t to, long without, int fewer, struct ranked *r)
{
	struct starts	 d;

	if (starts_of(l, from, to, &d) == -1)
		return 0;	/* a day the clocks skip: nothing to offer */
	for (size_t i = 0; i < s->nc; i++) {
		const struct candidate	*c = &s->c[i];
		struct finder_offer	 o;
		time_t			 start;
		int			 ok;

		if (c->busy || c->barred)
			continue;
		if (fewer ? c->capacity >= l->ask->people || c->missing > 0 :
		    c->capacity < l->seats)
			continue;
		if (without < 0 ? c->missing > 0 : c->missing != 1 ||
		    c->missing_which != (size_t)without)
			continue;
		if ((start = first_start(l, c, &d)) == -1)
			continue;
		o = offer_of(l, c, start, d.t[d.n]);
		/* Only those that would rank: limits cost a query each. */
		if (r->n == r->max && !better(r, &o, c, &r->v[r->n - 1],
		    r->of[r->n - 1]))
			continue;
		if ((ok = within_limits(db, l, c, o.start, o.end)) == -1)
			return -1;
		if (ok)
			rank(r, &o, c);
	}
	return 0;
}

/* Copies r's offers into a new array *out of *n; 0 or -1. */
static int
keep(const struct ranked *r, struct finder_offer **out, size_t *n)
{
	*n = 0;
	if (r->n == 0)
		return 0;
	if ((*out = calloc(r->n, sizeof **out)) == NULL)
		return -1;
	memcpy(*out, r->v, r->n * sizeof **out);
	*n = r->n;
	return 0;
}

/*
 * Nothing fits: the rooms that would with one requirement done without,
 * each piece of equipment in turn, then the seats.  0 or -1.
 */
static int
relax(struct db *db, const struct look *l, const struct scene *s,
    struct finder *f)
{
	const struct room_filter *need = l->ask->need;
	struct ranked	 best, all;
	struct look	 fewer = *l;
	int		 rc = -1;

	if (ranked_init(&all, need->nfeatures + 1, 0) == -1) {
		ranked_free(&all);
		return -1;
	}
	for (size_t i = 0; i <= need->nfeatures; i++) {
		int seats = i == need->nfeatures;

		if (ranked_init(&best, 1, need->building) == -1) {
			ranked_free(&best);
			goto out;
		}
		best.largest = seats;
		fewer.seats = 1;
		if (gather(db, seats ? &fewer : l, s, l->ask->from, l->ask->to,
		    seats ? -1 : (long)i, seats, &best) == -1) {
			ranked_free(&best);
			goto out;
		}
		if (best.n == 1) {
			best.v[0].without = seats ? "" : need->feature[i];
			all.v[all.n] = best.v[0];
			all.of[all.n++] = best.of[0];
		}
		ranked_free(&best);
	}
	rc = keep(&all, &f->relaxed, &f->nrelaxed);
out:
	ranked_free(&all);
	return rc;
}

/* |a - b| */
static time_t
distance(time_t a, time_t b)
{
	return a > b ? a - b : b - a;
}

/*
 * The best offer at each start of day t[0..n] that a fitting room is free
 * at, into at[] (start -1: none).  0 or -1.
 */
static int
offers_by_start(struct db *db, const struct look *l, const struct scene *s,
    const time_t *t, size_t n, struct finder_offer *at)
{
	for (size_t i = 0; i <= n; i++) {
		struct ranked r;

		at[i].start = -1;
		if (t[i] + l->length > t[n])
			continue;
		if (ranked_init(&r, 1, l->ask->need->building) == -1 ||
		    gather(db, l, s, t[i], t[i] + l->length, -1, 0, &r) == -1) {
			ranked_free(&r);
			return -1;
		}
		if (r.n == 1)
			at[i] = r.v[0];
		ranked_free(&r);
	}
	return 0;
}

/*
 * Nothing fits: the nearest other times that day, then on each of the
 * next open days the time nearest to the one asked.  Reads the bookings
 * of those days.  0 or -1.
 */
static int
other_times(struct db *db, const struct look *l, const struct scene *kept_s,
    struct finder *f)
{
	time_t			 t[RULES_MAX_SLOTS + 1];
	struct finder_offer	*at = NULL;
	/* The rooms as weighed, with the bookings of several days. */
	struct scene		 days = { .nc = kept_s->nc,
				    .buffer = kept_s->buffer }, *s = &days;
	char			 date[11], next[11];
	time_t			 day0, last, wanted = l->ask->from;
	size_t			 n, chosen = 0;
	int			 minute, rc = -1;

	if ((f->times = calloc(FINDER_TIMES + FINDER_DAYS,
	    sizeof *f->times)) == NULL ||
	    local_date_minute(wanted, date, &minute) == -1 ||
	    local_date_start(date, 0, &day0) == -1)
		return -1;
	/* The days looked at: this one and the next open ones. */
	snprintf(next, sizeof next, "%s", date);
	for (int d = 0; d < FINDER_DAYS; d++)
		if (rules_open_day_from(l->k, next, 1, next) == -1)
			return -1;
	if (kept_s->nc > 0 && (days.c = calloc(kept_s->nc,
	    sizeof *days.c)) == NULL)
		return -1;
	if (days.c != NULL)
		memcpy(days.c, kept_s->c, kept_s->nc * sizeof *days.c);
	if (local_date_start(next, 1, &last) == -1 ||
	    read_held(db, day0, last, s) == -1 ||
	    (at = calloc(RULES_MAX_SLOTS + 1, sizeof *at)) == NULL)
		goto out;
	snprintf(next, sizeof next, "%s", date);
	for (int d = 0; d <= FINDER_DAYS; d++) {
		size_t	best = (size_t)-1, taken[FINDER_TIMES];
		size_t	want = d == 0 ? FINDER_TIMES : 1, got = 0;

		if (d > 0 && rules_open_day_from(l->k, next, 1, next) == -1)
			goto out;
		if (rules_day_slots(l->k, next, t, &n) == -1)
			continue;
		if (offers_by_start(db, l, s, t, n, at) == -1)
			goto out;
		/* The nearest ones to the time asked (that time of day on
		   later days), in the order of the day. */
		if (d > 0 && local_date_start(next, 0, &day0) == 0)
			wanted = day0 + (time_t)minute * 60;
		while (got < want) {
			best = (size_t)-1;
			for (size_t i = 0; i <= n; i++) {
				int used = 0;

				for (size_t j = 0; j < got; j++)
					used |= taken[j] == i;
				if (at[i].start == -1 || used)
					continue;
				if (best == (size_t)-1 || distance(at[i].start,
				    wanted) < distance(at[best].start, wanted))
					best = i;
			}
			if (best == (size_t)-1)
				break;
			taken[got++] = best;
		}
		for (size_t i = 0; i <= n; i++)
			for (size_t j = 0; j < got; j++)
				if (taken[j] == i)
					f->times[chosen++] = at[i];
	}
	f->ntimes = chosen;
	rc = 0;
out:
	free(at);
	scene_free(&days);
	return rc;
}

/*
 * What a worker keeps between requests: every room and one local day's
 * bookings, under the key of the versions they were read at.  A later
 * request for that day reads the versions (one small query) and, while
 * they hold, weighs the rooms kept.  A booking lies within one day's
 * opening hours (the rules), so its write raises the version of the day
 * it is on, the day kept.  Like the status workers' day grids
 * (lib/fragment), this lives as long as the worker.
 */
static struct kept {
	char		 key[96];	/* "epoch day version" */
	struct db_rows	*rows;
	struct scene	 s;
} kept;

static void
kept_clear(void)
{
	db_rows_free(kept.rows);
	scene_free(&kept.s);
	memset(&kept, 0, sizeof kept);
}

/* Whether the comma-separated ids of a and b share one. */
static int
share_id(const char *a, const char *b)
{
	char *end;

	while (a != NULL && *a != '\0') {
		if (lists_id(b, strtoll(a, &end, 10)))
			return 1;
		if (end == a || *end != ',')
			break;
		a = end + 1;
	}
	return 0;
}

/*
 * The rooms and the bookings of local date (site zone) into *out, kept
 * or read now, each room marked barred if the person asking may not book
 * it; and the filters' choices as of the same epoch into *choices.
 * 0 or -1.
 */
static int
read_scene(struct db *db, const struct rules *k, const struct user *who,
    const char *date, struct scene **out,
    const struct room_choices **choices)
{
	struct db_rows	*v, *groups = NULL;
	char		 key[sizeof kept.key];
	time_t		 d0, d1;
	int		 n;

	if ((v = db_query(db, SQL_VERSIONS, DB_ARGS(DB_STR(date)))) == NULL)
		return -1;
	n = snprintf(key, sizeof key, "%s %s %s", db_text(v, 0, "epoch"), date,
	    db_text(v, 0, "day_version"));
	if (n < 0 || (size_t)n >= sizeof key ||
	    (*choices = room_choices_at(db, db_text(v, 0, "epoch"))) == NULL) {
		db_rows_free(v);
		return -1;
	}
	db_rows_free(v);
	if (strcmp(key, kept.key) != 0) {
		kept_clear();
		if (local_date_start(date, 0, &d0) == -1 ||
		    local_date_start(date, 1, &d1) == -1 ||
		    (kept.rows = db_query(db, SQL_ROOMS, DB_NOARGS)) == NULL ||
		    read_rooms(k, kept.rows, &kept.s) == -1 ||
		    read_held(db, d0, d1, &kept.s) == -1) {
			kept_clear();
			return -1;
		}
		snprintf(kept.key, sizeof kept.key, "%s", key);
	}
	/* Whose groups matter only where a room is kept for some. */
	if (!who->admin && kept.s.restricted && (groups = db_query(db,
	    SQL_GROUPS, DB_ARGS(DB_INT(who->id)))) == NULL)
		return -1;
	for (size_t i = 0; i < kept.s.nc; i++) {
		struct candidate *c = &kept.s.c[i];

		c->busy = 0;
		c->barred = groups != NULL && c->bookable_by != NULL &&
		    !share_id(c->bookable_by, db_get(groups, 0, "groups"));
	}
	db_rows_free(groups);
	*out = &kept.s;
	return 0;
}

/*
 * The equipment of room `like` (at most a filter's worth) and its building
 * preferred into need: what a room like it has.
 */
static void
need_like(const struct scene *s, long long like, struct room_filter *need)
{
	for (size_t i = 0; i < s->nc; i++) {
		const struct candidate	*c = &s->c[i];
		size_t			 len = 0;

		if (c->id != like)
			continue;
		need->building = c->building;
		while (need->nfeatures < ROOM_FILTER_FEATURES &&
		    (int)need->nfeatures < c->nfeatures)
			len += (size_t)snprintf(need->feature_ids + len,
			    sizeof need->feature_ids - len, "%s%lld",
			    len > 0 ? "," : "", c->feature[need->nfeatures++]);
		return;
	}
}

/*
 * The scene for date and what ask needs, resolved against it: the
 * equipment asked for by name (or, like a room, its own) by the
 * list of the epoch of the rooms kept, so names and rooms agree.  Each
 * room weighed by it.  0, 1 for equipment not on the list (its name in
 * f->unknown), or -1.
 */
static int
scene_for(struct db *db, const struct rules *k, const struct finder_ask *ask,
    long long like, const char *date, struct room_filter *need,
    struct scene **s, struct finder *f)
{
	long long	want[ROOM_FILTER_FEATURES];
	size_t		n;

	if (read_scene(db, k, ask->who, date, s, &f->choices) == -1)
		return -1;
	if (like != 0) {
		memset(need, 0, sizeof *need);
		need->seats = 1;
		need->location = "";
		need_like(*s, like, need);
	} else {
		*need = *ask->need;
		if ((f->unknown = room_filter_ids(f->choices, need)) != NULL)
			return 1;
	}
	n = ids_of(need->feature_ids, want, ROOM_FILTER_FEATURES);
	for (size_t i = 0; i < (*s)->nc; i++)
		weigh(&(*s)->c[i], want, n);
	return 0;
}

/* The local date (site zone) of t into date[11]; 0 or -1. */
static int
date_of(time_t t, char date[11])
{
	return local_date(t, 0, date);
}


/*
 * The finder goes by the site's days and hours, whoever asks: search
 * and free_now run in its zone, which these two switch to and back.
 */
static void
site_zone(char was[64])
{
	snprintf(was, 64, "%s", clock_zone());
	clock_use_zone(NULL);
}

static int
back_to(const char *was, int rc)
{
	clock_use_zone(was);
	return rc;
}

static int	search(struct db *, const struct rules *, time_t,
		    const struct finder_ask *, long long, struct finder *);
static int	free_now(struct db *, const struct rules *, time_t,
		    struct finder_ask *, struct finder *);

int
finder_search(struct db *db, const struct rules *k, time_t now,
    const struct finder_ask *ask, struct finder *f)
{
	char was[64];

	site_zone(was);
	return back_to(was, search(db, k, now, ask, 0, f));
}

int
finder_like(struct db *db, const struct rules *k, time_t now, long long room,
    const struct finder_ask *ask, struct finder *f)
{
	char was[64];

	site_zone(was);
	return back_to(was, search(db, k, now, ask, room, f));
}

int
finder_free_now(struct db *db, const struct rules *k, time_t now,
    struct finder_ask *ask, struct finder *f)
{
	char was[64];

	site_zone(was);
	return back_to(was, free_now(db, k, now, ask, f));
}

/*
 * finder_search, or with like finder_like: the rooms like that one,
 * without what else there is when none is free.
 */
static int
search(struct db *db, const struct rules *k, time_t now,
    const struct finder_ask *ask, long long like, struct finder *f)
{
	struct room_filter	 need;
	struct finder_ask	 a = *ask;
	struct look		 l = { .k = k, .now = now, .ask = &a,
				    .seats = ask->people };
	struct scene		*s;
	struct ranked		 r = { 0 };
	char			 date[11];
	int			 rc;

	memset(f, 0, sizeof *f);
	a.need = &need;
	l.length = ask->minutes > 0 ? (time_t)ask->minutes * 60 :
	    ask->to - ask->from;
	if (date_of(ask->from, date) == -1 ||
	    (rc = scene_for(db, k, ask, like, date, &need, &s, f)) == -1)
		return -1;
	if (rc == 1)
		return 0;	/* equipment not on the list: f->unknown */
	rc = -1;
	if (ranked_init(&r, FINDER_OFFERS, need.building) == -1 ||
	    gather(db, &l, s, ask->from, ask->to, -1, 0, &r) == -1 ||
	    keep(&r, &f->offers, &f->noffers) == -1)
		goto out;
	if (like == 0 && f->noffers == 0 && (relax(db, &l, s, f) == -1 ||
	    other_times(db, &l, s, f) == -1))
		goto out;
	rc = 0;
out:
	ranked_free(&r);
	return rc;
}

static int
free_now(struct db *db, const struct rules *k, time_t now,
    struct finder_ask *ask, struct finder *f)
{
	struct room_filter	 need;
	struct finder_ask	 a;
	struct look		 l = { .k = k, .now = now, .ask = &a,
				    .seats = ask->people,
				    .length = FINDER_NOW_MINUTES * 60,
				    .until = 1 };
	time_t			 t[RULES_MAX_SLOTS + 1];
	struct scene		*s;
	struct ranked		 r = { 0 };
	size_t			 n = 0, i = 0;
	char			 date[11];
	int			 rc;

	memset(f, 0, sizeof *f);
	/* The next start the grid allows, from now (after closing: now,
	   which the rules refuse, so nothing is offered). */
	ask->from = now;
	if (day_of(k, now, t, &n) == 0) {
		while (i <= n && t[i] < now)
			i++;
		if (i <= n)
			ask->from = t[i];
	}
	ask->to = ask->from + l.length;
	ask->minutes = 0;
	a = *ask;
	a.need = &need;
	if (date_of(now, date) == -1 ||
	    (rc = scene_for(db, k, ask, 0, date, &need, &s, f)) == -1)
		return -1;
	if (rc == 1)
		return 0;
	rc = -1;
	if (ranked_init(&r, FINDER_OFFERS, need.building) == -1)
		goto out;
	/* Nobody may be in it now either, before the first start. */
	for (size_t j = 0; j < s->nc; j++)
		s->c[j].busy = !is_free(&s->c[j], now, ask->to);
	if (gather(db, &l, s, ask->from, ask->to, -1, 0, &r) == -1 ||
	    keep(&r, &f->offers, &f->noffers) == -1)
		goto out;
	rc = 0;
out:
	ranked_free(&r);
	return rc;
}

int
finder_check(const struct rules *k, time_t now, const struct finder_ask *ask,
    const char **field)
{
	if (ask->minutes == 0)
		return rules_check(k, ask->from, ask->to, now, field);
	/* A stretch inside the window: each start is checked as found. */
	*field = "ends_at";
	if (ask->to <= ask->from)
		return RULE_END_BEFORE_START;
	*field = "starts_at";
	if (ask->to - (time_t)ask->minutes * 60 < now)
		return RULE_PAST;
	*field = "minutes";
	if (ask->minutes > k->max_minutes)
		return RULE_TOO_LONG;
	return RULE_OK;
}

void
finder_free(struct finder *f)
{
	free(f->offers);
	free(f->times);
	free(f->relaxed);
	memset(f, 0, sizeof *f);
}
