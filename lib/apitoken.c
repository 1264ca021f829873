/* apitoken: the bearer tokens people's scripts use for /api/. */
#include <string.h>

#include "apitoken.h"
#include "db.h"
#include "utf8.h"

static const char SQL_INSERT[] =
    "INSERT INTO api_tokens (user_id, name, token_hash) VALUES (?, ?, ?)";
static const char SQL_REVOKE[] =
    "UPDATE api_tokens SET revoked_at = UTC_TIMESTAMP()"
    " WHERE id = ? AND (? = 0 OR user_id = ?) AND revoked_at IS NULL";
static const char SQL_REVOKE_ALL[] =
    "UPDATE api_tokens SET revoked_at = UTC_TIMESTAMP()"
    " WHERE user_id = ? AND revoked_at IS NULL";

int
apitoken_create(struct db *db, long long user, const char *name,
    char out[TOKEN_LEN], long long *id)
{
	unsigned char hash[TOKEN_HASH_LEN];

	token_new(out);
	token_hash(out, hash);
	return db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(user), DB_STR(name),
	    DB_BLOB(hash, sizeof hash)), id) == 1 ? 0 : -1;
}

int
apitoken_revoke(struct db *db, long long id, long long user)
{
	long long n = db_exec(db, SQL_REVOKE, DB_ARGS(DB_INT(id), DB_INT(user),
	    DB_INT(user)), NULL);

	return n < 0 ? -1 : n > 0;
}

long long
apitoken_revoke_all(struct db *db, long long user)
{
	return db_exec(db, SQL_REVOKE_ALL, DB_ARGS(DB_INT(user)), NULL);
}

const char *
apitoken_name_invalid(const char *name)
{
	if (name == NULL || *name == '\0')
		return "Give the token a name, e.g. \"calendar sync\".";
	if (!utf8_valid(name, strlen(name)) ||
	    utf8_has_control(name, strlen(name)) ||
	    utf8_length(name) > APITOKEN_NAME_MAX)
		return "Use up to 100 letters, digits, spaces and punctuation.";
	return NULL;
}
