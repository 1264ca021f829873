/* session: who is making a request (cookie session or single sign-on) and CSRF. */
#ifndef ROOMBOOK_SESSION_H
#define ROOMBOOK_SESSION_H

#include "request.h"
#include "token.h"
#include "user.h"

#define SESSION_COOKIE	"rb_session"
/* Before login there is no session; this cookie carries the form token. */
#define LOGIN_COOKIE	"rb_login"
/* The language chosen on the login page (before a setting is stored). */
#define LANGUAGE_COOKIE	"rb_lang"
/* A door display's credential (lib/display), sent under /display/ only. */
#define DISPLAY_COOKIE	"rb_display"
#define DISPLAY_PATH	"/display/"
/* The hidden form field every POST form carries. */
#define CSRF_FIELD	"csrf"

/*
 * Finds who makes r: the user of a live session cookie, or in single
 * sign-on mode the user named by the configured header.  Sets r->user
 * (NULL: anonymous) and r->csrf (the token a POST must carry).  Extends
 * an idle session now and then.  Returns 0, or 403 (unknown single
 * sign-on user), 503 or 500.
 */
int	session_load(struct req *r);

/*
 * Adds the cookie name=value for path, HttpOnly (and Secure on an https
 * site), with extra attributes ("; Max-Age=600").  0, or 500 on ENOMEM.
 */
int	session_set_cookie(struct req *r, const char *name, const char *value,
	    const char *path, const char *extra);
/* Stores a door display's new credential on the screen (its cookie). */
int	session_display_paired(struct req *r, const char *credential);

/*
 * Starts a new session for u, ending r's current one (no fixation):
 * stores the token's hash and sets the cookie.  Returns 0, 503 or 500.
 */
int	session_start(struct req *r, const struct user *u);

/* Ends r's session: deletes it and expires the cookie.  0, 503 or 500. */
int	session_end(struct req *r);

/*
 * Gives an anonymous visitor the pre-login form token (cookie and
 * r->csrf) if it has none yet.  Returns 0 or 500.
 */
int	session_prelogin(struct req *r);

/*
 * Remembers in this browser a language chosen (a known tag from lib/i18n),
 * for the pages nginx serves itself too; NULL forgets it.  Returns 0, or
 * 500.
 */
int	session_remember_language(struct req *r, const char *tag);

/*
 * The token the forms of one page carry: made afresh for every page from
 * r->csrf (a random half and a keyed hash binding it), so that a
 * compressed page never repeats a secret an attacker could guess byte by
 * byte from its size (BREACH).  Empty when r has no r->csrf.
 */
void	session_form_token(const struct req *r, char out[TOKEN_LEN]);

/* 1 if r's form carries a token session_form_token made for r->csrf. */
int	session_csrf_ok(const struct req *r);

/*
 * A booking form's request token (its request sent twice is booked
 * once), issued to r's session: a token of another person's, or one made
 * up, is refused (session_request_token_ours).
 */
void	session_request_token(const struct req *r, char out[TOKEN_LEN]);
int	session_request_token_ours(const struct req *r, const char *token);

/*
 * How many requests wait for r's person's decision, up to COUNT_CAP: for
 * an administrator every one, for a room's approver their rooms' (0 for
 * anyone else; r->decides says whether they decide).  -1 if the
 * database failed.  Read once a request, however many parts of the page
 * show it.
 */
long long session_waiting(struct req *r);

#endif
