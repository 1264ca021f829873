/*
 * Unit tests of lib/i18n and lib/when: catalogs as msgfmt writes them,
 * the choice from Accept-Language, and dates in each language.  Uses the
 * catalogs `make` builds into build/i18n/locale.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "when.h"
#include "words.h"

#define LOCALE_DIR	"build/i18n/locale"

/* A directory holding one file that is no catalog, as name. */
static void
broken_catalog(const char *name, const char *bytes, size_t n, char dir[64])
{
	char	path[128];
	FILE	*f;

	snprintf(dir, 64, "/tmp/rb-i18n-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
}

static void
remove_catalog(const char *dir, const char *name)
{
	char path[128];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	unlink(path);
	rmdir(dir);
}

/* Runs first: a file that is no catalog stops the start, loading nothing. */
static void
test_a_broken_catalog_is_refused(void **state)
{
	static const char truncated[] = "\xde\x12\x04\x95\0\0\0\0\x05\0\0\0";
	char	dir[64], err[256];

	(void)state;
	broken_catalog("xx.mo", truncated, sizeof truncated - 1, dir);
	assert_int_equal(i18n_load(dir, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a catalog"));
	remove_catalog(dir, "xx.mo");
	broken_catalog("not_a_tag.mo", "", 0, dir);
	assert_int_equal(i18n_load(dir, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a language"));
	remove_catalog(dir, "not_a_tag.mo");
	assert_int_equal(i18n_count(), 1);	/* English alone */
	assert_null(i18n_known("xx"));
}

static void
test_catalogs_load_and_translate(void **state)
{
	char err[256];

	(void)state;
	assert_int_equal(i18n_load(LOCALE_DIR, err, sizeof err), 0);
	assert_true(i18n_count() >= 2);
	assert_string_equal(i18n_tag(0), "en");
	assert_string_equal(i18n_known("KO"), "ko");
	assert_string_equal(i18n_known("en"), "en");
	assert_null(i18n_known("xx"));
	assert_null(i18n_known(NULL));
	/* Each catalog names its language in itself. */
	assert_string_equal(i18n_text("ko", "English"), "한국어");
	assert_string_equal(i18n_text("en", "English"), "English");
	assert_string_not_equal(i18n_text("ko", "Log in"), "Log in");
	/* What a catalog lacks, and English, stay as written. */
	assert_string_equal(i18n_text("ko", "no such message, ever"),
	    "no such message, ever");
	assert_string_equal(i18n_text("xx", "Log in"), "Log in");
	assert_string_equal(i18n_text("ko", ""), "");
}

static void
test_accept_language_picks_the_best_we_have(void **state)
{
	static const struct {
		const char *header, *want;
	} cases[] = {
		{ "ko", "ko" },
		{ "ko-KR", "ko" },
		{ "KO-kr", "ko" },
		{ "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko" },
		{ "en-GB, ko;q=0.5", "en" },
		{ "fr, ko;q=0.5, en;q=0.2", "ko" },
		{ "fr, de;q=0.5", NULL },
		{ "fr, ko;q=0", NULL },		/* q=0: not acceptable */
		{ "*", NULL },
		{ "", NULL },
		{ "kor", NULL },		/* another language's tag */
		{ "k", NULL },
		{ ",,, ;q=1", NULL },
		{ "ko;q=bad", NULL },
	};

	(void)state;
	assert_null(i18n_accept(NULL));
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = i18n_accept(cases[i].header);

		print_message("%s\n", cases[i].header);
		if (cases[i].want == NULL)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].want);
	}
}

static void
test_dates_in_each_language(void **state)
{
	/* Monday 7 December 2026, 14:00 in New York. */
	const time_t	t = 1796670000;
	char		buf[128];

	(void)state;
	assert_string_equal(when_format("en", t, WHEN_MOMENT, buf, sizeof buf),
	    "Mon 07 Dec 2026, 14:00");
	assert_string_equal(when_format("ko", t, WHEN_MOMENT, buf, sizeof buf),
	    "2026년 12월 7일 (월) 14:00");
	assert_string_equal(when_format("en", t, WHEN_DAY, buf, sizeof buf),
	    "Monday 07 December 2026");
	assert_string_equal(when_format("ko", t, WHEN_DAY, buf, sizeof buf),
	    "2026년 12월 7일 월요일");
	assert_string_equal(when_format("ko", t, WHEN_SHORT_DAY, buf,
	    sizeof buf), "12월 7일 (월)");
	assert_string_equal(when_span("en", t, t + 3600, buf, sizeof buf),
	    "Mon 07 Dec 2026, 14:00\u201315:00");
	assert_string_equal(when_span("ko", t, t + 3600, buf, sizeof buf),
	    "2026년 12월 7일 (월) 14:00\u201315:00");
	/* Ending at midnight: the day it closes needs no date of its own. */
	assert_string_equal(when_span("en", t, t + 10 * 3600, buf, sizeof buf),
	    "Mon 07 Dec 2026, 14:00\u201324:00");
	assert_string_equal(when_format("en", t + 10 * 3600, WHEN_END_CLOCK,
	    buf, sizeof buf), "24:00");
	assert_string_equal(when_format("en", t + 10 * 3600, WHEN_CLOCK,
	    buf, sizeof buf), "00:00");
	assert_string_equal(when_format("en", t, WHEN_END_CLOCK, buf,
	    sizeof buf), "14:00");
	/* Across days: both moments whole. */
	assert_string_equal(when_span("en", t, t + 86400, buf, sizeof buf),
	    "Mon 07 Dec 2026, 14:00\u2013Tue 08 Dec 2026, 14:00");
	/* Too small a buffer gives nothing rather than half a date. */
	assert_string_equal(when_format("ko", t, WHEN_MOMENT, buf, 8), "");
}

/* A notice is stored as its kind and facts, and told in each language. */
static void
test_notices_are_told_in_the_readers_language(void **state)
{
	const struct notice_facts f = { .title = "팀 회의", .room = "Berlin",
	    .actor = "Ada Admin", .reason = "Board meeting",
	    .start = 1796670000, .end = 1796670000 + 3600 };
	char	*facts, buf[1024];

	(void)state;
	assert_non_null(facts = words_notice_facts(&f));
	assert_string_equal(words_notice("en", "denied", facts, "stored", buf,
	    sizeof buf), "Your booking \u201c팀 회의\u201d in Berlin, "
	    "Mon 07 Dec 2026, 14:00\u201315:00, was denied: Board meeting");
	words_notice("ko", "denied", facts, "stored", buf, sizeof buf);
	assert_non_null(strstr(buf, "팀 회의"));
	assert_non_null(strstr(buf, "2026년 12월 7일 (월) 14:00"));
	assert_non_null(strstr(buf, "Board meeting"));
	/* Older rows, or facts that cannot be read: the stored words. */
	assert_string_equal(words_notice("ko", NULL, NULL, "stored", buf,
	    sizeof buf), "stored");
	assert_string_equal(words_notice("ko", "denied", "{not json", "stored",
	    buf, sizeof buf), "stored");
	assert_string_equal(words_notice("ko", "no_such_kind", facts,
	    "stored", buf, sizeof buf), "stored");
	free(facts);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_broken_catalog_is_refused),
		cmocka_unit_test(test_catalogs_load_and_translate),
		cmocka_unit_test(test_accept_language_picks_the_best_we_have),
		cmocka_unit_test(test_dates_in_each_language),
		cmocka_unit_test(test_notices_are_told_in_the_readers_language),
	};

	if (setenv("TZ", "America/New_York", 1) == -1)
		return 1;
	tzset();
	return cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
}
