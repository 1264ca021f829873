/*
 * outbox: the mail a change causes, written in the change's own
 * transaction (so nothing is mailed for a change that rolled back) and
 * sent later by `roomctl mail-send` (lib/letter composes, lib/smtp
 * delivers).  One row per message and recipient: the people a booking
 * names (its owner and participants, each if they want that kind of
 * mail; its guests always) or the people who decide its room's requests.
 */
#ifndef ROOMBOOK_OUTBOX_H
#define ROOMBOOK_OUTBOX_H

struct db;
struct notice_facts;

/*
 * The kinds of message.  Those a booking's people receive carry its
 * calendar object; each that changes what a calendar shows raises the
 * object's SEQUENCE first.
 */
#define MAIL_TO_DECIDE	"to_decide"	/* a new request, to its deciders */
#define MAIL_REQUESTED	"requested"	/* tentative until decided */
#define MAIL_CONFIRMED	"confirmed"
#define MAIL_DENIED	"denied"
#define MAIL_CANCELLED	"cancelled"
#define MAIL_EXPIRED	"expired"	/* nobody decided before its start */
#define MAIL_RELEASED	"released"	/* nobody checked in */
#define MAIL_CLOSED	"closed"	/* its room was taken out of use */
#define MAIL_CUT_SHORT	"cut_short"	/* ended early: the same, in use */
#define MAIL_CHANGED	"changed"	/* moved, retitled */
#define MAIL_UNINVITED	"uninvited"	/* one person no longer named */
#define MAIL_REMINDER	"reminder"
#define MAIL_SUMMARY	"summary"	/* the queue, to an approver daily */

/* Whether a kind takes a calendar object out of people's calendars. */
int		 outbox_cancels(const char *kind);

/*
 * Queues kind about booking id to its people, with the change's facts
 * (n may be NULL).  A booking of a series is one date of the series'
 * calendar object.  0 or -1; call inside the change's transaction.
 */
int	outbox_booking(struct db *, const char *kind, long long id,
	    const struct notice_facts *n);

/*
 * Queues kind about the whole of series id (its dates at once) to the
 * people its first date names.  0 or -1.
 */
int	outbox_series(struct db *, const char *kind, long long series,
	    const struct notice_facts *n);

/*
 * Queues kind about the whole series booking id is a date of, unless
 * that is series except (or none).  0 or -1.
 */
int	outbox_series_of(struct db *, const char *kind, long long id,
	    long long except, const struct notice_facts *n);

/*
 * Queues a new request (booking id; of a series when series > 0) to the
 * people who decide its room's requests.  0 or -1.
 */
int	outbox_deciders(struct db *, long long id, long long series,
	    const struct notice_facts *n);

/* Queues kind about booking id to one person only.  0 or -1. */
int	outbox_person(struct db *, const char *kind, long long id,
	    long long user, const struct notice_facts *n);

#endif
