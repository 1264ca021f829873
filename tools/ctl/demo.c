/* roomctl demo: the demo rooms that `make run` shows a newcomer. */
#include <stdio.h>

#include "ctl.h"
#include "db.h"

static const char SQL_COUNT[] = "SELECT COUNT(*) FROM rooms";
static const char SQL_ROOM[] =
    "INSERT INTO rooms (name, location, capacity, description)"
    " VALUES (?, ?, ?, ?)";

static const struct {
	const char	*name;
	const char	*location;
	int		 capacity;
	const char	*description;
} rooms[] = {
	{ "Amsterdam", "Floor 1, north wing", 4, "Small room with a screen for calls." },
	{ "Berlin", "Floor 1, north wing", 6, "Whiteboard wall and a round table." },
	{ "Copenhagen", "Floor 1, south wing", 12, "Projector, conference phone." },
	{ "Dublin", "Floor 1, south wing", 2, "Quiet booth for one-to-ones." },
	{ "Edinburgh", "Floor 2, north wing", 8, "Large screen, video bar." },
	{ "Florence", "Floor 2, north wing", 20, "Workshop room with movable tables." },
	{ "Geneva", "Floor 2, south wing", 6, "Standing desk and whiteboard." },
	{ "Helsinki", "Floor 3, north wing", 40, "Training room with a projector." },
	{ "Istanbul", "Floor 3, south wing", 10, "Boardroom with a view." },
	{ "Jakarta", "Floor 3, south wing", 4, "Small room, wheelchair accessible." },
};

int
cmd_demo(struct ctl *ctl, int argc, char *argv[])
{
	struct db_rows	*n;
	long long	 existing;

	(void)argc;
	(void)argv;
	if ((n = db_query(ctl->db, SQL_COUNT, DB_NOARGS)) == NULL) {
		fprintf(stderr, "roomctl: %s (did migrate run?)\n",
		    db_last_message(ctl->db));
		return 1;
	}
	existing = db_cell_int(n, 0, 0);
	db_rows_free(n);
	if (existing > 0) {
		printf("demo data: %lld rooms already present, nothing added\n",
		    existing);
		return 0;
	}
	if (db_begin(ctl->db) == -1)
		goto fail;
	for (size_t i = 0; i < sizeof rooms / sizeof rooms[0]; i++)
		if (db_exec(ctl->db, SQL_ROOM, DB_ARGS(DB_STR(rooms[i].name),
		    DB_STR(rooms[i].location), DB_INT(rooms[i].capacity),
		    DB_STR(rooms[i].description)), NULL) != 1)
			goto fail;
	if (db_commit(ctl->db) == -1)
		goto fail;
	printf("demo data: added %zu rooms\n", sizeof rooms / sizeof rooms[0]);
	return 0;
fail:
	fprintf(stderr, "roomctl: demo data failed: %s\n",
	    db_last_message(ctl->db));
	db_rollback(ctl->db);
	return 1;
}
