"""The replica stopped, then two seconds away (every packet from the primary
to it held 2 s on the link): booking and approval go on as before, a
person's own change shows on their next page, and a page read from a
replica that lags says how old it is.  Over a link that loses a fifth of
its packets, the replica still gets every change."""
import re
import sys
import time

import pytest

from conftest import (CLUSTER_VAR, ROOT, alice, admin, book, booked_id,  # noqa: F401
                      cluster, login, on_db, report, semi_sync, sql_value, url, wait_for)

sys.path.append(str(ROOT / "tests" / "integration"))
from test_administrators_decide import decide  # noqa: E402

AS_OF = re.compile(r'<p class="as-of"[^>]*>Shown as of (\d\d:\d\d:\d\d)')


def listed(session, bid):
    """bid's state on the session's next status page, or None."""
    day = sql_value(f"SELECT DATE(starts_at) FROM bookings WHERE id = {bid}")
    page = session.get(url(f"/status?from={day}&to={day}"), timeout=30)
    assert page.status_code == 200
    row = re.search(rf'data-id="{bid}".*?class="badge status-(\w+)"', page.text)
    return row.group(1) if row else None


def book_approve_and_see(person, admin_session):
    """Books and approves; the booker's and the approver's next pages show
    each change.  How long each write took."""
    started = time.monotonic()
    bid = booked_id(book(person))
    booked = time.monotonic() - started
    assert listed(person, bid) == "pending"
    started = time.monotonic()
    assert decide(admin_session, bid, "approve").status_code == 303
    approved = time.monotonic() - started
    assert listed(admin_session, bid) == "confirmed"
    return booked, approved


@pytest.fixture
def replica_back():
    yield
    cluster("db-start", "db2")
    cluster("delay", "db1", "db2", "0")


def test_with_the_replica_stopped_the_site_reads_the_primary(alice, admin, replica_back):
    cluster("db-stop", "db2")
    booked, approved = book_approve_and_see(alice, admin)
    assert booked < 3 and approved < 3
    report(f"replica stopped: booked in {booked:.2f} s, approved in {approved:.2f} s,"
           " both seen on the next page")
    # Nothing to say "as of": the pages come from the primary.
    page = login("bob").get(url("/status"), timeout=30)
    assert page.status_code == 200 and not AS_OF.search(page.text)


def test_with_the_replica_two_seconds_away_own_changes_show_and_pages_say_how_old(
        alice, admin, replica_back):
    cluster("db-start", "db2")
    assert wait_for(semi_sync, 30)
    cluster("delay", "db1", "db2", "2000")
    booked, approved = book_approve_and_see(alice, admin)
    assert booked < 3 and approved < 3
    # The primary waited for the replica once (at most its 2 s timeout),
    # then goes on alone while the replica lags.
    assert not semi_sync()
    report(f"replica 2 s away: booked in {booked:.2f} s, approved in {approved:.2f} s,"
           " both seen on the next page; the primary stopped waiting for the replica")
    # Someone who wrote nothing lately reads the replica, which says when.
    # (Once his login has reached the replica, and the workers that found
    # it stopped a moment ago have stopped resting, 5 s.)
    bob = login("bob")
    stamps = []
    assert wait_for(lambda: stamps.extend(AS_OF.findall(
        bob.get(url("/status"), timeout=30).text)) or stamps, 10), "no page said how old"
    report(f"replica 2 s away: another person's status page says \"as of {stamps[0]}\"")
    # Back in step, the note goes, and the primary waits for it again.
    cluster("delay", "db1", "db2", "0")
    assert wait_for(lambda: not AS_OF.search(bob.get(url("/status"), timeout=30).text), 20)
    assert wait_for(semi_sync, 20)


def test_over_a_lossy_link_the_replica_still_gets_every_booking(alice, replica_back):
    cluster("delay", "db1", "db2", "50", "20")
    made = [booked_id(book(alice)) for _ in range(5)]
    wanted = ",".join(str(b) for b in made)
    # A fifth of the packets to the replica are lost: TCP sends them again.
    assert wait_for(lambda: on_db("db2", f"SELECT COUNT(*) FROM bookings WHERE id IN ({wanted})")
                    == "5", 30)
    cluster("delay", "db1", "db2", "0")
    # linkdelay's last words: how many packets it let through, dropped.
    passed, dropped = map(int, re.findall(r"(\d+) packets passed, (\d+) dropped",
                                          (CLUSTER_VAR / "linkdelay.log").read_text())[-1])
    assert dropped > 0
    report(f"replica over a link losing 20 % of packets ({dropped} of {passed + dropped}"
           f" dropped): all {len(made)} bookings reached it")
