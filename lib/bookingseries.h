/*
 * bookingseries: a booking that repeats.  The series keeps its rule
 * (lib/series) and its local wall-clock times; each date the rule gives
 * is a booking of its own, made through the same checks as a single
 * request, all of them in one transaction under the room's lock.
 */
#ifndef ROOMBOOK_BOOKINGSERIES_H
#define ROOMBOOK_BOOKINGSERIES_H

#include <stddef.h>
#include <time.h>

#include "booking.h"
#include "rules.h"
#include "series.h"

/* What one date of a series would be, or is. */
enum series_date_state {
	DATE_FREE,	/* booked, or bookable */
	DATE_TAKEN,	/* another live booking holds the room then */
	DATE_OUTSIDE,	/* against the site's rules: .rule says which */
	DATE_CLOSED,	/* the room is out of use then */
	DATE_LIMIT,	/* a limit per person: .limit says which */
};

struct series_plan_date {
	struct series_date	 when;
	enum series_date_state	 state;
	enum rule_broken	 rule;		/* DATE_OUTSIDE */
	struct limit_standing	 limit;		/* DATE_LIMIT */
	/* DATE_TAKEN: the booking in the way, for the reader's eyes. */
	time_t			 taken_start, taken_end;
	long long		 taken_owner;
	char			 taken_owner_name[201];
	char			 taken_title[201];
	int			 taken_private;
	long long		 booking_id;	/* the booking made (0: none) */
};

/* Its state's name: "free", "taken", "outside", "closed" or "limit". */
const char *series_date_state(const struct series_plan_date *d);

/* A series' dates as checked, and what was made of them. */
struct series_plan {
	struct series_plan_date	*dates;
	size_t			 n;
	size_t			 skipped;	/* dates not free */
	long long		 series_id;	/* made (0: none) */
	struct policy		 policy;	/* the room's */
};

/* A request for a series: the first date's booking, and how it repeats. */
struct series_request {
	const struct booking_request	*first;
	const char			*rule;		/* an RRULE */
	int				 skip_taken;	/* book the free dates */
	int				 preview;	/* only check */
};

/*
 * Requests every date rule gives from the first date's on (each a
 * pending booking linked to the series and its date), or with preview
 * only checks them, in one transaction under the room's lock.  Dates
 * are checked as single requests are, beyond the series' own horizon
 * (rules.series_horizon_days) in place of the single one.  Dates not
 * free are skipped when skip_taken asks, at most
 * rules.series_skips_allowed percent of them.  BK_OK (plan says what
 * was made, or would be), BK_EXISTING (the request token made series
 * plan->series_id), or the refusal: BK_SERIES_TOO_LONG (more than
 * rules.max_occurrences dates), BK_SERIES_TAKEN (dates not free in
 * o->dates, none skipped), BK_SERIES_SKIPS (too many to skip),
 * BK_SERIES_EMPTY (no date free), and those of booking_submit.  The
 * caller frees plan with series_plan_free, whatever the result.
 */
enum booking_result booking_series_request(struct db *, const struct rules *,
		    const struct series_request *, struct series_plan *plan,
		    struct booking_outcome *o);

void	series_plan_free(struct series_plan *);

/* After it was made (lib/serieschange.c). */

/*
 * Confirms (ACT_CONFIRM) or denies (ACT_DENY, with reason) every date of
 * series id still pending and not started, in one transaction under the
 * locks of its rooms; its owner is told once.  *done counts the dates.
 * BK_OK, BK_NOT_FOUND (no such series, or none of its dates waits),
 * BK_REASON_REQUIRED, or what a date's own transition refused.
 */
enum booking_result booking_series_decide(struct db *, long long id,
		    enum booking_action action, const struct user *actor,
		    const char *reason, long long *done,
		    struct booking_outcome *o);

/* Takes rules.series_no_shows, once at start-up (booking_configure). */
void	booking_series_configure(const struct rules *);

/*
 * After booking id was released as a no-show, inside its transaction:
 * when it is the rules.series_no_shows-th of its series in a row, every
 * later date of the series is released too (cancelled by the system) and
 * its owner told why.  0 or -1.
 */
int	booking_series_no_show(struct db *, long long id);

/* Which of a series' dates a change or a cancellation is for. */
enum series_scope {
	SCOPE_THIS,		/* this date only */
	SCOPE_FOLLOWING,	/* this date and the later ones */
	SCOPE_ALL,		/* every date still to come */
};

/* The scope a form or query names ("this", "following", "all"; NULL: this). */
enum series_scope series_scope_named(const char *name);

/*
 * Cancels booking id and, by scope, the later dates of its series or
 * every date still to come that is pending or confirmed, in one
 * transaction under the locks of their rooms, each as booking_apply
 * would (a reason when cancelling someone else's); the owner and the
 * people named are told once.  *done counts them.  A booking of no
 * series is cancelled alone, whatever the scope.
 */
enum booking_result booking_series_cancel(struct db *, long long id,
		    enum series_scope scope, const struct user *actor,
		    const char *reason, long long *done,
		    struct booking_outcome *o);

/*
 * Changes booking c->id as booking_change does and, by scope, the later
 * dates of its series or all its dates to come in the same way: the same
 * time of day (on each one's own date), room, title, attendees and
 * people.  Dates changed on their own are left as they are unless reset.
 * Every date is checked as a request is; any that cannot be changed
 * refuses the whole change: BK_SERIES_TAKEN with them in o->dates.  A
 * change of the date itself is for this date only (BK_SERIES_DAY).
 * Changing this date only marks it as changed on its own.  "following"
 * splits the series in two at this date.  *done counts the dates changed.
 */
enum booking_result booking_series_change(struct db *, const struct rules *,
		    const struct booking_change *c, enum series_scope scope,
		    int reset, long long *done, struct booking_outcome *o);

#endif
