"""The replica stopped, then applying each change two seconds late: booking
and approval go on as before, a person's own change shows on their next
page, and a page read from a replica that lags says how old it is."""
import re
import sys
import time

import pytest

from conftest import (ROOT, alice, admin, book, booked_id, cluster, login,  # noqa: F401
                      report, sql_value, url, wait_for)

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
    cluster("replica-delay", "0")


def test_with_the_replica_stopped_the_site_reads_the_primary(alice, admin, replica_back):
    cluster("db-stop", "db2")
    booked, approved = book_approve_and_see(alice, admin)
    assert booked < 3 and approved < 3
    report(f"replica stopped: booked in {booked:.2f} s, approved in {approved:.2f} s,"
           " both seen on the next page")
    # Nothing to say "as of": the pages come from the primary.
    page = login("bob").get(url("/status"), timeout=30)
    assert page.status_code == 200 and not AS_OF.search(page.text)


def test_with_the_replica_late_own_changes_show_and_pages_say_how_old(alice, admin,
                                                                         replica_back):
    cluster("db-start", "db2")
    cluster("replica-delay", "2")
    booked, approved = book_approve_and_see(alice, admin)
    assert booked < 3 and approved < 3
    report(f"replica 2 s late: booked in {booked:.2f} s, approved in {approved:.2f} s,"
           " both seen on the next page")
    # Someone who wrote nothing lately reads the replica, which says when.
    bob = login("bob")
    time.sleep(3)  # his login has reached the replica
    page = bob.get(url("/status"), timeout=30)
    stamp = AS_OF.search(page.text)
    assert stamp, page.text[:2000]
    report(f"replica 2 s late: another person's status page says \"as of {stamp.group(1)}\"")
    # Back in step, the note goes.
    cluster("replica-delay", "0")
    assert wait_for(lambda: not AS_OF.search(bob.get(url("/status"), timeout=30).text), 20)
