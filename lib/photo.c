/* photo: uploaded room photos reduced to their pixels, saved again as JPEG. */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gd.h>
#include <sodium.h>

#include "i18n.h"
#include "photo.h"

_Static_assert(PHOTO_MAX_SIDE == 8000 && PHOTO_MAX_PIXELS == 40000000 &&
    PHOTO_MAX_RATIO == 4, "photo_says names the limits");

enum format { F_NONE, F_PNG, F_JPEG };

static const unsigned char png_magic[8] = {
	0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
};

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

/* The signature, then IHDR first: its width and height.  0 or -1. */
static int
png_size(const unsigned char *p, size_t len, uint32_t *w, uint32_t *h)
{
	if (len < 8 + 8 + 13 || be32(p + 8) != 13 ||
	    memcmp(p + 12, "IHDR", 4) != 0)
		return -1;
	*w = be32(p + 16);
	*h = be32(p + 20);
	return 0;
}

/* SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
static int
is_sof(unsigned m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

/* Markers without a length: TEM and RST0..7. */
static int
standalone(unsigned m)
{
	return m == 0x01 || (m >= 0xd0 && m <= 0xd7);
}

/*
 * Walks the markers after SOI to EOI: the first SOFn's height and width.
 * The walk must reach EOI because gd decodes a file cut short (libjpeg
 * only warns, and gd passes warnings by), the missing part grey.  Scans
 * are counted: libjpeg decodes every scan of a progressive file over the
 * whole image, so a small file of many empty scans would keep a worker
 * busy for minutes.  0 or -1 (cut short, no frame before the first scan,
 * too many scans, a marker out of place); the size is set once read.
 */
static int
jpeg_size(const unsigned char *p, size_t len, uint32_t *w, uint32_t *h)
{
	size_t		i = 2, seg;
	unsigned	m, scans = 0;
	int		frame = 0;

	for (;;) {
		if (i == len || p[i] != 0xff)
			return -1;
		while (i < len && p[i] == 0xff)		/* fill bytes */
			i++;
		if (i == len)
			return -1;
		m = p[i++];
		if (standalone(m))
			continue;
		if (m == 0xd9)				/* EOI */
			return frame && scans > 0 ? 0 : -1;
		if (m == 0x00 || m == 0xd8 || len - i < 2 ||
		    (seg = be16(p + i)) < 2 || len - i < seg)
			return -1;
		if (is_sof(m) && !frame) {
			if (seg < 8)
				return -1;
			*h = be16(p + i + 3);
			*w = be16(p + i + 5);
			frame = 1;
		}
		i += seg;
		if (m != 0xda)				/* SOS */
			continue;
		if (!frame || ++scans > PHOTO_MAX_SCANS)
			return -1;
		/* Entropy-coded data: up to a marker other than RSTn. */
		while (i + 1 < len && (p[i] != 0xff || p[i + 1] == 0x00 ||
		    (p[i + 1] >= 0xd0 && p[i + 1] <= 0xd7)))
			i++;
		if (i + 1 >= len)
			return -1;
	}
}

/*
 * gd's JPEG file with only the segments a decoder needs: gd adds a COM
 * segment naming itself and its version.  A new buffer, or NULL.
 */
static unsigned char *
strip_jpeg(const unsigned char *p, size_t len, size_t *out_len)
{
	unsigned char	*out;
	size_t		 i = 2, n = 2, seg;
	unsigned	 m;

	if ((out = malloc(len)) == NULL)
		return NULL;
	memcpy(out, p, 2);				/* SOI */
	/* Segment by segment up to the first scan, then the rest whole. */
	while (len - i >= 4 && p[i] == 0xff && (m = p[i + 1]) >= 0xc0 &&
	    m != 0xff && m != 0xda && !(m >= 0xd0 && m <= 0xd9) &&
	    (seg = be16(p + i + 2)) >= 2 && len - i - 2 >= seg) {
		/* Neither COM nor APP1..15 (EXIF, XMP, ICC). */
		if (m != 0xfe && (m < 0xe1 || m > 0xef)) {
			memcpy(out + n, p + i, seg + 2);
			n += seg + 2;
		}
		i += seg + 2;
	}
	memcpy(out + n, p + i, len - i);
	*out_len = n + len - i;
	return out;
}

/* gd reports each flaw of a hostile file on stderr; the result says enough. */
static void
quiet(int priority, const char *format, va_list args)
{
	(void)priority;
	(void)format;
	(void)args;
}

/* The header's size checked against the limits. */
static enum photo_result
size_allowed(uint32_t w, uint32_t h)
{
	if (w == 0 || h == 0)
		return PHOTO_NOT_IMAGE;
	if (w > PHOTO_MAX_SIDE || h > PHOTO_MAX_SIDE ||
	    (uint64_t)w * h > PHOTO_MAX_PIXELS)
		return PHOTO_TOO_MANY_PIXELS;
	if ((uint64_t)w > (uint64_t)h * PHOTO_MAX_RATIO ||
	    (uint64_t)h > (uint64_t)w * PHOTO_MAX_RATIO)
		return PHOTO_BAD_SHAPE;
	return PHOTO_OK;
}

enum photo_result
photo_make(const void *data, size_t len, size_t max_bytes, struct photo *out)
{
	const unsigned char	*p = data;
	unsigned char		 hash[crypto_hash_sha256_BYTES];
	enum photo_result	 rc;
	enum format		 format = F_NONE;
	gdImagePtr		 im = NULL, dst = NULL;
	void			*jpeg = NULL;
	uint32_t		 w = 0, h = 0;
	int			 flawed, height, size = 0;

	memset(out, 0, sizeof *out);
	if (len > max_bytes || len > INT_MAX)
		return PHOTO_TOO_LARGE;
	if (len >= sizeof png_magic && memcmp(p, png_magic, 8) == 0)
		format = F_PNG;
	else if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		format = F_JPEG;
	if (format == F_NONE)
		return PHOTO_NOT_IMAGE;
	flawed = format == F_PNG ? png_size(p, len, &w, &h) :
	    jpeg_size(p, len, &w, &h);
	/* A declared size over the limits says more than a flaw after it. */
	if ((rc = size_allowed(w, h)) == PHOTO_TOO_MANY_PIXELS ||
	    rc == PHOTO_BAD_SHAPE)
		return rc;
	if (rc != PHOTO_OK || flawed)
		return PHOTO_NOT_IMAGE;
	if (sodium_init() < 0)
		return PHOTO_NO_MEMORY;

	gdSetErrorMethod(quiet);
	/* gd reads, never writes, the buffer it is given. */
	if (format == F_PNG)
		im = gdImageCreateFromPngPtr((int)len, (void *)(uintptr_t)p);
	else
		im = gdImageCreateFromJpegPtrEx((int)len,
		    (void *)(uintptr_t)p, 0);
	if (im == NULL || gdImageSX(im) != (int)w || gdImageSY(im) != (int)h) {
		rc = PHOTO_NOT_IMAGE;
		goto out;
	}

	/* At most 4:1, so the height is 240 to 3840. */
	height = (int)(((uint64_t)PHOTO_WIDTH * h + w / 2) / w);
	if (height < 1)
		height = 1;
	if ((dst = gdImageCreateTrueColor(PHOTO_WIDTH, height)) == NULL) {
		rc = PHOTO_NO_MEMORY;
		goto out;
	}
	/*
	 * Blended onto white: what was transparent is white, not black.
	 * XXX EXIF orientation is not applied: a phone's portrait photo
	 * stored sideways stays sideways once its EXIF is gone.
	 */
	gdImageFilledRectangle(dst, 0, 0, PHOTO_WIDTH - 1, height - 1,
	    gdTrueColor(255, 255, 255));
	gdImageAlphaBlending(dst, 1);
	gdImageCopyResampled(dst, im, 0, 0, 0, 0, PHOTO_WIDTH, height,
	    (int)w, (int)h);
	gdImageInterlace(dst, 0);
	if ((jpeg = gdImageJpegPtr(dst, &size, PHOTO_QUALITY)) == NULL ||
	    size < 4 ||
	    (out->jpeg = strip_jpeg(jpeg, (size_t)size, &out->len)) == NULL) {
		rc = PHOTO_NO_MEMORY;
		goto out;
	}
	out->width = PHOTO_WIDTH;
	out->height = height;
	crypto_hash_sha256(hash, out->jpeg, out->len);
	sodium_bin2hex(out->name, sizeof out->name, hash, sizeof hash);
	rc = PHOTO_OK;
out:
	if (jpeg != NULL)
		gdFree(jpeg);
	if (dst != NULL)
		gdImageDestroy(dst);
	if (im != NULL)
		gdImageDestroy(im);
	gdClearErrorMethod();
	if (rc != PHOTO_OK)
		photo_free(out);
	return rc;
}

void
photo_free(struct photo *p)
{
	if (p == NULL)
		return;
	free(p->jpeg);
	memset(p, 0, sizeof *p);
}

const char *
photo_says(enum photo_result r)
{
	switch (r) {
	case PHOTO_OK:
		return N_("the photo was accepted");
	case PHOTO_TOO_LARGE:
		return N_("the photo is larger than the site allows");
	case PHOTO_TOO_MANY_PIXELS:
		return N_("the photo has too many pixels: at most 8000 on a "
		    "side and 40 million in all");
	case PHOTO_BAD_SHAPE:
		return N_("the photo is too narrow: at most four times as "
		    "wide as it is high, or as high as it is wide");
	case PHOTO_NO_MEMORY:
		return N_("the photo could not be processed just now; please "
		    "try again");
	case PHOTO_NOT_IMAGE:
		break;
	}
	return N_("the file is not a JPEG or PNG photo that can be read");
}
