/*
 * booking: a series' dates as a person reads them (the form's table) and
 * as a script does (JSON), with the same words for why a date is not free.
 */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "app.h"
#include "bookingseries.h"
#include "handlers.h"
#include "i18n.h"
#include "input.h"
#include "privacy.h"
#include "refusal.h"
#include "response.h"
#include "when.h"
#include "words.h"

int
booking_rule_checked(struct req *r, const struct input *in, const char *rule)
{
	char why[200];

	if (rule == NULL || series_check(rule, why, sizeof why) == 0)
		return 0;
	return req_refuse(r, 422, why, input_name_sent(in, "recurrence"));
}

const char *
series_date_why(const struct req *r, const struct series_plan_date *d,
    char *buf, size_t n)
{
	struct rules		k = r->app->cfg->rules;
	struct booking_outcome	o;
	struct refusal		why;
	struct booking_seen	seen;
	char			span[256];

	switch (d->state) {
	case DATE_FREE:
		snprintf(buf, n, "%s", T(r, "Free"));
		break;
	case DATE_TAKEN:
		privacy_seen(r, d->taken_owner, d->taken_owner_name,
		    d->taken_title, d->taken_private, &seen);
		when_span(r->lang, d->taken_start, d->taken_end, span,
		    sizeof span);
		if (seen.owner != NULL)
			snprintf(buf, n, T(r, "Taken: “%s” by %s, %s"),
			    seen.title, seen.owner, span);
		else
			snprintf(buf, n, T(r, "Taken: “%s”, %s"), seen.title,
			    span);
		break;
	case DATE_CLOSED:
		snprintf(buf, n, "%s", T(r, "The room is out of use then."));
		break;
	case DATE_LIMIT:
		snprintf(buf, n, T(r, "Over the limit: %s."), words_limit(
		    r->lang, d->limit.which, d->limit.max, span, sizeof span));
		break;
	case DATE_OUTSIDE:
		/* The rule's own sentence, the series' horizon its horizon. */
		memset(&o, 0, sizeof o);
		o.rule = d->rule;
		k.horizon_days = k.series_horizon_days;
		refusal_of(BK_RULE_BROKEN, ACT_REQUEST, &o, &k, r->lang, &why);
		snprintf(buf, n, "%s", why.message);
		break;
	}
	return buf;
}

/* One date as JSON: when, its state, why not free, its booking. */
static json_t *
date_json(const struct req *r, const struct series_plan_date *d)
{
	json_t	*j;
	char	 why[600];

	if ((j = json_pack("{s:s, s:s}", "date", d->when.date, "state",
	    series_date_state(d))) == NULL)
		return NULL;
	if (d->when.start != 0) {
		json_object_set_new(j, "useStartDtm", api_origin_time(
		    d->when.start));
		json_object_set_new(j, "useEndDtm", api_origin_time(
		    d->when.end));
		json_object_set_new(j, "starts_at", api_iso_time(
		    d->when.start));
		json_object_set_new(j, "ends_at", api_iso_time(d->when.end));
	}
	if (d->booking_id > 0)
		json_object_set_new(j, "bookingId", json_integer(
		    d->booking_id));
	if (d->state != DATE_FREE)
		json_object_set_new(j, "why", json_string(series_date_why(r, d,
		    why, sizeof why)));
	return j;
}

int
series_answer(struct req *r, const struct series_plan *p, int status)
{
	json_t	*dates = json_array(), *made = json_array(), *j;

	if (dates == NULL || made == NULL) {
		json_decref(dates);
		json_decref(made);
		return 500;
	}
	for (size_t i = 0; i < p->n; i++) {
		if (json_array_append_new(dates, date_json(r,
		    &p->dates[i])) == -1 ||
		    (p->dates[i].booking_id > 0 && json_array_append_new(made,
		    json_integer(p->dates[i].booking_id)) == -1)) {
			json_decref(dates);
			json_decref(made);
			return 500;
		}
	}
	j = json_pack("{s:o, s:o, s:I, s:I}", "dates", dates, "bookings",
	    made, "free", (json_int_t)(p->n - p->skipped), "skipped",
	    (json_int_t)p->skipped);
	if (j != NULL && p->series_id > 0)
		json_object_set_new(j, "seriesId", json_integer(p->series_id));
	return api_send(r, status, j);
}
