/* request: one HTTP request as FastCGI hands it over, decoded and validated. */
#ifndef ROOMBOOK_REQUEST_H
#define ROOMBOOK_REQUEST_H

#include <stddef.h>
#include <time.h>

#include "display.h"
#include "user.h"
#include "utf8.h"

/* Limits: anything larger is refused before a handler runs. */
#define REQ_MAX_BODY	(64 * 1024)	/* form bodies; nginx caps uploads */
/* An upload (a form's file, an image) may be this much beyond the
 * configured largest photo: the form's other fields, its boundaries. */
#define REQ_UPLOAD_SLACK	(1024 * 1024)
#define REQ_MAX_PATH	2048
#define REQ_MAX_QUERY	8192
#define REQ_MAX_PARAMS	200
#define REQ_MAX_COOKIES	50

/* Methods as bits, so a route can allow several. */
enum method {
	M_OTHER		= 0,
	M_GET		= 1 << 0,
	M_HEAD		= 1 << 1,
	M_POST		= 1 << 2,
	M_PUT		= 1 << 3,
	M_PATCH		= 1 << 4,
	M_DELETE	= 1 << 5,
	M_OPTIONS	= 1 << 6,
};

/* The method named by s (exact, upper case), or M_OTHER. */
enum method	 method_from_name(const char *s);

struct param {
	char	*name;
	char	*value;
};

/* Ordered name/value pairs; a name may repeat. */
struct params {
	struct param	*v;
	size_t		 n;
};

/*
 * Decodes application/x-www-form-urlencoded s[0..len) (a query string or
 * a form body) into p, appending.  Every %XX must be two hex digits and
 * not %00, and every name and value valid UTF-8.  Returns 0, or 400 (bad
 * encoding, too many pairs) or 500 (out of memory) with the reason in *why.
 */
int		 params_parse_form(struct params *p, const char *s, size_t len,
		    const char **why);

/*
 * Parses a Cookie header ("a=1; b=2") into p.  Malformed pairs are
 * skipped, as browsers do, and so is every pair after REQ_MAX_COOKIES;
 * for a repeated name the first one wins in params_get.  Returns 0, or
 * 500 (out of memory).
 */
int		 params_parse_cookies(struct params *p, const char *header,
		    const char **why);

/*
 * Appends name=value (copied, not decoded), as if it had been sent: how a
 * form is prefilled.  Returns 0, or -1 on ENOMEM.
 */
int		 params_append(struct params *p, const char *name,
		    const char *value);

/*
 * Sets the first value of name (appends it if absent), e.g. a fresh token
 * in a form shown again.  Returns 0, or -1 on ENOMEM.
 */
int		 params_set(struct params *p, const char *name,
		    const char *value);

/* The first value of name, or NULL.  Borrowed from p. */
const char	*params_get(const struct params *p, const char *name);
/* How many times name occurs. */
size_t		 params_count(const struct params *p, const char *name);
/* Whether name occurs with value (a ticked box of several). */
int		 params_has(const struct params *p, const char *name,
		    const char *value);
/* Frees every pair; p is empty and reusable afterwards. */
void		 params_free(struct params *p);


/*
 * Decodes a URL path: %XX (strictly), no '+' conversion, no %00, no %2F
 * (an encoded slash would change routing), valid UTF-8.  Returns a string
 * the caller frees, or NULL with the reason in *why.
 */
char		*path_decode(const char *raw, size_t len, const char **why);

/*
 * s percent-encoded for use as a query value (RFC 3986 unreserved
 * characters stay).  A new string the caller frees, or NULL on ENOMEM.
 */
char		*url_encode(const char *s);

/* What was wrong with a request's input, field by field. */
#define REQ_MAX_ERRORS	16

struct req_errors {
	size_t		 n;
	struct {
		const char	*field;		/* a constant: a field's name */
		char		 message[200];
	}		 v[REQ_MAX_ERRORS];
};

/* Writes the response; set by whoever owns the connection. */
typedef int (*req_write_fn)(void *ctx, const char *data, size_t len);

struct route;
struct app;
struct uploads;

struct req {
	/* Input, valid after req_parse(). */
	char * const	*env;		/* FastCGI parameters, borrowed */
	enum method	 method;
	const char	*method_name;	/* borrowed from env */
	char		*path;		/* decoded */
	struct params	 query;
	struct params	 form;		/* urlencoded POST body, or a
					   multipart one's text fields */
	struct uploads	*files;		/* a multipart body's files, or
					   NULL (lib/multipart) */
	struct params	 cookies;
	char		*body;		/* raw body, NUL-terminated */
	size_t		 body_len;
	char		 rid[65];	/* request id from the gateway */
	const char	*error;		/* why the request was refused */
	const char	*error_field;	/* the input at fault, or NULL */
	char		 error_buf[512];	/* for req_errorf */
	int		 refused;	/* the handler refused (req_refuse) */
	struct req_errors errors;	/* every input at fault */

	/* Set by the dispatcher: who is asking (NULL: anonymous). */
	const struct user *user;	/* points at user_buf when set */
	struct user	 user_buf;
	char		 csrf[44];	/* token this request's forms carry */
	char		 session[44];	/* the session cookie, if live */
	int		 bearer;	/* user came with an API token */
	long long	 waiting;	/* session_waiting's count, once read */
	int		 waiting_read;
	int		 decides;	/* and whether they decide requests */
	/* Under /display/: the door display whose credential came, or
	   NULL; then user is its account. */
	const struct display *display;
	struct display	 display_buf;
	const char	*lang;		/* the reader's language (lib/i18n) */
	const struct app *app;
	time_t		 as_of;		/* data read from a lagging replica is
					   this old; 0: current */
	const struct route *route;
	char		 args[4][64];	/* {placeholder} values, in order */
	size_t		 nargs;

	/* Response state. */
	req_write_fn	 write;
	void		*write_ctx;
	int		 status;	/* 0 until a response was opened */
	char		*headers;	/* extra header lines, see resp_header */
	size_t		 headers_len;
};

/*
 * Fills r from the FastCGI parameters env (borrowed; must outlive r):
 * method, path, query string, cookies, request id.  Returns 0, or the
 * HTTP status to answer (400, 414, 500) with r->error set.
 */
int		 req_parse(struct req *r, char * const *env);

/*
 * Takes ownership of body[0..len) (NUL-terminated, from malloc) and, for
 * an urlencoded content type, decodes it into r->form.  Returns 0 or an
 * HTTP status (400, 415, 500) with r->error set.
 */
int		 req_set_body(struct req *r, char *body, size_t len);

/* The FastCGI parameter name (e.g. "CONTENT_TYPE", "HTTP_X_FOO"), or NULL. */
const char	*req_env(const struct req *r, const char *name);
/* Whether the request's If-None-Match names etag (or is "*"). */
int		 req_unchanged(const struct req *r, const char *etag);

/* The request's declared body length; -1 if malformed. */
long long	 req_content_length(const struct req *r);

/*
 * Sets r->error to a formatted message (kept in r), fmt in the reader's
 * language.  Returns r->error.
 */
const char	*req_errorf(struct req *r, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/*
 * Refuses r: the dispatcher answers status with message (in the reader's
 * language, copied into r)
 * and the input at fault (NULL: none, else a constant) as the JSON error
 * under /api/, else as the route's form shown again with the message at
 * its field, or as the error page.  Returns status, for the handler to
 * return: handlers write no error answers themselves.
 */
int		 req_refuse(struct req *r, int status, const char *message,
		    const char *field);

/*
 * Records what was wrong with field (a constant) for the form again, in
 * the reader's language.
 */
void		 req_field_error(struct req *r, const char *field,
		    const char *message);

/* Releases everything r owns (not r itself). */
void		 req_free(struct req *r);

#endif
