/* display: door displays, their pairing links and credentials, kept as hashes. */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "display.h"

/* The display's account: disabled, so nothing else takes it for a person. */
static const char SQL_ACCOUNT[] =
    "INSERT INTO users (login, display_name, role, disabled, language)"
    " VALUES (?, ?, 'display', 1, ?)";
static const char SQL_ADD[] =
    "INSERT INTO displays (room_id, user_id, name, language, pairing_hash,"
    " pairing_expires_at, created_by) VALUES (?, ?, ?, ?, ?,"
    " UTC_TIMESTAMP() + INTERVAL " DISPLAY_PAIRING_HOURS_SQL " HOUR, ?)";
static const char SQL_ROOM[] = "SELECT id FROM rooms WHERE id = ? FOR UPDATE";
static const char SQL_RELINK[] =
    "UPDATE displays SET pairing_hash = ?, pairing_expires_at ="
    " UTC_TIMESTAMP() + INTERVAL " DISPLAY_PAIRING_HOURS_SQL " HOUR"
    " WHERE id = ? AND revoked_at IS NULL";
static const char SQL_LINKED[] =
    "SELECT id FROM displays WHERE pairing_hash = ?"
    " AND pairing_expires_at > UTC_TIMESTAMP() AND revoked_at IS NULL"
    " FOR UPDATE";
static const char SQL_PAIR[] =
    "UPDATE displays SET credential_hash = ?, pairing_hash = NULL,"
    " pairing_expires_at = NULL, paired_at = UTC_TIMESTAMP() WHERE id = ?";
/*
 * A live credential's display, its account, and what its room's day
 * follows from (the epoch, the day's version of the room), in one look.
 */
static const char SQL_FIND[] =
    "SELECT d.id, d.room_id, d.name, d.language, r.name AS room_name,"
    " " USER_COLUMNS ","
    " d.last_seen_at IS NULL"
    "  OR d.last_seen_at < UTC_TIMESTAMP() - INTERVAL 1 MINUTE AS note_seen,"
    " (SELECT epoch FROM view_epoch WHERE id = 1) AS epoch,"
    " (SELECT version FROM room_day_versions v WHERE v.day = ?"
    "  AND v.room_id = d.room_id) AS day_version"
    " FROM displays d JOIN rooms r ON r.id = d.room_id"
    " JOIN users u ON u.id = d.user_id"
    " WHERE d.credential_hash = ? AND d.revoked_at IS NULL";
static const char SQL_SEEN[] =
    "UPDATE displays SET last_seen_at = UTC_TIMESTAMP() WHERE id = ?";
static const char SQL_REVOKE[] =
    "UPDATE displays SET revoked_at = UTC_TIMESTAMP(), credential_hash = NULL,"
    " pairing_hash = NULL, pairing_expires_at = NULL"
    " WHERE id = ? AND ? IN (0, room_id) AND revoked_at IS NULL";
static const char SQL_LIST[] =
    "SELECT d.id, d.room_id, r.name AS room, d.name, d.language,"
    " d.created_at, d.paired_at, d.last_seen_at, d.revoked_at,"
    " d.pairing_hash IS NOT NULL AND d.pairing_expires_at > UTC_TIMESTAMP()"
    " AS linked FROM displays d JOIN rooms r ON r.id = d.room_id"
    " WHERE ? IN (0, d.room_id) ORDER BY d.revoked_at IS NOT NULL, d.id DESC"
    " LIMIT 200";

/* A new random token into token and its hash into hash. */
static void
new_token(char token[TOKEN_LEN], unsigned char hash[TOKEN_HASH_LEN])
{
	token_new(token);
	token_hash(token, hash);
}

static enum display_result
failed(struct db *db)
{
	enum display_result rc = db_last_error(db) == DB_DUPLICATE ?
	    DISPLAY_NAME_TAKEN : DISPLAY_DB_ERROR;

	db_rollback(db);
	return rc;
}

enum display_result
display_add(struct db *db, long long room, const char *name,
    const char *language, long long by, long long *id, char token[TOKEN_LEN])
{
	unsigned char	 hash[TOKEN_HASH_LEN];
	char		 login[TOKEN_LEN + 16];
	struct db_rows	*rows;
	long long	 account;
	size_t		 found;

	if (db_begin(db) == -1)
		return DISPLAY_DB_ERROR;
	/* The room stays while its display is added (a delete waits). */
	if ((rows = db_query(db, SQL_ROOM, DB_ARGS(DB_INT(room)))) == NULL)
		return failed(db);
	found = rows->nrows;
	db_rows_free(rows);
	if (found != 1) {
		db_rollback(db);
		return DISPLAY_NOT_FOUND;
	}
	/* Its account's login: unique, and no person's to type. */
	new_token(token, hash);
	snprintf(login, sizeof login, "display:%.20s", token);
	if (db_exec(db, SQL_ACCOUNT, DB_ARGS(DB_STR(login), DB_STR(name),
	    DB_STR(language)), &account) != 1)
		return failed(db);
	new_token(token, hash);
	if (db_exec(db, SQL_ADD, DB_ARGS(DB_INT(room), DB_INT(account),
	    DB_STR(name), DB_STR(language), DB_BLOB(hash, sizeof hash),
	    by > 0 ? DB_INT(by) : DB_NULL), id) != 1)
		return failed(db);
	return db_commit(db) == 0 ? DISPLAY_OK : failed(db);
}

enum display_result
display_relink(struct db *db, long long id, char token[TOKEN_LEN])
{
	unsigned char	hash[TOKEN_HASH_LEN];
	long long	n;

	new_token(token, hash);
	n = db_exec(db, SQL_RELINK, DB_ARGS(DB_BLOB(hash, sizeof hash),
	    DB_INT(id)), NULL);
	return n < 0 ? DISPLAY_DB_ERROR : n == 1 ? DISPLAY_OK :
	    DISPLAY_NOT_FOUND;
}

enum display_result
display_pair(struct db *db, const char *token, char credential[TOKEN_LEN],
    struct display *d)
{
	unsigned char	 hash[TOKEN_HASH_LEN];
	struct db_rows	*rows;
	long long	 id = 0;

	if (!token_valid(token))
		return DISPLAY_LINK_USED;
	token_hash(token, hash);
	if (db_begin(db) == -1)
		return DISPLAY_DB_ERROR;
	/* Locked: two tablets opening one link, one gets it. */
	if ((rows = db_query(db, SQL_LINKED, DB_ARGS(DB_BLOB(hash,
	    sizeof hash)))) == NULL)
		return failed(db);
	if (rows->nrows == 1)
		id = db_get_int(rows, 0, "id");
	db_rows_free(rows);
	if (id == 0) {
		db_rollback(db);
		return DISPLAY_LINK_USED;
	}
	new_token(credential, hash);
	if (db_exec(db, SQL_PAIR, DB_ARGS(DB_BLOB(hash, sizeof hash),
	    DB_INT(id)), NULL) != 1 || db_commit(db) == -1)
		return failed(db);
	return display_find(db, credential, "1970-01-01", 1, d) == 1 ?
	    DISPLAY_OK : DISPLAY_DB_ERROR;
}

int
display_find(struct db *db, const char *credential, const char *day,
    int read_only, struct display *d)
{
	unsigned char	 hash[TOKEN_HASH_LEN];
	struct db_rows	*rows;
	int		 rc = 1;

	memset(d, 0, sizeof *d);
	if (!token_valid(credential))
		return 0;
	token_hash(credential, hash);
	if ((rows = db_query(db, SQL_FIND, DB_ARGS(DB_STR(day),
	    DB_BLOB(hash, sizeof hash)))) == NULL)
		return -1;
	if (rows->nrows != 1) {
		db_rows_free(rows);
		return 0;
	}
	d->id = db_get_int(rows, 0, "id");
	d->room = db_get_int(rows, 0, "room_id");
	snprintf(d->name, sizeof d->name, "%s", db_text(rows, 0, "name"));
	snprintf(d->room_name, sizeof d->room_name, "%s",
	    db_text(rows, 0, "room_name"));
	snprintf(d->language, sizeof d->language, "%s",
	    db_text(rows, 0, "language"));
	user_from_row(&d->account, rows, 0);
	d->account.display_room = d->room;
	snprintf(d->version, sizeof d->version, "%s.%s",
	    db_text(rows, 0, "epoch"), db_text(rows, 0, "day_version"));
	if (!read_only && db_get_int(rows, 0, "note_seen") &&
	    db_exec(db, SQL_SEEN, DB_ARGS(DB_INT(d->id)), NULL) == -1)
		rc = -1;
	db_rows_free(rows);
	return rc;
}

enum display_result
display_revoke(struct db *db, long long room, long long id)
{
	long long n = db_exec(db, SQL_REVOKE, DB_ARGS(DB_INT(id), DB_INT(room)),
	    NULL);

	return n < 0 ? DISPLAY_DB_ERROR : n == 1 ? DISPLAY_OK :
	    DISPLAY_NOT_FOUND;
}

struct db_rows *
display_list(struct db *db, long long room)
{
	return db_query(db, SQL_LIST, DB_ARGS(DB_INT(room)));
}
