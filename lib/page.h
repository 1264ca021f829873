/* page: HTML pages in the site layout, and the error page. */
#ifndef ROOMBOOK_PAGE_H
#define ROOMBOOK_PAGE_H

#include "db.h"
#include "render.h"
#include "request.h"

/* A page being built: the layout and the content template inside it. */
struct page {
	struct tpl	*root;		/* layout values: title, navigation */
	struct tpl	*body;		/* the content template's values */
	const char	*lang;		/* the reader's: templates/<lang>/ */
	const char	*layout;	/* around body: "layout.tpl" */
};

/* The language of r's templates: templates/<lang>/. */
const char *page_lang(const struct req *r);

/*
 * Starts a page titled title (already in the reader's language) whose
 * content is the template file, in the reader's language.  Returns 0, or
 * -1 on ENOMEM (nothing to free then).
 */
int	page_begin(struct page *p, struct req *r, const char *title,
	    const char *file);

/*
 * Renders and sends p with status, then frees it.  Returns status, or 500
 * if rendering failed (nothing sent: the dispatcher answers).
 */
int	page_finish(struct page *p, struct req *r, int status);

/*
 * Sets {{KEY}} to the span between two UTC DATETIME texts as people read
 * it in the site's zone and language lang ("Mon 30 Nov 2026, 10:00–11:00");
 * to a single time with page_set_time.  Unreadable values leave KEY empty.
 */
void	page_set_span(struct tpl *d, const char *lang, const char *key,
	    const char *start, const char *end);
void	page_set_time(struct tpl *d, const char *lang, const char *key,
	    const char *at);

/*
 * Sets {{NAME}} for every column of row `row` of rows, the column's name
 * (its SQL alias) in capitals: a column "title" fills {{TITLE}}, so a
 * template is filled from a row in one call where the names match.
 * SQL NULL is empty.
 */
void	tpl_set_row(struct tpl *d, const struct db_rows *rows, size_t row);

/*
 * An administrator's list of named things (groups, buildings, equipment)
 * with the form to add one: page file titled title, each of rows (freed
 * here) a {{#SECTION}} filled by tpl_set_row, {{#EMPTY}} when there is
 * none, the form's fields from r->form, and {{#NOTICE}} when the query
 * has the flag notice (what was just done: "deleted", "saved").  Sent
 * with status; returns what page_finish does.
 */
struct input_field;
struct page_list {
	const char	*title, *file, *section, *empty, *notice;
	const struct input_field *const *fields;
};
int	page_list(struct req *r, int status, const struct page_list *l,
	    struct db_rows *rows);

/*
 * Adds a {{#section}} per known language with {{TAG}}, {{NAME}} (the
 * language's name in itself) and {{#CHOSEN}} for the one equal to chosen.
 */
void	page_language_choices(struct tpl *d, const char *section,
	    const char *chosen);

/*
 * A page that uses the screen's whole width (the day grid) instead of the
 * column text pages keep to.
 */
void	page_wide(struct page *p);
/*
 * A page in layout (a template of its own, e.g. a door display's whole
 * screen) instead of the site's with its navigation.
 */
void	page_layout(struct page *p, const char *layout);

/*
 * A page whose content is a fragment kept between requests:
 * page_begin_rendered starts it, page_finish_rendered sends it with the
 * fragment in the layout, as page_begin and page_finish do; compressed
 * around the fragment's compressed form to a client that accepts gzip.
 */
struct fragment;
int	page_begin_rendered(struct page *p, struct req *r,
	    const char *title);
int	page_finish_rendered(struct page *p, struct req *r, int status,
	    const struct fragment *f);

/* Frees a page that will not be sent. */
void	page_discard(struct page *p);

/*
 * Sends the error page for status with an optional detail (shown to the
 * user: say what was wrong, never internals).  Falls back to plain text
 * if the template cannot be rendered.
 */
void	page_error(struct req *r, int status, const char *detail);

#endif
