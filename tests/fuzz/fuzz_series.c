/*
 * Fuzzes series_check and series_expand: any text as a recurrence rule.
 * A rule taken expands without harm: dates in order, none twice, none
 * after the horizon, no more than asked for; a rule refused says why.
 */
#include "fuzz.h"

#include "clock.h"
#include "series.h"

#define MAX	60

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_site_zone();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char			*s = fuzz_str(data, size), why[160];
	struct series_date	 d[MAX];
	long			 n;
	int			 more, ok;

	why[0] = '\0';
	ok = series_check(s, why, sizeof why) == 0;
	FUZZ_CHECK(ok || why[0] != '\0');
	n = series_expand(s, "2026-12-07", 600, 660, "2027-12-31", d, MAX,
	    &more);
	FUZZ_CHECK(ok ? n >= 0 : n == -1);
	for (long i = 0; i < n; i++) {
		FUZZ_CHECK(strlen(d[i].date) == 10);
		FUZZ_CHECK(strcmp(d[i].date, "2026-12-07") >= 0);
		FUZZ_CHECK(strcmp(d[i].date, "2027-12-31") <= 0);
		FUZZ_CHECK(i == 0 || strcmp(d[i - 1].date, d[i].date) < 0);
		FUZZ_CHECK(d[i].no_time || d[i].end > d[i].start);
	}
	FUZZ_CHECK(n <= MAX);
	free(s);
	return 0;
}
