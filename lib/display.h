/*
 * display: door displays.  A tablet by a room's door is paired with that
 * room by a one-time link an administrator makes; opening it stores a
 * long-lived credential on the tablet (a cookie under /display/).  Both
 * are kept only as hashes.  A display acts through an account of its own
 * (role 'display', disabled: nobody logs in as it), so what it books and
 * checks in carries its name; its credential opens its room's display
 * and nothing else, until revoked.
 */
#ifndef ROOMBOOK_DISPLAY_H
#define ROOMBOOK_DISPLAY_H

#include "token.h"
#include "user.h"

struct db;
struct db_rows;

/* How long a pairing link works. */
#define DISPLAY_PAIRING_HOURS		24
#define DISPLAY_PAIRING_HOURS_SQL	"24"

/* A display as its credential opens it. */
struct display {
	long long	 id, room;
	char		 name[401];
	char		 room_name[801];
	char		 language[16];	/* "" the site's */
	struct user	 account;	/* who acts for it */
	/* What its room's day shows follows from: the epoch and the day's
	   version (display_find's day). */
	char		 version[64];
};

enum display_result {
	DISPLAY_OK,
	DISPLAY_NOT_FOUND,	/* no such display (or room), or revoked */
	DISPLAY_LINK_USED,	/* the pairing link is unknown, used or old */
	DISPLAY_NAME_TAKEN,	/* the room has a display by that name */
	DISPLAY_DB_ERROR,	/* see db_last_error */
};

/*
 * Adds a display called name (shown in language, "" the site's) to room,
 * made by administrator by: its id into *id and its pairing link's token
 * into token.
 */
enum display_result display_add(struct db *, long long room,
		    const char *name, const char *language, long long by,
		    long long *id, char token[TOKEN_LEN]);
/*
 * A new pairing link for display id into token, for a new tablet or the
 * same one again; the credential it had keeps working until the link is
 * used.
 */
enum display_result display_relink(struct db *, long long id,
		    char token[TOKEN_LEN]);
/*
 * Pairs the display whose link token is: a new credential into
 * credential, the link used up, and the display into *d.
 */
enum display_result display_pair(struct db *, const char *token,
		    char credential[TOKEN_LEN], struct display *d);
/*
 * The live display credential opens, into *d, with its room's version on
 * local date day ("YYYY-MM-DD", the site's): 1, 0 when none, -1.  Notes
 * when it was last seen (once a minute) unless read_only.
 */
int		 display_find(struct db *, const char *credential,
		    const char *day, int read_only, struct display *d);
/*
 * Revokes display id of room (0: whichever): its credential and link
 * stop working.
 */
enum display_result display_revoke(struct db *, long long room,
		    long long id);
/*
 * The displays of room (0: every room), newest first: id, room_id, room,
 * name, language, created_at, paired_at, last_seen_at, revoked_at,
 * linked (a pairing link waits).
 */
struct db_rows	*display_list(struct db *, long long room);

#endif
