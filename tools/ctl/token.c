/* roomctl token: the operator makes, lists and revokes people's API tokens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apitoken.h"
#include "ctl.h"
#include "db.h"

static const char SQL_USER[] =
    "SELECT id FROM users WHERE login = ? AND NOT disabled";
static const char SQL_LIST[] =
    "SELECT t.id, u.login, t.name, t.created_at,"
    " COALESCE(t.last_used_at, 'never') AS last_used,"
    " IF(t.revoked_at IS NULL, 'live', CONCAT('revoked ', t.revoked_at))"
    " AS state"
    " FROM api_tokens t JOIN users u ON u.id = t.user_id"
    " WHERE ? = '' OR u.login = ? ORDER BY t.id";

static const char USAGE[] =
    "usage: roomctl token add LOGIN NAME   make a token (printed once)\n"
    "       roomctl token list [LOGIN]\n"
    "       roomctl token revoke ID\n";

static int
usage(void)
{
	fputs(USAGE, stderr);
	return 2;
}

static int
token_add(struct ctl *ctl, const char *login, const char *name)
{
	struct db_rows	*rows;
	const char	*bad;
	char		 token[TOKEN_LEN];
	long long	 user, id;

	if ((bad = apitoken_name_invalid(name)) != NULL) {
		fprintf(stderr, "roomctl: token name: %s\n", bad);
		return 2;
	}
	if ((rows = db_query(ctl->db, SQL_USER, DB_ARGS(DB_STR(login)))) ==
	    NULL) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return 1;
	}
	user = rows->nrows == 1 ? db_get_int(rows, 0, "id") : 0;
	db_rows_free(rows);
	if (user == 0) {
		fprintf(stderr, "roomctl: no active account %s\n", login);
		return 1;
	}
	if (apitoken_create(ctl->db, user, name, token, &id) == -1) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return 1;
	}
	/* The only time it is shown: scripts send it as a bearer token. */
	printf("%s\n", token);
	fprintf(stderr, "token %lld for %s made; send it as \"Authorization: "
	    "Bearer <token>\"; it is not shown again\n", id, login);
	return 0;
}

static int
token_list(struct ctl *ctl, const char *login)
{
	struct db_rows *rows;

	if ((rows = db_query(ctl->db, SQL_LIST, DB_ARGS(DB_STR(login),
	    DB_STR(login)))) == NULL) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return 1;
	}
	printf("%-6s %-16s %-24s %-20s %-20s %s\n", "id", "login", "name",
	    "created", "last used", "state");
	for (size_t i = 0; i < rows->nrows; i++)
		printf("%-6s %-16s %-24s %-20s %-20s %s\n",
		    db_text(rows, i, "id"), db_text(rows, i, "login"),
		    db_text(rows, i, "name"), db_text(rows, i, "created_at"),
		    db_text(rows, i, "last_used"), db_text(rows, i, "state"));
	db_rows_free(rows);
	return 0;
}

static int
token_revoke(struct ctl *ctl, const char *arg)
{
	char		*end;
	long long	 id = strtoll(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || id <= 0)
		return usage();
	switch (apitoken_revoke(ctl->db, id, 0)) {
	case 1:
		printf("token %lld revoked\n", id);
		return 0;
	case 0:
		fprintf(stderr, "roomctl: no live token %lld\n", id);
		return 1;
	default:
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return 1;
	}
}

int
cmd_token(struct ctl *ctl, int argc, char *argv[])
{
	if (argc == 4 && strcmp(argv[1], "add") == 0)
		return token_add(ctl, argv[2], argv[3]);
	if ((argc == 2 || argc == 3) && strcmp(argv[1], "list") == 0)
		return token_list(ctl, argc == 3 ? argv[2] : "");
	if (argc == 3 && strcmp(argv[1], "revoke") == 0)
		return token_revoke(ctl, argv[2]);
	return usage();
}
