// render: the C bridge over ctemplate; templates are parsed once per worker.
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include <ctemplate/template.h>

#include "render.h"

using ctemplate::TemplateDictionary;
using ctemplate::TemplateString;

// A variable or section name with its hashed id worked out once.
class Name : public TemplateString {
public:
	Name() : TemplateString("") {}
	explicit Name(const char *s) : TemplateString(s) { CacheGlobalId(); }
};

/*
 * Names are mostly string literals, used again on every row of every page:
 * remember each one's id by address instead of hashing it on each use.
 * The text is kept too, and checked, since a name may also sit in a
 * buffer that is reused for another.
 */
static TemplateString
name_of(const char *s)
{
	static struct {
		const char	*at;
		char		 text[48];
		Name		 name;
	} seen[512];
	size_t	i = ((uintptr_t)s >> 3) % (sizeof seen / sizeof seen[0]);
	size_t	len = strlen(s);

	if (len >= sizeof seen[i].text)
		return TemplateString(s, len);
	if (seen[i].at != s || strcmp(seen[i].text, s) != 0) {
		memcpy(seen[i].text, s, len + 1);
		seen[i].name = Name(seen[i].text);
		seen[i].at = s;
	}
	return seen[i].name;
}

// A C handle on a dictionary.  The root handle owns the ctemplate tree and
// every handle given out for its sections and includes.
struct tpl {
	TemplateDictionary		*dict;
	struct tpl			*root;
	bool				 failed;	// root only
	std::vector<struct tpl *>	 children;	// root only
};

int
render_init(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
		return -1;
	// The default cache keeps each parsed template for the worker's life.
	ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(
	    dir);
	return 0;
}

struct tpl *
tpl_new(void)
{
	struct tpl *t = new (std::nothrow) struct tpl;

	if (t == NULL)
		return NULL;
	t->root = t;
	t->failed = false;
	if ((t->dict = new (std::nothrow) TemplateDictionary("page")) == NULL) {
		delete t;
		return NULL;
	}
	return t;
}

void
tpl_free(struct tpl *t)
{
	if (t == NULL)
		return;
	for (struct tpl *c : t->children)
		delete c;
	delete t->dict;
	delete t;
}

void
tpl_set(struct tpl *t, const char *key, const char *value)
{
	try {
		t->dict->SetValue(name_of(key), value != NULL ? value : "");
	} catch (const std::bad_alloc &) {
		t->root->failed = true;
	}
}

void
tpl_set_global(struct tpl *t, const char *key, const char *value)
{
	try {
		t->dict->SetTemplateGlobalValue(key, value != NULL ? value : "");
	} catch (const std::bad_alloc &) {
		t->root->failed = true;
	}
}

void
tpl_set_int(struct tpl *t, const char *key, long long value)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", value);
	tpl_set(t, key, buf);
}

// Wraps a child dictionary; on failure the root stands in (render fails).
static struct tpl *
adopt(struct tpl *parent, TemplateDictionary *d)
{
	struct tpl *root = parent->root;

	try {
		struct tpl *c = new struct tpl;

		c->dict = d;
		c->root = root;
		c->failed = false;
		root->children.push_back(c);
		return c;
	} catch (const std::bad_alloc &) {
		root->failed = true;
		return root;
	}
}

struct tpl *
tpl_section(struct tpl *t, const char *section)
{
	try {
		return adopt(t, t->dict->AddSectionDictionary(name_of(section)));
	} catch (const std::bad_alloc &) {
		t->root->failed = true;
		return t->root;
	}
}

void
tpl_show(struct tpl *t, const char *section)
{
	try {
		t->dict->ShowSection(name_of(section));
	} catch (const std::bad_alloc &) {
		t->root->failed = true;
	}
}

struct tpl *
tpl_include(struct tpl *t, const char *marker, const char *file)
{
	try {
		TemplateDictionary *inc = t->dict->AddIncludeDictionary(marker);

		inc->SetFilename(file);
		return adopt(t, inc);
	} catch (const std::bad_alloc &) {
		t->root->failed = true;
		return t->root;
	}
}

static char *
expand(const char *file, ctemplate::Strip strip, const struct tpl *t,
    size_t *len, size_t *mark_at)
{
	if (t->root->failed)
		return NULL;
	try {
		std::string	 out;
		size_t		 mark = sizeof RENDER_FRAGMENT_MARK - 1;
		char		*page;

		if (!ctemplate::ExpandTemplate(file, strip, t->dict, &out))
			return NULL;
		if ((*mark_at = out.find(RENDER_FRAGMENT_MARK)) !=
		    std::string::npos)
			out.erase(*mark_at, mark);
		else
			*mark_at = (size_t)-1;
		if ((page = static_cast<char *>(malloc(out.size() + 1))) == NULL)
			return NULL;
		memcpy(page, out.c_str(), out.size() + 1);
		*len = out.size();
		return page;
	} catch (const std::bad_alloc &) {
		return NULL;
	}
}

char *
render_marked(const char *file, const struct tpl *t, size_t *len,
    size_t *mark_at)
{
	return expand(file, ctemplate::STRIP_BLANK_LINES, t, len, mark_at);
}

char *
render(const char *file, const struct tpl *t, size_t *len)
{
	size_t mark_at;

	return render_marked(file, t, len, &mark_at);
}

char *
render_plain(const char *file, const struct tpl *t, size_t *len)
{
	size_t mark_at;

	return expand(file, ctemplate::DO_NOT_STRIP, t, len, &mark_at);
}
