"""Each field is described once: the same bad value gets the same status and
the same words through a form, a query string and the JSON API."""
import datetime
import uuid

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import SITE_TZ, api_session, book, csrf_of, quiet_day, room_id, sql_value, url

pytestmark = pytest.mark.usefixtures("read_model_exact")


@pytest.fixture(scope="module")
def alice_api():
    return api_session("alice", "same answers")


@pytest.fixture(scope="module")
def admin_api():
    return api_session("admin", "same answers")


def at_field(resp, field):
    """The message a page shows at a field (or on top of the form)."""
    doc = BeautifulSoup(resp.text, "html.parser")
    node = doc.select_one(f"#{field}-error") or doc.select_one("#problem")
    return node.get_text() if node else None


def json_error(resp):
    assert resp.headers["Content-Type"].startswith("application/json"), resp.text[:200]
    return resp.json()["error"]


def assert_same_answer(form, field, api, member, words):
    """422 from both, the words at the form's field and in the JSON error."""
    assert form.status_code == api.status_code == 422, (form.status_code, api.text)
    assert at_field(form, field) == words
    assert json_error(api) == {"code": "invalid", "field": member, "message": words}


_days = []


def wall(hour, minute=0):
    """An hour in Geneva on the module's quiet day."""
    if not _days:
        _days.append(quiet_day(room_id("Geneva")))
    return datetime.datetime.combine(_days[0], datetime.time(hour, minute), SITE_TZ)


GAP = "2027-03-14T02:30"    # skipped by New York's clocks
BOOKING_CASES = [
    # form field, JSON member, value in the form, value in JSON (None: left out), words
    ("room_id", "roomId", "", None, "Please fill this in."),
    ("room_id", "roomId", "0", 0, "Choose one from the list."),
    ("starts_at", "useStartDtm", "", None, "Please fill this in."),
    ("starts_at", "useStartDtm", "tomorrow", "tomorrow",
     "Enter a date and time, like 2026-12-01T09:30."),
    ("starts_at", "useStartDtm", "2027-01-11T10:00:30", "2027-01-11T10:00:30",
     "Times fall on whole minutes (seconds must be 00)."),
    ("starts_at", "useStartDtm", GAP, GAP,
     "That time does not exist on that day (the clocks change)."),
    ("ends_at", "useEndDtm", "2027-02-31T10:00", "2027-02-31T10:00",
     "Enter a date and time, like 2026-12-01T09:30."),
    ("title", "title", "", "", "Please fill this in."),
    ("title", "title", "x" * 201, "x" * 201, "Keep the title to 200 characters."),
    ("title", "title", "\u00a0 ", "\u00a0 ", "Give the meeting a title."),
    ("title", "title", "a\u0007b", "a\u0007b",
     "Use letters, digits, spaces and punctuation only."),
    ("attendees", "attendees", "", None, "Please fill this in."),
    ("attendees", "attendees", "0", 0, "Enter how many people will attend (at least 1)."),
    ("attendees", "attendees", "10001", 10001,
     "Enter how many people will attend (at least 1)."),
]


@pytest.mark.parametrize("field,member,form_value,json_value,words", BOOKING_CASES,
                         ids=[f"{c[0]}={c[2][:12]!r}" for c in BOOKING_CASES])
def test_a_bad_booking_field_gets_the_same_answer_from_the_form_and_the_api(
        alice, alice_api, field, member, form_value, json_value, words):
    start = wall(9)
    good_form = {"room_id": str(room_id("Geneva")),
                 "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
                 "ends_at": (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
                 "title": "Same words", "attendees": "2"}
    good_json = {"roomId": room_id("Geneva"), "useStartDtm": good_form["starts_at"],
                 "useEndDtm": good_form["ends_at"], "title": "Same words", "attendees": 2}
    before = sql_value("SELECT COUNT(*) FROM bookings")

    args = {"room": good_form["room_id"], "start": good_form["starts_at"],
            "end": good_form["ends_at"], "title": good_form["title"],
            "attendees": good_form["attendees"]}
    args[{"room_id": "room", "starts_at": "start", "ends_at": "end"}.get(field, field)] = \
        form_value
    form = book(alice, **args)
    body = dict(good_json)
    if json_value is None:
        del body[member]
    else:
        body[member] = json_value
    api = alice_api.post(url("/api/bookings"), json=body)

    assert_same_answer(form, field, api, member, words)
    assert sql_value("SELECT COUNT(*) FROM bookings") == before


def test_a_bad_prefill_in_the_query_gets_the_forms_words(alice):
    # The day grid's links prefill the form: a room that is no room's
    # number is told as the form tells it.
    resp = alice.get(url("/bookings/new?room_id=0"))
    assert resp.status_code == 422
    assert at_field(resp, "room_id") == "Choose one from the list."
    resp = alice.get(url("/bookings/new?start=tomorrow"))
    assert resp.status_code == 422
    assert at_field(resp, "start") == "Enter a date and time, like 2026-12-01T09:30."
    # The form still works from there: it carries a token of its own.
    assert BeautifulSoup(resp.text, "html.parser").select_one(
        'input[name="request_token"]')["value"]


def test_a_cancel_reason_gets_the_same_answer_as_a_form_and_as_a_query(alice, alice_api):
    made = alice_api.post(url("/api/bookings"), json={
        "roomId": room_id("Geneva"), "useStartDtm": wall(11).strftime("%Y%m%d%H%M"),
        "useEndDtm": wall(12).strftime("%Y%m%d%H%M"), "title": "To keep", "attendees": 2})
    assert made.status_code == 201, made.text
    bid = made.json()["bookingId"]
    long_reason = "r" * 501
    words = "Keep the reason to 500 characters."

    page = alice.get(url(f"/bookings/{bid}"))
    form = alice.post(url(f"/bookings/{bid}/cancel"), allow_redirects=False,
                      data={"csrf": csrf_of(page.text), "reason": long_reason})
    query = alice_api.delete(url(f"/api/bookings/{bid}"), params={"reason": long_reason})

    assert_same_answer(form, "reason", query, "reason", words)
    # Nothing was cancelled by either.
    assert sql_value(f"SELECT status FROM bookings WHERE id = {bid}") == "pending"
    # A person cancelling their own booking may give no reason, either way.
    assert alice_api.delete(url(f"/api/bookings/{bid}"), params={"reason": ""}).status_code == 204


ROOM_CASES = [
    ("name", "name", "", "", "Please fill this in."),
    ("name", "name", "n" * 101, "n" * 101,
     "Use up to 100 letters, digits, spaces and punctuation."),
    ("name", "name", "a\u0007b", "a\u0007b",
     "Use up to 100 letters, digits, spaces and punctuation."),
    ("location", "location", "l" * 201, "l" * 201,
     "Use up to 200 letters, digits, spaces and punctuation."),
    ("capacity", "capacity", "", None, "Please fill this in."),
    ("capacity", "capacity", "0", 0, "Enter how many people it seats, from 1 to 10000."),
    ("capacity", "capacity", "10001", 10001,
     "Enter how many people it seats, from 1 to 10000."),
    ("description", "description", "d" * 2001, "d" * 2001, "Keep it to 2000 characters."),
    ("description", "description", "a\u0001b", "a\u0001b",
     "Use letters, digits, spaces and punctuation."),
    ("checkin_required", "checkinRequired", "2", 2, "Tick the box, or leave it empty."),
]


@pytest.mark.parametrize("field,member,form_value,json_value,words", ROOM_CASES,
                         ids=[f"{c[0]}={c[2][:12]!r}" for c in ROOM_CASES])
def test_a_bad_room_field_gets_the_same_answer_from_the_form_and_the_api(
        admin, admin_api, field, member, form_value, json_value, words):
    good_form = {"name": "Same words room", "location": "Floor 5", "capacity": "6",
                 "description": "Quiet."}
    good_json = {"name": "Same words room", "location": "Floor 5", "capacity": 6,
                 "description": "Quiet."}
    before = sql_value("SELECT COUNT(*) FROM rooms")

    data = dict(good_form, csrf=csrf_of(admin.get(url("/admin/rooms/new")).text))
    data[field] = form_value
    form = admin.post(url("/admin/rooms"), data=data, allow_redirects=False)
    body = dict(good_json)
    if json_value is None:
        body.pop(member, None)
    else:
        body[member] = json_value
    api = admin_api.post(url("/api/rooms"), json=body)

    assert_same_answer(form, field, api, member, words)
    assert sql_value("SELECT COUNT(*) FROM rooms") == before


@pytest.mark.parametrize("reason,words", [
    ("", "Please fill this in."),
    ("r" * 501, "Keep the reason to 500 characters."),
])
def test_a_room_out_of_use_reason_gets_the_same_answer_from_the_form_and_the_api(
        admin, admin_api, reason, words):
    rid = room_id("Geneva")
    version = admin_api.get(url(f"/api/rooms/{rid}")).headers["ETag"]
    page = admin.get(url(f"/rooms/{rid}"))
    form = admin.post(url(f"/admin/rooms/{rid}/unavailable"), allow_redirects=False,
                      data={"csrf": csrf_of(page.text), "reason": reason})
    api = admin_api.patch(url(f"/api/rooms/{rid}"), headers={"If-Match": version},
                          json={"status": "N", "reason": reason})

    assert_same_answer(form, "reason", api, "reason", words)
    assert sql_value(f"SELECT status FROM rooms WHERE id = {rid}") == "available"


def test_a_change_to_one_room_field_keeps_the_others(admin_api):
    name = f"Patch keeps {uuid.uuid4().hex[:6]}"
    made = admin_api.post(url("/api/rooms"), json={
        "name": name, "location": "Floor 6", "capacity": 5,
        "description": "Two lines\nof text", "checkinRequired": 1})
    assert made.status_code == 201, made.text
    rid, version = made.json()["roomId"], made.headers["ETag"]
    changed = admin_api.patch(url(f"/api/rooms/{rid}"), headers={"If-Match": version},
                              json={"capacity": 7})
    assert changed.status_code == 200, changed.text
    room = changed.json()
    assert (room["name"], room["location"], room["capacity"], room["description"],
            room["checkinRequired"]) == (name, "Floor 6", 7, "Two lines\nof text",
                                         True)
    # Emptying a required field is refused as the form refuses it.
    emptied = admin_api.patch(url(f"/api/rooms/{rid}"), headers={"If-Match": changed.headers["ETag"]},
                              json={"name": ""})
    assert emptied.status_code == 422
    assert json_error(emptied) == {"code": "invalid", "field": "name",
                                   "message": "Please fill this in."}


@pytest.mark.parametrize("path,who", [
    ("/admin/approvals?done=maybe", "admin"),
    ("/account?changed=everything", "alice"),
    ("/rooms/1?added=yes", None),
    ("/rooms?deleted=2", None),
    ("/login?bye=now", None),
])
def test_a_page_tells_of_a_bad_query_value_instead_of_ignoring_it(alice, admin, path, who):
    session = {"alice": alice, "admin": admin, None: requests.Session()}[who]
    resp = session.get(url(path))
    assert resp.status_code == 422
    assert "needs correcting" in resp.text


@pytest.mark.parametrize("path,who,shown", [
    ("/admin/approvals?done=denied", "admin", "The request is denied"),
    ("/account?changed=tokens", "alice", "revoked"),
    ("/rooms/1?added=1", None, "The room has been added."),
    ("/login?bye=1", None, "logged out"),
])
def test_the_marks_a_change_leaves_still_show_their_message(alice, admin, path, who, shown):
    session = {"alice": alice, "admin": admin, None: requests.Session()}[who]
    resp = session.get(url(path))
    assert resp.status_code == 200 and shown in resp.text
