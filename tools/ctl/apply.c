/* roomctl: state transitions the system applies to many bookings. */
#include "booking.h"
#include "ctl.h"
#include "db.h"

int
ctl_apply_each(struct ctl *ctl, const char *sql, const struct db_arg *args,
    size_t nargs, enum booking_action action, struct ctl_tally *tally)
{
	struct db_rows		*due;
	struct booking_outcome	 o;

	if ((due = db_query(ctl->db, sql, args, nargs)) == NULL)
		return -1;
	for (size_t i = 0; i < due->nrows; i++) {
		switch (booking_apply(ctl->db, db_get_int(due, i, "id"), action,
		    NULL, NULL, &o)) {
		case BK_OK:
			tally->done++;
			break;
		case BK_NOT_ALLOWED:	/* someone else got there first */
		case BK_NOT_FOUND:
			tally->skipped++;
			break;
		default:
			db_rows_free(due);
			return -1;
		}
	}
	db_rows_free(due);
	return 0;
}
