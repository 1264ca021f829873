/* apitoken: the bearer tokens people's scripts use for /api/. */
#ifndef ROOMBOOK_APITOKEN_H
#define ROOMBOOK_APITOKEN_H

#include "token.h"

struct db;

/* At most this many characters name a token ("calendar sync"). */
#define APITOKEN_NAME_MAX	100

/*
 * Makes a token for user named name; the token text goes to out (shown
 * once: only its hash is stored) and its id to *id.  Returns 0 or -1.
 */
int	apitoken_create(struct db *, long long user, const char *name,
	    char out[TOKEN_LEN], long long *id);

/*
 * Revokes token id, if it belongs to user (0: anyone's, for operators).
 * Returns 1 if revoked, 0 if no such live token, -1 on a database error.
 */
int	apitoken_revoke(struct db *, long long id, long long user);

/*
 * Revokes every live token of user (a new password: whoever saw the old
 * one may have made tokens).  Returns how many, or -1 on a database error.
 */
long long apitoken_revoke_all(struct db *, long long user);

/* NULL, or why name cannot name a token. */
const char *apitoken_name_invalid(const char *name);

#endif
