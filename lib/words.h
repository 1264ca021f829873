/*
 * words: what people read about bookings: the states' names and the
 * sentences of the notifications the state machine sends.
 */
#ifndef ROOMBOOK_WORDS_H
#define ROOMBOOK_WORDS_H

#include <stddef.h>

#include "booking.h"

/*
 * "pending" -> "Pending approval" etc. in language lang; an unknown state
 * as it is.
 */
const char	*words_state_label(const char *lang, const char *state);

/* What the administrators are told of a new request. */
void	words_new_request(char *buf, size_t n, const char *title,
	    const char *room, const char *span, const char *requester);

/*
 * What a booking's owner is told when someone else (actor; NULL: the
 * system) changes it by action; grace_minutes is the check-in grace.
 */
void	words_owner_notice(char *buf, size_t n, enum booking_action action,
	    const char *title, const char *room, const char *span,
	    const struct user *actor, const char *reason, int grace_minutes);

#endif
