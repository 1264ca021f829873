/* series: how a booking repeats, as an RRULE, expanded by libical. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "clock.h"
#include "series.h"

/* The parts a rule may have; any other is refused by its name. */
static const char *const parts[] = {
	"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "UNTIL",
	"COUNT", "WKST", NULL
};

static const char *const weekdays[] = {
	"MO", "TU", "WE", "TH", "FR", "SA", "SU", NULL
};

static int
one_of(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* A whole number from lo to hi, with an optional sign when lo < 0. */
static int
number_in(const char *s, long lo, long hi)
{
	char	*end;
	long	 v;

	if (*s == '\0' || strlen(s) > 4 || (!isdigit((unsigned char)*s) &&
	    !(lo < 0 && (*s == '-' || *s == '+') && isdigit((unsigned char)
	    s[1]))))
		return 0;
	v = strtol(s, &end, 10);
	return *end == '\0' && v >= lo && v <= hi && v != 0;
}

/*
 * Each comma-separated item of list passes ok(item, monthly), and none
 * comes twice (libical would give its dates twice).
 */
static int
items_ok(const char *list, int monthly, int (*ok)(const char *, int))
{
	char	copy[SERIES_RULE_MAX + 1], *item, *save = NULL;
	char	seen[SERIES_RULE_MAX + 3] = ",";

	snprintf(copy, sizeof copy, "%s", list);
	if (*copy == '\0' || copy[strlen(copy) - 1] == ',' || *copy == ',' ||
	    strstr(copy, ",,") != NULL)
		return 0;
	for (item = strtok_r(copy, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save)) {
		char mark[16];

		snprintf(mark, sizeof mark, ",%.12s,", item);
		if (!ok(item, monthly) || strstr(seen, mark) != NULL)
			return 0;
		snprintf(seen + strlen(seen), sizeof seen - strlen(seen),
		    "%s,", item);
	}
	return 1;
}

/* MO, or (monthly) the n-th: 1MO to 5MO, -1MO the last. */
static int
day_ok(const char *s, int monthly)
{
	size_t len = strlen(s);

	if (len < 2 || !one_of(s + len - 2, weekdays))
		return 0;
	if (len == 2)
		return 1;
	if (!monthly || len > 4)
		return 0;
	return (len == 3 && s[0] >= '1' && s[0] <= '5') ||
	    (len == 4 && s[0] == '-' && s[1] == '1') ||
	    (len == 4 && s[0] == '+' && s[1] >= '1' && s[1] <= '5');
}

static int
monthday_ok(const char *s, int monthly)
{
	return monthly && number_in(s, -31, 31);
}

static int
setpos_ok(const char *s, int monthly)
{
	return monthly && number_in(s, -5, 5);
}

/* A local date (20270301) or date-time (20270301T170000), no zone. */
static int
until_ok(const char *s)
{
	size_t len = strlen(s);

	return (len == 8 || (len == 15 && s[8] == 'T')) &&
	    strspn(s, "0123456789") == 8 &&
	    (len == 8 || strspn(s + 9, "0123456789") == 6);
}

/* Finds part name=value in rule into value (NULL if absent). */
static const char *
value_of(const char *rule, const char *name, char *value, size_t n)
{
	size_t		 len = strlen(name);
	const char	*p = rule;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, name, len) == 0 && p[len] == '=') {
			const char *end = strchr(p, ';');
			size_t vlen = end != NULL ? (size_t)(end - p - len - 1) :
			    strlen(p + len + 1);

			snprintf(value, n, "%.*s", (int)vlen, p + len + 1);
			return value;
		}
		if ((p = strchr(p, ';')) != NULL)
			p++;
	}
	return NULL;
}

/* Each part is one of parts, once, as name=value; -1 with why if not. */
static int
parts_ok(const char *rule, char *why, size_t n)
{
	char	 copy[SERIES_RULE_MAX + 1], *part, *save = NULL, *eq;
	char	 seen[sizeof parts / sizeof parts[0]] = { 0 };

	snprintf(copy, sizeof copy, "%s", rule);
	for (part = strtok_r(copy, ";", &save); part != NULL;
	    part = strtok_r(NULL, ";", &save)) {
		size_t i;

		if ((eq = strchr(part, '=')) == NULL || eq == part) {
			snprintf(why, n, "the rule part \"%.40s\" is not "
			    "NAME=value", part);
			return -1;
		}
		*eq = '\0';
		for (i = 0; parts[i] != NULL && strcmp(parts[i], part) != 0;
		    i++)
			;
		if (parts[i] == NULL) {
			snprintf(why, n, "the rule part %.40s is not supported",
			    part);
			return -1;
		}
		if (seen[i]++) {
			snprintf(why, n, "the rule gives %s twice", part);
			return -1;
		}
	}
	return 0;
}

/* The checks of a part's value: ok(value, monthly, the whole rule). */
static int
interval_ok(const char *v, int monthly, const char *rule)
{
	(void)monthly, (void)rule;
	return number_in(v, 1, 99);
}

static int
count_ok(const char *v, int monthly, const char *rule)
{
	(void)monthly, (void)rule;
	return number_in(v, 1, 9999);
}

static int
until_value_ok(const char *v, int monthly, const char *rule)
{
	(void)monthly, (void)rule;
	return until_ok(v);
}

static int
without_count(const char *v, int monthly, const char *rule)
{
	char other[SERIES_RULE_MAX + 1];

	(void)v, (void)monthly;
	return value_of(rule, "COUNT", other, sizeof other) == NULL;
}

static int
byday_ok(const char *v, int monthly, const char *rule)
{
	(void)rule;
	return items_ok(v, monthly, day_ok);
}

static int
bymonthday_ok(const char *v, int monthly, const char *rule)
{
	(void)rule;
	return items_ok(v, monthly, monthday_ok);
}

/* The n-th of the weekdays BYDAY names: plain weekdays only. */
static int
bysetpos_ok(const char *v, int monthly, const char *rule)
{
	char days[SERIES_RULE_MAX + 1];

	return items_ok(v, monthly, setpos_ok) &&
	    value_of(rule, "BYDAY", days, sizeof days) != NULL &&
	    strpbrk(days, "+-0123456789") == NULL;
}

static int
without_monthday(const char *v, int monthly, const char *rule)
{
	char other[SERIES_RULE_MAX + 1];

	(void)v, (void)monthly;
	return value_of(rule, "BYMONTHDAY", other, sizeof other) == NULL;
}

static int
wkst_ok(const char *v, int monthly, const char *rule)
{
	(void)monthly, (void)rule;
	return one_of(v, weekdays);
}

/*
 * Each part present is checked in turn; the first that fails says why
 * (says_monthly, when given, for a monthly rule).
 */
static const struct {
	const char	*part;
	int		(*ok)(const char *, int, const char *);
	const char	*says, *says_monthly;
} checks[] = {
	{ "INTERVAL", interval_ok,
	    "INTERVAL must be a whole number from 1 to 99", NULL },
	{ "COUNT", count_ok, "COUNT must be a whole number from 1 to 9999",
	    NULL },
	{ "UNTIL", until_value_ok, "UNTIL must be a local date (20270301) or "
	    "date and time (20270301T170000)", NULL },
	{ "UNTIL", without_count, "give UNTIL or COUNT, not both", NULL },
	{ "BYDAY", byday_ok, "BYDAY takes weekdays (MO,WE)",
	    "BYDAY takes weekdays (MO,WE), or the n-th of the month (1TU,3TU; "
	    "-1FR the last)" },
	{ "BYMONTHDAY", bymonthday_ok, "BYMONTHDAY takes days of the month "
	    "(1 to 31, -1 the last) with FREQ=MONTHLY", NULL },
	{ "BYSETPOS", bysetpos_ok, "BYSETPOS takes 1 to 5 or -1 to -5, with "
	    "FREQ=MONTHLY and BYDAY of weekdays (MO,TU)", NULL },
	{ "BYDAY", without_monthday, "give BYDAY or BYMONTHDAY, not both",
	    NULL },
	{ "WKST", wkst_ok, "WKST must be a weekday (MO to SU)", NULL },
};

int
series_check(const char *rule, char *why, size_t n)
{
	char			 v[SERIES_RULE_MAX + 1];
	int			 monthly;
	struct icalrecurrencetype r;

	if (rule == NULL || *rule == '\0' || strlen(rule) > SERIES_RULE_MAX ||
	    strchr(rule, ' ') != NULL || rule[strlen(rule) - 1] == ';') {
		snprintf(why, n, "the rule must be FREQ=… and its parts, "
		    "separated by ';', at most %d characters", SERIES_RULE_MAX);
		return -1;
	}
	if (parts_ok(rule, why, n) == -1)
		return -1;
	if (value_of(rule, "FREQ", v, sizeof v) == NULL) {
		snprintf(why, n, "the rule needs FREQ: DAILY, WEEKLY or MONTHLY");
		return -1;
	}
	if (!one_of(v, (const char *const[]){ "DAILY", "WEEKLY", "MONTHLY",
	    NULL })) {
		snprintf(why, n, "FREQ=%.20s is not supported: DAILY, WEEKLY or "
		    "MONTHLY", v);
		return -1;
	}
	monthly = strcmp(v, "MONTHLY") == 0;
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
		if (value_of(rule, checks[i].part, v, sizeof v) != NULL &&
		    !checks[i].ok(v, monthly, rule)) {
			snprintf(why, n, "%s", monthly && checks[i].says_monthly !=
			    NULL ? checks[i].says_monthly : checks[i].says);
			return -1;
		}
	/* What is left to say is libical's: the rule as a whole. */
	icalerror_clear_errno();
	r = icalrecurrencetype_from_string(rule);
	if (r.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
		icalerror_clear_errno();
		snprintf(why, n, "the rule is not well formed");
		return -1;
	}
	return 0;
}

/*
 * The rule as libical is to expand it: bounded by the horizon last, so a
 * rule whose dates are rare (or never come) stops there instead of being
 * searched for centuries.  UNTIL, a date standing for the end of that
 * date, is the earlier of it and the horizon; COUNT is left to the
 * caller, in *count (0: none).
 */
static void
bounded(const char *rule, const char *last, char *out, size_t n,
    long *count)
{
	char	copy[SERIES_RULE_MAX + 1], until[20], *part, *save = NULL;
	size_t	len = 0;

	*count = 0;
	snprintf(until, sizeof until, "%.4s%.2s%.2sT235959", last, last + 5,
	    last + 8);
	snprintf(copy, sizeof copy, "%s", rule);
	out[0] = '\0';
	for (part = strtok_r(copy, ";", &save); part != NULL;
	    part = strtok_r(NULL, ";", &save)) {
		if (strncmp(part, "COUNT=", 6) == 0) {
			*count = strtol(part + 6, NULL, 10);
			continue;
		}
		if (strncmp(part, "UNTIL=", 6) == 0) {
			char mine[20];

			snprintf(mine, sizeof mine, "%s%s", part + 6,
			    strlen(part + 6) == 8 ? "T235959" : "");
			if (strcmp(mine, until) < 0)
				snprintf(until, sizeof until, "%s", mine);
			continue;
		}
		len += (size_t)snprintf(out + len, n - len, "%s;", part);
	}
	snprintf(out + len, n - len, "UNTIL=%s", until);
}

/* Whether rule without COUNT goes on after the date last (or forever). */
static int
ends_after(const char *rule, const char *last)
{
	char	v[SERIES_RULE_MAX + 1], date[11];

	if (value_of(rule, "UNTIL", v, sizeof v) == NULL)
		return 1;
	snprintf(date, sizeof date, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
	return strcmp(date, last) > 0;
}

/* A local date and minute of the day as an instant; -1 if it is none. */
static int
local_minute(const char *date, int minute, time_t *t)
{
	char	value[24];

	if (minute >= 24 * 60)
		return local_date_start(date, 1, t);
	snprintf(value, sizeof value, "%sT%02d:%02d", date, minute / 60,
	    minute % 60);
	return parse_local_input(value, t) == LOCAL_OK ? 0 : -1;
}

long
series_expand(const char *rule, const char *first, int start_minute,
    int end_minute, const char *last, struct series_date *out, size_t max,
    int *more)
{
	char			 why[160], expanded[SERIES_RULE_MAX + 32];
	char			 dtstart[20];
	long			 count;
	struct icalrecurrencetype r;
	icalrecur_iterator	*it;
	struct icaltimetype	 t;
	size_t			 n = 0;

	*more = 0;
	if (series_check(rule, why, sizeof why) == -1 || strlen(first) != 10)
		return -1;
	bounded(rule, last, expanded, sizeof expanded, &count);
	snprintf(dtstart, sizeof dtstart, "%.4s%.2s%.2sT%02d%02d00", first,
	    first + 5, first + 8, start_minute / 60 % 24, start_minute % 60);
	icalerror_clear_errno();
	r = icalrecurrencetype_from_string(expanded);
	/* None to be found from there: a rule that gives no dates. */
	if ((it = icalrecur_iterator_new(r, icaltime_from_string(dtstart))) ==
	    NULL) {
		icalerror_clear_errno();
		return 0;
	}
	for (t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
	    t = icalrecur_iterator_next(it)) {
		struct series_date *d;
		char date[11];

		snprintf(date, sizeof date, "%04d-%02d-%02d", t.year, t.month,
		    t.day);
		if (n > 0 && strcmp(out[n - 1].date, date) == 0)
			continue;	/* one booking a date */
		if (count > 0 && (long)n == count)
			break;
		if (n == max) {
			*more = 1;
			break;
		}
		d = &out[n++];
		memcpy(d->date, date, sizeof d->date);
		d->no_time = local_minute(date, start_minute, &d->start) == -1 ||
		    local_minute(date, end_minute, &d->end) == -1;
	}
	icalrecur_iterator_free(it);
	/* Stopped by the horizon: the rule itself ends later, or never. */
	if (!*more && (count > 0 ? (long)n < count : ends_after(rule, last)))
		*more = 1;
	return (long)n;
}

int
series_rule_ending(const char *rule, const char *until, long count, char *out,
    size_t n)
{
	char	copy[SERIES_RULE_MAX + 1], *part, *save = NULL;
	size_t	len = 0;
	int	w;

	snprintf(copy, sizeof copy, "%s", rule);
	out[0] = '\0';
	for (part = strtok_r(copy, ";", &save); part != NULL;
	    part = strtok_r(NULL, ";", &save)) {
		if (strncmp(part, "COUNT=", 6) == 0 ||
		    strncmp(part, "UNTIL=", 6) == 0)
			continue;
		if ((w = snprintf(out + len, n - len, "%s;", part)) < 0 ||
		    (size_t)w >= n - len)
			return -1;
		len += (size_t)w;
	}
	if (until != NULL)
		w = snprintf(out + len, n - len, "UNTIL=%.4s%.2s%.2s", until,
		    until + 5, until + 8);
	else
		w = snprintf(out + len, n - len, "COUNT=%ld", count);
	return w < 0 || (size_t)w >= n - len ? -1 : 0;
}
