/*
 * words: what people read about bookings: the states' names and the
 * sentences of the notifications the state machine sends.
 */
#ifndef ROOMBOOK_WORDS_H
#define ROOMBOOK_WORDS_H

#include <stddef.h>
#include <time.h>

#include "booking.h"

/*
 * "pending" -> "Pending approval" etc. in language lang; an unknown state
 * as it is.
 */
const char	*words_state_label(const char *lang, const char *state);

/* What became of a room ("created") in its history, in language lang. */
const char	*words_room_event(const char *lang, const char *kind);

/*
 * Notices are stored as their kind and facts and told when read, each
 * reader in their own language; the English text is kept beside them.
 */
struct notice_facts {
	const char	*title, *room;
	const char	*actor;		/* who acted; NULL: the system */
	const char	*reason;	/* or NULL */
	time_t		 start, end;
	int		 grace_minutes;	/* the check-in grace, for releases */
	int		 dates;		/* a series: how many dates */
	/* A change: the room and time before it (old_room NULL: none). */
	const char	*old_room;
	time_t		 old_start, old_end;
};

/* The kind of notice an action sends ("confirmed"), or NULL. */
const char	*words_notice_kind(enum booking_action action);

/* f as JSON text to store with the notice; the caller frees; NULL: ENOMEM. */
char		*words_notice_facts(const struct notice_facts *f);

/* What a notice of kind says in lang, into buf ("" for no such kind). */
char		*words_notice_text(const char *lang, const char *kind,
		    const struct notice_facts *f, char *buf, size_t n);

/*
 * What a stored notice says in lang: from its kind and facts (JSON), or
 * the text stored with it when it has none (written before they were).
 */
char		*words_notice(const char *lang, const char *kind,
		    const char *facts, const char *stored, char *buf, size_t n);

/*
 * What a change changed, from the JSON its "changed" event keeps
 * (lib/bookingchange.c), in lang: "time … → …; room Berlin → Dublin".
 */
char		*words_change_text(const char *lang, const char *changes,
		    char *buf, size_t n);

/*
 * A room's limit in lang: "At most 3 bookings a week per person", into
 * buf; returns buf.
 */
char		*words_limit(const char *lang, enum limit which, long long max,
		    char *buf, size_t n);

/*
 * Where a person stands against a limit, in lang: "2 of 3 that week",
 * "6 h of 10 h that week" (used: bookings, or minutes for the hours);
 * "today", "this week" where current says the day or week is now's.
 */
char		*words_standing(const char *lang, enum limit which,
		    long long used, long long max, int current, char *buf,
		    size_t n);

/*
 * A room's policy in a few words, in lang: "Approval required · only Lab;
 * Facilities · 15 min buffer" (groups NULL: everyone may book).
 */
char		*words_policy(const char *lang, int instant, long long buffer,
		    const char *groups, char *buf, size_t n);

#endif
