"""What the status pages keep between requests (each worker keeps the day
grids it rendered) is stale from the moment a write changes it: after each
step of a booking's life and a room's closing, another person's next look
at the day grid, the room's week, the status list and the home page shows
the change, whichever worker answers."""
import datetime
import uuid

import pytest
from bs4 import BeautifulSoup

from conftest import (GRID_BOOKED, GRID_FREE, SITE_TZ, book, booked_id, csrf_of, login,
                      page_csrf, quiet_day, roomctl, set_clock, sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact", "real_clock_after")

# More looks than the status pool has workers: each one's copy is seen.
LOOKS = 8


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)


def field(t):
    return t.strftime("%Y-%m-%dT%H:%M")


def new_room():
    """A room added through the admin form, with check-in."""
    admin = login("admin")
    name = f"Fresh {uuid.uuid4().hex[:8]}"
    form = {"csrf": page_csrf(admin, "/admin/rooms/new"), "name": name,
            "location": "Floor 4", "capacity": "6", "description": "",
            "checkin_required": "1"}
    assert admin.post(url("/admin/rooms"), data=form, allow_redirects=False).status_code == 303
    return name, int(sql_value(f"SELECT id FROM rooms WHERE name = '{name}'"))


def grid_row(who, day, room):
    """The room's row of the day's grid, as every worker shows it: its
    booked cells (state, title) and how many slots can be booked."""
    looks = set()
    for _ in range(LOOKS):
        resp = who.get(url(f"/status/day/{day}/"))
        assert resp.status_code == 200
        row = BeautifulSoup(resp.text, "html5lib").select_one(f'tr[data-room="{room}"]')
        looks.add((tuple((td["class"][0], td.b.get_text()) for td in row.select(GRID_BOOKED)),
                   len(row.select(GRID_FREE))))
    assert len(looks) == 1, f"the workers disagree: {looks}"
    return looks.pop()


def week(who, room, day):
    iso = day.isocalendar()
    doc = BeautifulSoup(who.get(url(f"/status/rooms/{room}?week={iso[0]}-W{iso[1]:02d}")).text,
                        "html.parser")
    return sorted((td["class"][0], td.b.get_text()) for td in doc.select(GRID_BOOKED))


def listed(who, room, day):
    doc = BeautifulSoup(who.get(url(f"/status?room={room}&from={day}&to={day}")).text,
                        "html.parser")
    return sorted((tr.select_one(".title").get_text(), tr.select_one(".badge").get_text())
                  for tr in doc.select("tr.row"))


def free_now(who):
    doc = BeautifulSoup(who.get(url("/")).text, "html.parser")
    return int(doc.select_one("#free-now")["data-free"])


def post(who, path, **data):
    resp = who.post(url(path), data={"csrf": page_csrf(who, "/"), **data},
                    allow_redirects=False)
    assert resp.status_code in (200, 303), resp.text[:500]
    return resp


def test_each_write_shows_at_once_to_someone_else():
    name, room = new_room()
    # A day nobody else uses: the home page counts every room.
    day = datetime.date.fromisoformat(str(quiet_day()))
    set_clock(at(day, 9, 46))  # a quarter begun: the grid's time stands still
    alice, admin, bob = login("alice"), login("admin"), login("bob")
    empty = grid_row(bob, day, room)
    assert empty[0] == () and empty[1] > 0

    # Requested: pending, everywhere.
    a = booked_id(book(alice, room, field(at(day, 10)), field(at(day, 11)), title="Fresh A"))
    b = booked_id(book(alice, room, field(at(day, 12)), field(at(day, 13)), title="Fresh B"))
    cells, slots = grid_row(bob, day, room)
    assert cells == (("pending", "Fresh A"), ("pending", "Fresh B"))
    assert week(bob, room, day) == [("pending", "Fresh A"), ("pending", "Fresh B")]
    assert listed(bob, room, day) == [("Fresh A", "Pending approval"),
                                      ("Fresh B", "Pending approval")]

    # Decided.
    post(admin, f"/admin/approvals/{a}/approve")
    assert grid_row(bob, day, room)[0] == (("confirmed", "Fresh A"), ("pending", "Fresh B"))
    assert week(bob, room, day)[0] == ("confirmed", "Fresh A")
    assert listed(bob, room, day)[0] == ("Fresh A", "Confirmed")

    # Moved, and renamed: the old slots free, the new ones held, at once.
    form = BeautifulSoup(alice.get(url(f"/bookings/{b}/edit")).text, "html.parser")
    data = {i["name"]: i.get("value", "") for i in form.select('form[action$="/edit"] input')
            if i.get("name") in ("csrf", "version", "attendees")}
    data.update(room_id=str(room), starts_at=field(at(day, 14)), ends_at=field(at(day, 15)),
                title="Fresh B moved")
    assert alice.post(url(f"/bookings/{b}/edit"), data=data,
                      allow_redirects=False).status_code == 303
    assert grid_row(bob, day, room) == ((("confirmed", "Fresh A"),
                                         ("pending", "Fresh B moved")), slots)
    assert week(bob, room, day) == [("confirmed", "Fresh A"), ("pending", "Fresh B moved")]
    assert listed(bob, room, day) == [("Fresh A", "Confirmed"),
                                      ("Fresh B moved", "Pending approval")]

    # Cancelled: its slots are free again.
    post(alice, f"/bookings/{b}/cancel", reason="")
    assert grid_row(bob, day, room) == ((("confirmed", "Fresh A"),), slots + 4)
    assert week(bob, room, day) == [("confirmed", "Fresh A")]
    assert listed(bob, room, day)[1] == ("Fresh B moved", "Cancelled")

    # The meeting's time: the room is no longer free on anyone's home page.
    set_clock(at(day, 10, 5))
    alice, admin, bob = login("alice"), login("admin"), login("bob")
    held = grid_row(bob, day, room)
    assert held[0] == (("confirmed", "Fresh A"),)
    before = free_now(bob)
    assert before == free_now(login("admin"))

    # Checked in: in use.
    post(alice, f"/bookings/{a}/checkin")
    assert grid_row(bob, day, room)[0] == (("in_use", "Fresh A"),)
    assert week(bob, room, day) == [("in_use", "Fresh A")]
    assert listed(bob, room, day)[0] == ("Fresh A", "In use")

    # Another room closed from now: its free slots go, and it is no
    # longer free on the home page.
    other_name, other = new_room()
    assert grid_row(bob, day, other)[1] > 0
    assert free_now(bob) == before + 1
    data = {"csrf": csrf_of(admin.get(url(f"/rooms/{other}")).text), "reason": "Painting",
            "closed_from": "", "closed_until": ""}
    ask = admin.post(url(f"/admin/rooms/{other}/unavailable"), data=data, allow_redirects=False)
    confirm = {i["name"]: i.get("value", "") for i in BeautifulSoup(ask.text, "html.parser")
               .select("form[action$='/unavailable'] input[type=hidden]")}
    assert admin.post(url(f"/admin/rooms/{other}/unavailable"), data=confirm,
                      allow_redirects=False).status_code == 303
    assert grid_row(bob, day, other) == ((), 0)
    assert free_now(bob) == before

    # The nightly rebuild keeps nothing stale either.
    assert roomctl("refresh-status").returncode == 0
    assert grid_row(bob, day, room)[0] == (("in_use", "Fresh A"),)
