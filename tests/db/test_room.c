/* Tests of lib/room against a real MariaDB (the test stack's; see tests/run). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "config.h"
#include "db.h"
#include "room.h"
#include "open_db.h"

struct fixture {
	struct db	*db;
	long long	 user, room, booking;
};

static const char SQL_USER[] =
    "INSERT INTO users (login, display_name) VALUES (?, 'Room test')";
static const char SQL_ROOM[] =
    "INSERT INTO rooms (name, capacity) VALUES (?, 4)";
/* A meeting in the room now: checked in half an hour ago. */
static const char SQL_IN_USE[] =
    "INSERT INTO bookings (room_id, user_id, title, starts_at, ends_at,"
    " status, actual_start)"
    " VALUES (?, ?, 'In the room', FROM_UNIXTIME(?) - INTERVAL 30 MINUTE,"
    " FROM_UNIXTIME(?) + INTERVAL 30 MINUTE, 'in_use',"
    " FROM_UNIXTIME(?) - INTERVAL 30 MINUTE)";
static const char SQL_STATUS[] = "SELECT status FROM bookings WHERE id = ?";

static int
setup(void **state)
{
	struct fixture	*f = calloc(1, sizeof *f);
	char		 name[64];

	assert_non_null(f);
	f->db = open_db();
	snprintf(name, sizeof name, "room-test-%ld-%ld", (long)getpid(),
	    (long)time(NULL));
	assert_int_equal(db_exec_script(f->db, "SET time_zone = '+00:00'"), 0);
	assert_int_equal(db_exec(f->db, SQL_USER, DB_ARGS(DB_STR(name)),
	    &f->user), 1);
	assert_int_equal(db_exec(f->db, SQL_ROOM, DB_ARGS(DB_STR(name)),
	    &f->room), 1);
	*state = f;
	return 0;
}

/* Nothing of the test stays in the stack's database. */
static int
teardown(void **state)
{
	struct fixture	*f = *state;
	char		 sql[2048];

	snprintf(sql, sizeof sql,
	    "SET @@timestamp = DEFAULT;"
	    "DELETE FROM room_closure_bookings WHERE booking_id IN"
	    " (SELECT id FROM bookings WHERE room_id = %lld);"
	    "DELETE FROM booking_events WHERE booking_id IN"
	    " (SELECT id FROM bookings WHERE room_id = %lld);"
	    "DELETE FROM notifications WHERE user_id = %lld;"
	    "DELETE FROM mail_outbox WHERE user_id = %lld;"
	    "DELETE FROM booking_status WHERE room_id = %lld;"
	    "DELETE FROM bookings WHERE room_id = %lld;"
	    "DELETE FROM room_events WHERE room_id = %lld;"
	    "DELETE FROM rooms WHERE id = %lld;"
	    "DELETE FROM users WHERE id = %lld",
	    f->room, f->room, f->user, f->user, f->room, f->room, f->room,
	    f->room, f->user);
	assert_int_equal(db_exec_script(f->db, sql), 0);
	db_free(f->db);
	free(f);
	return 0;
}

static const char *
status_of(struct db *db, long long booking, char *buf, size_t n)
{
	struct db_rows *rows = db_query(db, SQL_STATUS,
	    DB_ARGS(DB_INT(booking)));

	assert_non_null(rows);
	assert_int_equal(rows->nrows, 1);
	snprintf(buf, n, "%s", db_text(rows, 0, "status"));
	db_rows_free(rows);
	return buf;
}

/*
 * Closing a room from now ends the meeting in it, though the database's
 * clock is behind the program's (another host's, or a second behind
 * within one request): "now" is the program's to decide.
 */
static void
test_closing_now_ends_the_meeting_in_use_whatever_the_database_clock(
    void **state)
{
	struct fixture		*f = *state;
	time_t			 now = clock_now();
	struct room_closure	 c = { .reason = "Water leak" };
	struct room_outcome	 o;
	char			 status[16];

	assert_int_equal(db_exec(f->db, SQL_IN_USE, DB_ARGS(DB_INT(f->room),
	    DB_INT(f->user), DB_INT(now), DB_INT(now), DB_INT(now)),
	    &f->booking), 1);
	assert_int_equal(db_set_now(f->db, now - 5), 0);
	assert_int_equal(room_close(f->db, NULL, f->room, 0, &c, &o), ROOM_OK);
	assert_int_equal(o.cancelled->nrows, 1);
	assert_int_equal(db_get_int(o.cancelled, 0, "booking_id"), f->booking);
	assert_int_equal(db_get_int(o.cancelled, 0, "in_use"), 1);
	room_outcome_free(&o);
	assert_string_equal(status_of(f->db, f->booking, status,
	    sizeof status), "completed");
}

/* A closure that begins later leaves the meeting in the room alone. */
static void
test_closing_later_leaves_the_meeting_in_use(void **state)
{
	struct fixture		*f = *state;
	time_t			 now = clock_now();
	struct room_closure	 c = { .reason = "Painting", .from = now + 3600 };
	struct room_outcome	 o;
	char			 status[16];

	assert_int_equal(db_exec(f->db, SQL_IN_USE, DB_ARGS(DB_INT(f->room),
	    DB_INT(f->user), DB_INT(now), DB_INT(now), DB_INT(now)),
	    &f->booking), 1);
	assert_int_equal(db_set_now(f->db, now + 5), 0);
	assert_int_equal(room_close(f->db, NULL, f->room, 0, &c, &o), ROOM_OK);
	assert_int_equal(o.cancelled->nrows, 0);
	room_outcome_free(&o);
	assert_string_equal(status_of(f->db, f->booking, status,
	    sizeof status), "in_use");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_closing_now_ends_the_meeting_in_use_whatever_the_database_clock,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_closing_later_leaves_the_meeting_in_use, setup,
		    teardown),
	};

	if (load_config("test_room") == -1)
		return 1;
	return cmocka_run_group_tests_name("room", tests, NULL, NULL);
}
