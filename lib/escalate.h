/*
 * escalate: a request its room's approvers leave undecided for
 * rules.escalate_hours is put before the administrators too, once.
 */
#ifndef ROOMBOOK_ESCALATE_H
#define ROOMBOOK_ESCALATE_H

#include <time.h>

struct db;
struct rules;

/*
 * Tells the administrators of each request (a series once) waiting since
 * before now - k->escalate_hours in a room with approvers, not started
 * and not told of before; their count in *told.  0 or -1.
 */
int	escalate_waiting(struct db *, const struct rules *k, time_t now,
	    long long *told);

#endif
