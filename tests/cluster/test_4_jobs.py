"""The site's jobs run once for the whole cluster, whichever host starts
them: a lock on the primary, and a scheduled run finds the job just done
by another host and leaves it."""
import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from conftest import (CLUSTER_VAR, HOSTS, ROOT, cluster, host_log, sql, sql_value,
                      wait_for)

APP_HOSTS = ("app1", "app2")
RAN = "sweep: released"


def scheduled_sweep(host):
    """A scheduled sweep on host, as its jobs would run it; its output."""
    return cluster("in", host, str(ROOT / "build" / "bin" / "roomctl"), "-c",
                   str(CLUSTER_VAR / host / "etc" / "roombook.ini"), "-o", "30", "sweep")


def clear_of_the_hosts_own_sweeps():
    """The hosts' own sweeps start at the top of each minute: a test run
    among them would find the job just done and not sweep at all.  Early
    in the minute, so that the next top of the minute is over 30 s (the
    hosts' -o) after the test's sweep, and theirs run again."""
    second = time.time() % 60
    if not 10 <= second <= 20:
        time.sleep((70 - second) % 60)


def test_two_hosts_starting_the_sweep_at_once_sweep_once():
    clear_of_the_hosts_own_sweeps()
    sql("DELETE FROM job_runs WHERE job = 'sweep'")
    with ThreadPoolExecutor(max_workers=2) as pool:
        outputs = list(pool.map(scheduled_sweep, APP_HOSTS))
    assert sum(RAN in o for o in outputs) == 1, outputs
    left = [o for o in outputs if RAN not in o][0]
    assert "already running" in left or "ran for this site" in left, outputs
    # Once done, the other host's scheduled run leaves it too.
    again = scheduled_sweep("app2")
    assert RAN not in again and "ran for this site" in again, again
    host = sql_value("SELECT host FROM job_runs WHERE job = 'sweep'")
    assert host in (HOSTS["app1"], HOSTS["app2"])


def test_each_minute_one_host_swept():
    """Both hosts' jobs fire the sweep at the top of each minute (and once
    when they start: those runs are left out)."""
    assert wait_for(lambda: minutes_swept() >= 1, 130)
    per_minute = {}
    for host in APP_HOSTS:
        for line in host_log(host, "sweep.log").splitlines():
            stamp = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d):0\dZ sweep: released", line)
            if stamp:
                per_minute.setdefault(stamp.group(1), []).append(host)
    assert per_minute and all(len(h) == 1 for h in per_minute.values()), per_minute


def minutes_swept():
    """Sweeps run at the top of a minute, by either host."""
    return sum(len(re.findall(r":0\dZ sweep: released", host_log(h, "sweep.log")))
               for h in APP_HOSTS)


def lock_holder(job):
    """The address of the host whose connection holds job's lock, or None."""
    return sql_value(
        "SELECT SUBSTRING_INDEX(p.HOST, ':', 1) FROM information_schema.PROCESSLIST p"
        f" WHERE p.ID = IS_USED_LOCK('roombook.job.{job}')") or None


def test_one_mail_sender_sends_and_the_other_takes_over_when_it_dies():
    assert wait_for(lambda: lock_holder("mail-send") is not None, 30)
    holder = lock_holder("mail-send")
    host = next(h for h, a in HOSTS.items() if a == holder)
    other = "app2" if host == "app1" else "app1"
    assert "standing by" in host_log(other, "mail.log")
    # The sender dies; the standby takes the lock within its poll.
    subprocess.run(["pkill", "-KILL", "-f", f"roomctl -c .*/{host}/etc/roombook.ini mail-send"],
                   check=True)
    assert wait_for(lambda: lock_holder("mail-send") == HOSTS[other], 30)
