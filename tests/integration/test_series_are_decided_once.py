"""A series waits in the approval queue once, with its dates: approved or
denied all at once (its owner told once), or denied date by date."""
import datetime
import uuid

import pytest
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, api_session, csrf_of, login, new_room, roomctl, set_in_both, sql,
                      sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


@pytest.fixture
def room():
    return new_room("Decided")


@pytest.fixture
def checkin_room():
    """A room that has required check-in for two days."""
    room = new_room("Check-in", checkinRequired=True)
    assert sql("UPDATE rooms SET checkin_required_since = UTC_TIMESTAMP() - INTERVAL 2 DAY"
               f" WHERE id = {room}").returncode == 0
    return room


def weekly(room, weeks=4, title="Design review", hour=10, participants=()):
    """A weekly series of alice's some months ahead; its bookings' ids."""
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=130)
    start = datetime.datetime.combine(day, datetime.time(hour), SITE_TZ)
    resp = api_session("alice", "series").post(url("/api/bookings"), json={
        "roomId": room, "useStartDtm": start.strftime("%Y%m%d%H%M"),
        "useEndDtm": (start + datetime.timedelta(hours=1)).strftime("%Y%m%d%H%M"),
        "title": title, "attendees": 2, "participants": list(participants),
        "recurrence": f"FREQ=WEEKLY;COUNT={weeks}", "skipConflicts": True})
    assert resp.status_code == 201, resp.text
    return resp.json()["bookings"]


def queue_at(admin, first):
    """The queue's page that begins where booking first waits."""
    start = sql_value(f"SELECT UNIX_TIMESTAMP(starts_at) FROM bookings WHERE id = {first}")
    page = admin.get(url(f"/admin/approvals?after={int(float(start)) - 1}.0"))
    assert page.status_code == 200
    return BeautifulSoup(page.text, "html.parser")


def card(doc, title):
    found = [li for li in doc.select("li.request") if li.select_one("h2").get_text() == title]
    assert len(found) <= 1, "a series is in the queue once"
    return found[0] if found else None


def states(ids):
    return [sql_value(f"SELECT status FROM bookings WHERE id = {i}") for i in ids]


def notes_about(session, title):
    doc = BeautifulSoup(session.get(url("/notifications")).text, "html.parser")
    return [n.select_one(".message").get_text() for n in doc.select(".note")
            if title in n.select_one(".message").get_text()]


def test_a_series_waits_once_with_its_dates(room):
    admin = login("admin")
    title = f"Design review {uuid.uuid4().hex[:6]}"
    ids = weekly(room, title=title)
    doc = queue_at(admin, ids[0])
    request = card(doc, title)
    assert request is not None
    assert "4 dates waiting" in request.select_one(".series-note").get_text()
    assert [li["id"] for li in request.select("li.series-date")] == [f"date-{i}" for i in ids]
    # Its later dates are not requests of their own on the page.
    assert all(doc.select_one(f"#request-{i}") is None for i in ids[1:])
    # The deciders were told once, of the whole series.
    told = notes_about(admin, title)
    assert len(told) == 1 and "4 dates" in told[0]


def test_the_last_date_waiting_reads_as_one(room):
    admin = login("admin")
    title = f"Once {uuid.uuid4().hex[:6]}"
    ids = weekly(room, weeks=1, title=title)
    request = card(queue_at(admin, ids[0]), title)
    assert request.select_one(".series-note").get_text() == \
        "Repeats: one date of the series waits."
    assert request.select_one("button[id^=approve-series-]").get_text() == "Approve"
    assert request.select_one("details.series-dates") is None
    # Denying that date without a reason marks the card's one field.
    refused = admin.post(url(f"/admin/approvals/{ids[0]}/deny"), data={
        "csrf": csrf_of(admin.get(url("/admin/approvals")).text), "reason": ""})
    assert refused.status_code == 422
    request = card(BeautifulSoup(refused.text, "html.parser"), title)
    assert request.select_one("input[name=reason]")["aria-invalid"] == "true"


def test_a_single_date_is_denied_and_the_rest_approved_at_once(room):
    admin, alice = login("admin"), login("alice")
    title = f"Standup {uuid.uuid4().hex[:6]}"
    ids = weekly(room, title=title)
    doc = queue_at(admin, ids[0])
    csrf = csrf_of(str(doc))

    resp = admin.post(url(f"/admin/approvals/{ids[1]}/deny"),
                      data={"csrf": csrf, "reason": "Holiday that week"}, allow_redirects=False)
    assert resp.status_code == 303
    assert states(ids) == ["pending", "denied", "pending", "pending"]
    request = card(queue_at(admin, ids[0]), title)
    assert "3 dates waiting" in request.select_one(".series-note").get_text()

    series = sql_value(f"SELECT series_id FROM bookings WHERE id = {ids[0]}")
    resp = admin.post(url(f"/admin/approvals/series/{series}/approve"), data={"csrf": csrf},
                      allow_redirects=False)
    assert resp.status_code == 303
    assert "done=series_approved" in resp.headers["Location"]
    assert states(ids) == ["confirmed", "denied", "confirmed", "confirmed"]
    assert card(queue_at(admin, ids[0]), title) is None
    told = notes_about(alice, title)
    assert any("is confirmed: 3 dates" in t for t in told)
    assert any("Holiday that week" in t for t in told)
    assert sum("confirmed" in t for t in told) == 1, "the owner is told once"

    # Nothing waits any more: approving again is a clear 404.
    resp = admin.post(url(f"/admin/approvals/series/{series}/approve"), data={"csrf": csrf},
                      allow_redirects=False)
    assert resp.status_code == 404


def test_denying_a_whole_series_needs_a_reason(room):
    admin, alice = login("admin"), login("alice")
    title = f"Offsite {uuid.uuid4().hex[:6]}"
    ids = weekly(room, weeks=3, title=title, participants=["bob"])
    bob = login("bob")
    assert len(notes_about(bob, title)) == 1, "bob is invited once"
    series = sql_value(f"SELECT series_id FROM bookings WHERE id = {ids[0]}")
    csrf = csrf_of(str(queue_at(admin, ids[0])))

    refused = admin.post(url(f"/admin/approvals/series/{series}/deny"),
                         data={"csrf": csrf, "reason": ""}, allow_redirects=False)
    assert refused.status_code == 422
    doc = BeautifulSoup(refused.text, "html.parser")
    field = doc.select_one(f"#reason-series-{series}")
    assert field is not None and field["aria-invalid"] == "true"
    # Only the series' own field is marked, not each date's.
    assert doc.select_one(f"#reason-{ids[1]}").get("aria-invalid") is None
    assert states(ids) == ["pending"] * 3

    resp = admin.post(url(f"/admin/approvals/series/{series}/deny"),
                      data={"csrf": csrf, "reason": "The room is being painted"},
                      allow_redirects=False)
    assert resp.status_code == 303
    assert states(ids) == ["denied"] * 3
    told = notes_about(alice, title)
    assert sum("was denied" in t for t in told) == 1
    assert any("3 dates" in t and "being painted" in t for t in told)
    told = notes_about(bob, title)
    assert len(told) == 2 and "will not take place" in told[0]


def test_a_refused_date_denial_shows_the_series_with_that_field(room):
    admin = login("admin")
    title = f"Retro {uuid.uuid4().hex[:6]}"
    ids = weekly(room, weeks=3, title=title)
    csrf = csrf_of(str(queue_at(admin, ids[0])))
    refused = admin.post(url(f"/admin/approvals/{ids[2]}/deny"),
                         data={"csrf": csrf, "reason": " "}, allow_redirects=False)
    assert refused.status_code == 422
    doc = BeautifulSoup(refused.text, "html.parser")
    request = card(doc, title)
    assert request is not None, "the page shown holds the series"
    assert request.select_one("details.series-dates").has_attr("open")
    assert request.select_one(f"#reason-{ids[2]}")["aria-invalid"] == "true"


def test_undecided_dates_expire_one_by_one(room):
    title = f"Expiring {uuid.uuid4().hex[:6]}"
    ids = weekly(room, weeks=3, title=title)
    # The first two dates' starts have passed undecided; the third waits.
    for n, bid in enumerate(ids[:2]):
        set_in_both(bid, starts_at=f"UTC_TIMESTAMP() - INTERVAL {3 - n} DAY",
                    ends_at=f"UTC_TIMESTAMP() - INTERVAL {3 - n} DAY + INTERVAL 1 HOUR")
    out = roomctl("refresh-status")
    assert out.returncode == 0, out.stderr
    assert states(ids) == ["expired", "expired", "pending"]


def confirmed_and_begun(room, weeks, title):
    """A weekly series approved at once, whose first three dates began in
    the last hours; its bookings' ids."""
    ids = weekly(room, weeks=weeks, title=title)
    series = sql_value(f"SELECT series_id FROM bookings WHERE id = {ids[0]}")
    admin = login("admin")
    assert admin.post(url(f"/admin/approvals/series/{series}/approve"),
                      data={"csrf": csrf_of(admin.get(url("/admin/approvals")).text)},
                      allow_redirects=False).status_code == 303
    for n, bid in enumerate(ids[:3]):
        set_in_both(bid, starts_at=f"UTC_TIMESTAMP() - INTERVAL {4 - n} HOUR",
                    ends_at=f"UTC_TIMESTAMP() - INTERVAL {4 - n} HOUR + INTERVAL 30 MINUTE")
    return ids


def test_no_shows_in_a_row_release_the_rest_of_the_series(checkin_room):
    room = checkin_room
    title = f"Ghost meeting {uuid.uuid4().hex[:6]}"
    ids = confirmed_and_begun(room, 6, title)
    out = roomctl("sweep")
    assert out.returncode == 0, out.stderr
    assert states(ids) == ["released"] * 3 + ["cancelled"] * 3
    told = notes_about(login("alice"), title)
    assert any("nobody checked in 3 times in a row" in t for t in told)


def test_a_no_show_after_a_use_does_not_release_the_series(checkin_room):
    room = checkin_room
    title = f"Sometimes {uuid.uuid4().hex[:6]}"
    ids = confirmed_and_begun(room, 5, title)
    # Someone came to the second one.
    set_in_both(ids[1], status="'completed'")
    assert roomctl("sweep").returncode == 0
    assert states(ids) == ["released", "completed", "released", "confirmed", "confirmed"]
