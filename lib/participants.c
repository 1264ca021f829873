/* participants: who a booking names besides its owner. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "participants.h"

/* A login, or an address: a person's before a guest's. */
static const char SQL_PERSON[] =
    "SELECT id, login, display_name FROM users"
    " WHERE NOT disabled AND (login = ? OR (? <> '' AND email = ?))"
    " ORDER BY login = ? DESC, id LIMIT 1";
static const char SQL_OF_BOOKING[] =
    "SELECT p.user_id, COALESCE(p.email, '') AS email,"
    " COALESCE(u.login, '') AS login, COALESCE(u.display_name, '') AS name"
    " FROM booking_participants p LEFT JOIN users u ON u.id = p.user_id"
    " WHERE p.booking_id = ?"
    " ORDER BY p.user_id IS NULL, u.display_name, p.email";
static const char SQL_DROP[] =
    "DELETE FROM booking_participants WHERE booking_id = ?";
static const char SQL_ADD_PERSON[] =
    "INSERT INTO booking_participants (booking_id, user_id) VALUES (?, ?)";
static const char SQL_ADD_GUEST[] =
    "INSERT INTO booking_participants (booking_id, email) VALUES (?, ?)";

/* One label of a domain: letters, digits, inner hyphens, 1 to 63. */
static int
label_valid(const char *s, size_t n)
{
	if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' &&
		    (unsigned char)s[i] < 0x80)
			return 0;
	return 1;
}

int
participant_address_valid(const char *s)
{
	static const char local_ok[] = "!#$%&'*+/=?^_`{|}~.-";
	const char	*at, *label;
	size_t		 len, dots = 0;

	if (s == NULL || (len = strlen(s)) == 0 || len > PARTICIPANT_MAX ||
	    (at = strchr(s, '@')) == NULL || strchr(at + 1, '@') != NULL ||
	    at == s || at - s > 64 || s[0] == '.' || at[-1] == '.')
		return 0;
	for (const char *p = s; p < at; p++)
		if (!isalnum((unsigned char)*p) && strchr(local_ok, *p) == NULL &&
		    (unsigned char)*p < 0x80)
			return 0;
	if (strstr(s, "..") != NULL)
		return 0;
	for (label = at + 1;; dots++) {
		const char *dot = strchr(label, '.');
		size_t n = dot != NULL ? (size_t)(dot - label) : strlen(label);

		if (!label_valid(label, n))
			return 0;
		if (dot == NULL)
			break;
		label = dot + 1;
	}
	return dots > 0;
}

void
participants_free(struct participants *p)
{
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

int
participants_has(const struct participants *p, const struct participant *q)
{
	for (size_t i = 0; i < p->n; i++)
		if (q->user_id != 0 ? p->v[i].user_id == q->user_id :
		    p->v[i].user_id == 0 && strcasecmp(p->v[i].email,
		    q->email) == 0)
			return 1;
	return 0;
}

int
participants_has_person(const struct participants *p, long long user)
{
	const struct participant q = { .user_id = user };

	return user != 0 && participants_has(p, &q);
}

int
participants_same(const struct participants *a, const struct participants *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (!participants_has(b, &a->v[i]))
			return 0;
	return 1;
}

/* Fills q from row i of rows of SQL_PERSON or SQL_OF_BOOKING. */
static void
from_row(struct participant *q, const struct db_rows *rows, size_t i,
    const char *id_column, const char *name_column)
{
	memset(q, 0, sizeof *q);
	q->user_id = db_get(rows, i, id_column) != NULL ?
	    db_get_int(rows, i, id_column) : 0;
	snprintf(q->login, sizeof q->login, "%s", db_text(rows, i, "login"));
	snprintf(q->name, sizeof q->name, "%s", db_text(rows, i, name_column));
}

int
participants_resolve(struct db *db, const char *const *items, size_t n,
    struct participants *out, size_t *bad)
{
	out->v = NULL;
	out->n = 0;
	if (n > 0 && (out->v = calloc(n, sizeof *out->v)) == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char		*s = items[i];
		const char		*address;
		struct db_rows		*rows;
		struct participant	 q;

		address = participant_address_valid(s) ? s : "";
		if ((rows = db_query(db, SQL_PERSON, DB_ARGS(DB_STR(s),
		    DB_STR(address), DB_STR(address), DB_STR(s)))) == NULL) {
			participants_free(out);
			return -1;
		}
		if (rows->nrows == 1)
			from_row(&q, rows, 0, "id", "display_name");
		else if (*address != '\0') {
			memset(&q, 0, sizeof q);
			snprintf(q.email, sizeof q.email, "%s", address);
		} else {
			db_rows_free(rows);
			participants_free(out);
			*bad = i;
			return 1;
		}
		db_rows_free(rows);
		if (!participants_has(out, &q))
			out->v[out->n++] = q;
	}
	return 0;
}

int
participants_load(struct db *db, long long booking_id,
    struct participants *out)
{
	struct db_rows	*rows;

	out->v = NULL;
	out->n = 0;
	if ((rows = db_query(db, SQL_OF_BOOKING, DB_ARGS(DB_INT(booking_id)))) ==
	    NULL)
		return -1;
	if (rows->nrows > 0 &&
	    (out->v = calloc(rows->nrows, sizeof *out->v)) == NULL) {
		db_rows_free(rows);
		return -1;
	}
	for (size_t i = 0; i < rows->nrows; i++) {
		struct participant *q = &out->v[out->n++];

		from_row(q, rows, i, "user_id", "name");
		snprintf(q->email, sizeof q->email, "%s",
		    db_text(rows, i, "email"));
	}
	db_rows_free(rows);
	return 0;
}

int
participants_store(struct db *db, long long booking_id,
    const struct participants *p)
{
	if (db_exec(db, SQL_DROP, DB_ARGS(DB_INT(booking_id)), NULL) < 0)
		return -1;
	for (size_t i = 0; i < p->n; i++) {
		const struct participant *q = &p->v[i];

		if ((q->user_id != 0 ? db_exec(db, SQL_ADD_PERSON,
		    DB_ARGS(DB_INT(booking_id), DB_INT(q->user_id)), NULL) :
		    db_exec(db, SQL_ADD_GUEST, DB_ARGS(DB_INT(booking_id),
		    DB_STR(q->email)), NULL)) != 1)
			return -1;
	}
	return 0;
}
