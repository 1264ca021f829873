/*
 * place: the buildings and their floors, kept by the administrators.  A
 * room is on one floor of one building; the finder and the filters of
 * the rooms and the day grid go by them.
 */
#ifndef ROOMBOOK_PLACE_H
#define ROOMBOOK_PLACE_H

struct db;
struct db_rows;

enum place_result {
	PLACE_OK,
	PLACE_NOT_FOUND,	/* no such building, or floor of it */
	PLACE_NAME_TAKEN,	/* another building has that name; or the
				   building has a floor at that level */
	PLACE_IN_USE,		/* rooms are on it */
	PLACE_DB_ERROR,		/* see db_last_error */
};

/* Every building (id, name, address, floors, rooms), by name. */
struct db_rows	*place_buildings(struct db *);
/* Building id (id, name, address), no row if there is none. */
struct db_rows	*place_building(struct db *, long long id);
/* Its floors (id, level, name, rooms), by level. */
struct db_rows	*place_building_floors(struct db *, long long id);

/* Adds a building; its id in *id. */
enum place_result place_add_building(struct db *, const char *name,
		    const char *address, long long *id);
enum place_result place_change_building(struct db *, long long id,
		    const char *name, const char *address);
/* Removes it with its floors, unless a room is on one (PLACE_IN_USE). */
enum place_result place_remove_building(struct db *, long long id);
/* Adds a floor at level (0 the ground floor) to building; id in *id. */
enum place_result place_add_floor(struct db *, long long building,
		    long long level, const char *name, long long *id);
/* Removes floor of building, unless a room is on it (PLACE_IN_USE). */
enum place_result place_remove_floor(struct db *, long long building,
		    long long floor);

#endif
