/* policy: each room's policy as requests meet it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "policy.h"
#include "room.h"
#include "user.h"

static const char SQL_CLEAR_PEOPLE[] =
    "DELETE FROM room_approvers WHERE room_id = ? AND user_id IS NOT NULL";
static const char SQL_CLEAR_GROUPS[] =
    "DELETE FROM room_approvers WHERE room_id = ? AND group_id IS NOT NULL";
static const char SQL_CLEAR_BOOKABLE[] =
    "DELETE FROM room_bookable_by WHERE room_id = ?";
static const char SQL_ADD_PERSON[] =
    "INSERT IGNORE INTO room_approvers (room_id, user_id)"
    " SELECT ?, id FROM users WHERE login = ? AND NOT disabled";
static const char SQL_ADD_GROUP[] =
    "INSERT IGNORE INTO room_approvers (room_id, group_id)"
    " SELECT ?, id FROM user_groups WHERE name = ?";
static const char SQL_ADD_BOOKABLE[] =
    "INSERT IGNORE INTO room_bookable_by (room_id, group_id)"
    " SELECT ?, id FROM user_groups WHERE name = ?";
/* Whether the name exists: INSERT IGNORE of a known one adds 0 rows too. */
static const char SQL_PERSON_KNOWN[] =
    "SELECT id FROM users WHERE login = ? AND NOT disabled";
static const char SQL_GROUP_KNOWN[] =
    "SELECT id FROM user_groups WHERE name = ?";
/* Room ? = 0: every room's. */
static const char SQL_NAMES[] =
    "SELECT a.room_id, 'approver' AS kind, u.login, u.display_name AS name"
    " FROM room_approvers a JOIN users u ON u.id = a.user_id"
    " WHERE ? IN (0, a.room_id)"
    " UNION ALL SELECT a.room_id, 'approver_group', NULL, g.name"
    " FROM room_approvers a JOIN user_groups g ON g.id = a.group_id"
    " WHERE ? IN (0, a.room_id)"
    " UNION ALL SELECT b.room_id, 'bookable_by', NULL, g.name"
    " FROM room_bookable_by b JOIN user_groups g ON g.id = b.group_id"
    " WHERE ? IN (0, b.room_id)"
    " ORDER BY room_id, kind, name";
static const char SQL_DECIDES[] =
    "SELECT ? IN " POLICY_ROOMS_DECIDED_BY " AS decides";
static const char SQL_DECIDES_ANY[] =
    "SELECT EXISTS (SELECT 1 FROM " POLICY_ROOMS_DECIDED_BY " d) AS decides";
/* Everyone who decides some room's requests, by name or by a group. */
static const char SQL_DECIDERS[] =
    "SELECT user_id FROM room_approvers WHERE user_id IS NOT NULL"
    " UNION SELECT m.user_id FROM group_members m"
    " JOIN room_approvers a ON a.group_id = m.group_id ORDER BY 1";
/* The groups that may book the room, and whether owner is in one. */
static const char SQL_BOOKABLE[] =
    "SELECT g.name, EXISTS (SELECT 1 FROM group_members m"
    " WHERE m.group_id = g.id AND m.user_id = ?) AS member"
    " FROM room_bookable_by b JOIN user_groups g ON g.id = b.group_id"
    " WHERE b.room_id = ? ORDER BY g.name";
/*
 * What owner holds in the room that a limit counts, from since on: every
 * booking that is or was taking place (an in-use or completed one counts
 * for its day and week like one ahead).
 */
static const char SQL_HELD[] =
    "SELECT starts_at, ends_at, status FROM bookings"
    " WHERE user_id = ? AND room_id = ? AND id <> ? AND starts_at >= ?"
    " AND status IN ('pending','confirmed','in_use','completed')";

void
policy_of(const struct db_rows *rows, size_t i, const struct rules *k,
    struct policy *p)
{
	static const char *const columns[LIMIT__COUNT] = {
		"max_per_day", "max_per_week", "max_hours_per_week",
		"max_future",
	};

	p->instant = strcmp(db_text(rows, i, "approval"), "instant") == 0;
	p->buffer_minutes = (int)db_get_int(rows, i, "buffer_minutes");
	p->restricted = (int)db_get_int(rows, i, "restricted");
	for (int l = 0; l < LIMIT__COUNT; l++)
		p->limits[l] = db_get(rows, i, columns[l]) != NULL ?
		    (int)db_get_int(rows, i, columns[l]) : k->limits[l];
}

/* Whether the one name sql looks up exists: 1, 0, -1. */
static int
known(struct db *db, const char *sql, const char *name)
{
	struct db_rows	*rows;
	int		 found;

	if ((rows = db_query(db, sql, DB_ARGS(DB_STR(name)))) == NULL)
		return -1;
	found = rows->nrows > 0;
	db_rows_free(rows);
	return found;
}

/* Adds name to the room's list through add, if check finds it. */
static int
store_name(struct db *db, long long room, const char *name, const char *add,
    const char *check, char *unknown, size_t n)
{
	int found = known(db, check, name);

	if (found != 1) {
		snprintf(unknown, n, "%s", name);
		return found == 0 ? 1 : -1;
	}
	return db_exec(db, add, DB_ARGS(DB_INT(room), DB_STR(name)), NULL) < 0 ?
	    -1 : 0;
}

int
policy_store_names(struct db *db, long long room, const struct room_names *names,
    int split, const char *clear, const char *add, const char *check,
    char *unknown, size_t n)
{
	char	 word[8004], *save, *w;	/* an item: 2000 characters */
	int	 rc = 0;

	if (names->keep)
		return 0;
	if (db_exec(db, clear, DB_ARGS(DB_INT(room)), NULL) < 0)
		return -1;
	for (size_t i = 0; i < names->n && rc == 0; i++) {
		if (!split) {
			rc = store_name(db, room, names->v[i], add, check,
			    unknown, n);
			continue;
		}
		snprintf(word, sizeof word, "%s", names->v[i]);
		for (w = strtok_r(word, ", \t\r\n", &save); w != NULL &&
		    rc == 0; w = strtok_r(NULL, ", \t\r\n", &save))
			rc = store_name(db, room, w, add, check, unknown, n);
	}
	return rc;
}

int
policy_store(struct db *db, long long room, const struct room_input *in,
    char *unknown, size_t n)
{
	int rc;

	if ((rc = policy_store_names(db, room, &in->approvers, 1, SQL_CLEAR_PEOPLE,
	    SQL_ADD_PERSON, SQL_PERSON_KNOWN, unknown, n)) != 0)
		return rc;
	if ((rc = policy_store_names(db, room, &in->approver_groups, 0,
	    SQL_CLEAR_GROUPS, SQL_ADD_GROUP, SQL_GROUP_KNOWN, unknown, n)) != 0)
		return rc == 1 ? 2 : rc;
	if ((rc = policy_store_names(db, room, &in->bookable_by, 0, SQL_CLEAR_BOOKABLE,
	    SQL_ADD_BOOKABLE, SQL_GROUP_KNOWN, unknown, n)) != 0)
		return rc == 1 ? 3 : rc;
	return 0;
}

struct db_rows *
policy_names(struct db *db, long long room)
{
	return db_query(db, SQL_NAMES, DB_ARGS(DB_INT(room), DB_INT(room),
	    DB_INT(room)));
}

/* The one flag a query about u answers: 1, 0, -1. */
static int
flag(struct db *db, const char *sql, const struct db_arg *args, size_t n,
    const char *column)
{
	struct db_rows	*rows;
	int		 set;

	if ((rows = db_query(db, sql, args, n)) == NULL)
		return -1;
	set = rows->nrows == 1 && db_get_int(rows, 0, column) == 1;
	db_rows_free(rows);
	return set;
}

int
policy_may_decide(struct db *db, const struct user *u, long long room)
{
	if (u == NULL)
		return 0;
	if (u->admin)
		return 1;
	return flag(db, SQL_DECIDES, DB_ARGS(DB_INT(room), DB_INT(u->id),
	    DB_INT(u->id)), "decides");
}

/*
 * The deciders this worker keeps, by id, as of their epoch: every page's
 * navigation asks whether its reader is one, and they change only with a
 * room's approvers or a group's members.
 */
static struct {
	char		 epoch[24];
	long long	*id;
	size_t		 n;
} deciders;

static int
by_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

int
policy_decides_at(struct db *db, const char *epoch, long long user)
{
	if (*deciders.epoch == '\0' || strcmp(epoch, deciders.epoch) != 0) {
		struct db_rows *rows;

		free(deciders.id);
		memset(&deciders, 0, sizeof deciders);
		if ((rows = db_query(db, SQL_DECIDERS, DB_NOARGS)) == NULL)
			return -1;
		if (rows->nrows > 0 && (deciders.id = calloc(rows->nrows,
		    sizeof *deciders.id)) == NULL) {
			db_rows_free(rows);
			return -1;
		}
		for (size_t i = 0; i < rows->nrows; i++)
			deciders.id[deciders.n++] = db_get_int(rows, i,
			    "user_id");
		db_rows_free(rows);	/* in order of id: ORDER BY 1 */
		snprintf(deciders.epoch, sizeof deciders.epoch, "%s", epoch);
	}
	return deciders.n > 0 && bsearch(&user, deciders.id, deciders.n,
	    sizeof *deciders.id, by_id) != NULL;
}

int
policy_decides_any(struct db *db, const struct user *u)
{
	if (u == NULL)
		return 0;
	if (u->admin)
		return 1;
	/* Read with the session, where it was. */
	if (u->decides >= 0)
		return u->decides;
	return flag(db, SQL_DECIDES_ANY, DB_ARGS(DB_INT(u->id), DB_INT(u->id)),
	    "decides");
}

int
policy_may_book(struct db *db, const struct user *requester, long long owner,
    long long room, char *groups, size_t n)
{
	struct db_rows	*rows;
	size_t		 len = 0;
	int		 may;

	if (groups != NULL && n > 0)
		groups[0] = '\0';
	if (requester != NULL && requester->admin)
		return 1;
	if ((rows = db_query(db, SQL_BOOKABLE, DB_ARGS(DB_INT(owner),
	    DB_INT(room)))) == NULL)
		return -1;
	may = rows->nrows == 0;
	for (size_t i = 0; i < rows->nrows; i++) {
		if (db_get_int(rows, i, "member"))
			may = 1;
		if (groups != NULL && len < n)
			len += (size_t)snprintf(groups + len, n - len, "%s%s",
			    i > 0 ? ", " : "", db_text(rows, i, "name"));
	}
	db_rows_free(rows);
	return may;
}

/* The local day of t and the Monday of its week, "YYYY-MM-DD" each. */
static int
day_and_week(time_t t, char day[11], char week[11])
{
	char	wday[4];
	int	n;

	/* %u: one digit, 1 (Monday) to 7. */
	if (local_date(t, 0, day) == -1 || *format_local(t, "%u", wday,
	    sizeof wday) == '\0' || wday[1] != '\0' ||
	    (n = wday[0] - '0') < 1 || n > 7)
		return -1;
	return local_date(t, -(n - 1), week);
}

/* A booking a limit counts: its day, week, length and whether ahead. */
struct held {
	char		day[11], week[11];
	long long	minutes;
	int		ahead;		/* live and not over: max_future */
};

/* What owner holds in room from since on (but except), into *out. */
static long long
read_held(struct db *db, long long room, long long owner, long long except,
    time_t since, time_t now, struct held **out)
{
	char		 from[SQL_TIME_LEN];
	struct db_rows	*rows;
	struct held	*h;
	time_t		 s, e;
	size_t		 n = 0;

	*out = NULL;
	if (sql_time_utc(since, from) == -1 || (rows = db_query(db, SQL_HELD,
	    DB_ARGS(DB_INT(owner), DB_INT(room), DB_INT(except),
	    DB_STR(from)))) == NULL)
		return -1;
	if ((h = calloc(rows->nrows + 1, sizeof *h)) == NULL) {
		db_rows_free(rows);
		return -1;
	}
	for (size_t i = 0; i < rows->nrows; i++) {
		if (parse_sql_time(db_get(rows, i, "starts_at"), &s) == -1 ||
		    parse_sql_time(db_get(rows, i, "ends_at"), &e) == -1 ||
		    day_and_week(s, h[n].day, h[n].week) == -1)
			continue;
		h[n].minutes = (e - s) / 60;
		h[n].ahead = e > now && strcmp(db_text(rows, i, "status"),
		    "completed") != 0;
		n++;
	}
	db_rows_free(rows);
	*out = h;
	return (long long)n;
}

/* Tallies of the held bookings that share a day or week with one. */
struct tally {
	long long	day, week, week_minutes, ahead;
};

static void
add_up(struct tally *t, const struct held *h, const struct held *of)
{
	if (strcmp(h->day, of->day) == 0)
		t->day++;
	if (strcmp(h->week, of->week) == 0) {
		t->week++;
		t->week_minutes += h->minutes;
	}
	if (h->ahead)
		t->ahead++;
}

/* The limit one more booking `of` would break given t, or LIMIT__COUNT. */
static enum limit
broken(const int lim[LIMIT__COUNT], const struct tally *t,
    const struct held *of, struct limit_standing *at)
{
	const long long used[LIMIT__COUNT] = {
		t->day, t->week, t->week_minutes, t->ahead,
	};
	const long long after[LIMIT__COUNT] = {
		t->day + 1, t->week + 1, t->week_minutes + of->minutes,
		t->ahead + 1,
	};

	for (int l = 0; l < LIMIT__COUNT; l++) {
		long long max = l == LIMIT_HOURS_PER_WEEK ? lim[l] * 60LL :
		    lim[l];

		if (lim[l] > 0 && after[l] > max) {
			*at = (struct limit_standing){ (enum limit)l, used[l],
			    lim[l] };
			return (enum limit)l;
		}
	}
	return LIMIT__COUNT;
}

/* The earliest moment whose bookings any limit counts for times from t. */
static time_t
counted_since(time_t t, time_t now)
{
	char	day[11], week[11];
	time_t	since;

	/* Its week, and everything live (begun at most a day ago). */
	if (day_and_week(t, day, week) == -1 ||
	    local_date_start(week, 0, &since) == -1)
		since = t - 7 * 86400;
	return since < now - 86400 ? since : now - 86400;
}

static int
any_limit(const int lim[LIMIT__COUNT])
{
	for (int l = 0; l < LIMIT__COUNT; l++)
		if (lim[l] > 0)
			return 1;
	return 0;
}

int
policy_limits_check(struct db *db, long long room, long long owner,
    long long except, const int lim[LIMIT__COUNT], const time_t *start,
    const time_t *end, size_t n, enum limit *refused,
    struct limit_standing *at)
{
	struct held	*held, *mine;
	struct limit_standing here;
	long long	 nheld;
	time_t		 now = clock_now();
	size_t		 passed = 0;
	int		 nrefused = 0;

	for (size_t i = 0; i < n; i++)
		refused[i] = LIMIT__COUNT;
	if (n == 0 || !any_limit(lim))
		return 0;
	if ((nheld = read_held(db, room, owner, except, counted_since(start[0],
	    now), now, &held)) == -1)
		return -1;
	if ((mine = calloc(n, sizeof *mine)) == NULL) {
		free(held);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		struct held	 of = { .minutes = (end[i] - start[i]) / 60,
				    .ahead = 1 };
		struct tally	 t = { 0 };

		if (day_and_week(start[i], of.day, of.week) == -1) {
			nrefused = -1;
			break;
		}
		for (long long j = 0; j < nheld; j++)
			add_up(&t, &held[j], &of);
		for (size_t j = 0; j < passed; j++)
			add_up(&t, &mine[j], &of);
		if ((refused[i] = broken(lim, &t, &of, &here)) != LIMIT__COUNT) {
			if (nrefused++ == 0 && at != NULL)
				*at = here;
		} else
			mine[passed++] = of;
	}
	free(mine);
	free(held);
	return nrefused;
}

int
policy_standing(struct db *db, long long room, long long owner,
    const int lim[LIMIT__COUNT], time_t t,
    struct limit_standing out[LIMIT__COUNT])
{
	struct held	*held, of = { 0 };
	struct tally	 tally = { 0 };
	long long	 nheld;
	time_t		 now = clock_now();
	int		 n = 0;

	if (!any_limit(lim))
		return 0;
	if (day_and_week(t, of.day, of.week) == -1 ||
	    (nheld = read_held(db, room, owner, 0, counted_since(t, now), now,
	    &held)) == -1)
		return -1;
	for (long long j = 0; j < nheld; j++)
		add_up(&tally, &held[j], &of);
	free(held);
	const long long used[LIMIT__COUNT] = {
		tally.day, tally.week, tally.week_minutes, tally.ahead,
	};
	for (int l = 0; l < LIMIT__COUNT; l++)
		if (lim[l] > 0)
			out[n++] = (struct limit_standing){ (enum limit)l,
			    used[l], lim[l] };
	return n;
}
