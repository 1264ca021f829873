/* roomctl display: the operator pairs door displays with rooms and revokes them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "db.h"
#include "display.h"

/* A room by its id or its name. */
static const char SQL_ROOM[] =
    "SELECT id FROM rooms WHERE name = ? OR CAST(id AS CHAR) = ?";

static const char USAGE[] =
    "usage: roomctl display add ROOM [NAME]   a display for ROOM (id or name);\n"
    "                                        prints its pairing link\n"
    "       roomctl display link ID           a new pairing link for display ID\n"
    "       roomctl display list [ROOM]\n"
    "       roomctl display revoke ID\n";

static int
usage(void)
{
	fputs(USAGE, stderr);
	return 2;
}

static int
failed(struct ctl *ctl)
{
	fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
	return 1;
}

/* The id of room (its id or name): >0, 0 none, -1. */
static long long
room_of(struct ctl *ctl, const char *room)
{
	struct db_rows	*rows;
	long long	 id;

	if ((rows = db_query(ctl->db, SQL_ROOM, DB_ARGS(DB_STR(room),
	    DB_STR(room)))) == NULL)
		return -1;
	id = rows->nrows == 1 ? db_get_int(rows, 0, "id") : 0;
	db_rows_free(rows);
	return id;
}

/* The link to open on the tablet, shown once. */
static void
print_link(const struct ctl *ctl, long long id, const char *token)
{
	printf("%s/display/pair/%s\n", ctl->cfg.base_url, token);
	fprintf(stderr, "display %lld: open the link on the tablet within %d "
	    "hours; it works once and is not shown again\n", id,
	    DISPLAY_PAIRING_HOURS);
}

static int
display_add_cmd(struct ctl *ctl, const char *room_arg, const char *name)
{
	char		token[TOKEN_LEN];
	long long	room, id;

	if ((room = room_of(ctl, room_arg)) == -1)
		return failed(ctl);
	if (room == 0) {
		fprintf(stderr, "roomctl: no room \"%s\"\n", room_arg);
		return 1;
	}
	if (*name == '\0' || strlen(name) > 100) {
		fprintf(stderr, "roomctl: give the display a name of 1 to 100 "
		    "characters\n");
		return 2;
	}
	switch (display_add(ctl->db, room, name, "", 0, &id, token)) {
	case DISPLAY_OK:
		print_link(ctl, id, token);
		return 0;
	case DISPLAY_NAME_TAKEN:
		fprintf(stderr, "roomctl: the room has a display called \"%s\" "
		    "already\n", name);
		return 1;
	case DISPLAY_NOT_FOUND:
		fprintf(stderr, "roomctl: no room \"%s\"\n", room_arg);
		return 1;
	default:
		return failed(ctl);
	}
}

/* A positive id from arg, or 0. */
static long long
id_of(const char *arg)
{
	char		*end;
	long long	 id = strtoll(arg, &end, 10);

	return *arg == '\0' || *end != '\0' || id <= 0 ? 0 : id;
}

/* The exit code for rc on display id, saying why when it failed. */
static int
told(struct ctl *ctl, enum display_result rc, long long id)
{
	if (rc == DISPLAY_NOT_FOUND) {
		fprintf(stderr, "roomctl: no live display %lld\n", id);
		return 1;
	}
	return rc == DISPLAY_OK ? 0 : failed(ctl);
}

static int
display_link_cmd(struct ctl *ctl, const char *arg)
{
	char			token[TOKEN_LEN];
	long long		id = id_of(arg);
	enum display_result	rc;

	if (id == 0)
		return usage();
	if ((rc = display_relink(ctl->db, id, token)) == DISPLAY_OK)
		print_link(ctl, id, token);
	return told(ctl, rc, id);
}

static int
display_list_cmd(struct ctl *ctl, const char *room_arg)
{
	struct db_rows	*rows;
	long long	 room = 0;

	if (*room_arg != '\0' && (room = room_of(ctl, room_arg)) <= 0) {
		if (room == -1)
			return failed(ctl);
		fprintf(stderr, "roomctl: no room \"%s\"\n", room_arg);
		return 1;
	}
	if ((rows = display_list(ctl->db, room)) == NULL)
		return failed(ctl);
	printf("%-6s %-20s %-20s %-20s %s\n", "id", "room", "name",
	    "last seen", "state");
	for (size_t i = 0; i < rows->nrows; i++) {
		const char *state = db_get(rows, i, "revoked_at") != NULL ?
		    "revoked" : db_get_int(rows, i, "linked") ? "link waiting" :
		    db_get(rows, i, "paired_at") != NULL ? "paired" :
		    "link expired";

		printf("%-6s %-20s %-20s %-20s %s\n", db_text(rows, i, "id"),
		    db_text(rows, i, "room"), db_text(rows, i, "name"),
		    db_get(rows, i, "last_seen_at") != NULL ?
		    db_text(rows, i, "last_seen_at") : "never", state);
	}
	db_rows_free(rows);
	return 0;
}

static int
display_revoke_cmd(struct ctl *ctl, const char *arg)
{
	long long		id = id_of(arg);
	enum display_result	rc;

	if (id == 0)
		return usage();
	if ((rc = display_revoke(ctl->db, 0, id)) == DISPLAY_OK)
		printf("display %lld revoked\n", id);
	return told(ctl, rc, id);
}

int
cmd_display(struct ctl *ctl, int argc, char *argv[])
{
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "add") == 0)
		return display_add_cmd(ctl, argv[2], argc == 4 ? argv[3] :
		    "Door");
	if (argc == 3 && strcmp(argv[1], "link") == 0)
		return display_link_cmd(ctl, argv[2]);
	if ((argc == 2 || argc == 3) && strcmp(argv[1], "list") == 0)
		return display_list_cmd(ctl, argc == 3 ? argv[2] : "");
	if (argc == 3 && strcmp(argv[1], "revoke") == 0)
		return display_revoke_cmd(ctl, argv[2]);
	return usage();
}
