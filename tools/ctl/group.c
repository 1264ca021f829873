/* roomctl group: the operator keeps the groups rooms' policies name. */
#include <stdio.h>
#include <string.h>

#include "ctl.h"
#include "db.h"
#include "group.h"

static const char USAGE[] =
    "usage: roomctl group add NAME [DESCRIPTION]\n"
    "       roomctl group list\n"
    "       roomctl group show NAME       its members and the rooms naming it\n"
    "       roomctl group join NAME LOGIN...\n"
    "       roomctl group leave NAME LOGIN...\n"
    "       roomctl group remove NAME     unless rooms' policies name it\n";

static int
usage(void)
{
	fputs(USAGE, stderr);
	return 2;
}

/* Says why a change failed; 1. */
static int
failed(struct ctl *ctl, enum group_result rc, const char *name,
    const char *login)
{
	switch (rc) {
	case GROUP_NOT_FOUND:
		fprintf(stderr, "roomctl: there is no group \"%s\"\n", name);
		break;
	case GROUP_NAME_TAKEN:
		fprintf(stderr, "roomctl: a group is already called \"%s\"\n",
		    name);
		break;
	case GROUP_NO_PERSON:
		fprintf(stderr, "roomctl: nobody active has the login \"%s\"\n",
		    login);
		break;
	case GROUP_ALREADY:
		fprintf(stderr, "roomctl: %s is %s group \"%s\" already\n",
		    login, "in", name);
		break;
	case GROUP_IN_USE:
		fprintf(stderr, "roomctl: rooms' policies name group \"%s\"; "
		    "take it out of them first\n", name);
		break;
	default:
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		break;
	}
	return 1;
}

/* The group called name: its id, or 0 having said why not. */
static long long
find(struct ctl *ctl, const char *name)
{
	long long id = group_find(ctl->db, name);

	if (id == -1)
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
	else if (id == 0)
		fprintf(stderr, "roomctl: there is no group \"%s\"\n", name);
	return id > 0 ? id : 0;
}

static int
group_list_all(struct ctl *ctl)
{
	struct db_rows *rows = group_list(ctl->db);

	if (rows == NULL)
		return failed(ctl, GROUP_DB_ERROR, NULL, NULL);
	printf("%-30s %8s %6s  %s\n", "NAME", "MEMBERS", "ROOMS",
	    "DESCRIPTION");
	for (size_t i = 0; i < rows->nrows; i++)
		printf("%-30s %8s %6s  %s\n", db_text(rows, i, "name"),
		    db_text(rows, i, "members"), db_text(rows, i, "rooms"),
		    db_text(rows, i, "description"));
	db_rows_free(rows);
	return 0;
}

static int
group_print(struct ctl *ctl, const char *name)
{
	struct db_rows	*members, *rooms;
	long long	 id;

	if ((id = find(ctl, name)) == 0)
		return 1;
	if ((members = group_members(ctl->db, id)) == NULL)
		return failed(ctl, GROUP_DB_ERROR, name, NULL);
	if ((rooms = group_rooms(ctl->db, id)) == NULL) {
		db_rows_free(members);
		return failed(ctl, GROUP_DB_ERROR, name, NULL);
	}
	printf("group %s: %zu members\n", name, members->nrows);
	for (size_t i = 0; i < members->nrows; i++)
		printf("  %-20s %s\n", db_text(members, i, "login"),
		    db_text(members, i, "display_name"));
	for (size_t i = 0; i < rooms->nrows; i++)
		printf("room %s:%s%s\n", db_text(rooms, i, "name"),
		    db_get_int(rooms, i, "as_approver") ? " decides requests" :
		    "", db_get_int(rooms, i, "as_bookable") ? " may book" : "");
	db_rows_free(members);
	db_rows_free(rooms);
	return 0;
}

/* Puts each login in (join) or takes it out; every one is tried. */
static int
group_members_change(struct ctl *ctl, int join, const char *name, int n,
    char *logins[])
{
	struct db_rows	*rows;
	long long	 id, user;
	int		 rc = 0;

	if ((id = find(ctl, name)) == 0)
		return 1;
	for (int i = 0; i < n; i++) {
		enum group_result r;

		if (join)
			r = group_join(ctl->db, id, logins[i], &user);
		else if ((rows = db_query(ctl->db, "SELECT id FROM users"
		    " WHERE login = ?", DB_ARGS(DB_STR(logins[i])))) == NULL)
			r = GROUP_DB_ERROR;
		else {
			r = rows->nrows == 1 ? group_leave(ctl->db, id,
			    db_get_int(rows, 0, "id")) : GROUP_NO_PERSON;
			db_rows_free(rows);
		}
		if (r == GROUP_ALREADY && !join) {
			fprintf(stderr, "roomctl: %s is not in group \"%s\"\n",
			    logins[i], name);
			rc = 1;
		} else if (r != GROUP_OK)
			rc = failed(ctl, r, name, logins[i]);
		else
			printf("%s %s group %s\n", logins[i], join ? "joined" :
			    "left", name);
	}
	return rc;
}

int
cmd_group(struct ctl *ctl, int argc, char *argv[])
{
	enum group_result	rc;
	long long		id;

	if ((argc == 3 || argc == 4) && strcmp(argv[1], "add") == 0) {
		if (strlen(argv[2]) == 0 || strlen(argv[2]) > 100) {
			fprintf(stderr, "roomctl: a group's name has 1 to 100 "
			    "characters\n");
			return 2;
		}
		if ((rc = group_add(ctl->db, argv[2], argc == 4 ? argv[3] : "",
		    &id)) != GROUP_OK)
			return failed(ctl, rc, argv[2], NULL);
		printf("group %s added\n", argv[2]);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return group_list_all(ctl);
	if (argc == 3 && strcmp(argv[1], "show") == 0)
		return group_print(ctl, argv[2]);
	if (argc >= 4 && strcmp(argv[1], "join") == 0)
		return group_members_change(ctl, 1, argv[2], argc - 3, argv + 3);
	if (argc >= 4 && strcmp(argv[1], "leave") == 0)
		return group_members_change(ctl, 0, argv[2], argc - 3, argv + 3);
	if (argc == 3 && strcmp(argv[1], "remove") == 0) {
		if ((id = find(ctl, argv[2])) == 0)
			return 1;
		if ((rc = group_remove(ctl->db, id)) != GROUP_OK)
			return failed(ctl, rc, argv[2], NULL);
		printf("group %s removed\n", argv[2]);
		return 0;
	}
	return usage();
}
