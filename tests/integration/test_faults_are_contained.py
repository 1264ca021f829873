"""Fault isolation at the gateway: booking and approval work while room and
status are down; a busy or slow context stalls no other; killed workers
lose no booking anyone was told about."""
import concurrent.futures
import os
import random
import signal
import threading
import time
import uuid

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import (VAR, book, booked_id, booking_form, csrf_of, get, login, page_csrf,
                      quiet_day, sql, sql_value, stack, url, wait_for, worker_pids)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def test_booking_and_approval_work_while_room_and_status_are_down():
    alice, admin = login("alice"), login("admin")
    stack("stop-pool", "room")
    stack("stop-pool", "status")
    try:
        # Room management and the status view: their fallback, 503 with
        # Retry-After, as a page for people and as JSON for scripts.
        for path, words in (("/rooms", "Room management is temporarily unavailable"),
                            ("/status", "The status view is temporarily unavailable")):
            down = alice.get(url(path), allow_redirects=False)
            assert down.status_code == 503 and down.headers["Retry-After"] == "30"
            assert words in down.text and down.headers["Cache-Control"] == "no-store"
            doc = BeautifulSoup(down.text, "html.parser")
            assert doc.select_one('a[href="/bookings/new"]') is not None
            scripted = alice.get(url(path), headers={"Accept": "application/json"})
            assert scripted.status_code == 503
            assert scripted.headers["Content-Type"].startswith("application/json")
            assert scripted.json()["error"]["code"] == "unavailable"
        api = get("/api/rooms")
        assert api.status_code == 503 and api.json()["error"]["context"] == "room"
        # In the reader's language: the browser's first, or the one chosen
        # on the login page (a cookie); the code stays the same.
        ko = alice.get(url("/rooms"), headers={"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5"})
        doc = BeautifulSoup(ko.text, "html.parser")
        assert ko.status_code == 503 and doc.html["lang"] == "ko"
        assert "Room management" not in ko.text and "\ud68c\uc758\uc2e4" in ko.text
        chosen = requests.get(url("/status"), cookies={"rb_lang": "ko"},
                              headers={"Accept-Language": "en"})
        assert BeautifulSoup(chosen.text, "html.parser").html["lang"] == "ko"
        ko_api = requests.get(url("/api/rooms"), headers={"Accept-Language": "ko"})
        assert ko_api.json()["error"]["code"] == "unavailable"
        assert ko_api.json()["error"]["message"] != api.json()["error"]["message"]
        english = requests.get(url("/status"), headers={"Accept-Language": "fr, ko;q=0.5"})
        assert BeautifulSoup(english.text, "html.parser").html["lang"] == "en"

        # Booking: the form (rooms read from the database), create, list, cancel.
        form = alice.get(url("/bookings/new"))
        assert form.status_code == 200 and 'href="/rooms"' in form.text
        kept = booked_id(book(alice, title="While rooms are down"))
        dropped = booked_id(book(alice, title="Cancelled while down"))
        assert "While rooms are down" in alice.get(url("/bookings")).text
        resp = alice.post(url(f"/bookings/{dropped}/cancel"),
                          data={"csrf": page_csrf(alice, f"/bookings/{dropped}")},
                          allow_redirects=False)
        assert resp.status_code == 303
        # Approval: the queue, approve, deny.
        denied = booked_id(book(alice, title="Denied while down"))
        queue = admin.get(url("/admin/approvals"))
        assert queue.status_code == 200 and f'id="request-{kept}"' in queue.text
        token = csrf_of(queue.text)
        assert admin.post(url(f"/admin/approvals/{kept}/approve"), data={"csrf": token},
                          allow_redirects=False).status_code == 303
        assert admin.post(url(f"/admin/approvals/{denied}/deny"),
                          data={"csrf": token, "reason": "not today"},
                          allow_redirects=False).status_code == 303
        assert [sql_value(f"SELECT status FROM bookings WHERE id = {b}")
                for b in (kept, dropped, denied)] == ["confirmed", "cancelled", "denied"]

        health = get("/healthz")
        assert health.status_code == 503
        body = health.json()
        assert body["status"] == "degraded"
        assert {c for c, v in body["contexts"].items() if v["status"] != "ok"} == \
            {"room", "status"}
    finally:
        stack("start-pool", "room")
        stack("start-pool", "status")
    assert wait_for(lambda: get("/healthz").status_code == 200)
    assert alice.get(url("/rooms")).status_code == 200
    assert alice.get(url("/status")).status_code == 200


@pytest.mark.full_speed
def test_a_busy_context_stalls_no_other_and_refuses_beyond_its_limit():
    """All four status workers asleep, far more requests than the context
    may hold: the excess is refused at once with Retry-After, and the other
    contexts answer as usual meanwhile."""
    workers = len(worker_pids("status"))
    limit = workers * 16
    asked = limit + 24

    def slow(_):
        started = time.time()
        resp = requests.get(url("/status/_slow?ms=1000"), timeout=60)
        return resp.status_code, resp.headers.get("Retry-After"), time.time() - started

    with concurrent.futures.ThreadPoolExecutor(asked) as pool:
        futures = [pool.submit(slow, i) for i in range(asked)]
        time.sleep(1)
        others = []
        for path in ("/", "/rooms", "/login", "/healthz/approval"):
            started = time.time()
            others.append((path, get(path).status_code, time.time() - started))
        # Health tells the truth meanwhile: the status context is busy.
        health = get("/healthz")
        results = [f.result() for f in futures]
    assert health.status_code == 503 and health.json()["status"] == "degraded"
    assert health.json()["contexts"]["status"]["status"] == "busy"
    assert all(code == 200 and took < 1 for _, code, took in others), others
    refused = [r for r in results if r[0] == 503 and r[2] < 2]
    assert len(refused) >= asked - limit
    assert all(ra == "30" for code, ra, _ in results if code == 503)
    assert sum(1 for r in results if r[0] == 200) >= workers
    assert wait_for(lambda: get("/healthz/status").status_code == 200)


def live_workers_older_than(context, seconds):
    """Workers that have run long enough that their death is an ordinary
    one, restarted at once (a quick death waits: roombook-pool's growing
    delays, tested in test_pools_never_give_up.py)."""
    ticks = os.sysconf("SC_CLK_TCK")
    uptime = float(open("/proc/uptime").read().split()[0])
    old = []
    for pid in worker_pids(context):
        try:
            start = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[19])
        except OSError:
            continue
        if uptime - start / ticks > seconds:
            old.append(pid)
    return old


@pytest.mark.full_speed
def test_killed_workers_lose_no_booking_anyone_was_told_about():
    """Several clients book for 30 s while booking workers are killed with
    SIGKILL: every booking a client was told about (303) is in the database
    and the read model; the only others are those whose answer died with a
    worker, which are counted."""
    clients, seconds = 6, 30
    run = uuid.uuid4().hex[:6]
    stop = threading.Event()
    kills = []

    def killer():
        while not stop.wait(1.0):
            candidates = live_workers_older_than("booking", 11)
            if candidates:
                pid = random.choice(candidates)
                os.kill(pid, signal.SIGKILL)
                kills.append(pid)

    # Logged in before the killing starts: a login whose worker dies is
    # not what this test counts (and under load it may take a second).
    sessions = [login("alice") for _ in range(clients)]

    def client(n):
        session = sessions[n]
        name = f"Kill {run} {n}"
        sql(f"INSERT INTO rooms (name, location, capacity) VALUES ('{name}', 'Floor K', 9)")
        room = int(sql_value(f"SELECT id FROM rooms WHERE name = '{name}'"))
        day, slot, outcomes = quiet_day(room), 0, []
        while not stop.is_set():
            start = f"{day.isoformat()}T{7 + slot // 4:02d}:{15 * (slot % 4):02d}"
            end_slot = slot + 1
            end = f"{day.isoformat()}T{7 + end_slot // 4:02d}:{15 * (end_slot % 4):02d}"
            title = f"kill-{run}-{n}-{len(outcomes)}"
            try:
                form = booking_form(session)
                resp = book(session, room, start, end, title=title, form=form)
                outcomes.append((title, resp.status_code))
            except (requests.RequestException, AssertionError, KeyError, TypeError) as e:
                outcomes.append((title, type(e).__name__))
            slot += 1
            if slot == 52:
                day, slot = quiet_day(room), 0
        return room, outcomes

    with concurrent.futures.ThreadPoolExecutor(clients + 1) as pool:
        kill_job = pool.submit(killer)
        jobs = [pool.submit(client, n) for n in range(clients)]
        time.sleep(seconds)
        stop.set()
        kill_job.result()
        results = [j.result() for j in jobs]

    sent = [o for _, outcomes in results for o in outcomes]
    acknowledged = {t for t, code in sent if code == 303}
    unanswered = {t for t, code in sent if code != 303}
    rows = sql(f"SELECT b.title, s.booking_id IS NOT NULL FROM bookings b"
               f" LEFT JOIN booking_status s ON s.booking_id = b.id"
               f" WHERE b.title LIKE 'kill-{run}-%'").stdout.split("\n")
    stored = {}
    for line in filter(None, rows):
        title, in_view = line.split("\t")
        assert title not in stored, f"{title} stored twice"
        stored[title] = in_view == "1"
    lost = acknowledged - stored.keys()
    unacknowledged = stored.keys() - acknowledged
    assert not lost, f"acknowledged but not stored: {sorted(lost)[:5]}"
    assert all(stored[t] for t in acknowledged), "acknowledged but not in the read model"
    assert unacknowledged <= unanswered, "a booking no client ever asked for"
    assert len(kills) >= 3 and len(acknowledged) > 100
    # The pool brought every killed worker back.
    assert wait_for(lambda: len(worker_pids("booking")) == 4)
    assert get("/").status_code == 200
    report = (f"kill -9 under load: {seconds} s, {clients} clients, {len(kills)} booking"
              f" workers killed; {len(sent)} requests, {len(acknowledged)} acknowledged,"
              f" {len(acknowledged & stored.keys())} found, lost {len(lost)};"
              f" {len(unanswered)} answers lost with a worker, of which"
              f" {len(unacknowledged)} had been stored\n")
    with open(VAR / "fault-report.txt", "a") as f:
        f.write(report)
