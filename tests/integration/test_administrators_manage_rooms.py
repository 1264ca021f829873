"""Rooms: browse and filter, add, edit with optimistic locking, take out of
use (cancelling what it holds) and back, delete only when never booked."""
import datetime
import uuid

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, book, booked_id, csrf_of, login, next_slot, quiet_day,
                      room_id, set_in_both, sql, sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def unique(prefix="Room"):
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def add_room(admin, name=None, capacity="8", location="Floor 4, east", description="Quiet."):
    token = csrf_of(admin.get(url("/admin/rooms/new")).text)
    return admin.post(url("/admin/rooms"), data={
        "csrf": token, "name": unique() if name is None else name, "location": location,
        "capacity": capacity, "description": description}, allow_redirects=False)


def created_id(resp):
    assert resp.status_code == 303, resp.text[:600]
    return int(resp.headers["Location"].split("/rooms/")[1].split("?")[0])


def edit_form(admin, rid):
    doc = BeautifulSoup(admin.get(url(f"/admin/rooms/{rid}/edit")).text, "html.parser")
    return {i["name"]: i.get("value", "") for i in doc.select("form.form input")} | {
        "description": doc.select_one("#description").get_text()}


def error_of(resp, field):
    node = BeautifulSoup(resp.text, "html.parser").select_one(f"#{field}-error")
    return node.get_text() if node else None


def test_rooms_list_filters_by_capacity_and_location():
    doc = BeautifulSoup(requests.get(url("/rooms?min_capacity=20")).text, "html.parser")
    seats = [int(p.get_text().rsplit(" ", 1)[1]) for p in doc.select(".room .meta")]
    assert seats and min(seats) >= 20
    assert doc.select_one("#min_capacity")["value"] == "20"
    doc = BeautifulSoup(requests.get(url("/rooms?location=Floor+2%2C+north+wing")).text,
                        "html.parser")
    names = {h.get_text() for h in doc.select(".room h2")}
    assert names == {"Edinburgh", "Florence"}
    chosen = doc.select_one("#location option[selected]")
    assert chosen.get_text() == "Floor 2, north wing"
    assert "No room matches." in requests.get(url("/rooms?min_capacity=10000")).text
    bad = requests.get(url("/rooms?min_capacity=-3"))
    assert bad.status_code == 422
    assert "the minimum capacity must be a whole number from 1 to 10000" in bad.text


def test_a_room_page_shows_upcoming_bookings_to_members_and_details_to_admins(admin):
    alice = login("alice")
    bid = booked_id(book(alice, room_id("Amsterdam"), title="Visible title", attendees="2"))
    public = requests.get(url(f"/rooms/{room_id('Amsterdam')}")).text
    assert "Visible title" not in public and "Log in</a> to see" in public
    assert "Alice Andersen" not in public
    # Colleagues see who holds it (privacy.show_owner), not the booking's page.
    member = login("bob").get(url(f"/rooms/{room_id('Amsterdam')}")).text
    assert "Visible title" in member and "Alice Andersen" in member
    assert f"/bookings/{bid}" not in member
    as_admin = admin.get(url(f"/rooms/{room_id('Amsterdam')}")).text
    assert "Alice Andersen" in as_admin and f"/bookings/{bid}" in as_admin
    assert requests.get(url("/rooms/99999999")).status_code == 404


def test_add_a_room_with_history(admin):
    name = unique("Added")
    rid = created_id(add_room(admin, name=name))
    page = admin.get(url(f"/rooms/{rid}?added=1")).text
    assert "The room has been added." in page and name in page
    doc = BeautifulSoup(page, "html.parser")
    assert doc.select_one(".event .event-kind").get_text() == "created"
    assert name in requests.get(url("/rooms")).text
    # and it can be booked at once
    assert f'value="{rid}"' in login("alice").get(url("/bookings/new")).text


@pytest.mark.parametrize("field,value,message", [
    ("name", "", "Please fill this in."),
    ("name", "x" * 101, "Use up to 100 letters, digits, spaces and punctuation."),
    ("capacity", "0", "Enter how many people it seats, from 1 to 10000."),
    ("capacity", "10001", "Enter how many people it seats, from 1 to 10000."),
    ("capacity", "many", "Enter how many people it seats, from 1 to 10000."),
    ("location", "y" * 201, "Use up to 200 letters, digits, spaces and punctuation."),
    ("description", "z" * 2001, "Keep it to 2000 characters."),
])
def test_room_fields_are_checked_with_422_and_nothing_written(admin, field, value, message):
    before = sql_value("SELECT COUNT(*) FROM rooms")
    data = {"name": unique(), "capacity": "5", "location": "", "description": ""}
    data[field] = value
    resp = add_room(admin, **data)
    assert resp.status_code == 422
    assert error_of(resp, field) == message
    assert sql_value("SELECT COUNT(*) FROM rooms") == before


def test_a_duplicate_name_is_refused_clearly(admin):
    # A conflict with another room, as through the API: 409, at the name.
    resp = add_room(admin, name="Berlin")
    assert resp.status_code == 409
    assert error_of(resp, "name") == "Another room already has this name."


def test_edit_saves_and_renames_everywhere(admin):
    rid = created_id(add_room(admin))
    bid = booked_id(book(login("bob"), rid, title="Renamed room booking"))
    form = edit_form(admin, rid)
    new_name = unique("Renamed")
    resp = admin.post(url(f"/admin/rooms/{rid}"), data=dict(form, name=new_name,
                                                            capacity="9"),
                      allow_redirects=False)
    assert resp.status_code == 303 and resp.headers["Location"] == f"/rooms/{rid}?saved=1"
    assert sql_value(f"SELECT CONCAT(name, '/', capacity, '/', version) FROM rooms"
                     f" WHERE id = {rid}") == f"{new_name}/9/2"
    # The read model carries the new name at once.
    assert sql_value(f"SELECT room_name FROM booking_status WHERE booking_id = {bid}") == new_name


def test_saving_over_a_newer_version_is_409_and_overwrites_nothing(admin):
    rid = created_id(add_room(admin, capacity="10"))
    mine, theirs = edit_form(admin, rid), edit_form(admin, rid)
    first = admin.post(url(f"/admin/rooms/{rid}"), data=dict(theirs, capacity="12",
                                                            location="Floor 5"),
                       allow_redirects=False)
    assert first.status_code == 303
    second = admin.post(url(f"/admin/rooms/{rid}"), data=dict(mine, capacity="20"),
                        allow_redirects=False)
    assert second.status_code == 409
    doc = BeautifulSoup(second.text, "html.parser")
    rows = {tr.th.get_text(): (tr.select_one(".saved").get_text(),
                               tr.select_one(".yours").get_text(), "differs" in tr.get("class", []))
            for tr in doc.select("#conflict tbody tr")}
    assert rows["Capacity"] == ("12", "20", True)
    assert rows["Location"] == ("Floor 5", "Floor 4, east", True)
    assert rows["Description"][2] is False
    assert sql_value(f"SELECT capacity FROM rooms WHERE id = {rid}") == "12"
    # The form now carries the current version: saving again is deliberate.
    assert doc.select_one('input[name="version"]')["value"] == "2"
    again = admin.post(url(f"/admin/rooms/{rid}"), data=dict(mine, capacity="20",
                                                             version="2"),
                       allow_redirects=False)
    assert again.status_code == 303
    assert sql_value(f"SELECT capacity FROM rooms WHERE id = {rid}") == "20"


def test_lowering_capacity_below_a_booking_lists_it(admin):
    rid = created_id(add_room(admin, capacity="10"))
    bid = booked_id(book(login("alice"), rid, title="Big group", attendees="9"))
    resp = admin.post(url(f"/admin/rooms/{rid}"), data=dict(edit_form(admin, rid),
                                                           capacity="4"),
                      allow_redirects=False)
    # Saved and sent on (a reload repeats nothing); the room's page lists them.
    assert resp.status_code == 303
    assert resp.headers["Location"] == f"/rooms/{rid}?saved=1&crowded=1#notice"
    doc = BeautifulSoup(admin.get(url(resp.headers["Location"])).text, "html.parser")
    assert "more attendees than the room now seats" in doc.select_one("#notice").get_text()
    assert doc.select_one(f'#notice a[href="/bookings/{bid}"]').get_text() == "Big group"
    assert sql_value(f"SELECT capacity FROM rooms WHERE id = {rid}") == "4"


def test_unavailable_cancels_exactly_the_live_bookings(admin):
    rid = created_id(add_room(admin, capacity="10"))
    alice, bob = login("alice"), login("bob")
    live = [booked_id(book(alice, rid, title="Pending one")),
            booked_id(book(bob, rid, title="Confirmed one"))]
    denied = booked_id(book(alice, rid, title="Denied one"))
    cancelled = booked_id(book(alice, rid, title="Cancelled one"))
    past = booked_id(book(alice, rid, title="Past one"))
    token = csrf_of(admin.get(url("/admin/approvals")).text)
    assert admin.post(url(f"/admin/approvals/{live[1]}/approve"), data={"csrf": token},
                      allow_redirects=False).status_code == 303
    assert admin.post(url(f"/admin/approvals/{denied}/deny"), data={
        "csrf": token, "reason": "no"}, allow_redirects=False).status_code == 303
    page = alice.get(url(f"/bookings/{cancelled}"))
    assert alice.post(url(f"/bookings/{cancelled}/cancel"), data={
        "csrf": csrf_of(page.text)}, allow_redirects=False).status_code == 303
    # One that has already ended (moved into the past, view and source).
    set_in_both(past, starts_at="UTC_TIMESTAMP() - INTERVAL 3 HOUR",
                ends_at="UTC_TIMESTAMP() - INTERVAL 2 HOUR")
    # And one in progress: its end is in the future, so it is cancelled too.
    running = booked_id(book(alice, rid, title="Running one"))
    set_in_both(running, starts_at="UTC_TIMESTAMP() - INTERVAL 1 HOUR",
                ends_at="UTC_TIMESTAMP() + INTERVAL 1 HOUR")
    live.append(running)

    missing = admin.post(url(f"/admin/rooms/{rid}/unavailable"), data={
        "csrf": csrf_of(admin.get(url(f"/rooms/{rid}")).text), "reason": ""},
        allow_redirects=False)
    assert missing.status_code == 422
    assert error_of(missing, "reason") == "Please fill this in."
    closing = {"csrf": csrf_of(admin.get(url(f"/rooms/{rid}")).text),
               "reason": "Water damage"}
    # First a page of its own says what it will cancel; nothing is done yet.
    ask = admin.post(url(f"/admin/rooms/{rid}/unavailable"), data=closing,
                     allow_redirects=False)
    assert ask.status_code == 200
    doc = BeautifulSoup(ask.text, "html.parser")
    assert doc.select_one("#window").get_text() == "Closed until further notice."
    assert sorted(int(a["href"].rsplit("/", 1)[1]) for a in doc.select("#to-cancel a")) \
        == sorted(live)
    confirm = {i["name"]: i.get("value", "") for i in
               doc.select("form[action$='/unavailable'] input[type=hidden]")}
    assert confirm["confirmed"] == "1" and confirm["reason"] == "Water damage"
    assert all(sql_value(f"SELECT status FROM bookings WHERE id = {b}") != "cancelled"
               for b in live)
    assert sql_value(f"SELECT status FROM rooms WHERE id = {rid}") == "available"
    resp = admin.post(url(f"/admin/rooms/{rid}/unavailable"), data=confirm,
                      allow_redirects=False)
    assert resp.status_code == 303
    doc = BeautifulSoup(admin.get(url(resp.headers["Location"])).text, "html.parser")
    assert "3 bookings were cancelled" in doc.select_one("#notice").get_text()
    # The page the browser was sent to tells the administrator alone.
    seen_by_alice = BeautifulSoup(alice.get(url(resp.headers["Location"])).text, "html.parser")
    assert seen_by_alice.select_one("#notice") is None
    listed = sorted(int(a["href"].rsplit("/", 1)[1]) for a in doc.select("#notice a"))
    assert listed == sorted(live)
    states = {b: sql_value(f"SELECT status FROM bookings WHERE id = {b}")
              for b in live + [denied, cancelled, past]}
    assert all(states[b] == "cancelled" for b in live)
    assert states[denied] == "denied" and states[past] == "pending"
    assert sql_value("SELECT COUNT(*) FROM booking_events WHERE kind = 'cancelled'"
                     f" AND booking_id = {cancelled}") == "1"
    for b in live:
        assert sql_value(f"SELECT reason FROM booking_events WHERE booking_id = {b}"
                         " ORDER BY id DESC LIMIT 1") == "Water damage"
    assert any("was cancelled by Ada Admin: Water damage" in n for n in
               [li.get_text() for li in BeautifulSoup(bob.get(url("/notifications")).text,
                                                      "html.parser").select(".note")])
    room_page = BeautifulSoup(admin.get(url(f"/rooms/{rid}")).text, "html.parser")
    assert room_page.select_one("#state").get_text() == "Unavailable: Water damage"
    assert "3 bookings cancelled" in room_page.select_one(".history").get_text()
    # Booking it now is refused; the form does not offer it.
    assert book(alice, rid).status_code == 422
    for confirmed in ({}, {"confirmed": "1"}):
        again = admin.post(url(f"/admin/rooms/{rid}/unavailable"), data={
            "csrf": token, "reason": "x", **confirmed}, allow_redirects=False)
        assert again.status_code == 409

    # Available again: nothing comes back by itself; people book again.
    back = admin.post(url(f"/admin/rooms/{rid}/available"), data={"csrf": token},
                      allow_redirects=False)
    assert back.status_code == 303
    assert all(sql_value(f"SELECT status FROM bookings WHERE id = {b}") == "cancelled"
               for b in live)
    booked_id(book(alice, rid))


def test_only_a_room_never_booked_can_be_deleted(admin):
    token = csrf_of(admin.get(url("/admin/approvals")).text)
    empty = created_id(add_room(admin))
    resp = admin.post(url(f"/admin/rooms/{empty}/delete"), data={"csrf": token},
                      allow_redirects=False)
    assert resp.status_code == 303
    assert sql_value(f"SELECT COUNT(*) FROM rooms WHERE id = {empty}") == "0"
    used = created_id(add_room(admin))
    bid = booked_id(book(login("alice"), used))
    page = login("alice").get(url(f"/bookings/{bid}"))
    resp = admin.post(url(f"/admin/rooms/{used}/delete"), data={"csrf": token},
                      allow_redirects=False)
    assert resp.status_code == 409
    assert "make it unavailable instead" in resp.text
    assert sql_value(f"SELECT COUNT(*) FROM rooms WHERE id = {used}") == "1"
    assert page.status_code == 200


@pytest.mark.parametrize("method,path", [
    ("GET", "/admin/rooms/new"), ("POST", "/admin/rooms"), ("GET", "/admin/rooms/1/edit"),
    ("POST", "/admin/rooms/1"), ("POST", "/admin/rooms/1/unavailable"),
    ("POST", "/admin/rooms/1/available"), ("POST", "/admin/rooms/1/delete"),
])
def test_non_admins_get_403_on_every_admin_route(method, path):
    alice = login("alice")
    token = csrf_of(alice.get(url("/")).text)
    resp = alice.request(method, url(path), data={"csrf": token, "name": "x",
                                                  "capacity": "3", "reason": "x"},
                         allow_redirects=False)
    assert resp.status_code == 403
    assert sql_value("SELECT status FROM rooms WHERE id = 1") == "available"


def test_a_long_non_ascii_description_survives_editing(admin):
    description = "\u00e4" * 1999 + "!"  # 2000 characters, 3999 bytes
    rid = created_id(add_room(admin, description=description))
    form = edit_form(admin, rid)
    assert form["description"] == description
    resp = admin.post(url(f"/admin/rooms/{rid}"), data=dict(form, capacity="7"),
                      allow_redirects=False)
    assert resp.status_code == 303
    assert sql_value(f"SELECT CHAR_LENGTH(description) FROM rooms WHERE id = {rid}") == "2000"
