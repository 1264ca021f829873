"""Changing a booking keeps it: one id, one history, one event saying what
changed; a move is checked and made under the locks of a new request."""
import datetime

import pytest
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, api_session, login, quiet_day, room_id, roomctl, sql_value,
                      url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)


def origin(t):
    return t.strftime("%Y%m%d%H%M")


def request(session, room, start, minutes=60, title="Planning", attendees=2, **extra):
    body = {"roomId": room_id(room), "useStartDtm": origin(start),
            "useEndDtm": origin(start + datetime.timedelta(minutes=minutes)),
            "title": title, "attendees": attendees}
    body.update(extra)
    return session.post(url("/api/bookings"), json=body)


def booked(session, room, start, **kw):
    resp = request(session, room, start, **kw)
    assert resp.status_code == 201, resp.text
    return resp.json()["bookingId"], resp.headers["ETag"]


def patch(session, bid, etag, **fields):
    headers = {"If-Match": etag} if etag is not None else {}
    return session.patch(url(f"/api/bookings/{bid}"), json=fields, headers=headers)


def history(session, bid):
    doc = BeautifulSoup(session.get(url(f"/bookings/{bid}")).text, "html.parser")
    return [(e.select_one(".event-kind").get_text(), e.select_one(".event-by").get_text(),
             e.select_one(".event-changes").get_text() if e.select_one(".event-changes")
             else None) for e in doc.select(".event")]


def notes(session):
    doc = BeautifulSoup(session.get(url("/notifications")).text, "html.parser")
    return [n.select_one(".message").get_text() for n in doc.select(".note")]


def confirm(admin_api, bid):
    assert admin_api.patch(url(f"/api/confirms/{bid}"),
                           json={"status": "CONFIRMED"}).status_code == 200


@pytest.fixture(scope="module")
def alice_api():
    return api_session("alice")


@pytest.fixture(scope="module")
def bob_api():
    return api_session("bob")


@pytest.fixture(scope="module")
def admin_api():
    return api_session("admin")


@pytest.fixture(scope="module")
def day():
    """A day Berlin is free, shared by the tests at hours of their own."""
    return quiet_day(room_id("Berlin"))


def test_a_confirmed_booking_moved_keeps_its_id_and_waits_for_a_decision_again(
        alice_api, bob_api, admin_api):
    day = quiet_day()
    bid, _ = booked(alice_api, "Berlin", at(day, 14), title="Review")
    confirm(admin_api, bid)
    etag = alice_api.get(url(f"/api/bookings/{bid}")).headers["ETag"]
    resp = patch(alice_api, bid, etag, useStartDtm=origin(at(day, 14, 30)),
                 useEndDtm=origin(at(day, 15, 30)), roomId=room_id("Dublin"))
    assert resp.status_code == 200, resp.text
    moved = resp.json()
    assert moved["bookingId"] == bid and moved["status"] == "pending"
    assert moved["roomName"] == "Dublin" and moved["useStartDtm"].endswith("143000")
    assert resp.headers["ETag"] != etag
    # One booking, its history whole, one event saying what changed.
    assert sql_value("SELECT MAX(id) FROM bookings") == str(bid)
    alice = login("alice")
    events = history(alice, bid)
    assert [e[0] for e in events] == ["requested", "Confirmed", "Changed"]
    kind, by, said = events[-1]
    assert by == "Alice Andersen"
    assert "14:00" in said and "14:30" in said and "room Berlin → Dublin" in said
    # The old slot is free at once: someone else takes it.
    other, _ = booked(bob_api, "Berlin", at(day, 14))
    assert other != bid
    # The deciders are told, and the queue says what changed.
    admin = login("admin")
    assert any(n.startswith("Changed request: “Review” is now in Dublin") for n in notes(admin))
    queue = BeautifulSoup(admin.get(url("/admin/approvals")).text, "html.parser")
    path = "/admin/approvals"
    while queue.select_one(f"#request-{bid}") is None and queue.select_one("#next"):
        path = queue.select_one("#next")["href"]
        queue = BeautifulSoup(admin.get(url(path)).text, "html.parser")
    changed = queue.select_one(f"#changed-{bid}").get_text()
    assert "room Berlin → Dublin" in changed


def test_a_new_title_or_head_count_keeps_the_decision(alice_api, admin_api, day):
    bid, _ = booked(alice_api, "Berlin", at(day, 7), title="Old title")
    confirm(admin_api, bid)
    etag = alice_api.get(url(f"/api/bookings/{bid}")).headers["ETag"]
    resp = patch(alice_api, bid, etag, title="New title", attendees=4)
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "confirmed" and resp.json()["attendees"] == 4
    said = history(login("alice"), bid)[-1][2]
    assert "title “Old title” → “New title”" in said and "attendees 2 → 4" in said
    # Nothing to change is no change: no event, the same version.
    etag = resp.headers["ETag"]
    same = patch(alice_api, bid, etag, title="New title")
    assert same.status_code == 200 and same.headers["ETag"] == etag
    assert len(history(login("alice"), bid)) == 3


def test_a_stale_change_is_refused_with_the_booking_as_it_is(alice_api, day):
    bid, etag = booked(alice_api, "Berlin", at(day, 8), title="Stale")
    alice = login("alice")
    form = BeautifulSoup(alice.get(url(f"/bookings/{bid}/edit")).text, "html.parser")
    version = form.select_one('input[name="version"]')["value"]
    assert form.select_one("#title")["value"] == "Stale"
    # Someone else changes it in the meantime.
    assert patch(alice_api, bid, etag, title="Changed meanwhile").status_code == 200
    # API: 412 with the current values; no If-Match: 428; a bad one: 400.
    old = patch(alice_api, bid, etag, title="Mine")
    assert old.status_code == 412
    assert old.json()["current"]["title"] == "Changed meanwhile"
    assert old.headers["ETag"] == f'"{old.json()["current"]["version"]}"'
    assert patch(alice_api, bid, None, title="Mine").status_code == 428
    assert patch(alice_api, bid, "W/x", title="Mine").status_code == 400
    # Page: 409, the form again with the booking as it is now.
    data = {"csrf": form.select_one('input[name="csrf"]')["value"], "version": version,
            "room_id": str(room_id("Berlin")), "starts_at": at(day, 8).strftime("%Y-%m-%dT%H:%M"),
            "ends_at": at(day, 9).strftime("%Y-%m-%dT%H:%M"), "title": "Mine", "attendees": "2"}
    resp = alice.post(url(f"/bookings/{bid}/edit"), data=data, allow_redirects=False)
    assert resp.status_code == 409
    again = BeautifulSoup(resp.text, "html.parser")
    assert "Someone changed this booking since you opened it" in again.select_one("#problem").get_text()
    assert again.select_one("#title")["value"] == "Changed meanwhile"
    assert again.select_one('input[name="version"]')["value"] != version
    assert sql_value(f"SELECT title FROM bookings WHERE id = {bid}") == "Changed meanwhile"


def test_the_change_form_moves_a_booking_and_says_what_is_wrong(alice_api, day):
    bid, _ = booked(alice_api, "Berlin", at(day, 9), title="By the form")
    taken, _ = booked(alice_api, "Berlin", at(day, 10), title="In the way")
    alice = login("alice")
    form = BeautifulSoup(alice.get(url(f"/bookings/{bid}/edit")).text, "html.parser")
    data = {i["name"]: i.get("value", "") for i in form.select("form input[name]")
            if i["name"] in ("csrf", "version", "title", "attendees", "starts_at", "ends_at")}
    data["room_id"] = str(room_id("Berlin"))
    data.update(starts_at=at(day, 10, 30).strftime("%Y-%m-%dT%H:%M"),
                ends_at=at(day, 11, 30).strftime("%Y-%m-%dT%H:%M"))
    resp = alice.post(url(f"/bookings/{bid}/edit"), data=data, allow_redirects=False)
    assert resp.status_code == 409
    doc = BeautifulSoup(resp.text, "html.parser")
    assert "That time is taken: the room is booked" in doc.select_one("#starts_at-error").get_text()
    assert doc.select_one("#starts_at")["value"] == data["starts_at"]
    data.update(starts_at=at(day, 11).strftime("%Y-%m-%dT%H:%M"),
                ends_at=at(day, 12).strftime("%Y-%m-%dT%H:%M"))
    resp = alice.post(url(f"/bookings/{bid}/edit"), data=data, allow_redirects=False)
    assert resp.status_code == 303 and resp.headers["Location"] == f"/bookings/{bid}"
    page = BeautifulSoup(alice.get(url(f"/bookings/{bid}")).text, "html.parser")
    assert "11:00" in page.select_one("#when").get_text()
    assert taken != bid


def test_who_may_change_and_what_cannot_be_changed(alice_api, bob_api, admin_api, day):
    bid, etag = booked(alice_api, "Berlin", at(day, 12), title="Rights")
    # Someone else's booking does not exist for bob.
    assert patch(bob_api, bid, etag, title="Bob's now").status_code == 404
    assert login("bob").get(url(f"/bookings/{bid}/edit")).status_code == 404
    # An administrator may.
    resp = patch(admin_api, bid, etag, title="Fixed by admin")
    assert resp.status_code == 200
    etag = resp.headers["ETag"]
    # Bad values: each at its field.
    bad = patch(alice_api, bid, etag, participants=["nobody-here"])
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "participants"
    assert "“nobody-here” is neither the login of someone here nor an e-mail address." \
        == bad.json()["error"]["message"]
    bad = patch(alice_api, bid, etag, participants=["not an address@"])
    assert bad.status_code == 422
    bad = patch(alice_api, bid, etag, participants=["bob", "guest@example.com"], attendees=1)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "attendees"
    many = [f"guest{k}@example.com" for k in range(101)]
    bad = patch(alice_api, bid, etag, participants=many, attendees=200)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "participants"
    assert bad.json()["error"]["message"] == "A booking can name at most 100 people and guests."
    assert sql_value(f"SELECT COUNT(*) FROM booking_participants WHERE booking_id = {bid}") == "0"
    # Cancelled: no longer changed.
    assert alice_api.delete(url(f"/api/bookings/{bid}")).status_code == 204
    etag = alice_api.get(url(f"/api/bookings/{bid}")).headers["ETag"]
    gone = patch(alice_api, bid, etag, title="Back")
    assert gone.status_code == 409
    assert gone.json()["error"]["message"].startswith("This booking is already cancelled")


@pytest.mark.usefixtures("real_clock_after")
def test_a_booking_that_has_started_cannot_be_moved(alice_api, admin_api):
    from conftest import set_clock
    day = quiet_day(room_id("Berlin"))
    bid, _ = booked(alice_api, "Berlin", at(day, 9), title="Started")
    confirm(admin_api, bid)
    set_clock(at(day, 9, 10))
    etag = alice_api.get(url(f"/api/bookings/{bid}")).headers["ETag"]
    resp = patch(alice_api, bid, etag, useStartDtm=origin(at(day, 11)),
                 useEndDtm=origin(at(day, 12)))
    assert resp.status_code == 409
    assert resp.json()["error"]["message"] == \
        "It has started; only a booking that has not started can be changed."
    page = BeautifulSoup(login("alice").get(url(f"/bookings/{bid}")).text, "html.parser")
    assert page.select_one("#change-link") is None


def test_participants_see_what_they_are_invited_to_and_only_read_it(alice_api, day):
    bid, etag = booked(alice_api, "Berlin", at(day, 13), title="With Bob",
                       attendees=3, participants=["bob", "guest@example.com"])
    got = alice_api.get(url(f"/api/bookings/{bid}")).json()["participants"]
    assert got == [{"userId": int(sql_value("SELECT id FROM users WHERE login = 'bob'")),
                    "login": "bob", "name": "Bob Berg"}, {"email": "guest@example.com"}]
    bob = login("bob")
    mine = BeautifulSoup(bob.get(url("/bookings")).text, "html.parser")
    item = [li for li in mine.select("li.booking") if "With Bob" in li.get_text()][0]
    assert "Invited by Alice Andersen" in item.select_one(".badge.invited").get_text()
    page = BeautifulSoup(bob.get(url(f"/bookings/{bid}")).text, "html.parser")
    assert page.select_one("#invited").get_text() == "Alice Andersen invited you to this booking."
    assert [li.get_text() for li in page.select("#participants li")] == \
        ["Bob Berg", "guest@example.com (guest)"]
    assert page.select_one("#change-link") is None and page.select_one("#cancel") is None
    assert bob.get(url(f"/bookings/{bid}/edit")).status_code == 404
    assert any(n.startswith("Alice Andersen invited you to “With Bob”") for n in notes(bob))
    # Moved: told; taken off: told, and the booking is no longer theirs to see.
    resp = patch(alice_api, bid, etag, useStartDtm=origin(at(day, 14)),
                 useEndDtm=origin(at(day, 15)))
    assert resp.status_code == 200
    assert any("“With Bob”, which you are invited to, is now in Berlin" in n for n in notes(bob))
    resp = patch(alice_api, bid, resp.headers["ETag"], participants=["guest@example.com"])
    assert resp.status_code == 200
    assert any(n.startswith("You are no longer invited to “With Bob”") for n in notes(bob))
    assert bob.get(url(f"/bookings/{bid}")).status_code == 404
    said = history(login("alice"), bid)[-1][2]
    assert said == "no longer invited Bob Berg"
    # Cancelled: those still named are told it will not take place.
    resp = patch(alice_api, bid, resp.headers["ETag"], participants=["bob"])
    assert alice_api.delete(url(f"/api/bookings/{bid}")).status_code == 204
    assert any("which you were invited to, will not take place" in n for n in notes(bob))


def test_the_person_picker_works_without_scripts():
    alice = login("alice")
    form = BeautifulSoup(alice.get(url("/bookings/new")).text, "html.parser")
    data = {"csrf": form.select_one('input[name="csrf"]')["value"],
            "request_token": form.select_one('input[name="request_token"]')["value"],
            "title": "Picked", "find": "Berg", "action": "find"}
    before = sql_value("SELECT COUNT(*) FROM bookings")
    resp = alice.post(url("/bookings"), data=data, allow_redirects=False)
    assert resp.status_code == 200
    doc = BeautifulSoup(resp.text, "html.parser")
    found = {i["value"]: doc.select_one(f'label[for="{i["id"]}"]').get_text()
             for i in doc.select(".found input[name=participant]")}
    assert found == {"bob": "Bob Berg (bob)"}
    assert doc.select_one("#title")["value"] == "Picked"
    assert sql_value("SELECT COUNT(*) FROM bookings") == before
    # Ticked and found again: bob stays named, the guest is offered.
    data.update(participant="bob", find="visitor@example.net")
    doc = BeautifulSoup(alice.post(url("/bookings"), data=data).text, "html.parser")
    assert [i["value"] for i in doc.select(".picked input[name=participant]")] == ["bob"]
    assert [i["value"] for i in doc.select(".found input[name=participant]")] == \
        ["visitor@example.net"]
    nobody = dict(data, find="zzz-no-one")
    doc = BeautifulSoup(alice.post(url("/bookings"), data=nobody).text, "html.parser")
    assert doc.select_one("#found-none").get_text() == "No one here matches “zzz-no-one”."
    # Enter in any field sends the form: its first button is "save".
    first = doc.select_one('form[action="/bookings"] button[type=submit]')
    assert first["value"] == "save"


def test_delegates_book_change_and_cancel_for_whoever_named_them(admin_api, day):
    alice, bob = login("alice"), login("bob")
    token = BeautifulSoup(alice.get(url("/account")).text, "html.parser") \
        .select_one('input[name="csrf"]')["value"]
    resp = alice.post(url("/account/delegates"), data={"csrf": token, "delegate": "bob"},
                      allow_redirects=False)
    assert resp.status_code == 303
    page = BeautifulSoup(alice.get(url("/account")).text, "html.parser")
    assert [n.get_text() for n in page.select(".delegate-name")] == ["Bob Berg"]
    unknown = alice.post(url("/account/delegates"), data={"csrf": token, "delegate": "nobody"})
    assert unknown.status_code == 422
    assert "No one here has the login “nobody”." in \
        BeautifulSoup(unknown.text, "html.parser").select_one("#delegate-error").get_text()
    try:
        bob_api = api_session("bob")
        bid, etag = booked(bob_api, "Berlin", at(day, 15), title="For Alice",
                           onBehalfOf="alice")
        got = bob_api.get(url(f"/api/bookings/{bid}")).json()
        assert got["bookingUserName"] == "Alice Andersen"
        assert got["bookedByUserId"] == int(sql_value("SELECT id FROM users WHERE login = 'bob'"))
        events = history(alice, bid)
        assert events[0][:2] == ("requested", "Bob Berg")
        assert any(n.startswith("Bob Berg booked “For Alice” in Berlin") for n in notes(alice))
        doc = BeautifulSoup(bob.get(url("/bookings")).text, "html.parser")
        item = [li for li in doc.select("li.booking") if "For Alice" in li.get_text()][0]
        assert "For Alice Andersen" in item.select_one(".badge.for-other").get_text()
        # The delegate changes and cancels it; no reason asked.
        resp = patch(bob_api, bid, etag, title="For Alice, moved")
        assert resp.status_code == 200
        assert bob_api.delete(url(f"/api/bookings/{bid}")).status_code == 204
        # An administrator may book for anyone; someone not named may not.
        other, _ = booked(admin_api, "Berlin", at(day, 16), title="Admin for Alice",
                          onBehalfOf="alice")
        assert sql_value(f"SELECT user_id FROM bookings WHERE id = {other}") == \
            sql_value("SELECT id FROM users WHERE login = 'alice'")
        refused = request(api_session("alice"), "Berlin", at(day, 17), onBehalfOf="bob")
        assert refused.status_code == 403
        assert refused.json()["error"]["field"] == "onBehalfOf"
        unknown = request(bob_api, "Berlin", at(day, 17), onBehalfOf="nobody-at-all")
        assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "onBehalfOf"
    finally:
        uid = sql_value("SELECT id FROM users WHERE login = 'bob'")
        token = BeautifulSoup(alice.get(url("/account")).text, "html.parser") \
            .select_one('input[name="csrf"]')["value"]
        alice.post(url(f"/account/delegates/{uid}/remove"), data={"csrf": token})
    assert BeautifulSoup(alice.get(url("/account")).text, "html.parser") \
        .select_one("#no-delegates") is not None
    assert request(api_session("bob"), "Berlin", at(day, 17),
                   onBehalfOf="alice").status_code == 403
