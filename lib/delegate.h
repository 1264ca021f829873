/*
 * delegate: who may act for whom.  A person names delegates on their
 * account, who may then book, change and cancel for them; the booking
 * stays that person's, and its history records who acted.
 */
#ifndef ROOMBOOK_DELEGATE_H
#define ROOMBOOK_DELEGATE_H

struct db;
struct db_rows;
struct user;

/*
 * Whether actor may act for owner (a user id): the owner, an
 * administrator, or a delegate the owner named.  1, 0, or -1 if the
 * database failed.
 */
int		 delegate_may_act(struct db *, const struct user *actor,
		    long long owner);

/* Whether owner named delegate theirs: 1, 0, or -1 (database). */
int		 delegate_is_named(struct db *, long long owner,
		    long long delegate);

/* The delegates user named (id, login, display_name), by name. */
struct db_rows	*delegate_list(struct db *, long long user);

/* Those who named delegate theirs (id, login, display_name), by name. */
struct db_rows	*delegate_principals(struct db *, long long delegate);

/* Names delegate user's: 1, 0 if it already was, -1 on failure. */
int		 delegate_add(struct db *, long long user, long long delegate);

/* Withdraws it: 1, 0 if it was not named, -1 on failure. */
int		 delegate_remove(struct db *, long long user, long long delegate);

#endif
