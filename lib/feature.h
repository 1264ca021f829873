/*
 * feature: the equipment and features rooms have (a screen, video
 * conferencing, wheelchair access, ...), from a list the administrators
 * keep.  People ask the finder for them; the rooms list and the day grid
 * filter by them.
 */
#ifndef ROOMBOOK_FEATURE_H
#define ROOMBOOK_FEATURE_H

struct db;
struct db_rows;
struct room_names;

enum feature_result {
	FEATURE_OK,
	FEATURE_NOT_FOUND,
	FEATURE_NAME_TAKEN,	/* another feature has that name */
	FEATURE_DB_ERROR,	/* see db_last_error */
};

/* Every feature (id, name, rooms: how many have it), by name. */
struct db_rows	*feature_list(struct db *);
/*
 * The features of room (id, name), by name; of every room (room_id, id,
 * name) when room is 0.
 */
struct db_rows	*feature_of_rooms(struct db *, long long room);

enum feature_result feature_add(struct db *, const char *name, long long *id);
/* Renames it: the rooms that have it keep it. */
enum feature_result feature_rename(struct db *, long long id,
		    const char *name);
/* Removes it from the list and from every room that had it. */
enum feature_result feature_remove(struct db *, long long id);

/*
 * Inside the caller's transaction: room's features become names (unless
 * kept).  0, 1 with the name that is on no list in unknown, or -1.
 */
int	feature_store(struct db *, long long room, const struct room_names *names,
	    char *unknown, size_t n);

#endif
