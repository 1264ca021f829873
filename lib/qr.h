/*
 * qr: QR codes as SVG (libqrencode), e.g. a booking's address on a door
 * display for a phone to open.
 */
#ifndef ROOMBOOK_QR_H
#define ROOMBOOK_QR_H

#include <stddef.h>

/*
 * text as a QR code (error correction M, a quiet zone of four modules),
 * dark on light whatever the page's colours: an SVG document the caller
 * frees, its length in *len; NULL if text does not fit or memory ran out.
 */
char	*qr_svg(const char *text, size_t *len);

#endif
