/* qr: QR codes drawn as SVG, one path of the dark modules. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "qr.h"

#define QUIET	4	/* modules of light around the code, as the standard asks */

/* A string that grows; ok falls to 0 once memory runs out. */
struct buf {
	char	*s;
	size_t	 len, cap;
	int	 ok;
};

static void	add(struct buf *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
add(struct buf *b, const char *fmt, ...)
{
	char	piece[160];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(piece, sizeof piece, fmt, ap);
	va_end(ap);
	if (!b->ok || n < 0 || (size_t)n >= sizeof piece) {
		b->ok = 0;
		return;
	}
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t	 cap = (b->cap + (size_t)n + 1) * 2;
		char	*s = realloc(b->s, cap);

		if (s == NULL) {
			b->ok = 0;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, piece, (size_t)n + 1);
	b->len += (size_t)n;
}

char *
qr_svg(const char *text, size_t *len)
{
	QRcode		*qr;
	struct buf	 b = { .ok = 1 };
	int		 size;

	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8,
	    1)) == NULL)
		return NULL;
	size = qr->width + 2 * QUIET;
	add(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
	    " shape-rendering=\"crispEdges\">", size, size);
	add(&b, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>", size, size);
	add(&b, "<path fill=\"#000\" d=\"");
	/* Each row's runs of dark modules, one rectangle a run. */
	for (int y = 0; y < qr->width; y++)
		for (int x = 0; x < qr->width; x++) {
			int run = 0;

			while (x + run < qr->width &&
			    (qr->data[y * qr->width + x + run] & 1))
				run++;
			if (run > 0)
				add(&b, "M%d %dh%dv1h-%dz", x + QUIET, y + QUIET,
				    run, run);
			x += run;
		}
	add(&b, "\"/></svg>\n");
	QRcode_free(qr);
	if (!b.ok) {
		free(b.s);
		return NULL;
	}
	*len = b.len;
	return b.s;
}
