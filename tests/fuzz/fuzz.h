/* fuzz: what the libFuzzer harnesses share: their entry point, input copies, checks. */
#ifndef ROOMBOOK_FUZZ_H
#define ROOMBOOK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* libFuzzer calls it once per input; it returns 0. */
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* libFuzzer calls it once before the first input, if defined. */
int	LLVMFuzzerInitialize(int *argc, char ***argv);

/*
 * A broken invariant is a crash like any other: libFuzzer keeps the input
 * that broke it and the run fails.
 */
#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant broken: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* Running out of memory in a harness is not a finding: stop loudly. */
static inline void *
fuzz_alloc(size_t n)
{
	void	*p = malloc(n > 0 ? n : 1);

	if (p == NULL) {
		fprintf(stderr, "fuzz: out of memory\n");
		abort();
	}
	return p;
}

/*
 * data[0..size) as a C string, as the parsers that take one see it: it
 * ends at the first NUL byte.  malloc'd.
 */
static inline char *
fuzz_str(const uint8_t *data, size_t size)
{
	size_t	 n = strnlen((const char *)data, size);
	char	*s = fuzz_alloc(n + 1);

	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

/* The site zone of the test stack: not UTC, and with daylight saving. */
static inline void
fuzz_site_zone(void)
{
	if (setenv("TZ", "America/New_York", 1) == -1) {
		fprintf(stderr, "fuzz: setenv TZ failed\n");
		abort();
	}
	tzset();
}

#endif
