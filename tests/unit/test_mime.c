/* Unit tests of lib/mime: headers that cannot be forged, encodings that
   keep every line within bounds, the parts an invitation needs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "mime.h"

static const struct mime_message plain = {
	.from_name = "roombook", .from = "rooms@example.org",
	.to_name = "Alice", .to = "alice@example.org", .subject = "Hello",
	.date = 1796000000, .message_id = "roombook-1@example.org",
	.text = "Hello\n", .html = "<p>Hello</p>\n",
};

/* Every line ends in CRLF and is at most 78 characters before it. */
static void
assert_lines_bounded(const char *m, size_t len)
{
	size_t start = 0;

	for (size_t i = 0; i < len; i++) {
		if (m[i] == '\n') {
			assert_true(i > 0 && m[i - 1] == '\r');
			assert_true(i - 1 - start <= 78);
			start = i + 1;
		} else if (m[i] == '\r')
			assert_true(i + 1 < len && m[i + 1] == '\n');
	}
}

static char *
build(const struct mime_message *m, size_t *len)
{
	char *out = mime_message(m, len);

	assert_non_null(out);
	assert_int_equal(strlen(out), *len);
	assert_lines_bounded(out, *len);
	return out;
}

static void
test_a_value_cannot_add_a_header(void **state)
{
	struct mime_message	 m = plain;
	size_t			 len;
	char			*out;

	(void)state;
	m.subject = "Hi\r\nBcc: victim@example.org";
	m.to_name = "Eve\"\r\nX-Evil: 1";
	out = build(&m, &len);
	assert_null(strstr(out, "\r\nBcc:"));
	assert_null(strstr(out, "\r\nX-Evil:"));
	assert_non_null(strstr(out, "To: \"Eve\\\"  X-Evil: 1\" <alice@example.org>"));
	free(out);
}

/* Decodes the encoded words of the Subject line and checks their sizes. */
static void
test_words_beyond_ascii_are_encoded_and_come_back_whole(void **state)
{
	struct mime_message	 m = plain;
	const char		*subject = "확정됨: 분기별 검토 회의 — 베를린 회의실, "
				    "2026년 12월 9일 (수) 08:00–09:00";
	char			 back[400] = "", *out, *p;
	size_t			 len;

	(void)state;
	m.subject = subject;
	out = build(&m, &len);
	p = strstr(out, "Subject: ");
	assert_non_null(p);
	for (p = strstr(p, "=?UTF-8?B?"); p != NULL && p < strstr(out,
	    "\r\nDate:"); p = strstr(p, "=?UTF-8?B?")) {
		char		*end = strstr(p, "?=");
		unsigned char	 bin[100];
		size_t		 n;

		assert_non_null(end);
		assert_true(end + 2 - p <= 75);
		p += 10;
		assert_int_equal(sodium_base642bin(bin, sizeof bin, p,
		    (size_t)(end - p), NULL, &n, NULL,
		    sodium_base64_VARIANT_ORIGINAL), 0);
		strncat(back, (char *)bin, n);
		p = end + 2;
	}
	assert_string_equal(back, subject);
	free(out);
}

static void
test_quoted_printable_keeps_lines_short_and_escapes_what_it_must(void **state)
{
	struct mime_message	 m = plain;
	char			 text[600], *out;
	size_t			 len;

	(void)state;
	memset(text, 'a', 300);
	strcpy(text + 300, " a=b trailing \nnext\t\nend");
	m.text = text;
	out = build(&m, &len);
	assert_non_null(strstr(out, "a=3Db"));
	assert_non_null(strstr(out, "trailing=20\r\nnext=09\r\nend"));
	assert_non_null(strstr(out, "=\r\n"));		/* soft breaks */
	free(out);
}

static void
test_an_invitation_is_an_alternative_and_an_attachment(void **state)
{
	struct mime_message	 m = plain;
	char			*out;
	size_t			 len;

	(void)state;
	m.calendar = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
	m.method = "CANCEL";
	out = build(&m, &len);
	assert_non_null(strstr(out, "Content-Type: multipart/mixed;"));
	assert_non_null(strstr(out, "Content-Type: multipart/alternative;"));
	assert_non_null(strstr(out, "Content-Type: text/calendar; "
	    "charset=UTF-8; method=CANCEL"));
	assert_non_null(strstr(out, "filename=\"invite.ics\""));
	assert_non_null(strstr(out, "Message-ID: <roombook-1@example.org>"));
	assert_non_null(strstr(out, "Date: Mon, 30 Nov 2026 00:53:20 +0000"));
	free(out);
	m.calendar = NULL;
	out = build(&m, &len);
	assert_null(strstr(out, "multipart/mixed"));
	assert_null(strstr(out, "text/calendar"));
	free(out);
}

static void
test_addresses_mail_can_go_to(void **state)
{
	static const struct {
		const char	*address;
		int		 ok;
	} cases[] = {
		{ "alice@example.org", 1 }, { "a.b+c@sub.example.org", 1 },
		{ "", 0 }, { "alice", 0 }, { "@example.org", 0 },
		{ "alice@", 0 }, { "a@b@c", 0 }, { "a b@example.org", 0 },
		{ "a<b>@example.org", 0 }, { "a@example.org\r\nBcc: x", 0 },
		{ "a,b@example.org", 0 }, { "\"a\"@example.org", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(mime_address_ok(cases[i].address),
		    cases[i].ok);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_value_cannot_add_a_header),
		cmocka_unit_test(test_words_beyond_ascii_are_encoded_and_come_back_whole),
		cmocka_unit_test(test_quoted_printable_keeps_lines_short_and_escapes_what_it_must),
		cmocka_unit_test(test_an_invitation_is_an_alternative_and_an_attachment),
		cmocka_unit_test(test_addresses_mail_can_go_to),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
