/*
 * booking: the people a request or a change names (participants, and
 * whom it is for), read alike from the forms and the API, and the person
 * picker of the forms, which works without scripts: a search field whose
 * button sends the form back with the people found as tick boxes.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "delegate.h"
#include "fields.h"
#include "handlers.h"
#include "i18n.h"
#include "input.h"
#include "page.h"
#include "participants.h"
#include "response.h"
#include "user.h"

/* People a search shows at most. */
#define FOUND_MAX	10

int
booking_participants_of(struct req *r, const struct input *in,
    struct participants *named)
{
	static const char	*items[INPUT_MAX_ITEMS];
	size_t			 n, bad;
	int			 rc;

	n = input_items(in, "participant", items, INPUT_MAX_ITEMS);
	if ((rc = participants_resolve(r->app->db, items, n, named, &bad)) ==
	    -1)
		return db_failed(r);
	if (rc == 1) {
		req_errorf(r, T(r, "“%s” is neither the login of someone here "
		    "nor an e-mail address."), items[bad]);
		return req_refuse(r, 422, r->error,
		    input_name_sent(in, "participant"));
	}
	return 0;
}

int
booking_owner_of(struct req *r, const struct input *in, struct user *buf,
    const struct user **owner)
{
	const char	*login = input_text(in, "owner");
	int		 found;

	*owner = r->user;
	if (login == NULL || strcmp(login, r->user->login) == 0)
		return 0;
	if ((found = user_find_active(r->app->db, login, buf)) == -1)
		return db_failed(r);
	if (found == 0) {
		req_errorf(r, T(r, "No one here has the login “%s”."), login);
		return req_refuse(r, 422, r->error,
		    input_name_sent(in, "owner"));
	}
	*owner = buf;
	return 0;
}

/* A participant as the picker's tick box carries and labels them. */
static void
picked_box(struct tpl *d, const char *section, long long n,
    const char *value, const char *label)
{
	struct tpl *b = tpl_section(d, section);

	tpl_set_int(b, "N", n);
	tpl_set(b, "VALUE", value);
	tpl_set(b, "LABEL", label);
}

/* The participants the form names now, as tick boxes, ticked. */
static int
fill_picked(struct req *r, struct tpl *d, struct participants *named,
    long long *n)
{
	static const char	*items[INPUT_MAX_ITEMS];
	char			 label[1100];
	size_t			 count = 0, bad;
	int			 rc;

	for (size_t j = 0; j < r->form.n && count < INPUT_MAX_ITEMS; j++)
		if (strcmp(r->form.v[j].name, "participant") == 0 &&
		    *r->form.v[j].value != '\0')
			items[count++] = r->form.v[j].value;
	if ((rc = participants_resolve(r->app->db, items, count, named,
	    &bad)) == -1)
		return db_failed(r);
	/* One the form could not name stays as typed, to be unticked. */
	if (rc == 1) {
		for (size_t i = 0; i < count; i++)
			picked_box(d, "PICKED", (*n)++, items[i], items[i]);
		return 0;
	}
	for (size_t i = 0; i < named->n; i++) {
		const struct participant *p = &named->v[i];

		if (p->user_id != 0) {
			snprintf(label, sizeof label, "%s (%s)", p->name,
			    p->login);
			picked_box(d, "PICKED", (*n)++, p->login, label);
		} else {
			snprintf(label, sizeof label, T(r, "%s (guest)"),
			    p->email);
			picked_box(d, "PICKED", (*n)++, p->email, label);
		}
	}
	return 0;
}

/* Those the search finds, not yet named, as tick boxes to tick. */
static int
fill_found(struct req *r, struct tpl *d, const char *find,
    const struct participants *named, long long *n)
{
	struct db_rows	*found;
	char		 label[1100];
	size_t		 offered = 0;

	tpl_set(d, "FIND", find);
	if ((found = user_search(r->app->db, find, FOUND_MAX)) == NULL)
		return db_failed(r);
	for (size_t i = 0; i < found->nrows; i++) {
		struct participant q = { .user_id = db_get_int(found, i, "id") };

		if (participants_has(named, &q))
			continue;
		snprintf(label, sizeof label, "%s (%s)", db_text(found, i,
		    "display_name"), db_text(found, i, "login"));
		picked_box(tpl_section(d, "FOUND_SOME"), "FOUND", (*n)++,
		    db_text(found, i, "login"), label);
		offered++;
	}
	/* An address nobody here has is a guest's, offered as one. */
	if (found->nrows == 0 && participant_address_valid(find)) {
		snprintf(label, sizeof label, T(r, "%s (guest)"), find);
		picked_box(tpl_section(d, "FOUND_SOME"), "FOUND", (*n)++, find,
		    label);
	} else if (offered == 0)
		tpl_set(tpl_section(d, "FOUND_NONE"), "FIND", find);
	db_rows_free(found);
	return 0;
}

int
booking_picker_fill(struct req *r, struct tpl *d)
{
	const char		*find = params_get(&r->form, "find");
	const char		*action = params_get(&r->form, "action");
	struct participants	 named = { 0 };
	long long		 n = 0;
	int			 rc;

	if ((rc = fill_picked(r, d, &named, &n)) == 0 && find != NULL &&
	    *find != '\0' && action != NULL && strcmp(action, "find") == 0)
		rc = fill_found(r, d, find, &named, &n);
	participants_free(&named);
	return rc;
}

int
booking_owner_choices(struct req *r, struct tpl *d)
{
	struct db_rows *rows;

	if ((rows = delegate_principals(r->app->db, r->user->id)) == NULL)
		return db_failed(r);
	/* Only those who may book for someone see whom for. */
	if (rows->nrows > 0 || r->user->admin) {
		struct tpl *f = tpl_section(d, "FOR_SOMEONE");

		input_fill(f, r, booking_request_in);
		tpl_set(f, "ME", r->user->login);
		tpl_show(f, r->user->admin ? "ANYONE" : "DELEGATE_ONLY");
		for (size_t i = 0; i < rows->nrows; i++) {
			struct tpl *o = tpl_section(f, "PRINCIPAL");

			tpl_set(o, "LOGIN", db_get(rows, i, "login"));
			tpl_set(o, "NAME", db_get(rows, i, "display_name"));
		}
	}
	db_rows_free(rows);
	return 0;
}
