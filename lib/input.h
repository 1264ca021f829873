/*
 * input: what a handler takes, described once (lib/fields) and read alike
 * from a form, a query string or a JSON body.  The same bad value gets the
 * same status (422) and the same words whichever way it came; values that
 * pass come out typed, so handlers never parse them again.
 */
#ifndef ROOMBOOK_INPUT_H
#define ROOMBOOK_INPUT_H

#include <time.h>

#include "request.h"

struct tpl;

/* A further check of a value: NULL if acceptable, else what to tell. */
typedef const char *(*validator_fn)(const char *text);

enum input_type {
	IN_TEXT,	/* text; at most max characters (0: no limit) */
	IN_INT,		/* a whole number from min to max: .n */
	IN_TIME,	/* a moment: .t (see input_parse_time) */
	IN_DATE,	/* a day, 2026-12-01: .t its start, .t_end the next's */
	IN_FLAG,	/* a tick box: "1" or nothing; JSON 0, 1, true, false */
	IN_CHOICE,	/* one of .choices */
	IN_LIST,	/* texts: a form's repeated name, a JSON array of
			   strings; each at most max characters; .n counts
			   them (input_items reads them) */
};

enum input_flags {
	IN_REQUIRED	= 1 << 0,	/* missing or empty is an error */
	IN_SECRET	= 1 << 1,	/* never shown again in a form */
	IN_PLAIN	= 1 << 2,	/* IN_TEXT: no control characters */
	IN_BLANK_NONE	= 1 << 3,	/* IN_LIST: a form's empty value is no
					   item (a text box left empty) */
};

struct input_field {
	const char	*name;		/* form and query name */
	const char	*json;		/* JSON name; NULL: not taken in JSON */
	const char	*json_also;	/* another JSON name for it (or NULL) */
	enum input_type	 type;
	long long	 min, max;	/* limits, as the type says */
	long long	 dflt;		/* IN_INT: the value when absent */
	validator_fn	 valid;		/* checks after type and limits */
	const char	*says;		/* told when type, limits or
					   IN_PLAIN fail */
	const char * const *choices;	/* IN_CHOICE: NULL-terminated */
	unsigned	 flags;
};

/* A value that passed its field's checks. */
struct input_value {
	const char	*text;		/* as given; NULL if absent or empty */
	long long	 n;		/* IN_INT; IN_FLAG: 0 or 1 */
	time_t		 t, t_end;	/* IN_TIME, IN_DATE */
	const char	*sent_as;	/* the name it came under */
};

#define INPUT_MAX_FIELDS	24
#define INPUT_MAX_ITEMS		1000	/* of an IN_LIST */

struct input {
	const struct input_field *const *fields;
	struct input_value	 v[INPUT_MAX_FIELDS];
	void			*json;		/* the body the texts point into */
	const struct params	*pairs;		/* or the form or query's */
	char			 number[INPUT_MAX_FIELDS][24];
};

/*
 * Reads fields from r->form, from r->query, or from r's JSON body into in.
 * Each returns 0, or the status to answer with every error found in
 * r->errors and the first as r->error/r->error_field (req_refuse): 422
 * for a value that fails its field; for a body also 415 (not JSON), 400
 * (not a JSON object) and 422 for an unknown or mistyped member.  Call
 * input_free after input_json, whatever it returned.
 */
int	input_form(struct req *r, const struct input_field *const *fields,
	    struct input *in);
int	input_query(struct req *r, const struct input_field *const *fields,
	    struct input *in);
int	input_json(struct req *r, const struct input_field *const *fields,
	    struct input *in);
void	input_free(struct input *in);

/*
 * As input_json, for a change to some fields: one left out is absent (a
 * required one may not be emptied, though).
 */
int	input_json_patch(struct req *r, const struct input_field *const *fields,
	    struct input *in);

/* A field's value by its (form) name; absent values read as 0 or NULL. */
const struct input_value *input_get(const struct input *in, const char *name);
int		 input_given(const struct input *in, const char *name);
const char	*input_text(const struct input *in, const char *name);
long long	 input_int(const struct input *in, const char *name);
time_t		 input_time(const struct input *in, const char *name);

/*
 * The items of IN_LIST field name, into out (at most max): how many there
 * are.  They point into the request or the body (until input_free).
 */
size_t		 input_items(const struct input *in, const char *name,
		    const char **out, size_t max);

/* Whether field name came with the request (even empty: "[]"). */
int		 input_sent(const struct input *in, const char *name);

/* The field of fields whose (form) name is name, or NULL. */
const struct input_field *input_field_of(
		    const struct input_field *const *fields, const char *name);

/*
 * The name a field came under in this request (its JSON name in a body),
 * for an error found later; name itself if it is no field of in's.
 */
const char	*input_name_sent(const struct input *in, const char *name);

/*
 * Puts the form's values back into d as {{NAME}} (upper case; secret
 * fields stay empty) and each of r->errors as a section {{#ERR_NAME}}
 * with {{MESSAGE}}, plus {{#HAS_ERRORS}} if there are any.
 */
void	input_fill(struct tpl *d, const struct req *r,
	    const struct input_field *const *fields);

/*
 * A moment as people and scripts write it: 2026-12-01T09:30 (the form's
 * datetime-local, in the site's zone), with seconds (":00"), "Z" or an
 * offset; or the origin's yyyyMMddHHmm or yyyyMMddHHmmss (site's zone).
 * Returns 0, or -1 with what to tell in *why.
 */
int	input_parse_time(const char *s, time_t *t, const char **why);

#endif
