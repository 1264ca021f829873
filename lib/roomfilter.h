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

/* The most equipment a filter asks for: all a room may have. */
#define ROOM_FILTER_FEATURES	50

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
 * What filters choose from: the locations, buildings, floors and
 * equipment, names only, as of one epoch (sql/016), which every change to
 * rooms, places or equipment raises.
 */
struct room_choices {
	char		 epoch[24];
	struct db_rows	*list[4];	/* of ROOM_CHOICES_* bit k at [k] */
};
/*
 * The choices as of epoch, kept by this worker and read again (a small
 * query a list) only when the epoch has moved; NULL if the database
 * failed.  Valid until the next call of either.
 */
const struct room_choices *room_choices_at(struct db *, const char *epoch);
/* The same at the epoch now: one small query when nothing moved. */
const struct room_choices *room_choices_now(struct db *);

/*
 * The filter in's ROOM_FILTER_FIELDS ask for, into f (which borrows in's
 * texts), the equipment named resolved at the epoch now.  0, or the
 * status to answer: 422 for equipment not on the list or too much of
 * it, or the database's.
 */
int	room_filter_read(struct req *r, const struct input *in,
	    struct room_filter *f);
/*
 * Only the building (in "building") and the equipment (in "feature") of
 * the filter, by name: f->feature_ids stays empty until room_filter_ids.
 * 0, or 422 for too much equipment.  No database.
 */
int	room_filter_names(struct req *r, const struct input *in,
	    struct room_filter *f);
/*
 * f->feature_ids from f's names by the equipment of c; NULL, or the first
 * name not on c's list.
 */
const char *room_filter_ids(const struct room_choices *c,
	    struct room_filter *f);
/* The 422 for equipment called name that is not on the list. */
int	room_filter_unknown(struct req *r, const struct input *in,
	    const char *name);
/* The ROOM_FILTER_NARGS arguments of ROOM_FILTER_WHERE, into args. */
void	room_filter_args(const struct room_filter *f, struct db_arg *args);
/*
 * f as a query string to keep it across links ("?min_capacity=6&
 * feature=Video", "" for none) into buf.  0, or -1 if it does not fit.
 */
int	room_filter_query(const struct room_filter *f, char *buf, size_t len);
/*
 * The filter form's fields (room_filters.tpl) at d's {{>FILTER_FIELDS}}:
 * {{MIN_CAPACITY}}, and the choices now
 * {{#PLACE}} (locations), {{#BUILDING}}, {{#FLOOR}} and {{#FEATURE}},
 * each with {{#CHOSEN}} for what f asks for.  0, or the status to answer.
 */
int	room_filter_form(struct tpl *d, struct req *r,
	    const struct room_filter *f);
/*
 * Some of c's choices (which: ROOM_CHOICES_*) into d itself, each list's
 * {{#HAS_BUILDINGS}} or {{#HAS_FEATURES}} shown when it has any, and
 * {{#NO_FLOORS}} or {{#NO_FEATURES}} when it has none.
 */
#define ROOM_CHOICES_LOCATIONS	0x1
#define ROOM_CHOICES_BUILDINGS	0x2
#define ROOM_CHOICES_FLOORS	0x4
#define ROOM_CHOICES_FEATURES	0x8
#define ROOM_CHOICES_ALL	0xf
void	room_filter_choices(struct tpl *d, const struct room_choices *c,
	    const struct room_filter *f, unsigned which);

#endif
