/*
 * words: what people read about bookings, in one place apart from the
 * state machine: the states' names and the notifications' sentences.
 */
#include <string.h>

#include "i18n.h"
#include "user.h"
#include "utf8.h"
#include "words.h"

const char *
words_state_label(const char *lang, const char *state)
{
	static const struct {
		const char *state, *label;
	} labels[] = {
		{ "pending", N_("Pending approval") },
		{ "confirmed", N_("Confirmed") }, { "denied", N_("Denied") },
		{ "cancelled", N_("Cancelled") }, { "expired", N_("Expired") },
		{ "in_use", N_("In use") }, { "completed", N_("Completed") },
		{ "released", N_("Released") },
		{ "checked_in", N_("Checked in") },
		{ "checked_out", N_("Checked out") },
	};

	for (size_t i = 0; state != NULL && i < sizeof labels /
	    sizeof labels[0]; i++)
		if (strcmp(labels[i].state, state) == 0)
			return i18n_text(lang, labels[i].label);
	return state != NULL ? state : "";
}

void
words_new_request(char *buf, size_t n, const char *title, const char *room,
    const char *span, const char *requester)
{
	utf8_printf(buf, n, "New request: \u201c%s\u201d in %s, %s, by %s.",
	    title, room, span, requester);
}

void
words_owner_notice(char *buf, size_t n, enum booking_action action,
    const char *title, const char *room, const char *span,
    const struct user *actor, const char *reason, int grace_minutes)
{
	switch (action) {
	case ACT_CONFIRM:
		utf8_printf(buf, n, "Your booking \u201c%s\u201d in %s, %s, is "
		    "confirmed.", title, room, span);
		break;
	case ACT_DENY:
		utf8_printf(buf, n, "Your booking \u201c%s\u201d in %s, %s, was "
		    "denied: %s", title, room, span, reason);
		break;
	case ACT_CANCEL:
		utf8_printf(buf, n, "Your booking \u201c%s\u201d in %s, %s, was "
		    "cancelled by %s: %s", title, room, span,
		    actor != NULL ? actor->name : "the system", reason);
		break;
	case ACT_EXPIRE:
		utf8_printf(buf, n, "Your request \u201c%s\u201d in %s, %s, expired"
		    " before anyone decided on it.", title, room, span);
		break;
	case ACT_CHECKIN:
		utf8_printf(buf, n, "Your booking \u201c%s\u201d in %s, %s, was "
		    "checked in by %s.", title, room, span, actor != NULL ?
		    actor->name : "the system");
		break;
	case ACT_CHECKOUT:
		utf8_printf(buf, n, "Your booking \u201c%s\u201d in %s, %s, was "
		    "checked out by %s; the room is free again.", title, room,
		    span, actor != NULL ? actor->name : "the system");
		break;
	case ACT_RELEASE:
		utf8_printf(buf, n, "Your booking \u201c%s\u201d in %s, %s, was "
		    "released: nobody checked in within %d minutes of the start,"
		    " so the room is free for others.", title, room, span,
		    grace_minutes);
		break;
	case ACT_COMPLETE:
		utf8_printf(buf, n, "Your booking \u201c%s\u201d in %s, %s, has "
		    "ended and is marked completed.", title, room, span);
		break;
	case ACT_REQUEST:	/* no transition: the administrators hear */
		break;
	}
}
