/* rules: when a booking may start and end (grid, opening hours, horizon). */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "rules.h"

static const char *const day_names[7] = {
	N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
	N_("Thursday"), N_("Friday"), N_("Saturday"),
};

char *
rules_opening(const struct rules *k, const char *lang, char *buf, size_t n)
{
	char	days[96] = "";
	size_t	o = 0;
	int	first = -1, last = -1, contiguous = 1;

	for (int d = 1; d <= 7; d++) {	/* Monday first, Sunday last */
		int wd = d % 7;

		if (!(k->open_days & (1 << wd)))
			continue;
		if (first < 0)
			first = wd;
		else if (last >= 0 && (last + 1) % 7 != wd)
			contiguous = 0;
		last = wd;
	}
	if (first >= 0 && contiguous && first != last)
		snprintf(days, sizeof days, i18n_text(lang, "%s to %s"),
		    i18n_text(lang, day_names[first]),
		    i18n_text(lang, day_names[last]));
	else
		for (int d = 1; d <= 7; d++)
			if (k->open_days & (1 << (d % 7)))
				o += (size_t)snprintf(days + o, o < sizeof days ?
				    sizeof days - o : 0, "%s%s", o ? ", " : "",
				    i18n_text(lang, day_names[d % 7]));
	/* TRANSLATORS: opening hours and days: "07:00 to 20:00, Monday to
	   Friday". */
	snprintf(buf, n, i18n_text(lang, "%02d:%02d to %02d:%02d, %s"),
	    k->open_from / 60,
	    k->open_from % 60, k->open_until / 60, k->open_until % 60, days);
	return buf;
}

/* Minutes after local midnight, and the local date, of t. */
static int
local_minutes(time_t t, struct tm *tm)
{
	if (localtime_r(&t, tm) == NULL)
		return -1;
	return tm->tm_hour * 60 + tm->tm_min;
}

static enum rule_broken
check(const struct rules *k, time_t start, time_t end, time_t now,
    const char **field)
{
	struct tm	 ts, te;
	int		 from, to;

	*field = "ends_at";
	if (end <= start)
		return RULE_END_BEFORE_START;
	*field = "starts_at";
	if (start < now)
		return RULE_PAST;
	if ((from = local_minutes(start, &ts)) < 0 ||
	    (to = local_minutes(end, &te)) < 0)
		return RULE_NO_TIME;
	if (ts.tm_sec != 0 || from % k->slot_minutes != 0 || te.tm_sec != 0 ||
	    to % k->slot_minutes != 0) {
		if (ts.tm_sec == 0 && from % k->slot_minutes == 0)
			*field = "ends_at";
		return RULE_OFF_GRID;
	}
	/* Inside one open day's hours (an end at 24:00 closes that day). */
	if (to == 0 && end - start <= 86400 && te.tm_yday != ts.tm_yday)
		to = 24 * 60, te = ts;
	if (!(k->open_days & (1 << ts.tm_wday)) || from < k->open_from ||
	    te.tm_yday != ts.tm_yday || te.tm_year != ts.tm_year ||
	    to > k->open_until) {
		*field = from < k->open_from || !(k->open_days &
		    (1 << ts.tm_wday)) ? "starts_at" : "ends_at";
		return RULE_CLOSED;
	}
	if (end - start > (time_t)k->max_minutes * 60) {
		*field = "ends_at";
		return RULE_TOO_LONG;
	}
	if (start > now + (time_t)k->horizon_days * 86400)
		return RULE_TOO_FAR;
	return RULE_OK;
}

enum rule_broken
rules_check(const struct rules *k, time_t start, time_t end, time_t now,
    const char **field)
{
	enum rule_broken	rc;
	char			was[64];

	/* Opening hours and the grid are the site's, whoever asks. */
	snprintf(was, sizeof was, "%s", clock_zone());
	clock_use_zone(NULL);
	rc = check(k, start, end, now, field);
	clock_use_zone(was);
	return rc;
}

static int
open_at(const struct rules *k, time_t t)
{
	struct tm	tm;
	int		m = local_minutes(t, &tm);

	return m >= 0 && (k->open_days & (1 << tm.tm_wday)) &&
	    m >= k->open_from && m < k->open_until;
}

int
rules_open_at(const struct rules *k, time_t t)
{
	char	was[64];
	int	open;

	snprintf(was, sizeof was, "%s", clock_zone());
	clock_use_zone(NULL);
	open = open_at(k, t);
	clock_use_zone(was);
	return open;
}

time_t
rules_next_opening(const struct rules *k, time_t t)
{
	char	was[64], today[11], at[64];
	time_t	day, next = 0;

	snprintf(was, sizeof was, "%s", clock_zone());
	clock_use_zone(NULL);
	/* Today's opening if it is still ahead, else the next open day's. */
	for (int d = 0; d <= 7 && next == 0 && local_date(t, 0, today) == 0;
	    d++) {
		struct tm tm;

		if (local_date_start(today, d, &day) == -1 ||
		    localtime_r(&day, &tm) == NULL)
			break;
		if (!(k->open_days & (1 << tm.tm_wday)))
			continue;
		snprintf(at, sizeof at, "%04d-%02d-%02dT%02d:%02d",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		    k->open_from / 60, k->open_from % 60);
		if (parse_local_input(at, &day) == LOCAL_OK && day > t)
			next = day;
	}
	clock_use_zone(was);
	return next;
}

/* date at m minutes past its midnight, local; 24:00 is the next day's
 * 00:00.  0, or -1 for a time the clocks skip. */
static int
day_minute(const char *date, int m, time_t *t)
{
	char buf[INPUT_TIME_LEN + 8];

	if (m == 24 * 60)
		return local_date_start(date, 1, t);
	snprintf(buf, sizeof buf, "%sT%02d:%02d", date, m / 60 % 24, m % 60);
	return parse_local_input(buf, t) == LOCAL_OK ? 0 : -1;
}

int
rules_day_slots(const struct rules *k, const char *date, time_t *t, size_t *n)
{
	size_t	i = 0;
	time_t	open, close;

	if ((size_t)((k->open_until - k->open_from) / k->slot_minutes) >=
	    RULES_MAX_SLOTS)
		return -1;
	if (day_minute(date, k->open_from, &open) == -1 ||
	    day_minute(date, k->open_until, &close) == -1)
		return -1;
	/* No clock change while open (the usual day): the slots are that
	   many minutes apart, without asking the zone for each. */
	if (close - open == (time_t)(k->open_until - k->open_from) * 60) {
		for (int m = k->open_from; m <= k->open_until;
		    m += k->slot_minutes)
			t[i++] = open + (time_t)(m - k->open_from) * 60;
		*n = i - 1;
		return 0;
	}
	for (int m = k->open_from; m <= k->open_until; m += k->slot_minutes)
		if (day_minute(date, m, &t[i++]) == -1)
			return -1;	/* a slot skipped by the clocks */
	*n = i - 1;
	return 0;
}

int
rules_open_day(const struct rules *k, time_t t)
{
	struct tm tm;

	return localtime_r(&t, &tm) != NULL && (k->open_days & (1 << tm.tm_wday));
}

int
rules_open_day_from(const struct rules *k, const char *date, int step,
    char out[11])
{
	time_t	t;

	for (int i = 1; i <= 7; i++)
		if (local_date_start(date, step * i, &t) == 0 &&
		    rules_open_day(k, t))
			return local_date(t, 0, out);
	return local_date_start(date, step, &t) == -1 ? -1 :
	    local_date(t, 0, out);
}
