/* form: a handler's input declared as a table of fields with validators. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "clock.h"
#include "password.h"
#include "token.h"
#include "utf8.h"
#include "render.h"

void
form_error(struct form_errors *e, const char *field, const char *message)
{
	if (e->n < FORM_MAX_ERRORS) {
		e->v[e->n].field = field;
		e->v[e->n].message = message;
		e->n++;
	}
}

size_t
form_check(const struct req *r, const struct field *fields,
    struct form_errors *e)
{
	e->n = 0;
	for (const struct field *f = fields; f->name != NULL; f++) {
		const char	*v = params_get(&r->form, f->name);
		const char	*why;

		if (params_count(&r->form, f->name) > 1)
			form_error(e, f->name, "This field was sent twice.");
		else if (v == NULL || *v == '\0') {
			if (f->flags & F_REQUIRED)
				form_error(e, f->name, "Please fill this in.");
		} else if (f->valid != NULL && (why = f->valid(v)) != NULL)
			form_error(e, f->name, why);
	}
	return e->n;
}

/* "new_password" becomes "NEW_PASSWORD" (after prefix). */
static void
template_key(char *buf, size_t n, const char *prefix, const char *name)
{
	size_t	o = (size_t)snprintf(buf, n, "%s", prefix);

	for (; *name != '\0' && o + 1 < n; name++)
		buf[o++] = (char)toupper((unsigned char)*name);
	buf[o < n ? o : n - 1] = '\0';
}

void
form_fill(struct tpl *d, const struct req *r, const struct field *fields,
    const struct form_errors *e)
{
	char	key[80];

	for (const struct field *f = fields; f->name != NULL; f++) {
		template_key(key, sizeof key, "", f->name);
		if (!(f->flags & F_SECRET))
			tpl_set(d, key, params_get(&r->form, f->name));
	}
	for (size_t i = 0; i < e->n; i++) {
		template_key(key, sizeof key, "ERR_", e->v[i].field);
		tpl_set(tpl_section(d, key), "MESSAGE", e->v[i].message);
	}
	if (e->n > 0)
		tpl_show(d, "HAS_ERRORS");
}

static int
has_control(const char *s)
{
	return utf8_has_control(s, strlen(s));
}

const char *
valid_login(const char *v)
{
	if (has_control(v))
		return "A login cannot contain control characters.";
	if (utf8_length(v) > 64)
		return "A login has at most 64 characters.";
	return NULL;
}

const char *
valid_password_input(const char *v)
{
	if (strlen(v) > PASSWORD_MAX_LEN)
		return "That password is too long.";
	return NULL;
}

const char *
valid_new_password(const char *v)
{
	if (utf8_length(v) < PASSWORD_MIN_LEN)
		return "Use at least 8 characters.";
	if (strlen(v) > PASSWORD_MAX_LEN)
		return "Use at most 1024 bytes.";
	if (has_control(v))
		return "Use letters, digits, spaces and punctuation only.";
	return NULL;
}

const char *
valid_any(const char *v)
{
	(void)v;
	return NULL;
}

/* A whole decimal number from lo to hi, without sign or leading zero. */
static int
is_number(const char *v, long long lo, long long hi)
{
	long long	n;

	if (*v == '\0' || strlen(v) > 18 || strspn(v, "0123456789") !=
	    strlen(v) || (v[0] == '0' && v[1] != '\0'))
		return 0;
	n = strtoll(v, NULL, 10);
	return n >= lo && n <= hi;
}

const char *
valid_id(const char *v)
{
	return is_number(v, 1, 999999999999999999LL) ? NULL :
	    "Choose one from the list.";
}

const char *
valid_local_time(const char *v)
{
	time_t	t;

	switch (parse_local_input(v, &t)) {
	case LOCAL_OK:
		return NULL;
	case LOCAL_MISSING:
		return "That time does not exist on that day (the clocks "
		    "change).";
	case LOCAL_MALFORMED:
		break;
	}
	return "Enter a date and time, like 2026-12-01T09:30.";
}

/* Whether s shows nothing: only spaces, no-break spaces included. */
static int
is_blank(const char *s)
{
	while (*s == ' ' || strncmp(s, "\xc2\xa0", 2) == 0)
		s += *s == ' ' ? 1 : 2;
	return *s == '\0';
}

const char *
valid_title(const char *v)
{
	/* A booking is listed and linked by its title. */
	if (is_blank(v))
		return "Give the meeting a title.";
	if (has_control(v))
		return "Use letters, digits, spaces and punctuation only.";
	if (utf8_length(v) > 200)
		return "Keep the title to 200 characters.";
	return NULL;
}

const char *
valid_reason(const char *v)
{
	if (utf8_length(v) > 500)
		return "Keep the reason to 500 characters.";
	return NULL;
}

const char *
valid_attendees(const char *v)
{
	return is_number(v, 1, 10000) ? NULL :
	    "Enter how many people will attend (at least 1).";
}

const char *
valid_form_token(const char *v)
{
	return token_valid(v) ? NULL :
	    "This form has expired; reload the page and try again.";
}

const char *
valid_checkbox(const char *v)
{
	return *v == '\0' || strcmp(v, "1") == 0 ? NULL :
	    "Tick the box, or leave it empty.";
}

long long
form_int(const struct req *r, const char *name)
{
	const char *v = params_get(&r->form, name);

	return v != NULL ? strtoll(v, NULL, 10) : 0;
}
