/*
 * roomctl mail-send and mail-status: the outbox's sender and what it has
 * done.  The sender composes each message once (lib/letter) and keeps its
 * bytes, so a retry sends the same message; it marks a message sent only
 * once the server took it, tries again after growing delays, and gives up
 * on a recipient the server refuses for good.  Without mail.smtp_url each
 * message is written as an .eml file instead, the bytes it would send.
 * It also queues what falls due by the clock: reminders before bookings
 * begin, and each approver's daily summary of the queue.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "ctl.h"
#include "db.h"
#include "i18n.h"
#include "letter.h"
#include "outbox.h"
#include "render.h"
#include "smtp.h"

/* One sender for the whole site: a lock on the database. */
static const char SQL_DUE[] =
    "SELECT id, kind, message, message_id, attempts, created_at,"
    " COALESCE(address, (SELECT email FROM users WHERE id = user_id)) AS rcpt"
    " FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL"
    " AND (next_attempt_at <= UTC_TIMESTAMP() OR ?) ORDER BY id LIMIT 200";
static const char SQL_KEEP[] =
    "UPDATE mail_outbox SET message = ?, message_id = ? WHERE id = ?";
static const char SQL_SENT[] =
    "UPDATE mail_outbox SET sent_at = UTC_TIMESTAMP(),"
    " attempts = attempts + 1, last_error = NULL WHERE id = ?";
static const char SQL_LATER[] =
    "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?,"
    " next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE id = ?";
static const char SQL_GIVE_UP[] =
    "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?,"
    " failed_at = UTC_TIMESTAMP() WHERE id = ?";
/*
 * Reminders: each confirmed booking beginning within remind_minutes, once,
 * to its people who want them.  Driven by (status, starts_at).
 */
#define REMINDER_DUE \
    " b.status = 'confirmed' AND b.reminded_at IS NULL" \
    " AND b.starts_at > UTC_TIMESTAMP()" \
    " AND b.starts_at <= UTC_TIMESTAMP() + INTERVAL ? MINUTE"
static const char SQL_REMIND[] =
    "INSERT INTO mail_outbox (kind, user_id, booking_id, series_id,"
    " created_at, next_attempt_at) SELECT 'reminder', u.id, b.id,"
    " b.series_id, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
    " FROM bookings b FORCE INDEX (bookings_status_start)"
    " JOIN users u ON u.id = b.user_id OR u.id IN (SELECT p.user_id"
    "  FROM booking_participants p WHERE p.booking_id = b.id)"
    " WHERE" REMINDER_DUE " AND NOT u.disabled AND u.email <> ''"
    " AND FIND_IN_SET('reminders', u.mail_wants)";
static const char SQL_REMINDED[] =
    "UPDATE bookings b FORCE INDEX (bookings_status_start)"
    " SET b.reminded_at = UTC_TIMESTAMP() WHERE" REMINDER_DUE;
/*
 * The daily summary: to each person who wants it and decides requests
 * (an administrator, or a room's approver) while requests wait, once a
 * day from the site's opening time.
 */
#define SUMMARY_DUE \
    " FIND_IN_SET('summary', u.mail_wants) AND NOT u.disabled" \
    " AND u.email <> '' AND (u.summary_sent_on IS NULL" \
    "  OR u.summary_sent_on < ?) AND EXISTS (SELECT 1 FROM bookings b" \
    "  WHERE b.status = 'pending' AND b.starts_at > UTC_TIMESTAMP()" \
    "  AND (u.role = 'admin' OR b.room_id IN (SELECT a.room_id" \
    "   FROM room_approvers a LEFT JOIN group_members m" \
    "   ON m.group_id = a.group_id WHERE a.user_id = u.id" \
    "   OR m.user_id = u.id)))"
static const char SQL_SUMMARIES[] =
    "INSERT INTO mail_outbox (kind, user_id, created_at, next_attempt_at)"
    " SELECT 'summary', u.id, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users u"
    " WHERE" SUMMARY_DUE;
static const char SQL_SUMMARISED[] =
    "UPDATE users u SET u.summary_sent_on = ? WHERE" SUMMARY_DUE;

/* Growing delays between attempts, capped; given up after three days. */
#define FIRST_DELAY	30
#define LAST_DELAY	3600
#define GIVE_UP_AFTER	(3 * 86400)

static volatile sig_atomic_t stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static long
delay_after(long long attempts)
{
	long d = FIRST_DELAY;

	for (long long i = 0; i < attempts && d < LAST_DELAY; i++)
		d *= 2;
	return d < LAST_DELAY ? d : LAST_DELAY;
}

/* Writes the message as dir/<id>-<kind>.eml, whole or not at all. */
static int
write_eml(const char *dir, long long id, const char *kind, const char *bytes,
    size_t len, char *why, size_t n)
{
	char	path[600], tmp[620];
	int	fd;
	ssize_t	w = 0;

	if (mkdir(dir, 0750) == -1 && errno != EEXIST) {
		snprintf(why, n, "cannot make %.300s: %s", dir,
		    strerror(errno));
		return -1;
	}
	snprintf(path, sizeof path, "%s/%06lld-%s.eml", dir, id, kind);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0640)) == -1 ||
	    (w = write(fd, bytes, len)) != (ssize_t)len || fsync(fd) == -1 ||
	    close(fd) == -1 || rename(tmp, path) == -1) {
		snprintf(why, n, "cannot write %.300s: %s", path,
		    w >= 0 && w != (ssize_t)len ? "short write" :
		    strerror(errno));
		if (fd != -1)
			close(fd);
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* Queues what the clock makes due: reminders and daily summaries. */
static int
queue_due(struct ctl *ctl, time_t now)
{
	char	today[11];
	int	open_minute = ctl->cfg.rules.open_from, minute;

	if (ctl->cfg.mail.remind_minutes > 0 && (db_begin(ctl->db) == -1 ||
	    db_exec(ctl->db, SQL_REMIND, DB_ARGS(DB_INT(
	    ctl->cfg.mail.remind_minutes)), NULL) < 0 ||
	    db_exec(ctl->db, SQL_REMINDED, DB_ARGS(DB_INT(
	    ctl->cfg.mail.remind_minutes)), NULL) < 0 ||
	    db_commit(ctl->db) == -1)) {
		db_rollback(ctl->db);
		return -1;
	}
	if (local_date_minute(now, today, &minute) == -1 ||
	    minute < open_minute)
		return 0;
	if (db_begin(ctl->db) == -1 || db_exec(ctl->db, SQL_SUMMARIES,
	    DB_ARGS(DB_STR(today)), NULL) < 0 || db_exec(ctl->db,
	    SQL_SUMMARISED, DB_ARGS(DB_STR(today), DB_STR(today)), NULL) < 0 ||
	    db_commit(ctl->db) == -1) {
		db_rollback(ctl->db);
		return -1;
	}
	return 0;
}

/* What became of one message. */
struct tally {
	long	sent, later, refused;
};

/* Composes (once) and delivers message i of due; 0, or -1: stop. */
static int
deliver(struct ctl *ctl, struct smtp *smtp, const struct db_rows *due,
    size_t i, time_t now, struct tally *t)
{
	const struct mail_config *mc = &ctl->cfg.mail;
	long long		 id = db_get_int(due, i, "id");
	long long		 attempts = db_get_int(due, i, "attempts");
	struct letter		 l;
	enum letter_result	 lr;
	enum smtp_result	 sr = SMTP_RETRY;
	const char		*bytes = db_get(due, i, "message");
	char			 why[600] = "";
	time_t			 created;
	int			 rc = 0;

	memset(&l, 0, sizeof l);
	snprintf(l.to, sizeof l.to, "%s", db_text(due, i, "rcpt"));
	if (bytes == NULL) {
		if ((lr = letter_compose(ctl->db, &ctl->cfg, id, now, &l)) ==
		    LETTER_ERROR) {
			fprintf(stderr, "roomctl: message %lld: cannot compose "
			    "it: %s\n", id, db_last_message(ctl->db));
			return -1;
		}
		if (lr == LETTER_NONE) {
			fprintf(stderr, "roomctl: message %lld: not sent: %s\n",
			    id, l.why);
			t->refused++;
			return db_exec(ctl->db, SQL_GIVE_UP, DB_ARGS(DB_STR(l.why),
			    DB_INT(id)), NULL) < 0 ? -1 : 0;
		}
		if (db_exec(ctl->db, SQL_KEEP, DB_ARGS(DB_STR(l.bytes),
		    DB_STR(l.message_id), DB_INT(id)), NULL) < 0) {
			free(l.bytes);
			return -1;
		}
		bytes = l.bytes;
	}
	if (mc->smtp_url[0] == '\0')
		sr = write_eml(mc->dir, id, db_text(due, i, "kind"), bytes,
		    strlen(bytes), why, sizeof why) == 0 ? SMTP_SENT :
		    SMTP_RETRY;
	else
		sr = smtp_send(smtp, mc->from, l.to, bytes, strlen(bytes), why,
		    sizeof why);
	free(l.bytes);
	if (sr == SMTP_RETRY && parse_sql_time(db_get(due, i, "created_at"),
	    &created) == 0 && now - created > GIVE_UP_AFTER)
		sr = SMTP_REFUSED;
	switch (sr) {
	case SMTP_SENT:
		t->sent++;
		rc = db_exec(ctl->db, SQL_SENT, DB_ARGS(DB_INT(id)), NULL);
		break;
	case SMTP_RETRY:
		t->later++;
		fprintf(stderr, "roomctl: message %lld to %s: %s; trying again "
		    "in %ld s\n", id, l.to, why, delay_after(attempts));
		rc = db_exec(ctl->db, SQL_LATER, DB_ARGS(DB_STR(why),
		    DB_INT(delay_after(attempts)), DB_INT(id)), NULL);
		break;
	case SMTP_REFUSED:
		t->refused++;
		fprintf(stderr, "roomctl: message %lld to %s: given up: %s\n",
		    id, l.to, why);
		rc = db_exec(ctl->db, SQL_GIVE_UP, DB_ARGS(DB_STR(why),
		    DB_INT(id)), NULL);
		break;
	}
	return rc < 0 ? -1 : 0;
}

/* One round: what is due queued, then every message due sent. */
static int
send_round(struct ctl *ctl, struct smtp *smtp, int all, struct tally *t)
{
	struct db_rows	*due;
	time_t		 now;
	int		 rc = 0;

	clock_reload();
	now = clock_now();
	if (db_set_now(ctl->db, now) == -1 || queue_due(ctl, now) == -1 ||
	    (due = db_query(ctl->db, SQL_DUE, DB_ARGS(DB_INT(all)))) == NULL) {
		fprintf(stderr, "roomctl: mail-send: %s\n",
		    db_last_message(ctl->db));
		return -1;
	}
	for (size_t i = 0; i < due->nrows && rc == 0 && !stopping; i++)
		rc = deliver(ctl, smtp, due, i, now, t);
	/* A full batch: more may wait, no pause. */
	if (rc == 0 && due->nrows == 200)
		rc = 1;
	db_rows_free(due);
	return rc;
}

static int
usage_send(void)
{
	fprintf(stderr, "usage: roomctl mail-send [--once] [--all]\n"
	    "  --once  send what is due, then stop (else keep at it)\n"
	    "  --all   try every unsent message now, whatever its delay\n");
	return 2;
}

int
cmd_mail_send(struct ctl *ctl, int argc, char *argv[])
{
	struct sigaction	 sa;
	struct smtp		*smtp = NULL;
	struct tally		 t = { 0, 0, 0 };
	char			 err[512];
	int			 once = 0, all = 0, rc = 0, got;
	int			 standing_by = 0;

	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--once") == 0)
			once = 1;
		else if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else
			return usage_send();
	if (clock_set_site_zone(ctl->cfg.timezone) == -1 ||
	    i18n_load(ctl->cfg.locale_dir, err, sizeof err) == -1 ||
	    render_init(ctl->cfg.templates_dir) == -1) {
		fprintf(stderr, "roomctl: mail-send cannot start: the zone, the "
		    "catalogs (%s) or the templates (%s)\n",
		    ctl->cfg.locale_dir, ctl->cfg.templates_dir);
		return 1;
	}
	if (ctl->cfg.mail.smtp_url[0] == '\0' && ctl->cfg.mail.dir[0] == '\0') {
		fprintf(stderr, "roomctl: set mail.smtp_url, or mail.dir for "
		    "the messages to be written to files\n");
		return 1;
	}
	if (ctl->cfg.mail.smtp_url[0] != '\0' &&
	    (smtp = smtp_new(&ctl->cfg.mail)) == NULL) {
		fprintf(stderr, "roomctl: out of memory\n");
		return 1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (;;) {
		/* A standby on another host takes over when this one dies. */
		if ((got = ctl_job_lock(ctl, "mail-send", 0)) == -1) {
			rc = 1;
			break;
		}
		if (got)
			break;
		if (once || !standing_by)
			fprintf(stderr, "roomctl: another mail-send is at work "
			    "for this site (here or on another host)%s\n",
			    once ? "; it sends the messages" :
			    "; standing by to take over");
		standing_by = 1;
		if (once) {
			smtp_free(smtp);
			return 0;
		}
		sleep((unsigned)ctl->cfg.mail.poll_seconds);
		if (stopping) {
			smtp_free(smtp);
			return 0;
		}
	}
	for (;;) {
		rc = send_round(ctl, smtp, all, &t);
		all = 0;
		if (rc == -1 || stopping || (once && rc == 0))
			break;
		/* A full batch goes on at once; else wait for more. */
		if (rc == 0)
			sleep((unsigned)ctl->cfg.mail.poll_seconds);
	}
	if (once || stopping)
		printf("mail-send: %ld sent, %ld to try again, %ld given up\n",
		    t.sent, t.later, t.refused);
	smtp_free(smtp);
	return rc == -1 ? 1 : 0;
}

static const char SQL_STATUS[] =
    "SELECT SUM(sent_at IS NULL AND failed_at IS NULL) AS waiting,"
    " SUM(sent_at IS NULL AND failed_at IS NULL AND attempts > 0) AS retried,"
    " SUM(sent_at >= UTC_TIMESTAMP() - INTERVAL 1 DAY) AS sent_day,"
    " SUM(failed_at IS NOT NULL) AS given_up,"
    " TIMESTAMPDIFF(SECOND, MIN(IF(sent_at IS NULL AND failed_at IS NULL,"
    "  created_at, NULL)), UTC_TIMESTAMP()) AS oldest FROM mail_outbox";
static const char SQL_TROUBLE[] =
    "SELECT id, kind, COALESCE(address, (SELECT email FROM users"
    " WHERE id = user_id)) AS rcpt, attempts, last_error,"
    " failed_at IS NOT NULL AS given_up, next_attempt_at FROM mail_outbox"
    " WHERE sent_at IS NULL AND last_error IS NOT NULL"
    " ORDER BY id DESC LIMIT 10";

int
cmd_mail_status(struct ctl *ctl, int argc, char *argv[])
{
	struct db_rows	*s, *bad;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: roomctl mail-status\n");
		return 2;
	}
	if ((s = db_query(ctl->db, SQL_STATUS, DB_NOARGS)) == NULL ||
	    (bad = db_query(ctl->db, SQL_TROUBLE, DB_NOARGS)) == NULL) {
		db_rows_free(s);
		fprintf(stderr, "roomctl: %s\n", db_last_message(ctl->db));
		return 1;
	}
	printf("delivery: %s\n", ctl->cfg.mail.smtp_url[0] != '\0' ?
	    ctl->cfg.mail.smtp_url : ctl->cfg.mail.dir);
	printf("waiting:  %lld (%lld of them tried before)\n",
	    db_get_int(s, 0, "waiting"), db_get_int(s, 0, "retried"));
	printf("oldest:   %s%s\n", db_get(s, 0, "oldest") != NULL ?
	    db_text(s, 0, "oldest") : "none waiting",
	    db_get(s, 0, "oldest") != NULL ? " s" : "");
	printf("sent:     %lld in the last day\n",
	    db_get_int(s, 0, "sent_day"));
	printf("given up: %lld\n", db_get_int(s, 0, "given_up"));
	for (size_t i = 0; i < bad->nrows; i++)
		printf("  #%s %s to %s, %s attempts, %s%s: %s\n",
		    db_text(bad, i, "id"), db_text(bad, i, "kind"),
		    db_text(bad, i, "rcpt"), db_text(bad, i, "attempts"),
		    db_get_int(bad, i, "given_up") ? "given up" : "next at ",
		    db_get_int(bad, i, "given_up") ? "" :
		    db_text(bad, i, "next_attempt_at"),
		    db_text(bad, i, "last_error"));
	db_rows_free(s);
	db_rows_free(bad);
	return 0;
}
