/*
 * privacy: what a reader may see of a booking that is not theirs.  The
 * owner and administrators see everything; colleagues see who holds the
 * room when the site says so (privacy.show_owner), and of a private
 * booking never the title.
 */
#ifndef ROOMBOOK_PRIVACY_H
#define ROOMBOOK_PRIVACY_H

struct req;

struct booking_seen {
	const char	*title;	/* the title, or "Private booking" in r's words */
	const char	*owner;	/* the owner's name, or NULL: not to be shown */
	int		 whole;	/* the reader sees everything (owner, admin) */
};

/*
 * The title a reader sees in lang: the title itself when they see the
 * whole booking or it is not private, else "Private booking".
 */
const char *privacy_title(const char *lang, int whole, const char *title,
	    int private_booking);

/*
 * What r's user sees of a booking of owner_id (named owner_name) titled
 * title, private or not.  The strings are borrowed from the arguments or
 * the catalog.
 */
void	privacy_seen(const struct req *r, long long owner_id,
	    const char *owner_name, const char *title, int private_booking,
	    struct booking_seen *out);

#endif
