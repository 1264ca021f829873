/*
 * room: the groups of people rooms' policies name, kept by the
 * administrators: who is in each, and which rooms use it.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "fields.h"
#include "group.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "page.h"
#include "response.h"

/* What a change to a group was refused for, as its form tells it. */
static int
group_refused(struct req *r, enum group_result rc, const char *login)
{
	switch (rc) {
	case GROUP_NOT_FOUND:
		return req_refuse(r, 404, "there is no such group", NULL);
	case GROUP_NAME_TAKEN:
		return req_refuse(r, 409, "Another group already has this "
		    "name.", "name");
	case GROUP_NO_PERSON:
		req_errorf(r, T(r, "No one here has the login “%s”."), login);
		return req_refuse(r, 422, r->error, "login");
	case GROUP_ALREADY:
		req_errorf(r, T(r, "%s is already in this group."), login);
		return req_refuse(r, 409, r->error, "login");
	case GROUP_IN_USE:
		return req_refuse(r, 409, "Rooms' policies name this group; "
		    "take it out of them first.", NULL);
	default:
		return db_failed(r);
	}
}

/* The list of groups with the form to add one (r->form's values). */
static int
list_page(struct req *r, int status)
{
	const struct page_list l = { T(r, "Groups"), "groups.tpl", "GROUP",
	    "NO_GROUPS", "deleted", group_in };
	struct db_rows	*rows;

	if ((rows = group_list(r->app->db)) == NULL)
		return db_failed(r);
	return page_list(r, status, &l, rows);
}

int
groups_list(struct req *r)
{
	return list_page(r, 200);
}

int
groups_list_again(struct req *r, int status)
{
	return list_page(r, status);
}

int
group_create(struct req *r)
{
	struct input		 in;
	enum group_result	 rc;
	long long		 id;
	int			 refused;

	if ((refused = input_form(r, group_in, &in)) != 0)
		return refused;
	if ((rc = group_add(r->app->db, input_text(&in, "name"),
	    input_given(&in, "description") ? input_text(&in, "description") :
	    "", &id)) != GROUP_OK)
		return group_refused(r, rc, NULL);
	log_info(r->rid, "group %lld added by user %lld", id, r->user->id);
	return resp_redirectf(r, 303, "/admin/groups/%lld?added=1", id);
}

/* One group's page: members, rooms, and the forms to change it. */
static int
group_page(struct req *r, long long id, int status)
{
	struct db_rows	*g, *members = NULL, *rooms = NULL;
	struct page	 p;
	int		 rc = 500;

	if ((g = group_get(r->app->db, id)) == NULL ||
	    (members = group_members(r->app->db, id)) == NULL ||
	    (rooms = group_rooms(r->app->db, id)) == NULL) {
		rc = db_failed(r);
		goto out;
	}
	if (g->nrows != 1) {
		rc = 404;
		goto out;
	}
	if (page_begin(&p, r, db_get(g, 0, "name"), "group.tpl") == -1)
		goto out;
	tpl_set_row(p.body, g, 0);
	/* The rename form shows the saved values unless it was refused. */
	if (params_get(&r->form, "name") == NULL)
		tpl_set_row(tpl_section(p.body, "RENAME"), g, 0);
	else
		input_fill(tpl_section(p.body, "RENAME"), r, group_in);
	input_fill(tpl_section(p.body, "JOIN"), r, member_in);
	for (size_t i = 0; i < members->nrows; i++) {
		struct tpl *m = tpl_section(p.body, "MEMBER");

		tpl_set_row(m, members, i);
		tpl_set_int(m, "GROUP_ID", id);
	}
	if (members->nrows == 0)
		tpl_show(p.body, "NO_MEMBERS");
	for (size_t i = 0; i < rooms->nrows; i++) {
		struct tpl *u = tpl_section(p.body, "ROOM");

		tpl_set_row(u, rooms, i);
		if (db_get_int(rooms, i, "as_approver"))
			tpl_show(u, "APPROVES");
		if (db_get_int(rooms, i, "as_bookable"))
			tpl_show(u, "BOOKS");
	}
	tpl_show(p.body, rooms->nrows == 0 ? "UNUSED" : "USED");
	if (params_get(&r->query, "added") != NULL)
		tpl_show(p.body, "ADDED");
	if (params_get(&r->query, "saved") != NULL)
		tpl_show(p.body, "SAVED");
	rc = page_finish(&p, r, status);
out:
	db_rows_free(g);
	db_rows_free(members);
	db_rows_free(rooms);
	return rc;
}

int
group_show(struct req *r)
{
	return group_page(r, route_arg_id(r, 0), 200);
}

int
group_page_again(struct req *r, int status)
{
	return group_page(r, route_arg_id(r, 0), status);
}

/* Back to the group's page, saying it was saved. */
static int
saved(struct req *r, long long id)
{
	return resp_redirectf(r, 303, "/admin/groups/%lld?saved=1", id);
}

int
group_update(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	struct input		 in;
	enum group_result	 rc;
	int			 refused;

	if ((refused = input_form(r, group_in, &in)) != 0)
		return refused;
	if ((rc = group_change(r->app->db, id, input_text(&in, "name"),
	    input_given(&in, "description") ? input_text(&in, "description") :
	    "")) != GROUP_OK)
		return group_refused(r, rc, NULL);
	log_info(r->rid, "group %lld changed by user %lld", id, r->user->id);
	return saved(r, id);
}

int
group_member_add(struct req *r)
{
	long long		 id = route_arg_id(r, 0), user;
	struct input		 in;
	enum group_result	 rc;
	int			 refused;

	if ((refused = input_form(r, member_in, &in)) != 0)
		return refused;
	if ((rc = group_join(r->app->db, id, input_text(&in, "login"),
	    &user)) != GROUP_OK)
		return group_refused(r, rc, input_text(&in, "login"));
	log_info(r->rid, "user %lld put in group %lld by user %lld", user, id,
	    r->user->id);
	return saved(r, id);
}

int
group_member_remove(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	long long		 user = route_arg_id(r, 1);
	enum group_result	 rc;

	/* Taken out already: the page shows them gone either way. */
	if ((rc = group_leave(r->app->db, id, user)) != GROUP_OK &&
	    rc != GROUP_ALREADY)
		return group_refused(r, rc, NULL);
	log_info(r->rid, "user %lld taken out of group %lld by user %lld",
	    user, id, r->user->id);
	return saved(r, id);
}

int
group_delete(struct req *r)
{
	long long		 id = route_arg_id(r, 0);
	enum group_result	 rc;

	if ((rc = group_remove(r->app->db, id)) != GROUP_OK)
		return group_refused(r, rc, NULL);
	log_info(r->rid, "group %lld deleted by user %lld", id, r->user->id);
	return resp_redirect(r, 303, "/admin/groups?deleted=1");
}
