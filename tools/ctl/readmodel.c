/* roomctl check-status: compares the read model with the source tables. */
#include <stdio.h>

#include "ctl.h"
#include "db.h"
#include "readmodel.h"

#define SHOWN	20

int
cmd_check_status(struct ctl *ctl, int argc, char *argv[])
{
	long long	ids[SHOWN], rows = 0, n;

	(void)argc;
	(void)argv;
	if ((n = readmodel_check(ctl->db, ids, SHOWN, &rows)) < 0) {
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return 1;
	}
	printf("booking_status: %lld rows, %lld differ from the source "
	    "tables\n", rows, n);
	for (long long i = 0; i < n && i < SHOWN; i++)
		printf("  booking %lld\n", ids[i]);
	if (n > SHOWN)
		printf("  and %lld more\n", n - SHOWN);
	return n == 0 ? 0 : 1;
}
