/* log: one line per event on stderr, tagged with program, pid and request id. */
#ifndef ROOMBOOK_LOG_H
#define ROOMBOOK_LOG_H

#define LOG_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Names the program in every line; call once at start-up. */
void	log_init(const char *program);

/*
 * Logs one line with the request id (or "-").  Never pass passwords,
 * tokens or cookies: log lines are read by operators.
 */
void	log_info(const char *rid, const char *fmt, ...) LOG_PRINTF(2, 3);
void	log_error(const char *rid, const char *fmt, ...) LOG_PRINTF(2, 3);

/*
 * Copies s into buf (size n) with control characters, quotes, backslashes
 * and bytes >= 0x7f shown as \xNN, so a hostile path cannot forge log
 * lines.  Returns buf.
 */
char	*log_quote(char *buf, size_t n, const char *s);

#endif
