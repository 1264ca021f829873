/* fields: every field people and scripts send, described once. */
#include <stdio.h>
#include <string.h>

#include "apitoken.h"
#include "clock.h"
#include "fields.h"
#include "i18n.h"
#include "participants.h"
#include "room.h"
#include "series.h"
#include "password.h"
#include "token.h"
#include "utf8.h"

#define ID_MAX		999999999999999999LL

static int
has_control(const char *s)
{
	return utf8_has_control(s, strlen(s));
}

static const char *
valid_login(const char *v)
{
	return has_control(v) ? N_("A login cannot contain control characters.") :
	    NULL;
}

static const char *
valid_password_input(const char *v)
{
	return strlen(v) > PASSWORD_MAX_LEN ? N_("That password is too long.") :
	    NULL;
}

static const char *
valid_new_password(const char *v)
{
	if (utf8_length(v) < PASSWORD_MIN_LEN)
		return N_("Use at least 8 characters.");
	if (strlen(v) > PASSWORD_MAX_LEN)
		return N_("Use at most 1024 bytes.");
	if (has_control(v))
		return N_("Use letters, digits, spaces and punctuation only.");
	return NULL;
}

static const char *
valid_form_token(const char *v)
{
	return token_valid(v) ? NULL :
	    N_("This form has expired; reload the page and try again.");
}

/* One of the languages there is a catalog for. */
static const char *
valid_language(const char *v)
{
	return i18n_known(v) != NULL ? NULL : N_("Choose one from the list.");
}

/* A zone the system's zoneinfo database knows, e.g. Asia/Seoul. */
static const char *
valid_zone(const char *v)
{
	return clock_zone_known(v) ? NULL : N_("Enter a time zone by its "
	    "name, like Asia/Seoul or America/New_York.");
}

/* A check-in PIN: six digits. */
static const char *
valid_pin(const char *v)
{
	return strlen(v) == 6 && strspn(v, "0123456789") == 6 ? NULL :
	    N_("Enter six digits.");
}

/* Whether s shows nothing: only spaces, no-break spaces included. */
static int
is_blank(const char *s)
{
	while (*s == ' ' || strncmp(s, "\xc2\xa0", 2) == 0)
		s += *s == ' ' ? 1 : 2;
	return *s == '\0';
}

static const char *
valid_title(const char *v)
{
	/* A booking is listed and linked by its title. */
	if (is_blank(v))
		return N_("Give the meeting a title.");
	if (has_control(v))
		return N_("Use letters, digits, spaces and punctuation only.");
	return NULL;
}

/* A time of day, "14:30": the finder's window. */
static const char *
valid_clock(const char *v)
{
	int	h, m, used = 0;

	if (sscanf(v, "%2d:%2d%n", &h, &m, &used) != 2 || v[used] != '\0' ||
	    used != 5 || h < 0 || m < 0 || m > 59 || h * 60 + m > 24 * 60)
		return N_("Enter a time of day such as 14:30.");
	return NULL;
}

/* A description keeps its lines and tabs. */
static const char *
valid_description(const char *v)
{
	for (const char *s = v; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\r' &&
		    *s != '\t')
			return N_("Use letters, digits, spaces and punctuation.");
	return NULL;
}

/* The ways a list of many answers is paged. */
#define AFTER	{ .name = "after", .type = IN_INT, .max = ID_MAX, \
	.says = N_("after must be a whole number from 0 to 999999999999999999") }
#define LIMIT	{ .name = "limit", .type = IN_INT, .min = 1, \
	.max = API_PAGE_MAX, .dflt = 100, \
	.says = N_("limit must be a whole number from 1 to 500") }

/* A reason someone must give says something: spaces are no reason. */
static const char *
valid_reason(const char *v)
{
	return is_blank(v) ? N_("Give a reason; the person who booked will "
	    "see it.") : NULL;
}

/* Why a booking is cancelled or denied, or a room taken out of use. */
#define REASON(required) { .name = "reason", .json = "reason", \
	.type = IN_TEXT, .max = 500, .valid = (required) ? valid_reason : NULL, \
	.says = N_("Keep the reason to 500 characters."), .flags = (required) }

static const struct input_field
    login = { .name = "login", .type = IN_TEXT, .max = 64,
	.valid = valid_login, .says = N_("A login has at most 64 characters."),
	.flags = IN_REQUIRED },
    password = { .name = "password", .type = IN_TEXT,
	.valid = valid_password_input, .flags = IN_REQUIRED | IN_SECRET },
    next = { .name = "next", .type = IN_TEXT },
    bye = { .name = "bye", .type = IN_FLAG },
    language = { .name = "language", .type = IN_TEXT,
	.max = 15, .valid = valid_language },
    time_zone = { .name = "time_zone", .type = IN_TEXT, .max = 63,
	.valid = valid_zone },
    set_language = { .name = "set", .type = IN_TEXT, .max = 15,
	.valid = valid_language, .flags = IN_REQUIRED },
    changed = { .name = "changed", .type = IN_CHOICE,
	.choices = (const char *const[]){ "1", "tokens", "language", "zone",
	"delegates", "pin", NULL } },
    current_password = { .name = "current_password", .type = IN_TEXT,
	.valid = valid_password_input, .flags = IN_REQUIRED | IN_SECRET },
    new_password = { .name = "new_password", .type = IN_TEXT,
	.valid = valid_new_password, .flags = IN_REQUIRED | IN_SECRET },
    confirm_password = { .name = "confirm_password", .type = IN_TEXT,
	.valid = valid_password_input, .flags = IN_REQUIRED | IN_SECRET },
    revoke_tokens = { .name = "revoke_tokens", .type = IN_FLAG },
    /* A calendar feed: one room's bookings, or (none) one's own. */
    feed_room = { .name = "room", .json = "roomId", .type = IN_INT, .min = 1,
	.max = ID_MAX, .says = N_("roomId must be a room's number") },
    /* The mail a person receives (users.mail_wants), one box each. */
    want_requests = { .name = "requests", .type = IN_FLAG },
    want_decisions = { .name = "decisions", .type = IN_FLAG },
    want_changes = { .name = "changes", .type = IN_FLAG },
    want_reminders = { .name = "reminders", .type = IN_FLAG },
    want_summary = { .name = "summary", .type = IN_FLAG },
    token_name = { .name = "name", .type = IN_TEXT,
	.valid = apitoken_name_invalid, .flags = IN_REQUIRED },

    room_id = { .name = "room_id", .json = "roomId", .type = IN_INT,
	.min = 1, .max = ID_MAX, .says = N_("Choose one from the list."),
	.flags = IN_REQUIRED },
    starts_at = { .name = "starts_at", .json = "useStartDtm",
	.json_also = "starts_at", .type = IN_TIME, .flags = IN_REQUIRED },
    ends_at = { .name = "ends_at", .json = "useEndDtm",
	.json_also = "ends_at", .type = IN_TIME, .flags = IN_REQUIRED },
    title = { .name = "title", .json = "title", .type = IN_TEXT,
	.max = 200, .valid = valid_title,
	.says = N_("Keep the title to 200 characters."), .flags = IN_REQUIRED },
    attendees = { .name = "attendees", .json = "attendees", .type = IN_INT,
	.min = 1, .max = PEOPLE_MAX,
	.says = N_("Enter how many people will attend (at least 1)."),
	.flags = IN_REQUIRED },
    private_booking = { .name = "private", .json = "private",
	.type = IN_FLAG },
    request_token = { .name = "request_token", .type = IN_TEXT,
	.valid = valid_form_token, .flags = IN_REQUIRED },
    participants = { .name = "participant", .json = "participants",
	.type = IN_LIST, .max = PARTICIPANT_MAX,
	.says = N_("Name a person by their login, or a guest by an e-mail "
	"address of at most 254 characters.") },
    owner = { .name = "owner", .json = "onBehalfOf", .type = IN_TEXT,
	.max = 64, .says = N_("A login has at most 64 characters.") },
    find_person = { .name = "find", .type = IN_TEXT, .max = 100,
	.says = N_("Search with at most 100 characters.") },
    form_action = { .name = "action", .type = IN_CHOICE,
	.choices = (const char *const[]){ "find", "save", "preview", NULL } },
    /* Its parts are checked by series_check, which names the one at fault. */
    recurrence = { .name = "recurrence", .json = "recurrence",
	.type = IN_TEXT, .max = SERIES_RULE_MAX,
	.says = N_("Keep the rule to 300 characters.") },
    skip_conflicts = { .name = "skip_conflicts", .json = "skipConflicts",
	.type = IN_FLAG },
    preview = { .name = "preview", .json = "preview", .type = IN_FLAG },
    series_scope = { .name = "scope", .type = IN_CHOICE,
	.choices = (const char *const[]){ "this", "following", "all", NULL },
	.says = N_("scope must be this, following or all") },
    reset_dates = { .name = "reset", .type = IN_FLAG },
    repeat = { .name = "repeat", .type = IN_CHOICE,
	.choices = (const char *const[]){ "none", "DAILY", "WEEKLY",
	"MONTHLY", NULL } },
    repeat_every = { .name = "interval", .type = IN_INT, .min = 1, .max = 99,
	.dflt = 1, .says = N_("Enter a whole number from 1 to 99.") },
    repeat_weekday = { .name = "weekday", .type = IN_LIST, .max = 2,
	.says = N_("Choose days from the list.") },
    repeat_monthly_by = { .name = "monthly_by", .type = IN_CHOICE,
	.choices = (const char *const[]){ "day", "weekday", NULL } },
    repeat_nth = { .name = "nth", .type = IN_LIST, .max = 2,
	.says = N_("Choose from the list.") },
    repeat_ends = { .name = "ends", .type = IN_CHOICE,
	.choices = (const char *const[]){ "until", "count", NULL } },
    repeat_until = { .name = "until", .type = IN_DATE,
	.says = N_("Enter a date like 2026-12-01.") },
    repeat_count = { .name = "count", .type = IN_INT, .min = 1, .max = 9999,
	.says = N_("Enter a whole number from 1 to 9999.") },
    booking_version = { .name = "version", .type = IN_INT, .min = 1,
	.max = ID_MAX, .says = N_("Reload the form and try again."),
	.flags = IN_REQUIRED },
    delegate_login = { .name = "delegate", .type = IN_TEXT, .max = 64,
	.says = N_("A login has at most 64 characters."),
	.flags = IN_REQUIRED },
    reason = REASON(0),
    reason_required = REASON(IN_REQUIRED),
    new_room = { .name = "room_id", .type = IN_INT, .min = 1,
	.max = ID_MAX, .says = N_("Choose one from the list.") },
    new_start = { .name = "start", .type = IN_TIME },
    new_date = { .name = "date", .type = IN_DATE },
    new_attendees = { .name = "attendees", .type = IN_INT, .min = 1,
	.max = PEOPLE_MAX,
	.says = N_("Enter how many people will attend (at least 1).") },
    of_user = { .name = "user", .type = IN_INT, .min = 1, .max = ID_MAX,
	.says = N_("user must be a whole number from 1 to 999999999999999999") },
    after = AFTER,
    limit = LIMIT,
    booking_id = { .name = "booking_id", .json = "bookingId",
	.type = IN_INT, .min = 1, .max = ID_MAX,
	.says = N_("bookingId must be a booking's number (a whole number from "
	"1)"), .flags = IN_REQUIRED },
    actual_end = { .name = "actual_end", .json = "realUseEndDtm",
	.type = IN_TIME },
    unread = { .name = "unread", .type = IN_CHOICE,
	.choices = (const char *const[]){ "0", "1", NULL },
	.says = N_("unread must be 0 or 1") },

    decision = { .name = "status", .json = "status", .type = IN_CHOICE,
	.choices = (const char *const[]){ "CONFIRMED", "DENIED", NULL },
	.says = N_("status must be CONFIRMED or DENIED"), .flags = IN_REQUIRED },
    waiting = { .name = "status", .type = IN_CHOICE,
	.choices = (const char *const[]){ "BOOKED", NULL },
	.says = N_("status: only BOOKED (the requests waiting for a decision) "
	"is listed here; see /api/bookingLists for the rest") },

    room_name = { .name = "name", .json = "name", .type = IN_TEXT,
	.max = 100, .says = N_("Use up to 100 letters, digits, spaces and "
	"punctuation."), .flags = IN_REQUIRED | IN_PLAIN },
    location = { .name = "location", .json = "location", .type = IN_TEXT,
	.max = 200, .says = N_("Use up to 200 letters, digits, spaces and "
	"punctuation."), .flags = IN_PLAIN },
    capacity = { .name = "capacity", .json = "capacity", .type = IN_INT,
	.min = 1, .max = PEOPLE_MAX,
	.says = N_("Enter how many people it seats, from 1 to 10000."),
	.flags = IN_REQUIRED },
    description = { .name = "description", .json = "description",
	.type = IN_TEXT, .max = 2000, .valid = valid_description,
	.says = N_("Keep it to 2000 characters.") },
    checkin_required = { .name = "checkin_required",
	.json = "checkinRequired", .type = IN_FLAG },
    room_floor = { .name = "floor_id", .json = "floorId", .type = IN_INT,
	.min = 0, .max = ID_MAX, .says = N_("Choose a floor from the list.") },
    room_features = { .name = "features", .json = "features",
	.type = IN_LIST, .max = 100, .says = N_("Give equipment by its "
	"names."), .flags = IN_PLAIN },
    building_name = { .name = "name", .json = "name", .type = IN_TEXT,
	.max = 100, .says = N_("Use up to 100 letters, digits, spaces and "
	"punctuation."), .flags = IN_REQUIRED | IN_PLAIN },
    building_address = { .name = "address", .json = "address",
	.type = IN_TEXT, .max = 300, .says = N_("Use up to 300 letters, "
	"digits, spaces and punctuation."), .flags = IN_PLAIN },
    floor_level = { .name = "level", .json = "level", .type = IN_INT,
	.min = -20, .max = 300, .says = N_("Enter the floor's level, from "
	"-20 to 300: 0 is the ground floor."), .flags = IN_REQUIRED },
    floor_name = { .name = "name", .json = "name", .type = IN_TEXT,
	.max = 100, .says = N_("Use up to 100 letters, digits, spaces and "
	"punctuation."), .flags = IN_REQUIRED | IN_PLAIN },
    feature_name = { .name = "name", .json = "name", .type = IN_TEXT,
	.max = 100, .says = N_("Use up to 100 letters, digits, spaces and "
	"punctuation."), .flags = IN_REQUIRED | IN_PLAIN },
    pin = { .name = "pin", .type = IN_TEXT, .max = 6, .valid = valid_pin,
	.flags = IN_REQUIRED | IN_SECRET },
    pin_again = { .name = "pin_again", .type = IN_TEXT, .max = 6,
	.flags = IN_REQUIRED | IN_SECRET },
    walkin_minutes = { .name = "minutes", .type = IN_CHOICE,
	.choices = (const char *const[]){ "15", "30", "60", NULL },
	.flags = IN_REQUIRED },
    /* The start a door's "Book now" button showed (optional: a screen
       from before it carried one is out of date). */
    walkin_starts_at = { .name = "starts_at", .type = IN_TIME },
    display_name = { .name = "display_name", .type = IN_TEXT,
	.max = 100, .says = N_("Use up to 100 letters, digits, spaces and "
	"punctuation."), .flags = IN_REQUIRED | IN_PLAIN },
    group_name = { .name = "name", .json = "name", .type = IN_TEXT,
	.max = 100, .says = N_("Use up to 100 letters, digits, spaces and "
	"punctuation."), .flags = IN_REQUIRED | IN_PLAIN },
    group_description = { .name = "description", .json = "description",
	.type = IN_TEXT, .max = 500, .says = N_("Keep it to 500 characters."),
	.flags = IN_PLAIN },
    member_login = { .name = "login", .json = "login", .type = IN_TEXT,
	.max = 64, .valid = valid_login,
	.says = N_("A login has at most 64 characters."),
	.flags = IN_REQUIRED },
    approval = { .name = "approval", .json = "approval", .type = IN_CHOICE,
	.choices = (const char *const[]){ "required", "instant", NULL },
	.says = N_("approval: \"required\" (its approvers decide each "
	"request) or \"instant\" (confirmed at once)") },
    approvers = { .name = "approvers", .json = "approvers", .type = IN_LIST,
	.max = 2000, .says = N_("Give people by their login names, separated "
	"by commas."), .flags = IN_PLAIN | IN_BLANK_NONE },
    approver_groups = { .name = "approver_groups", .json = "approverGroups",
	.type = IN_LIST, .max = 100, .says = N_("Give groups by their names."),
	.flags = IN_PLAIN },
    bookable_by = { .name = "bookable_by", .json = "bookableBy",
	.type = IN_LIST, .max = 100, .says = N_("Give groups by their names."),
	.flags = IN_PLAIN },
    buffer_minutes = { .name = "buffer_minutes", .json = "bufferMinutes",
	.type = IN_INT, .min = 0, .max = 240,
	.says = N_("Enter the minutes to keep free, from 0 to 240.") },
    max_per_day = { .name = "max_per_day", .json = "maxPerDay",
	.type = IN_INT, .min = 0, .max = 1000, .dflt = LIMIT_SITE,
	.says = N_("Enter a whole number from 0 (no limit) to 1000, or "
	"leave it empty for the site's limit.") },
    max_per_week = { .name = "max_per_week", .json = "maxPerWeek",
	.type = IN_INT, .min = 0, .max = 1000, .dflt = LIMIT_SITE,
	.says = N_("Enter a whole number from 0 (no limit) to 1000, or "
	"leave it empty for the site's limit.") },
    max_hours_per_week = { .name = "max_hours_per_week",
	.json = "maxHoursPerWeek", .type = IN_INT, .min = 0, .max = 168,
	.dflt = LIMIT_SITE, .says = N_("Enter hours from 0 (no limit) to 168, "
	"or leave it empty for the site's limit.") },
    max_future = { .name = "max_future", .json = "maxFuture",
	.type = IN_INT, .min = 0, .max = 1000, .dflt = LIMIT_SITE,
	.says = N_("Enter a whole number from 0 (no limit) to 1000, or "
	"leave it empty for the site's limit.") },
    version = { .name = "version", .type = IN_INT, .min = 1,
	.max = ID_MAX, .says = N_("Reload the form and try again.") },
    closed_from = { .name = "closed_from", .json = "closedFrom",
	.type = IN_TIME },
    closed_until = { .name = "closed_until", .json = "closedUntil",
	.type = IN_TIME },
    confirmed = { .name = "confirmed", .type = IN_FLAG },
    room_status = { .name = "status", .json = "status", .type = IN_CHOICE,
	.choices = (const char *const[]){ "Y", "N", NULL },
	.says = N_("status must be \"Y\" (available) or \"N\" (unavailable, "
	"with a reason)") },
    done = { .name = "done", .type = IN_CHOICE,
	.choices = (const char *const[]){ "approved", "denied",
	"series_approved", "series_denied", NULL } },
    added = { .name = "added", .type = IN_FLAG },
    saved = { .name = "saved", .type = IN_FLAG },
    available = { .name = "available", .type = IN_FLAG },
    revoked = { .name = "revoked", .type = IN_FLAG },
    crowded = { .name = "crowded", .type = IN_FLAG },
    closed_by = { .name = "closed", .type = IN_INT, .min = 1, .max = ID_MAX,
	.says = N_("closed must be a room event's number") },
    deleted = { .name = "deleted", .type = IN_FLAG },
    min_capacity = { .name = "min_capacity", .type = IN_INT, .min = 1,
	.max = PEOPLE_MAX, .says = N_("the minimum capacity must be a whole "
	"number from 1 to 10000"), .dflt = 1 },
    in_location = { .name = "location", .type = IN_TEXT },
    in_building = { .name = "building", .type = IN_INT, .min = 0,
	.max = ID_MAX, .says = N_("Choose a building from the list.") },
    in_floor = { .name = "floor", .type = IN_INT, .min = 0, .max = ID_MAX,
	.says = N_("Choose a floor from the list.") },
    in_features = { .name = "feature", .type = IN_LIST, .max = 100,
	.says = N_("Choose equipment from the list."), .flags = IN_PLAIN },

    of_room = { .name = "room", .type = IN_INT, .min = 1, .max = ID_MAX,
	.says = N_("room must be a room's number") },
    in_state = { .name = "status", .type = IN_CHOICE,
	.choices = (const char *const[]){ "pending", "confirmed", "denied",
	"cancelled", "expired", "in_use", "completed", "released", NULL },
	.says = N_("status must be pending, confirmed, denied, cancelled, "
	"expired, in_use, completed or released") },
    mine = { .name = "mine", .type = IN_FLAG },
    of_person = { .name = "person", .type = IN_INT, .min = 1,
	.max = ID_MAX, .says = N_("person must be a person's number") },
    from_day = { .name = "from", .type = IN_DATE,
	.says = N_("dates must look like 2026-12-01") },
    to_day = { .name = "to", .type = IN_DATE,
	.says = N_("dates must look like 2026-12-01") },
    page_after = { .name = "after", .type = IN_TEXT, .max = 64 },
    page_before = { .name = "before", .type = IN_TEXT, .max = 64 },
    cursor = { .name = "cursor", .type = IN_TEXT, .max = 64 },
    day = { .name = "date", .type = IN_DATE,
	.says = N_("date must look like 2026-12-01") },
    week = { .name = "week", .type = IN_TEXT, .max = 8,
	.says = N_("week must look like 2026-W49") },
    find_from = { .name = "from", .type = IN_TEXT, .max = 5,
	.valid = valid_clock, .says = N_("Enter a time of day such as "
	"14:30.") },
    find_to = { .name = "to", .type = IN_TEXT, .max = 5,
	.valid = valid_clock, .says = N_("Enter a time of day such as "
	"14:30.") },
    find_start = { .name = "start", .type = IN_TIME },
    find_end = { .name = "end", .type = IN_TIME },
    find_minutes = { .name = "minutes", .type = IN_INT, .min = 0,
	.max = 24 * 60, .says = N_("Give the meeting's length in minutes, "
	"or 0 for the whole time.") },
    find_people = { .name = "people", .type = IN_INT, .min = 1,
	.max = PEOPLE_MAX, .dflt = 1,
	.says = N_("Enter how many people will attend (at least 1).") },
    find_now = { .name = "now", .type = IN_FLAG },
    find_title = { .name = "title", .type = IN_TEXT, .max = 200,
	.valid = valid_title,
	.says = N_("Keep the title to 200 characters.") };

const struct input_field *const login_in[] = { &login, &password, &next, NULL };
const struct input_field *const password_in[] = {
	&current_password, &new_password, &confirm_password, &revoke_tokens,
	NULL
};
const struct input_field *const token_in[] = { &token_name, NULL };
const struct input_field *const login_query[] = { &next, &bye, NULL };
const struct input_field *const account_query[] = { &changed, NULL };
const struct input_field *const language_in[] = { &language, NULL };
const struct input_field *const zone_in[] = { &time_zone, NULL };
const struct input_field *const feed_in[] = { &feed_room, NULL };
const struct input_field *const mail_choice_in[] = {
	&want_requests, &want_decisions, &want_changes, &want_reminders,
	&want_summary, NULL
};
const struct input_field *const language_query[] = {
	&set_language, &next, NULL
};

const struct input_field *const booking_request_in[] = {
	&room_id, &starts_at, &ends_at, &title, &attendees, &private_booking,
	&request_token, &participants, &owner, &find_person, &form_action,
	&recurrence, &skip_conflicts, &preview, NULL
};
const struct input_field *const repeat_in[] = {
	&repeat, &repeat_every, &repeat_weekday, &repeat_monthly_by,
	&repeat_nth, &repeat_ends, &repeat_until, &repeat_count, NULL
};
const struct input_field *const booking_change_in[] = {
	&room_id, &starts_at, &ends_at, &title, &attendees, &participants,
	&booking_version, &find_person, &form_action, &series_scope,
	&reset_dates, NULL
};
const struct input_field *const scope_query[] = {
	&series_scope, &reset_dates, NULL
};
const struct input_field *const delegate_in[] = { &delegate_login, NULL };
const struct input_field *const booking_new_query[] = {
	&new_room, &new_start, &new_date, &new_attendees, NULL
};
const struct input_field *const booking_cancel_in[] = {
	&reason, &confirmed, &series_scope, NULL
};
const struct input_field *const booking_list_query[] = {
	&of_user, &after, &limit, NULL
};
const struct input_field *const checkin_in[] = { &booking_id, NULL };
const struct input_field *const checkout_in[] = { &actual_end, NULL };
const struct input_field *const notifications_query[] = { &unread, NULL };

const struct input_field *const deny_in[] = { &reason_required, NULL };
const struct input_field *const decision_in[] = { &decision, &reason, NULL };
const struct input_field *const confirms_query[] = {
	&waiting, &after, &limit, NULL
};
const struct input_field *const approvals_query[] = {
	&done, &page_after, &of_room, NULL
};

/* A room and its policy (lib/policy): the form's and the API's. */
#define ROOM_FIELDS	&room_name, &location, &capacity, &description,	\
	&checkin_required, &approval, &approvers, &approver_groups,	\
	&bookable_by, &buffer_minutes, &max_per_day, &max_per_week,	\
	&max_hours_per_week, &max_future, &room_floor, &room_features
const struct input_field *const room_in[] = { ROOM_FIELDS, &version, NULL };
const struct input_field *const room_change_in[] = {
	&room_status, &reason, &closed_from, &closed_until, ROOM_FIELDS, NULL
};
const struct input_field *const group_in[] = {
	&group_name, &group_description, NULL
};
const struct input_field *const member_in[] = { &member_login, NULL };
const struct input_field *const building_in[] = {
	&building_name, &building_address, NULL
};
const struct input_field *const floor_in[] = {
	&floor_level, &floor_name, NULL
};
const struct input_field *const feature_in[] = { &feature_name, NULL };
const struct input_field *const pin_in[] = { &pin, &pin_again, NULL };
const struct input_field *const display_checkin_in[] = { &pin, NULL };
const struct input_field *const walkin_in[] = {
	&walkin_minutes, &walkin_starts_at, &request_token, NULL
};
const struct input_field *const display_in[] = {
	&display_name, &language, NULL
};
const struct input_field *const room_close_in[] = {
	&reason_required, &closed_from, &closed_until, &confirmed, NULL
};
/* What the rooms list and the day grid filter by (lib/roomfilter). */
#define ROOM_FILTER_FIELDS	&min_capacity, &in_location, &in_building, \
	&in_floor, &in_features
const struct input_field *const rooms_query[] = {
	ROOM_FILTER_FIELDS, &deleted, NULL
};
const struct input_field *const room_query[] = {
	&added, &saved, &available, &revoked, &crowded, &closed_by, NULL
};

const struct input_field *const status_list_query[] = {
	&of_room, &in_state, &of_person, &mine, &from_day, &to_day,
	&page_after, &page_before, NULL
};
const struct input_field *const booking_lists_query[] = {
	&of_room, &in_state, &of_person, &from_day, &to_day, &cursor, &limit,
	NULL
};
const struct input_field *const day_query[] = {
	&day, ROOM_FILTER_FIELDS, NULL
};
const struct input_field *const week_query[] = { &week, NULL };
const struct input_field *const finder_query[] = {
	&day, &find_from, &find_to, &find_minutes, &find_people, &in_building,
	&in_features, &find_now, &find_title, NULL
};
const struct input_field *const free_query[] = {
	&find_start, &find_end, &find_minutes, &find_people, &in_building,
	&in_features, &find_now, NULL
};
const struct input_field *const usage_query[] = { &from_day, &to_day, NULL };
