/*
 * words: what people read about bookings, in one place apart from the
 * state machine: the states' names and the notifications' sentences.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "i18n.h"
#include "utf8.h"
#include "when.h"
#include "words.h"

/* A stored word ("created", "pending") and what people read for it. */
struct label {
	const char *key, *label;
};

/* key's label from labels in lang; an unknown key as it is. */
static const char *
label_of(const char *lang, const struct label *labels, size_t n,
    const char *key)
{
	for (size_t i = 0; key != NULL && i < n; i++)
		if (strcmp(labels[i].key, key) == 0)
			return i18n_text(lang, labels[i].label);
	return key != NULL ? key : "";
}

const char *
words_room_event(const char *lang, const char *kind)
{
	static const struct label labels[] = {
		/* TRANSLATORS: what became of a room, in its history. */
		{ "created", N_("created") }, { "edited", N_("edited") },
		{ "unavailable", N_("unavailable") },
		{ "available", N_("available") },
	};

	return label_of(lang, labels, sizeof labels / sizeof labels[0], kind);
}

const char *
words_state_label(const char *lang, const char *state)
{
	static const struct label labels[] = {
		/* TRANSLATORS: a booking's history: the request was made. */
		{ "requested", N_("requested") },
		{ "pending", N_("Pending approval") },
		{ "confirmed", N_("Confirmed") }, { "denied", N_("Denied") },
		{ "cancelled", N_("Cancelled") }, { "expired", N_("Expired") },
		{ "in_use", N_("In use") }, { "completed", N_("Completed") },
		{ "released", N_("Released") },
		{ "checked_in", N_("Checked in") },
		{ "checked_out", N_("Checked out") },
		/* TRANSLATORS: a booking's history: its room was taken out
		   of use while the meeting was in it. */
		{ "ended_early", N_("Ended early") },
		/* TRANSLATORS: a booking's history: its time, room, … changed. */
		{ "changed", N_("Changed") },
	};

	return label_of(lang, labels, sizeof labels / sizeof labels[0], state);
}

static const struct {
	enum booking_action	 action;
	const char		*kind;
} kinds[] = {
	{ ACT_REQUEST, "requested" }, { ACT_CONFIRM, "confirmed" },
	{ ACT_DENY, "denied" }, { ACT_CANCEL, "cancelled" },
	{ ACT_EXPIRE, "expired" }, { ACT_CHECKIN, "checked_in" },
	{ ACT_CHECKOUT, "checked_out" }, { ACT_RELEASE, "released" },
	{ ACT_COMPLETE, "completed" }, { ACT_END_EARLY, "ended_early" },
};

const char *
words_notice_kind(enum booking_action action)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kinds[i].action == action)
			return kinds[i].kind;
	return NULL;
}

char *
words_notice_facts(const struct notice_facts *f)
{
	/* Who and why are left out when there are none. */
	json_t	*j = json_pack("{s:s, s:s, s:I, s:I, s:s*, s:s*, s:i, s:i}",
		    "title", f->title, "room", f->room,
		    "start", (json_int_t)f->start, "end", (json_int_t)f->end,
		    "actor", f->actor, "reason", f->reason,
		    "grace", f->grace_minutes, "dates", f->dates);
	char	*text;

	if (j != NULL && f->old_room != NULL && json_object_update_new(j,
	    json_pack("{s:s, s:I, s:I}", "old_room", f->old_room, "old_start",
	    (json_int_t)f->old_start, "old_end", (json_int_t)f->old_end)) == -1) {
		json_decref(j);
		return NULL;
	}
	text = j != NULL ? json_dumps(j, JSON_COMPACT) : NULL;

	json_decref(j);
	return text;
}

/* The sentences need the name of whoever acted; nobody is the system. */
static const char *
actor_of(const char *lang, const struct notice_facts *f)
{
	return f->actor != NULL ? f->actor : i18n_text(lang, "the system");
}

char *
words_notice_text(const char *lang, const char *kind,
    const struct notice_facts *f, char *buf, size_t n)
{
	char		 span[256], was[256];
	const char	*reason = f->reason != NULL ? f->reason : "";
	const char	*old_room = f->old_room != NULL ? f->old_room : "";

	when_span(lang, f->start, f->end, span, sizeof span);
	if (f->old_room != NULL)
		when_span(lang, f->old_start, f->old_end, was, sizeof was);
	else
		was[0] = '\0';
	buf[0] = '\0';
	if (strcmp(kind, "requested") == 0)
		utf8_printf(buf, n, i18n_text(lang, "New request: “%s” "
		    "in %s, %s, by %s."), f->title, f->room, span,
		    actor_of(lang, f));
	else if (strcmp(kind, "escalated") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Still waiting for its "
		    "room's approvers: “%s” in %s, %s, by %s."), f->title,
		    f->room, span, actor_of(lang, f));
	else if (strcmp(kind, "confirmed") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your booking “%s” "
		    "in %s, %s, is confirmed."), f->title, f->room, span);
	else if (strcmp(kind, "denied") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your booking “%s” "
		    "in %s, %s, was denied: %s"), f->title, f->room, span,
		    reason);
	else if (strcmp(kind, "cancelled") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your booking “%s” "
		    "in %s, %s, was cancelled by %s: %s"), f->title, f->room,
		    span, actor_of(lang, f), reason);
	else if (strcmp(kind, "expired") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your request “%s” "
		    "in %s, %s, expired before anyone decided on it."),
		    f->title, f->room, span);
	else if (strcmp(kind, "checked_in") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your booking “%s” "
		    "in %s, %s, was checked in by %s."), f->title, f->room,
		    span, actor_of(lang, f));
	else if (strcmp(kind, "checked_out") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your booking “%s” "
		    "in %s, %s, was checked out by %s; the room is free "
		    "again."), f->title, f->room, span, actor_of(lang, f));
	else if (strcmp(kind, "released") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your booking “%s” "
		    "in %s, %s, was released: nobody checked in within %d "
		    "minutes of the start, so the room is free for others."),
		    f->title, f->room, span, f->grace_minutes);
	else if (strcmp(kind, "completed") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your booking “%s” "
		    "in %s, %s, has ended and is marked completed."), f->title,
		    f->room, span);
	else if (strcmp(kind, "ended_early") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your booking “%s” "
		    "in %s, %s, was ended early by %s: the room is out of use "
		    "from now (%s)."), f->title, f->room, span,
		    actor_of(lang, f), reason);
	else if (strcmp(kind, "booked_for_you") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%s booked “%s” in %s, "
		    "%s, for you."), actor_of(lang, f), f->title, f->room, span);
	else if (strcmp(kind, "invited") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%s invited you to “%s” "
		    "in %s, %s."), actor_of(lang, f), f->title, f->room, span);
	else if (strcmp(kind, "uninvited") == 0)
		utf8_printf(buf, n, i18n_text(lang, "You are no longer "
		    "invited to “%s” in %s, %s."), f->title, f->room, span);
	else if (strcmp(kind, "invite_called_off") == 0)
		utf8_printf(buf, n, i18n_text(lang, "“%s” in %s, %s, which "
		    "you were invited to, will not take place."), f->title,
		    f->room, span);
	else if (strcmp(kind, "invite_changed") == 0)
		utf8_printf(buf, n, i18n_text(lang, "“%s”, which you are "
		    "invited to, is now in %s, %s (it was in %s, %s)."),
		    f->title, f->room, span, old_room, was);
	else if (strcmp(kind, "changed") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%s changed your booking "
		    "“%s”: it is in %s, %s."), actor_of(lang, f), f->title,
		    f->room, span);
	else if (strcmp(kind, "changed_to_pending") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%s moved your booking "
		    "“%s” to %s, %s; it waits for approval again."),
		    actor_of(lang, f), f->title, f->room, span);
	else if (strcmp(kind, "series_requested") == 0)
		utf8_printf(buf, n, i18n_text(lang, "New request: “%s” in %s, "
		    "%d dates from %s, by %s."), f->title, f->room, f->dates,
		    span, actor_of(lang, f));
	else if (strcmp(kind, "series_booked_for_you") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%s booked “%s” in %s for "
		    "you: %d dates from %s."), actor_of(lang, f), f->title,
		    f->room, f->dates, span);
	else if (strcmp(kind, "series_invited") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%s invited you to “%s” in "
		    "%s: %d dates from %s."), actor_of(lang, f), f->title,
		    f->room, f->dates, span);
	else if (strcmp(kind, "series_confirmed") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your series “%s” in %s is "
		    "confirmed: %d dates from %s."), f->title, f->room,
		    f->dates, span);
	else if (strcmp(kind, "series_denied") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Your series “%s” in %s, "
		    "%d dates from %s, was denied: %s"), f->title, f->room,
		    f->dates, span, reason);
	else if (strcmp(kind, "series_cancelled") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%s cancelled %d dates of "
		    "your series “%s” in %s, from %s: %s"), actor_of(lang, f),
		    f->dates, f->title, f->room, span, reason);
	else if (strcmp(kind, "series_called_off") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%d dates of “%s” in %s, "
		    "from %s, which you were invited to, will not take place."),
		    f->dates, f->title, f->room, span);
	else if (strcmp(kind, "series_changed") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%s changed %d dates of "
		    "your series “%s”: from %s, in %s."), actor_of(lang, f),
		    f->dates, f->title, span, f->room);
	else if (strcmp(kind, "series_rerequested") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Changed request: %d dates "
		    "of “%s” are now from %s, in %s, by %s."), f->dates,
		    f->title, span, f->room, actor_of(lang, f));
	else if (strcmp(kind, "series_invite_changed") == 0)
		utf8_printf(buf, n, i18n_text(lang, "%d dates of “%s”, which "
		    "you are invited to, are now from %s, in %s."), f->dates,
		    f->title, span, f->room);
	else if (strcmp(kind, "series_released") == 0)
		utf8_printf(buf, n, i18n_text(lang, "The rest of your series "
		    "“%s” in %s was released: nobody checked in %d times in a "
		    "row, so its rooms are free for others."), f->title,
		    f->room, f->dates);
	else if (strcmp(kind, "rerequested") == 0)
		utf8_printf(buf, n, i18n_text(lang, "Changed request: “%s” "
		    "is now in %s, %s (it was in %s, %s), by %s."), f->title,
		    f->room, span, old_room, was, actor_of(lang, f));
	return buf;
}

char *
words_notice(const char *lang, const char *kind, const char *facts,
    const char *stored, char *buf, size_t n)
{
	struct notice_facts	 f;
	json_error_t		 err;
	json_t			*j;
	json_int_t		 start, end, old_start = 0, old_end = 0;
	int			 grace = 0, dates = 0;

	/* Written before notices kept their facts: the words as stored. */
	if (kind == NULL || facts == NULL || (j = json_loads(facts, 0,
	    &err)) == NULL) {
		snprintf(buf, n, "%s", stored != NULL ? stored : "");
		return buf;
	}
	memset(&f, 0, sizeof f);
	if (json_unpack(j, "{s:s, s:s, s:I, s:I, s?s, s?s, s?i, s?s, s?I, s?I,"
	    " s?i}", "title", &f.title, "room", &f.room, "start", &start,
	    "end", &end, "actor", &f.actor, "reason", &f.reason, "grace",
	    &grace, "old_room", &f.old_room, "old_start", &old_start,
	    "old_end", &old_end, "dates", &dates) == -1) {
		snprintf(buf, n, "%s", stored != NULL ? stored : "");
		json_decref(j);
		return buf;
	}
	f.start = (time_t)start;
	f.end = (time_t)end;
	f.grace_minutes = grace;
	f.dates = dates;
	f.old_start = (time_t)old_start;
	f.old_end = (time_t)old_end;
	words_notice_text(lang, kind, &f, buf, n);
	if (buf[0] == '\0')
		snprintf(buf, n, "%s", stored != NULL ? stored : "");
	json_decref(j);
	return buf;
}

/* Appends part to buf (of n bytes) after sep when buf has some. */
static void
add_part(char *buf, size_t n, const char *sep, const char *part)
{
	size_t	len = strlen(buf);

	if (part == NULL || len + 1 >= n)
		return;
	snprintf(buf + len, n - len, "%s%s", len > 0 ? sep : "", part);
	utf8_trim(buf);
}

/* The names in array a, joined by ", ", into buf. */
static const char *
names(json_t *a, char *buf, size_t n)
{
	size_t	 i;
	json_t	*v;

	buf[0] = '\0';
	json_array_foreach(a, i, v)
		add_part(buf, n, ", ", json_string_value(v));
	return buf;
}

/* The text or number at i of pair a ("" if there is none). */
static const char *
side(json_t *a, size_t i)
{
	const char *s = json_string_value(json_array_get(a, i));

	return s != NULL ? s : "";
}

char *
words_change_text(const char *lang, const char *changes, char *buf, size_t n)
{
	json_error_t	 err;
	json_t		*j, *a, *b;
	char		 was[256], now[256], list[1000], part[1200];

	buf[0] = '\0';
	if (changes == NULL || (j = json_loads(changes, 0, &err)) == NULL)
		return buf;
	if ((a = json_object_get(j, "start")) != NULL &&
	    (b = json_object_get(j, "end")) != NULL) {
		when_span(lang, (time_t)json_integer_value(json_array_get(a, 0)),
		    (time_t)json_integer_value(json_array_get(b, 0)), was,
		    sizeof was);
		when_span(lang, (time_t)json_integer_value(json_array_get(a, 1)),
		    (time_t)json_integer_value(json_array_get(b, 1)), now,
		    sizeof now);
		add_part(buf, n, "; ", utf8_printf(part, sizeof part,
		    i18n_text(lang, "time %s → %s"), was, now));
	}
	if ((a = json_object_get(j, "room")) != NULL)
		add_part(buf, n, "; ", utf8_printf(part, sizeof part,
		    i18n_text(lang, "room %s → %s"), side(a, 0), side(a, 1)));
	if ((a = json_object_get(j, "title")) != NULL)
		add_part(buf, n, "; ", utf8_printf(part, sizeof part,
		    i18n_text(lang, "title “%s” → “%s”"), side(a, 0),
		    side(a, 1)));
	if ((a = json_object_get(j, "attendees")) != NULL)
		add_part(buf, n, "; ", utf8_printf(part, sizeof part,
		    i18n_text(lang, "attendees %lld → %lld"),
		    (long long)json_integer_value(json_array_get(a, 0)),
		    (long long)json_integer_value(json_array_get(a, 1))));
	if ((a = json_object_get(j, "added")) != NULL)
		add_part(buf, n, "; ", utf8_printf(part, sizeof part,
		    i18n_text(lang, "invited %s"), names(a, list, sizeof list)));
	if ((a = json_object_get(j, "removed")) != NULL)
		add_part(buf, n, "; ", utf8_printf(part, sizeof part,
		    i18n_text(lang, "no longer invited %s"),
		    names(a, list, sizeof list)));
	json_decref(j);
	return buf;
}

char *
words_limit(const char *lang, enum limit which, long long max, char *buf,
    size_t n)
{
	switch (which) {
	case LIMIT_PER_DAY:
		snprintf(buf, n, i18n_text(lang, "Bookings a day per person: at "
		    "most %lld"), max);
		break;
	case LIMIT_PER_WEEK:
		snprintf(buf, n, i18n_text(lang, "Bookings a week per person: at "
		    "most %lld"), max);
		break;
	case LIMIT_HOURS_PER_WEEK:
		snprintf(buf, n, i18n_text(lang, "Hours a week per person: at "
		    "most %lld"), max);
		break;
	default:
		snprintf(buf, n, i18n_text(lang, "Bookings ahead per person: at "
		    "most %lld"), max);
		break;
	}
	return buf;
}

char *
words_standing(const char *lang, enum limit which, long long used,
    long long max, int current, char *buf, size_t n)
{
	long long h = used / 60, m = used % 60;

	switch (which) {
	case LIMIT_PER_DAY:
		snprintf(buf, n, current ? i18n_text(lang, "%lld of %lld today") :
		    i18n_text(lang, "%lld of %lld that day"), used, max);
		break;
	case LIMIT_PER_WEEK:
		snprintf(buf, n, current ? i18n_text(lang, "%lld of %lld this "
		    "week") : i18n_text(lang, "%lld of %lld that week"), used,
		    max);
		break;
	case LIMIT_HOURS_PER_WEEK:
		if (m != 0)
			snprintf(buf, n, current ? i18n_text(lang, "%lld h %lld "
			    "min of %lld h this week") : i18n_text(lang, "%lld h "
			    "%lld min of %lld h that week"), h, m, max);
		else
			snprintf(buf, n, current ? i18n_text(lang, "%lld h of "
			    "%lld h this week") : i18n_text(lang, "%lld h of %lld "
			    "h that week"), h, max);
		break;
	default:
		snprintf(buf, n, i18n_text(lang, "%lld of %lld bookings ahead"),
		    used, max);
		break;
	}
	return buf;
}

char *
words_policy(const char *lang, int instant, long long buffer,
    const char *groups, char *buf, size_t n)
{
	size_t len;

	snprintf(buf, n, "%s", instant ? i18n_text(lang, "Confirmed at once") :
	    i18n_text(lang, "Approval required"));
	len = strlen(buf);
	if (groups != NULL && len < n)
		len += (size_t)snprintf(buf + len, n - len, i18n_text(lang,
		    " · only %s"), groups);
	if (buffer > 0 && len < n)
		snprintf(buf + len, n - len, i18n_text(lang, " · %lld min "
		    "buffer"), buffer);
	return buf;
}
