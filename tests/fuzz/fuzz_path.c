/* Fuzzes path_decode (the request path) and log_quote (how a path is logged). */
#include "fuzz.h"

#include "log.h"
#include "request.h"
#include "utf8.h"

static size_t
count(const char *s, size_t len, char c)
{
	size_t	n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == c;
	return n;
}

/* What a log line may hold: printable ASCII, quotes and backslashes escaped. */
static void
check_quoted(const char *path)
{
	char	buf[64];

	log_quote(buf, sizeof buf, path);
	FUZZ_CHECK(strlen(buf) < sizeof buf);
	for (const char *q = buf; *q != '\0'; q++) {
		FUZZ_CHECK(*q >= 0x20 && *q < 0x7f && *q != '"');
		if (*q == '\\')
			FUZZ_CHECK(*++q == 'x');
	}
	log_quote(buf, 1, path);
	FUZZ_CHECK(buf[0] == '\0');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*raw = (const char *)data;
	const char	*why = NULL;
	char		*path;

	if ((path = path_decode(raw, size, &why)) == NULL) {
		FUZZ_CHECK(why != NULL);
		return 0;
	}
	FUZZ_CHECK(path[0] == '/');
	FUZZ_CHECK(strlen(path) <= size);
	FUZZ_CHECK(utf8_valid(path, strlen(path)));
	/* No %2F: decoding never makes a segment boundary. */
	FUZZ_CHECK(count(path, strlen(path), '/') == count(raw, size, '/'));
	if (memchr(raw, '%', size) == NULL)
		FUZZ_CHECK(strlen(path) == size && memcmp(path, raw, size) == 0);
	check_quoted(path);
	free(path);
	return 0;
}
