/*
 * roomfilter: what the rooms list, the day grid and the finder narrow the
 * rooms by: seats, a location, a building, a floor, and equipment.  Read
 * once from the request (lib/fields: ROOM_FILTER_FIELDS), then given to
 * SQL, to links, and to the filter form.
 */
#ifndef ROOMBOOK_ROOMFILTER_H
#define ROOMBOOK_ROOMFILTER_H

#include <stddef.h>

#include "db.h"

struct input;
struct req;
struct tpl;

#define ROOM_FILTER_FEATURES	20	/* the most a filter asks for */

struct room_filter {
	long long	 seats;		/* at least; 1 any */
	const char	*location;	/* rooms.location; "" any */
	long long	 building, floor;	/* 0 any */
	size_t		 nfeatures;	/* every one of them */
	const char	*feature[ROOM_FILTER_FEATURES];	/* by name */
	char		 feature_ids[ROOM_FILTER_FEATURES * 12];	/* "3,7" */
};

/*
 * SQL: the rooms (table rooms) that keep a filter, with their place:
 * FROM rooms ROOM_FILTER_JOIN WHERE ROOM_FILTER_WHERE, bound with
 * room_filter_args.  pf is the room's floor, pb its building.
 */
#define ROOM_FILTER_JOIN						\
	" LEFT JOIN floors pf ON pf.id = rooms.floor_id"		\
	" LEFT JOIN buildings pb ON pb.id = pf.building_id"
#define ROOM_FILTER_WHERE						\
	" rooms.capacity >= ? AND (? = '' OR rooms.location = ?)"	\
	" AND (? = 0 OR pf.building_id = ?)"				\
	" AND (? = 0 OR rooms.floor_id = ?)"				\
	" AND (? = 0 OR (SELECT COUNT(*) FROM room_features rf"	\
	"  WHERE rf.room_id = rooms.id"					\
	"  AND FIND_IN_SET(rf.feature_id, ?)) = ?)"
#define ROOM_FILTER_NARGS	10
/* SQL: a room's place for the pages (with ROOM_FILTER_JOIN). */
#define ROOM_PLACE_COLUMNS						\
	" pb.id AS building_id, pb.name AS building_name,"		\
	" pf.id AS floor_id, pf.level AS floor_level,"			\
	" pf.name AS floor_name, rooms.photo"

/*
 * The filter in's ROOM_FILTER_FIELDS ask for, into f (which borrows in's
 * texts).  0, or the status to answer: 422 for equipment not on the list
 * or too much of it, or the database's.
 */
int	room_filter_read(struct req *r, const struct input *in,
	    struct room_filter *f);
/*
 * Only the building (in "building") and the equipment (in "feature") of
 * the filter: the rest asks for nothing.  0 or the status, as above.
 */
int	room_filter_features(struct req *r, const struct input *in,
	    struct room_filter *f);
/* The ROOM_FILTER_NARGS arguments of ROOM_FILTER_WHERE, into args. */
void	room_filter_args(const struct room_filter *f, struct db_arg *args);
/*
 * f as a query string to keep it across links ("?min_capacity=6&
 * feature=Video", "" for none) into buf.  0, or -1 if it does not fit.
 */
int	room_filter_query(const struct room_filter *f, char *buf, size_t len);
/*
 * The filter form's fields (room_filters.tpl) at d's {{>FILTER_FIELDS}}:
 * {{MIN_CAPACITY}}, and the choices
 * {{#PLACE}} (locations), {{#BUILDING}}, {{#FLOOR}} and {{#FEATURE}},
 * each with {{#CHOSEN}} for what f asks for.  0, or the status to answer.
 */
int	room_filter_form(struct tpl *d, struct req *r,
	    const struct room_filter *f);
/* Some of the same choices (which: ROOM_CHOICES_*) into d itself. */
#define ROOM_CHOICES_LOCATIONS	0x1
#define ROOM_CHOICES_BUILDINGS	0x2
#define ROOM_CHOICES_FLOORS	0x4
#define ROOM_CHOICES_FEATURES	0x8
#define ROOM_CHOICES_ALL	0xf
int	room_filter_choices(struct tpl *d, struct req *r,
	    const struct room_filter *f, unsigned which);

#endif
