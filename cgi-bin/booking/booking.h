/* booking: handlers of the booking program. */
#ifndef ROOMBOOK_BOOKING_H
#define ROOMBOOK_BOOKING_H

#include "request.h"

/* GET /: the home page with today's figures.  200, 503 (database down). */
int	home_show(struct req *r);

/* GET /login: the login form (sets the pre-login form token).  200. */
int	login_form(struct req *r);
/* POST /login: 303 to the "next" path, or 401 (wrong login or password,
 * the same either way), 422 (a field missing). */
int	login_submit(struct req *r);
/* POST /logout: ends the session, 303 to the login page. */
int	logout(struct req *r);

/* GET /account: the person's details and password form.  200. */
int	account_show(struct req *r);
/* POST /account/password: 303 back, or 422 with the field at fault. */
int	account_password(struct req *r);

/* GET /admin: the administrators' start page with the people.  200. */
int	admin_home(struct req *r);

#endif
