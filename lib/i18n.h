/*
 * i18n: the words in the reader's language.  English is written in the
 * sources; each other language is a GNU gettext catalog (po/<lang>.po,
 * built by tools/i18n into <locale dir>/<lang>.mo) loaded at start.
 */
#ifndef ROOMBOOK_I18N_H
#define ROOMBOOK_I18N_H

#include <stddef.h>

/* English, the sources' language: always known. */
#define I18N_SOURCE	"en"

/* The longest language tag kept ("ko", "pt-BR"). */
#define I18N_TAG_LEN	16

/*
 * Loads every <lang>.mo in dir (NULL or "": English only).  Returns 0, or
 * -1 with why in err.  Call once at start-up.
 */
int		 i18n_load(const char *dir, char *err, size_t errlen);

/* The known language tag equal to tag (case aside), or NULL. */
const char	*i18n_known(const char *tag);

/*
 * The known language an Accept-Language header likes best (q-values
 * weighed; "ko-KR" matches "ko"), or NULL when it names none of them.
 */
const char	*i18n_accept(const char *header);

/* How many languages are known, and the i-th (English first). */
size_t		 i18n_count(void);
const char	*i18n_tag(size_t i);

/*
 * msgid in language lang (a tag from this module), or msgid itself when
 * the catalog has no translation.  Borrowed: valid for the worker's life.
 */
const char	*i18n_text(const char *lang, const char *msgid)
		    __attribute__((format_arg(2)));

/* Marks a message translated later (in a table, say); its text is msgid. */
#define N_(msgid)	msgid
/* msgid in request r's language. */
#define T(r, msgid)	i18n_text((r)->lang, msgid)

#endif
