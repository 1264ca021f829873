/*
 * refusal: how a refused booking action is told, page or API: one table
 * from result to status, field and words, in the reader's language.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "clock.h"
#include "i18n.h"
#include "refusal.h"
#include "when.h"
#include "words.h"

/* What a sentence may be made of. */
struct facts {
	enum booking_action		 action;
	const struct booking_outcome	*o;
	const struct rules		*k;
	const char			*lang;	/* the reader's */
};

/* A sentence's text in the reader's language. */
#define SAY(f, msgid)	i18n_text((f)->lang, msgid)

typedef void (*say_fn)(const struct facts *, char *, size_t);

/* "pending approval", "in use": a state inside a sentence. */
static const char *
state_words(const struct facts *f, const char *state, char *buf, size_t n)
{
	snprintf(buf, n, "%s", words_state_label(f->lang, state));
	for (size_t i = 0; buf[i] != '\0'; i++)
		buf[i] = (char)tolower((unsigned char)buf[i]);
	return buf;
}

/* A decision or a cancellation came after someone else's change. */
static void
say_already(const struct facts *f, char *buf, size_t n)
{
	const struct booking_outcome	*o = f->o;
	char				 state[64], when[128];

	state_words(f, o->state, state, sizeof state);
	if (o->at != 0)
		when_format(f->lang, o->at, WHEN_MOMENT, when, sizeof when);
	if (o->by[0] != '\0' && o->at != 0)
		snprintf(buf, n, SAY(f, "This booking is already %s by %s, "
		    "%s."), state, o->by, when);
	else if (o->by[0] != '\0')
		snprintf(buf, n, SAY(f, "This booking is already %s by %s."),
		    state, o->by);
	else
		snprintf(buf, n, SAY(f, "This booking is already %s."), state);
}

static void
say_not_confirmed(const struct facts *f, char *buf, size_t n)
{
	char state[64];

	snprintf(buf, n, SAY(f, "Only a confirmed booking can be checked in; "
	    "this one is %s."), state_words(f, f->o->state, state,
	    sizeof state));
}

static void
say_not_in_use(const struct facts *f, char *buf, size_t n)
{
	char state[64];

	snprintf(buf, n, SAY(f, "Only a booking in use can be checked out; "
	    "this one is %s."), state_words(f, f->o->state, state,
	    sizeof state));
}

static void
say_too_early(const struct facts *f, char *buf, size_t n)
{
	char	at[128], today[11], then[11];

	/* Today the time says it; another day needs its date too. */
	snprintf(buf, n, SAY(f, "Check-in opens at %s, %d minutes before the "
	    "start."), when_format(f->lang, f->o->at, local_date(clock_now(),
	    0, today) == 0 && local_date(f->o->at, 0, then) == 0 &&
	    strcmp(today, then) == 0 ? WHEN_CLOCK : WHEN_MOMENT, at,
	    sizeof at), f->k->checkin_opens);
}

static void
say_too_late(const struct facts *f, char *buf, size_t n)
{
	char at[16];

	snprintf(buf, n, SAY(f, "Check-in closed at %s; a booking can be "
	    "checked into until %d minutes after its start."), when_format(
	    f->lang, f->o->at, WHEN_CLOCK, at, sizeof at), f->k->checkin_grace);
}

static void
say_before_use(const struct facts *f, char *buf, size_t n)
{
	char at[16];

	snprintf(buf, n, SAY(f, "A real use cannot end before it began, at "
	    "%s."),
	    when_format(f->lang, f->o->at, WHEN_CLOCK, at, sizeof at));
}

/* Closed during the request: why, and from when it can be booked again. */
static void
say_closed(const struct facts *f, char *buf, size_t n)
{
	const struct booking_outcome	*o = f->o;
	char				 from[128], until[128];

	when_format(f->lang, o->conflict_start, WHEN_MOMENT, from, sizeof from);
	when_format(f->lang, o->conflict_end, WHEN_MOMENT, until, sizeof until);
	if (o->conflict_start <= clock_now() && o->conflict_end != 0)
		snprintf(buf, n, SAY(f, "This room is closed until %s: %s. It "
		    "can be booked from then on."), until, o->reason);
	else if (o->conflict_start <= clock_now())
		snprintf(buf, n, SAY(f, "This room is closed until further "
		    "notice: %s."), o->reason);
	else if (o->conflict_end != 0)
		snprintf(buf, n, SAY(f, "This room is closed from %s until %s: "
		    "%s. It can be booked before and after."), from, until,
		    o->reason);
	else
		snprintf(buf, n, SAY(f, "This room is closed from %s until "
		    "further notice: %s."), from, o->reason);
}

static void
say_capacity(const struct facts *f, char *buf, size_t n)
{
	snprintf(buf, n, SAY(f, "This room seats %lld."), f->o->capacity);
}

static void
say_conflict(const struct facts *f, char *buf, size_t n)
{
	char span[256];

	when_span(f->lang, f->o->conflict_start, f->o->conflict_end, span,
	    sizeof span);
	if (f->o->buffer_minutes > 0)
		snprintf(buf, n, SAY(f, "That time is taken: the room is booked "
		    "%s, and keeps %d minutes free before and after each "
		    "booking. Choose another time or room."), span,
		    f->o->buffer_minutes);
	else
		snprintf(buf, n, SAY(f, "That time is taken: the room is booked "
		    "%s. Choose another time or room."), span);
}

static void
say_restricted(const struct facts *f, char *buf, size_t n)
{
	snprintf(buf, n, SAY(f, "This room is restricted: only members of %s "
	    "may book it."), f->o->reason);
}

/* Which limit, and where the person stands. */
static void
say_limit(const struct facts *f, char *buf, size_t n)
{
	const struct limit_standing	*at = &f->o->standing;
	char				 limit[128], standing[128];

	words_limit(f->lang, at->which, at->max, limit, sizeof limit);
	words_standing(f->lang, at->which, at->used, at->max, 0, standing,
	    sizeof standing);
	snprintf(buf, n, SAY(f, "Over this room's limit: %s (you have %s). "
	    "Choose another time or room, or cancel a booking first."), limit,
	    standing);
}

/* The site's rules, one sentence each. */
static void
say_rule(const struct facts *f, char *buf, size_t n)
{
	const struct rules	*k = f->k;
	char			 hours[128];

	switch (f->o->rule) {
	case RULE_END_BEFORE_START:
		snprintf(buf, n, "%s", SAY(f, "The end must be after the "
		    "start."));
		break;
	case RULE_PAST:
		snprintf(buf, n, "%s", SAY(f, "The start is in the past."));
		break;
	case RULE_OFF_GRID:
		snprintf(buf, n, SAY(f, "Times go in steps of %d minutes."),
		    k->slot_minutes);
		break;
	case RULE_CLOSED:
		snprintf(buf, n, SAY(f, "Rooms can be booked from %s."),
		    rules_opening(k, f->lang, hours, sizeof hours));
		break;
	case RULE_TOO_LONG:
		if (k->max_minutes == 60)
			snprintf(buf, n, "%s", SAY(f, "A booking can last at "
			    "most an hour."));
		else if (k->max_minutes % 60 == 0)
			snprintf(buf, n, SAY(f, "A booking can last at most %d "
			    "hours."), k->max_minutes / 60);
		else
			snprintf(buf, n, SAY(f, "A booking can last at most %d "
			    "minutes."), k->max_minutes);
		break;
	case RULE_TOO_FAR:
		snprintf(buf, n, SAY(f, "Bookings can be made up to %d days "
		    "ahead."), k->horizon_days);
		break;
	case RULE_NO_TIME:
	case RULE_OK:
		snprintf(buf, n, "%s", SAY(f, "Enter a date and time."));
		break;
	}
}

static void
say_too_few(const struct facts *f, char *buf, size_t n)
{
	snprintf(buf, n, SAY(f, "The booking names %lld people; the "
	    "attendees must be at least that many."), f->o->named);
}

static void
say_too_many_named(const struct facts *f, char *buf, size_t n)
{
	snprintf(buf, n, SAY(f, "A booking can name at most %d people and "
	    "guests."), f->k->max_participants);
}

static void
say_series_too_long(const struct facts *f, char *buf, size_t n)
{
	snprintf(buf, n, SAY(f, "A series can have at most %lld dates; end "
	    "it sooner."), f->o->allowed);
}

static void
say_series_taken(const struct facts *f, char *buf, size_t n)
{
	snprintf(buf, n, SAY(f, "These dates are not free: %s. Book the "
	    "series with them skipped, or choose another time or room."),
	    f->o->dates);
}

static void
say_series_unchanged(const struct facts *f, char *buf, size_t n)
{
	snprintf(buf, n, SAY(f, "Nothing was changed: these dates cannot be "
	    "changed so (taken then, or against the rules): %s. Change them "
	    "on their own, or choose another time or room."), f->o->dates);
}

static void
say_series_empty(const struct facts *f, char *buf, size_t n)
{
	if (f->o->dates[0] == '\0')
		snprintf(buf, n, "%s", SAY(f, "The rule gives no date from the "
		    "start on; check the rule and the start."));
	else
		snprintf(buf, n, SAY(f, "None of its dates is free (%s); "
		    "choose another time or room."), f->o->dates);
}

static void
say_series_skips(const struct facts *f, char *buf, size_t n)
{
	snprintf(buf, n, SAY(f, "%lld of its %lld dates are not free (%s); a "
	    "series can skip at most %lld%% of its dates. Choose another time "
	    "or room."), f->o->skipped, f->o->count, f->o->dates,
	    f->o->allowed);
}

#define ANY_ACTION	(-1)

/*
 * Every refusal, first match wins: the result, the action it applies to,
 * the status, the field at fault (NULL: none; "*": the outcome's own)
 * and the words.  Another person's booking is "no such booking" (404):
 * ids of others' bookings are not revealed.
 */
static const struct {
	enum booking_result	 rc;
	int			 action;
	int			 status;
	const char		*field;
	const char		*text;		/* the words, or */
	say_fn			 say;		/* what makes them */
} table[] = {
	{ BK_NOT_FOUND,		ANY_ACTION,	404, NULL,
	    N_("There is no such booking."), NULL },
	{ BK_FORBIDDEN,		ACT_CONFIRM,	403, NULL,
	    N_("Only this room's approvers and the administrators decide its "
	    "requests."), NULL },
	{ BK_FORBIDDEN,		ACT_DENY,	403, NULL,
	    N_("Only this room's approvers and the administrators decide its "
	    "requests."), NULL },
	{ BK_FORBIDDEN,		ANY_ACTION,	404, NULL,
	    N_("There is no such booking."), NULL },
	{ BK_NOT_ALLOWED,	ACT_CHECKIN,	409, NULL, NULL, say_not_confirmed },
	{ BK_NOT_ALLOWED,	ACT_CHECKOUT,	409, NULL, NULL, say_not_in_use },
	{ BK_NOT_ALLOWED,	ANY_ACTION,	409, NULL, NULL, say_already },
	{ BK_STARTED,		ACT_CHANGE,	409, NULL,
	    N_("It has started; only a booking that has not started can be "
	    "changed."), NULL },
	{ BK_STARTED,		ANY_ACTION,	409, NULL,
	    N_("Its start has passed; it can no longer be approved."), NULL },
	{ BK_ENDED,		ANY_ACTION,	409, NULL,
	    N_("This booking has already ended."), NULL },
	{ BK_REASON_REQUIRED,	ANY_ACTION,	422, "reason",
	    N_("Give a reason; the person who booked will see it."), NULL },
	{ BK_TOO_EARLY,		ANY_ACTION,	409, NULL, NULL, say_too_early },
	{ BK_TOO_LATE,		ANY_ACTION,	409, NULL, NULL, say_too_late },
	{ BK_BEFORE_USE,	ANY_ACTION,	422, "actual_end", NULL,
	    say_before_use },
	{ BK_NO_ROOM,		ANY_ACTION,	422, "room_id",
	    N_("Choose a room from the list."), NULL },
	{ BK_ROOM_UNAVAILABLE,	ANY_ACTION,	422, "room_id", NULL,
	    say_closed },
	{ BK_OVER_CAPACITY,	ANY_ACTION,	422, "attendees", NULL,
	    say_capacity },
	{ BK_CONFLICT,		ANY_ACTION,	409, "starts_at", NULL,
	    say_conflict },
	{ BK_RULE_BROKEN,	ANY_ACTION,	422, "*", NULL, say_rule },
	{ BK_RESTRICTED,	ANY_ACTION,	403, "room_id", NULL,
	    say_restricted },
	{ BK_LIMIT,		ANY_ACTION,	409, "starts_at", NULL, say_limit },
	{ BK_NOT_DELEGATE,	ANY_ACTION,	403, "owner",
	    N_("You can book only for yourself and for people who named you "
	    "their delegate."), NULL },
	{ BK_TOO_FEW_ATTENDEES,	ANY_ACTION,	422, "attendees", NULL,
	    say_too_few },
	{ BK_TOO_MANY_NAMED,	ANY_ACTION,	422, "participant", NULL,
	    say_too_many_named },
	{ BK_SERIES_TOO_LONG,	ANY_ACTION,	422, "recurrence", NULL,
	    say_series_too_long },
	{ BK_SERIES_TAKEN,	ACT_CHANGE,	409, NULL, NULL,
	    say_series_unchanged },
	{ BK_SERIES_TAKEN,	ANY_ACTION,	409, "recurrence", NULL,
	    say_series_taken },
	{ BK_SERIES_SKIPS,	ANY_ACTION,	409, "recurrence", NULL,
	    say_series_skips },
	{ BK_SERIES_EMPTY,	ANY_ACTION,	409, "recurrence", NULL,
	    say_series_empty },
	{ BK_SERIES_DAY,	ANY_ACTION,	422, "starts_at",
	    N_("Only this date can move to another day; for the others, "
	    "change the time of day, or each date on its own."), NULL },
	{ BK_STALE,		ANY_ACTION,	409, NULL,
	    N_("Someone changed this booking since you opened it; it is shown "
	    "as it is now. Make your change again if it still applies."),
	    NULL },
};

int
refusal_of(enum booking_result rc, enum booking_action action,
    const struct booking_outcome *o, const struct rules *k, const char *lang,
    struct refusal *out)
{
	const struct facts f = { action, o, k, lang };

	memset(out, 0, sizeof *out);
	if (rc == BK_OK || rc == BK_EXISTING)
		return 0;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (table[i].rc != rc || (table[i].action != ANY_ACTION &&
		    table[i].action != (int)action))
			continue;
		out->status = table[i].status;
		out->field = table[i].field != NULL &&
		    strcmp(table[i].field, "*") == 0 ? o->field : table[i].field;
		if (table[i].text != NULL)
			snprintf(out->message, sizeof out->message, "%s",
			    i18n_text(lang, table[i].text));
		else
			table[i].say(&f, out->message, sizeof out->message);
		return out->status;
	}
	/* BK_DB_ERROR: the database's own answer (503 or 500). */
	return out->status = -1;
}

int
refusal_tell(struct req *r, const struct refusal *why)
{
	return req_refuse(r, why->status, why->message, why->field);
}

int
refusal_answer(struct req *r, enum booking_result rc,
    enum booking_action action, const struct booking_outcome *o)
{
	struct refusal why;

	if (refusal_of(rc, action, o, &r->app->cfg->rules, r->lang, &why) == -1)
		return db_failed(r);
	return refusal_tell(r, &why);
}
