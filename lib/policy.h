/*
 * policy: each room's policy as requests meet it.  Whether a request is
 * confirmed at once or waits for the room's approvers, who may decide and
 * who may book, the buffer kept free around each booking, and the limits
 * a person's bookings of the room keep to.
 */
#ifndef ROOMBOOK_POLICY_H
#define ROOMBOOK_POLICY_H

#include <stddef.h>
#include <time.h>

#include "config.h"

struct db;
struct db_rows;
struct room_input;
struct room_names;
struct user;

/*
 * SQL: the rooms person ? decides as one of their approvers, by name or
 * through a group (bind the person's id twice).
 */
#define POLICY_ROOMS_DECIDED_BY						\
	"(SELECT room_id FROM room_approvers WHERE user_id = ?"		\
	" UNION SELECT a.room_id FROM room_approvers a"			\
	" JOIN group_members m ON m.group_id = a.group_id"		\
	" WHERE m.user_id = ?)"

/*
 * SQL: the columns booking_lock_room reads of a room's policy; after
 * them its row serves policy_of.
 */
#define POLICY_COLUMNS							\
	"approval, buffer_minutes, max_per_day, max_per_week,"		\
	" max_hours_per_week, max_future, EXISTS (SELECT 1 FROM"	\
	" room_bookable_by rb WHERE rb.room_id = rooms.id) AS restricted"

/* A room's policy as a request meets it. */
struct policy {
	int		instant;
	int		buffer_minutes;
	int		restricted;	/* only some groups may book it */
	int		limits[LIMIT__COUNT];	/* in force: 0 none */
};

/* The policy of row i of rows (POLICY_COLUMNS), the site's limits k. */
void	policy_of(const struct db_rows *rows, size_t i, const struct rules *k,
	    struct policy *p);

/*
 * Replaces one of room's lists with names (unless kept), inside the
 * caller's transaction: clear, then add each through add (its arguments:
 * room, name) if check (name) finds it; split at commas and spaces where
 * split is set.  0, 1 with the name nobody has in unknown, -1.
 */
int	policy_store_names(struct db *, long long room,
	    const struct room_names *names, int split, const char *clear,
	    const char *add, const char *check, char *unknown, size_t n);
/*
 * Stores in's approvers and who may book the room (those not kept), by
 * login and group name.  Inside the caller's transaction.  0; 1 with the
 * login nobody has in unknown; 2 with the approvers' group there is not,
 * 3 with the group there is not among who may book; -1 if the database
 * failed.
 */
int	policy_store(struct db *, long long room, const struct room_input *in,
	    char *unknown, size_t n);

/*
 * The names room's policy gives (room 0: every room's), by room_id: kind
 * "approver" with login and name, "approver_group" or "bookable_by" with
 * name, in that order, by name.
 */
struct db_rows	*policy_names(struct db *, long long room);

/*
 * Whether u may decide room's requests: an administrator, or one of its
 * approvers.  1, 0, or -1 if the database failed.
 */
int	policy_may_decide(struct db *, const struct user *u, long long room);
/*
 * Whether u decides any room's requests (administrators: all), as read
 * with their session where it was.
 */
int	policy_decides_any(struct db *, const struct user *u);
/*
 * Whether person user decides some room's requests (by name or by a
 * group), by the deciders this worker keeps as of epoch (sql/016), which
 * every change to rooms' approvers and groups' members raises; read
 * again (one query) when it has moved.  1, 0, or -1.
 */
int	policy_decides_at(struct db *, const char *epoch, long long user);

/*
 * Whether owner may book room as asked by requester: everyone may where
 * the room is not restricted; else its groups' members, and whatever an
 * administrator asks.  1, 0 (the groups that may, "A, B", in groups),
 * or -1.
 */
int	policy_may_book(struct db *, const struct user *requester,
	    long long owner, long long room, char *groups, size_t n);

/* Where a person stands against one limit. */
struct limit_standing {
	enum limit	which;
	long long	used;		/* bookings; minutes for the hours */
	long long	max;		/* bookings; hours */
};

/*
 * Checks n bookings [start[i], end[i]) of owner's in room, in time order,
 * against the limits lim (the caller exempts administrators), each
 * counted with what owner already holds there (but booking except) and
 * the dates before it that passed.  refused[i] is the limit date i would
 * break (LIMIT__COUNT: none) with where owner stands in *at (the first
 * refused, or NULL).  How many were refused, or -1.
 */
int	policy_limits_check(struct db *, long long room, long long owner,
	    long long except, const int lim[LIMIT__COUNT], const time_t *start,
	    const time_t *end, size_t n, enum limit *refused,
	    struct limit_standing *at);

/*
 * Where owner stands in room on the day and week of t against lim: one
 * entry per limit in force, in enum order, into out; how many, or -1.
 */
int	policy_standing(struct db *, long long room, long long owner,
	    const int lim[LIMIT__COUNT], time_t t,
	    struct limit_standing out[LIMIT__COUNT]);

#endif
