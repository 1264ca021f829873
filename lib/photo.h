/* photo: uploaded room photos reduced to their pixels, saved again as JPEG. */
#ifndef ROOMBOOK_PHOTO_H
#define ROOMBOOK_PHOTO_H

#include <stddef.h>

/* Every photo is kept this wide; its height follows its shape. */
#define PHOTO_WIDTH		960
#define PHOTO_QUALITY		82	/* JPEG quality */

/* Limits on what is decoded at all, read from the file's header first. */
#define PHOTO_MAX_SIDE		8000
#define PHOTO_MAX_PIXELS	40000000
#define PHOTO_MAX_RATIO		4	/* 4:1 wide to 1:4 tall */
#define PHOTO_MAX_SCANS		100	/* progressive JPEG scans */

enum photo_result {
	PHOTO_OK,
	PHOTO_NOT_IMAGE,	/* not a JPEG or PNG we read: wrong magic,
				   truncated, corrupt, too many scans */
	PHOTO_TOO_LARGE,	/* more bytes than max_bytes */
	PHOTO_TOO_MANY_PIXELS,	/* a side over PHOTO_MAX_SIDE, or over
				   PHOTO_MAX_PIXELS */
	PHOTO_BAD_SHAPE,	/* wider than 4:1 or taller than 1:4 */
	PHOTO_NO_MEMORY,	/* out of memory: not the photo's fault */
};

/* A photo as it is kept: pixels only, named by its lower-case hex hash. */
struct photo {
	unsigned char	*jpeg;		/* JFIF: no EXIF, no COM */
	size_t		 len;
	int		 width;		/* PHOTO_WIDTH */
	int		 height;
	char		 name[65];	/* SHA-256 of jpeg, hex */
};

/*
 * Reads the JPEG or PNG data[0..len) (an upload: hostile) of at most
 * max_bytes and saves its pixels again as a PHOTO_WIDTH-wide JPEG into
 * *out, which the caller frees with photo_free.  The size is read from
 * the file's header and checked before anything is decoded, so a small
 * file that declares a huge image costs nothing; transparency becomes
 * white.  Returns PHOTO_OK, or why the photo is refused with *out zeroed.
 */
enum photo_result	 photo_make(const void *data, size_t len,
			    size_t max_bytes, struct photo *out);

/* Frees what p holds (a zeroed struct is fine); p is zeroed after. */
void			 photo_free(struct photo *p);

/*
 * An English sentence for the person who sent the photo, marked with
 * N_() for translation (i18n_text), e.g. for req_refuse.  A constant.
 */
const char		*photo_says(enum photo_result r);

#endif
