/* Fuzzes params_parse_cookies: the Cookie header, as browsers and others send it. */
#include "fuzz.h"

#include "request.h"
#include "utf8.h"

/* RFC 6265 cookie-name: a token (written out again, not shared with lib). */
static int
token_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

/* Where name first occurs in p (it does). */
static size_t
first(const struct params *p, const char *name)
{
	size_t	i = 0;

	while (strcmp(p->v[i].name, name) != 0)
		i++;
	return i;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct params	 p = { 0 };
	const char	*why = NULL;
	char		*h = fuzz_str(data, size);
	size_t		 pairs = 0;

	FUZZ_CHECK(params_parse_cookies(&p, h, &why) == 0);
	FUZZ_CHECK(p.n <= REQ_MAX_COOKIES);
	/* Each pair has its own '=' in the header. */
	for (const char *c = h; *c != '\0'; c++)
		pairs += *c == '=';
	FUZZ_CHECK(p.n <= pairs);
	for (size_t i = 0; i < p.n; i++) {
		const char *name = p.v[i].name, *value = p.v[i].value;

		FUZZ_CHECK(name[0] != '\0');
		for (const char *c = name; *c != '\0'; c++)
			FUZZ_CHECK(token_char((unsigned char)*c));
		FUZZ_CHECK(strchr(value, ';') == NULL);
		FUZZ_CHECK(utf8_valid(value, strlen(value)));
		FUZZ_CHECK(strstr(h, name) != NULL && strstr(h, value) != NULL);
		/* The first of a repeated name wins. */
		FUZZ_CHECK(params_get(&p, name) == p.v[first(&p, name)].value);
	}
	params_free(&p);
	free(h);
	return 0;
}
