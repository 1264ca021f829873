/* Unit tests of lib/password: argon2id hashes, verification, unknown users' timing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "password.h"

#define PW		"correct horse battery staple"
#define TIMING_RUNS	3

/* A hash of PW made once for the group; argon2id is slow on purpose. */
struct fixture {
	int	init;			/* what password_init returned */
	char	hash[PASSWORD_HASH_LEN];
};

static int
setup(void **state)
{
	struct fixture	*f;

	if ((f = calloc(1, sizeof *f)) == NULL)
		return -1;
	f->init = password_init();
	if (password_hash(PW, f->hash) != 0) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	free(*state);
	return 0;
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Seconds one password_verify(hash, pw) takes; its result in *ok. */
static double
timed_verify(const char *hash, const char *pw, int *ok)
{
	double	t0 = now();

	*ok = password_verify(hash, pw);
	return now() - t0;
}

/* The group setup calls password_init once, as a worker does. */
static void
test_init(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(f->init, 0);
}

static void
test_hash_shape(void **state)
{
	struct fixture	*f = *state;
	char		 again[PASSWORD_HASH_LEN];

	assert_non_null(memchr(f->hash, '\0', sizeof f->hash));
	assert_int_equal(strncmp(f->hash, "$argon2id$", 10), 0);
	assert_null(strstr(f->hash, PW));

	/* a random salt: the same password never hashes the same twice */
	assert_int_equal(password_hash(PW, again), 0);
	assert_int_equal(strncmp(again, "$argon2id$", 10), 0);
	assert_string_not_equal(again, f->hash);
	assert_int_equal(password_verify(again, PW), 1);
}

struct verify_case {
	const char	*pw;
	int		 want;
};

static const struct verify_case verify_cases[] = {
	{ PW,					1 },
	{ "correct horse battery stapl",	0 },
	{ PW "e",				0 },
	{ "Correct horse battery staple",	0 },
	{ PW " ",				0 },
	{ " " PW,				0 },
	{ "",					0 },
};

static void
test_verify_table(void **state)
{
	struct fixture	*f = *state;

	for (size_t i = 0; i < sizeof verify_cases / sizeof verify_cases[0];
	    i++) {
		print_message("case %zu: \"%s\"\n", i, verify_cases[i].pw);
		assert_int_equal(password_verify(f->hash, verify_cases[i].pw),
		    verify_cases[i].want);
	}
}

/* No hash (unknown user) or an empty one: never a match, not even for "". */
static void
test_verify_no_hash(void **state)
{
	(void)state;
	assert_int_equal(password_verify(NULL, PW), 0);
	assert_int_equal(password_verify(NULL, ""), 0);
	assert_int_equal(password_verify("", PW), 0);
	assert_int_equal(password_verify("", ""), 0);
}

/*
 * An unknown login must cost about what a wrong password costs, or the
 * response time tells which logins exist.  This guards that the dummy
 * hash is really verified: a shortcut would take microseconds against
 * argon2id's tens of milliseconds, so half is a wide margin for noise.
 */
static void
test_verify_timing(void **state)
{
	struct fixture	*f = *state;
	double		 wrong = 0, unknown = 0, empty = 0;
	int		 ok;

	(void)timed_verify(f->hash, "warm-up", &ok);
	for (int i = 0; i < TIMING_RUNS; i++) {
		wrong += timed_verify(f->hash, "wrong password", &ok);
		assert_int_equal(ok, 0);
		unknown += timed_verify(NULL, "wrong password", &ok);
		assert_int_equal(ok, 0);
		empty += timed_verify("", "wrong password", &ok);
		assert_int_equal(ok, 0);
	}
	print_message("wrong %.3fs, unknown %.3fs, empty hash %.3fs "
	    "(%d runs)\n", wrong, unknown, empty, TIMING_RUNS);
	assert_true(unknown >= 0.5 * wrong);
	assert_true(empty >= 0.5 * wrong);
}

/* A stored hash damaged in one of several ways never matches. */
static void
test_verify_corrupted(void **state)
{
	struct fixture	*f = *state;
	char		 bad[PASSWORD_HASH_LEN];
	size_t		 len = strlen(f->hash);
	char		*p;

	/* last character of the digest changed */
	memcpy(bad, f->hash, sizeof bad);
	bad[len - 1] = bad[len - 1] == 'A' ? 'B' : 'A';
	assert_int_equal(password_verify(bad, PW), 0);

	/* truncated digest */
	memcpy(bad, f->hash, sizeof bad);
	bad[len - 5] = '\0';
	assert_int_equal(password_verify(bad, PW), 0);

	/* the salt's first character changed: the digest no longer fits */
	memcpy(bad, f->hash, sizeof bad);
	p = strrchr(bad, '$');		/* "$m=...$salt$digest" */
	assert_non_null(p);
	while (p > bad && *--p != '$')
		;
	assert_true(p > bad);
	p[1] = p[1] == 'A' ? 'B' : 'A';
	assert_int_equal(password_verify(bad, PW), 0);

	/* another algorithm name */
	memcpy(bad, f->hash, sizeof bad);
	memcpy(bad, "$argon2xx$", 10);
	assert_int_equal(password_verify(bad, PW), 0);

	/* not a hash at all, or the password itself stored in the clear */
	assert_int_equal(password_verify("not a hash", PW), 0);
	assert_int_equal(password_verify("$argon2id$", PW), 0);
	assert_int_equal(password_verify(PW, PW), 0);
}

/* Multibyte UTF-8 round-trips byte for byte, without normalisation. */
static void
test_utf8(void **state)
{
	static const char	 pw[] = "p\xc3\xa4sswort \xe2\x82\xac "
				    "\xf0\x9f\x98\x80 \xe6\x97\xa5\xe6\x9c\xac";
	char			 h[PASSWORD_HASH_LEN];

	(void)state;
	assert_int_equal(password_hash(pw, h), 0);
	assert_int_equal(strncmp(h, "$argon2id$", 10), 0);
	assert_int_equal(password_verify(h, pw), 1);
	/* the same text with a decomposed umlaut (a + U+0308) is other bytes */
	assert_int_equal(password_verify(h, "pa\xcc\x88sswort \xe2\x82\xac "
	    "\xf0\x9f\x98\x80 \xe6\x97\xa5\xe6\x9c\xac"), 0);
	/* a truncated multibyte sequence */
	assert_int_equal(password_verify(h, "p\xc3"), 0);
}

/* The longest password the forms accept hashes and verifies. */
static void
test_max_len(void **state)
{
	char	pw[PASSWORD_MAX_LEN + 1];
	char	h[PASSWORD_HASH_LEN];

	(void)state;
	memset(pw, 'x', PASSWORD_MAX_LEN);
	pw[PASSWORD_MAX_LEN] = '\0';
	assert_int_equal(password_hash(pw, h), 0);
	assert_int_equal(password_verify(h, pw), 1);
	pw[PASSWORD_MAX_LEN - 1] = 'y';
	assert_int_equal(password_verify(h, pw), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_hash_shape),
		cmocka_unit_test(test_verify_table),
		cmocka_unit_test(test_verify_no_hash),
		cmocka_unit_test(test_verify_timing),
		cmocka_unit_test(test_verify_corrupted),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_max_len),
	};

	return cmocka_run_group_tests_name("password", tests, setup,
	    teardown);
}
