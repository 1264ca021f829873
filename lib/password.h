/* password: argon2id hashes of passwords (libsodium), verified in constant time. */
#ifndef ROOMBOOK_PASSWORD_H
#define ROOMBOOK_PASSWORD_H

#include <stddef.h>

#define PASSWORD_HASH_LEN	128	/* crypto_pwhash_STRBYTES */
#define PASSWORD_MIN_LEN	8
#define PASSWORD_MAX_LEN	1024

/* libsodium's start-up; call once before any other function here. */
int	password_init(void);

/*
 * Hashes pw with argon2id and a random salt into out (NUL-terminated).
 * Returns 0, or -1 if memory for the hash ran out.
 */
int	password_hash(const char *pw, char out[PASSWORD_HASH_LEN]);

/*
 * 1 if pw matches hash, else 0.  With hash NULL (no such user) a fixed
 * hash is checked instead, so an unknown login costs the same time as a
 * wrong password.
 */
int	password_verify(const char *hash, const char *pw);

#endif
