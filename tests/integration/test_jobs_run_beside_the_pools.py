"""The site's own jobs need no cron: tools/stack runs the no-show sweep
every few seconds or minutes and the nightly refresh at its time, logs
each run, and stops them with the rest."""
import datetime
import os
import subprocess

from conftest import SITE_TZ, VAR, configured, sql, stack, wait_for


def lines(name, word):
    path = VAR / "log" / f"{name}.log"
    if not path.exists():
        return 0
    return sum(word in line for line in path.read_text(errors="replace").splitlines())


def jobs_pid():
    path = VAR / "run" / "jobs.pid"
    return int(path.read_text()) if path.exists() else None


def running(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_sweep_repeats_missed_nightly_jobs_catch_up_and_all_stop_with_the_stack():
    today = datetime.datetime.now(SITE_TZ).date()
    refreshed = VAR / "run" / "jobs.refresh.done"
    backed_up = VAR / "run" / "jobs.backup.done"
    backups = VAR / "backups"
    before = set(backups.glob("roombook-*.sql.gz")) if backups.exists() else set()
    sweeps, refreshes = lines("sweep", "sweep: released"), lines("refresh", "refresh-status:")
    with configured(jobs={"sweep_seconds": 2, "refresh_at": "00:00", "backup_at": "00:00"}):
        # Last night's refresh and backup did not run (the stack was
        # down): the next start catches up once, then waits for tomorrow.
        refreshed.write_text("2000-01-01\n")
        # Nor on another host of the site.
        sql("DELETE FROM job_runs")
        backed_up.write_text("2000-01-01\n")
        stack("start-jobs")
        try:
            pid = jobs_pid()
            assert pid and running(pid)
            assert wait_for(lambda: lines("sweep", "sweep: released") >= sweeps + 3, 30)
            assert lines("refresh", "refresh-status:") == refreshes + 1
            assert refreshed.read_text().strip() == today.isoformat()
            assert backed_up.read_text().strip() == today.isoformat()
            made = set(backups.glob("roombook-*.sql.gz")) - before
            assert len(made) == 1 and lines("backup", "backup: ") >= 1
        finally:
            stack("stop-jobs")
        assert wait_for(lambda: not running(pid), 10)
        after = lines("sweep", "sweep: released")
        assert not (VAR / "run" / "jobs.pid").exists()
    # Stopped means stopped: no sweep runs any more.
    assert not wait_for(lambda: lines("sweep", "sweep: released") > after, 5)
    # Every run is stamped with its time in the log.
    last = (VAR / "log" / "sweep.log").read_text().splitlines()[-1]
    assert last[:4].isdigit() and "Z sweep: released" in last
    assert os.environ.get("RB_JOBS") == "0", "the suites' own stack runs no jobs"


def test_the_mail_sender_runs_beside_the_pools_and_stops_with_them():
    from conftest import book, booked_id, login, sql
    assert sql("UPDATE mail_outbox SET sent_at = UTC_TIMESTAMP()"
               " WHERE sent_at IS NULL").returncode == 0
    with configured(mail={"poll_seconds": 1}):
        stack("start-jobs")
        try:
            pid = int((VAR / "run" / "mail.pid").read_text())
            assert running(pid)
            # As the jobs' account, never root.
            assert wait_for(lambda: senders(), 10)
            assert {line.split()[0] for line in senders()} == {"roombook"}
            bid = booked_id(book(login("alice"), title="Sent by the supervised sender"))
            written = lambda: [p for p in (VAR / "mail").glob("*-requested.eml")
                               if f"booking-{bid}@" in p.read_text(errors="replace")]
            assert wait_for(lambda: written(), 30)
        finally:
            stack("stop-jobs")
        assert wait_for(lambda: not running(pid), 15)
        assert not (VAR / "run" / "mail.pid").exists()
        # The sender itself stopped too, not only what supervised it (it
        # runs as the jobs' account; a wrapper between them once kept it).
        assert wait_for(lambda: not senders(), 15), senders()


def senders():
    """The roomctl mail-send processes of this instance still running."""
    out = subprocess.run(["ps", "-eo", "user=,args="], capture_output=True, text=True).stdout
    return [line for line in out.splitlines()
            if "mail-send" in line and str(VAR / "etc" / "roombook.ini") in line]
