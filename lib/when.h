/*
 * when: moments, days and spans as the reader writes them: their
 * language's order and names ("Mon 7 Dec 2026, 14:00", "2026년 12월 7일
 * (월) 14:00"), in the site's zone.
 */
#ifndef ROOMBOOK_WHEN_H
#define ROOMBOOK_WHEN_H

#include <stddef.h>
#include <time.h>

enum when_style {
	WHEN_MOMENT,	/* Mon 07 Dec 2026, 14:00 */
	WHEN_DAY,	/* Monday 07 December 2026 */
	WHEN_SHORT_DAY,	/* Mon 07 Dec */
	WHEN_DATE,	/* 7 December 2026 */
	WHEN_CLOCK,	/* 14:00 */
	WHEN_END_CLOCK,	/* 14:00; midnight, the end of a day, is 24:00 */
};

/* t in style for language lang into buf; "" if it cannot be written. */
char	*when_format(const char *lang, time_t t, enum when_style style,
	    char *buf, size_t n);

/*
 * The span [a, b): "Mon 07 Dec 2026, 10:00–11:00" within a day (a span
 * ending at midnight too), else both moments whole.
 */
char	*when_span(const char *lang, time_t a, time_t b, char *buf, size_t n);

#endif
