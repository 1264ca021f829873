/*
 * finder: the rooms free for a meeting.  "A room for 8 with video,
 * 14:00-15:00", or "an hour between 13:00 and 17:00": the rooms that fit
 * and are free for it, best first, each with the times to book.  When
 * none is, the nearest times that day and on the next open days when a
 * fitting room is free, and the rooms that would fit with one
 * requirement done without.  It keeps to what a request keeps to: the
 * site's rules, who may book each room, its buffer, its limits per
 * person, rooms out of use.
 */
#ifndef ROOMBOOK_FINDER_H
#define ROOMBOOK_FINDER_H

#include <stddef.h>
#include <time.h>

#include "config.h"
#include "roomfilter.h"

struct db;
struct user;

#define FINDER_OFFERS		10	/* rooms offered for the time asked */
#define FINDER_TIMES		4	/* other times the same day */
#define FINDER_DAYS		3	/* next open days looked at */
#define FINDER_NOW_MINUTES	30	/* "free now": for at least this long */

struct finder_ask {
	time_t		 from, to;	/* the time asked for */
	int		 minutes;	/* 0: all of it; else any stretch
					   this long inside it */
	long long	 people;
	/* Equipment asked for by name (need->feature, ->nfeatures), as
	   room_filter_names reads it; need->building is the building
	   preferred, not required. */
	const struct room_filter *need;
	const struct user *who;		/* whose booking it would be */
};

/*
 * A room to book, and when; its texts are borrowed from the rooms the
 * worker keeps, until its next search.
 */
struct finder_offer {
	long long	 room;
	const char	*name, *building, *floor;	/* NULL: not placed */
	long long	 capacity;
	int		 extra;		/* equipment beyond what was asked */
	int		 instant;	/* confirmed at once */
	time_t		 start, end;	/* what to book */
	time_t		 free_until;	/* free now: free from start until
					   (the day's closing at the latest);
					   else 0 */
	/* One requirement done without: the equipment's name, or "" for
	   fewer seats; NULL for an offer that fits everything. */
	const char	*without;
};

struct finder {
	struct finder_offer	*offers;	/* best first */
	size_t			 noffers;
	/* Only when nothing fits: */
	struct finder_offer	*times;		/* that day, then next days */
	size_t			 ntimes;
	struct finder_offer	*relaxed;	/* one requirement done without */
	size_t			 nrelaxed;
	/* Equipment asked for that is not on the list (nothing was looked
	   for), else NULL. */
	const char		*unknown;
	/* The filters' choices, as of the rooms weighed (NULL if the
	   database failed before). */
	const struct room_choices *choices;
};

/*
 * Finds what ask asks for at time now into *f (zeroed first; free with
 * finder_free, whatever was returned).  0 (f->unknown names equipment
 * not on the list, if any), or -1 if the database failed or memory ran
 * out.  The caller checks the time asked against the
 * site's rules first (finder_check).
 */
int	finder_search(struct db *, const struct rules *, time_t now,
	    const struct finder_ask *, struct finder *f);
/*
 * The rooms like room (its equipment, its building preferred) that are
 * free for ask's time and people, best first: what to offer when room
 * was just taken.  ask->need is not read.  0 or -1, as finder_search.
 */
int	finder_like(struct db *, const struct rules *, time_t now,
	    long long room, const struct finder_ask *ask, struct finder *f);
/*
 * The rooms free from now for at least FINDER_NOW_MINUTES, for a walk-in
 * (ask's from, to and minutes are set from now): each offer starts at the
 * next start the grid allows and says until when the room is free.
 */
int	finder_free_now(struct db *, const struct rules *, time_t now,
	    struct finder_ask *, struct finder *f);
/*
 * Whether the site's rules allow booking ask at time now: RULE_OK, or
 * the rule broken (lib/rules) with its field ("starts_at", "ends_at",
 * "minutes") in *field.  For a stretch inside a longer window, each
 * start is checked as the search finds it; the window must end after
 * it begins, leave time for the stretch after now, and the stretch be
 * no longer than a booking may be.  The caller sees that the stretch
 * fits in the window.
 */
int	finder_check(const struct rules *, time_t now,
	    const struct finder_ask *, const char **field);
void	finder_free(struct finder *);

#endif
