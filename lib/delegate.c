/* delegate: who may act for whom. */
#include "db.h"
#include "delegate.h"
#include "user.h"

static const char SQL_IS_DELEGATE[] =
    "SELECT 1 FROM delegates WHERE user_id = ? AND delegate_id = ?";
static const char SQL_LIST[] =
    "SELECT u.id, u.login, u.display_name FROM delegates d"
    " JOIN users u ON u.id = d.delegate_id WHERE d.user_id = ?"
    " ORDER BY u.display_name, u.id";
static const char SQL_PRINCIPALS[] =
    "SELECT u.id, u.login, u.display_name FROM delegates d"
    " JOIN users u ON u.id = d.user_id WHERE d.delegate_id = ?"
    " AND NOT u.disabled ORDER BY u.display_name, u.id";
static const char SQL_ADD[] =
    "INSERT IGNORE INTO delegates (user_id, delegate_id) VALUES (?, ?)";
static const char SQL_REMOVE[] =
    "DELETE FROM delegates WHERE user_id = ? AND delegate_id = ?";

int
delegate_is_named(struct db *db, long long owner, long long delegate)
{
	struct db_rows	*rows;
	int		 named;

	if ((rows = db_query(db, SQL_IS_DELEGATE, DB_ARGS(DB_INT(owner),
	    DB_INT(delegate)))) == NULL)
		return -1;
	named = rows->nrows == 1;
	db_rows_free(rows);
	return named;
}

int
delegate_may_act(struct db *db, const struct user *actor, long long owner)
{
	if (actor == NULL)
		return 0;
	if (user_may_act_for(actor, owner))
		return 1;
	return delegate_is_named(db, owner, actor->id);
}

struct db_rows *
delegate_list(struct db *db, long long user)
{
	return db_query(db, SQL_LIST, DB_ARGS(DB_INT(user)));
}

struct db_rows *
delegate_principals(struct db *db, long long delegate)
{
	return db_query(db, SQL_PRINCIPALS, DB_ARGS(DB_INT(delegate)));
}

int
delegate_add(struct db *db, long long user, long long delegate)
{
	return db_exec(db, SQL_ADD, DB_ARGS(DB_INT(user), DB_INT(delegate)),
	    NULL);
}

int
delegate_remove(struct db *db, long long user, long long delegate)
{
	return db_exec(db, SQL_REMOVE, DB_ARGS(DB_INT(user),
	    DB_INT(delegate)), NULL);
}
