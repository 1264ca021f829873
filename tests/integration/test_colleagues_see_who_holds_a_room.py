"""Colleagues see who holds a room, so they can ask for it, as the site
chooses (privacy.show_owner, on by default); a private booking shows them
"Private booking" and its owner, never its title. Owners and
administrators see everything."""
import datetime
import uuid

import pytest
from bs4 import BeautifulSoup

from conftest import (GRID_BOOKED, SITE_TZ, api_session, book, booked_id, configured, login, quiet_day,
                      url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def local(day, hh):
    return datetime.datetime.combine(day, datetime.time(hh), SITE_TZ).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture(scope="module")
def room():
    made = api_session("admin", "privacy").post(url("/api/rooms"), json={
        "name": f"Privacy {uuid.uuid4().hex[:8]}", "location": "Floor 8", "capacity": 6})
    assert made.status_code == 201, made.text
    return made.json()["roomId"]


@pytest.fixture(scope="module")
def bookings(room):
    """alice's open booking at 09:00 and her private one at 14:00, one day."""
    alice = login("alice")
    day = quiet_day(room)
    open_one = booked_id(book(alice, room, local(day, 9), local(day, 10),
                              title="Quarterly numbers"))
    secret = booked_id(book(alice, room, local(day, 14), local(day, 15),
                            title="Reorganisation talk", private="1"))
    return day, open_one, secret


def what_is_seen(session, room, day):
    """Each view's words about the room's bookings that day: the grid's
    cells, the status list's rows, the room page's upcoming list."""
    grid = BeautifulSoup(session.get(url(f"/status/day?date={day}")).text, "html5lib")
    # A booked cell: its title, then who holds it (when shown), then its state.
    cells = [(c.b.get_text(),
              c.select("small")[0].get_text() if len(c.select("small")) == 2 else None)
             for c in grid.select(f'tr[data-room="{room}"]')[0].select(GRID_BOOKED)]
    listing = BeautifulSoup(session.get(url(f"/status?room={room}&from={day}&to={day}")).text,
                            "html.parser")
    rows = [(tr.select_one(".title").get_text(),
             tr.select_one(".requester").get_text() if tr.select_one(".requester") else None)
            for tr in sorted(listing.select("tr.row"), key=lambda tr: tr.select_one(".when")
                             .get_text())]
    page = BeautifulSoup(session.get(url(f"/rooms/{room}")).text, "html.parser")
    upcoming = [(li.select_one("strong").get_text(),
                 li.select_one(".owner").get_text() if li.select_one(".owner") else None)
                for li in page.select("ul.bookings li.booking")
                if f"{day:%d %b %Y}" in li.get_text()]
    return cells, rows, upcoming


def test_colleagues_see_the_owner_and_not_a_private_title(room, bookings):
    day, _, _ = bookings
    seen = what_is_seen(login("bob"), room, day)
    expected = [("Quarterly numbers", "Alice Andersen"), ("Private booking", "Alice Andersen")]
    assert seen == (expected, expected, expected)
    # Nowhere in any of bob's pages, not even in an attribute.
    bob = login("bob")
    for path in (f"/status/day?date={day}", f"/status?room={room}", f"/rooms/{room}",
                 f"/status/rooms/{room}?week={day:%G-W%V}"):
        assert "Reorganisation" not in bob.get(url(path)).text, path


def test_the_owner_and_administrators_see_everything(room, bookings):
    day, _, secret = bookings
    expected = [("Quarterly numbers", "Alice Andersen"),
                ("Reorganisation talk", "Alice Andersen")]
    for who in ("alice", "admin"):
        assert what_is_seen(login(who), room, day) == (expected, expected, expected), who
    page = BeautifulSoup(login("alice").get(url(f"/bookings/{secret}")).text, "html.parser")
    assert page.select_one("#private") is not None


def test_scripts_see_what_the_pages_show(room, bookings):
    day, open_one, secret = bookings
    script = api_session("bob", "privacy script")
    listed = script.get(url("/api/bookingLists"), params={"room": room, "from": str(day),
                                                          "to": str(day)}).json()
    seen = {b["bookingId"]: (b["title"], b["bookingUserName"], b["private"])
            for b in listed["bookingLists"]}
    assert seen == {open_one: ("Quarterly numbers", "Alice Andersen", False),
                    secret: ("Private booking", "Alice Andersen", True)}
    mine = api_session("alice", "own").get(url(f"/api/bookings/{secret}")).json()
    assert (mine["title"], mine["private"]) == ("Reorganisation talk", True)
    other = quiet_day(room)  # a day of its own: the views above stay as they are
    made = api_session("alice", "private via API").post(url("/api/bookings"), json={
        "roomId": room, "useStartDtm": f"{other:%Y%m%d}1600",
        "useEndDtm": f"{other:%Y%m%d}1700", "title": "Script secret", "attendees": 2,
        "private": True})
    assert made.status_code == 201, made.text
    assert made.json()["private"] is True


def test_the_site_can_keep_owners_to_administrators(room, bookings):
    day, _, _ = bookings
    with configured(privacy={"show_owner": "false"}):
        cells, rows, upcoming = what_is_seen(login("bob"), room, day)
        assert cells == [("Quarterly numbers", None), ("Private booking", None)]
        assert rows == [("Quarterly numbers", None), ("Private booking", None)]
        assert upcoming == [("Quarterly numbers", None), ("Private booking", None)]
        assert "Alice Andersen" not in login("bob").get(url(f"/status/day?date={day}")).text
        # Administrators still see who.
        cells, _, _ = what_is_seen(login("admin"), room, day)
        assert [owner for _, owner in cells] == ["Alice Andersen", "Alice Andersen"]
