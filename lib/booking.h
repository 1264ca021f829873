/* booking: the one state machine every booking change goes through. */
#ifndef ROOMBOOK_BOOKING_H
#define ROOMBOOK_BOOKING_H

#include <time.h>

#include "clock.h"
#include "rules.h"

/*
 * SQL: "<start> >= <t> - 1 day", which every booking ending after t
 * satisfies, because a booking lies inside one day's opening hours
 * (rules.max_minutes is at most a day).  Queries for bookings that end
 * after t add it so their index range on starts_at stops there instead
 * of reading every earlier booking of the room or person.
 */
#define STARTED_AFTER_DAY_BEFORE(start, t)	start " >= " t " - INTERVAL 1 DAY"

struct db;
struct rules;
struct user;

/*
 * The transitions.  Each runs in one transaction that locks the room row
 * and then the booking row (the lock order everywhere), checks the
 * transition is allowed, updates the booking (version + 1), appends its
 * event, writes its notifications and upserts its read-model row.
 *
 *   request: (new) -> pending          confirm: pending -> confirmed
 *   deny:    pending -> denied         cancel:  pending | confirmed -> cancelled
 *   expire:  pending -> expired (its start has passed undecided)
 *   check in:  confirmed -> in_use     (owner or admin, inside the window)
 *   check out: in_use -> completed     (owner or admin; frees the rest)
 *   release:   confirmed -> released   (the system: nobody checked in)
 *   complete:  in_use -> completed     (the system: its end has come)
 */
enum booking_action {
	ACT_CONFIRM,
	ACT_DENY,
	ACT_CANCEL,
	ACT_EXPIRE,
	ACT_CHECKIN,
	ACT_CHECKOUT,
	ACT_RELEASE,
	ACT_COMPLETE,
	ACT_REQUEST,	/* a new request (booking_submit), no transition */
};

/* Live bookings hold their slot; the others have let it go. */
#define HOLDS_SLOT	"('pending','confirmed','in_use')"

struct booking_request {
	long long	 room_id;
	const struct user *requester;
	const char	*title;
	long long	 attendees;
	time_t		 starts_at, ends_at;
	int		 private;	/* others see neither title nor details */
	const char	*request_token;	/* one per form: a resubmit is found */
};

enum booking_result {
	BK_OK,			/* done; outcome.id is the booking */
	BK_EXISTING,		/* request token seen: outcome.id is that booking */
	BK_CONFLICT,		/* overlaps outcome.conflict_* */
	BK_NO_ROOM,		/* no such room */
	BK_ROOM_UNAVAILABLE,
	BK_OVER_CAPACITY,	/* more attendees than outcome.capacity */
	BK_NOT_FOUND,		/* no such booking */
	BK_FORBIDDEN,		/* the actor may not do this to this booking */
	BK_NOT_ALLOWED,		/* not from its state: outcome.state, .by, .at */
	BK_STARTED,		/* confirm after the start has passed */
	BK_ENDED,		/* cancel after the end has passed */
	BK_REASON_REQUIRED,	/* deny, or cancel someone else's, without one */
	BK_TOO_EARLY,		/* check-in before outcome.at (its window opens) */
	BK_TOO_LATE,		/* check-in after outcome.at (its window closed) */
	BK_BEFORE_USE,		/* check-out before outcome.at (the check-in) */
	BK_RULE_BROKEN,		/* the site's rules: outcome.rule, .field */
	BK_DB_ERROR,		/* see db_last_error */
};

struct booking_outcome {
	long long	id;
	/* The booking in the way; or the room's closure (end 0: open). */
	time_t		conflict_start, conflict_end;
	char		reason[501];	/* BK_ROOM_UNAVAILABLE: why closed */
	long long	capacity;
	char		state[16];	/* the state that refused the action */
	char		by[801];	/* who put it there ("" if nobody) */
	time_t		at;		/* and when; or the check-in window's edge */
	enum rule_broken rule;		/* BK_RULE_BROKEN: which rule */
	const char	*field;		/* and the time it concerns */
};


/*
 * The one way a person's request is made, from the web form or the API:
 * the site's rules at clock_now(), then booking_request.  BK_OK or
 * BK_EXISTING (o->id is the booking), or the refusal with its details in
 * *o (lib/refusal.c tells it).
 */
enum booking_result booking_submit(struct db *, const struct rules *,
		    const struct booking_request *, struct booking_outcome *);

/* Requests a booking (-> pending) and notifies the administrators. */
enum booking_result booking_request(struct db *, const struct booking_request *,
		    struct booking_outcome *);

/*
 * Applies action to booking id on behalf of actor (NULL: the system, for
 * expiry, release and completion).  Cancel, check in and check out: the
 * owner, or an administrator (reason required to cancel someone else's).
 * Deny needs a reason.  The owner is notified of every change someone
 * else makes.  The site's check-in window (booking_configure) bounds
 * check-in and release.
 */
enum booking_result booking_apply(struct db *, long long id,
		    enum booking_action action, const struct user *actor,
		    const char *reason, struct booking_outcome *);

/*
 * Checks booking id out as ended at ended, a moment already past (a use
 * reported after it ended): not before its check-in, at most its booked
 * end.  Otherwise as booking_apply(ACT_CHECKOUT).
 */
enum booking_result booking_check_out_at(struct db *, long long id,
		    const struct user *actor, time_t ended,
		    struct booking_outcome *);

/* Takes the site's check-in window from its rules, once at start-up. */
void		booking_configure(const struct rules *);

/* Whether check-in is open for a booking starting at start, at now. */
int		booking_checkin_open(time_t start, time_t end, time_t now);

/*
 * booking_apply for a caller that already holds a transaction and the
 * lock on the booking's room row (e.g. taking a room out of use cancels
 * its bookings in the same transaction).  Neither commits nor rolls back.
 */
enum booking_result booking_apply_locked(struct db *, long long id,
		    enum booking_action action, const struct user *actor,
		    const char *reason, struct booking_outcome *);

#endif
