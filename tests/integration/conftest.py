"""Shared helpers for the HTTP tests: the stack tests/run started for us."""
import http.client
import os
import pathlib
import subprocess
import uuid

import contextlib
import math
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from bs4 import BeautifulSoup

BASE = os.environ.get("RB_BASE_URL", "http://127.0.0.1:18080")
ROOT = pathlib.Path(os.environ.get("RB_ROOT", pathlib.Path(__file__).resolve().parents[2]))
VAR = pathlib.Path(os.environ.get("RB_VAR", ROOT / "var" / "test"))
CONTEXTS = ("booking", "approval", "room", "status")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "full_speed: timing, load or killed workers, which need the"
        " workers at full speed; left out of the pass under valgrind (tests/valgrind)")


def url(path):
    return BASE + path


def get(path, **kw):
    kw.setdefault("allow_redirects", False)
    kw.setdefault("timeout", 15)
    return requests.get(url(path), **kw)


def request(method, path, **kw):
    kw.setdefault("allow_redirects", False)
    kw.setdefault("timeout", 15)
    return requests.request(method, url(path), **kw)


class RawResponse:
    """Enough of a requests.Response for tests that need the raw path."""

    def __init__(self, resp):
        self.status_code = resp.status
        self.headers = resp.headers
        self.content = resp.read()
        self.text = self.content.decode("utf-8", "replace")


def raw_request(method, path, body=None, headers=None, source=None):
    """Sends path exactly as given (requests would repair bad escapes),
    optionally from another loopback address (source="127.0.0.2")."""
    host, port = BASE.split("//", 1)[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=15,
                                      source_address=(source, 0) if source else None)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        return RawResponse(conn.getresponse())
    finally:
        conn.close()


def new_request_id():
    return "t-" + uuid.uuid4().hex


def stack(*args):
    """Runs tools/stack on the test instance (never on the `make run` one)."""
    env = os.environ.copy()
    env.update(RB_VAR=str(VAR), RB_PORT=BASE.rsplit(":", 1)[1],
               RB_BIN=env.get("RB_BIN", str(ROOT / "build" / "asan" / "bin")),
               RB_SANITIZE=env.get("RB_SANITIZE", "1"))
    out = subprocess.run([str(ROOT / "tools" / "stack"), *args], env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def sql(statement, user=None, password=None):
    """Runs SQL in the test database as root (or the given account)."""
    cmd = ["mariadb", f"--defaults-file={VAR / 'etc' / 'mariadb.cnf'}", "-N", "-B"]
    if user:
        cmd += [f"--user={user}", f"--password={password}"]
    cmd += ["roombook", "-e", statement]
    return subprocess.run(cmd, capture_output=True, text=True)


def sql_value(statement):
    out = sql(statement)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def secret(context):
    """The database password of a context, from the instance's secrets file."""
    current = None
    for line in (VAR / "etc" / "secrets.ini").read_text().splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == context and line.startswith("db_password"):
            return line.split("=", 1)[1].strip()
    raise KeyError(context)


def wait_for(predicate, seconds=15):
    """Polls predicate until it holds (True) or seconds pass (False)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def log_text(name):
    path = VAR / "log" / f"{name}.log"
    return path.read_text(errors="replace") if path.exists() else ""


def pool_pid(context):
    return int((VAR / "run" / f"{context}.pid").read_text())


def worker_pids(context):
    """The live worker processes of a pool (children of its roombook-pool)."""
    parent = pool_pid(context)
    pids = set()
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, ppid = fields[0], int(fields[1])
        if ppid == parent and state != "Z":
            pids.add(int(stat.parent.name))
    return pids


@pytest.fixture
def all_workers():
    """Every pool's worker pids before the test; the test compares after."""
    before = {c: worker_pids(c) for c in CONTEXTS}
    for c, pids in before.items():
        assert pids, f"the {c} pool has no workers"
    return before


def csrf_of(html):
    """The form token of the first form on a page."""
    field = BeautifulSoup(html, "html.parser").select_one('input[name="csrf"]')
    assert field is not None and field["value"], "no form token on the page"
    return field["value"]


def login(who, password="demo", next_path="/"):
    """A requests.Session logged in through the real login form."""
    s = requests.Session()
    page = s.get(url("/login"), timeout=15)
    assert page.status_code == 200
    resp = s.post(url("/login"), data={"csrf": csrf_of(page.text), "login": who,
                                      "password": password, "next": next_path},
                  allow_redirects=False, timeout=15)
    assert resp.status_code == 303, resp.text[:500]
    return s


def page_csrf(session, path="/"):
    """The form token a logged-in page carries (the logout form has one)."""
    return csrf_of(session.get(url(path), timeout=15).text)


def logged_in_as(session):
    """The display name in the header, or None when anonymous."""
    resp = session.get(url("/"), allow_redirects=False, timeout=15)
    me = BeautifulSoup(resp.text, "html.parser").select_one("header a.me")
    return me.get_text() if me else None


def edit_ini(text, section, settings):
    """text with the keys of one [section] set (added if missing)."""
    lines, current, done = [], None, set()
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            if current == section:
                lines += [f"{k} = {v}" for k, v in settings.items() if k not in done]
                done.update(settings)
            current = stripped.strip("[]")
        key = stripped.lstrip(";").split("=", 1)[0].strip()
        if current == section and key in settings:
            lines.append(f"{key} = {settings[key]}")
            done.add(key)
            continue
        lines.append(line)
    missing = [f"{k} = {v}" for k, v in settings.items() if k not in done]
    if missing and current != section:
        lines.append(f"[{section}]")
    return "\n".join(lines + missing) + "\n"


def restack():
    """Restarts the pools and reloads nginx with the current roombook.ini."""
    stack("up")
    deadline = time.time() + 15
    while time.time() < deadline:
        if get("/healthz").status_code == 200:
            return
        time.sleep(0.2)
    raise AssertionError("the stack did not come back")


@contextlib.contextmanager
def configured(**sections):
    """Runs the block with roombook.ini changed, e.g.
    configured(auth={"session_idle_seconds": 6}); the pools and nginx pick
    it up, and the file is put back (and picked up) afterwards."""
    ini = VAR / "etc" / "roombook.ini"
    original = ini.read_text()
    text = original
    for section, settings in sections.items():
        text = edit_ini(text, section, settings)
    ini.write_text(text)
    try:
        restack()
        yield
    finally:
        ini.write_text(original)
        restack()


def temporary_user(login_name, role="user"):
    """A user with password "demo" (alice's hash), removed by the caller."""
    out = sql("INSERT INTO users (login, display_name, email, role, password_hash)"
              f" SELECT '{login_name}', 'Temp {login_name}', '', '{role}', password_hash"
              " FROM users WHERE login = 'alice'"
              " ON DUPLICATE KEY UPDATE disabled = 0, role = VALUES(role)")
    assert out.returncode == 0, out.stderr
    return login_name


def drop_user(login_name):
    sql("DELETE t FROM api_tokens t JOIN users u ON u.id = t.user_id"
        f" WHERE u.login = '{login_name}'")
    sql(f"DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = '{login_name}'")
    sql(f"DELETE FROM users WHERE login = '{login_name}'")


# --- bookings -------------------------------------------------------------

import datetime
import itertools
from zoneinfo import ZoneInfo

SITE_TZ = ZoneInfo(os.environ.get("RB_TIMEZONE", "America/New_York"))
_slots = itertools.count()


def local_days(first=3, last=80):
    """Open (weekday) local dates from `first` days ahead."""
    today = datetime.datetime.now(SITE_TZ).date()
    for offset in range(first, last):
        day = today + datetime.timedelta(days=offset)
        if day.weekday() < 5:
            yield day


def next_slot(minutes=60):
    """A valid slot no live booking overlaps, in any room, and not handed
    out before in this run: (start, end) as datetime-local strings in the
    site's zone, inside opening hours."""
    days = list(local_days())
    while True:
        n = next(_slots)
        day = days[n // 12]  # 08:00 .. 19:00 starts, an hour apart
        start = datetime.datetime.combine(day, datetime.time(8 + n % 12), SITE_TZ)
        end = start + datetime.timedelta(minutes=minutes)
        utc = [t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
               for t in (start, end)]
        taken = sql_value("SELECT COUNT(*) FROM bookings WHERE status IN"
                          f" ('pending','confirmed','in_use') AND starts_at < '{utc[1]}'"
                          f" AND ends_at > '{utc[0]}'")
        if taken == "0":
            return start.strftime("%Y-%m-%dT%H:%M"), end.strftime("%Y-%m-%dT%H:%M")


def quiet_day(room=None):
    """An open day without any live booking (in `room`, or in any room when
    None), searched from far ahead to stay clear of next_slot's days; each
    call gives another."""
    for day in reversed(list(local_days(first=20, last=89))):
        if (room, day) in _quiet_days_given:
            continue
        lo = datetime.datetime.combine(day, datetime.time(0), SITE_TZ)
        hi = lo + datetime.timedelta(days=1)
        utc = [t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
               for t in (lo, hi)]
        where = f" AND room_id = {int(room)}" if room is not None else ""
        if sql_value("SELECT COUNT(*) FROM bookings WHERE status IN"
                     " ('pending','confirmed','in_use')"
                     f" AND starts_at < '{utc[1]}' AND ends_at > '{utc[0]}'{where}") == "0":
            _quiet_days_given.add((room, day))
            return day
    raise AssertionError("no quiet day left")


_quiet_days_given = set()


def room_id(name="Berlin"):
    return int(sql_value(f"SELECT id FROM rooms WHERE name = '{name}'"))


def booking_form(session, query=""):
    page = session.get(url("/bookings/new" + query), timeout=15)
    assert page.status_code == 200
    doc = BeautifulSoup(page.text, "html.parser")
    return {"csrf": doc.select_one('input[name="csrf"]')["value"],
            "request_token": doc.select_one('input[name="request_token"]')["value"]}


def book(session, room=None, start=None, end=None, title="Team meeting", attendees="2",
         form=None, **extra):
    """Submits the booking form; returns the response (not followed)."""
    if start is None:
        start, end = next_slot()
    data = dict(form or booking_form(session))
    data.update({"room_id": str(room if room is not None else room_id()),
                 "starts_at": start, "ends_at": end, "title": title,
                 "attendees": attendees})
    data.update(extra)
    return session.post(url("/bookings"), data=data, allow_redirects=False, timeout=30)


def booked_id(resp):
    assert resp.status_code == 303, resp.text[:800]
    location = resp.headers["Location"]
    assert location.startswith("/bookings/")
    return int(location.rsplit("/", 1)[1])


def set_in_both(bid, **columns):
    """Sets columns of booking bid in the source table and the read model
    alike.  Each value is an SQL expression, evaluated once: two separate
    UTC_TIMESTAMP() calls may fall on either side of a second."""
    values = sql_value("SELECT " + ", ".join(columns.values())).split("\t")
    assign = ", ".join(f"{c} = '{v}'" for c, v in zip(columns, values))
    for table, key in (("bookings", "id"), ("booking_status", "booking_id")):
        out = sql(f"UPDATE {table} SET {assign} WHERE {key} = {bid}")
        assert out.returncode == 0, out.stderr


def roomctl(*args, stdin=None):
    return subprocess.run([str(ROOT / "build" / "asan" / "bin" / "roomctl"), "-c",
                           str(VAR / "etc" / "roombook.ini"), *args],
                          capture_output=True, text=True, input=stdin)


CLOCK_FILE = pathlib.Path(os.environ.get("RB_CLOCK_FILE", VAR / "clock"))


def set_clock(when):
    """Moves the programs' clock (pages, roomctl and their SQL) to the aware
    datetime `when`; it runs on from there in real time."""
    shift = math.ceil(when.timestamp() - time.time())  # never before `when`
    CLOCK_FILE.write_text(f"{shift}\n")


@pytest.fixture
def real_clock_after():
    """The programs' clock is the real one again after the test."""
    yield
    CLOCK_FILE.unlink(missing_ok=True)


def new_room(prefix, **extra):
    """A room of its own for a test (every day of it free), made through
    the API by an administrator; its id."""
    made = api_session("admin", "test rooms").post(url("/api/rooms"), json=dict({
        "name": f"{prefix} {uuid.uuid4().hex[:8]}", "location": "Floor 7", "capacity": 12},
        **extra))
    assert made.status_code == 201, made.text
    return made.json()["roomId"]


def api_session(who, name="test script"):
    """A requests.Session that sends a new API token of who's."""
    out = roomctl("token", "add", who, name)
    assert out.returncode == 0, out.stderr
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {out.stdout.strip()}"
    return s


@pytest.fixture
def read_model_exact():
    """After the test, the read model must equal the source tables."""
    yield
    out = roomctl("check-status")
    assert out.returncode == 0, out.stdout + out.stderr
    assert " 0 differ" in out.stdout


@pytest.fixture(scope="module")
def alice():
    """alice (a user), logged in once per test module."""
    return login("alice")


@pytest.fixture(scope="module")
def admin():
    """admin (an administrator), logged in once per test module."""
    return login("admin")


# The day grid writes its cells briefly: a booked slot's class is its state,
# a free one is a bare <td> whose link "ROOM.MINUTE[.SEATS]" is relative to
# the day's address, /status/day/YYYY-MM-DD/.
GRID_BOOKED = "td.pending, td.confirmed, td.in_use"
GRID_FREE = "td:not([class]) > a"


def grid_slot_links(row):
    """A grid row's bookable slots, {"HH:MM": href}."""
    links = {}
    for a in row.select(GRID_FREE):
        minute = int(a["href"].split(".")[1])
        links[f"{minute // 60:02d}:{minute % 60:02d}"] = a["href"]
    return links


def grid_slot_url(day, href):
    """The address a slot's link on day's grid leads to."""
    return url(f"/status/day/{day}/{href}")


def fire(calls):
    """Runs the callables at the same moment, one thread each."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def overlaps(room=None):
    """Pairs of live bookings that share a room (room, or any) and a moment."""
    where = f" AND a.room_id = {int(room)}" if room is not None else ""
    return int(sql_value(
        "SELECT COUNT(*) FROM bookings a JOIN bookings b ON a.room_id = b.room_id"
        " AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
        " WHERE a.status IN ('pending','confirmed','in_use')"
        " AND b.status IN ('pending','confirmed','in_use')" + where))
