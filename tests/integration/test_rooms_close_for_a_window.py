"""A room closes for a window (a maintenance afternoon, a renovation
month) or until further notice: only what lies inside is cancelled, each
owner told; requests inside are refused with the reason and the day it
opens again; it comes back by itself when the window ends."""
import datetime
import uuid

import pytest
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, grid_slot_links, api_session, book, booked_id, csrf_of, login,
                      roomctl, set_clock, sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact", "real_clock_after")


def local(day, hh, mm=0):
    return datetime.datetime.combine(day, datetime.time(hh, mm), SITE_TZ)


def field(dt):
    return dt.strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def people():
    """Logged in for each test: some move the clock, which ends sessions."""
    return login("alice"), login("admin")


@pytest.fixture
def room():
    made = api_session("admin", "closures").post(url("/api/rooms"), json={
        "name": f"Closable {uuid.uuid4().hex[:8]}", "location": "Floor 9", "capacity": 10})
    assert made.status_code == 201, made.text
    return made.json()["roomId"]


def a_day():
    """A Monday some weeks ahead: the room is new, so every day of it is
    free, and the days after it stay inside the booking horizon."""
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=30)
    while day.weekday() != 0:
        day += datetime.timedelta(days=1)
    return day


def next_open_day(day):
    day += datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def state(bid):
    return sql_value(f"SELECT status FROM bookings WHERE id = {bid}")


def close(admin, rid, reason, start=None, end=None):
    """Asks to close, then confirms on the page that asks; both answers."""
    data = {"csrf": csrf_of(admin.get(url(f"/rooms/{rid}")).text), "reason": reason,
            "closed_from": field(start) if start else "",
            "closed_until": field(end) if end else ""}
    ask = admin.post(url(f"/admin/rooms/{rid}/unavailable"), data=data, allow_redirects=False)
    if ask.status_code != 200:
        return ask, None
    doc = BeautifulSoup(ask.text, "html.parser")
    confirm = {i["name"]: i.get("value", "") for i in
               doc.select("form[action$='/unavailable'] input[type=hidden]")}
    done = admin.post(url(f"/admin/rooms/{rid}/unavailable"), data=confirm,
                      allow_redirects=False)
    if done.status_code != 303:
        return ask, done
    # Done, the browser is sent to the room's page, which says what it did.
    assert done.headers["Location"].startswith(f"/rooms/{rid}?closed=")
    return ask, admin.get(url(done.headers["Location"]))


def test_only_the_bookings_inside_the_window_are_cancelled(people, room):
    alice, admin = people
    day = a_day()
    after = next_open_day(day)
    booked = {name: booked_id(book(alice, room, field(local(d, a)), field(local(d, b)),
                                   title=name))
              for name, d, a, b in (("before", day, 9, 10), ("straddling", day, 11, 13),
                                    ("inside", day, 14, 15), ("next morning", after, 9, 10),
                                    ("after", after, 14, 15))}
    start, end = local(day, 12), local(after, 12)
    ask, done = close(admin, room, "Carpets replaced", start, end)
    listed = [a.get_text() for a in BeautifulSoup(ask.text, "html.parser")
              .select("#to-cancel a")]
    assert listed == ["straddling", "inside", "next morning"]
    assert f"until {end:%a %d %b %Y, %H:%M}" in \
        BeautifulSoup(ask.text, "html.parser").select_one("#window").get_text()
    assert done.status_code == 200
    assert "3 bookings were cancelled" in \
        BeautifulSoup(done.text, "html.parser").select_one("#notice").get_text()
    assert {n: state(b) for n, b in booked.items()} == {
        "before": "pending", "straddling": "cancelled", "inside": "cancelled",
        "next morning": "cancelled", "after": "pending"}
    # The owner is told why.
    notes = BeautifulSoup(alice.get(url("/notifications")).text, "html.parser")
    assert any("inside" in n.get_text() and "Carpets replaced" in n.get_text()
               for n in notes.select(".note"))
    # Still open now: the window is ahead, and the room page says when.
    assert sql_value(f"SELECT status FROM rooms WHERE id = {room}") == "available"
    page = BeautifulSoup(admin.get(url(f"/rooms/{room}")).text, "html.parser")
    assert page.select_one("#state").get_text() == "Available"
    assert page.select_one("#closure").get_text().startswith(
        f"Closed from {start:%a %d %b %Y, %H:%M} until {end:%a %d %b %Y, %H:%M}.")
    # Inside is refused with the reason and the time it opens; outside is fine.
    refused = book(alice, room, field(local(day, 16)), field(local(day, 17)))
    assert refused.status_code == 422
    message = BeautifulSoup(refused.text, "html.parser").select_one("#room_id-error").get_text()
    assert "Carpets replaced" in message and f"{end:%a %d %b %Y, %H:%M}" in message
    booked_id(book(alice, room, field(local(day, 10)), field(local(day, 11))))
    booked_id(book(alice, room, field(local(after, 12)), field(local(after, 13))))
    # The day grid offers the morning and nothing from noon.
    grid = BeautifulSoup(alice.get(url(f"/status/day?date={day}")).text, "html5lib")
    row = grid.select_one(f'tr[data-room="{room}"]')
    starts = list(grid_slot_links(row))
    assert "08:00" in starts and "11:45" in starts
    assert not [s for s in starts if s >= "12:00"]


def test_the_room_closes_and_opens_again_by_itself(people, room):
    alice, admin = people
    day = a_day()
    start, end = local(day, 12), local(day, 15)
    assert close(admin, room, "Window cleaning", start, end)[1].status_code == 200
    set_clock(local(day, 13))
    assert roomctl("sweep").returncode == 0
    assert sql_value(f"SELECT status FROM rooms WHERE id = {room}") == "unavailable"
    alice = login("alice")
    page = BeautifulSoup(alice.get(url(f"/rooms/{room}")).text, "html.parser")
    assert page.select_one("#state").get_text() == "Unavailable: Window cleaning"
    assert page.select_one("#closure").get_text().startswith(
        f"Closed until {end:%a %d %b %Y, %H:%M}.")
    refused = book(alice, room, field(local(day, 14)), field(local(day, 15)))
    assert refused.status_code == 422
    # Bookable from its end on, even while it is still closed.
    booked_id(book(alice, room, field(local(day, 15)), field(local(day, 16))))

    set_clock(local(day, 15, 1))
    out = roomctl("sweep")
    assert out.returncode == 0 and "1 back in use" in out.stdout
    assert sql_value(f"SELECT CONCAT(status, '/', COALESCE(closed_from, '-'))"
                     f" FROM rooms WHERE id = {room}") == "available/-"
    history = BeautifulSoup(login("admin").get(url(f"/rooms/{room}")).text, "html.parser")
    first = history.select_one(".history .event")
    assert first.select_one(".event-kind").get_text() == "reopened"
    assert first.select_one(".event-by").get_text() == "roombook"


def test_an_open_ended_closure_ahead_can_be_called_off(people, room):
    alice, admin = people
    day = a_day()
    later = next_open_day(next_open_day(day))
    kept = booked_id(book(alice, room, field(local(day, 9)), field(local(day, 10))))
    gone = booked_id(book(alice, room, field(local(later, 9)), field(local(later, 10))))
    ask, done = close(admin, room, "Renovation", local(next_open_day(day), 0))
    assert BeautifulSoup(ask.text, "html.parser").select_one("#window").get_text() == \
        f"Closed from {local(next_open_day(day), 0):%a %d %b %Y, %H:%M} until further notice."
    assert done.status_code == 200
    assert (state(kept), state(gone)) == ("pending", "cancelled")
    refused = book(alice, room, field(local(later, 11)), field(local(later, 12)))
    assert "until further notice" in refused.text
    # The booking form still offers the room: it can be booked before.
    form = BeautifulSoup(alice.get(url("/bookings/new")).text, "html.parser")
    assert str(room) in [o["value"] for o in form.select("#room_id option")]
    page = BeautifulSoup(admin.get(url(f"/rooms/{room}")).text, "html.parser")
    call_off = page.select_one("form[action$='/available'] button")
    assert call_off.get_text() == "Call off the planned closure"
    back = admin.post(url(f"/admin/rooms/{room}/available"),
                      data={"csrf": csrf_of(page.decode())}, allow_redirects=False)
    assert back.status_code == 303
    booked_id(book(alice, room, field(local(later, 11)), field(local(later, 12))))


def test_a_window_that_ends_before_it_begins_is_refused(people, room):
    _, admin = people
    day = a_day()
    ask, _ = close(admin, room, "Oops", local(day, 15), local(day, 12))
    assert ask.status_code == 422
    error = BeautifulSoup(ask.text, "html.parser").select_one("#closed_until-error")
    assert error.get_text() == "The end must come after the start (and after now)."
    yesterday = datetime.datetime.now(SITE_TZ) - datetime.timedelta(days=1)
    ask, _ = close(admin, room, "Oops", None, yesterday)
    assert ask.status_code == 422
    assert sql_value(f"SELECT COALESCE(closed_from, '-') FROM rooms WHERE id = {room}") == "-"


def test_scripts_close_for_a_window_too(room):
    script = api_session("admin", "closure script")
    day = a_day()
    path = url(f"/api/rooms/{room}")
    start, end = local(day, 8), local(day, 18)
    bad = script.patch(path, json={"status": "N", "reason": "Audit",
                                   "closedFrom": f"{end:%Y%m%d%H%M}",
                                   "closedUntil": f"{start:%Y%m%d%H%M}"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "closedUntil"
    assert script.patch(path, json={"closedFrom": f"{start:%Y%m%d%H%M}"}).status_code == 422
    out = script.patch(path, json={"status": "N", "reason": "Audit",
                                   "closedFrom": f"{start:%Y%m%d%H%M}",
                                   "closedUntil": f"{end:%Y%m%d%H%M}"})
    assert out.status_code == 200, out.text
    body = out.json()
    assert (body["status"], body["reason"]) == ("Y", "Audit")  # not yet begun
    assert (body["closedFrom"], body["closedUntil"]) == \
        (f"{start:%Y%m%d%H%M}00", f"{end:%Y%m%d%H%M}00")
    back = script.patch(path, json={"status": "Y"})
    assert back.status_code == 200
    assert (back.json()["closedFrom"], back.json()["closedUntil"]) == (None, None)
