/* status: booked hours and share of opening hours per room, page and CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "clock.h"
#include "db.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "page.h"
#include "response.h"
#include "words.h"

/*
 * Read from room_day_usage, which every booking change keeps current
 * (lib/readmodel.c) and the nightly refresh counts again.
 */
static const char SQL_USAGE[] =
    "SELECT r.id, r.name,"
    " COALESCE(SUM(u.confirmed_minutes), 0) AS confirmed_minutes,"
    " COALESCE(SUM(u.pending_minutes), 0) AS pending_minutes,"
    " COALESCE(SUM(u.used_minutes), 0) AS used_minutes,"
    " COALESCE(SUM(u.no_shows), 0) AS no_shows,"
    /* Each room's policy beside its use. */
    " r.approval, r.buffer_minutes, (SELECT GROUP_CONCAT(g.name ORDER BY"
    "  g.name SEPARATOR '; ') FROM room_bookable_by b JOIN user_groups g"
    "  ON g.id = b.group_id WHERE b.room_id = r.id) AS bookable_by"
    " FROM rooms r"
    " LEFT JOIN room_day_usage u ON u.room_id = r.id"
    " AND u.day >= ? AND u.day <= ?"
    " GROUP BY r.id, r.name, r.approval, r.buffer_minutes ORDER BY r.name";
static const char SQL_LAST_REFRESH[] =
    "SELECT MAX(finished_at) AS finished_at FROM refresh_runs";

struct usage {
	char		 from[11], to[11];
	long long	 open_minutes;	/* opening hours in the range */
	struct db_rows	*rows;
	char		*as_of;		/* last refresh, "" if none */
};

/* The range (?from, ?to; default: the last 30 days) and its open minutes. */
static int
read_range(struct req *r, struct usage *u)
{
	const struct rules	*k = &r->app->cfg->rules;
	struct input		 in;
	time_t			 a, b, day;
	int			 days = 0, rc;

	if ((rc = input_query(r, usage_query, &in)) != 0)
		return rc;
	if (input_given(&in, "from")) {
		snprintf(u->from, sizeof u->from, "%s",
		    input_text(&in, "from"));
		a = input_time(&in, "from");
	} else if (local_date(clock_now(), -29, u->from) == -1 ||
	    local_date_start(u->from, 0, &a) == -1)
		return 500;
	if (input_given(&in, "to")) {
		snprintf(u->to, sizeof u->to, "%s", input_text(&in, "to"));
		b = input_time(&in, "to");
	} else if (local_date(clock_now(), 0, u->to) == -1 ||
	    local_date_start(u->to, 0, &b) == -1)
		return 500;
	if (b < a)
		return req_refuse(r, 422, "the range must not end before it "
		    "starts", "to");
	if (b - a > 3660LL * 86400)
		return req_refuse(r, 422, "the range can span at most ten "
		    "years", "to");
	for (int d = 0; local_date_start(u->from, d, &day) == 0 && day <= b;
	    d++) {
		struct tm tm;

		if (localtime_r(&day, &tm) != NULL &&
		    (k->open_days & (1 << tm.tm_wday)))
			days++;
	}
	u->open_minutes = (long long)days * (k->open_until - k->open_from);
	return 0;
}

static int
load(struct req *r, struct usage *u)
{
	struct db_rows	*last;
	int		 rc;

	memset(u, 0, sizeof *u);
	if ((rc = read_range(r, u)) != 0)
		return rc;
	if ((u->rows = db_query(r->app->db, SQL_USAGE, DB_ARGS(DB_STR(u->from),
	    DB_STR(u->to)))) == NULL ||
	    (last = db_query(r->app->db, SQL_LAST_REFRESH, DB_NOARGS)) == NULL)
		return db_failed(r);
	u->as_of = strdup(db_text(last, 0, "finished_at"));
	db_rows_free(last);
	return u->as_of != NULL ? 0 : 500;
}

static void
unload(struct usage *u)
{
	db_rows_free(u->rows);
	free(u->as_of);
}

/* Hours with one decimal, from minutes. */
static void
hours(char *buf, size_t n, long long minutes)
{
	snprintf(buf, n, "%lld.%lld", minutes / 60, (minutes % 60) * 10 / 60);
}

/* Per mille of the opening minutes, shown as a percentage "12.5". */
static long long
share(const struct usage *u, long long minutes)
{
	return u->open_minutes > 0 ? minutes * 1000 / u->open_minutes : 0;
}

static void
percent(char *buf, size_t n, long long permille)
{
	snprintf(buf, n, "%lld.%lld", permille / 10, permille % 10);
}

int
status_usage(struct req *r)
{
	struct usage	u;
	struct page	p;
	int		rc;

	/* Usage counts the site's days. */
	clock_use_zone(NULL);

	if ((rc = load(r, &u)) != 0) {
		unload(&u);
		return rc;
	}
	if (page_begin(&p, r, T(r, "Usage"), "status_usage.tpl") == -1) {
		unload(&u);
		return 500;
	}
	tpl_set(p.body, "FROM", u.from);
	tpl_set(p.body, "TO", u.to);
	if (u.as_of[0] != '\0')
		page_set_time(tpl_section(p.body, "AS_OF"), r->lang, "AT",
		    u.as_of);
	/*
	 * The bars are drawn to the busiest room's share, not to all opening
	 * hours: a month at 3 % would be slivers nobody can see.
	 */
	long long top = 0;

	for (size_t i = 0; i < u.rows->nrows; i++) {
		long long s = share(&u, db_get_int(u.rows, i,
		    "confirmed_minutes") + db_get_int(u.rows, i,
		    "pending_minutes"));

		if (s > top)
			top = s;
	}
	if (top > 1000)
		top = 1000;
	if (top > 0) {
		char pct[32], said[160];

		percent(pct, sizeof pct, top);
		snprintf(said, sizeof said, T(r, "The longest bar is %s %% of the "
		    "opening hours."), pct);
		tpl_set(tpl_section(p.body, "SCALE"), "SAID", said);
	}
	for (size_t i = 0; i < u.rows->nrows; i++) {
		struct tpl	*row = tpl_section(p.body, "ROOM");
		struct tpl	*bar = tpl_section(p.body, "BAR");
		const char	*name = db_get(u.rows, i, "name");
		long long	 c = db_get_int(u.rows, i, "confirmed_minutes");
		long long	 q = db_get_int(u.rows, i, "pending_minutes");
		long long	 wc = share(&u, c), wq = share(&u, q);
		char		 buf[32], policy[400];

		tpl_set(row, "NAME", name);
		hours(buf, sizeof buf, c);
		tpl_set(row, "CONFIRMED_HOURS", buf);
		hours(buf, sizeof buf, q);
		tpl_set(row, "PENDING_HOURS", buf);
		hours(buf, sizeof buf, c + q);
		tpl_set(row, "BOOKED_HOURS", buf);
		hours(buf, sizeof buf, db_get_int(u.rows, i, "used_minutes"));
		tpl_set(row, "USED_HOURS", buf);
		tpl_set(row, "NO_SHOWS", db_get(u.rows, i, "no_shows"));
		tpl_set(row, "POLICY", words_policy(r->lang, strcmp(db_text(
		    u.rows, i, "approval"), "instant") == 0, db_get_int(u.rows,
		    i, "buffer_minutes"), db_get(u.rows, i, "bookable_by"),
		    policy, sizeof policy));
		percent(buf, sizeof buf, share(&u, c + q));
		tpl_set(row, "SHARE", buf);
		/* A bar of 400 units is the busiest room's share. */
		tpl_set(bar, "NAME", name);
		tpl_set(bar, "SHARE", buf);
		if (top > 0) {
			long long w1 = wc > top ? 400 : wc * 400 / top;
			long long w2 = wc + wq > top ? 400 - w1 : wq * 400 / top;

			tpl_set_int(bar, "CONFIRMED_W", w1);
			tpl_set_int(bar, "PENDING_X", w1);
			tpl_set_int(bar, "PENDING_W", w2);
		} else {
			tpl_set_int(bar, "CONFIRMED_W", 0);
			tpl_set_int(bar, "PENDING_X", 0);
			tpl_set_int(bar, "PENDING_W", 0);
		}
	}
	unload(&u);
	return page_finish(&p, r, 200);
}

/*
 * One CSV field (RFC 4180): quoted when needed, and text that a
 * spreadsheet would run as a formula made inert with a leading quote.
 */
static int
csv_field(char **buf, size_t *len, size_t *cap, const char *v, int last)
{
	size_t	need = strlen(v) * 2 + 5;
	char	*o;

	if (*len + need > *cap) {
		size_t	 ncap = (*cap + need) * 2;
		char	*b = realloc(*buf, ncap);

		if (b == NULL)
			return -1;
		*buf = b;
		*cap = ncap;
	}
	o = *buf + *len;
	*o++ = '"';
	if (strchr("=+-@\t\r", v[0]) != NULL && v[0] != '\0')
		*o++ = '\'';
	for (; *v != '\0'; v++) {
		if (*v == '"')
			*o++ = '"';
		*o++ = *v;
	}
	*o++ = '"';
	if (last) {
		*o++ = '\r';
		*o++ = '\n';
	} else
		*o++ = ',';
	*len = (size_t)(o - *buf);
	return 0;
}

int
status_usage_csv(struct req *r)
{
	static const char *const head[] = {
		N_("room"), N_("confirmed_hours"), N_("pending_hours"),
		N_("booked_hours"), N_("share_percent"), N_("used_hours"),
		N_("no_shows"), N_("approval"), N_("buffer_minutes"),
		N_("bookable_by"),
	};
	struct usage	 u;
	char		*csv = NULL, cells[6][32], name[160];
	size_t		 len = 0, cap = 0;
	int		 rc, ok = 1;

	/* Usage counts the site's days. */
	clock_use_zone(NULL);

	if ((rc = load(r, &u)) != 0) {
		unload(&u);
		return rc;
	}
	/*
	 * UTF-8's byte order mark first: without it spreadsheets read the
	 * file in the machine's old code page, and Hangul turns to noise.
	 */
	if ((csv = strdup("\xef\xbb\xbf")) == NULL) {
		unload(&u);
		return 500;
	}
	len = 3;
	cap = 4;
	for (size_t i = 0; i < NELEM(head); i++)
		ok &= csv_field(&csv, &len, &cap, T(r, head[i]),
		    i + 1 == NELEM(head)) == 0;
	for (size_t i = 0; ok && i < u.rows->nrows; i++) {
		long long c = db_get_int(u.rows, i, "confirmed_minutes");
		long long q = db_get_int(u.rows, i, "pending_minutes");

		hours(cells[0], sizeof cells[0], c);
		hours(cells[1], sizeof cells[1], q);
		hours(cells[2], sizeof cells[2], c + q);
		percent(cells[3], sizeof cells[3], share(&u, c + q));
		hours(cells[4], sizeof cells[4],
		    db_get_int(u.rows, i, "used_minutes"));
		snprintf(cells[5], sizeof cells[5], "%lld",
		    db_get_int(u.rows, i, "no_shows"));
		ok &= csv_field(&csv, &len, &cap, db_get(u.rows, i, "name"),
		    0) == 0;
		for (int j = 0; j < 6; j++)
			ok &= csv_field(&csv, &len, &cap, cells[j], 0) == 0;
		ok &= csv_field(&csv, &len, &cap, db_text(u.rows, i,
		    "approval"), 0) == 0 && csv_field(&csv, &len, &cap,
		    db_text(u.rows, i, "buffer_minutes"), 0) == 0 &&
		    csv_field(&csv, &len, &cap, db_text(u.rows, i,
		    "bookable_by"), 1) == 0;
	}
	unload(&u);
	if (!ok) {
		free(csv);
		r->error = "out of memory writing CSV";
		return 500;
	}
	snprintf(name, sizeof name, "attachment; filename=\"usage-%s-%s.csv\"",
	    u.from, u.to);
	if (resp_header(r, "Content-Disposition", name) == -1) {
		free(csv);
		return 500;
	}
	resp_send(r, 200, "text/csv; charset=utf-8", CACHE_NONE, csv, len);
	free(csv);
	return 200;
}
