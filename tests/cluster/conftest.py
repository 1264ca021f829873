"""The cluster tests: the site that `tools/cluster up` runs in network
namespaces (a gateway, two application hosts, a primary and a replica),
reached at the gateway's address.  The integration tests' helpers (login,
forms, SQL on the site's database) are used as they are, pointed at it."""
import configparser
import datetime
import importlib.util
import os
import pathlib
import re
import subprocess
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLUSTER_VAR = pathlib.Path(os.environ.get("RB_CLUSTER_VAR", ROOT / "var" / "cluster"))
NET = os.environ.get("RB_CLUSTER_NET", "10.77.0")
GATEWAY = f"{NET}.1"
HOSTS = {"app1": f"{NET}.21", "app2": f"{NET}.22", "db1": f"{NET}.11", "db2": f"{NET}.12"}

_ini = configparser.ConfigParser(inline_comment_prefixes=(";",))
_ini.read(CLUSTER_VAR / "etc" / "roombook.ini")
# The helpers read these when they are loaded: the gateway, the view of
# the site tools/cluster keeps (the primary's MariaDB), the site's zone.
os.environ["RB_BASE_URL"] = f"http://{GATEWAY}"
os.environ["RB_VAR"] = str(CLUSTER_VAR)
os.environ["RB_TIMEZONE"] = _ini["site"]["timezone"]

_spec = importlib.util.spec_from_file_location(
    "site_helpers", ROOT / "tests" / "integration" / "conftest.py")
site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site)

# Everything the integration tests' conftest offers (helpers, fixtures),
# as this conftest's own: tests here import them from conftest.
globals().update({k: v for k, v in vars(site).items() if not k.startswith("_")})


def roomctl(*args, stdin=None):
    """roomctl as the cluster's programs are built (the sanitizer build's
    is slower to start, and the tests make many API tokens)."""
    return subprocess.run([str(ROOT / "build" / "bin" / "roomctl"), "-c",
                           str(CLUSTER_VAR / "etc" / "roombook.ini"), *args],
                          capture_output=True, text=True, input=stdin)


site.roomctl = roomctl


def cluster(*args, check=True):
    """Runs tools/cluster; its output."""
    out = subprocess.run([str(ROOT / "tools" / "cluster"), *args],
                         capture_output=True, text=True, timeout=300)
    if check:
        assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout + out.stderr


def on_host(host, *cmd, check=True):
    """Runs a command on one of the cluster's hosts (its namespace)."""
    return cluster("in", host, *cmd, check=check)


def host_log(host, name):
    """The text of a log of an application host's instance."""
    path = CLUSTER_VAR / host / "log" / name
    return path.read_text(errors="replace") if path.exists() else ""


def served_by(host, since_lines, context="booking", pattern=""):
    """How many requests matching pattern the host's context logged after
    the first since_lines lines."""
    lines = host_log(host, f"{context}.log").splitlines()[since_lines:]
    return sum(1 for line in lines if re.search(r" \d{3} [\d.]+ms$", line)
               and pattern in line)


def log_length(host, context="booking"):
    return len(host_log(host, f"{context}.log").splitlines())


REPORT = ROOT / "var" / "cluster-report.txt"


def on_db(host, statement):
    """One value from a database host's own copy of the site's database."""
    out = subprocess.run(["mariadb", f"--defaults-file={CLUSTER_VAR / host / 'mariadb.cnf'}",
                          "-N", "-B", "roombook", "-e", statement],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def semi_sync():
    """Whether the primary waits for the replica's acknowledgement."""
    return sql_value("SELECT variable_value FROM information_schema.global_status"
                     " WHERE variable_name = 'Rpl_semi_sync_master_status'") == "ON"


def report(line):
    """A line for make test's summary: what the clients saw."""
    with open(REPORT, "a") as f:
        f.write(line + "\n")


def a_weekday(days_ahead):
    """A Monday, Tuesday or Wednesday at least days_ahead from today."""
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=days_ahead)
    while day.weekday() > 2:
        day += datetime.timedelta(days=1)
    return day


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)


def booking_body(room, start, minutes=30, title="Under load"):
    """The API's booking, times as the origin system writes them."""
    return {"roomId": room, "useStartDtm": start.strftime("%Y%m%d%H%M"),
            "useEndDtm": (start + datetime.timedelta(minutes=minutes)).strftime("%Y%m%d%H%M"),
            "title": title, "attendees": 2}


def book_until_answered(api, body, key, give_up_at):
    """Sends the booking until it gets an answer that is not the gateway's
    "try again" (or time is up), always with the same key; the answer."""
    while True:
        try:
            resp = api.post(url("/api/bookings"), json=body, timeout=30,
                            headers={"Idempotency-Key": key})
            if resp.status_code < 500 and resp.status_code != 429:
                return resp
        except requests.RequestException:
            pass
        if time.monotonic() > give_up_at:
            return None
        time.sleep(0.3)


class BookingClients:
    """API clients booking quarter hours of one room, one after another,
    each answer awaited (retried with its key), until stopped: on the same
    weekday of ten weeks, 440 slots shared out."""

    def __init__(self, count, room, day, pause=0.2):
        self.apis = [api_session("alice" if k % 2 else "bob", f"under load {k}")
                     for k in range(count)]
        self.room, self.day, self.pause = room, day, pause
        self.acknowledged, self.answers = [], []
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=count)
        self._runs = [self._pool.submit(self._client, k) for k in range(count)]

    def _client(self, k):
        for n in range(k, 440, len(self.apis)):
            if self.stop.is_set():
                return
            start = at(self.day + datetime.timedelta(weeks=n // 44), 8) + \
                datetime.timedelta(minutes=15 * (n % 44))
            key = uuid.uuid4().hex
            resp = book_until_answered(self.apis[k], booking_body(self.room, start, 15),
                                       key, time.monotonic() + 90)
            with self._lock:
                self.answers.append(resp.status_code if resp is not None else None)
                if resp is not None and resp.status_code in (200, 201):
                    self.acknowledged.append((key, resp.json()["bookingId"]))
            time.sleep(self.pause)

    def finish(self):
        """Stops them; raises what a client raised."""
        self.stop.set()
        for run in self._runs:
            run.result()
        self._pool.shutdown()
        return [bid for _, bid in self.acknowledged]
