"""roomctl refresh-status: rebuilds the view, reports drift, expires overdue
requests, loses no write made meanwhile, and fails without harm."""
import os
import re
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from conftest import (ROOT, VAR, book, booked_id, booking_form, edit_ini, login, next_slot,
                      room_id, roomctl, secret, set_in_both, sql, sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")

SUMMARY = re.compile(r"^refresh-status: (\d+) rows, drift (\d+), expired (\d+), "
                     r"usage days (\d+), [\d.]+ s$")


def refresh():
    out = roomctl("refresh-status")
    assert out.returncode == 0, out.stderr
    match = SUMMARY.match(out.stdout.strip())
    assert match, out.stdout
    return tuple(int(g) for g in match.groups())


def test_refresh_repairs_a_corrupted_row_and_reports_drift_1():
    bid = booked_id(book(login("alice"), title="Will be corrupted"))
    refresh()
    sql(f"UPDATE booking_status SET title = 'corrupted', status = 'denied'"
        f" WHERE booking_id = {bid}")
    assert roomctl("check-status").returncode == 1
    rows, drift, _, _ = refresh()
    assert drift == 1
    assert rows == int(sql_value("SELECT COUNT(*) FROM bookings"))
    assert sql_value(f"SELECT CONCAT(title, '/', status) FROM booking_status"
                     f" WHERE booking_id = {bid}") == "Will be corrupted/pending"
    assert refresh()[1] == 0
    assert sql_value("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema ="
                     " 'roombook' AND table_name LIKE 'booking_status_%'") == "0"


def test_refresh_expires_pending_requests_whose_start_has_passed():
    alice = login("alice")
    bid = booked_id(book(alice, title="Nobody decided"))
    set_in_both(bid, starts_at="UTC_TIMESTAMP() - INTERVAL 1 HOUR",
                ends_at="UTC_TIMESTAMP() + INTERVAL 1 HOUR")
    _, _, expired, _ = refresh()
    assert expired >= 1
    assert sql_value(f"SELECT status FROM bookings WHERE id = {bid}") == "expired"
    assert sql_value(f"SELECT status FROM booking_status WHERE booking_id = {bid}") == "expired"
    assert sql_value(f"SELECT CONCAT(kind, '/', actor_id IS NULL) FROM booking_events"
                     f" WHERE booking_id = {bid} ORDER BY id DESC LIMIT 1") == "expired/1"
    assert "expired before anyone decided" in alice.get(url("/notifications")).text
    assert refresh()[2] == 0  # nothing left to expire


def test_bookings_made_during_refreshes_are_all_present():
    alice = login("alice")
    room = room_id("Helsinki")
    stop = threading.Event()
    runs = []

    def keep_refreshing():
        while not stop.is_set():
            runs.append(roomctl("refresh-status").returncode)

    def submit(form_and_slot):
        form, (start, end) = form_and_slot
        data = dict(form, room_id=str(room), starts_at=start, ends_at=end,
                    title="During a refresh", attendees="3")
        return requests.post(url("/bookings"), data=data, cookies=alice.cookies.get_dict(),
                             allow_redirects=False, timeout=60)

    made = []
    refresher = threading.Thread(target=keep_refreshing)
    refresher.start()
    try:
        # Keep booking until several refreshes have run alongside.
        with ThreadPoolExecutor(max_workers=8) as pool:
            while len(runs) < 4 and len(made) < 400:
                batch = [(booking_form(alice), next_slot(30)) for _ in range(8)]
                made += [booked_id(r) for r in pool.map(submit, batch)]
    finally:
        stop.set()
        refresher.join()
    assert len(runs) >= 4 and set(runs) <= {0, 1} and 0 in runs
    present = sql_value("SELECT COUNT(*) FROM booking_status WHERE booking_id IN ("
                        + ",".join(map(str, made)) + ")")
    assert present == str(len(made))


def test_a_refresh_that_cannot_finish_leaves_the_view_alone(tmp_path):
    # The status program's read-only account cannot build a table.
    ini = edit_ini((VAR / "etc" / "roombook.ini").read_text(), "admin",
                   {"db_user": "rb_status"})
    secrets = tmp_path / "secrets.ini"
    secrets.write_text(f"[admin]\ndb_password = {secret('status')}\n")
    os.chmod(secrets, 0o600)
    ini = edit_ini(ini, "database", {"secrets": str(secrets)})
    (tmp_path / "roombook.ini").write_text(ini)
    before = sql_value("SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(CRC32(CONCAT(booking_id,"
                       " title, status))), 0)) FROM booking_status")
    out = subprocess.run([str(ROOT / "build" / "asan" / "bin" / "roomctl"), "-c",
                          str(tmp_path / "roombook.ini"), "refresh-status"],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert "refresh-status:" in out.stderr and "failed" in out.stderr
    assert sql_value("SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(CRC32(CONCAT(booking_id,"
                     " title, status))), 0)) FROM booking_status") == before


def test_two_refreshes_at_once_do_not_both_run():
    with ThreadPoolExecutor(max_workers=2) as pool:
        outs = list(pool.map(lambda _: roomctl("refresh-status"), range(2)))
    codes = sorted(o.returncode for o in outs)
    assert codes[0] == 0
    if codes[1] == 1:
        assert any("another refresh is running" in o.stderr for o in outs)


def fresh_booking():
    """A new pending booking: its id, local day and room."""
    bid = booked_id(book(login("alice"), title="Counted later"))
    day = sql_value(f"SELECT DATE(CONVERT_TZ(starts_at, '+00:00', 'America/New_York'))"
                    f" FROM bookings WHERE id = {bid}")
    room = sql_value(f"SELECT room_id FROM bookings WHERE id = {bid}")
    return bid, day, room


def assert_usage_counts(bid, day, room):
    """The refresh just run counted the booking on its day."""
    minutes = int(sql_value(f"SELECT TIMESTAMPDIFF(MINUTE, starts_at, ends_at) FROM bookings"
                            f" WHERE id = {bid}"))
    assert int(sql_value(f"SELECT pending_minutes FROM room_day_usage WHERE room_id = {room}"
                         f" AND day = '{day}'")) >= minutes


def test_usage_counts_every_change_since_the_previous_run():
    bid, day, room = fresh_booking()
    # As if the last refresh ran an hour ago and the booking came ten
    # minutes ago: well before this run's own one-minute margin.
    sql("UPDATE refresh_runs SET started_at = LEAST(started_at,"
        " UTC_TIMESTAMP() - INTERVAL 1 HOUR)")
    set_in_both(bid, updated_at="UTC_TIMESTAMP() - INTERVAL 10 MINUTE")
    sql(f"DELETE FROM room_day_usage WHERE room_id = {room} AND day = '{day}'")
    refresh()
    assert_usage_counts(bid, day, room)


def test_usage_is_recomputed_in_full_after_the_clock_was_set_back():
    bid, day, room = fresh_booking()
    # The previous run's start lies ahead of the clock now (it was set
    # back); "changed since the previous run" would miss everything.
    sql("UPDATE refresh_runs SET started_at = UTC_TIMESTAMP() + INTERVAL 30 DAY")
    sql(f"DELETE FROM room_day_usage WHERE room_id = {room} AND day = '{day}'")
    refresh()
    assert_usage_counts(bid, day, room)
