/*
 * room: a room's policy in its form, on its page and in its JSON: how
 * requests are decided and by whom, who may book, buffer and limits.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "config.h"
#include "db.h"
#include "group.h"
#include "i18n.h"
#include "pages.h"
#include "policy.h"
#include "render.h"
#include "words.h"

/* The policy's columns of a room, for the form and the JSON. */
#define POLICY_SAVED							\
	"approval, buffer_minutes, max_per_day, max_per_week,"		\
	" max_hours_per_week, max_future"

static const char *const limit_fields[LIMIT__COUNT] = {
	"max_per_day", "max_per_week", "max_hours_per_week", "max_future",
};
static const char *const limit_json[LIMIT__COUNT] = {
	"maxPerDay", "maxPerWeek", "maxHoursPerWeek", "maxFuture",
};

/* An IN_LIST field's names into *names; 0, or 422 for too many. */
static int
names_of(struct req *r, const struct input *in, const char *field,
    struct room_names *names)
{
	names->keep = 0;
	names->n = input_items(in, field, names->v, ROOM_NAMES_MAX);
	if (input_get(in, field)->n <= ROOM_NAMES_MAX)
		return 0;
	req_errorf(r, T(r, "Give at most %d names."), ROOM_NAMES_MAX);
	return req_refuse(r, 422, r->error, input_name_sent(in, field));
}

int
room_input_of(struct req *r, const struct input *in, struct room_input *room)
{
	int rc;

	memset(room, 0, sizeof *room);
	room->name = input_text(in, "name");
	room->location = input_given(in, "location") ? input_text(in,
	    "location") : "";
	room->description = input_given(in, "description") ?
	    input_text(in, "description") : "";
	room->capacity = input_int(in, "capacity");
	room->checkin_required = (int)input_int(in, "checkin_required");
	room->instant = input_given(in, "approval") &&
	    strcmp(input_text(in, "approval"), "instant") == 0;
	room->buffer_minutes = input_int(in, "buffer_minutes");
	for (int l = 0; l < LIMIT__COUNT; l++)
		room->limits[l] = input_given(in, limit_fields[l]) ?
		    input_int(in, limit_fields[l]) : LIMIT_SITE;
	if ((rc = names_of(r, in, "approvers", &room->approvers)) != 0 ||
	    (rc = names_of(r, in, "approver_groups",
	    &room->approver_groups)) != 0 ||
	    (rc = names_of(r, in, "bookable_by", &room->bookable_by)) != 0)
		return rc;
	return room_place_of(r, in, room);
}

void
room_policy_keep(const struct input *in, const struct db_rows *saved,
    struct room_input *room)
{
	if (input_get(in, "approval")->sent_as == NULL)
		room->instant = strcmp(db_text(saved, 0, "approval"),
		    "instant") == 0;
	if (input_get(in, "buffer_minutes")->sent_as == NULL)
		room->buffer_minutes = db_get_int(saved, 0, "buffer_minutes");
	for (int l = 0; l < LIMIT__COUNT; l++)
		if (input_get(in, limit_fields[l])->sent_as == NULL)
			room->limits[l] = db_get(saved, 0, limit_fields[l]) ==
			    NULL ? LIMIT_SITE : db_get_int(saved, 0,
			    limit_fields[l]);
	room->approvers.keep = !input_sent(in, "approvers");
	room->approver_groups.keep = !input_sent(in, "approver_groups");
	room->bookable_by.keep = !input_sent(in, "bookable_by");
}

/* Room's names of kind in the policies' rows as a JSON array. */
static json_t *
names_json(const struct db_rows *names, long long room, const char *kind,
    const char *column)
{
	json_t *a = json_array();

	for (size_t i = 0; a != NULL && i < names->nrows; i++)
		if (db_get_int(names, i, "room_id") == room &&
		    strcmp(db_text(names, i, "kind"), kind) == 0 &&
		    json_array_append_new(a, json_string(db_text(names, i,
		    column))) == -1) {
			json_decref(a);
			return NULL;
		}
	return a;
}

int
room_policy_json(json_t *o, const struct db_rows *rows, size_t i,
    const struct db_rows *names)
{
	long long	 room = db_get_int(rows, i, "id");
	json_t		*lim;
	int		 rc = 0;

	lim = json_object();
	for (int l = 0; lim != NULL && l < LIMIT__COUNT; l++)
		json_object_set_new(lim, limit_json[l], db_get(rows, i,
		    limit_fields[l]) != NULL ? json_integer(db_get_int(rows, i,
		    limit_fields[l])) : json_null());
	if (lim == NULL || json_object_set_new(o, "approval", json_string(
	    db_text(rows, i, "approval"))) == -1 ||
	    json_object_set_new(o, "approvers", names_json(names, room,
	    "approver", "login")) == -1 ||
	    json_object_set_new(o, "approverGroups", names_json(names, room,
	    "approver_group", "name")) == -1 ||
	    json_object_set_new(o, "bookableBy", names_json(names, room,
	    "bookable_by", "name")) == -1 ||
	    json_object_set_new(o, "bufferMinutes", json_integer(
	    db_get_int(rows, i, "buffer_minutes"))) == -1 ||
	    json_object_update(o, lim) == -1)
		rc = -1;
	json_decref(lim);
	return rc;
}

/* Appends the policy's names of kind to the form as field's values. */
static int
append_names(struct req *r, const struct db_rows *names, const char *kind,
    const char *field, int joined)
{
	char	logins[8004];
	size_t	len = 0;

	logins[0] = '\0';
	for (size_t i = 0; i < names->nrows; i++) {
		if (strcmp(db_text(names, i, "kind"), kind) != 0)
			continue;
		if (!joined) {
			if (params_append(&r->form, field, db_text(names, i,
			    "name")) == -1)
				return -1;
		} else if (len < sizeof logins)
			len += (size_t)snprintf(logins + len, sizeof logins -
			    len, "%s%s", len > 0 ? ", " : "",
			    db_text(names, i, "login"));
	}
	return joined ? params_append(&r->form, field, logins) : 0;
}

int
room_policy_prefill(struct req *r, long long id, const struct db_rows *saved)
{
	struct db_rows	*names;
	int		 rc;

	if (params_append(&r->form, "approval", db_text(saved, 0,
	    "approval")) == -1 || params_append(&r->form, "buffer_minutes",
	    db_text(saved, 0, "buffer_minutes")) == -1)
		return -1;
	for (int l = 0; l < LIMIT__COUNT; l++)
		if (params_append(&r->form, limit_fields[l], db_text(saved, 0,
		    limit_fields[l])) == -1)
			return -1;
	if ((names = policy_names(r->app->db, id)) == NULL)
		return -1;
	rc = append_names(r, names, "approver", "approvers", 1) == -1 ||
	    append_names(r, names, "approver_group", "approver_groups",
	    0) == -1 || append_names(r, names, "bookable_by", "bookable_by",
	    0) == -1 ? -1 : 0;
	db_rows_free(names);
	return rc;
}

int
room_policy_form(struct req *r, struct tpl *body)
{
	const struct rules *k = &r->app->cfg->rules;
	struct db_rows	*groups;
	const char	*approval = params_get(&r->form, "approval");

	tpl_show(body, approval != NULL && strcmp(approval, "instant") == 0 ?
	    "INSTANT_ON" : "REQUIRED_ON");
	/* What an empty limit means: the site's. */
	for (int l = 0; l < LIMIT__COUNT; l++) {
		char key[32];

		snprintf(key, sizeof key, "SITE_%d", l);
		if (k->limits[l] > 0)
			tpl_set_int(body, key, k->limits[l]);
		else
			tpl_set(body, key, T(r, "no limit"));
	}
	if ((groups = group_list(r->app->db)) == NULL)
		return -1;
	for (size_t i = 0; i < groups->nrows; i++) {
		const char	*name = db_text(groups, i, "name");
		struct tpl	*g = tpl_section(body, "GROUP");

		tpl_set(g, "GROUP_NAME", name);
		tpl_set_int(g, "GROUP_ID", db_get_int(groups, i, "id"));
		if (params_has(&r->form, "approver_groups", name))
			tpl_show(g, "APPROVES");
		if (params_has(&r->form, "bookable_by", name))
			tpl_show(g, "BOOKS");
	}
	if (groups->nrows == 0)
		tpl_show(body, "NO_GROUPS");
	db_rows_free(groups);
	return 0;
}

/* "Boardroom" policy words for the room's page, into d. */
int
room_policy_show(struct req *r, struct tpl *d, const struct db_rows *rows,
    size_t i)
{
	const struct rules *k = &r->app->cfg->rules;
	struct policy	 p;
	struct db_rows	*names;
	struct tpl	*decided, *restricted, *approvers = NULL;

	policy_of(rows, i, k, &p);
	decided = p.instant ? NULL : tpl_section(d, "APPROVAL");
	restricted = p.restricted ? tpl_section(d, "RESTRICTED") : NULL;
	if (p.instant)
		tpl_show(d, "INSTANT");
	if (p.buffer_minutes > 0)
		tpl_set_int(tpl_section(d, "BUFFER"), "MINUTES",
		    p.buffer_minutes);
	for (int l = 0; l < LIMIT__COUNT; l++)
		if (p.limits[l] > 0) {
			char words[128];

			tpl_set(tpl_section(d, "LIMIT"), "WORDS", words_limit(
			    r->lang, (enum limit)l, p.limits[l], words,
			    sizeof words));
		}
	if ((names = policy_names(r->app->db, db_get_int(rows, i, "id"))) ==
	    NULL)
		return -1;
	for (size_t j = 0; j < names->nrows; j++) {
		int bookable = strcmp(db_text(names, j, "kind"),
		    "bookable_by") == 0;

		if (bookable && restricted != NULL)
			tpl_set(tpl_section(restricted, "BOOKABLE_GROUP"),
			    "NAME", db_text(names, j, "name"));
		else if (!bookable && decided != NULL) {
			if (approvers == NULL)
				approvers = tpl_section(decided, "APPROVERS");
			tpl_set(tpl_section(approvers, "APPROVER"), "NAME",
			    db_text(names, j, "name"));
		}
	}
	db_rows_free(names);
	return 0;
}
