/* booking: the one state machine every booking change goes through. */
#ifndef ROOMBOOK_BOOKING_H
#define ROOMBOOK_BOOKING_H

#include <time.h>

#include "clock.h"
#include "policy.h"
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
struct db_rows;
struct notice_facts;
struct participants;
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
	ACT_END_EARLY,	/* in use when its room is taken out of use */
	ACT_REQUEST,	/* a new request (booking_submit), no transition */
	ACT_CHANGE,	/* a change in place (booking_change), no transition */
};

/* Live bookings hold their slot; the others have let it go. */
#define HOLDS_SLOT	"('pending','confirmed','in_use')"

struct booking_request {
	long long	 room_id;
	const struct user *requester;	/* who asks */
	const struct user *owner;	/* for whom; NULL: the requester */
	const struct participants *participants;	/* or NULL: none */
	const char	*title;
	long long	 attendees;
	time_t		 starts_at, ends_at;
	int		 private;	/* others see neither title nor details */
	const char	*request_token;	/* one per form: a resubmit is found */
	time_t		 rules_at;	/* the moment the rules see (0: now);
					   a door's button offered it lately */
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
	BK_STARTED,		/* confirm, or request where an approver
				   decides, after the start has passed */
	BK_ENDED,		/* cancel after the end has passed */
	BK_REASON_REQUIRED,	/* deny, or cancel someone else's, without one */
	BK_TOO_EARLY,		/* check-in before outcome.at (its window opens) */
	BK_TOO_LATE,		/* check-in after outcome.at (its window closed) */
	BK_BEFORE_USE,		/* check-out before outcome.at (the check-in) */
	BK_RULE_BROKEN,		/* the site's rules: outcome.rule, .field */
	BK_NOT_DELEGATE,	/* booking for someone who did not name one */
	BK_TOO_FEW_ATTENDEES,	/* fewer than outcome.named participants */
	BK_TOO_MANY_NAMED,	/* more participants than the rules allow */
	BK_STALE,		/* changed since outcome.version was read */
	BK_SERIES_TOO_LONG,	/* more dates than outcome.allowed */
	BK_SERIES_TAKEN,	/* outcome.dates are not free */
	BK_SERIES_SKIPS,	/* outcome.skipped dates of outcome.count not
				   free: more than outcome.allowed % */
	BK_SERIES_EMPTY,	/* none of its dates is free */
	BK_SERIES_DAY,		/* many dates moved to another day */
	BK_RESTRICTED,		/* only outcome.reason's groups may book it */
	BK_LIMIT,		/* a limit per person: outcome.standing */
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
	long long	 named;		/* participants named */
	long long	 version;	/* BK_STALE: the booking's own now */
	int		 back_to_pending;	/* a change: decided again */
	/* A series: dates not free ("2026-12-14, 2026-12-21"), counts. */
	char		 dates[300];
	long long	 count, skipped, allowed;
	int		 buffer_minutes;	/* BK_CONFLICT: the room's */
	struct limit_standing standing;	/* BK_LIMIT: which, and where the
					   person stands */
};


/*
 * The one way a person's request is made, from the web form or the API:
 * the site's rules at clock_now() (or q->rules_at), then booking_request.
 * BK_OK or BK_EXISTING (o->id is the booking), or the refusal with its
 * details in *o (lib/refusal.c tells it).
 */
enum booking_result booking_submit(struct db *, const struct rules *,
		    const struct booking_request *, struct booking_outcome *);

/*
 * Requests a booking for q->owner (who named q->requester their delegate,
 * or an administrator asks) as its room's policy allows (k: the site's
 * limits): pending, or confirmed at once where the room says so
 * (outcome.state); names its participants, and notifies the room's
 * deciders, the owner and the participants.
 */
enum booking_result booking_request(struct db *, const struct rules *k,
		    const struct booking_request *, struct booking_outcome *);

/*
 * Applies action to booking id on behalf of actor (NULL: the system, for
 * expiry, release and completion).  Cancel, check in and check out: the
 * owner, or an administrator (reason required to cancel someone else's);
 * check in also the room's door display (its caller proved who asks).
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

/*
 * A booking as it should be after a change: every field, the unchanged
 * ones as they are (callers fill them from the booking they read).
 */
struct booking_change {
	long long	 id;
	const struct user *actor;
	long long	 version;	/* the one the change was made from */
	long long	 room_id;
	time_t		 starts_at, ends_at;
	const char	*title;
	long long	 attendees;
	const struct participants *participants;	/* NULL: as they are */
	int		 detach;	/* a series' date: changed on its own
					   (1), or as its series (0) */
};

/*
 * Changes booking c->id in place: the same booking, its history with one
 * "changed" event saying what changed from what to what.  The owner, a
 * delegate of theirs or an administrator, while it is pending or
 * confirmed and has not started.  A new time or room is checked as a new
 * request's, under the locks of both rooms taken in id order; a confirmed
 * booking moved in time or room is pending again.  The old slot is free
 * the moment it commits.  BK_OK (nothing to change is no change), or the
 * refusal: BK_STALE with the booking's version in o->version when it is
 * no longer at c->version.
 */
enum booking_result booking_change(struct db *, const struct rules *,
		    const struct booking_change *c, struct booking_outcome *o);

/*
 * booking_change for a caller that holds a transaction and the locks of
 * the rooms c leaves and enters (entered: booking_lock_room's row of the
 * new room for c's time); the people it concerns are told unless !tell.
 * Neither commits nor rolls back.
 */
enum booking_result booking_change_locked(struct db *, const struct rules *,
		    const struct booking_change *c, const struct db_rows *entered,
		    int tell, struct booking_outcome *o);

/*
 * For the state machine's own modules (lib/bookingchange.c).
 *
 * A notice of kind about booking id, told by n: to user to (> 0), to the
 * deciders (NOTIFY_DECIDERS), or to the people the booking names except
 * the person except (NOTIFY_NAMED).  0 or -1.
 */
#define NOTIFY_DECIDERS	(-1)	/* the room's approvers, or the administrators */
#define NOTIFY_NAMED	(-2)
#define NOTIFY_ADMINS	(-3)	/* the administrators, whoever decides */
int		booking_notify(struct db *, long long to, long long id,
		    const char *kind, const struct notice_facts *n,
		    long long except);

/* The room booking id is in (as read, not locked): 0 none, -1 failure. */
long long	booking_room_of(struct db *, long long id);

/* Appends event kind to booking id's history (actor 0: the system). */
int		booking_event(struct db *, long long id, const char *kind,
		    long long actor, const char *reason);

/*
 * Runs attempt(db, arg), a whole transaction, again while the server
 * picks it as a deadlock victim (at most three times); its result.
 */
typedef enum booking_result (*booking_attempt_fn)(struct db *, void *arg);
enum booking_result booking_retried(struct db *, booking_attempt_fn attempt,
		    void *arg);

/*
 * Whether q's people fit: as many attendees as it names, and its
 * requester may ask for owner.  BK_OK or the refusal.
 */
enum booking_result booking_request_people(struct db *,
		    const struct booking_request *q, const struct user *owner,
		    struct booking_outcome *o);

/* Rolls back unless rc is BK_OK, else commits; passes rc on. */
enum booking_result booking_finish(struct db *, enum booking_result rc);

/*
 * Locks room's row for a booking of [from, to) (SQL times): its facts for
 * booking_room_fits, no row if there is no such room; NULL on failure.
 */
struct db_rows	*booking_lock_room(struct db *, long long room,
		    const char *from, const char *to);

/*
 * Whether the room of rows (its row locked for [from, to): capacity,
 * name, closed, closed_from, closed_until, unavailable_reason) takes
 * attendees then: BK_OK, BK_NO_ROOM, BK_ROOM_UNAVAILABLE (why in o) or
 * BK_OVER_CAPACITY.
 */
enum booking_result booking_room_fits(const struct db_rows *rows,
		    long long attendees, struct booking_outcome *o);

/*
 * BK_CONFLICT with the booking in the way in o when a live booking of
 * room other than except overlaps [start, end) or comes within buffer
 * minutes of it; else BK_OK.
 */
enum booking_result booking_find_overlap(struct db *, long long room,
		    long long except, time_t start, time_t end, int buffer,
		    struct booking_outcome *o);
/*
 * The room's policy (room_row: booking_lock_room's) in *p for a booking
 * of owner's that requester asks for (exempt: from the limits, as
 * administrators are): BK_OK, or BK_RESTRICTED with the groups that may
 * book it in o->reason.
 */
enum booking_result booking_policy_admits(struct db *, const struct rules *k,
		    const struct db_rows *room_row, long long room,
		    const struct user *requester, long long owner, int exempt,
		    struct policy *p, struct booking_outcome *o);
/*
 * Whether owner may hold [start, end) in room besides what they hold
 * there (but booking except) under p's limits: BK_OK or BK_LIMIT.
 */
enum booking_result booking_within_limits(struct db *, const struct policy *p,
		    long long room, long long owner, long long except,
		    time_t start, time_t end, struct booking_outcome *o);

/* Takes the site's check-in window from its rules, once at start-up. */
void		booking_configure(const struct rules *);

/* Whether check-in is open for a booking starting at start, at now. */
int		booking_checkin_open(time_t start, time_t end, time_t now);

/*
 * booking_apply for a caller that already holds a transaction and the
 * lock on the booking's room row (e.g. taking a room out of use cancels
 * its bookings in the same transaction); its people are mailed mail
 * (lib/outbox) in place of the action's own message unless NULL.
 * Neither commits nor rolls back.
 */
enum booking_result booking_apply_locked(struct db *, long long id,
		    enum booking_action action, const struct user *actor,
		    const char *reason, const char *mail,
		    struct booking_outcome *);

/*
 * booking_apply_locked telling nobody: for a caller that applies it to
 * many bookings and tells the people once (a series decided at once).
 */
enum booking_result booking_apply_untold(struct db *, long long id,
		    enum booking_action action, const struct user *actor,
		    const char *reason, struct booking_outcome *);

#endif
