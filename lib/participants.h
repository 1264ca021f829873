/*
 * participants: who a booking names besides its owner: people of the
 * organisation, and guests by e-mail address.  Stored with the booking in
 * the same transaction as the write that names them.
 */
#ifndef ROOMBOOK_PARTICIPANTS_H
#define ROOMBOOK_PARTICIPANTS_H

#include <stddef.h>

struct db;

/* How long a participant may be written: an address at most (RFC 5321). */
#define PARTICIPANT_MAX	254

struct participant {
	long long	user_id;	/* a person; 0: a guest */
	char		email[PARTICIPANT_MAX + 1];	/* a guest's */
	char		login[257];	/* a person's */
	char		name[801];	/* a person's display name */
};

struct participants {
	struct participant	*v;
	size_t			 n;
};

/*
 * Whether s is an e-mail address as people write one: a local part, "@",
 * and a domain of dot-separated labels with at least one dot; no spaces
 * or controls; at most PARTICIPANT_MAX bytes.
 */
int	participant_address_valid(const char *s);

/*
 * Resolves each of items, as typed or picked: the login of an active
 * person, or an address, which is that of a person of the organisation
 * (that person) or else a guest's.  The same participant twice counts
 * once.  0 with *out filled (participants_free it); 1 with *bad the
 * index of an item that is neither (nothing to free); -1 if the database
 * failed.
 */
int	participants_resolve(struct db *, const char *const *items, size_t n,
	    struct participants *out, size_t *bad);

/* Booking id's participants, people by name then guests. 0 or -1. */
int	participants_load(struct db *, long long booking_id,
	    struct participants *out);

/*
 * Makes p booking id's participants, inside the caller's transaction.
 * 0 or -1.
 */
int	participants_store(struct db *, long long booking_id,
	    const struct participants *p);

/* Whether p names q: the same person, or a guest's same address. */
int	participants_has(const struct participants *p,
	    const struct participant *q);

/* Whether user is among p's people. */
int	participants_has_person(const struct participants *p, long long user);

/* Whether a and b name the same participants, in any order. */
int	participants_same(const struct participants *a,
	    const struct participants *b);

void	participants_free(struct participants *p);

#endif
