/* room: rooms' changes as transactions: add, change, out of use and back, remove. */
#ifndef ROOMBOOK_ROOM_LIB_H
#define ROOMBOOK_ROOM_LIB_H

#include <time.h>

#include "config.h"
#include "user.h"

struct db;
struct db_rows;

/*
 * Names a room's policy gives: groups' names, or logins (an item may
 * hold several, separated by commas or spaces).
 */
#define ROOM_NAMES_MAX	50
struct room_names {
	const char	*v[ROOM_NAMES_MAX];
	size_t		 n;
	int		 keep;		/* leave them as saved */
};

/* A limit of the room's that takes the site's [rules] value. */
#define LIMIT_SITE	(-1)

/* A room as the forms and the API give it, already checked. */
struct room_input {
	const char	*name;
	const char	*location;
	const char	*description;
	long long	 capacity;
	int		 checkin_required;
	/* Its policy (lib/policy). */
	int		 instant;	/* confirmed at once, no approval */
	long long	 buffer_minutes;	/* kept free before and after */
	long long	 limits[LIMIT__COUNT];	/* LIMIT_SITE, 0: none */
	struct room_names approvers;	/* people who decide its requests */
	struct room_names approver_groups;	/* and groups who do */
	struct room_names bookable_by;	/* groups who may book it; none:
					   everyone */
	/* Its place and equipment (lib/place, lib/feature). */
	long long	 floor_id;	/* 0: on no floor; ROOM_KEEP */
	struct room_names features;	/* by name */
};

/* A value of room_input to leave as saved. */
#define ROOM_KEEP	(-1)

/* Out of use from from (0 or past: now) until until (0: further notice). */
struct room_closure {
	const char	*reason;
	time_t		 from, until;
};

enum room_result {
	ROOM_OK,
	ROOM_BAD_WINDOW,	/* the closure ends before it begins */
	ROOM_NOT_FOUND,
	ROOM_NAME_TAKEN,	/* another room has that name */
	ROOM_STALE,		/* saved since the version given */
	ROOM_ALREADY,		/* already available, or already not */
	ROOM_HAS_BOOKINGS,	/* remove: their history must stay */
	ROOM_NO_PERSON,		/* the policy names a login nobody has:
				   outcome.reason */
	ROOM_NO_GROUP,		/* or a group there is not */
	ROOM_NO_FLOOR,		/* floor_id is no floor's */
	ROOM_NO_FEATURE,	/* a feature on no list: outcome.reason */
	ROOM_DB_ERROR,		/* see db_last_error */
};

/* What a change left to tell; free with room_outcome_free. */
struct room_outcome {
	long long	 id;		/* room_add: the new room */
	struct db_rows	*current;	/* ROOM_STALE: the room as saved now */
	struct db_rows	*cancelled;	/* room_close: the bookings cancelled */
	long long	 event_id;	/* room_close: its room event */
	long long	 version;	/* ROOM_STALE: the room's version now */
	char		 status[16];	/* ROOM_ALREADY: "available" or not */
	char		 reason[501];	/* and why it is out of use; the
					   name ROOM_NO_PERSON/GROUP/FEATURE
					   found */
	const char	*field;		/* ROOM_NO_GROUP: "approver_groups"
					   or "bookable_by" */
};

/*
 * Each change is one transaction under the room's row lock, the lock
 * every booking of the room takes, with its room_events row; actor did
 * it.  version, where given and not 0, must be the room's (else
 * ROOM_STALE and nothing changes).
 */
enum room_result room_add(struct db *, const struct user *actor,
		    const struct room_input *, struct room_outcome *);
/* A rename reaches the status view in the same transaction. */
enum room_result room_change(struct db *, const struct user *actor,
		    long long id, long long version, const struct room_input *,
		    struct room_outcome *);
/*
 * Out of use for c's window: every live booking inside it is cancelled
 * with c's reason, in the same transaction, each through the state
 * machine (its owner is told); requests inside it are refused from then
 * on.  One closure at a time (ROOM_ALREADY).
 */
enum room_result room_close(struct db *, const struct user *actor,
		    long long id, long long version,
		    const struct room_closure *c, struct room_outcome *);
/* Ends the closure, begun or ahead: the room can be booked at any time. */
enum room_result room_reopen(struct db *, const struct user *actor,
		    long long id, long long version, struct room_outcome *);
/*
 * What a closure (its room event) cancelled or ended early, as
 * room_bookings_in_window lists them ("in_use": ended early); NULL on a
 * database error.
 */
struct db_rows	*room_closure_bookings(struct db *, long long room,
		    long long event_id);

/* Live bookings ahead with more attendees than the room seats now. */
struct db_rows	*room_bookings_over_capacity(struct db *, long long room);

/*
 * The live bookings of room id inside [from, until) (SQL UTC times; until
 * NULL: open-ended) from now on, as room_close would cancel them; the
 * meeting in the room now among them when the window has begun (begun
 * is decided by the caller's clock: the database's may differ by a
 * second, or by a host's skew).
 */
struct db_rows	*room_bookings_in_window(struct db *, long long id,
		    const char *from, const char *until, int begun);
/*
 * The minutely sweep at time at: rooms whose window has begun are out of
 * use, rooms whose window has ended are back (a "reopened" event).
 * Counts in *begun and *ended; 0 or -1.
 */
int	room_sweep_closures(struct db *, time_t at, long long *begun,
	    long long *ended);
/*
 * The room's photo becomes p (NULL: none), kept in the database under
 * its name (the first ROOM_PHOTO_NAME hex digits of its hash); a photo
 * no room shows any more goes.  One transaction, as the others.
 */
#define ROOM_PHOTO_NAME	32
struct photo;
enum room_result room_set_photo(struct db *, const struct user *actor,
		    long long id, const struct photo *p, struct room_outcome *);
/* Only a room that never had a booking: history must stay. */
enum room_result room_remove(struct db *, const struct user *actor,
		    long long id, struct room_outcome *);

/* Frees what an outcome holds; it may be zeroed. */
void	room_outcome_free(struct room_outcome *);

#endif
