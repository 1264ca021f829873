/* refusal: how a refused booking action is told, page or API: one table from result to status, field and words. */
#ifndef ROOMBOOK_REFUSAL_H
#define ROOMBOOK_REFUSAL_H

#include <stddef.h>

#include "booking.h"
#include "config.h"
#include "request.h"

/* What to answer for a refused action. */
struct refusal {
	int		 status;	/* 404, 409, 422; 0: not refused */
	const char	*field;		/* the input at fault, or NULL */
	char		 message[300];	/* for a person */
};

/*
 * Tells why the state machine (or the site's rules, for a request) refused
 * action with rc, from the details in o; k gives the rules' figures, lang
 * the reader's language.  The same result gets the same status and words
 * through a page and the API.
 * Returns out->status: 0 for BK_OK and BK_EXISTING, -1 for BK_DB_ERROR
 * (the caller answers with db_failed), else the status to answer.
 */
int	refusal_of(enum booking_result rc, enum booking_action action,
	    const struct booking_outcome *o, const struct rules *k,
	    const char *lang, struct refusal *out);

/*
 * Hands why to the dispatcher: r->error and r->error_field; returns its
 * status, for the handler to return.
 */
int	refusal_tell(struct req *r, const struct refusal *why);

/*
 * The dispatcher's answer to a refusal: sets r->error and r->error_field
 * from refusal_of and returns its status (the error page, or JSON under
 * /api/), or db_failed's 503/500 for a database error.
 */
int	refusal_answer(struct req *r, enum booking_result rc,
	    enum booking_action action, const struct booking_outcome *o);

#endif
