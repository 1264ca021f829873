/*
 * Fuzzes the time formats people and scripts send: datetime-local form
 * values (parse_local_input), every field's time as lib/input reads it
 * (input_parse_time: datetime-local, yyyyMMddHHmm[ss] and ISO 8601), and
 * the pages' ?date= days (local_date_start).
 */
#include "fuzz.h"

#include <jansson.h>

#include "api.h"
#include "clock.h"
#include "input.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_site_zone();
	return 0;
}

/* 1 if the zone's offset changes within a day of t. */
static int
near_change(time_t t)
{
	time_t		a = t - 86400, b = t + 86400;
	struct tm	ta, tb;

	FUZZ_CHECK(localtime_r(&a, &ta) != NULL && localtime_r(&b, &tb) != NULL);
	return ta.tm_gmtoff != tb.tm_gmtoff;
}

/* s is exactly "YYYY-MM-DDTHH:MM", digits where digits go. */
static int
canonical_input(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd";

	if (strlen(s) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return 0;
	return 1;
}

/*
 * s is a minute as a datetime-local input sends it: "YYYY-MM-DDTHH:MM",
 * or with ":00" seconds.
 */
static int
minute_input(const char *s)
{
	char	head[INPUT_TIME_LEN];

	if (strlen(s) == INPUT_TIME_LEN - 1)
		return canonical_input(s);
	snprintf(head, sizeof head, "%s", s);
	return strlen(s) == INPUT_TIME_LEN + 2 && canonical_input(head) &&
	    strcmp(s + INPUT_TIME_LEN - 1, ":00") == 0;
}

static void
check_local(const char *s)
{
	char		 buf[INPUT_TIME_LEN];
	const char	*why = NULL;
	time_t		 t, again, got;
	enum local_parse p = parse_local_input(s, &t);
	int		 rc;

	/* A form's minute means the same to every field that takes a time. */
	if (minute_input(s)) {
		rc = input_parse_time(s, &got, &why);
		if (p == LOCAL_OK)
			FUZZ_CHECK(rc == 0 && got == t);
		else {
			FUZZ_CHECK(rc == -1 && why != NULL);
			FUZZ_CHECK((p == LOCAL_MISSING) == (strcmp(why,
			    "That time does not exist on that day (the clocks "
			    "change).") == 0));
		}
	}
	if (p == LOCAL_MISSING)
		FUZZ_CHECK(near_change(t));	/* only a clock change skips */
	if (p != LOCAL_OK)
		return;
	/* Shown again in the form, it means the same minute. */
	FUZZ_CHECK(local_input_value(t, buf) == 0);
	FUZZ_CHECK(parse_local_input(buf, &again) == LOCAL_OK);
	FUZZ_CHECK(again == t - ((t % 60) + 60) % 60);
	if (canonical_input(s))
		FUZZ_CHECK(strcmp(buf, s) == 0);
}

/* t as the API answers it, read back: the same instant. */
static void
check_api(const char *s)
{
	const char	*why = NULL;
	char		 origin[16], wall[INPUT_TIME_LEN], wall2[INPUT_TIME_LEN];
	time_t		 t, again;
	json_t		*iso;

	if (input_parse_time(s, &t, &why) == -1) {
		FUZZ_CHECK(why != NULL);
		return;
	}
	FUZZ_CHECK(t % 60 == 0);	/* seconds must be 00 */
	/*
	 * With a zone, ISO 8601 takes any year from 0000 (the local forms
	 * only 2000 to 9999; every use refuses such a time as past): the
	 * answers' forms are read back where both forms take the year.
	 */
	if (t < 946771200 || t >= 253402128000LL)	/* 2000-01-02, 9999-12-30 */
		return;
	FUZZ_CHECK((iso = api_iso_time(t)) != NULL && json_is_string(iso));
	FUZZ_CHECK(input_parse_time(json_string_value(iso), &again, &why) == 0);
	FUZZ_CHECK(again == t);
	json_decref(iso);
	/* Local wall time: of an hour that happens twice, the first. */
	format_local(t, "%Y%m%d%H%M", origin, sizeof origin);
	FUZZ_CHECK(input_parse_time(origin, &again, &why) == 0);
	if (again != t) {
		FUZZ_CHECK(again == t - 3600);
		FUZZ_CHECK(local_input_value(t, wall) == 0 &&
		    local_input_value(again, wall2) == 0 &&
		    strcmp(wall, wall2) == 0);
	}
}

static void
check_date(const char *s)
{
	char	day[11];
	time_t	t, next, again;

	if (local_date_start(s, 0, &t) == -1)
		return;
	FUZZ_CHECK(local_date_start(s, 1, &next) == 0);
	FUZZ_CHECK(next - t == 86400 || next - t == 82800 ||
	    next - t == 90000);		/* 23 or 25 hours across a change */
	FUZZ_CHECK(local_date(t, 0, day) == 0);
	FUZZ_CHECK(local_date_start(day, 0, &again) == 0 && again == t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s = fuzz_str(data, size);

	check_local(s);
	check_api(s);
	check_date(s);
	free(s);
	return 0;
}
