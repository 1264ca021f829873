/* user: a person known to roombook, as the programs need to know them. */
#ifndef ROOMBOOK_USER_H
#define ROOMBOOK_USER_H

#include <stddef.h>

struct db;
struct db_rows;

struct user {
	long long	id;
	/* Sized in bytes for their lengths in characters (UTF-8: 4 each). */
	char		login[257];
	char		name[801];	/* display name */
	int		admin;
	char		language[16];	/* as chosen on /account, or "" */
	char		time_zone[64];	/* as chosen on /account, or "" */
	long long	unread;		/* notifications not yet read, capped */
	int		decides;	/* decides some room's requests: 1, 0,
					   or -1 not read yet */
	long long	display_room;	/* a door display's account: its room
					   (lib/display); 0 a person */
};

/*
 * The navigation counts waiting requests and unread notices up to this
 * many ("100+"): counting thousands on every page costs a page's worth.
 */
#define COUNT_CAP	100
#define COUNT_CAP_SQL	"100"

/* n as the navigation shows it: "7", or "100+" from COUNT_CAP on. */
const char	*user_count_text(long long n, char *buf, size_t len);

/* The columns user_from_row reads, for SELECT lists: keep them in step. */
#define USER_COLUMNS	"u.id AS user_id, u.login AS user_login,"	\
			" u.display_name AS user_name, u.role AS user_role,"	\
			" u.language AS user_language,"		\
			" u.time_zone AS user_time_zone"

/* Copies the USER_COLUMNS of row `row` of rows into u. */
void	user_from_row(struct user *u, const struct db_rows *rows, size_t row);

/*
 * 1 if u may see and change what owner (a user id) made, e.g. a booking:
 * its owner, or an administrator.  The one rule every page, the API and
 * the state machine ask.
 */
int	user_may_act_for(const struct user *u, long long owner);

/*
 * Finds the active (not disabled) user with this login.  Returns 1 and
 * fills u, 0 if there is none, -1 if the database failed.
 */
int	user_find_active(struct db *db, const char *login, struct user *u);

/*
 * Active people whose login begins with text or whose name contains it
 * (id, login, display_name), by name, at most limit; for pickers.  NULL
 * if the database failed.
 */
struct db_rows	*user_search(struct db *db, const char *text, long long limit);

#endif
