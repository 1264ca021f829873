/* password: argon2id hashes of passwords (libsodium), verified in constant time. */
#include <string.h>

#include <sodium.h>

#include "password.h"

_Static_assert(PASSWORD_HASH_LEN == crypto_pwhash_STRBYTES,
    "hash buffer size must match libsodium's");

/*
 * A hash of a random password nobody knows, made at start-up: verifying
 * against it takes as long as verifying a real one.
 */
static char dummy_hash[PASSWORD_HASH_LEN];

int
password_init(void)
{
	char	pw[33];

	if (sodium_init() < 0)
		return -1;
	randombytes_buf(pw, sizeof pw - 1);
	for (size_t i = 0; i < sizeof pw - 1; i++)
		pw[i] = (char)('a' + (unsigned char)pw[i] % 26);
	pw[sizeof pw - 1] = '\0';
	return password_hash(pw, dummy_hash);
}

int
password_hash(const char *pw, char out[PASSWORD_HASH_LEN])
{
	return crypto_pwhash_str_alg(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE,
	    crypto_pwhash_ALG_ARGON2ID13) == 0 ? 0 : -1;
}

int
password_verify(const char *hash, const char *pw)
{
	int	known = hash != NULL && hash[0] != '\0';
	int	ok;

	ok = crypto_pwhash_str_verify(known ? hash : dummy_hash, pw,
	    strlen(pw)) == 0;
	return known && ok;
}
