"""/api/bookingLists: the status list as JSON, with its filters and keyset
cursor; a client walks any number of bookings in bounded worker memory."""
import time
import uuid

import pytest
import requests

from conftest import api_session, room_id, roomctl, sql, sql_value, url, worker_pids

pytestmark = pytest.mark.usefixtures("read_model_exact")


def many_bookings(n, status="cancelled"):
    """n bookings of a new room, one an hour from 2032, in source and view."""
    name = f"Lists {uuid.uuid4().hex[:8]}"
    sql(f"INSERT INTO rooms (name, location, capacity) VALUES ('{name}', 'Floor L', 5)")
    rid = room_id(name)
    uid = sql_value("SELECT id FROM users WHERE login = 'alice'")
    out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at,"
              f" status) SELECT {rid}, {uid}, CONCAT('Many ', seq), 1,"
              " '2032-01-01' + INTERVAL seq HOUR, '2032-01-01' + INTERVAL seq HOUR"
              f" + INTERVAL 30 MINUTE, '{status}' FROM seq_1_to_{n}")
    assert out.returncode == 0, out.stderr
    assert roomctl("refresh-status").returncode == 0
    return rid


def drop_room(rid):
    sql(f"DELETE FROM booking_status WHERE room_id = {rid}")
    sql(f"DELETE FROM bookings WHERE room_id = {rid}")
    sql(f"DELETE FROM rooms WHERE id = {rid}")


def walk(session, query):
    seen, cursor, pages = [], None, 0
    while True:
        path = f"/api/bookingLists?{query}" + (f"&cursor={cursor}" if cursor else "")
        page = session.get(url(path))
        assert page.status_code == 200, page.text
        body = page.json()
        seen += [b["bookingId"] for b in body["bookingLists"]]
        pages += 1
        cursor = body.get("cursor")
        if not cursor:
            return seen, pages


def test_paging_walks_every_row_once_with_the_lists_filters():
    alice, admin = api_session("alice"), api_session("admin")
    rid = many_bookings(1200)
    try:
        seen, pages = walk(alice, f"room={rid}&status=cancelled&limit=500")
        assert len(seen) == 1200 and len(set(seen)) == 1200 and pages == 3
        # Newest start first, as on the status page.
        starts = [int(i) for i in seen]
        assert starts == sorted(starts, reverse=True)
        first = alice.get(url(f"/api/bookingLists?room={rid}&limit=1")).json()
        row = first["bookingLists"][0]
        assert row["roomId"] == rid and row["confirmStatus"] == "CANCELLED"
        assert row["useStartDtm"].startswith("2032") and row["starts_at"].endswith("Z")
        # Who booked, as the status page shows it (privacy.show_owner).
        assert row["bookingUserId"] is not None and row["bookingUserName"]
        assert admin.get(url(f"/api/bookingLists?room={rid}&limit=1")).json()[
            "bookingLists"][0]["bookingUserId"] == row["bookingUserId"]
        assert walk(alice, f"room={rid}&status=confirmed")[0] == []
    finally:
        drop_room(rid)
    assert alice.get(url("/api/bookingLists?cursor=yesterday")).status_code == 422
    assert alice.get(url("/api/bookingLists?status=lost")).status_code == 422
    assert alice.get(url("/api/bookingLists?person=1")).status_code == 403
    assert alice.get(url("/api/bookingLists?limit=501")).status_code == 422
    assert requests.get(url("/api/bookingLists")).status_code == 401


def peak_kib(pids):
    peaks = {}
    for pid in pids:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                peaks[pid] = int(line.split()[1])
    return peaks


@pytest.mark.full_speed
def test_listing_a_hundred_thousand_bookings_keeps_worker_memory_flat():
    alice = api_session("alice")
    rid = many_bookings(100000)
    try:
        pids = worker_pids("status")
        alice.get(url("/api/bookingLists?limit=500"))  # every worker warm
        before = peak_kib(pids)
        started = time.time()
        seen, pages = walk(alice, f"room={rid}&limit=500")
        # 200 full pages; a last full page may be followed by an empty one.
        assert len(seen) == 100000 and len(set(seen)) == 100000 and pages in (200, 201)
        after = peak_kib(pids)
        grown = max(after[p] - before.get(p, after[p]) for p in after)
        # A page is 500 rows; the whole list at once would be 100,000.
        assert grown < 48 * 1024, f"peak memory grew by {grown} KiB"
        print(f"walked 100000 bookings in {pages} pages, {time.time() - started:.1f} s;"
              f" largest peak growth of a status worker {grown} KiB")
    finally:
        drop_room(rid)
