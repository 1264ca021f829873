"""The day grid is where people book: reached from every page, open on a
day that can be booked, moving over closed days, filtered by seats and
place, each free slot named for those who cannot see the grid."""
import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import (GRID_FREE, SITE_TZ, grid_slot_links, grid_slot_url, login, quiet_day,
                      room_id, set_clock, sql_value, url)

pytestmark = pytest.mark.usefixtures("real_clock_after")


@pytest.fixture
def alice():
    """Logged in for each test: moving the clock days ahead ends sessions."""
    return login("alice")


def grid(session, query=""):
    resp = session.get(url("/status/day" + query))
    assert resp.status_code == 200, resp.text[:500]
    return BeautifulSoup(resp.text, "html5lib")  # the grid leaves its </td>s implied


def said(element):
    """An element's words as a screen reader takes them: without the parts
    hidden from it (aria-hidden)."""
    for hidden in element.select('[aria-hidden="true"]'):
        hidden.decompose()
    return element.get_text()


def shown_date(doc):
    return doc.select_one("table.day-grid")["data-date"]


def next_weekday(weekday, hour, minute=0):
    """The local moment at hour:minute on the next such weekday (0: Monday)."""
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=1)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)


def test_the_main_navigation_and_the_home_page_lead_to_it(alice):
    home = BeautifulSoup(alice.get(url("/")).text, "html.parser")
    first = home.select_one("header nav a")
    assert (first["href"], first.get_text()) == ("/status/day", "Rooms by day")
    assert home.select_one("main a[href='/status/day']") is not None
    doc = grid(alice)
    assert doc.select_one('header nav a[aria-current="page"]')["href"] == "/status/day"


@pytest.mark.parametrize("now, opens_on", [
    ((1, 10, 0), 0),     # a Tuesday morning: today
    ((1, 19, 40), 0),    # its last slot (19:45) can still be booked
    ((1, 19, 50), 1),    # after it: Wednesday
    ((4, 21, 0), 3),     # a Friday night: Monday
    ((5, 9, 0), 2),      # a Saturday: Monday
])
def test_it_opens_on_the_first_day_that_can_still_be_booked(now, opens_on):
    at = next_weekday(*now)
    set_clock(at)
    assert shown_date(grid(login("alice"))) == (at.date() + datetime.timedelta(days=opens_on)).isoformat()


def test_previous_and_next_skip_the_days_rooms_are_closed(alice):
    friday = next_weekday(4, 9).date() + datetime.timedelta(days=7)
    monday = friday + datetime.timedelta(days=3)
    doc = grid(alice, f"?date={friday}")
    assert doc.select_one("#next-day")["href"] == f"/status/day/{monday}/"
    doc = grid(alice, f"?date={monday}")
    assert doc.select_one("#prev-day")["href"] == f"/status/day/{friday}/"
    today = datetime.datetime.now(SITE_TZ).date()
    assert doc.select_one("#today-link")["href"] == f"/status/day/{today}/"
    # A closed day can still be looked at, and says so.
    assert grid(alice, f"?date={friday + datetime.timedelta(days=1)}").select_one("#closed")


def test_seats_and_place_filter_the_rooms_and_follow_the_booking(alice):
    day = quiet_day()
    doc = grid(alice, f"?date={day}&min_capacity=10")
    rows = doc.select("table.day-grid tbody tr")
    seats = {tr.th.a.get_text(): int(tr.select_one(".seats").get_text().split()[-1])
             for tr in rows}
    big = sql_value("SELECT GROUP_CONCAT(name ORDER BY name SEPARATOR '|') FROM rooms"
                    " WHERE capacity >= 10").split("|")
    assert sorted(seats) == sorted(big) and all(n >= 10 for n in seats.values())
    # The filters stay on the way to other days.
    assert doc.select_one("#next-day")["href"].endswith("/?min_capacity=10")
    assert doc.select_one("#min_capacity")["value"] == "10"
    # Looking for ten seats books for ten people.
    link = doc.select_one(GRID_FREE)
    resp = alice.get(grid_slot_url(day, link["href"]), allow_redirects=False)
    assert resp.status_code == 303
    query = parse_qs(urlparse(resp.headers["Location"]).query)
    assert query["attendees"] == ["10"]
    form = BeautifulSoup(alice.get(url(resp.headers["Location"])).text, "html.parser")
    assert form.select_one("#attendees")["value"] == "10"
    assert form.select_one("#room_id option[selected]")["value"] == query["room_id"][0]
    assert form.select_one("#starts_at")["value"] == query["start"][0]

    place = "Floor 1, south wing"
    doc = grid(alice, f"?date={day}&location={place.replace(' ', '+')}")
    names = {tr.th.a.get_text() for tr in doc.select("table.day-grid tbody tr")}
    assert names == set(sql_value("SELECT GROUP_CONCAT(name SEPARATOR '|') FROM rooms"
                                  f" WHERE location = '{place}'").split("|"))
    assert doc.select_one("#location option[selected]")["value"] == place
    assert "?location=Floor%201%2C%20south%20wing" in doc.select_one("#prev-day")["href"]
    assert grid(alice, f"?date={day}&min_capacity=9999").select_one("#no-rooms")
    for bad in ("min_capacity=0", "min_capacity=10001", "date=2027-02-30"):
        assert alice.get(url(f"/status/day?{bad}")).status_code == 422
    assert alice.get(url(f"/status/day/{day}/?min_capacity=0")).status_code == 422
    # A day or a slot that cannot be is no page.
    for bad in ("2027-02-30/", "tomorrow/", f"{day}/1.1440", f"{day}/1.60.0", f"{day}/x.60",
                f"{day}/1.60.10001", f"{day}/0.60", f"{day}/1.60.", f"{day}/1.-5"):
        assert alice.get(url(f"/status/day/{bad}"), allow_redirects=False).status_code == 404, bad


def test_a_free_slot_leads_to_the_booking_form_for_it(alice):
    day = quiet_day(room_id("Berlin"))
    doc = grid(alice, f"?date={day}")
    row = doc.select_one(f'tr[data-room="{room_id("Berlin")}"]')
    href = grid_slot_links(row)["14:00"]
    resp = alice.get(grid_slot_url(day, href), allow_redirects=False)
    assert (resp.status_code, resp.headers["Location"]) == \
        (303, f"/bookings/new?room_id={room_id('Berlin')}&start={day}T14%3A00&attendees=1")
    form = BeautifulSoup(alice.get(url(resp.headers["Location"])).text, "html.parser")
    assert form.select_one("#starts_at")["value"] == f"{day}T14:00"
    # Every free slot of an open day is a link: 52 quarters from 07:00.
    assert len(grid_slot_links(row)) == 52
    # A free cell is a few dozen bytes: the grid is most of the page.
    sent = alice.get(url(f"/status/day/{day}/")).text
    row = sent[sent.index(f'<tr data-room="{room_id("Berlin")}">'):]
    cells = row[row.index("</th>") + 5:row.index("</tr>")]
    assert cells.count("<td>") == 52 and len(cells.encode()) / 52 <= 28


def test_a_free_slot_is_in_its_rooms_row_under_its_time(alice):
    """A screen reader names a cell by its row's and its column's headers;
    the page's script adds the whole name to each link (the browser test)."""
    day = quiet_day(room_id("Berlin"))
    doc = grid(alice, f"?date={day}")
    row = doc.select_one(f'tr[data-room="{room_id("Berlin")}"]')
    assert said(row.select_one('th[scope="row"] a')) == "Berlin"
    cells = row.select("td")
    column = [td.select_one("a") and td.a["href"] for td in cells].index(grid_slot_links(row)["14:00"])
    slots = doc.select('table.day-grid thead th[scope="col"].slot')
    assert said(slots[column]) == "14:00"
    when = datetime.date.fromisoformat(str(day))
    assert said(doc.find(id="bk")) == "Book"
    assert said(doc.find(id="dt")) == f"{when:%A} {when:%d} {when:%B} {when.year},"


def test_a_rooms_week_links_to_its_neighbours_and_other_rooms(alice):
    berlin = room_id("Berlin")
    page = BeautifulSoup(alice.get(url(f"/rooms/{berlin}")).text, "html.parser")
    assert page.select_one("#week-link")["href"] == f"/status/rooms/{berlin}"
    doc = BeautifulSoup(alice.get(url(f"/status/rooms/{berlin}?week=2027-W02")).text,
                        "html.parser")
    assert doc.select_one("#prev-week")["href"] == f"/status/rooms/{berlin}?week=2027-W01"
    assert doc.select_one("#next-week")["href"] == f"/status/rooms/{berlin}?week=2027-W03"
    assert doc.h1.select_one(".dates").get_text() == "11 January 2027 – 15 January 2027"
    others = {a.get_text(): a["href"] for a in doc.select(".other-rooms a")}
    copenhagen = room_id("Copenhagen")
    assert others["Copenhagen"] == f"/status/rooms/{copenhagen}?week=2027-W02"
    assert "Berlin" not in others
    # Each free slot says its room, day and time.
    link = doc.select_one("td.free a.book")
    words = [said(doc.find(id=i)) for i in link["aria-labelledby"].split()]
    assert words == ["Book", "Berlin", "Mon 11 Jan", "07:00"]
