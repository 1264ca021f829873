/* mime: an Internet message with text, HTML and calendar parts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "clock.h"
#include "mime.h"

/*
 * The parts' boundaries: "=_" can appear in neither quoted-printable
 * ("=" always starts a hex pair or a soft break) nor base64, so no body
 * can contain them.
 */
#define MIXED	"=_roombook_mixed"
#define ALT	"=_roombook_alt"
#define CRLF	"\r\n"

/*
 * An encoded word carries at most 36 bytes (48 base64 characters): with
 * "Subject: " before it, a line stays within 78 characters.
 */
#define WORD_BYTES	36

int
mime_address_ok(const char *a)
{
	const char *at = strchr(a, '@');

	if (at == NULL || at == a || at[1] == '\0' || strchr(at + 1, '@') ||
	    strlen(a) > 254)
		return 0;
	for (; *a != '\0'; a++)
		if (*a <= ' ' || *a > '~' || strchr("\"<>(),;:\\[]", *a))
			return 0;
	return 1;
}

/* s with every control character a space: a value stays one value. */
static char *
header_safe(const char *s)
{
	char *t = strdup(s != NULL ? s : "");

	for (char *p = t; p != NULL && *p != '\0'; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	return t;
}

static int
ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s > '~')
			return 0;
	return 1;
}

/* s as encoded words, cut between UTF-8 characters, folded. */
static void
encoded_words(FILE *f, const char *s)
{
	char	b64[sodium_base64_ENCODED_LEN(WORD_BYTES,
		    sodium_base64_VARIANT_ORIGINAL)];
	size_t	len = strlen(s), n;

	for (size_t at = 0; at < len; at += n) {
		n = len - at < WORD_BYTES ? len - at : WORD_BYTES;
		/* Never split a character: back off its continuation bytes. */
		while (at + n < len && n > 0 &&
		    ((unsigned char)s[at + n] & 0xc0) == 0x80)
			n--;
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)s +
		    at, n, sodium_base64_VARIANT_ORIGINAL);
		fprintf(f, "%s=?UTF-8?B?%s?=", at > 0 ? CRLF " " : "", b64);
	}
}

/* An unstructured header (Subject). */
static int
header_text(FILE *f, const char *name, const char *value)
{
	char *v = header_safe(value);

	if (v == NULL)
		return -1;
	fprintf(f, "%s: ", name);
	if (ascii(v) && strstr(v, "=?") == NULL)
		fputs(v, f);
	else
		encoded_words(f, v);
	fputs(CRLF, f);
	free(v);
	return 0;
}

/* An address header: "Name" <address>, the name encoded if need be. */
static int
header_address(FILE *f, const char *name, const char *display,
    const char *address)
{
	char *v = header_safe(display);

	if (v == NULL)
		return -1;
	fprintf(f, "%s: ", name);
	if (*v != '\0' && ascii(v) && strstr(v, "=?") == NULL) {
		fputc('"', f);
		for (const char *p = v; *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				fputc('\\', f);
			fputc(*p, f);
		}
		fputs("\" ", f);
	} else if (*v != '\0') {
		encoded_words(f, v);
		fputc(' ', f);
	}
	fprintf(f, "<%s>" CRLF, address);
	free(v);
	return 0;
}

/* s as quoted-printable: lines of at most 76, CRLF line ends. */
static void
quoted_printable(FILE *f, const char *s)
{
	int col = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p != '\0';
	    p++) {
		int	last = p[1] == '\0' || p[1] == '\n' ||
			    (p[1] == '\r' && p[2] == '\n');
		int	plain = (*p >= 33 && *p <= 126 && *p != '=') ||
			    ((*p == ' ' || *p == '\t') && !last);
		int	width = plain ? 1 : 3;

		if (*p == '\r' && p[1] == '\n')
			continue;
		if (*p == '\n') {
			fputs(CRLF, f);
			col = 0;
			continue;
		}
		if (col + width > 75) {
			fputs("=" CRLF, f);
			col = 0;
		}
		if (plain)
			fputc(*p, f);
		else
			fprintf(f, "=%02X", *p);
		col += width;
	}
	fputs(CRLF, f);
}

static void
base64_lines(FILE *f, const char *s)
{
	char	line[sodium_base64_ENCODED_LEN(57,
		    sodium_base64_VARIANT_ORIGINAL)];
	size_t	len = strlen(s);

	for (size_t at = 0; at < len; at += 57) {
		sodium_bin2base64(line, sizeof line, (const unsigned char *)s +
		    at, len - at < 57 ? len - at : 57,
		    sodium_base64_VARIANT_ORIGINAL);
		fprintf(f, "%s" CRLF, line);
	}
}

static void
text_part(FILE *f, const char *type, const char *body)
{
	fprintf(f, "Content-Type: %s; charset=UTF-8" CRLF
	    "Content-Transfer-Encoding: quoted-printable" CRLF CRLF, type);
	quoted_printable(f, body);
}

static void
alternatives(FILE *f, const struct mime_message *m, const char *method)
{
	fputs("Content-Type: multipart/alternative; boundary=\"" ALT "\""
	    CRLF CRLF, f);
	fputs("--" ALT CRLF, f);
	text_part(f, "text/plain", m->text);
	fputs("--" ALT CRLF, f);
	text_part(f, "text/html", m->html);
	if (m->calendar != NULL) {
		fputs("--" ALT CRLF, f);
		fprintf(f, "Content-Type: text/calendar; charset=UTF-8; "
		    "method=%s" CRLF "Content-Transfer-Encoding: "
		    "quoted-printable" CRLF CRLF, method);
		quoted_printable(f, m->calendar);
	}
	fputs("--" ALT "--" CRLF, f);
}

char *
mime_message(const struct mime_message *m, size_t *len)
{
	char	*out = NULL, *method = NULL, date[INTERNET_TIME_LEN];
	FILE	*f;
	int	 bad;

	*len = 0;
	if (m->calendar != NULL && (method = header_safe(m->method)) == NULL)
		return NULL;
	if ((f = open_memstream(&out, len)) == NULL) {
		free(method);
		return NULL;
	}
	bad = header_address(f, "From", m->from_name, m->from) == -1 ||
	    header_address(f, "To", m->to_name, m->to) == -1 ||
	    header_text(f, "Subject", m->subject) == -1;
	fprintf(f, "Date: %s" CRLF, internet_time(m->date, "+0000", date));
	fprintf(f, "Message-ID: <%s>" CRLF, m->message_id);
	/* Out-of-office replies and the like: not to this. */
	fputs("Auto-Submitted: auto-generated" CRLF "MIME-Version: 1.0" CRLF, f);
	if (m->calendar == NULL)
		alternatives(f, m, NULL);
	else {
		fputs("Content-Type: multipart/mixed; boundary=\"" MIXED "\""
		    CRLF CRLF "--" MIXED CRLF, f);
		alternatives(f, m, method);
		fputs("--" MIXED CRLF, f);
		fprintf(f, "Content-Type: application/ics; name=\"invite.ics\""
		    CRLF "Content-Disposition: attachment; "
		    "filename=\"invite.ics\"" CRLF
		    "Content-Transfer-Encoding: base64" CRLF CRLF);
		base64_lines(f, m->calendar);
		fputs("--" MIXED "--" CRLF, f);
	}
	free(method);
	bad |= ferror(f);
	if (fclose(f) != 0 || bad) {
		free(out);
		return NULL;
	}
	return out;
}
