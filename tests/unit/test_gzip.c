/* Unit tests of lib/gzip: a page compressed around a kept part. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "gzip.h"

/* Inflates a gzip member as any client would; the text's length. */
static size_t
gunzip(const unsigned char *in, size_t len, char *out, size_t cap)
{
	z_stream z;

	memset(&z, 0, sizeof z);
	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);	/* gzip only */
	z.next_in = (unsigned char *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = (unsigned char *)out;
	z.avail_out = (uInt)cap;
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);	/* CRC, size checked */
	assert_int_equal(z.avail_in, 0);			/* one member, whole */
	inflateEnd(&z);
	return cap - z.avail_out;
}

static void
around(const char *before, const char *text, size_t text_len, const char *after)
{
	struct gzip_part	 part;
	unsigned char		*page;
	size_t			 len, got, bl = strlen(before), al = strlen(after);
	char			*out = malloc(bl + text_len + al + 1);

	assert_non_null(out);
	assert_int_equal(gzip_part_make(text, text_len, &part), 0);
	assert_non_null(page = gzip_around(before, bl, &part, after, al, &len));
	got = gunzip(page, len, out, bl + text_len + al + 1);
	assert_int_equal(got, bl + text_len + al);
	assert_memory_equal(out, before, bl);
	assert_memory_equal(out + bl, text, text_len);
	assert_memory_equal(out + bl + text_len, after, al);
	free(page);
	free(out);
	gzip_part_free(&part);
}

static void
test_the_parts_make_one_member(void **state)
{
	char	*big = malloc(300000);

	(void)state;
	assert_non_null(big);
	/* A grid-like repetitive text, longer than the deflate window. */
	for (size_t i = 0; i < 300000; i++)
		big[i] = "<td><a href=\"12.840\">+</a>"[i % 26] + (char)(i / 70000);
	around("<html><body>", big, 300000, "</body></html>");
	around("", big, 10, "");
	around("before", "", 0, "after");
	/* The same text around the part, which must not be referred to. */
	around("<td><a href=\"12.840\">+</a>", "<td><a href=\"12.840\">+</a>", 26,
	    "<td><a href=\"12.840\">+</a>");
	free(big);
}

static void
test_which_clients_accept_it(void **state)
{
	static const struct {
		const char	*header;
		int		 want;
	} cases[] = {
		{ "gzip", 1 }, { "gzip, deflate, br", 1 }, { "deflate, gzip", 1 },
		{ "br;q=1.0, gzip;q=0.8, *;q=0.1", 1 }, { "GZIP", 1 },
		{ "gzip;q=0", 0 }, { "gzip; q=0.000", 0 }, { "gzip;q=0.001", 1 },
		{ "*", 1 }, { "identity", 0 }, { "", 0 }, { NULL, 0 },
		{ "deflate, br", 0 }, { "x-gzip", 0 }, { "gzipped", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("case %zu\n", i);
		assert_int_equal(gzip_accepted(cases[i].header), cases[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_parts_make_one_member),
		cmocka_unit_test(test_which_clients_accept_it),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
