/*
 * Unit tests of lib/input over the lists of lib/fields: forms, query
 * strings and JSON bodies, typed values, errors, refilling a template.
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

#include <jansson.h>

#include "fields.h"
#include "input.h"
#include "render.h"
#include "request.h"
#include "utf8.h"

/* Eight "ü" (two bytes each): 8 characters, 16 bytes. */
#define UE8	"%C3%BC%C3%BC%C3%BC%C3%BC%C3%BC%C3%BC%C3%BC%C3%BC"
#define M_FILL		"Please fill this in."
#define M_TWICE		"This field was sent twice."
#define M_LOGIN		"A login has at most 64 characters."
#define M_LOGIN_CTRL	"A login cannot contain control characters."
#define M_PW_LONG	"That password is too long."
#define M_SHORT		"Use at least 8 characters."
#define M_LONG		"Use at most 1024 bytes."
#define M_CTRL		"Use letters, digits, spaces and punctuation only."
#define M_TICK		"Tick the box, or leave it empty."
#define M_TOKEN_NAME	"Use up to 100 letters, digits, spaces and punctuation."
#define M_REASON	"Keep the reason to 500 characters."
#define M_ROOM		"Choose one from the list."
#define M_TITLE		"Keep the title to 200 characters."
#define M_NAMED		"Name a person by their login, or a guest by an " \
			"e-mail address of at most 254 characters."
#define M_LOGIN64	"A login has at most 64 characters."
#define M_BLANK		"Give the meeting a title."
#define M_PEOPLE	"Enter how many people will attend (at least 1)."
#define M_EXPIRED	"This form has expired; reload the page and try again."
#define M_NAME		"Use up to 100 letters, digits, spaces and punctuation."
#define M_LOCATION	"Use up to 200 letters, digits, spaces and punctuation."
#define M_SEATS		"Enter how many people it seats, from 1 to 10000."
#define M_DESC_LONG	"Keep it to 2000 characters."
#define M_DESC		"Use letters, digits, spaces and punctuation."
#define M_VERSION	"Reload the form and try again."
#define M_APPROVAL	"approval: \"required\" (its approvers decide each " \
			"request) or \"instant\" (confirmed at once)"
#define M_APPROVERS	"Give people by their login names, separated by commas."
#define M_GROUPS	"Give groups by their names."
#define M_BUFFER	"Enter the minutes to keep free, from 0 to 240."
#define M_FLOOR		"Choose a floor from the list."
#define M_FEATURES	"Give equipment by its names."
#define M_LIMIT		"Enter a whole number from 0 (no limit) to 1000, or " \
			"leave it empty for the site's limit."
#define M_HOURS		"Enter hours from 0 (no limit) to 168, or leave it " \
			"empty for the site's limit."
#define M_DAY		"Enter a day, like 2026-12-01."
#define M_TIME		"Enter a date and time, like 2026-12-01T09:30."
#define M_MINUTES	"Times fall on whole minutes (seconds must be 00)."
#define M_GAP		"That time does not exist on that day (the clocks " \
			"change)."
#define M_TYPE		"send the body as application/json"

/* A request token's shape: 43 base64url characters. */
#define TOK		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO-_"
/* The booking form but its room, title and attendees. */
#define BOOK_REST	"&starts_at=2027-01-11T10:00&ends_at=2027-01-11T11:00" \
			"&request_token=" TOK
/* The password form but its new password. */
#define PW		"current_password=old&confirm_password=c&"

/* 2027-01-11 10:00 in New York (EST): 15:00 UTC. */
#define T_1000		((time_t)1799679600)

/*
 * Error delimiters are not '<' and '>': ctemplate would take "<{{X}}" for
 * a tag name and cleanse it as one (spaces become '_').
 */
#define TPL_FILE	"t.tpl"
#define NP_FILE		"np.tpl"
#define TPL_TEXT	"{{%AUTOESCAPE context=\"HTML\"}}" \
			"[{{LOGIN}}][{{PASSWORD}}][{{NEXT}}]" \
			"{{#ERR_LOGIN}}(login: {{MESSAGE}}){{/ERR_LOGIN}}" \
			"{{#ERR_PASSWORD}}(password: {{MESSAGE}}){{/ERR_PASSWORD}}" \
			"{{#HAS_ERRORS}}!{{/HAS_ERRORS}}"

/* A temporary template directory for the group; the site's zone. */
struct fixture {
	char	dir[64];
	char	file[96];
};

static int
setup(void **state)
{
	struct fixture	*f;
	FILE		*fp;
	int		 ok;

	/* The test stack's site zone: not UTC, and with daylight saving. */
	if (setenv("TZ", "America/New_York", 1) == -1)
		return -1;
	tzset();
	if ((f = calloc(1, sizeof *f)) == NULL)
		return -1;
	snprintf(f->dir, sizeof f->dir, "/tmp/roombook-test-input-XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	snprintf(f->file, sizeof f->file, "%s/%s", f->dir, TPL_FILE);
	if ((fp = fopen(f->file, "w")) == NULL) {
		rmdir(f->dir);
		free(f);
		return -1;
	}
	ok = fputs(TPL_TEXT, fp) >= 0;
	ok = fclose(fp) == 0 && ok;
	if (!ok || render_init(f->dir) != 0) {
		/* cmocka skips the group teardown when setup fails */
		unlink(f->file);
		rmdir(f->dir);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;
	char		 np[128];

	if (f == NULL)
		return 0;
	/* np.tpl too, in case test_fill_secret_only failed before removing it */
	snprintf(np, sizeof np, "%s/" NP_FILE, f->dir);
	unlink(np);
	unlink(f->file);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* s with each '@' standing for pad 'x's (long values stay readable). */
static char *
expand(const char *s, size_t pad)
{
	size_t	 n = 0, ats = 0;
	char	*out;

	for (const char *p = s; *p != '\0'; p++)
		ats += *p == '@';
	out = malloc(strlen(s) + ats * pad + 1);
	assert_non_null(out);
	for (const char *p = s; *p != '\0'; p++)
		if (*p == '@') {
			memset(out + n, 'x', pad);
			n += pad;
		} else
			out[n++] = *p;
	out[n] = '\0';
	return out;
}

/* r as a POST of the urlencoded body (after expand).  Release: req_free. */
static void
req_with_form(struct req *r, const char *body, size_t pad)
{
	char		*s = expand(body, pad);
	const char	*why = NULL;

	memset(r, 0, sizeof *r);
	r->method = M_POST;
	assert_int_equal(params_parse_form(&r->form, s, strlen(s), &why), 0);
	free(s);
}

/* r as a GET with the query string q. */
static void
req_with_query(struct req *r, const char *q)
{
	const char *why = NULL;

	memset(r, 0, sizeof *r);
	r->method = M_GET;
	assert_int_equal(params_parse_form(&r->query, q, strlen(q), &why), 0);
}

/*
 * r as a POST of body[0..len) (NULL: none, as app.c leaves it) with the
 * content type type (NULL: none).  r owns a copy of the body.
 */
static void
req_with_body(struct req *r, const char *type, const char *body, size_t len)
{
	static char	 ct[128];
	static char	*env[2];

	memset(r, 0, sizeof *r);
	r->method = M_POST;
	env[0] = NULL;
	if (type != NULL) {
		snprintf(ct, sizeof ct, "CONTENT_TYPE=%s", type);
		env[0] = ct;
	}
	env[1] = NULL;
	r->env = env;
	if (body != NULL) {
		r->body = malloc(len + 1);
		assert_non_null(r->body);
		memcpy(r->body, body, len);
		r->body[len] = '\0';
		r->body_len = len;
	}
}

static void
req_with_json(struct req *r, const char *json)
{
	req_with_body(r, "application/json", json, strlen(json));
}

/* The request was refused with status 422, message at field. */
static void
assert_refused(const struct req *r, const char *message, const char *field)
{
	assert_true(r->refused);
	assert_non_null(r->error);
	assert_string_equal(r->error, message);
	if (field == NULL)
		assert_null(r->error_field);
	else {
		assert_non_null(r->error_field);
		assert_string_equal(r->error_field, field);
	}
}

/* input_form over the handlers' lists */

struct check_case {
	const struct input_field *const *fields;
	const char		*body;
	size_t			 pad;	/* length of '@' in body */
	size_t			 n;
	struct {
		const char	*field;
		const char	*message;
	}			 err[3];
};

static const struct check_case check_cases[] = {
	{ login_in, "login=alice&password=pw", 0, 0, { { NULL, NULL } } },
	{ login_in, "login=alice&password=pw&next=%2Fbookings", 0, 0,
	    { { NULL, NULL } } },
	{ login_in, "login=J%C3%BCrgen+M&password=pw", 0, 0, { { NULL, NULL } } },
	/* an optional field may be missing or empty */
	{ login_in, "login=alice&password=pw&next=", 0, 0, { { NULL, NULL } } },
	/* fields outside the list are ignored, even twice */
	{ login_in, "login=alice&password=pw&x=1&x=2", 0, 0, { { NULL, NULL } } },
	/* required: missing or empty */
	{ login_in, "password=pw", 0, 1, { { "login", M_FILL } } },
	{ login_in, "login=&password=pw", 0, 1, { { "login", M_FILL } } },
	{ login_in, "login=alice", 0, 1, { { "password", M_FILL } } },
	{ login_in, "login=alice&password", 0, 1, { { "password", M_FILL } } },
	/* several errors come in list order, not input order */
	{ login_in, "", 0, 2, { { "login", M_FILL }, { "password", M_FILL } } },
	{ login_in, "password=&login=", 0, 2,
	    { { "login", M_FILL }, { "password", M_FILL } } },
	/* twice, also when empty or optional */
	{ login_in, "login=a&login=b&password=pw", 0, 1, { { "login", M_TWICE } } },
	{ login_in, "login=a&login=a&password=pw", 0, 1, { { "login", M_TWICE } } },
	{ login_in, "login=&login=&password=pw", 0, 1, { { "login", M_TWICE } } },
	{ login_in, "login=a&password=b&password=c", 0, 1,
	    { { "password", M_TWICE } } },
	{ login_in, "login=a&password=b&next=1&next=2", 0, 1,
	    { { "next", M_TWICE } } },
	/* a login: at most 64 characters (not bytes), no controls */
	{ login_in, "login=@&password=pw", 64, 0, { { NULL, NULL } } },
	{ login_in, "login=@&password=pw", 65, 1, { { "login", M_LOGIN } } },
	{ login_in, "login=a+b.c-d_e%40f&password=pw", 0, 0, { { NULL, NULL } } },
	{ login_in, "login=al%09ice&password=pw", 0, 1, { { "login", M_LOGIN_CTRL } } },
	{ login_in, "login=al%1Bice&password=pw", 0, 1, { { "login", M_LOGIN_CTRL } } },
	{ login_in, "login=alice%0A&password=pw", 0, 1, { { "login", M_LOGIN_CTRL } } },
	{ login_in, "login=%7Falice&password=pw", 0, 1, { { "login", M_LOGIN_CTRL } } },
	{ login_in, "login=ali%C2%85ce&password=pw", 0, 1, { { "login", M_LOGIN_CTRL } } },
	{ login_in, "login=" UE8 UE8 UE8 UE8 UE8 UE8 UE8 UE8 "&password=pw", 0, 0,
	    { { NULL, NULL } } },
	{ login_in, "login=" UE8 UE8 UE8 UE8 UE8 UE8 UE8 UE8 "a&password=pw", 0, 1,
	    { { "login", M_LOGIN } } },
	/* a password to log in with: anything up to 1024, as typed */
	{ login_in, "login=a&password=@", 1024, 0, { { NULL, NULL } } },
	{ login_in, "login=a&password=@", 1025, 1, { { "password", M_PW_LONG } } },
	{ login_in, "login=a&password=+a%09b+", 0, 0, { { NULL, NULL } } },
	/* every kind at once */
	{ login_in, "next=1&login=@&next=2&password=", 65, 3,
	    { { "login", M_LOGIN }, { "password", M_FILL }, { "next", M_TWICE } } },

	/* a new password: 8 to 1024, no control characters */
	{ password_in, PW "new_password=correct+horse", 0, 0, { { NULL, NULL } } },
	{ password_in, PW "new_password=", 0, 1, { { "new_password", M_FILL } } },
	{ password_in, PW "new_password=@", 7, 1, { { "new_password", M_SHORT } } },
	{ password_in, PW "new_password=@", 8, 0, { { NULL, NULL } } },
	{ password_in, PW "new_password=1234+678", 0, 0, { { NULL, NULL } } },
	{ password_in, PW "new_password=@", 1024, 0, { { NULL, NULL } } },
	{ password_in, PW "new_password=@", 1025, 1, { { "new_password", M_LONG } } },
	{ password_in, PW "new_password=@%01", 8, 1, { { "new_password", M_CTRL } } },
	{ password_in, PW "new_password=abcd%0Aefgh", 0, 1,
	    { { "new_password", M_CTRL } } },
	{ password_in, PW "new_password=1234%09678", 0, 1,
	    { { "new_password", M_CTRL } } },
	{ password_in, PW "new_password=@%7F", 8, 1, { { "new_password", M_CTRL } } },
	{ password_in, PW "new_password=ab%01", 0, 1, { { "new_password", M_SHORT } } },
	/* eight bytes but four characters */
	{ password_in, PW "new_password=%C3%A4%C3%B6%C3%BC%C3%9F", 0, 1,
	    { { "new_password", M_SHORT } } },
	{ password_in, PW "new_password=%C3%A4%C3%B6%C3%BC%C3%9Fabcd", 0, 0,
	    { { NULL, NULL } } },
	{ password_in, PW "new_password=p%C3%A4sswort%21", 0, 0, { { NULL, NULL } } },
	{ password_in, PW "new_password=a&new_password=b", 0, 1,
	    { { "new_password", M_TWICE } } },
	{ password_in, PW "new_password=@&revoke_tokens=1", 8, 0,
	    { { NULL, NULL } } },
	{ password_in, PW "new_password=@&revoke_tokens=on", 8, 1,
	    { { "revoke_tokens", M_TICK } } },
	{ password_in, PW "new_password=@&revoke_tokens=0", 8, 1,
	    { { "revoke_tokens", M_TICK } } },
	{ password_in, "", 0, 3, { { "current_password", M_FILL },
	    { "new_password", M_FILL }, { "confirm_password", M_FILL } } },
	{ password_in, "current_password=@&new_password=abcdefgh&"
	    "confirm_password=abcdefgh", 1025, 1,
	    { { "current_password", M_PW_LONG } } },

	/* an API token's name */
	{ token_in, "name=calendar+sync", 0, 0, { { NULL, NULL } } },
	{ token_in, "name=", 0, 1, { { "name", M_FILL } } },
	{ token_in, "", 0, 1, { { "name", M_FILL } } },
	{ token_in, "name=@", 100, 0, { { NULL, NULL } } },
	{ token_in, "name=@", 101, 1, { { "name", M_TOKEN_NAME } } },
	{ token_in, "name=sync%01", 0, 1, { { "name", M_TOKEN_NAME } } },

	/* reasons: optional to cancel, required to deny or close a room */
	{ booking_cancel_in, "", 0, 0, { { NULL, NULL } } },
	{ booking_cancel_in, "reason=@", 500, 0, { { NULL, NULL } } },
	{ booking_cancel_in, "reason=@", 501, 1, { { "reason", M_REASON } } },
	{ deny_in, "", 0, 1, { { "reason", M_FILL } } },
	{ deny_in, "reason=Double+booked", 0, 0, { { NULL, NULL } } },
	{ room_close_in, "reason=", 0, 1, { { "reason", M_FILL } } },
	{ room_close_in, "reason=@", 501, 1, { { "reason", M_REASON } } },

	/* the booking request */
	{ booking_request_in, "room_id=1&title=Planning&attendees=3" BOOK_REST,
	    0, 0, { { NULL, NULL } } },
	{ booking_request_in, "room_id=1&title=@&attendees=3" BOOK_REST,
	    200, 0, { { NULL, NULL } } },
	{ booking_request_in, "room_id=1&title=@&attendees=3" BOOK_REST,
	    201, 1, { { "title", M_TITLE } } },
	{ booking_request_in, "room_id=1&title=+x%C2%A0&attendees=3" BOOK_REST,
	    0, 0, { { NULL, NULL } } },
	{ booking_request_in, "room_id=1&title=+++&attendees=3" BOOK_REST,
	    0, 1, { { "title", M_BLANK } } },
	{ booking_request_in, "room_id=1&title=+%C2%A0+&attendees=3" BOOK_REST,
	    0, 1, { { "title", M_BLANK } } },
	{ booking_request_in, "room_id=1&title=a%09b&attendees=3" BOOK_REST,
	    0, 1, { { "title", M_CTRL } } },
	{ booking_request_in, "room_id=1&title=T&attendees=0" BOOK_REST,
	    0, 1, { { "attendees", M_PEOPLE } } },
	{ booking_request_in, "room_id=1&title=T&attendees=1" BOOK_REST,
	    0, 0, { { NULL, NULL } } },
	{ booking_request_in, "room_id=1&title=T&attendees=10000" BOOK_REST,
	    0, 0, { { NULL, NULL } } },
	{ booking_request_in, "room_id=1&title=T&attendees=10001" BOOK_REST,
	    0, 1, { { "attendees", M_PEOPLE } } },
	{ booking_request_in, "room_id=1&title=T&attendees=x" BOOK_REST,
	    0, 1, { { "attendees", M_PEOPLE } } },
	{ booking_request_in, "room_id=1&title=T&attendees=-1" BOOK_REST,
	    0, 1, { { "attendees", M_PEOPLE } } },
	{ booking_request_in, "room_id=1&title=T&attendees=%2B3" BOOK_REST,
	    0, 1, { { "attendees", M_PEOPLE } } },
	{ booking_request_in, "room_id=1&title=T&attendees=03" BOOK_REST,
	    0, 1, { { "attendees", M_PEOPLE } } },
	{ booking_request_in, "room_id=1&title=T&attendees=3+" BOOK_REST,
	    0, 1, { { "attendees", M_PEOPLE } } },
	{ booking_request_in, "room_id=0&title=T&attendees=3" BOOK_REST,
	    0, 1, { { "room_id", M_ROOM } } },
	{ booking_request_in, "room_id=999999999999999999&title=T&attendees=3"
	    BOOK_REST, 0, 0, { { NULL, NULL } } },
	{ booking_request_in, "room_id=1000000000000000000&title=T&attendees=3"
	    BOOK_REST, 0, 1, { { "room_id", M_ROOM } } },
	{ booking_request_in, "room_id=1&title=T&attendees=3" BOOK_REST "x",
	    0, 1, { { "request_token", M_EXPIRED } } },
	{ booking_request_in, "title=&attendees=3" BOOK_REST,
	    0, 2, { { "room_id", M_FILL }, { "title", M_FILL } } },
	{ booking_request_in, "room_id=1&title=T&attendees=3&attendees=4"
	    BOOK_REST, 0, 1, { { "attendees", M_TWICE } } },

	/* a room */
	{ room_in, "name=Room+A&capacity=10", 0, 0, { { NULL, NULL } } },
	{ room_in, "name=Room+A&capacity=10&location=2nd+floor&description="
	    "a%0D%0Ab%09c&checkin_required=1&version=3", 0, 0,
	    { { NULL, NULL } } },
	{ room_in, "name=@&capacity=10", 100, 0, { { NULL, NULL } } },
	{ room_in, "name=@&capacity=10", 101, 1, { { "name", M_NAME } } },
	{ room_in, "name=Room%01A&capacity=10", 0, 1, { { "name", M_NAME } } },
	{ room_in, "name=Room%0AA&capacity=10", 0, 1, { { "name", M_NAME } } },
	{ room_in, "name=Room%C2%9BA&capacity=10", 0, 1, { { "name", M_NAME } } },
	{ room_in, "name=R&capacity=0", 0, 1, { { "capacity", M_SEATS } } },
	{ room_in, "name=R&capacity=10001", 0, 1, { { "capacity", M_SEATS } } },
	{ room_in, "name=R&capacity=x", 0, 1, { { "capacity", M_SEATS } } },
	{ room_in, "name=R&capacity=10000", 0, 0, { { NULL, NULL } } },
	{ room_in, "name=R&capacity=1&location=@", 200, 0, { { NULL, NULL } } },
	{ room_in, "name=R&capacity=1&location=@", 201, 1,
	    { { "location", M_LOCATION } } },
	{ room_in, "name=R&capacity=1&location=a%09b", 0, 1,
	    { { "location", M_LOCATION } } },
	{ room_in, "name=R&capacity=1&description=@", 2000, 0, { { NULL, NULL } } },
	{ room_in, "name=R&capacity=1&description=@", 2001, 1,
	    { { "description", M_DESC_LONG } } },
	{ room_in, "name=R&capacity=1&description=a%1Bb", 0, 1,
	    { { "description", M_DESC } } },
	{ room_in, "name=R&capacity=1&checkin_required=yes", 0, 1,
	    { { "checkin_required", M_TICK } } },
	{ room_in, "name=R&capacity=1&version=0", 0, 1,
	    { { "version", M_VERSION } } },
	{ room_in, "", 0, 2, { { "name", M_FILL }, { "capacity", M_FILL } } },
};

static void
test_form_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof check_cases / sizeof check_cases[0];
	    i++) {
		const struct check_case	*c = &check_cases[i];
		struct req		 r;
		struct input		 in;

		print_message("case %zu: %s (@ = %zu)\n", i, c->body, c->pad);
		req_with_form(&r, c->body, c->pad);
		assert_int_equal(input_form(&r, c->fields, &in),
		    c->n > 0 ? 422 : 0);
		assert_int_equal(r.errors.n, c->n);
		for (size_t j = 0; j < c->n; j++) {
			assert_string_equal(r.errors.v[j].field,
			    c->err[j].field);
			assert_string_equal(r.errors.v[j].message,
			    c->err[j].message);
		}
		if (c->n > 0)
			/* the first error is the request's answer */
			assert_refused(&r, c->err[0].message, c->err[0].field);
		else {
			assert_false(r.refused);
			assert_null(r.error);
		}
		req_free(&r);
	}
}

/* Errors are the request's: the first word on a field stands, up to a cap. */
static void
test_errors_append_cap(void **state)
{
	static const char *const names[] = {
		"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9",
		"f10", "f11", "f12", "f13", "f14", "f15", "f16", "f17",
	};
	struct req	r;
	struct input	in;

	(void)state;
	req_with_form(&r, "password=pw", 0);
	assert_int_equal(input_form(&r, login_in, &in), 422);
	req_field_error(&r, "login", "Not this one.");
	req_field_error(&r, "password", "Wrong login or password.");
	assert_int_equal(r.errors.n, 2);
	assert_string_equal(r.errors.v[0].field, "login");
	assert_string_equal(r.errors.v[0].message, M_FILL);
	assert_string_equal(r.errors.v[1].field, "password");
	assert_string_equal(r.errors.v[1].message, "Wrong login or password.");
	assert_refused(&r, M_FILL, "login");
	req_free(&r);

	memset(&r, 0, sizeof r);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		req_field_error(&r, names[i], names[i]);
		assert_int_equal(r.errors.n, i < REQ_MAX_ERRORS ? i + 1 :
		    REQ_MAX_ERRORS);
	}
	/* the first ones are kept, later ones dropped */
	for (size_t i = 0; i < REQ_MAX_ERRORS; i++)
		assert_string_equal(r.errors.v[i].message, names[i]);
	assert_false(r.refused);	/* an error alone refuses nothing */
}

/* Values that pass come out typed. */
static void
test_form_typed_values(void **state)
{
	struct req	r;
	struct input	in;

	(void)state;
	req_with_form(&r, "room_id=42&title=J%C3%BCrgen%27s+review&attendees=3"
	    "&starts_at=2027-01-11T10:00&ends_at=202701111130"
	    "&request_token=" TOK, 0);
	assert_int_equal(input_form(&r, booking_request_in, &in), 0);
	assert_int_equal(input_int(&in, "room_id"), 42);
	assert_int_equal(input_int(&in, "attendees"), 3);
	assert_string_equal(input_text(&in, "title"), "J\xc3\xbcrgen's review");
	assert_int_equal(input_time(&in, "starts_at"), T_1000);
	assert_int_equal(input_time(&in, "ends_at"), T_1000 + 5400);
	assert_string_equal(input_text(&in, "request_token"), TOK);
	assert_true(input_given(&in, "title"));
	/* the text as given, for a number too */
	assert_string_equal(input_text(&in, "room_id"), "42");
	/* a name no field has reads as absent */
	assert_false(input_given(&in, "nosuch"));
	assert_int_equal(input_int(&in, "nosuch"), 0);
	assert_null(input_text(&in, "nosuch"));
	assert_string_equal(input_name_sent(&in, "room_id"), "room_id");
	assert_string_equal(input_name_sent(&in, "nosuch"), "nosuch");
	assert_null(input_name_sent(&in, NULL));
	req_free(&r);

	/* a tick box ticks to 1; left out it is 0 and not given */
	req_with_form(&r, "name=R&capacity=12&checkin_required=1", 0);
	assert_int_equal(input_form(&r, room_in, &in), 0);
	assert_int_equal(input_int(&in, "checkin_required"), 1);
	assert_true(input_given(&in, "checkin_required"));
	assert_int_equal(input_int(&in, "capacity"), 12);
	assert_false(input_given(&in, "location"));
	assert_null(input_text(&in, "location"));
	assert_false(input_given(&in, "version"));
	assert_int_equal(input_int(&in, "version"), 0);
	req_free(&r);
	req_with_form(&r, "name=R&capacity=12&checkin_required=", 0);
	assert_int_equal(input_form(&r, room_in, &in), 0);
	assert_int_equal(input_int(&in, "checkin_required"), 0);
	assert_false(input_given(&in, "checkin_required"));
	req_free(&r);

	/* input_form reads the body, not the query string */
	req_with_form(&r, "name=R&capacity=12", 0);
	assert_int_equal(params_parse_form(&r.query, "capacity=0", 10,
	    &(const char *){ NULL }), 0);
	assert_int_equal(input_form(&r, room_in, &in), 0);
	assert_int_equal(input_int(&in, "capacity"), 12);
	req_free(&r);

	/* whatever in held before is gone */
	memset(&in, 0xa5, sizeof in);
	req_with_form(&r, "login=alice&password=pw", 0);
	assert_int_equal(input_form(&r, login_in, &in), 0);
	assert_null(input_text(&in, "next"));
	assert_null(in.json);
	req_free(&r);
}

/* Query strings: defaults, days, choices. */
struct query_case {
	const struct input_field *const *fields;
	const char	*query;
	const char	*field;		/* the value to look at */
	long long	 n;		/* its number */
	time_t		 t, t_end;	/* its moment(s) */
	const char	*error;		/* NULL: accepted */
};

static const struct query_case query_cases[] = {
	/* paging: the limit's default and limits */
	{ booking_list_query, "", "limit", 100, 0, 0, NULL },
	{ booking_list_query, "", "after", 0, 0, 0, NULL },
	{ booking_list_query, "", "user", 0, 0, 0, NULL },
	{ booking_list_query, "after=5&user=2", "after", 5, 0, 0, NULL },
	{ booking_list_query, "limit=1", "limit", 1, 0, 0, NULL },
	{ booking_list_query, "limit=500", "limit", API_PAGE_MAX, 0, 0, NULL },
	{ booking_list_query, "limit=501", "limit", 0, 0, 0,
	    "limit must be a whole number from 1 to 500" },
	{ booking_list_query, "limit=0", "limit", 0, 0, 0,
	    "limit must be a whole number from 1 to 500" },
	{ booking_list_query, "limit=", "limit", 100, 0, 0, NULL },
	{ booking_list_query, "after=-1", "after", 0, 0, 0,
	    "after must be a whole number from 0 to 999999999999999999" },
	{ booking_list_query, "user=0", "user", 0, 0, 0,
	    "user must be a whole number from 1 to 999999999999999999" },
	{ confirms_query, "", "limit", 100, 0, 0, NULL },
	{ booking_lists_query, "limit=7", "limit", 7, 0, 0, NULL },
	{ rooms_query, "", "min_capacity", 1, 0, 0, NULL },
	{ rooms_query, "min_capacity=12", "min_capacity", 12, 0, 0, NULL },
	{ rooms_query, "min_capacity=0", "min_capacity", 0, 0, 0,
	    "the minimum capacity must be a whole number from 1 to 10000" },
	/* days in the site's zone: 24 hours, 25 when the clocks go back */
	{ booking_new_query, "date=2027-01-11", "date", 0, 1799643600,
	    1799643600 + 86400, NULL },
	{ booking_new_query, "date=2026-11-01", "date", 0, 1793505600,
	    1793505600 + 90000, NULL },
	{ booking_new_query, "date=2027-03-14", "date", 0, 1805000400,
	    1805000400 + 82800, NULL },
	{ booking_new_query, "date=2027-02-30", "date", 0, 0, 0, M_DAY },
	{ booking_new_query, "date=2027-1-11", "date", 0, 0, 0, M_DAY },
	{ booking_new_query, "date=2027-01-11T10:00", "date", 0, 0, 0, M_DAY },
	{ booking_new_query, "start=2027-01-11T10:00", "start", 0, T_1000, 0,
	    NULL },
	/* of an hour that happens twice, the first */
	{ booking_new_query, "start=2026-11-01T01:30", "start", 0, 1793511000,
	    0, NULL },
	{ booking_new_query, "start=2027-03-14T02:30", "start", 0, 0, 0,
	    M_GAP },
	{ booking_new_query, "room_id=7", "room_id", 7, 0, 0, NULL },
	{ booking_new_query, "room_id=seven", "room_id", 0, 0, 0, M_ROOM },
	{ usage_query, "from=2027-01-11", "from", 0, 1799643600,
	    1799643600 + 86400, NULL },
	{ usage_query, "to=12/01/2026", "to", 0, 0, 0,
	    "dates must look like 2026-12-01" },
	{ day_query, "date=2027-01-11x", "date", 0, 0, 0,
	    "date must look like 2026-12-01" },
	/* choices */
	{ status_list_query, "status=pending", "status", 0, 0, 0, NULL },
	{ status_list_query, "status=released", "status", 0, 0, 0, NULL },
	{ status_list_query, "status=PENDING", "status", 0, 0, 0,
	    "status must be pending, confirmed, denied, cancelled, expired, "
	    "in_use, completed or released" },
	{ notifications_query, "unread=1", "unread", 0, 0, 0, NULL },
	{ notifications_query, "unread=2", "unread", 0, 0, 0,
	    "unread must be 0 or 1" },
	{ confirms_query, "status=BOOKED", "status", 0, 0, 0, NULL },
	{ confirms_query, "status=pending", "status", 0, 0, 0,
	    "status: only BOOKED (the requests waiting for a decision) is "
	    "listed here; see /api/bookingLists for the rest" },
	{ week_query, "week=2026-W49", "week", 0, 0, 0, NULL },
	{ week_query, "week=2026-W49x", "week", 0, 0, 0,
	    "week must look like 2026-W49" },
	{ status_list_query, "after=@", "after", 0, 0, 0, NULL },
};

static void
test_query_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof query_cases / sizeof query_cases[0];
	    i++) {
		const struct query_case	*c = &query_cases[i];
		const struct input_value *v;
		struct req		 r;
		struct input		 in;
		int			 status;

		print_message("case %zu: %s\n", i, c->query);
		req_with_query(&r, c->query);
		status = input_query(&r, c->fields, &in);
		if (c->error != NULL) {
			assert_int_equal(status, 422);
			assert_refused(&r, c->error, c->field);
			assert_int_equal(r.errors.n, 1);
			req_free(&r);
			continue;
		}
		assert_int_equal(status, 0);
		assert_false(r.refused);
		v = input_get(&in, c->field);
		assert_int_equal(v->n, c->n);
		assert_int_equal(v->t, c->t);
		assert_int_equal(v->t_end, c->t_end);
		req_free(&r);
	}
}

/* input_query reads the query string, not a form body. */
static void
test_query_not_form(void **state)
{
	struct req	r;
	struct input	in;

	(void)state;
	req_with_query(&r, "limit=20");
	assert_int_equal(params_parse_form(&r.form, "limit=501", 9,
	    &(const char *){ NULL }), 0);
	assert_int_equal(input_query(&r, booking_list_query, &in), 0);
	assert_int_equal(input_int(&in, "limit"), 20);
	req_free(&r);

	req_with_query(&r, "limit=5&limit=6");
	assert_int_equal(input_query(&r, booking_list_query, &in), 422);
	assert_refused(&r, M_TWICE, "limit");
	req_free(&r);
}

/* input_parse_time */

static void
test_origin_and_iso_times_mean_the_same_instant(void **state)
{
	static const char *const same[] = {
		"202701111000", "20270111100000", "2027-01-11T10:00",
		"2027-01-11T10:00:00", "2027-01-11T15:00Z",
		"2027-01-11T15:00:00Z", "2027-01-11T15:00z",
		"2027-01-11T16:00+01:00", "2027-01-11T05:00-10:00",
		"2027-01-11T15:00+00:00",
	};
	const char	*why;
	time_t		 t;

	(void)state;
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		print_message("case %zu: %s\n", i, same[i]);
		t = 0;
		assert_int_equal(input_parse_time(same[i], &t, &why), 0);
		assert_int_equal(t, T_1000);
	}
}

static void
test_malformed_or_impossible_times_are_refused(void **state)
{
	static const struct {
		const char	*s;
		const char	*why;
	} bad[] = {
		{ "",				M_TIME },
		{ "tomorrow",			M_TIME },
		{ "2027011110",			M_TIME },
		{ "2027011110000",		M_TIME },
		{ "20270111100030",		M_MINUTES },
		{ "2027-01-11",			M_TIME },
		{ "2027-01-11 10:00",		M_TIME },
		{ "2027-01-11T10:00:30",	M_MINUTES },
		{ "2027-01-11T10:00:30Z",	M_MINUTES },
		{ "2027-02-31T10:00Z",		M_TIME },
		{ "2027-02-31T10:00",		M_TIME },
		{ "202702311000",		M_TIME },
		{ "2027-01-11T10:00+25:00",	M_TIME },
		{ "2027-01-11T10:00+0100",	M_TIME },
		{ "2027-01-11T10:00X",		M_TIME },
		{ "2027-13-01T10:00",		M_TIME },
		{ "2027-01-11T10:00:0Z",	M_TIME },
		{ "2027-01-11T10:00:",		M_TIME },
		{ "0498-01-11T15:00Z",		M_TIME },	/* the forms' years */
		{ "1970-01-01T00:00Z",		M_TIME },
		/* skipped by daylight saving, however it is written */
		{ "2027-03-14T02:30",		M_GAP },
		{ "2027-03-14T02:30:00",	M_GAP },
		{ "202703140230",		M_GAP },
	};
	const char	*why;
	time_t		 t;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		print_message("case %zu: %s\n", i, bad[i].s);
		why = NULL;
		assert_int_equal(input_parse_time(bad[i].s, &t, &why), -1);
		assert_non_null(why);
		assert_string_equal(why, bad[i].why);
	}
}

/* The same value sent as a form and as JSON: the same answer. */

/* A valid value of every field of the two lists, as a form sends it. */
static const struct {
	const char	*name;
	const char	*value;
} base_values[] = {
	{ "room_id",		"1" },
	{ "starts_at",		"2027-01-11T10:00" },
	{ "ends_at",		"2027-01-11T11:00" },
	{ "title",		"Planning" },
	{ "attendees",		"3" },
	{ "private",		"1" },
	{ "request_token",	TOK },
	{ "name",		"Room A" },
	{ "location",		"2nd floor" },
	{ "capacity",		"10" },
	{ "description",	"Projector" },
	{ "checkin_required",	"1" },
	{ "version",		"3" },
	{ "participant",	"bob" },
	{ "owner",		"alice" },
	{ "find",		"" },
	{ "action",		"save" },
	{ "recurrence",		"FREQ=DAILY;COUNT=2" },
	{ "skip_conflicts",	"" },
	{ "preview",		"" },
	{ "approval",		"required" },
	{ "approvers",		"bob" },
	{ "approver_groups",	"Lab" },
	{ "bookable_by",	"Lab" },
	{ "buffer_minutes",	"10" },
	{ "max_per_day",	"2" },
	{ "max_per_week",	"5" },
	{ "max_hours_per_week",	"10" },
	{ "max_future",		"8" },
	{ "floor_id",		"4" },
	{ "features",		"Screen" },
};

struct same_case {
	const struct input_field *const *fields;
	const char	*name;		/* the field's (form) name */
	int		 number;	/* JSON: n as a number (1), a list of
					   the text (2), else the text */
	long long	 n;
	const char	*text;		/* '@' stands for pad 'x's */
	size_t		 pad;
	const char	*want;		/* the answer; NULL: accepted */
};

#define NUM(list, name, n, want)	{ list, name, 1, n, NULL, 0, want }
#define TXT(list, name, s, pad, want)	{ list, name, 0, 0, s, pad, want }
#define LST(list, name, s, pad, want)	{ list, name, 2, 0, s, pad, want }

static const struct same_case same_cases[] = {
	NUM(booking_request_in, "room_id", 0, M_ROOM),
	NUM(booking_request_in, "room_id", -1, M_ROOM),
	NUM(booking_request_in, "room_id", 1000000000000000000LL, M_ROOM),
	NUM(booking_request_in, "room_id", 999999999999999999LL, NULL),
	NUM(booking_request_in, "room_id", 42, NULL),
	TXT(booking_request_in, "starts_at", "", 0, M_FILL),
	TXT(booking_request_in, "starts_at", "tomorrow", 0, M_TIME),
	TXT(booking_request_in, "starts_at", "2027-01-11 10:00", 0, M_TIME),
	TXT(booking_request_in, "starts_at", "2027-02-31T10:00", 0, M_TIME),
	TXT(booking_request_in, "starts_at", "2027-01-11T10:00:30", 0,
	    M_MINUTES),
	TXT(booking_request_in, "starts_at", "20270111100030", 0, M_MINUTES),
	TXT(booking_request_in, "starts_at", "2027-03-14T02:30", 0, M_GAP),
	TXT(booking_request_in, "starts_at", "202703140230", 0, M_GAP),
	TXT(booking_request_in, "starts_at", "2027-01-11T15:00Z", 0, NULL),
	TXT(booking_request_in, "starts_at", "202701111000", 0, NULL),
	TXT(booking_request_in, "ends_at", "", 0, M_FILL),
	TXT(booking_request_in, "ends_at", "2027-01-11T11:00:01", 0,
	    M_MINUTES),
	TXT(booking_request_in, "ends_at", "2027-01-11T11:00+01:00", 0, NULL),
	TXT(booking_request_in, "title", "", 0, M_FILL),
	TXT(booking_request_in, "title", "@", 200, NULL),
	TXT(booking_request_in, "title", "@", 201, M_TITLE),
	TXT(booking_request_in, "title", "   ", 0, M_BLANK),
	TXT(booking_request_in, "title", " \xc2\xa0 ", 0, M_BLANK),
	TXT(booking_request_in, "title", "a\tb", 0, M_CTRL),
	TXT(booking_request_in, "title", "a\x7f", 0, M_CTRL),
	TXT(booking_request_in, "title", "a\xc2\x85", 0, M_CTRL),
	TXT(booking_request_in, "title", "J\xc3\xbcrgen's review", 0, NULL),
	NUM(booking_request_in, "attendees", 0, M_PEOPLE),
	NUM(booking_request_in, "attendees", -1, M_PEOPLE),
	NUM(booking_request_in, "attendees", 10001, M_PEOPLE),
	NUM(booking_request_in, "attendees", 1000000000000000000LL, M_PEOPLE),
	NUM(booking_request_in, "attendees", 1, NULL),
	NUM(booking_request_in, "attendees", 10000, NULL),
	NUM(booking_request_in, "private", 1, NULL),
	NUM(booking_request_in, "private", 2, M_TICK),
	NUM(booking_request_in, "private", -1, M_TICK),
	LST(booking_request_in, "participant", "bob", 0, NULL),
	LST(booking_request_in, "participant", "guest@example.com", 0, NULL),
	LST(booking_request_in, "participant", "@", 254, NULL),
	LST(booking_request_in, "participant", "@", 255, M_NAMED),
	LST(booking_request_in, "participant", "a\x1b" "b", 0, M_NAMED),
	TXT(booking_request_in, "owner", "alice", 0, NULL),
	TXT(booking_request_in, "owner", "@", 64, NULL),
	TXT(booking_request_in, "owner", "@", 65, M_LOGIN64),
	TXT(booking_request_in, "recurrence", "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6",
	    0, NULL),
	TXT(booking_request_in, "recurrence", "@", 300, NULL),
	TXT(booking_request_in, "recurrence", "@", 301,
	    "Keep the rule to 300 characters."),
	NUM(booking_request_in, "skip_conflicts", 1, NULL),
	NUM(booking_request_in, "skip_conflicts", 2, M_TICK),
	NUM(booking_request_in, "preview", 1, NULL),
	NUM(booking_request_in, "preview", -1, M_TICK),

	TXT(room_in, "name", "", 0, M_FILL),
	TXT(room_in, "name", "@", 100, NULL),
	TXT(room_in, "name", "@", 101, M_NAME),
	TXT(room_in, "name", "Room\x01", 0, M_NAME),
	TXT(room_in, "name", "Room\xc2\x85", 0, M_NAME),
	TXT(room_in, "name", "Salle \xc3\xa0 manger", 0, NULL),
	TXT(room_in, "location", "", 0, NULL),
	TXT(room_in, "location", "@", 200, NULL),
	TXT(room_in, "location", "@", 201, M_LOCATION),
	TXT(room_in, "location", "a\nb", 0, M_LOCATION),
	NUM(room_in, "capacity", 0, M_SEATS),
	NUM(room_in, "capacity", -3, M_SEATS),
	NUM(room_in, "capacity", 10001, M_SEATS),
	NUM(room_in, "capacity", 1, NULL),
	NUM(room_in, "capacity", 10000, NULL),
	TXT(room_in, "description", "", 0, NULL),
	TXT(room_in, "description", "@", 2000, NULL),
	TXT(room_in, "description", "@", 2001, M_DESC_LONG),
	TXT(room_in, "description", "a\r\nb\tc", 0, NULL),
	TXT(room_in, "description", "a\x1b", 0, M_DESC),
	NUM(room_in, "checkin_required", 1, NULL),
	NUM(room_in, "checkin_required", 2, M_TICK),
	NUM(room_in, "checkin_required", -1, M_TICK),
	TXT(room_in, "approval", "instant", 0, NULL),
	TXT(room_in, "approval", "sometimes", 0, M_APPROVAL),
	LST(room_in, "approvers", "bob, carol", 0, NULL),
	LST(room_in, "approvers", "@", 2000, NULL),
	LST(room_in, "approvers", "@", 2001, M_APPROVERS),
	LST(room_in, "approvers", "bob\x01", 0, M_APPROVERS),
	LST(room_in, "approver_groups", "Facilities", 0, NULL),
	LST(room_in, "approver_groups", "@", 101, M_GROUPS),
	LST(room_in, "bookable_by", "Lab team", 0, NULL),
	LST(room_in, "bookable_by", "a\nb", 0, M_GROUPS),
	NUM(room_in, "buffer_minutes", 0, NULL),
	NUM(room_in, "buffer_minutes", 240, NULL),
	NUM(room_in, "buffer_minutes", 241, M_BUFFER),
	NUM(room_in, "buffer_minutes", -5, M_BUFFER),
	NUM(room_in, "max_per_day", 0, NULL),
	NUM(room_in, "max_per_day", 1001, M_LIMIT),
	NUM(room_in, "max_per_week", 1000, NULL),
	NUM(room_in, "max_per_week", -1, M_LIMIT),
	NUM(room_in, "max_hours_per_week", 168, NULL),
	NUM(room_in, "max_hours_per_week", 169, M_HOURS),
	NUM(room_in, "max_future", 3, NULL),
	NUM(room_in, "max_future", 1001, M_LIMIT),
	NUM(room_in, "floor_id", 0, NULL),
	NUM(room_in, "floor_id", -1, M_FLOOR),
	NUM(room_in, "floor_id", 7, NULL),
	LST(room_in, "features", "Video conferencing", 0, NULL),
	LST(room_in, "features", "@", 101, M_FEATURES),
	LST(room_in, "features", "a\nb", 0, M_FEATURES),
};

static const char *
base_value(const char *name)
{
	for (size_t i = 0; i < sizeof base_values / sizeof base_values[0]; i++)
		if (strcmp(base_values[i].name, name) == 0)
			return base_values[i].value;
	fail_msg("no base value for %s", name);
	return NULL;
}

/* The form of fields with their base values, name set to value. */
static char *
same_form(const struct input_field *const *fields, const char *name,
    const char *value)
{
	size_t	 size = 1, off = 0;
	char	*s, *v;

	for (size_t i = 0; fields[i] != NULL; i++)
		size += strlen(fields[i]->name) + 2 + 3 * (strcmp(fields[i]->name,
		    name) == 0 ? strlen(value) : strlen(base_value(
		    fields[i]->name)));
	s = malloc(size);
	assert_non_null(s);
	s[0] = '\0';
	for (size_t i = 0; fields[i] != NULL; i++) {
		v = url_encode(strcmp(fields[i]->name, name) == 0 ? value :
		    base_value(fields[i]->name));
		assert_non_null(v);
		off += (size_t)snprintf(s + off, size - off, "%s%s=%s",
		    i > 0 ? "&" : "", fields[i]->name, v);
		free(v);
	}
	assert_true(off < size);
	return s;
}

/*
 * The body of fields taken in JSON with their base values, name set to j
 * (stolen: name is a field taken in JSON).
 */
static char *
same_json(const struct input_field *const *fields, const char *name,
    json_t *j)
{
	json_t	*o = json_object();
	char	*s;

	assert_non_null(o);
	for (size_t i = 0; fields[i] != NULL; i++) {
		const struct input_field	*f = fields[i];
		const char			*v;
		json_t				*m;

		if (f->json == NULL)
			continue;
		if (strcmp(f->name, name) == 0) {
			assert_int_equal(json_object_set_new(o, f->json, j), 0);
			continue;
		}
		v = base_value(f->name);
		if (f->type == IN_INT)
			m = json_integer(strtoll(v, NULL, 10));
		else if (f->type == IN_LIST)
			m = json_pack("[s]", v);
		else if (f->type == IN_FLAG)
			m = json_boolean(strcmp(v, "1") == 0);
		else
			m = json_string(v);
		assert_non_null(m);
		assert_int_equal(json_object_set_new(o, f->json, m), 0);
	}
	s = json_dumps(o, JSON_COMPACT);
	assert_non_null(s);
	json_decref(o);
	return s;
}

static const struct input_field *
field_in(const struct input_field *const *fields, const char *name)
{
	for (size_t i = 0; fields[i] != NULL; i++)
		if (strcmp(fields[i]->name, name) == 0)
			return fields[i];
	fail_msg("%s is no field of the list", name);
	return NULL;
}

static void
test_same_value_same_answer(void **state)
{
	const struct input_field *const *lists[] = { booking_request_in,
	    room_in };

	(void)state;
	/* every field taken in JSON has cases: a new one needs some too */
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
		for (size_t i = 0; lists[l][i] != NULL; i++) {
			size_t	n = 0;

			if (lists[l][i]->json == NULL)
				continue;
			for (size_t k = 0; k < sizeof same_cases /
			    sizeof same_cases[0]; k++)
				n += same_cases[k].fields == lists[l] &&
				    strcmp(same_cases[k].name,
				    lists[l][i]->name) == 0;
			print_message("%s: %zu cases\n", lists[l][i]->name, n);
			assert_true(n >= 2);
		}

	for (size_t k = 0; k < sizeof same_cases / sizeof same_cases[0];
	    k++) {
		const struct same_case	 *c = &same_cases[k];
		const struct input_field *f = field_in(c->fields, c->name);
		const struct input_value *fv, *jv;
		struct req		  fr, jr;
		struct input		  fin, jin;
		char			 *value, *body, num[24];
		int			  fs, js;

		assert_non_null(f->json);
		if (c->number == 1) {
			snprintf(num, sizeof num, "%lld", c->n);
			value = strdup(num);
		} else
			value = expand(c->text, c->pad);
		assert_non_null(value);
		print_message("case %zu: %s = %.40s\n", k, c->name, value);

		body = same_form(c->fields, c->name, value);
		req_with_form(&fr, body, 0);
		free(body);
		fs = input_form(&fr, c->fields, &fin);

		body = same_json(c->fields, c->name, c->number == 1 ?
		    json_integer(c->n) : c->number == 2 ? json_pack("[s]",
		    value) : json_string(value));
		req_with_json(&jr, body);
		free(body);
		js = input_json(&jr, c->fields, &jin);

		assert_int_equal(fs, js);
		if (c->want == NULL) {
			assert_int_equal(fs, 0);
			assert_false(fr.refused || jr.refused);
			fv = input_get(&fin, c->name);
			jv = input_get(&jin, c->name);
			assert_int_equal(fv->n, jv->n);
			assert_int_equal(fv->t, jv->t);
			assert_int_equal(fv->t_end, jv->t_end);
			if (fv->text == NULL)
				assert_null(jv->text);
			else {
				assert_non_null(jv->text);
				assert_string_equal(fv->text, jv->text);
			}
			assert_string_equal(fv->sent_as, f->name);
			assert_string_equal(jv->sent_as, f->json);
		} else {
			assert_int_equal(fs, 422);
			assert_refused(&fr, c->want, f->name);
			assert_refused(&jr, c->want, f->json);
			assert_int_equal(fr.errors.n, 1);
			assert_int_equal(jr.errors.n, 1);
		}
		input_free(&jin);
		req_free(&fr);
		req_free(&jr);
		free(value);
	}
}

/* input_json */

#define BOOKING_JSON	"\"roomId\":1,\"useStartDtm\":\"2027-01-11T10:00\"," \
			"\"useEndDtm\":\"202701111100\",\"title\":\"Planning\"," \
			"\"attendees\":3"

static void
test_json_typed_values(void **state)
{
	struct req	r;
	struct input	in;

	(void)state;
	req_with_json(&r, "{" BOOKING_JSON "}");
	assert_int_equal(input_json(&r, booking_request_in, &in), 0);
	assert_false(r.refused);
	assert_int_equal(input_int(&in, "room_id"), 1);
	assert_int_equal(input_int(&in, "attendees"), 3);
	assert_string_equal(input_text(&in, "title"), "Planning");
	assert_int_equal(input_time(&in, "starts_at"), T_1000);
	assert_int_equal(input_time(&in, "ends_at"), T_1000 + 3600);
	/* the form's request token is not taken in JSON */
	assert_false(input_given(&in, "request_token"));
	/* names the request used, for an error found later */
	assert_string_equal(input_name_sent(&in, "room_id"), "roomId");
	assert_string_equal(input_name_sent(&in, "starts_at"), "useStartDtm");
	assert_string_equal(input_name_sent(&in, "request_token"),
	    "request_token");
	assert_string_equal(input_name_sent(&in, "nosuch"), "nosuch");
	input_free(&in);
	assert_null(in.json);
	input_free(&in);	/* again: harmless */
	req_free(&r);

	/* the other names of the times */
	req_with_json(&r, "{\"roomId\":1,\"starts_at\":\"2027-01-11T15:00Z\","
	    "\"ends_at\":\"2027-01-11T11:00\",\"title\":\"T\",\"attendees\":3}");
	assert_int_equal(input_json(&r, booking_request_in, &in), 0);
	assert_int_equal(input_time(&in, "starts_at"), T_1000);
	assert_string_equal(input_name_sent(&in, "starts_at"), "starts_at");
	assert_string_equal(input_name_sent(&in, "ends_at"), "ends_at");
	input_free(&in);
	req_free(&r);

	/* a missing required member is named as JSON names it */
	req_with_json(&r, "{\"roomId\":1,\"useEndDtm\":\"202701111100\","
	    "\"title\":\"T\",\"attendees\":3}");
	assert_int_equal(input_json(&r, booking_request_in, &in), 422);
	assert_refused(&r, M_FILL, "useStartDtm");
	input_free(&in);
	req_free(&r);

	/* every missing one is recorded, the first is the answer */
	req_with_json(&r, "{}");
	assert_int_equal(input_json(&r, room_in, &in), 422);
	assert_refused(&r, M_FILL, "name");
	assert_int_equal(r.errors.n, 2);
	assert_string_equal(r.errors.v[1].field, "capacity");
	input_free(&in);
	req_free(&r);
}

/* The first error found is the answer, whatever kind a later one is. */
static void
test_json_first_error_is_the_answer(void **state)
{
	struct req	r;
	struct input	in;

	(void)state;
	req_with_json(&r, "{\"roomId\":0,\"useStartDtm\":\"2027-01-11T10:00\","
	    "\"useEndDtm\":\"202701111100\",\"title\":\"T\",\"attendees\":\"3\"}");
	assert_int_equal(input_json(&r, booking_request_in, &in), 422);
	assert_refused(&r, M_ROOM, "roomId");
	assert_string_equal(r.errors.v[0].field, "roomId");
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "{\"roomId\":0,\"useStartDtm\":\"2027-01-11T10:00\","
	    "\"starts_at\":\"2027-01-11T10:00\",\"useEndDtm\":\"202701111100\","
	    "\"title\":\"T\",\"attendees\":3}");
	assert_int_equal(input_json(&r, booking_request_in, &in), 422);
	assert_refused(&r, M_ROOM, "roomId");
	input_free(&in);
	req_free(&r);
}

static void
test_json_flags(void **state)
{
	static const struct {
		const char	*v;
		long long	 n;
		int		 given;
	} cases[] = {
		{ "true", 1, 1 }, { "1", 1, 1 }, { "false", 0, 0 },
		{ "0", 0, 0 },
	};
	struct req	r;
	struct input	in;
	char		body[128];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("case %zu: %s\n", i, cases[i].v);
		snprintf(body, sizeof body, "{\"name\":\"R\",\"capacity\":4,"
		    "\"checkinRequired\":%s}", cases[i].v);
		req_with_json(&r, body);
		assert_int_equal(input_json(&r, room_in, &in), 0);
		assert_int_equal(input_int(&in, "checkin_required"),
		    cases[i].n);
		assert_int_equal(input_given(&in, "checkin_required"),
		    cases[i].given);
		input_free(&in);
		req_free(&r);
	}
}

/* Bodies refused before any field is looked at, or for their members. */
struct body_case {
	const char	*type;		/* Content-Type; NULL: none */
	const char	*body;		/* NULL: no body */
	int		 status;
	const char	*error;		/* the whole message, or */
	const char	*prefix;	/* how it starts */
	const char	*field;
};

static const struct body_case body_cases[] = {
	{ "application/json; charset=utf-8", "{" BOOKING_JSON "}", 0,
	    NULL, NULL, NULL },
	{ "Application/JSON", "{" BOOKING_JSON "}", 0, NULL, NULL, NULL },
	{ "application/json ", "{" BOOKING_JSON "}", 0, NULL, NULL, NULL },
	/* not JSON */
	{ "text/plain", "{" BOOKING_JSON "}", 415, M_TYPE, NULL, NULL },
	{ NULL, "{" BOOKING_JSON "}", 415, M_TYPE, NULL, NULL },
	{ "", "{" BOOKING_JSON "}", 415, M_TYPE, NULL, NULL },
	{ "application/jsonx", "{" BOOKING_JSON "}", 415, M_TYPE, NULL, NULL },
	{ "application/x-www-form-urlencoded", "roomId=1", 415, M_TYPE, NULL,
	    NULL },
	/* not a JSON object */
	{ "application/json", NULL, 400,
	    "the body is not valid JSON: it is empty (at character 0)", NULL,
	    NULL },
	{ "application/json", "", 400, NULL, "the body is not valid JSON: ",
	    NULL },
	{ "application/json", "roomId=1", 400, NULL,
	    "the body is not valid JSON: ", NULL },
	{ "application/json", "{" BOOKING_JSON, 400, NULL,
	    "the body is not valid JSON: ", NULL },
	{ "application/json", "{" BOOKING_JSON ",\"title\":\"again\"}", 400,
	    NULL, "the body is not valid JSON: ", NULL },
	{ "application/json", "{" BOOKING_JSON "} {}", 400, NULL,
	    "the body is not valid JSON: ", NULL },
	{ "application/json", "[1]", 400, "the body must be a JSON object",
	    NULL, NULL },
	{ "application/json", "[]", 400, "the body must be a JSON object",
	    NULL, NULL },
	/* jansson takes only an array or an object at the top */
	{ "application/json", "\"x\"", 400, NULL,
	    "the body is not valid JSON: ", NULL },
	{ "application/json", "null", 400, NULL,
	    "the body is not valid JSON: ", NULL },
	/* a number beyond jansson's integers is no JSON it reads */
	{ "application/json", "{\"roomId\":1,\"useStartDtm\":\"2027-01-11T10:00\","
	    "\"useEndDtm\":\"202701111100\",\"title\":\"T\",\"attendees\":"
	    "10000000000000000000}", 400, NULL,
	    "the body is not valid JSON: too big integer", NULL },
	/* unknown members, the form's names among them */
	{ "application/json", "{" BOOKING_JSON ",\"room_id\":1}", 422,
	    "unknown field \"room_id\"", NULL, NULL },
	{ "application/json", "{" BOOKING_JSON ",\"request_token\":\"" TOK
	    "\"}", 422, "unknown field \"request_token\"", NULL, NULL },
	{ "application/json", "{" BOOKING_JSON ",\"\":1}", 422,
	    "unknown field \"\"", NULL, NULL },
	/* members of the wrong JSON type */
	{ "application/json", "{\"roomId\":1,\"useStartDtm\":\"2027-01-11T10:00\","
	    "\"useEndDtm\":\"202701111100\",\"title\":\"T\",\"attendees\":\"3\"}",
	    422, "attendees must be a whole number", NULL, "attendees" },
	{ "application/json", "{\"roomId\":1,\"useStartDtm\":\"2027-01-11T10:00\","
	    "\"useEndDtm\":\"202701111100\",\"title\":\"T\",\"attendees\":3.0}",
	    422, "attendees must be a whole number", NULL, "attendees" },
	{ "application/json", "{\"roomId\":\"1\",\"useStartDtm\":"
	    "\"2027-01-11T10:00\",\"useEndDtm\":\"202701111100\",\"title\":"
	    "\"T\",\"attendees\":3}", 422, "roomId must be a whole number",
	    NULL, "roomId" },
	{ "application/json", "{\"roomId\":1,\"useStartDtm\":202701111000,"
	    "\"useEndDtm\":\"202701111100\",\"title\":\"T\",\"attendees\":3}",
	    422, "useStartDtm must be a string", NULL, "useStartDtm" },
	{ "application/json", "{\"roomId\":1,\"useStartDtm\":\"2027-01-11T10:00\","
	    "\"useEndDtm\":\"202701111100\",\"title\":null,\"attendees\":3}",
	    422, "title must be a string", NULL, "title" },
	/* a NUL in a string: jansson reads none (no JSON_ALLOW_NUL) */
	{ "application/json", "{\"roomId\":1,\"useStartDtm\":\"2027-01-11T10:00\","
	    "\"useEndDtm\":\"202701111100\",\"title\":\"a\\u0000b\","
	    "\"attendees\":3}", 400, NULL, "the body is not valid JSON: ",
	    NULL },
	/* one time under both its names */
	{ "application/json", "{" BOOKING_JSON ",\"starts_at\":"
	    "\"2027-01-11T10:00\"}", 422,
	    "give useStartDtm or starts_at, not both", NULL, "useStartDtm" },
	{ "application/json", "{" BOOKING_JSON ",\"ends_at\":"
	    "\"2027-01-11T11:00\"}", 422,
	    "give useEndDtm or ends_at, not both", NULL, "useEndDtm" },
};

static void
test_json_refused_bodies(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof body_cases / sizeof body_cases[0]; i++) {
		const struct body_case	*c = &body_cases[i];
		struct req		 r;
		struct input		 in;

		print_message("case %zu: %s: %s\n", i, c->type ? c->type : "-",
		    c->body ? c->body : "(none)");
		req_with_body(&r, c->type, c->body, c->body ? strlen(c->body) :
		    0);
		assert_int_equal(input_json(&r, booking_request_in, &in),
		    c->status);
		if (c->status == 0)
			assert_false(r.refused);
		else {
			assert_true(r.refused);
			assert_non_null(r.error);
			assert_true(utf8_valid(r.error, strlen(r.error)));
			if (c->error != NULL)
				assert_string_equal(r.error, c->error);
			else
				assert_memory_equal(r.error, c->prefix,
				    strlen(c->prefix));
			if (c->field == NULL)
				assert_null(r.error_field);
			else
				assert_string_equal(r.error_field, c->field);
		}
		input_free(&in);
		req_free(&r);
	}
}

static void
test_json_patch(void **state)
{
	struct req	r;
	struct input	in;

	(void)state;
	/* a member left out is absent, even a required one */
	req_with_json(&r, "{}");
	assert_int_equal(input_json_patch(&r, room_change_in, &in), 0);
	for (size_t i = 0; room_change_in[i] != NULL; i++)
		assert_false(input_given(&in, room_change_in[i]->name));
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "{\"capacity\":5,\"checkinRequired\":true}");
	assert_int_equal(input_json_patch(&r, room_change_in, &in), 0);
	assert_int_equal(input_int(&in, "capacity"), 5);
	assert_int_equal(input_int(&in, "checkin_required"), 1);
	assert_false(input_given(&in, "name"));
	assert_string_equal(input_name_sent(&in, "capacity"), "capacity");
	assert_string_equal(input_name_sent(&in, "checkin_required"),
	    "checkinRequired");
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "{\"status\":\"N\",\"reason\":\"Flooded\"}");
	assert_int_equal(input_json_patch(&r, room_change_in, &in), 0);
	assert_string_equal(input_text(&in, "status"), "N");
	assert_string_equal(input_text(&in, "reason"), "Flooded");
	input_free(&in);
	req_free(&r);

	/* a required one may not be emptied */
	req_with_json(&r, "{\"name\":\"\"}");
	assert_int_equal(input_json_patch(&r, room_change_in, &in), 422);
	assert_refused(&r, M_FILL, "name");
	input_free(&in);
	req_free(&r);

	/* the limits hold as for a new room */
	req_with_json(&r, "{\"capacity\":0}");
	assert_int_equal(input_json_patch(&r, room_change_in, &in), 422);
	assert_refused(&r, M_SEATS, "capacity");
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "{\"status\":\"X\"}");
	assert_int_equal(input_json_patch(&r, room_change_in, &in), 422);
	assert_refused(&r, "status must be \"Y\" (available) or \"N\" "
	    "(unavailable, with a reason)", "status");
	input_free(&in);
	req_free(&r);

	/* the form's version is not taken in JSON */
	req_with_json(&r, "{\"version\":3}");
	assert_int_equal(input_json_patch(&r, room_change_in, &in), 422);
	assert_refused(&r, "unknown field \"version\"", NULL);
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "[]");
	assert_int_equal(input_json_patch(&r, room_change_in, &in), 400);
	input_free(&in);
	req_free(&r);
}

/* The decisions' and check-in's bodies. */
static void
test_json_other_lists(void **state)
{
	struct req	r;
	struct input	in;

	(void)state;
	req_with_json(&r, "{\"status\":\"DENIED\",\"reason\":\"Closed\"}");
	assert_int_equal(input_json(&r, decision_in, &in), 0);
	assert_string_equal(input_text(&in, "status"), "DENIED");
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "{\"status\":\"confirmed\"}");
	assert_int_equal(input_json(&r, decision_in, &in), 422);
	assert_refused(&r, "status must be CONFIRMED or DENIED", "status");
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "{\"bookingId\":17}");
	assert_int_equal(input_json(&r, checkin_in, &in), 0);
	assert_int_equal(input_int(&in, "booking_id"), 17);
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "{\"bookingId\":0}");
	assert_int_equal(input_json(&r, checkin_in, &in), 422);
	assert_refused(&r, "bookingId must be a booking's number (a whole "
	    "number from 1)", "bookingId");
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "{}");
	assert_int_equal(input_json(&r, checkout_in, &in), 0);
	assert_false(input_given(&in, "actual_end"));
	input_free(&in);
	req_free(&r);

	req_with_json(&r, "{\"realUseEndDtm\":\"20270111100030\"}");
	assert_int_equal(input_json(&r, checkout_in, &in), 422);
	assert_refused(&r, M_MINUTES, "realUseEndDtm");
	input_free(&in);
	req_free(&r);
}

static void
test_unknown_field_with_a_long_non_ascii_name_is_a_422(void **state)
{
	/* "a" and 40 "ä": the message keeps 60 bytes, "a" and 29 "ä". */
	static const char body[] = "{\"a"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\":1,\"title\":\"x\"}";
	struct req	r;
	struct input	in;

	(void)state;
	req_with_body(&r, "application/json", body, sizeof body - 1);
	assert_int_equal(input_json(&r, booking_request_in, &in), 422);
	assert_refused(&r, "unknown field \"a"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4"
	    "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\"", NULL);
	input_free(&in);
	req_free(&r);
}

static void
test_invalid_json_near_half_a_character_is_a_400(void **state)
{
	/* A bad escape, then "ǚ": jansson quotes only its first byte. */
	static const char body[] = "{\"title\":\"\\u0\xc7\x9a\"}";
	static const char want[] = "the body is not valid JSON: invalid "
	    "escape (at character";
	struct req	r;
	struct input	in;

	(void)state;
	req_with_body(&r, "application/json", body, sizeof body - 1);
	assert_int_equal(input_json(&r, booking_request_in, &in), 400);
	assert_true(r.refused);
	assert_null(r.error_field);
	assert_memory_equal(r.error, want, sizeof want - 1);
	assert_true(utf8_valid(r.error, strlen(r.error)));
	input_free(&in);
	req_free(&r);
}

/* input_fill, rendered through TPL_TEXT */

struct fill_case {
	const char	*body;
	const char	*field;		/* an error found after input_form */
	const char	*message;
	const char	*want;
};

static const struct fill_case fill_cases[] = {
	{ "login=alice&password=s3cret&next=hi", NULL, NULL,
	    "[alice][][hi]" },
	/* values are HTML-escaped */
	{ "login=%3Cb%3E&password=s3cret&next=%3Cscript%3E", NULL, NULL,
	    "[&lt;b&gt;][][&lt;script&gt;]" },
	{ "login=%22%27%26x&password=s3cret", NULL, NULL,
	    "[&quot;&#39;&amp;x][][]" },
	{ "login=J%C3%BCrgen&password=s3cret", NULL, NULL,
	    "[J\xc3\xbcrgen][][]" },
	/* an error: its section with the message, and HAS_ERRORS */
	{ "password=s3cret", NULL, NULL,
	    "[][][](login: " M_FILL ")!" },
	{ "login=a&login=b&password=s3cret", NULL, NULL,
	    "[a][][](login: " M_TWICE ")!" },
	/* the secret's own error shows, its value still does not */
	{ "login=alice&password=s3cret", "password", "Wrong login or password.",
	    "[alice][][](password: Wrong login or password.)!" },
	{ "", NULL, NULL,
	    "[][][](login: " M_FILL ")(password: " M_FILL ")!" },
	/* messages are escaped too */
	{ "login=alice&password=s3cret", "login", "a < b & \"c\"",
	    "[alice][][](login: a &lt; b &amp; &quot;c&quot;)!" },
	/* an error for a field the template has no section for */
	{ "login=alice&password=s3cret", "next", "Not now.",
	    "[alice][][]!" },
};

static void
test_fill_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof fill_cases / sizeof fill_cases[0]; i++) {
		const struct fill_case	*c = &fill_cases[i];
		struct req		 r;
		struct input		 in;
		struct tpl		*d;
		char			*out;
		size_t			 len = 0;

		print_message("case %zu: %s\n", i, c->body);
		req_with_form(&r, c->body, 0);
		input_form(&r, login_in, &in);
		if (c->field != NULL)
			req_field_error(&r, c->field, c->message);
		d = tpl_new();
		assert_non_null(d);
		input_fill(d, &r, login_in);
		out = render(TPL_FILE, d, &len);
		assert_non_null(out);
		assert_int_equal(len, strlen(out));
		assert_string_equal(out, c->want);
		assert_null(strstr(out, "s3cret"));
		free(out);
		tpl_free(d);
		req_free(&r);
	}
}

/* A new-password form never echoes what was typed, even when it is fine. */
static void
test_fill_secret_only(void **state)
{
	static const char	 text[] = "{{%AUTOESCAPE context=\"HTML\"}}"
				    "[{{CURRENT_PASSWORD}}][{{NEW_PASSWORD}}]"
				    "[{{CONFIRM_PASSWORD}}][{{REVOKE_TOKENS}}]"
				    "{{#ERR_NEW_PASSWORD}}({{MESSAGE}})"
				    "{{/ERR_NEW_PASSWORD}}"
				    "{{#HAS_ERRORS}}!{{/HAS_ERRORS}}";
	struct fixture		*f = *state;
	char			 path[128];
	FILE			*fp;
	struct req		 r;
	struct input		 in;
	struct tpl		*d;
	char			*out;
	size_t			 len;

	snprintf(path, sizeof path, "%s/" NP_FILE, f->dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	assert_true(fputs(text, fp) >= 0);
	assert_int_equal(fclose(fp), 0);

	req_with_form(&r, "current_password=0ld&new_password=s3cret-but-long"
	    "&confirm_password=s3cret-but-long&revoke_tokens=1", 0);
	assert_int_equal(input_form(&r, password_in, &in), 0);
	assert_non_null(d = tpl_new());
	input_fill(d, &r, password_in);
	assert_non_null(out = render(NP_FILE, d, &len));
	assert_string_equal(out, "[][][][1]");
	free(out);
	tpl_free(d);
	req_free(&r);

	req_with_form(&r, "current_password=0ld&new_password=s3cret"
	    "&confirm_password=s3cret", 0);
	assert_int_equal(input_form(&r, password_in, &in), 422);
	assert_non_null(d = tpl_new());
	input_fill(d, &r, password_in);
	assert_non_null(out = render(NP_FILE, d, &len));
	assert_string_equal(out, "[][][][](" M_SHORT ")!");
	free(out);
	tpl_free(d);
	req_free(&r);

	assert_int_equal(unlink(path), 0);	/* teardown removes it on failure */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_table),
		cmocka_unit_test(test_errors_append_cap),
		cmocka_unit_test(test_form_typed_values),
		cmocka_unit_test(test_query_table),
		cmocka_unit_test(test_query_not_form),
		cmocka_unit_test(test_origin_and_iso_times_mean_the_same_instant),
		cmocka_unit_test(test_malformed_or_impossible_times_are_refused),
		cmocka_unit_test(test_same_value_same_answer),
		cmocka_unit_test(test_json_typed_values),
		cmocka_unit_test(test_json_first_error_is_the_answer),
		cmocka_unit_test(test_json_flags),
		cmocka_unit_test(test_json_refused_bodies),
		cmocka_unit_test(test_json_patch),
		cmocka_unit_test(test_json_other_lists),
		cmocka_unit_test(test_unknown_field_with_a_long_non_ascii_name_is_a_422),
		cmocka_unit_test(test_invalid_json_near_half_a_character_is_a_400),
		cmocka_unit_test(test_fill_table),
		cmocka_unit_test(test_fill_secret_only),
	};

	return cmocka_run_group_tests_name("input", tests, setup, teardown);
}
