/* Fuzzes cursor_parse: the lists' ?after=, ?before= and ?cursor=. */
#include "fuzz.h"

#include "cursor.h"

/* The shape the pages write: 1-12 digits, a dot, 1-18 digits. */
static int
cursor_shape(const char *s)
{
	size_t	secs = strspn(s, "0123456789"), id;

	if (secs < 1 || secs > 12 || s[secs] != '.')
		return 0;
	id = strspn(s + secs + 1, "0123456789");
	return id >= 1 && id <= 18 && s[secs + 1 + id] == '\0';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s = fuzz_str(data, size), again[40];
	time_t		 t, t2;
	long long	 id, id2;
	int		 ok;

	ok = cursor_parse(s, &t, &id) == 0;
	FUZZ_CHECK(ok == cursor_shape(s));
	if (ok) {
		/* Written as a link writes it, it reads the same. */
		FUZZ_CHECK(t >= 0 && id >= 0);
		snprintf(again, sizeof again, "%lld.%lld", (long long)t, id);
		FUZZ_CHECK(cursor_parse(again, &t2, &id2) == 0);
		FUZZ_CHECK(t2 == t && id2 == id);
	}
	free(s);
	return 0;
}
