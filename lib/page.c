/* page: HTML pages in the site layout, and the error page. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "clock.h"
#include "db.h"
#include "fragment.h"
#include "gzip.h"
#include "i18n.h"
#include "input.h"
#include "log.h"
#include "page.h"
#include "session.h"
#include "response.h"
#include "when.h"

/*
 * Navigation entries; the first whose prefix matches the path (and the
 * method, when one is given) is current.
 */
static const struct {
	const char	*section;	/* {{#NAV_x}} in layout.tpl */
	const char	*prefix;
	int		 exact;
	unsigned	 methods;	/* 0: any */
} nav[] = {
	{ "CUR_HOME",	 "/",		  1, 0 },
	{ "CUR_BOOK",	 "/bookings/new", 1, 0 },
	/* The booking form comes back with its errors from POST /bookings. */
	{ "CUR_BOOK",	 "/bookings",	  1, M_POST },
	{ "CUR_MINE",	 "/bookings",	  0, 0 },
	{ "CUR_FIND",	 "/rooms/find",	  1, 0 },
	{ "CUR_ROOMS",	 "/rooms",	  0, 0 },
	{ "CUR_DAY",	 "/status/day",	  0, 0 },
	{ "CUR_STATUS",	 "/status",	  0, 0 },
	{ "CUR_QUEUE",	 "/admin/approvals", 0, 0 },
	{ "CUR_ADMIN",	 "/admin",	  0, 0 },
	{ "CUR_ACCOUNT", "/account",	  0, 0 },
	{ "CUR_NOTES",	 "/notifications", 0, 0 },
};

static const char *
current_nav(enum method method, const char *path)
{
	for (size_t i = 0; path != NULL && i < NELEM(nav); i++) {
		size_t n = strlen(nav[i].prefix);

		if (nav[i].methods != 0 && !(nav[i].methods & method))
			continue;
		if (nav[i].exact ? strcmp(path, nav[i].prefix) == 0 :
		    strncmp(path, nav[i].prefix, n) == 0 &&
		    (path[n] == '\0' || path[n] == '/'))
			return nav[i].section;
	}
	return NULL;
}

const char *
page_lang(const struct req *r)
{
	return r->lang != NULL ? r->lang : I18N_SOURCE;
}

/* Data from a lagging replica: the page says how old it is. */
static void
set_as_of(struct tpl *root, time_t as_of)
{
	struct tm	tm;
	char		buf[16];

	if (localtime_r(&as_of, &tm) != NULL &&
	    strftime(buf, sizeof buf, "%H:%M:%S", &tm) > 0)
		tpl_set(tpl_section(root, "AS_OF"), "TIME", buf);
}

int
page_begin(struct page *p, struct req *r, const char *title,
    const char *file)
{
	const char	*cur = current_nav(r->method, r->path);
	const char	*site = r->app != NULL ? r->app->cfg->site_name :
			    "roombook";
	char		 path[128], form_token[TOKEN_LEN], count[16];
	long long	 waiting;

	p->body = NULL;
	p->lang = page_lang(r);
	p->layout = "layout.tpl";
	if ((p->root = tpl_new()) == NULL)
		return -1;
	tpl_set(p->root, "LANG", p->lang);
	tpl_set(p->root, "SITE_NAME", site);
	tpl_set(p->root, "TITLE", title);
	if (cur != NULL)
		tpl_show(p->root, cur);
	/* Who is logged in, on every page, with the way out. */
	session_form_token(r, form_token);
	tpl_set_global(p->root, "CSRF", form_token);
	if (r->user != NULL) {
		struct tpl *u = tpl_section(p->root, "USER");

		tpl_set(u, "USER_NAME", r->user->name);
		tpl_set(u, "USER_LOGIN", r->user->login);
		tpl_show(p->root, "NOTIFICATIONS_NAV");
		if (r->user->unread > 0)
			tpl_set(tpl_section(p->root, "UNREAD"), "COUNT",
			    user_count_text(r->user->unread, count,
			    sizeof count));
		if ((waiting = session_waiting(r)) == -1) {
			page_discard(p);
			return -1;
		}
		if (r->decides) {
			struct tpl *a = tpl_section(p->root, "DECIDER_NAV");

			if (waiting > 0)
				tpl_set(tpl_section(a, "WAITING"), "COUNT",
				    user_count_text(waiting, count,
				    sizeof count));
		}
		if (r->user->admin)
			tpl_show(p->root, "ADMIN_NAV");
	} else
		tpl_show(p->root, "ANONYMOUS");
	/* Where a person's zone is not the site's, the page says whose. */
	if (r->user != NULL && r->user->time_zone[0] != '\0' &&
	    strcmp(r->user->time_zone, clock_site_zone()) != 0)
		tpl_set(tpl_section(p->root, strcmp(clock_zone(),
		    clock_site_zone()) == 0 ? "SITE_ZONE" : "OWN_ZONE"), "ZONE",
		    clock_zone());
	if (r->as_of != 0)
		set_as_of(p->root, r->as_of);
	snprintf(path, sizeof path, "%s/%s", p->lang, file);
	p->body = tpl_include(p->root, "CONTENT", path);
	return 0;
}

void
page_set_span(struct tpl *d, const char *lang, const char *key,
    const char *start, const char *end)
{
	time_t	s, t;
	char	buf[256];

	if (parse_sql_time(start, &s) == 0 && parse_sql_time(end, &t) == 0)
		tpl_set(d, key, when_span(lang, s, t, buf, sizeof buf));
}

void
page_set_time(struct tpl *d, const char *lang, const char *key,
    const char *at)
{
	time_t	t;
	char	buf[128];

	if (parse_sql_time(at, &t) == 0)
		tpl_set(d, key, when_format(lang, t, WHEN_MOMENT, buf,
		    sizeof buf));
}

void
page_language_choices(struct tpl *d, const char *section, const char *chosen)
{
	for (size_t i = 0; i < i18n_count(); i++) {
		struct tpl	*o = tpl_section(d, section);
		const char	*tag = i18n_tag(i);

		tpl_set(o, "TAG", tag);
		/* TRANSLATORS: the name of this catalog's language, in itself
		   (한국어 for Korean), as the language choices list it. */
		tpl_set(o, "NAME", i18n_text(tag, "English"));
		if (chosen != NULL && strcmp(tag, chosen) == 0)
			tpl_show(o, "CHOSEN");
	}
}

int
page_list(struct req *r, int status, const struct page_list *l,
    struct db_rows *rows)
{
	struct page	p;
	char		notice[32];
	size_t		i;

	if (page_begin(&p, r, l->title, l->file) == -1) {
		db_rows_free(rows);
		return 500;
	}
	input_fill(p.body, r, l->fields);
	for (i = 0; i < rows->nrows; i++)
		tpl_set_row(tpl_section(p.body, l->section), rows, i);
	if (rows->nrows == 0)
		tpl_show(p.body, l->empty);
	db_rows_free(rows);
	if (params_get(&r->query, l->notice) != NULL) {
		for (i = 0; l->notice[i] != '\0' && i < sizeof notice - 1; i++)
			notice[i] = (char)toupper((unsigned char)l->notice[i]);
		notice[i] = '\0';
		tpl_show(p.body, notice);
	}
	return page_finish(&p, r, status);
}

void
page_wide(struct page *p)
{
	tpl_show(p->root, "WIDE");
}

void
page_layout(struct page *p, const char *layout)
{
	p->layout = layout;
}

void
page_discard(struct page *p)
{
	tpl_free(p->root);
	p->root = p->body = NULL;
}

int
page_begin_rendered(struct page *p, struct req *r, const char *title)
{
	return page_begin(p, r, title, RENDER_FRAGMENT_FILE);
}

/*
 * Renders the layout around its content, or around fragment f, and sends
 * it; with f, compressed by us to a client that accepts gzip (the gateway
 * compresses the rest).
 */
static int
send_page(struct page *p, struct req *r, int status, const struct fragment *f)
{
	size_t		 n = 0, at, sent_len = 0;
	char		 path[128], *page, *whole = NULL;
	unsigned char	*packed = NULL;
	const void	*sent;

	snprintf(path, sizeof path, "%s/%s", p->lang, p->layout);
	page = render_marked(path, p->root, &n, &at);
	page_discard(p);
	if (page == NULL || (f != NULL && at == (size_t)-1)) {
		free(page);
		r->error = "a page template could not be rendered";
		return 500;
	}
	if (f == NULL) {
		sent = page;
		sent_len = n;
	} else if (f->packed != NULL &&
	    gzip_accepted(req_env(r, "HTTP_ACCEPT_ENCODING"))) {
		if ((packed = gzip_around(page, at, f->packed, page + at,
		    n - at, &sent_len)) == NULL ||
		    resp_header(r, "Content-Encoding", "gzip") == -1)
			goto fail;
		sent = packed;
	} else {
		if ((whole = malloc(n + f->len)) == NULL)
			goto fail;
		memcpy(whole, page, at);
		memcpy(whole + at, f->html, f->len);
		memcpy(whole + at + f->len, page + at, n - at);
		sent = whole;
		sent_len = n + f->len;
	}
	if (f != NULL && resp_header(r, "Vary", "Accept-Encoding") == -1)
		goto fail;
	resp_send(r, status, TYPE_HTML, CACHE_NONE, sent, sent_len);
	free(page);
	free(packed);
	free(whole);
	return status;
fail:
	free(page);
	free(packed);
	free(whole);
	r->error = "out of memory for a page";
	return 500;
}

int
page_finish_rendered(struct page *p, struct req *r, int status,
    const struct fragment *f)
{
	return send_page(p, r, status, f);
}

int
page_finish(struct page *p, struct req *r, int status)
{
	return send_page(p, r, status, NULL);
}

/* What to tell a person for each status we answer with an error page. */
static const struct {
	int		 status;
	const char	*message;
} error_messages[] = {
	{ 400, N_("The request could not be understood.") },
	{ 401, N_("Please log in first.") },
	{ 403, N_("You are not allowed to do that.") },
	{ 404, N_("There is no such page.") },
	{ 405, N_("This page does not accept that kind of request.") },
	{ 409, N_("That conflicts with a change made in the meantime.") },
	{ 413, N_("What you sent is too large.") },
	{ 414, N_("The address is too long.") },
	{ 415, N_("What you sent is in a format this page does not accept.") },
	{ 422, N_("Some of what you entered needs correcting.") },
	{ 500, N_("Something went wrong on our side. It has been logged.") },
	{ 503, N_("The service is unavailable right now (the database cannot "
	    "be reached). Please try again in a moment.") },
};

void
page_error(struct req *r, int status, const char *detail)
{
	const char	*message = N_("Something went wrong.");
	struct page	 p;
	char		 code[12];

	for (size_t i = 0; i < NELEM(error_messages); i++)
		if (error_messages[i].status == status)
			message = error_messages[i].message;
	if (status == 503 && resp_header(r, "Retry-After", "5") == -1)
		log_error(r->rid, "out of memory for a header");
	/* Internal causes are for the log, not for the page. */
	if (status >= 500)
		detail = NULL;
	snprintf(code, sizeof code, "%d", status);
	message = T(r, message);
	if (page_begin(&p, r, T(r, http_reason(status)), "error.tpl") == 0) {
		tpl_set(p.body, "STATUS", code);
		tpl_set(p.body, "REASON", T(r, http_reason(status)));
		tpl_set(p.body, "MESSAGE", message);
		tpl_set(p.body, "DETAIL", detail);
		tpl_set(p.body, "REQUEST_ID", r->rid);
		if (detail != NULL)
			tpl_show(p.body, "HAS_DETAIL");
		if (page_finish(&p, r, status) == status)
			return;
	}
	/* The template failed too: plain text still tells the truth. */
	resp_send(r, status, TYPE_TEXT, CACHE_NONE, message, strlen(message));
}

void
tpl_set_row(struct tpl *d, const struct db_rows *rows, size_t row)
{
	char key[64];

	for (size_t c = 0; c < rows->ncols && row < rows->nrows; c++) {
		size_t i;

		for (i = 0; rows->names[c][i] != '\0' && i < sizeof key - 1; i++)
			key[i] = (char)toupper((unsigned char)rows->names[c][i]);
		key[i] = '\0';
		tpl_set(d, key, rows->cell[row * rows->ncols + c]);
	}
}
