/* Unit tests of lib/token: shape, uniqueness, stored hash, comparison, keyed tokens. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "password.h"
#include "token.h"

#define B64URL	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
#define NTOKENS	1000

/* Two valid tokens, 43 characters each. */
#define TOK_A	"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
#define TOK_B	"0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"
#define TOK_C	"Zz-_09aBcDeFgHiJkLmNoPqRsTuVwXyZ-_-_0123456"

/* libsodium's start-up, through our own header. */
static int
setup(void **state)
{
	(void)state;
	return password_init() == 0 ? 0 : -1;
}

/* h as lower-case hex into out (2 * TOKEN_HASH_LEN + 1 bytes). */
static void
hex(const unsigned char h[TOKEN_HASH_LEN], char out[2 * TOKEN_HASH_LEN + 1])
{
	for (size_t i = 0; i < TOKEN_HASH_LEN; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

static int
cmp_token(const void *a, const void *b)
{
	return memcmp(a, b, TOKEN_LEN);
}

/* token_new */

static void
test_new_shape(void **state)
{
	char	buf[TOKEN_LEN + 8];

	(void)state;
	for (int i = 0; i < 100; i++) {
		memset(buf, 'Z', sizeof buf);
		token_new(buf);
		assert_int_equal(strlen(buf), TOKEN_LEN - 1);
		assert_int_equal(strspn(buf, B64URL), TOKEN_LEN - 1);
		assert_true(token_valid(buf));
		/* nothing written past the NUL */
		for (size_t j = TOKEN_LEN; j < sizeof buf; j++)
			assert_int_equal(buf[j], 'Z');
	}
}

static void
test_new_distinct(void **state)
{
	char	(*t)[TOKEN_LEN] = calloc(NTOKENS, sizeof *t);
	size_t	 seen[256] = { 0 };
	size_t	 kinds = 0;

	(void)state;
	assert_non_null(t);
	for (size_t i = 0; i < NTOKENS; i++) {
		token_new(t[i]);
		assert_true(token_valid(t[i]));
		for (size_t j = 0; j < TOKEN_LEN - 1; j++)
			seen[(unsigned char)t[i][j]]++;
	}
	qsort(t, NTOKENS, sizeof *t, cmp_token);
	for (size_t i = 1; i < NTOKENS; i++)
		assert_string_not_equal(t[i - 1], t[i]);
	/*
	 * 43,000 characters: every one of the 64 should turn up (the chance
	 * that one is missing by luck is below e^-600), so the alphabet is
	 * really base64url and the bytes really random.
	 */
	for (size_t c = 0; c < 256; c++)
		if (seen[c] > 0) {
			assert_non_null(strchr(B64URL, (int)c));
			kinds++;
		}
	assert_int_equal(kinds, 64);
	free(t);
}

/* token_valid */

struct valid_case {
	const char	*s;
	int		 want;
};

static const struct valid_case valid_cases[] = {
	{ TOK_A,							1 },
	{ TOK_B,							1 },
	{ TOK_C,							1 },
	/* 42 and 44 characters */
	{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",			0 },
	{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",		0 },
	/* standard base64 and padding are not base64url */
	{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",			0 },
	{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/",			0 },
	{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",			0 },
	{ "+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",			0 },
	/* 42 good characters and one bad */
	{ "AAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAA",			0 },
	{ " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",			0 },
	{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",		0 },
	{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.",			0 },
	{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\xc3\xa4",		0 },
	/* a valid token with trailing space or newline */
	{ TOK_A " ",							0 },
	{ TOK_A "\n",							0 },
	{ "",								0 },
	{ NULL,								0 },
};

static void
test_valid_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof valid_cases / sizeof valid_cases[0];
	    i++) {
		const struct valid_case	*c = &valid_cases[i];

		print_message("case %zu: %s\n", i, c->s != NULL ? c->s :
		    "(null)");
		assert_int_equal(token_valid(c->s), c->want);
	}
}

/* token_hash */

struct hash_case {
	const char	*token;
	const char	*hex;	/* hashlib.blake2b(token, digest_size=32) */
};

static const struct hash_case hash_cases[] = {
	/* the published BLAKE2b-256 vector */
	{ "abc",
	  "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319" },
	{ TOK_A,
	  "6342b384e5d6294c5df1110132b93b97b395a2ff4cca498af637b3e06b3095dd" },
	{ TOK_B,
	  "b07cdddd208e5b02abc4a931798fd402aecc8e04e5473ff547a23a7c7e7ee66e" },
};

static void
test_hash_vectors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof hash_cases / sizeof hash_cases[0]; i++) {
		unsigned char	h[TOKEN_HASH_LEN];
		char		got[2 * TOKEN_HASH_LEN + 1];

		print_message("case %zu: %s\n", i, hash_cases[i].token);
		token_hash(hash_cases[i].token, h);
		hex(h, got);
		assert_string_equal(got, hash_cases[i].hex);
	}
}

static void
test_hash_distinct(void **state)
{
	char		a[TOKEN_LEN], b[TOKEN_LEN];
	unsigned char	ha[TOKEN_HASH_LEN], ha2[TOKEN_HASH_LEN];
	unsigned char	hb[TOKEN_HASH_LEN];

	(void)state;
	token_new(a);
	token_new(b);
	token_hash(a, ha);
	token_hash(a, ha2);
	token_hash(b, hb);
	assert_memory_equal(ha, ha2, TOKEN_HASH_LEN);	/* deterministic */
	assert_memory_not_equal(ha, hb, TOKEN_HASH_LEN);

	/* one character apart */
	memcpy(b, a, TOKEN_LEN);
	b[20] = b[20] == 'A' ? 'B' : 'A';
	token_hash(b, hb);
	assert_memory_not_equal(ha, hb, TOKEN_HASH_LEN);
}

static const unsigned char key_a[TOKEN_KEY_LEN] = { 1, 2, 3 };
static const unsigned char key_b[TOKEN_KEY_LEN] = { 1, 2, 4 };

/* token_derive: keyed, by purpose, deterministic, never the unkeyed hash */
static void
test_derive(void **state)
{
	char		a[TOKEN_LEN], again[TOKEN_LEN], other[TOKEN_LEN];
	unsigned char	plain[32];
	char		unkeyed[TOKEN_LEN];

	(void)state;
	token_derive(key_a, "idempotency", "7:retry-1", a);
	assert_int_equal(token_valid(a), 1);
	token_derive(key_a, "idempotency", "7:retry-1", again);
	assert_string_equal(a, again);
	token_derive(key_b, "idempotency", "7:retry-1", other);
	assert_string_not_equal(a, other);		/* another site's key */
	token_derive(key_a, "login", "7:retry-1", other);
	assert_string_not_equal(a, other);		/* another purpose */
	token_derive(key_a, "idempotency", "8:retry-1", other);
	assert_string_not_equal(a, other);		/* another person */
	/* what anyone could compute without the key is not it */
	crypto_generichash(plain, sizeof plain,
	    (const unsigned char *)"7:retry-1", 9, NULL, 0);
	sodium_bin2base64(unkeyed, sizeof unkeyed, plain, sizeof plain,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	assert_string_not_equal(a, unkeyed);
}

/* token_issue / token_was_issued: bound to key, purpose and holder */
static void
test_issue(void **state)
{
	char	t[TOKEN_LEN], u[TOKEN_LEN], forged[TOKEN_LEN];

	(void)state;
	token_issue(key_a, "request", "session-1", t);
	token_issue(key_a, "request", "session-1", u);
	assert_int_equal(token_valid(t), 1);
	assert_string_not_equal(t, u);			/* fresh each time */
	assert_int_equal(token_was_issued(key_a, "request", "session-1", t), 1);
	assert_int_equal(token_was_issued(key_a, "request", "session-1", u), 1);
	assert_int_equal(token_was_issued(key_a, "request", "session-2", t), 0);
	assert_int_equal(token_was_issued(key_b, "request", "session-1", t), 0);
	assert_int_equal(token_was_issued(key_a, "login", "session-1", t), 0);
	/* any character changed, or a made-up or malformed token */
	for (size_t i = 0; i < TOKEN_LEN - 1; i++) {
		memcpy(forged, t, TOKEN_LEN);
		forged[i] = forged[i] == 'A' ? 'B' : 'A';
		assert_int_equal(token_was_issued(key_a, "request", "session-1",
		    forged), 0);
	}
	assert_int_equal(token_was_issued(key_a, "request", "session-1",
	    TOK_A), 0);
	assert_int_equal(token_was_issued(key_a, "request", "session-1", ""),
	    0);
	assert_int_equal(token_was_issued(key_a, "request", "session-1", NULL),
	    0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_shape),
		cmocka_unit_test(test_new_distinct),
		cmocka_unit_test(test_valid_table),
		cmocka_unit_test(test_hash_vectors),
		cmocka_unit_test(test_hash_distinct),
		cmocka_unit_test(test_derive),
		cmocka_unit_test(test_issue),
	};

	return cmocka_run_group_tests_name("token", tests, setup, NULL);
}
