/* smtp: one message at a time to an SMTP server, with libcurl. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "config.h"
#include "smtp.h"

struct smtp {
	const struct mail_config	*cfg;
	CURL				*curl;
	char				 error[CURL_ERROR_SIZE];
};

/* What is left of the message to hand to libcurl. */
struct upload {
	const char	*at;
	size_t		 left;
};

static size_t
read_message(char *buf, size_t size, size_t nitems, void *arg)
{
	struct upload	*u = arg;
	size_t		 n = size * nitems < u->left ? size * nitems : u->left;

	memcpy(buf, u->at, n);
	u->at += n;
	u->left -= n;
	return n;
}

struct smtp *
smtp_new(const struct mail_config *cfg)
{
	struct smtp *s;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (s = calloc(1, sizeof *s)) == NULL)
		return NULL;
	s->cfg = cfg;
	return s;
}

void
smtp_free(struct smtp *s)
{
	if (s == NULL)
		return;
	if (s->curl != NULL)
		curl_easy_cleanup(s->curl);
	free(s);
}

/* The handle, set up once: the same one keeps its connection. */
static CURL *
handle(struct smtp *s)
{
	CURL *c;

	if (s->curl != NULL)
		return s->curl;
	if ((c = curl_easy_init()) == NULL)
		return NULL;
	if (curl_easy_setopt(c, CURLOPT_URL, s->cfg->smtp_url) != CURLE_OK ||
	    /* STARTTLS whenever the server offers it; smtps:// is TLS. */
	    curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY) !=
	    CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message) !=
	    CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, s->error) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L) != CURLE_OK ||
	    (s->cfg->smtp_user[0] != '\0' && (curl_easy_setopt(c,
	    CURLOPT_USERNAME, s->cfg->smtp_user) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_PASSWORD, s->cfg->smtp_password) !=
	    CURLE_OK))) {
		curl_easy_cleanup(c);
		return NULL;
	}
	return s->curl = c;
}

enum smtp_result
smtp_send(struct smtp *s, const char *from, const char *to,
    const char *message, size_t len, char *why, size_t n)
{
	struct curl_slist	*rcpt = NULL;
	struct upload		 u = { message, len };
	char			 envelope[300];
	long			 code = 0;
	CURL			*c;
	CURLcode		 rc;

	snprintf(envelope, sizeof envelope, "<%s>", from);
	if ((c = handle(s)) == NULL ||
	    (rcpt = curl_slist_append(NULL, to)) == NULL ||
	    curl_easy_setopt(c, CURLOPT_MAIL_FROM, envelope) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_READDATA, &u) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len) !=
	    CURLE_OK) {
		curl_slist_free_all(rcpt);
		snprintf(why, n, "cannot set up the SMTP transfer");
		return SMTP_RETRY;
	}
	s->error[0] = '\0';
	rc = curl_easy_perform(c);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	if (rc == CURLE_OK)
		return SMTP_SENT;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	snprintf(why, n, "%s (%ld): %s", curl_easy_strerror(rc), code,
	    s->error);
	/* A connection in a state unknown: the next message opens anew. */
	curl_easy_cleanup(c);
	s->curl = NULL;
	/* A recipient refused for good; anything else may pass later. */
	return code >= 500 && code < 600 && strstr(why, "RCPT") != NULL ?
	    SMTP_REFUSED : SMTP_RETRY;
}
