"""Requesting a room: the form, every rule, overlaps, resubmits, visibility."""
import datetime

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, book, booked_id, booking_form, local_days, login,
                      next_slot, quiet_day, room_id, sql, sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def count_bookings():
    return int(sql_value("SELECT COUNT(*) FROM bookings"))


def error_of(resp, field):
    doc = BeautifulSoup(resp.text, "html.parser")
    node = doc.select_one(f"#{field}-error")
    return node.get_text() if node else None


def local(day, hh, mm=0):
    return datetime.datetime.combine(day, datetime.time(hh, mm), SITE_TZ)


def fmt(dt):
    return dt.strftime("%Y-%m-%dT%H:%M")


def test_the_form_offers_available_rooms_with_location_and_capacity(alice):
    page = alice.get(url(f"/bookings/new?room_id={room_id('Berlin')}&date=2027-01-04"))
    doc = BeautifulSoup(page.text, "html.parser")
    options = {o["value"]: o.get_text() for o in doc.select("#room_id option") if o["value"]}
    assert options[str(room_id("Berlin"))] == "Berlin · Floor 1, north wing · seats 6"
    assert doc.select_one(f'#room_id option[value="{room_id("Berlin")}"]').has_attr("selected")
    assert doc.select_one("#starts_at")["value"] == "2027-01-04T07:00"
    assert doc.select_one("#ends_at")["value"] == "2027-01-04T08:00"
    assert doc.select_one("#starts_at")["type"] == "datetime-local"
    assert len(doc.select_one('input[name="request_token"]')["value"]) == 43


def test_a_request_is_pending_and_stored_in_utc(alice):
    start, end = next_slot()
    resp = book(alice, start=start, end=end, title="Planning")
    bid = booked_id(resp)
    page = alice.get(url(f"/bookings/{bid}"))
    doc = BeautifulSoup(page.text, "html.parser")
    assert doc.select_one("#status").get_text() == "Pending approval"
    assert doc.select_one("h1").get_text() == "Planning"
    # Shown in the site's zone, stored in UTC.
    local_start = datetime.datetime.strptime(start, "%Y-%m-%dT%H:%M").replace(tzinfo=SITE_TZ)
    utc = local_start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    assert sql_value(f"SELECT starts_at FROM bookings WHERE id = {bid}") == utc
    assert local_start.strftime("%H:%M") in doc.select_one("#when").get_text()
    events = [e.select_one(".event-kind").get_text() for e in doc.select(".event")]
    assert events == ["requested"]


RULES = [
    # (description, field, expected message, changes to a valid request)
    ("no room", "room_id", "Please fill this in.", {"room_id": ""}),
    ("unknown room", "room_id", "Choose a room from the list.", {"room_id": "999999"}),
    ("room id not a number", "room_id", "Choose one from the list.", {"room_id": "x"}),
    ("no title", "title", "Please fill this in.", {"title": ""}),
    ("title too long", "title", "Keep the title to 200 characters.", {"title": "x" * 201}),
    ("title with a control character", "title",
     "Use letters, digits, spaces and punctuation only.", {"title": "a\x07b"}),
    ("no attendees", "attendees", "Enter how many people will attend (at least 1).",
     {"attendees": "0"}),
    ("attendees not a number", "attendees", "Enter how many people will attend (at least 1).",
     {"attendees": "two"}),
    ("more attendees than seats", "attendees", "This room seats 6.", {"attendees": "7"}),
    ("malformed start", "starts_at", "Enter a date and time, like 2026-12-01T09:30.",
     {"starts_at": "tomorrow"}),
    ("expired form", "request_token", "This form has expired; reload the page and try again.",
     {"request_token": "x"}),
]


@pytest.mark.parametrize("what,field,message,changes", RULES, ids=[r[0] for r in RULES])
def test_each_field_rule_is_422_with_its_message_and_writes_nothing(alice, what, field,
                                                                     message, changes):
    before = count_bookings()
    start, end = next_slot()
    data = {"starts_at": start, "ends_at": end, "title": "Rules", "attendees": "2"}
    data.update(changes)
    resp = book(alice, start=data.pop("starts_at"), end=data.pop("ends_at"),
                title=data.pop("title"), attendees=data.pop("attendees"),
                **{k: v for k, v in data.items()})
    assert resp.status_code == 422, resp.status_code
    assert error_of(resp, field) == message
    assert count_bookings() == before
    # The form comes back filled in (what can be shown).
    doc = BeautifulSoup(resp.text, "html.parser")
    if field != "title":
        assert doc.select_one("#title")["value"] == "Rules"


def time_rules():
    days = list(local_days())
    day = days[5]
    saturday = next(d for d in (days[5] + datetime.timedelta(n) for n in range(7))
                    if d.weekday() == 5)
    yesterday = datetime.datetime.now(SITE_TZ).date() - datetime.timedelta(days=1)
    far = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=100)
    while far.weekday() >= 5:
        far += datetime.timedelta(days=1)
    opening = "Rooms can be booked from 07:00 to 20:00, Monday to Friday."
    return [
        ("end before start", "ends_at", "The end must be after the start.",
         local(day, 10), local(day, 9)),
        ("end equals start", "ends_at", "The end must be after the start.",
         local(day, 10), local(day, 10)),
        ("start in the past", "starts_at", "The start is in the past.",
         local(yesterday, 10), local(yesterday, 11)),
        ("start off the grid", "starts_at", "Times go in steps of 15 minutes.",
         local(day, 10, 7), local(day, 11)),
        ("end off the grid", "ends_at", "Times go in steps of 15 minutes.",
         local(day, 10), local(day, 10, 50)),
        ("before opening", "starts_at", opening, local(day, 6), local(day, 8)),
        ("after closing", "ends_at", opening, local(day, 19), local(day, 20, 30)),
        ("over two days", "ends_at", opening, local(day, 18), local(day, 18) +
         datetime.timedelta(days=1)),
        ("a closed day", "starts_at", opening, local(saturday, 10), local(saturday, 11)),
        ("too long", "ends_at", "A booking can last at most 8 hours.",
         local(day, 8), local(day, 16, 15)),
        ("beyond the horizon", "starts_at", "Bookings can be made up to 90 days ahead.",
         local(far, 10), local(far, 11)),
    ]


@pytest.mark.parametrize("case", time_rules(), ids=[c[0] for c in time_rules()])
def test_each_time_rule_is_422_with_its_message_and_writes_nothing(alice, case):
    _, field, message, start, end = case
    before = count_bookings()
    resp = book(alice, start=fmt(start), end=fmt(end))
    assert resp.status_code == 422
    assert error_of(resp, field) == message
    assert count_bookings() == before


def test_a_time_skipped_by_daylight_saving_is_refused(alice):
    # 02:30 on the second Sunday of March does not exist in New York.
    resp = book(alice, start="2027-03-14T02:30", end="2027-03-14T03:30")
    assert resp.status_code == 422
    assert error_of(resp, "starts_at") == \
        "That time does not exist on that day (the clocks change)."


def test_an_unavailable_room_is_refused(alice):
    sql("INSERT INTO rooms (name, location, capacity, status, unavailable_reason, closed_from)"
        " VALUES ('Closed room', 'Floor 0', 4, 'unavailable', 'flooded', UTC_TIMESTAMP())")
    try:
        before = count_bookings()
        resp = book(alice, room=room_id("Closed room"))
        assert resp.status_code == 422
        assert error_of(resp, "room_id") == "This room is closed until further notice: flooded."
        assert count_bookings() == before
        # And the form does not offer it.
        assert "Closed room" not in alice.get(url("/bookings/new")).text
    finally:
        sql("DELETE FROM rooms WHERE name = 'Closed room'")


def test_overlaps_are_409_but_touching_ends_are_fine(alice):
    day = quiet_day()
    room = room_id("Copenhagen")
    first = booked_id(book(alice, room, fmt(local(day, 10)), fmt(local(day, 11))))
    before = count_bookings()
    for start, end in ((local(day, 10, 30), local(day, 11, 30)),
                       (local(day, 9, 30), local(day, 10, 15)),
                       (local(day, 10), local(day, 11)),
                       (local(day, 9), local(day, 12))):
        resp = book(alice, room, fmt(start), fmt(end))
        assert resp.status_code == 409
        assert "That time is taken: the room is booked" in resp.text
        assert "10:00\u201311:00" in resp.text
    assert count_bookings() == before
    booked_id(book(alice, room, fmt(local(day, 11)), fmt(local(day, 12))))
    booked_id(book(alice, room, fmt(local(day, 9)), fmt(local(day, 10))))
    # Another room at the same time is free.
    booked_id(book(alice, room_id("Dublin"), fmt(local(day, 10)), fmt(local(day, 11)),
                   attendees="1"))
    assert first


def test_the_same_form_sent_twice_makes_one_booking(alice):
    form = booking_form(alice)
    start, end = next_slot()
    first = book(alice, start=start, end=end, form=form)
    again = book(alice, start=start, end=end, form=form)
    assert booked_id(first) == booked_id(again)
    token = form["request_token"]
    assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE request_token = '{token}'") == "1"


def test_a_cancelled_slot_can_be_booked_again(alice):
    start, end = next_slot()
    bid = booked_id(book(alice, start=start, end=end))
    page = alice.get(url(f"/bookings/{bid}"))
    resp = alice.post(url(f"/bookings/{bid}/cancel"), data={
        "csrf": BeautifulSoup(page.text, "html.parser").select_one(
            'form[action$="/cancel"] input[name="csrf"]')["value"], "reason": ""},
        allow_redirects=False)
    assert resp.status_code == 303
    doc = BeautifulSoup(alice.get(url(f"/bookings/{bid}")).text, "html.parser")
    assert doc.select_one("#status").get_text() == "Cancelled"
    assert [e.select_one(".event-kind").get_text() for e in doc.select(".event")] == \
        ["requested", "Cancelled"]
    assert not doc.select('form[action$="/cancel"]')
    booked_id(book(alice, start=start, end=end))
    # Cancelling again is refused, saying by whom.
    again = alice.post(url(f"/bookings/{bid}/cancel"), data={
        "csrf": doc.select_one('header input[name="csrf"]')["value"]}, allow_redirects=False)
    assert again.status_code == 409
    assert "already cancelled by Alice Andersen" in again.text


def test_only_the_owner_and_administrators_see_a_booking(alice):
    bid = booked_id(book(alice))
    bob = login("bob")
    assert bob.get(url(f"/bookings/{bid}"), allow_redirects=False).status_code == 404
    token = BeautifulSoup(bob.get(url("/")).text, "html.parser").select_one(
        'header input[name="csrf"]')["value"]
    resp = bob.post(url(f"/bookings/{bid}/cancel"), data={"csrf": token},
                    allow_redirects=False)
    assert resp.status_code == 404
    assert sql_value(f"SELECT status FROM bookings WHERE id = {bid}") == "pending"
    assert f"/bookings/{bid}" not in bob.get(url("/bookings")).text
    admin = login("admin")
    page = admin.get(url(f"/bookings/{bid}"))
    assert page.status_code == 200
    assert "Alice Andersen" in page.text
    assert requests.get(url(f"/bookings/{bid}"), allow_redirects=False).status_code == 303


def test_my_bookings_lists_upcoming_ones_with_their_state(alice):
    bid = booked_id(book(alice, title="Listed meeting"))
    doc = BeautifulSoup(alice.get(url("/bookings")).text, "html.parser")
    items = {li.select_one("a")["href"]: li for li in doc.select("ul.bookings li")}
    item = items[f"/bookings/{bid}"]
    assert item.select_one("strong").get_text() == "Listed meeting"
    assert item.select_one(".badge").get_text() == "Pending approval"


def test_the_schema_keeps_a_booking_inside_one_day():
    # Overlap queries bound their index range by it (a day before the start).
    uid = sql_value("SELECT id FROM users WHERE login = 'alice'")
    out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at)"
              f" VALUES ({room_id()}, {uid}, 'Too long', 2, '2031-01-06 08:00:00',"
              " '2031-01-07 08:00:01')")
    assert out.returncode != 0 and "bookings_within_a_day" in out.stderr
    assert sql_value("SELECT COUNT(*) FROM bookings WHERE title = 'Too long'") == "0"
