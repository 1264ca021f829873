/* user: a person known to roombook, as the programs need to know them. */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "user.h"

static const char SQL_FIND_ACTIVE[] =
    "SELECT " USER_COLUMNS " FROM users u WHERE u.login = ? AND NOT u.disabled";

/* LIKE's own characters in the text are taken as they are ('\\'). */
static const char SQL_SEARCH[] =
    "SELECT id, login, display_name FROM users WHERE NOT disabled"
    " AND (login LIKE CONCAT(?, '%') OR display_name LIKE CONCAT('%', ?, '%'))"
    " ORDER BY display_name, id LIMIT ?";

void
user_from_row(struct user *u, const struct db_rows *rows, size_t row)
{
	u->id = db_get_int(rows, row, "user_id");
	snprintf(u->login, sizeof u->login, "%s",
	    db_text(rows, row, "user_login"));
	snprintf(u->name, sizeof u->name, "%s", db_text(rows, row, "user_name"));
	u->admin = strcmp(db_text(rows, row, "user_role"), "admin") == 0;
	snprintf(u->language, sizeof u->language, "%s",
	    db_text(rows, row, "user_language"));
	snprintf(u->time_zone, sizeof u->time_zone, "%s",
	    db_text(rows, row, "user_time_zone"));
	u->unread = 0;
	u->display_room = 0;
	/* A query that reads it names it "decides"; administrators all. */
	u->decides = u->admin ? 1 : db_has_col(rows, "decides") &&
	    db_get(rows, row, "decides") != NULL ?
	    (int)db_get_int(rows, row, "decides") : -1;
}

const char *
user_count_text(long long n, char *buf, size_t len)
{
	if (n >= COUNT_CAP)
		snprintf(buf, len, "%s+", COUNT_CAP_SQL);
	else
		snprintf(buf, len, "%lld", n);
	return buf;
}

int
user_may_act_for(const struct user *u, long long owner)
{
	return u != NULL && (u->admin || u->id == owner);
}

int
user_find_active(struct db *db, const char *login, struct user *u)
{
	struct db_rows	*rows;
	int		 found;

	if ((rows = db_query(db, SQL_FIND_ACTIVE, DB_ARGS(DB_STR(login)))) ==
	    NULL)
		return -1;
	if ((found = rows->nrows == 1))
		user_from_row(u, rows, 0);
	db_rows_free(rows);
	return found;
}

struct db_rows *
user_search(struct db *db, const char *text, long long limit)
{
	char		 pattern[2 * 400 + 1];	/* 100 characters, escaped */
	size_t		 n = 0;

	for (const char *p = text; *p != '\0' && n + 2 < sizeof pattern; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			pattern[n++] = '\\';
		pattern[n++] = *p;
	}
	pattern[n] = '\0';
	return db_query(db, SQL_SEARCH, DB_ARGS(DB_STR(pattern),
	    DB_STR(pattern), DB_INT(limit)));
}
