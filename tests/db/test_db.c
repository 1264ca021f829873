/* Tests of lib/db against a real MariaDB (the test stack's; see tests/run). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "open_db.h"

static const char SQL_INSERT[] = "INSERT INTO db_test (id, v) VALUES (?, ?)";
static const char SQL_COUNT[] = "SELECT COUNT(*) AS n FROM db_test";
static const char SQL_GET[] = "SELECT v FROM db_test WHERE id = ?";
static const char SQL_CONN_ID[] = "SELECT CONNECTION_ID() AS id";
static const char SQL_HEX[] = "SELECT HEX(?) AS hex";
static const char SQL_NAMED[] =
    "SELECT 7 AS id, v, NULL AS nothing, 'x' AS letter FROM db_test WHERE id = ?";
static const char SQL_TWO[] = "SELECT ?, ?";

/* Kills db's connection from another one, as an operator or a restart would. */
static void
kill_connection(struct db *db)
{
	struct db	*other = open_db();
	struct db_rows	*id = db_query(db, SQL_CONN_ID, DB_NOARGS);
	char		 kill[64];

	assert_non_null(id);
	snprintf(kill, sizeof kill, "KILL CONNECTION %s", db_text(id, 0, "id"));
	db_rows_free(id);
	assert_int_equal(db_exec_script(other, kill), 0);
	db_free(other);
}

static long long
count_rows(struct db *db)
{
	struct db_rows	*rows = db_query(db, SQL_COUNT, DB_NOARGS);
	long long	 n;

	assert_non_null(rows);
	n = db_get_int(rows, 0, "n");
	db_rows_free(rows);
	return n;
}

static int
setup(void **state)
{
	struct db *db = open_db();

	assert_int_equal(db_exec_script(db, "DROP TABLE IF EXISTS db_test;"
	    "CREATE TABLE db_test (id INT PRIMARY KEY, v TEXT NULL)"
	    " ENGINE=InnoDB"), 0);
	*state = db;
	return 0;
}

static int
teardown(void **state)
{
	struct db *db = *state;

	db_exec_script(db, "DROP TABLE IF EXISTS db_test");
	db_free(db);
	return 0;
}

/*
 * A connection lost inside a transaction must not let the rest of the
 * transaction run on a new connection (where it would autocommit):
 * every call fails until the caller rolls back, and nothing is written.
 */
static void
test_connection_lost_inside_a_transaction(void **state)
{
	struct db *db = *state;

	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(1),
	    DB_STR("first")), NULL), 1);
	kill_connection(db);
	assert_int_equal(db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(2),
	    DB_STR("second")), NULL), -1);
	assert_int_equal(db_last_error(db), DB_DOWN);
	assert_null(db_query(db, SQL_GET, DB_ARGS(DB_INT(2))));
	assert_int_equal(db_commit(db), -1);
	db_rollback(db);
	/* Afterwards the handle works again, and nothing half was kept. */
	assert_int_equal(count_rows(db), 0);
}

static void
test_reconnects_outside_a_transaction(void **state)
{
	struct db *db = *state;

	kill_connection(db);
	assert_int_equal(count_rows(db), 0);	/* a read is retried */
	kill_connection(db);
	assert_int_equal(db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(3),
	    DB_STR("after a kill")), NULL), 1);
	assert_int_equal(count_rows(db), 1);
}

static void
test_duplicate_key_is_reported_as_such(void **state)
{
	struct db *db = *state;

	assert_int_equal(db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(10),
	    DB_STR("a")), NULL), 1);
	assert_int_equal(db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(10),
	    DB_STR("b")), NULL), -1);
	assert_int_equal(db_last_error(db), DB_DUPLICATE);
	assert_non_null(strstr(db_last_message(db), "Duplicate"));
}

static void
test_cells_long_null_and_binary(void **state)
{
	struct db		*db = *state;
	char			 longer[5000];
	const unsigned char	 blob[] = { 0x00, 0xff, 0x10 };
	struct db_rows		*rows;

	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	assert_int_equal(db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(20),
	    DB_STR(longer)), NULL), 1);
	assert_int_equal(db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(21), DB_NULL),
	    NULL), 1);
	rows = db_query(db, SQL_GET, DB_ARGS(DB_INT(20)));
	assert_non_null(rows);
	assert_string_equal(db_get(rows, 0, "v"), longer);
	db_rows_free(rows);
	rows = db_query(db, SQL_GET, DB_ARGS(DB_INT(21)));
	assert_non_null(rows);
	assert_int_equal(rows->nrows, 1);
	assert_null(db_get(rows, 0, "v"));
	db_rows_free(rows);
	rows = db_query(db, SQL_HEX, DB_ARGS(DB_BLOB(blob, sizeof blob)));
	assert_non_null(rows);
	assert_string_equal(db_get(rows, 0, "hex"), "00FF10");
	db_rows_free(rows);
}

/* Columns are found by the names the query gives them, in any order. */
static void
test_cells_by_column_name(void **state)
{
	struct db	*db = *state;
	struct db_rows	*rows;

	assert_int_equal(db_exec(db, SQL_INSERT, DB_ARGS(DB_INT(30),
	    DB_STR("thirty")), NULL), 1);
	rows = db_query(db, SQL_NAMED, DB_ARGS(DB_INT(30)));
	assert_non_null(rows);
	assert_int_equal(rows->ncols, 4);
	assert_int_equal(db_col(rows, "letter"), 3);
	assert_int_equal(db_get_int(rows, 0, "id"), 7);
	assert_string_equal(db_get(rows, 0, "v"), "thirty");
	assert_string_equal(db_get(rows, 0, "letter"), "x");
	/* SQL NULL: NULL as a cell, "" as text, 0 as a number */
	assert_null(db_get(rows, 0, "nothing"));
	assert_string_equal(db_text(rows, 0, "nothing"), "");
	assert_int_equal(db_get_int(rows, 0, "nothing"), 0);
	/* a name the query does not select, or a row it did not return */
	assert_int_equal(db_col(rows, "missing"), -1);
	assert_null(db_get(rows, 0, "missing"));
	assert_string_equal(db_text(rows, 0, "missing"), "");
	assert_null(db_get(rows, 1, "v"));
	assert_int_equal(db_col(rows, "ID"), -1);	/* names are exact */
	db_rows_free(rows);
}

/*
 * A statement is found again by its text, not its address: one buffer
 * reused for other SQL gets that SQL, and many statements all work.
 */
static void
test_statements_are_known_by_their_text(void **state)
{
	struct db	*db = *state;
	struct db_rows	*rows;
	char		 sql[64];

	for (int i = 1; i <= 300; i++) {
		snprintf(sql, sizeof sql, "SELECT %d AS v", i);
		rows = db_query(db, sql, DB_NOARGS);
		assert_non_null(rows);
		assert_int_equal(db_get_int(rows, 0, "v"), i);
		db_rows_free(rows);
	}
	/* the first ones again, from the cache */
	snprintf(sql, sizeof sql, "SELECT %d AS v", 1);
	rows = db_query(db, sql, DB_NOARGS);
	assert_non_null(rows);
	assert_int_equal(db_get_int(rows, 0, "v"), 1);
	db_rows_free(rows);
}

static void
test_wrong_argument_count_fails_cleanly(void **state)
{
	struct db *db = *state;

	assert_null(db_query(db, SQL_TWO, DB_ARGS(DB_INT(1))));
	assert_int_equal(db_last_error(db), DB_FAILED);
	assert_non_null(strstr(db_last_message(db), "takes 2 arguments"));
	assert_int_equal(count_rows(db) >= 0, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_connection_lost_inside_a_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_reconnects_outside_a_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_duplicate_key_is_reported_as_such, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_cells_long_null_and_binary, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_cells_by_column_name, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_statements_are_known_by_their_text, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_wrong_argument_count_fails_cleanly, setup, teardown),
	};

	if (load_config("test_db") == -1)
		return 1;
	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
