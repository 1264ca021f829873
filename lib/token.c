/* token: random session and form tokens, their stored hashes, and comparison. */
#include <string.h>

#include <sodium.h>

#include "token.h"

#define TOKEN_BYTES	32

_Static_assert(TOKEN_LEN == sodium_base64_ENCODED_LEN(TOKEN_BYTES,
    sodium_base64_VARIANT_URLSAFE_NO_PADDING), "token length");

void
token_new(char out[TOKEN_LEN])
{
	unsigned char	raw[TOKEN_BYTES];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, TOKEN_LEN, raw, sizeof raw,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
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

void
token_derive(const char *text, char out[TOKEN_LEN])
{
	unsigned char	raw[TOKEN_BYTES];

	crypto_generichash(raw, sizeof raw, (const unsigned char *)text,
	    strlen(text), NULL, 0);
	sodium_bin2base64(out, TOKEN_LEN, raw, sizeof raw,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int
token_equal(const char *a, const char *b)
{
	/* Lengths are not secret (always 43); only the content is. */
	if (!token_valid(a) || !token_valid(b))
		return 0;
	return sodium_memcmp(a, b, TOKEN_LEN - 1) == 0;
}
