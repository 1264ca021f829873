/* status: the booking status list, filtered, with keyset pagination. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "booking.h"
#include "words.h"
#include "clock.h"
#include "cursor.h"
#include "db.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "page.h"
#include "privacy.h"

#define PAGE_SIZE	50

/*
 * One statement per combination of filters and direction, so each can use
 * the index that starts with its filter and ends in (starts_at,
 * booking_id): the last page costs what the first does (no OFFSET).
 */
#define LIST_SQL(filters, cmp, order)					\
	"SELECT " STATUS_LIST_COLUMNS " FROM booking_status"		\
	" WHERE " filters "starts_at >= ? AND starts_at < ?"		\
	" AND (starts_at " cmp " ? OR (starts_at = ? AND booking_id " cmp " ?))"	\
	" ORDER BY starts_at " order ", booking_id " order " LIMIT ?"
#define LIST_PAIR(filters)						\
	{ LIST_SQL(filters, "<", "DESC"), LIST_SQL(filters, ">", "ASC") }

/* Indexed by filter bits: 1 room, 2 status, 4 person. */
static const char *const SQL_LIST[8][2] = {
	LIST_PAIR(""),
	LIST_PAIR("room_id = ? AND "),
	LIST_PAIR("status = ? AND "),
	LIST_PAIR("room_id = ? AND status = ? AND "),
	LIST_PAIR("user_id = ? AND "),
	LIST_PAIR("room_id = ? AND user_id = ? AND "),
	LIST_PAIR("status = ? AND user_id = ? AND "),
	LIST_PAIR("room_id = ? AND status = ? AND user_id = ? AND "),
};
/* Named as the choice template's keys, for tpl_set_row. */
static const char SQL_ROOMS[] =
    "SELECT id AS value, name AS label FROM rooms ORDER BY name";
static const char SQL_PEOPLE[] =
    "SELECT id AS value, display_name AS label FROM users"
    " ORDER BY display_name";

/* Appends "&name=value" (URL-encoded) to the query string in q. */
static int
add_query(char *q, size_t n, const char *name, const char *value)
{
	char	*enc;
	size_t	 len = strlen(q);

	if (value == NULL || *value == '\0')
		return 0;
	if ((enc = url_encode(value)) == NULL)
		return -1;
	snprintf(q + len, n - len, "%s%s=%s", len ? "&" : "", name, enc);
	free(enc);
	return 0;
}

int
status_read_filters(struct req *r, const struct input_field *const *fields,
    struct input *in, struct status_filters *f)
{
	int	rc;

	memset(f, 0, sizeof *f);
	if ((rc = input_query(r, fields, in)) != 0)
		return rc;
	if (input_given(in, "person") && !r->user->admin)
		return req_refuse(r, 403, "only administrators can see who "
		    "booked", "person");
	f->room = input_int(in, "room");
	f->person = input_int(in, "person");
	/* Everyone may see their own: "mine" is the person filter on them. */
	if (input_field_of(fields, "mine") != NULL && input_int(in, "mine")) {
		if (input_given(in, "person"))
			return req_refuse(r, 422, "choose mine or a person, "
			    "not both", "person");
		f->person = r->user->id;
		f->mine = 1;
	}
	f->status = input_text(in, "status");
	f->from = input_text(in, "from");
	f->to = input_text(in, "to");
	f->lo = f->from != NULL ? input_get(in, "from")->t : 0;
	/* To the end of that day. */
	f->hi = f->to != NULL ? input_get(in, "to")->t_end :
	    (time_t)253402300799LL;	/* 9999-12-31 */
	f->bits = (input_given(in, "room") ? 1 : 0) |
	    (f->status != NULL ? 2 : 0) | (f->person != 0 ? 4 : 0);
	return 0;
}

/* The filter selects, with the chosen values marked. */
static int
fill_choices(struct req *r, struct tpl *d, const struct status_filters *f)
{
	/* The states the filter takes, as its field describes them. */
	const char *const	*states = input_field_of(status_list_query,
				    "status")->choices;
	struct db_rows		*rooms, *people = NULL;

	if ((rooms = db_query(r->app->db, SQL_ROOMS, DB_NOARGS)) == NULL ||
	    (r->user->admin && (people = db_query(r->app->db, SQL_PEOPLE,
	    DB_NOARGS)) == NULL)) {
		db_rows_free(rooms);
		return db_failed(r);
	}
	for (size_t i = 0; i < rooms->nrows; i++) {
		struct tpl *o = tpl_section(d, "ROOM_CHOICE");

		tpl_set_row(o, rooms, i);
		if (f->room == db_get_int(rooms, i, "value"))
			tpl_show(o, "CHOSEN");
	}
	for (size_t i = 0; states[i] != NULL; i++) {
		struct tpl *o = tpl_section(d, "STATUS_CHOICE");

		tpl_set(o, "VALUE", states[i]);
		tpl_set(o, "LABEL", words_state_label(r->lang, states[i]));
		if (f->status != NULL && strcmp(f->status, states[i]) == 0)
			tpl_show(o, "CHOSEN");
	}
	if (people != NULL) {
		struct tpl *a = tpl_section(d, "PERSON_FILTER");

		for (size_t i = 0; i < people->nrows; i++) {
			struct tpl *o = tpl_section(a, "PERSON_CHOICE");

			tpl_set_row(o, people, i);
			if (f->person == db_get_int(people, i, "value"))
				tpl_show(o, "CHOSEN");
		}
	}
	tpl_set(d, "FROM", f->from);
	tpl_set(d, "TO", f->to);
	db_rows_free(rooms);
	db_rows_free(people);
	return 0;
}

/* The link to the page after (or before) the cursor (t, id). */
static void
cursor_link(struct tpl *d, const char *section, const char *filters,
    const char *param, time_t t, long long id)
{
	char	link[1024];

	snprintf(link, sizeof link, "/status?%s%s%s=%lld.%lld", filters,
	    *filters ? "&" : "", param, (long long)t, id);
	tpl_set(tpl_section(d, section), "URL", link);
}

/* The link to the page after (or before) the row at index i of rows. */
static int
page_link(struct tpl *d, const char *section, const char *filters,
    const char *param, const struct db_rows *rows, size_t i)
{
	time_t	t;

	if (parse_sql_time(db_get(rows, i, "starts_at"), &t) == -1)
		return -1;
	cursor_link(d, section, filters, param, t,
	    db_get_int(rows, i, "booking_id"));
	return 0;
}

int
status_rows(struct req *r, const struct status_filters *f, int ascending,
    time_t ct, long long cid, long long limit, struct db_rows **rows)
{
	char		lo[SQL_TIME_LEN], hi[SQL_TIME_LEN], cur[SQL_TIME_LEN];
	struct db_arg	args[9];
	size_t		n = 0;

	if (f->bits & 1)
		args[n++] = DB_INT(f->room);
	if (f->bits & 2)
		args[n++] = DB_STR(f->status);
	if (f->bits & 4)
		args[n++] = DB_INT(f->person);
	/* The days and the cursor were checked as they were read. */
	if (sql_time_utc(f->lo, lo) == -1 || sql_time_utc(f->hi, hi) == -1 ||
	    sql_time_utc(ct, cur) == -1)
		return 500;
	args[n++] = DB_STR(lo);
	args[n++] = DB_STR(hi);
	args[n++] = DB_STR(cur);
	args[n++] = DB_STR(cur);
	args[n++] = DB_INT(cid);
	args[n++] = DB_INT(limit);
	if ((*rows = db_query(r->app->db, SQL_LIST[f->bits][ascending], args,
	    n)) == NULL)
		return db_failed(r);
	return 0;
}

int
status_list(struct req *r)
{
	const char	*after, *before;
	struct input	 in;
	struct status_filters	 f;
	struct db_rows	*rows;
	struct page	 p;
	time_t		 ct, now = clock_now();
	long long	 cid = 0;
	char		 filters[600] = "";
	size_t		 shown;
	int		 earlier = 0, rc;
	int		 owners = r->user->admin || r->app->cfg->show_owner;

	if ((rc = status_read_filters(r, status_list_query, &in, &f)) != 0)
		return rc;
	after = input_text(&in, "after");
	before = input_text(&in, "before");
	if (after != NULL && before != NULL)
		return req_refuse(r, 422, "give after or before, not both",
		    "before");
	/*
	 * Soonest first, from now (or the first day asked for): "after" pages
	 * on to later bookings, "before" back to earlier ones, whose rows
	 * come latest first and are shown in order.
	 */
	ct = f.from != NULL ? f.lo : now;
	if (before != NULL)
		earlier = 1;
	if ((after != NULL && cursor_read(r, "after", cursor_damaged, after,
	    &ct, &cid) != 0) || (before != NULL && cursor_read(r,
	    "before", cursor_damaged, before, &ct, &cid) != 0))
		return 422;
	/* The links to other pages keep the filters, as they were sent. */
	if (add_query(filters, sizeof filters, "room",
	    input_text(&in, "room")) == -1 ||
	    add_query(filters, sizeof filters, "status", f.status) == -1 ||
	    add_query(filters, sizeof filters, "person",
	    input_text(&in, "person")) == -1 ||
	    add_query(filters, sizeof filters, "mine", f.mine ? "1" : NULL) ==
	    -1 ||
	    add_query(filters, sizeof filters, "from", f.from) == -1 ||
	    add_query(filters, sizeof filters, "to", f.to) == -1)
		return 500;
	/* Later pages ascend from the cursor; earlier ones descend to it. */
	if ((rc = status_rows(r, &f, !earlier, ct, cid, PAGE_SIZE + 1,
	    &rows)) != 0)
		return rc;
	if (page_begin(&p, r, T(r, "Status"), "status.tpl") == -1) {
		db_rows_free(rows);
		return 500;
	}
	if ((rc = fill_choices(r, p.body, &f)) != 0) {
		page_discard(&p);
		db_rows_free(rows);
		return rc;
	}
	page_wide(&p);
	shown = rows->nrows > PAGE_SIZE ? PAGE_SIZE : rows->nrows;
	for (size_t k = 0; k < shown; k++) {
		size_t		 i = earlier ? shown - 1 - k : k;
		struct tpl	*b = tpl_section(p.body, "ROW");
		const char	*status = db_get(rows, i, "status");
		const char	*decided = db_get(rows, i, "decided_at");
		struct booking_seen seen;

		tpl_set(b, "ID", db_get(rows, i, "booking_id"));
		tpl_set(b, "ROOM", db_get(rows, i, "room_name"));
		page_set_span(b, r->lang, "WHEN", db_get(rows, i, "starts_at"),
		    db_get(rows, i, "ends_at"));
		privacy_seen(r, db_get_int(rows, i, "user_id"), db_get(rows, i,
		    "user_name"), db_get(rows, i, "title"), (int)db_get_int(rows,
		    i, "private"), &seen);
		tpl_set(b, "TITLE", seen.title);
		tpl_set(b, "STATUS", status);
		tpl_set(b, "STATUS_LABEL", words_state_label(r->lang, status));
		/* The column is there when owners are shown; a cell may not be. */
		if (owners)
			tpl_set(tpl_section(b, "REQUESTER"), "NAME",
			    seen.owner != NULL ? seen.owner : "");
		if (decided != NULL) {
			struct tpl *d = tpl_section(b, "DECIDED");

			page_set_time(d, r->lang, "AT", decided);
			tpl_set(d, "BY", db_get(rows, i, "decided_by_name"));
		}
	}
	if (owners)
		tpl_show(p.body, "OWNER_COLUMN");
	if (f.mine)
		tpl_show(p.body, "MINE_ON");
	if (shown == 0)
		tpl_show(p.body, "EMPTY");
	/*
	 * Later rows exist past the last shown (or, paging back, there are
	 * later ones: we came from them); earlier ones before the first
	 * shown, or before where the list starts.
	 */
	if (shown > 0 && (earlier || rows->nrows > PAGE_SIZE))
		page_link(p.body, "NEXT", filters, "after", rows,
		    earlier ? 0 : shown - 1);
	if (shown > 0 && (!earlier || rows->nrows > PAGE_SIZE))
		page_link(p.body, "PREVIOUS", filters, "before", rows,
		    earlier ? shown - 1 : 0);
	else if (shown == 0)	/* nothing on this side: the way back */
		cursor_link(p.body, earlier ? "NEXT" : "PREVIOUS", filters,
		    earlier ? "after" : "before", ct, cid);
	db_rows_free(rows);
	return page_finish(&p, r, 200);
}
