/* Unit tests of lib/photo: photos become plain JPEG pixels; what is not a
   photo, or is too big, is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gd.h>
#include <sodium.h>
#include <zlib.h>

#include "photo.h"

/* A buffer the test owns. */
struct buf {
	unsigned char	*p;
	size_t		 len;
};

static struct buf
buf_of(const void *p, size_t len)
{
	struct buf	b;

	b.p = malloc(len > 0 ? len : 1);
	assert_non_null(b.p);
	memcpy(b.p, p, len);
	b.len = len;
	return b;
}

/* A w x h picture with something in it; alpha 0 (opaque) to 127 (clear). */
static gdImagePtr
picture(int w, int h, int alpha)
{
	gdImagePtr	im = gdImageCreateTrueColor(w, h);

	assert_non_null(im);
	gdImageAlphaBlending(im, 0);
	gdImageSaveAlpha(im, 1);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			gdImageSetPixel(im, x, y, gdTrueColorAlpha(x * 255 / w,
			    y * 255 / h, (x + y) % 256, alpha));
	return im;
}

/* im saved by gd as a PNG or JPEG (quality 90, progressive or not). */
static struct buf
encoded(gdImagePtr im, int png, int progressive)
{
	struct buf	 b;
	void		*p;
	int		 size = 0;

	gdImageInterlace(im, progressive);
	p = png ? gdImagePngPtr(im, &size) : gdImageJpegPtr(im, &size, 90);
	assert_non_null(p);
	b = buf_of(p, (size_t)size);
	gdFree(p);
	gdImageDestroy(im);
	return b;
}

static struct buf
png(int w, int h)
{
	return encoded(picture(w, h, 0), 1, 0);
}

static struct buf
jpeg(int w, int h)
{
	return encoded(picture(w, h, 0), 0, 0);
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* b with a chunk of type and text inserted before IEND, its CRC right. */
static struct buf
png_with_chunk(struct buf b, const char *type, const char *text, size_t n)
{
	struct buf	 out;
	size_t		 at = b.len - 12;	/* IEND: length, type, CRC */
	unsigned char	*c;

	assert_memory_equal(b.p + at + 4, "IEND", 4);
	out.len = b.len + 12 + n;
	out.p = malloc(out.len);
	assert_non_null(out.p);
	memcpy(out.p, b.p, at);
	c = out.p + at;
	put32(c, (uint32_t)n);
	memcpy(c + 4, type, 4);
	memcpy(c + 8, text, n);
	put32(c + 8 + n, (uint32_t)crc32(0L, c + 4, (uInt)(4 + n)));
	memcpy(c + 12 + n, b.p + at, 12);
	free(b.p);
	return out;
}

/* b with a segment (marker, payload) right after SOI. */
static struct buf
jpeg_with_segment(struct buf b, unsigned marker, const void *data, size_t n)
{
	struct buf	 out;

	out.len = b.len + 4 + n;
	out.p = malloc(out.len);
	assert_non_null(out.p);
	memcpy(out.p, b.p, 2);
	out.p[2] = 0xff;
	out.p[3] = (unsigned char)marker;
	out.p[4] = (unsigned char)((n + 2) >> 8);
	out.p[5] = (unsigned char)(n + 2);
	memcpy(out.p + 6, data, n);
	memcpy(out.p + 6 + n, b.p + 2, b.len - 2);
	free(b.p);
	return out;
}

/* A PNG signature and IHDR declaring w x h, then garbage. */
static struct buf
png_header(uint32_t w, uint32_t h)
{
	unsigned char	p[33 + 64];

	memcpy(p, "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
	put32(p + 16, w);
	put32(p + 20, h);
	memcpy(p + 24, "\x08\x02\0\0\0", 5);
	put32(p + 29, (uint32_t)crc32(0L, p + 12, 17));
	memset(p + 33, 0xa5, 64);
	return buf_of(p, sizeof p);
}

static struct buf
first_half(struct buf b)
{
	b.len /= 2;
	return b;
}

/* Test inputs, built once each by a function of the table. */
static struct buf make_jpeg(void) { return jpeg(1920, 1080); }
static struct buf make_png(void) { return png(1200, 900); }
static struct buf make_small_png(void) { return png(40, 30); }
static struct buf make_progressive_jpeg(void) { return encoded(picture(300, 300, 0), 0, 1); }
static struct buf make_widest(void) { return png(2000, 500); }
static struct buf make_tallest(void) { return jpeg(500, 2000); }
static struct buf make_too_wide(void) { return png(2000, 499); }
static struct buf make_too_tall(void) { return jpeg(300, 1201); }
static struct buf make_long_strip(void) { return png(8100, 10); }
static struct buf make_truncated_jpeg(void) { return first_half(jpeg(800, 600)); }
static struct buf make_truncated_png(void) { return first_half(png(800, 600)); }
static struct buf make_huge_png(void) { return png_header(10000, 10000); }
static struct buf make_bomb_png(void) { return png_header(50000, 50000); }
static struct buf make_many_pixels(void) { return png_header(7000, 7000); }
static struct buf make_zero_png(void) { return png_header(0, 100); }
static struct buf make_garbage_png(void) { return png_header(100, 100); }

static struct buf
make_png_script(void)
{
	static const char text[] = "Comment\0<script>alert(1)</script>";

	return png_with_chunk(png(640, 480), "tEXt", text, sizeof text - 1);
}

static struct buf
make_jpeg_exif_comment(void)
{
	static const char exif[] = "Exif\0\0MM\0*\0\0\0\x08\0\0<script>";
	static const char com[] = "<script>alert(1)</script>";
	struct buf b = jpeg(640, 480);

	b = jpeg_with_segment(b, 0xfe, com, sizeof com - 1);
	return jpeg_with_segment(b, 0xe1, exif, sizeof exif - 1);
}

/* SOF0 declaring 50000 x 50000 and nothing that follows it. */
static struct buf
make_bomb_jpeg(void)
{
	static const unsigned char p[] = {
		0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0xc3, 0x50, 0xc3,
		0x50, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11,
		0x01, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	};

	return buf_of(p, sizeof p);
}

/* A progressive frame of 200 empty scans. */
static struct buf
make_many_scans(void)
{
	static const unsigned char sof[] = {
		0xff, 0xd8, 0xff, 0xc2, 0x00, 0x0b, 0x08, 0x00, 0x64, 0x00,
		0x64, 0x01, 0x01, 0x11, 0x00,
	};
	static const unsigned char sos[] = {
		0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00,
	};
	struct buf	b;

	b.len = sizeof sof + 200 * sizeof sos + 2;
	b.p = malloc(b.len);
	assert_non_null(b.p);
	memcpy(b.p, sof, sizeof sof);
	for (size_t i = 0; i < 200; i++)
		memcpy(b.p + sizeof sof + i * sizeof sos, sos, sizeof sos);
	memcpy(b.p + b.len - 2, "\xff\xd9", 2);
	return b;
}

#define TEXT(name, s) \
	static struct buf name(void) { return buf_of(s, sizeof s - 1); }
TEXT(make_html, "<html><script>alert(1)</script></html>")
TEXT(make_svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
    "height=\"10\"><script>alert(1)</script></svg>")
TEXT(make_gif, "GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
    "!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00"
    "\x02\x02\x44\x01\x00;")
TEXT(make_empty, "")
TEXT(make_magic_only, "\xff\xd8\xff")
TEXT(make_png_magic_only, "\x89PNG\r\n\x1a\n")
TEXT(make_soi_eoi, "\xff\xd8\xff\xd9")

struct photo_case {
	const char		*what;
	struct buf		(*make)(void);
	size_t			 max_bytes;	/* 0: the input's length */
	enum photo_result	 want;
	int			 height;	/* when PHOTO_OK */
};

static const struct photo_case photo_cases[] = {
	{ "jpeg 16:9",		make_jpeg,		0, PHOTO_OK, 540 },
	{ "png 4:3",		make_png,		0, PHOTO_OK, 720 },
	{ "small png",		make_small_png,		0, PHOTO_OK, 720 },
	{ "progressive jpeg",	make_progressive_jpeg,		0, PHOTO_OK, 960 },
	{ "png, tEXt script",	make_png_script,	0, PHOTO_OK, 720 },
	{ "jpeg, Exif, COM",	make_jpeg_exif_comment,	0, PHOTO_OK, 720 },
	{ "4:1",		make_widest,		0, PHOTO_OK, 240 },
	{ "1:4",		make_tallest,		0, PHOTO_OK, 3840 },
	{ "wider than 4:1",	make_too_wide,		0, PHOTO_BAD_SHAPE, 0 },
	{ "taller than 1:4",	make_too_tall,		0, PHOTO_BAD_SHAPE, 0 },
	{ "8100 x 10",		make_long_strip,	0,
	    PHOTO_TOO_MANY_PIXELS, 0 },
	{ "png 10000^2",	make_huge_png,		0,
	    PHOTO_TOO_MANY_PIXELS, 0 },
	{ "png 50000^2",	make_bomb_png,		0,
	    PHOTO_TOO_MANY_PIXELS, 0 },
	{ "png 7000^2",		make_many_pixels,	0,
	    PHOTO_TOO_MANY_PIXELS, 0 },
	{ "jpeg 50000^2",	make_bomb_jpeg,		0,
	    PHOTO_TOO_MANY_PIXELS, 0 },
	{ "png 0 wide",		make_zero_png,		0, PHOTO_NOT_IMAGE, 0 },
	{ "png, garbage",	make_garbage_png,	0, PHOTO_NOT_IMAGE, 0 },
	{ "jpeg, 200 scans",	make_many_scans,	0, PHOTO_NOT_IMAGE, 0 },
	{ "half a jpeg",	make_truncated_jpeg,	0, PHOTO_NOT_IMAGE, 0 },
	{ "half a png",		make_truncated_png,	0, PHOTO_NOT_IMAGE, 0 },
	{ "html",		make_html,		0, PHOTO_NOT_IMAGE, 0 },
	{ "svg",		make_svg,		0, PHOTO_NOT_IMAGE, 0 },
	{ "gif",		make_gif,		0, PHOTO_NOT_IMAGE, 0 },
	{ "empty",		make_empty,		0, PHOTO_NOT_IMAGE, 0 },
	{ "jpeg magic",		make_magic_only,	0, PHOTO_NOT_IMAGE, 0 },
	{ "png magic",		make_png_magic_only,	0, PHOTO_NOT_IMAGE, 0 },
	{ "SOI EOI",		make_soi_eoi,		0, PHOTO_NOT_IMAGE, 0 },
	{ "over max_bytes",	make_png,		1000, PHOTO_TOO_LARGE, 0 },
	{ "html over max",	make_html,		10, PHOTO_TOO_LARGE, 0 },
};

/* Whether the JPEG p has a segment marked m before its first scan. */
static int
has_segment(const unsigned char *p, size_t len, unsigned m)
{
	size_t	i = 2;

	while (i + 4 <= len && p[i] == 0xff && p[i + 1] != 0xda) {
		if (p[i + 1] == m)
			return 1;
		i += 2 + ((size_t)p[i + 2] << 8 | p[i + 3]);
	}
	assert_true(i + 4 <= len && p[i + 1] == 0xda);	/* walked to SOS */
	return 0;
}

/* What every accepted photo is: a JPEG of pixels, 960 wide, named by its hash. */
static void
assert_photo(const struct photo *ph, int height)
{
	unsigned char	hash[crypto_hash_sha256_BYTES];
	char		hex[65];
	gdImagePtr	im;

	assert_non_null(ph->jpeg);
	assert_true(ph->len > 3);
	assert_memory_equal(ph->jpeg, "\xff\xd8\xff", 3);
	assert_int_equal(ph->width, PHOTO_WIDTH);
	assert_int_equal(ph->height, height);
	assert_int_equal(strlen(ph->name), 64);
	assert_int_equal(strspn(ph->name, "0123456789abcdef"), 64);
	crypto_hash_sha256(hash, ph->jpeg, ph->len);
	sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
	assert_string_equal(ph->name, hex);
	/* Nothing but pixels: no comment, no APPn but JFIF. */
	assert_false(has_segment(ph->jpeg, ph->len, 0xfe));
	for (unsigned m = 0xe1; m <= 0xef; m++)
		assert_false(has_segment(ph->jpeg, ph->len, m));
	assert_null(memmem(ph->jpeg, ph->len, "script", 6));
	assert_null(memmem(ph->jpeg, ph->len, "Exif", 4));
	assert_null(memmem(ph->jpeg, ph->len, "CREATOR", 7));
	im = gdImageCreateFromJpegPtrEx((int)ph->len, ph->jpeg, 0);
	assert_non_null(im);
	assert_int_equal(gdImageSX(im), PHOTO_WIDTH);
	assert_int_equal(gdImageSY(im), height);
	gdImageDestroy(im);
}

static void
test_photo_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof photo_cases / sizeof photo_cases[0];
	    i++) {
		const struct photo_case	*c = &photo_cases[i];
		struct buf		 in = c->make();
		struct photo		 ph;
		enum photo_result	 r;

		print_message("case %zu: %s (%zu bytes)\n", i, c->what,
		    in.len);
		memset(&ph, 0xa5, sizeof ph);	/* photo_make sets it all */
		r = photo_make(in.p, in.len, c->max_bytes ? c->max_bytes :
		    in.len, &ph);
		assert_int_equal(r, c->want);
		if (r == PHOTO_OK)
			assert_photo(&ph, c->height);
		else {
			assert_null(ph.jpeg);
			assert_int_equal(ph.len, 0);
		}
		photo_free(&ph);
		free(in.p);
	}
}

/* Transparent pixels turn white, not black. */
static void
test_transparency_becomes_white(void **state)
{
	struct buf	 in = encoded(picture(200, 100, gdAlphaTransparent),
			    1, 0);
	struct photo	 ph;
	gdImagePtr	 im;
	int		 c;

	(void)state;
	assert_int_equal(photo_make(in.p, in.len, in.len, &ph), PHOTO_OK);
	assert_photo(&ph, 480);
	im = gdImageCreateFromJpegPtr((int)ph.len, ph.jpeg);
	assert_non_null(im);
	c = gdImageGetTrueColorPixel(im, 480, 240);
	assert_true(gdTrueColorGetRed(c) >= 250);
	assert_true(gdTrueColorGetGreen(c) >= 250);
	assert_true(gdTrueColorGetBlue(c) >= 250);
	gdImageDestroy(im);
	photo_free(&ph);
	free(in.p);
}

/* The same photo twice has the same name; another one another. */
static void
test_name_is_the_content(void **state)
{
	struct buf	 a = make_jpeg(), b = make_png();
	struct photo	 p1, p2, p3;

	(void)state;
	assert_int_equal(photo_make(a.p, a.len, a.len, &p1), PHOTO_OK);
	assert_int_equal(photo_make(a.p, a.len, a.len, &p2), PHOTO_OK);
	assert_int_equal(photo_make(b.p, b.len, b.len, &p3), PHOTO_OK);
	assert_string_equal(p1.name, p2.name);
	assert_string_not_equal(p1.name, p3.name);
	photo_free(&p1);
	photo_free(&p2);
	photo_free(&p3);
	photo_free(&p3);	/* zeroed: harmless */
	photo_free(NULL);
	free(a.p);
	free(b.p);
}

static void
test_every_result_has_its_sentence(void **state)
{
	static const enum photo_result results[] = {
		PHOTO_OK, PHOTO_NOT_IMAGE, PHOTO_TOO_LARGE,
		PHOTO_TOO_MANY_PIXELS, PHOTO_BAD_SHAPE, PHOTO_NO_MEMORY,
	};
	const size_t n = sizeof results / sizeof results[0];

	(void)state;
	for (size_t i = 0; i < n; i++) {
		assert_non_null(photo_says(results[i]));
		assert_true(strlen(photo_says(results[i])) > 10);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(photo_says(results[i]),
			    photo_says(results[j]));
	}
	assert_non_null(strstr(photo_says(PHOTO_TOO_LARGE), "larger"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_photo_table),
		cmocka_unit_test(test_transparency_becomes_white),
		cmocka_unit_test(test_name_is_the_content),
		cmocka_unit_test(test_every_result_has_its_sentence),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
