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

/*
 * A token derived from text (BLAKE2b-256, base64url): the same text gives
 * the same token, e.g. a client's idempotency key for its request token.
 */
void	token_derive(const char *text, char out[TOKEN_LEN]);

/* 1 if a and b are the same token, compared in constant time. */
int	token_equal(const char *a, const char *b);

#endif
