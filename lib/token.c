/* token: random session and form tokens, their stored hashes, and comparison. */
#include <string.h>

#include <sodium.h>

#include "token.h"

#define TOKEN_BYTES	32

_Static_assert(TOKEN_LEN == sodium_base64_ENCODED_LEN(TOKEN_BYTES,
    sodium_base64_VARIANT_URLSAFE_NO_PADDING), "token length");

static void
encode(const unsigned char raw[TOKEN_BYTES], char out[TOKEN_LEN])
{
	sodium_bin2base64(out, TOKEN_LEN, raw, TOKEN_BYTES,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
token_new(char out[TOKEN_LEN])
{
	unsigned char	raw[TOKEN_BYTES];

	randombytes_buf(raw, sizeof raw);
	encode(raw, out);
	sodium_memzero(raw, sizeof raw);
}

int
token_valid(const char *s)
{
	return s != NULL && strlen(s) == TOKEN_LEN - 1 &&
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == TOKEN_LEN - 1;
}

void
token_hash(const char *token, unsigned char out[TOKEN_HASH_LEN])
{
	crypto_generichash(out, TOKEN_HASH_LEN, (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

/* Half the token is random, half the MAC that binds it. */
#define NONCE_BYTES	(TOKEN_BYTES / 2)

/* The lengths libsodium's keyed BLAKE2b takes: its calls cannot fail. */
_Static_assert(TOKEN_KEY_LEN >= crypto_generichash_KEYBYTES_MIN &&
    TOKEN_KEY_LEN <= crypto_generichash_KEYBYTES_MAX, "key length");
_Static_assert(TOKEN_BYTES - NONCE_BYTES >= crypto_generichash_BYTES_MIN &&
    TOKEN_BYTES <= crypto_generichash_BYTES_MAX, "hash length");

/* The keyed hash of purpose, a NUL, then each part in turn, into out. */
static void
keyed_hash(const unsigned char key[TOKEN_KEY_LEN], const char *purpose,
    const void *a, size_t alen, const void *b, size_t blen,
    unsigned char *out, size_t outlen)
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, key, TOKEN_KEY_LEN, outlen);
	crypto_generichash_update(&st, (const unsigned char *)purpose,
	    strlen(purpose) + 1);
	crypto_generichash_update(&st, a, alen);
	crypto_generichash_update(&st, b, blen);
	crypto_generichash_final(&st, out, outlen);
}

void
token_derive(const unsigned char key[TOKEN_KEY_LEN], const char *purpose,
    const char *text, char out[TOKEN_LEN])
{
	unsigned char	raw[TOKEN_BYTES];

	keyed_hash(key, purpose, text, strlen(text), NULL, 0, raw, sizeof raw);
	encode(raw, out);
}

/*
 * The next nonce into out.  A page holds a token for each of its buttons:
 * the kernel's random bytes are fetched for many at once, not with a
 * system call each.
 */
static void
next_nonce(unsigned char out[NONCE_BYTES])
{
	static unsigned char	pool[NONCE_BYTES * 32];
	static size_t		used = sizeof pool;

	if (used == sizeof pool) {
		randombytes_buf(pool, sizeof pool);
		used = 0;
	}
	memcpy(out, pool + used, NONCE_BYTES);
	sodium_memzero(pool + used, NONCE_BYTES);
	used += NONCE_BYTES;
}

void
token_issue(const unsigned char key[TOKEN_KEY_LEN], const char *purpose,
    const char *bound, char out[TOKEN_LEN])
{
	unsigned char	raw[TOKEN_BYTES];

	next_nonce(raw);
	keyed_hash(key, purpose, bound, strlen(bound) + 1, raw, NONCE_BYTES,
	    raw + NONCE_BYTES, TOKEN_BYTES - NONCE_BYTES);
	encode(raw, out);
}

int
token_was_issued(const unsigned char key[TOKEN_KEY_LEN], const char *purpose,
    const char *bound, const char *token)
{
	unsigned char	raw[TOKEN_BYTES], mac[TOKEN_BYTES - NONCE_BYTES];
	size_t		len;

	if (!token_valid(token) || sodium_base642bin(raw, sizeof raw, token,
	    TOKEN_LEN - 1, NULL, &len, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 || len != sizeof raw)
		return 0;
	keyed_hash(key, purpose, bound, strlen(bound) + 1, raw, NONCE_BYTES,
	    mac, sizeof mac);
	return sodium_memcmp(mac, raw + NONCE_BYTES, sizeof mac) == 0;
}
