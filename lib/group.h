/*
 * group: named groups of people, kept by the administrators.  Rooms'
 * policies name them: who decides a room's requests, who may book it.
 */
#ifndef ROOMBOOK_GROUP_H
#define ROOMBOOK_GROUP_H

struct db;
struct db_rows;

enum group_result {
	GROUP_OK,
	GROUP_NOT_FOUND,	/* no such group */
	GROUP_NAME_TAKEN,	/* another group has that name */
	GROUP_NO_PERSON,	/* no active person with that login */
	GROUP_ALREADY,		/* already a member; or not one */
	GROUP_IN_USE,		/* rooms' policies name it */
	GROUP_DB_ERROR,		/* see db_last_error */
};

/* Every group (id, name, description, members, rooms), by name. */
struct db_rows	*group_list(struct db *);
/* Group id (id, name, description), no row if there is none. */
struct db_rows	*group_get(struct db *, long long id);
/* Its members (id, login, display_name), by name. */
struct db_rows	*group_members(struct db *, long long id);
/*
 * The rooms whose policies name group id (id, name, as_approver,
 * as_bookable), by name.
 */
struct db_rows	*group_rooms(struct db *, long long id);
/* The group called name: its id, 0 if none, -1 if the database failed. */
long long	 group_find(struct db *, const char *name);

/* Adds a group; its id in *id. */
enum group_result group_add(struct db *, const char *name,
		    const char *description, long long *id);
/* Renames it and says what it is for. */
enum group_result group_change(struct db *, long long id, const char *name,
		    const char *description);
/* Deletes it, unless a room's policy names it (GROUP_IN_USE). */
enum group_result group_remove(struct db *, long long id);
/* Adds the person whose login is login; their id in *user. */
enum group_result group_join(struct db *, long long id, const char *login,
		    long long *user);
/* Takes person user out of it. */
enum group_result group_leave(struct db *, long long id, long long user);

#endif
