/* token: random session and form tokens, their stored hashes, and comparison. */
#ifndef ROOMBOOK_TOKEN_H
#define ROOMBOOK_TOKEN_H

#include <stddef.h>

/* 32 random bytes as unpadded base64url: 43 characters and a NUL. */
#define TOKEN_LEN	44
#define TOKEN_HASH_LEN	32

/* Fills out with a new random token. */
void	token_new(char out[TOKEN_LEN]);

/* 1 if s has the shape of a token (43 base64url characters), else 0. */
int	token_valid(const char *s);

/* The BLAKE2b-256 hash of the token text, as stored in the database. */
void	token_hash(const char *token, unsigned char out[TOKEN_HASH_LEN]);

/* Bytes of the site's secret key that the keyed tokens below take. */
#define TOKEN_KEY_LEN	32

/*
 * A token derived from text with the site's secret key (keyed BLAKE2b,
 * base64url): the same key, purpose and text give the same token, and
 * nobody without the key can compute it, e.g. a person's idempotency key
 * as their request token.  purpose keeps one use's tokens from another's.
 */
void	token_derive(const unsigned char key[TOKEN_KEY_LEN],
	    const char *purpose, const char *text, char out[TOKEN_LEN]);

/*
 * A new random token that carries its own proof of being issued for
 * bound (16 random bytes and a 16-byte keyed MAC over purpose, bound and
 * them), e.g. a form's request token bound to the session that got it.
 */
void	token_issue(const unsigned char key[TOKEN_KEY_LEN],
	    const char *purpose, const char *bound, char out[TOKEN_LEN]);

/* 1 if token was made by token_issue with this key, purpose and bound. */
int	token_was_issued(const unsigned char key[TOKEN_KEY_LEN],
	    const char *purpose, const char *bound, const char *token);

#endif
