/* render: the C bridge over ctemplate; templates are parsed once per worker. */
#ifndef ROOMBOOK_RENDER_H
#define ROOMBOOK_RENDER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A template dictionary: the values one page is expanded with.  Running
 * out of memory while filling it is remembered, and render() then fails,
 * so filling calls need no checks of their own.
 */
struct tpl;

/*
 * Points the template cache at dir.  Returns 0, or -1 if dir is not a
 * directory.  Call once at start-up.
 */
int		 render_init(const char *dir);

/* A new, empty dictionary the caller frees with tpl_free; NULL on ENOMEM. */
struct tpl	*tpl_new(void);
/* Frees a dictionary from tpl_new with everything added to it. */
void		 tpl_free(struct tpl *);

/* Sets {{KEY}} (value NULL = empty); the value is copied. */
void		 tpl_set(struct tpl *, const char *key, const char *value);
void		 tpl_set_int(struct tpl *, const char *key, long long value);

/*
 * Sets {{KEY}} for the whole page, included templates too (they do not
 * see their parent's values otherwise).
 */
void		 tpl_set_global(struct tpl *, const char *key, const char *value);

/*
 * Adds one repetition of {{#SECTION}} and returns its dictionary, owned by
 * the one from tpl_new.
 */
struct tpl	*tpl_section(struct tpl *, const char *section);

/* Shows {{#SECTION}} once, with the parent's values. */
void		 tpl_show(struct tpl *, const char *section);

/*
 * Fills {{>MARKER}} with the template file and returns the included
 * template's dictionary, owned by the one from tpl_new.
 */
struct tpl	*tpl_include(struct tpl *, const char *marker,
		    const char *file);

/*
 * Expands file with the dictionary d (from tpl_new) into a new
 * NUL-terminated string the caller frees, its length in *len.  NULL if the
 * template is missing or broken (ctemplate logs why to stderr) or memory
 * ran out, now or while d was filled.
 */
char		*render(const char *file, const struct tpl *d, size_t *len);

/*
 * render for plain text (a message's text part): every line and blank
 * line as the template has it, none stripped.
 */
char		*render_plain(const char *file, const struct tpl *d,
		    size_t *len);
/*
 * The template that stands for HTML rendered before, in a page: render
 * cuts its mark out and says where it was (*mark_at; (size_t)-1 when the
 * page has none), for that HTML to go there.  The mark is a comment, which
 * no value can make: every value is escaped, so a "<" comes out as "&lt;".
 */
#define RENDER_FRAGMENT_FILE	"fragment.tpl"
#define RENDER_FRAGMENT_MARK	"<!--rendered-->"
char		*render_marked(const char *file, const struct tpl *d,
		    size_t *len, size_t *mark_at);

#ifdef __cplusplus
}
#endif

#endif
