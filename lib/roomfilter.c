/* roomfilter: what the rooms list, the day grid and the finder narrow rooms by. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "i18n.h"
#include "input.h"
#include "page.h"
#include "render.h"
#include "request.h"
#include "roomfilter.h"

/* Where struct room_choices keeps the list of ROOM_CHOICES_* bit which. */
#define LIST_OF(which)	((size_t)__builtin_ctz(which))

static const char SQL_EPOCH[] = "SELECT epoch FROM view_epoch WHERE id = 1";
static const char SQL_LOCATIONS[] =
    "SELECT DISTINCT location AS name FROM rooms WHERE location <> ''"
    " ORDER BY location";
static const char SQL_BUILDINGS[] =
    "SELECT id, name FROM buildings ORDER BY name, id";
static const char SQL_FLOORS[] =
    "SELECT f.id, b.name AS building, f.name FROM floors f"
    " JOIN buildings b ON b.id = f.building_id"
    " ORDER BY b.name, b.id, f.level";
static const char SQL_FEATURES[] =
    "SELECT id, name FROM features ORDER BY name, id";

/* Whether f asks for the feature called name. */
static int
asks_feature(const struct room_filter *f, const char *name)
{
	for (size_t i = 0; i < f->nfeatures; i++)
		if (strcasecmp(f->feature[i], name) == 0)
			return 1;
	return 0;
}

int
room_filter_read(struct req *r, const struct input *in, struct room_filter *f)
{
	const struct room_choices	*c;
	const char			*unknown;
	int				 rc;

	if ((rc = room_filter_names(r, in, f)) != 0)
		return rc;
	f->seats = input_int(in, "min_capacity");
	f->location = input_given(in, "location") ? input_text(in, "location") :
	    "";
	f->floor = input_given(in, "floor") ? input_int(in, "floor") : 0;
	if (f->nfeatures == 0)
		return 0;
	if ((c = room_choices_now(r->app->db)) == NULL)
		return db_failed(r);
	if ((unknown = room_filter_ids(c, f)) != NULL)
		return room_filter_unknown(r, in, unknown);
	return 0;
}

int
room_filter_names(struct req *r, const struct input *in,
    struct room_filter *f)
{
	const char	*names[ROOM_FILTER_FEATURES];
	size_t		 n;

	memset(f, 0, sizeof *f);
	f->seats = 1;
	f->location = "";
	f->building = input_given(in, "building") ? input_int(in, "building") :
	    0;
	if (input_get(in, "feature")->n > ROOM_FILTER_FEATURES) {
		req_errorf(r, T(r, "Ask for at most %d kinds of equipment."),
		    ROOM_FILTER_FEATURES);
		return req_refuse(r, 422, r->error, input_name_sent(in,
		    "feature"));
	}
	n = input_items(in, "feature", names, ROOM_FILTER_FEATURES);
	for (size_t i = 0; i < n; i++)
		/* "" is "any" of a form's choice; asked twice is once. */
		if (*names[i] != '\0' && !asks_feature(f, names[i]))
			f->feature[f->nfeatures++] = names[i];
	return 0;
}

const char *
room_filter_ids(const struct room_choices *c, struct room_filter *f)
{
	const struct db_rows	*list = c->list[LIST_OF(ROOM_CHOICES_FEATURES)];
	size_t			 len = 0;

	f->feature_ids[0] = '\0';
	for (size_t i = 0; i < f->nfeatures; i++) {
		size_t j = 0;

		/* The list is short: equipment is kept by hand. */
		while (j < list->nrows && strcasecmp(db_text(list, j, "name"),
		    f->feature[i]) != 0)
			j++;
		if (j == list->nrows)
			return f->feature[i];
		len += (size_t)snprintf(f->feature_ids + len,
		    sizeof f->feature_ids - len, "%s%s", len > 0 ? "," : "",
		    db_text(list, j, "id"));
	}
	return NULL;
}

int
room_filter_unknown(struct req *r, const struct input *in, const char *name)
{
	req_errorf(r, T(r, "There is no equipment called “%s”."), name);
	return req_refuse(r, 422, r->error, input_name_sent(in, "feature"));
}

void
room_filter_args(const struct room_filter *f, struct db_arg *a)
{
	a[0] = DB_INT(f->seats);
	a[1] = a[2] = DB_STR(f->location);
	a[3] = a[4] = DB_INT(f->building);
	a[5] = a[6] = DB_INT(f->floor);
	a[7] = DB_INT((long long)f->nfeatures);
	a[8] = DB_STR(f->feature_ids);
	a[9] = DB_INT((long long)f->nfeatures);
}

/* Appends "&name=value" (value encoded; '?' first) to buf at *off. */
static int
append(char *buf, size_t len, size_t *off, const char *name,
    const char *value)
{
	char	*v = url_encode(value);
	int	 n;

	if (v == NULL)
		return -1;
	n = snprintf(buf + *off, len - *off, "%s%s=%s", *off == 0 ? "?" : "&",
	    name, v);
	free(v);
	if (n < 0 || (size_t)n >= len - *off)
		return -1;
	*off += (size_t)n;
	return 0;
}

int
room_filter_query(const struct room_filter *f, char *buf, size_t len)
{
	char	number[24];
	size_t	off = 0;

	if (len == 0)
		return -1;
	buf[0] = '\0';
	if (f->seats > 1) {
		snprintf(number, sizeof number, "%lld", f->seats);
		if (append(buf, len, &off, "min_capacity", number) == -1)
			return -1;
	}
	if (*f->location != '\0' &&
	    append(buf, len, &off, "location", f->location) == -1)
		return -1;
	if (f->building > 0) {
		snprintf(number, sizeof number, "%lld", f->building);
		if (append(buf, len, &off, "building", number) == -1)
			return -1;
	}
	if (f->floor > 0) {
		snprintf(number, sizeof number, "%lld", f->floor);
		if (append(buf, len, &off, "floor", number) == -1)
			return -1;
	}
	for (size_t i = 0; i < f->nfeatures; i++)
		if (append(buf, len, &off, "feature", f->feature[i]) == -1)
			return -1;
	return 0;
}

/*
 * The lists a filter form chooses from, each one query, names only;
 * any is shown when the list has something, none when it is empty.
 */
static const struct choice {
	unsigned	 which;
	const char	*sql, *section, *id_key, *name_key, *any, *none;
} choices[] = {
	{ ROOM_CHOICES_LOCATIONS, SQL_LOCATIONS, "PLACE", NULL, "PLACE_NAME",
	    NULL, NULL },
	{ ROOM_CHOICES_BUILDINGS, SQL_BUILDINGS, "BUILDING", "BUILDING_ID",
	    "BUILDING_NAME", "HAS_BUILDINGS", NULL },
	{ ROOM_CHOICES_FLOORS, SQL_FLOORS, "FLOOR", "FLOOR_ID", "FLOOR_NAME",
	    NULL, "NO_FLOORS" },
	{ ROOM_CHOICES_FEATURES, SQL_FEATURES, "FEATURE", "FEATURE_ID",
	    "FEATURE_NAME", "HAS_FEATURES", "NO_FEATURES" },
};

/*
 * The choices this worker keeps, under their epoch: the pages that
 * filter show them on every request, and they change only when an
 * administrator changes a room, a place or the equipment.
 */
static struct room_choices kept;

static void
kept_clear(void)
{
	for (size_t k = 0; k < sizeof kept.list / sizeof kept.list[0]; k++)
		db_rows_free(kept.list[k]);
	memset(&kept, 0, sizeof kept);
}

const struct room_choices *
room_choices_at(struct db *db, const char *epoch)
{
	if (*kept.epoch != '\0' && strcmp(epoch, kept.epoch) == 0)
		return &kept;
	kept_clear();
	for (size_t k = 0; k < sizeof choices / sizeof choices[0]; k++)
		if ((kept.list[LIST_OF(choices[k].which)] = db_query(db,
		    choices[k].sql, DB_NOARGS)) == NULL) {
			kept_clear();
			return NULL;
		}
	snprintf(kept.epoch, sizeof kept.epoch, "%s", epoch);
	return &kept;
}

const struct room_choices *
room_choices_now(struct db *db)
{
	const struct room_choices	*c;
	struct db_rows			*rows;

	if ((rows = db_query(db, SQL_EPOCH, DB_NOARGS)) == NULL)
		return NULL;
	c = room_choices_at(db, db_text(rows, 0, "epoch"));
	db_rows_free(rows);
	return c;
}

int
room_filter_form(struct tpl *d, struct req *r, const struct room_filter *f)
{
	const struct room_choices	*c;
	char				 path[128];

	if ((c = room_choices_now(r->app->db)) == NULL)
		return db_failed(r);
	snprintf(path, sizeof path, "%s/room_filters.tpl", page_lang(r));
	room_filter_choices(tpl_include(d, "FILTER_FIELDS", path), c, f,
	    ROOM_CHOICES_ALL);
	return 0;
}

/* Whether f asks for the choice of c in row i of rows. */
static int
chosen(const struct choice *c, const struct db_rows *rows, size_t i,
    const struct room_filter *f)
{
	switch (c->which) {
	case ROOM_CHOICES_LOCATIONS:
		return strcmp(db_text(rows, i, "name"), f->location) == 0;
	case ROOM_CHOICES_BUILDINGS:
		return db_get_int(rows, i, "id") == f->building;
	case ROOM_CHOICES_FLOORS:
		return db_get_int(rows, i, "id") == f->floor;
	default:
		return asks_feature(f, db_text(rows, i, "name"));
	}
}

void
room_filter_choices(struct tpl *d, const struct room_choices *kc,
    const struct room_filter *f, unsigned which)
{
	for (size_t k = 0; k < sizeof choices / sizeof choices[0]; k++) {
		const struct choice	*c = &choices[k];
		const struct db_rows	*rows = kc->list[LIST_OF(c->which)];

		if (!(which & c->which))
			continue;
		for (size_t i = 0; i < rows->nrows; i++) {
			struct tpl *o = tpl_section(d, c->section);

			if (c->id_key != NULL)
				tpl_set(o, c->id_key, db_get(rows, i, "id"));
			tpl_set(o, c->name_key, db_get(rows, i, "name"));
			if (c->which == ROOM_CHOICES_FLOORS)
				tpl_set(o, "BUILDING_NAME", db_get(rows, i,
				    "building"));
			if (chosen(c, rows, i, f))
				tpl_show(o, "CHOSEN");
		}
		if (rows->nrows > 0 && c->any != NULL)
			tpl_show(d, c->any);
		if (rows->nrows == 0 && c->none != NULL)
			tpl_show(d, c->none);
	}
	if (f->seats > 1)
		tpl_set_int(d, "MIN_CAPACITY", f->seats);
}
