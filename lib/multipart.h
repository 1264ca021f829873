/* multipart: form-data bodies (RFC 7578), as forms with a file send them. */
#ifndef ROOMBOOK_MULTIPART_H
#define ROOMBOOK_MULTIPART_H

#include <stddef.h>

#include "request.h"

#define MULTIPART_MAX_BOUNDARY	70	/* RFC 2046 */
#define MULTIPART_MAX_HEADERS	8192	/* one part's header lines */

/* One file sent: a part with a filename parameter. */
struct upload {
	char			*field;		/* the part's name */
	char			*filename;	/* as sent, maybe "" */
	char			*type;		/* as sent, or NULL */
	const unsigned char	*data;		/* within the body */
	size_t			 len;
};

struct uploads {
	struct upload	*v;
	size_t		 n;
};

/*
 * Parses body[0..len), sent with the Content-Type header value
 * content_type: multipart/form-data with a boundary parameter (quoted or
 * not, at most 70 characters).  Parts without a filename parameter are
 * text fields appended to *form as if urlencoded (name and value valid
 * UTF-8 without NUL); parts with one are appended to *files, their data
 * pointing into body, which must outlive them.  The preamble and epilogue
 * are ignored; each part needs "Content-Disposition: form-data; name=...".
 * Returns 0, or 415 (not multipart/form-data), 400 (malformed: no or a
 * bad boundary, no closing delimiter, a part without a name, headers over
 * MULTIPART_MAX_HEADERS, more than REQ_MAX_PARAMS parts, a text field not
 * UTF-8, a transfer encoding) or 500 (out of memory) with an English
 * reason (a constant marked N_()) in *why; on error *form and *files are
 * left as they were before the call.
 */
int			 multipart_parse(const char *content_type,
			    const char *body, size_t len, struct params *form,
			    struct uploads *files, const char **why);

/* The first file sent as field, or NULL.  Borrowed from u. */
const struct upload	*uploads_get(const struct uploads *u,
			    const char *field);

/* Frees what u holds (not the body); u is empty after.  NULL is fine. */
void			 uploads_free(struct uploads *u);

#endif
