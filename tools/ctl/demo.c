/* roomctl demo: the demo rooms and users that `make run` shows a newcomer. */
#include <stdio.h>

#include "ctl.h"
#include "db.h"
#include "password.h"
#include "readmodel.h"

static const char SQL_COUNT[] = "SELECT COUNT(*) AS n FROM rooms";
static const char SQL_ROOM[] =
    "INSERT INTO rooms (name, location, capacity, description, floor_id)"
    " VALUES (?, ?, ?, ?, (SELECT id FROM floors WHERE building_id = ?"
    " AND level = ?))";
static const char SQL_BUILDING[] =
    "INSERT INTO buildings (name, address) VALUES (?, ?)";
static const char SQL_FLOOR[] =
    "INSERT INTO floors (building_id, level, name) VALUES (?, ?, ?)";
static const char SQL_FEATURE[] = "INSERT INTO features (name) VALUES (?)";
static const char SQL_ROOM_FEATURE[] =
    "INSERT INTO room_features (room_id, feature_id)"
    " SELECT r.id, f.id FROM rooms r, features f"
    " WHERE r.name = ? AND f.name = ?";
static const char SQL_USERS_PRESENT[] =
    "SELECT COUNT(*) AS n FROM users WHERE login IN (?, ?, ?)";
static const char SQL_USER[] =
    "INSERT INTO users (login, display_name, email, role, password_hash)"
    " VALUES (?, ?, ?, ?, ?)";

/* A demo password, known to everyone: for a local demo only. */
#define DEMO_PASSWORD	"demo"
#define DEMO_LOGINS	"alice, bob (users) and admin (administrator), " \
			"password '" DEMO_PASSWORD "'"

/* One building of three floors, and the equipment its rooms have. */
#define DEMO_BUILDING	"Main building"
static const char *const floor_names[] = { "Floor 1", "Floor 2", "Floor 3" };
static const char *const features[] = {
	"Screen", "Video conferencing", "Whiteboard", "Projector",
	"Conference phone", "Wheelchair access",
};

static const struct {
	const char	*name;
	const char	*location;
	int		 level;
	int		 capacity;
	const char	*description;
	const char	*features[4];
} rooms[] = {
	{ "Amsterdam", "Floor 1, north wing", 1, 4,
	  "Small room with a screen for calls.",
	  { "Screen", "Video conferencing" } },
	{ "Berlin", "Floor 1, north wing", 1, 6,
	  "Whiteboard wall and a round table.", { "Whiteboard" } },
	{ "Copenhagen", "Floor 1, south wing", 1, 12,
	  "Projector, conference phone.", { "Projector", "Conference phone" } },
	{ "Dublin", "Floor 1, south wing", 1, 2, "Quiet booth for one-to-ones.",
	  { NULL } },
	{ "Edinburgh", "Floor 2, north wing", 2, 8, "Large screen, video bar.",
	  { "Screen", "Video conferencing" } },
	{ "Florence", "Floor 2, north wing", 2, 20,
	  "Workshop room with movable tables.", { "Whiteboard", "Projector" } },
	{ "Geneva", "Floor 2, south wing", 2, 6, "Standing desk and whiteboard.",
	  { "Whiteboard" } },
	{ "Helsinki", "Floor 3, north wing", 3, 40,
	  "Training room with a projector.",
	  { "Projector", "Wheelchair access" } },
	{ "Istanbul", "Floor 3, south wing", 3, 10, "Boardroom with a view.",
	  { "Screen", "Video conferencing", "Conference phone" } },
	{ "Jakarta", "Floor 3, south wing", 3, 4,
	  "Small room, wheelchair accessible.", { "Wheelchair access" } },
};

static const struct {
	const char	*login;
	const char	*name;
	const char	*email;
	const char	*role;
} users[] = {
	{ "alice", "Alice Andersen", "alice@example.org", "user" },
	{ "bob", "Bob Berg", "bob@example.org", "user" },
	{ "admin", "Ada Admin", "admin@example.org", "admin" },
};

#define NUSERS	(sizeof users / sizeof users[0])

/* The rooms, into a database without any; 0 or -1. */
/* The single number sql counts, or -1 (said on stderr). */
static long long
count(struct ctl *ctl, const char *sql, const struct db_arg *args,
    size_t nargs)
{
	struct db_rows	*n;
	long long	 v;

	if ((n = db_query(ctl->db, sql, args, nargs)) == NULL) {
		fprintf(stderr, "roomctl: %s (did migrate run?)\n",
		    db_last_message(ctl->db));
		return -1;
	}
	v = db_get_int(n, 0, "n");
	db_rows_free(n);
	return v;
}

/* The demo building, its floors and the equipment list; 0 or -1. */
static int
demo_places(struct ctl *ctl, long long *building)
{
	if (db_exec(ctl->db, SQL_BUILDING, DB_ARGS(DB_STR(DEMO_BUILDING),
	    DB_STR("1 Example Street")), building) != 1)
		return -1;
	for (size_t i = 0; i < sizeof floor_names / sizeof floor_names[0]; i++)
		if (db_exec(ctl->db, SQL_FLOOR, DB_ARGS(DB_INT(*building),
		    DB_INT((long long)i + 1), DB_STR(floor_names[i])), NULL) != 1)
			return -1;
	for (size_t i = 0; i < sizeof features / sizeof features[0]; i++)
		if (db_exec(ctl->db, SQL_FEATURE, DB_ARGS(DB_STR(features[i])),
		    NULL) != 1)
			return -1;
	return 0;
}

static int
demo_rooms(struct ctl *ctl)
{
	long long	existing, building;

	if ((existing = count(ctl, SQL_COUNT, DB_NOARGS)) < 0)
		return -1;
	if (existing > 0) {
		printf("demo data: %lld rooms already present, nothing added\n",
		    existing);
		return 0;
	}
	if (db_begin(ctl->db) == -1 || demo_places(ctl, &building) == -1)
		goto fail;
	for (size_t i = 0; i < sizeof rooms / sizeof rooms[0]; i++) {
		if (db_exec(ctl->db, SQL_ROOM, DB_ARGS(DB_STR(rooms[i].name),
		    DB_STR(rooms[i].location), DB_INT(rooms[i].capacity),
		    DB_STR(rooms[i].description), DB_INT(building),
		    DB_INT(rooms[i].level)), NULL) != 1)
			goto fail;
		for (size_t f = 0; f < 4 && rooms[i].features[f] != NULL; f++)
			if (db_exec(ctl->db, SQL_ROOM_FEATURE, DB_ARGS(
			    DB_STR(rooms[i].name), DB_STR(rooms[i].features[f])),
			    NULL) != 1)
				goto fail;
	}
	if (readmodel_new_epoch(ctl->db) == -1 || db_commit(ctl->db) == -1)
		goto fail;
	printf("demo data: added %zu rooms\n", sizeof rooms / sizeof rooms[0]);
	return 0;
fail:
	fprintf(stderr, "roomctl: demo data failed: %s\n",
	    db_last_message(ctl->db));
	db_rollback(ctl->db);
	return -1;
}

/*
 * The users, unless any of their logins is taken (an operator may have
 * made an "admin" of their own, which the demo must not clash with);
 * 0 or -1.
 */
static int
demo_users(struct ctl *ctl)
{
	_Static_assert(NUSERS == 3, "SQL_USERS_PRESENT lists three logins");
	char		 hash[NUSERS][PASSWORD_HASH_LEN];
	long long	 existing;

	if ((existing = count(ctl, SQL_USERS_PRESENT, DB_ARGS(
	    DB_STR(users[0].login), DB_STR(users[1].login),
	    DB_STR(users[2].login)))) < 0)
		return -1;
	if (existing > 0) {
		printf("demo users: already present, nothing added; log in as "
		    DEMO_LOGINS "\n");
		return 0;
	}
	/* Hashing is slow on purpose: do it before the transaction. */
	for (size_t i = 0; i < NUSERS; i++)
		if (password_hash(DEMO_PASSWORD, hash[i]) == -1) {
			fprintf(stderr, "roomctl: out of memory hashing the "
			    "demo password\n");
			return -1;
		}
	if (db_begin(ctl->db) == -1)
		goto fail;
	for (size_t i = 0; i < NUSERS; i++)
		if (db_exec(ctl->db, SQL_USER, DB_ARGS(DB_STR(users[i].login),
		    DB_STR(users[i].name), DB_STR(users[i].email),
		    DB_STR(users[i].role), DB_STR(hash[i])), NULL) != 1)
			goto fail;
	if (db_commit(ctl->db) == -1)
		goto fail;
	printf("demo users: added " DEMO_LOGINS "\n");
	return 0;
fail:
	fprintf(stderr, "roomctl: demo users failed: %s\n",
	    db_last_message(ctl->db));
	db_rollback(ctl->db);
	return -1;
}

int
cmd_demo(struct ctl *ctl, int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	if (demo_rooms(ctl) == -1 || demo_users(ctl) == -1)
		return 1;
	return 0;
}
