/*
 * replica: reading from a MariaDB replica without losing one's own writes.
 *
 * The writing contexts hand a person the GTID of their last write in a
 * cookie.  The read-only context reads from the replica once it has
 * applied that write, waiting at most database.replica_wait_ms, and from
 * the primary otherwise, or when the replica cannot be reached.  A page
 * read from a replica that lags says how old its data is.
 */
#ifndef ROOMBOOK_REPLICA_H
#define ROOMBOOK_REPLICA_H

#include "request.h"

struct app;

/* The cookie that carries a person's last write's GTID. */
#define REPLICA_COOKIE	"rb_seen"

/*
 * Opens the replica's handle for a read-only program when the site has a
 * replica (app->replica stays NULL otherwise).  Returns 0, -1 on ENOMEM.
 */
int	replica_open(struct app *app);

/*
 * Points app->db at the connection r reads from: the replica, caught up
 * with r's cookie, or the primary.  Sets r->as_of when the replica's data
 * is older than a moment.
 */
void	replica_choose(struct app *app, struct req *r);

/*
 * For a writing program, before its response is opened: when r committed
 * a change and the site has a replica, the cookie with that change's
 * GTID.  Returns 0, or -1 if the header could not be added (logged; the
 * response goes out without it).
 */
int	replica_note_write(struct req *r);

/*
 * Whether s has the shape of MariaDB's GTIDs, "0-1-42" or several joined
 * by commas: only that shape of a reader's cookie goes to the server.
 */
int	replica_gtid_valid(const char *s);

#endif
