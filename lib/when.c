/* when: dates and times in the reader's language (formats and names). */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "when.h"

/*
 * The formats, in strftime's words; each language's catalog gives its
 * own.  %a %A %b %B are written with the catalog's names, not the C
 * library's (which know only the process's locale).
 */
static const char *const formats[] = {
	/* TRANSLATORS: a moment, as strftime(3) writes it: %a %A %b %B are
	   replaced by this catalog's day and month names; GNU's %-d and %-m
	   (no leading zero) may be used. */
	[WHEN_MOMENT]	 = N_("%a %d %b %Y, %H:%M"),
	/* TRANSLATORS: a whole day, as the day grid's heading writes it. */
	[WHEN_DAY]	 = N_("%A %d %B %Y"),
	/* TRANSLATORS: a day in a week's column heading. */
	[WHEN_SHORT_DAY] = N_("%a %d %b"),
	/* TRANSLATORS: a date, as a week's heading writes its first and last
	   days. */
	[WHEN_DATE]	 = N_("%-d %B %Y"),
	[WHEN_CLOCK]	 = "%H:%M",
	[WHEN_END_CLOCK] = "%H:%M",
};

static const char *const day_abbr[7] = {
	N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
	N_("Sat"),
};
static const char *const day_full[7] = {
	N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"),
	N_("Thursday"), N_("Friday"), N_("Saturday"),
};
static const char *const month_abbr[12] = {
	N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
	N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};
static const char *const month_full[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
	N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
	N_("November"), N_("December"),
};

/* Appends s to buf at *o, its % doubled for strftime. */
static void
append_literal(char *buf, size_t n, size_t *o, const char *s)
{
	for (; *s != '\0' && *o + 2 < n; s++) {
		if (*s == '%')
			buf[(*o)++] = '%';
		buf[(*o)++] = *s;
	}
	buf[*o] = '\0';
}

/* fmt with the names of tm written in, for strftime to finish. */
static void
with_names(const char *lang, const char *fmt, const struct tm *tm,
    char *out, size_t n)
{
	size_t o = 0;

	out[0] = '\0';
	for (; *fmt != '\0' && o + 2 < n; fmt++) {
		const char *name = NULL;

		if (fmt[0] == '%' && fmt[1] != '\0') {
			switch (fmt[1]) {
			case 'a': name = day_abbr[tm->tm_wday]; break;
			case 'A': name = day_full[tm->tm_wday]; break;
			case 'b': name = month_abbr[tm->tm_mon]; break;
			case 'B': name = month_full[tm->tm_mon]; break;
			}
			if (name != NULL) {
				append_literal(out, n, &o, i18n_text(lang,
				    name));
				fmt++;
				continue;
			}
			/* Any other directive passes, its letter with it. */
			out[o++] = *fmt++;
		}
		out[o++] = *fmt;
		out[o] = '\0';
	}
}

/* The format is the catalog's, checked by msgfmt, not a literal here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
when_format(const char *lang, time_t t, enum when_style style, char *buf,
    size_t n)
{
	struct tm	tm;
	char		fmt[256];

	buf[0] = '\0';
	if (localtime_r(&t, &tm) == NULL)
		return buf;
	/* A meeting until midnight ends at 24:00 of its day, not at 00:00. */
	if (style == WHEN_END_CLOCK && tm.tm_hour == 0 && tm.tm_min == 0) {
		snprintf(buf, n, "24:00");
		return buf;
	}
	with_names(lang, i18n_text(lang, formats[style]), &tm, fmt,
	    sizeof fmt);
	if (strftime(buf, n, fmt, &tm) == 0)
		buf[0] = '\0';
	return buf;
}
#pragma GCC diagnostic pop

char *
when_span(const char *lang, time_t a, time_t b, char *buf, size_t n)
{
	struct tm	ta, tb;
	char		from[128], to[128];

	if (localtime_r(&a, &ta) == NULL || localtime_r(&b, &tb) == NULL) {
		buf[0] = '\0';
		return buf;
	}
	when_format(lang, a, WHEN_MOMENT, from, sizeof from);
	/* Midnight ends the day it closes, so 10:00–24:00 needs no date. */
	if ((ta.tm_yday == tb.tm_yday && ta.tm_year == tb.tm_year) ||
	    (b - a < 86400 && tb.tm_hour == 0 && tb.tm_min == 0))
		when_format(lang, b, WHEN_END_CLOCK, to, sizeof to);
	else
		when_format(lang, b, WHEN_MOMENT, to, sizeof to);
	snprintf(buf, n, "%s\u2013%s", from, to);
	return buf;
}
