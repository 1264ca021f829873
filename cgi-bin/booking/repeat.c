/*
 * booking: the booking form's Repeat fields, which a person fills in
 * words ("every week on Monday and Wednesday, 10 times") and which make
 * the RRULE a script would send as its recurrence.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "clock.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "input.h"
#include "page.h"

/* Monday first, as the form lists them; tm_wday of each. */
static const struct {
	const char	*code;
	const char	*name;
	int		 wday;
} weekdays[] = {
	{ "MO", N_("Monday"), 1 }, { "TU", N_("Tuesday"), 2 },
	{ "WE", N_("Wednesday"), 3 }, { "TH", N_("Thursday"), 4 },
	{ "FR", N_("Friday"), 5 }, { "SA", N_("Saturday"), 6 },
	{ "SU", N_("Sunday"), 0 },
};

/* The weeks of a month a weekday may fall in. */
static const struct {
	const char	*value;
	const char	*name;
} ordinals[] = {
	{ "1", N_("first") }, { "2", N_("second") }, { "3", N_("third") },
	{ "4", N_("fourth") }, { "-1", N_("last") },
};

static const struct {
	const char	*value;
	const char	*name;
} frequencies[] = {
	{ "none", N_("Does not repeat") }, { "DAILY", N_("Every day") },
	{ "WEEKLY", N_("Every week") }, { "MONTHLY", N_("Every month") },
};

#define NELEMS(a)	(sizeof (a) / sizeof (a)[0])

/* Appends to rule[n] at *len. */
static void
add(char *rule, size_t n, size_t *len, const char *text)
{
	if (*len < n)
		*len += (size_t)snprintf(rule + *len, n - *len, "%s", text);
}

/* ";BYDAY=" with the ticked weekdays, each after prefix; how many. */
static int
add_days(const struct req *r, const char *prefix, int start_wday,
    char *rule, size_t n, size_t *len)
{
	char	part[16];
	int	ticked = 0;

	for (size_t i = 0; i < NELEMS(weekdays); i++)
		ticked += params_has(&r->form, "weekday", weekdays[i].code);
	for (size_t i = 0; i < NELEMS(weekdays); i++) {
		/* None ticked: the start's own weekday. */
		if (ticked ? !params_has(&r->form, "weekday",
		    weekdays[i].code) : weekdays[i].wday != start_wday)
			continue;
		snprintf(part, sizeof part, "%s%s%s", *len && rule[*len - 1] ==
		    '=' ? "" : ",", prefix, weekdays[i].code);
		add(rule, n, len, part);
	}
	return ticked;
}

/* Whether every ticked box of name is one the form offers. */
static int
ticked_known(const struct req *r, const char *name, int ordinal)
{
	for (size_t i = 0; i < r->form.n; i++) {
		int known = 0;

		if (strcmp(r->form.v[i].name, name) != 0)
			continue;
		for (size_t j = 0; j < (ordinal ? NELEMS(ordinals) :
		    NELEMS(weekdays)); j++)
			known |= strcmp(r->form.v[i].value, ordinal ?
			    ordinals[j].value : weekdays[j].code) == 0;
		if (!known)
			return 0;
	}
	return 1;
}

int
booking_repeat_rule(struct req *r, time_t start, char *rule, size_t n)
{
	struct input	 in;
	struct tm	 tm;
	const char	*freq, *until;
	char		 part[48], first[11];
	size_t		 len = 0;
	int		 status;

	rule[0] = '\0';
	if ((status = input_form(r, repeat_in, &in)) != 0)
		return status;
	freq = input_text(&in, "repeat");
	if (freq == NULL || strcmp(freq, "none") == 0)
		return 0;
	if (!ticked_known(r, "weekday", 0))
		return req_refuse(r, 422, "Choose days from the list.",
		    "weekday");
	if (!ticked_known(r, "nth", 1))
		return req_refuse(r, 422, "Choose from the list.", "nth");
	/* The start's day on the site's calendar, which the series keeps. */
	if (localtime_r(&start, &tm) == NULL ||
	    strftime(first, sizeof first, "%Y-%m-%d", &tm) != 10)
		return req_refuse(r, 422, "Enter a date and time.",
		    "starts_at");
	snprintf(part, sizeof part, "FREQ=%s", freq);
	add(rule, n, &len, part);
	if (input_int(&in, "interval") > 1) {
		snprintf(part, sizeof part, ";INTERVAL=%lld",
		    input_int(&in, "interval"));
		add(rule, n, &len, part);
	}
	if (strcmp(freq, "WEEKLY") == 0) {
		add(rule, n, &len, ";BYDAY=");
		add_days(r, "", tm.tm_wday, rule, n, &len);
	} else if (strcmp(freq, "MONTHLY") == 0 && input_given(&in,
	    "monthly_by") && strcmp(input_text(&in, "monthly_by"),
	    "weekday") == 0) {
		/* The n-th weekdays: 1TU,3TU; none ticked: the start's. */
		add(rule, n, &len, ";BYDAY=");
		for (size_t i = 0; i < NELEMS(ordinals); i++) {
			char nth[4];

			if (params_count(&r->form, "nth") > 0 ?
			    !params_has(&r->form, "nth", ordinals[i].value) :
			    (tm.tm_mday > 28 ? i != NELEMS(ordinals) - 1 :
			    (int)i != (tm.tm_mday - 1) / 7))
				continue;
			snprintf(nth, sizeof nth, "%s", ordinals[i].value);
			add_days(r, nth, tm.tm_wday, rule, n, &len);
		}
	} else if (strcmp(freq, "MONTHLY") == 0) {
		snprintf(part, sizeof part, ";BYMONTHDAY=%d", tm.tm_mday);
		add(rule, n, &len, part);
	}
	if (input_given(&in, "ends") && strcmp(input_text(&in, "ends"),
	    "until") == 0) {
		if ((until = input_text(&in, "until")) == NULL)
			return req_refuse(r, 422, "Choose the last date.",
			    "until");
		if (strcmp(until, first) < 0)
			return req_refuse(r, 422, "The last date must not be "
			    "before the first.", "until");
		snprintf(part, sizeof part, ";UNTIL=%.4s%.2s%.2s", until,
		    until + 5, until + 8);
	} else if (!input_given(&in, "count"))
		return req_refuse(r, 422, "Enter how many times.", "count");
	else
		snprintf(part, sizeof part, ";COUNT=%lld",
		    input_int(&in, "count"));
	add(rule, n, &len, part);
	return len < n ? 0 : req_refuse(r, 422, "Choose fewer days.",
	    "weekday");
}

void
booking_repeat_fill(struct req *r, struct tpl *d)
{
	const char	*freq = params_get(&r->form, "repeat");
	const char	*by = params_get(&r->form, "monthly_by");
	const char	*ends = params_get(&r->form, "ends");
	struct tpl	*s;

	for (size_t i = 0; i < NELEMS(frequencies); i++) {
		s = tpl_section(d, "FREQ");
		tpl_set(s, "VALUE", frequencies[i].value);
		tpl_set(s, "LABEL", T(r, frequencies[i].name));
		if (freq != NULL && strcmp(freq, frequencies[i].value) == 0)
			tpl_show(s, "SELECTED");
	}
	for (size_t i = 0; i < NELEMS(weekdays); i++) {
		s = tpl_section(d, "WEEKDAY");
		tpl_set(s, "VALUE", weekdays[i].code);
		tpl_set(s, "LABEL", T(r, weekdays[i].name));
		if (params_has(&r->form, "weekday", weekdays[i].code))
			tpl_show(s, "CHECKED");
	}
	for (size_t i = 0; i < NELEMS(ordinals); i++) {
		s = tpl_section(d, "NTH");
		tpl_set(s, "VALUE", ordinals[i].value);
		tpl_set(s, "N", i + 1 < NELEMS(ordinals) ? ordinals[i].value :
		    "last");
		tpl_set(s, "LABEL", T(r, ordinals[i].name));
		if (params_has(&r->form, "nth", ordinals[i].value))
			tpl_show(s, "CHECKED");
	}
	/* Folded away until a person repeats something. */
	if ((freq != NULL && strcmp(freq, "none") != 0) ||
	    params_get(&r->form, "recurrence") != NULL)
		tpl_show(d, "REPEAT_OPEN");
	tpl_show(d, by != NULL && strcmp(by, "weekday") == 0 ?
	    "BY_WEEKDAY" : "BY_DAY");
	tpl_show(d, ends != NULL && strcmp(ends, "until") == 0 ?
	    "ENDS_UNTIL" : "ENDS_COUNT");
	if (params_get(&r->form, "interval") == NULL)
		tpl_set(d, "INTERVAL", "1");
	if (params_get(&r->form, "count") == NULL)
		tpl_set(d, "COUNT", "10");
	tpl_set_int(d, "MAX_OCCURRENCES", r->app->cfg->rules.max_occurrences);
	tpl_set_int(d, "SERIES_HORIZON", r->app->cfg->rules.series_horizon_days);
}
