/*
 * Fuzzes photo_make: whatever is uploaded comes out as a JPEG of
 * PHOTO_WIDTH pixels named by its hash, or is refused with nothing kept.
 */
#include "fuzz.h"

#include <sodium.h>

#include "photo.h"

#define MAX_BYTES	(1024 * 1024)

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (sodium_init() < 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char		 hash[crypto_hash_sha256_BYTES];
	char			 hex[65];
	struct photo		 ph;
	enum photo_result	 r;
	int			 magic;

	r = photo_make(data, size, MAX_BYTES, &ph);
	FUZZ_CHECK(photo_says(r) != NULL);
	magic = (size >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) ||
	    (size >= 3 && memcmp(data, "\xff\xd8\xff", 3) == 0);
	if (r != PHOTO_OK) {
		FUZZ_CHECK(ph.jpeg == NULL && ph.len == 0 && ph.name[0] == '\0');
		FUZZ_CHECK(r == PHOTO_NOT_IMAGE || r == PHOTO_TOO_MANY_PIXELS ||
		    r == PHOTO_BAD_SHAPE);
		FUZZ_CHECK(magic || r == PHOTO_NOT_IMAGE);
		photo_free(&ph);
		return 0;
	}
	FUZZ_CHECK(magic);
	FUZZ_CHECK(ph.jpeg != NULL && ph.len > 4);
	FUZZ_CHECK(ph.jpeg[0] == 0xff && ph.jpeg[1] == 0xd8);
	FUZZ_CHECK(ph.jpeg[ph.len - 2] == 0xff && ph.jpeg[ph.len - 1] == 0xd9);
	FUZZ_CHECK(ph.width == PHOTO_WIDTH);
	FUZZ_CHECK(ph.height >= PHOTO_WIDTH / PHOTO_MAX_RATIO &&
	    ph.height <= PHOTO_WIDTH * PHOTO_MAX_RATIO);
	FUZZ_CHECK(strlen(ph.name) == 64 &&
	    strspn(ph.name, "0123456789abcdef") == 64);
	crypto_hash_sha256(hash, ph.jpeg, ph.len);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	FUZZ_CHECK(strcmp(hex, ph.name) == 0);
	photo_free(&ph);
	FUZZ_CHECK(ph.jpeg == NULL);
	return 0;
}
