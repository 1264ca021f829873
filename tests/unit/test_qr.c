/* Unit tests of lib/qr: the SVG draws exactly the modules libqrencode makes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "qr.h"

/* The modules the SVG's path draws, into grid (size x size). */
static void
draw(const char *svg, unsigned char *grid, int size)
{
	const char *p = strstr(svg, " d=\"");
	int x, y, w, w2, n;

	assert_non_null(p);
	p += 4;
	while (sscanf(p, "M%d %dh%dv1h-%dz%n", &x, &y, &w, &w2, &n) == 4) {
		assert_int_equal(w, w2);
		for (int i = 0; i < w; i++) {
			assert_true(x + i < size && y < size);
			grid[y * size + x + i] = 1;
		}
		p += n;
	}
	assert_int_equal(*p, '"');
}

static void
test_the_svg_draws_every_dark_module_and_nothing_else(void **state)
{
	const char	*text = "https://rooms.example.org/bookings/123456";
	QRcode		*qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M,
			    QR_MODE_8, 1);
	size_t		 len;
	char		*svg = qr_svg(text, &len);
	int		 size;
	unsigned char	*grid;
	char		 box[64];

	(void)state;
	assert_non_null(qr);
	assert_non_null(svg);
	assert_int_equal(strlen(svg), len);
	size = qr->width + 8;
	snprintf(box, sizeof box, "viewBox=\"0 0 %d %d\"", size, size);
	assert_non_null(strstr(svg, box));
	assert_true(strncmp(svg, "<svg ", 5) == 0);
	assert_string_equal(svg + len - 7, "</svg>\n");
	grid = calloc((size_t)(size * size), 1);
	assert_non_null(grid);
	draw(svg, grid, size);
	for (int y = 0; y < size; y++)
		for (int x = 0; x < size; x++) {
			int in = x >= 4 && y >= 4 && x < size - 4 && y < size - 4;
			int dark = in && (qr->data[(y - 4) * qr->width + x - 4] & 1);

			assert_int_equal(grid[y * size + x], dark);
		}
	free(grid);
	free(svg);
	QRcode_free(qr);
}

static void
test_text_too_long_for_any_code_is_refused(void **state)
{
	char	*big = malloc(8000);
	size_t	 len;

	(void)state;
	assert_non_null(big);
	memset(big, 'x', 7999);
	big[7999] = '\0';
	assert_null(qr_svg(big, &len));
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_the_svg_draws_every_dark_module_and_nothing_else),
		cmocka_unit_test(test_text_too_long_for_any_code_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
