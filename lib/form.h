/* form: a handler's input declared as a table of fields with validators. */
#ifndef ROOMBOOK_FORM_H
#define ROOMBOOK_FORM_H

#include <stddef.h>

#include "request.h"

struct tpl;

/* A validator: NULL if value is acceptable, else what to tell the person. */
typedef const char *(*validator_fn)(const char *value);

enum field_flags {
	F_REQUIRED	= 1 << 0,	/* missing or empty is an error */
	F_SECRET	= 1 << 1,	/* never echoed back into the form */
};

struct field {
	const char	*name;		/* form field; template keys derive */
	validator_fn	 valid;
	unsigned	 flags;
};

#define FORM_MAX_ERRORS	16

struct form_errors {
	size_t		 n;
	struct {
		const char *field;
		const char *message;
	}		 v[FORM_MAX_ERRORS];
};

/*
 * Checks r->form against fields (NULL-terminated by name): required
 * fields present and non-empty, no field given twice, each value passing
 * its validator.  Returns the number of errors, recorded in e.
 */
size_t	form_check(const struct req *r, const struct field *fields,
	    struct form_errors *e);

/* Records an error found later (e.g. a wrong password) for field. */
void	form_error(struct form_errors *e, const char *field,
	    const char *message);

/*
 * Puts the submitted values back into the template d as {{NAME}} (upper
 * case; F_SECRET fields stay empty) and each error as a section
 * {{#ERR_NAME}} with {{MESSAGE}}, plus {{#HAS_ERRORS}} if there are any.
 */
void	form_fill(struct tpl *d, const struct req *r, const struct field *fields,
	    const struct form_errors *e);

/* Validators shared by the forms. */
const char	*valid_login(const char *);	/* <= 64 characters, no controls */
const char	*valid_password_input(const char *);	/* as typed at login */
const char	*valid_new_password(const char *);	/* >= 8 characters */
const char	*valid_any(const char *);		/* anything (UTF-8) */
const char	*valid_id(const char *);		/* a positive id */
const char	*valid_local_time(const char *);	/* datetime-local */
const char	*valid_title(const char *);	/* 1-200 characters */
const char	*valid_reason(const char *);	/* at most 500 characters */
const char	*valid_attendees(const char *);	/* 1-10000 */
const char	*valid_form_token(const char *);	/* a one-time form token */
const char	*valid_checkbox(const char *);		/* absent, or "1" */

/* The value of a field that passed valid_id or valid_attendees. */
long long	 form_int(const struct req *r, const char *name);

#endif
