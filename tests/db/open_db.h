/* The database tests' connection: the test stack's, as its administrator. */
#ifndef TESTS_DB_OPEN_DB_H
#define TESTS_DB_OPEN_DB_H

static struct config cfg;

/* roombook.ini from ROOMBOOK_CONFIG; -1 (said) without one. */
static int
load_config(const char *test)
{
	const char	*path = getenv("ROOMBOOK_CONFIG");
	char		 err[512];

	if (path == NULL || config_load(path, &cfg, err, sizeof err) == -1) {
		fprintf(stderr, "%s: set ROOMBOOK_CONFIG to a running stack's "
		    "roombook.ini (%s)\n", test, path != NULL ? err : "unset");
		return -1;
	}
	return 0;
}

static struct db *
open_db(void)
{
	struct db_params p = { .socket = cfg.db_socket, .host = cfg.db_host,
	    .port = (unsigned)cfg.db_port,
	    .user = cfg.admin_db_user, .password = cfg.admin_db_password,
	    .name = cfg.db_name };
	struct db *db = db_new(&p);

	assert_non_null(db);
	assert_int_equal(db_ping(db), 0);
	return db;
}

#endif
