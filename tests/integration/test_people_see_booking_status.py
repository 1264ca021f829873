"""The status views read the read model: list, paging, day grid, week, usage."""
import csv
import datetime
import io
import uuid
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import (GRID_BOOKED, GRID_FREE, SITE_TZ, book, booked_id, csrf_of, grid_slot_url, login,
                      quiet_day, roomctl,
                      set_in_both, sql, sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def local(day, hh, mm=0):
    return datetime.datetime.combine(day, datetime.time(hh, mm), SITE_TZ)


def fmt(dt):
    return dt.strftime("%Y-%m-%dT%H:%M")


def new_room(capacity=30):
    name = f"Status {uuid.uuid4().hex[:8]}"
    sql(f"INSERT INTO rooms (name, location, capacity) VALUES ('{name}', 'Floor 7', {capacity})")
    return name, int(sql_value(f"SELECT id FROM rooms WHERE name = '{name}'"))


def rows_of(session, path):
    resp = session.get(url(path))
    assert resp.status_code == 200, resp.text[:300]
    doc = BeautifulSoup(resp.text, "html.parser")
    return doc, [int(tr["data-id"]) for tr in doc.select("tr.row")]


@pytest.fixture(scope="module")
def filled_room(alice, admin):
    """A room with 23 bookings over two quiet days: 3 confirmed, 2 denied."""
    name, rid = new_room()
    ids = []
    for day in (quiet_day(rid), quiet_day(rid)):
        for h in range(8, 8 + 11):
            ids.append(booked_id(book(alice, rid, fmt(local(day, h)), fmt(local(day, h, 45)),
                                      title=f"Item {h}")))
    ids.append(booked_id(book(login("bob"), rid, fmt(local(day, 19)), fmt(local(day, 20)),
                              title="Bob's")))
    token = csrf_of(admin.get(url("/admin/approvals")).text)
    for b in ids[:3]:
        admin.post(url(f"/admin/approvals/{b}/approve"), data={"csrf": token})
    for b in ids[3:5]:
        admin.post(url(f"/admin/approvals/{b}/deny"), data={"csrf": token, "reason": "x"})
    return name, rid, ids


def test_status_needs_a_login():
    resp = requests.get(url("/status"), allow_redirects=False)
    assert resp.status_code == 303 and resp.headers["Location"].startswith("/login")


def test_filters_and_their_combinations(alice, admin, filled_room):
    name, rid, ids = filled_room
    _, got = rows_of(alice, f"/status?room={rid}")
    assert sorted(got) == sorted(ids)
    _, got = rows_of(alice, f"/status?room={rid}&status=confirmed")
    assert sorted(got) == sorted(ids[:3])
    _, got = rows_of(alice, f"/status?room={rid}&status=denied")
    assert sorted(got) == sorted(ids[3:5])
    bob = sql_value("SELECT id FROM users WHERE login = 'bob'")
    _, got = rows_of(admin, f"/status?room={rid}&person={bob}")
    assert got == [ids[-1]]
    _, got = rows_of(admin, f"/status?room={rid}&status=pending&person={bob}")
    assert got == [ids[-1]]
    first_day = sql_value(f"SELECT DATE(CONVERT_TZ(starts_at, '+00:00', 'America/New_York'))"
                          f" FROM bookings WHERE id = {ids[0]}")
    _, got = rows_of(alice, f"/status?room={rid}&from={first_day}&to={first_day}")
    assert sorted(got) == sorted(ids[:11])
    # Soonest first.
    starts = [sql_value(f"SELECT starts_at FROM bookings WHERE id = {i}") for i in got]
    assert starts == sorted(starts)


def test_everyone_sees_who_booked_and_only_administrators_filter_by_person(
        alice, admin, filled_room):
    _, rid, _ = filled_room
    doc, _ = rows_of(alice, f"/status?room={rid}")
    assert "Alice Andersen" in {td.get_text() for td in doc.select("td.requester")}
    assert not doc.select("#person")
    doc, _ = rows_of(admin, f"/status?room={rid}")
    assert "Alice Andersen" in {td.get_text() for td in doc.select("td.requester")}
    assert alice.get(url("/status?person=1")).status_code == 403


@pytest.mark.parametrize("query", ["room=x", "status=lost", "from=2026-02-31", "to=tomorrow",
                                   "after=abc", "after=1.2&before=1.2"])
def test_bad_filters_are_422(alice, query):
    resp = alice.get(url("/status?" + query))
    assert resp.status_code == 422
    assert "needs correcting" in resp.text


def walk(session, path, link_id):
    """Follows next (or previous) links; every page's ids in order."""
    seen, pages = [], 0
    while path:
        doc, ids = rows_of(session, path)
        seen += ids
        pages += 1
        link = doc.select_one(f"#{link_id}")
        path = link["href"] if link else None
        assert pages < 100
    return seen, pages


def test_keyset_paging_walks_every_row_exactly_once(alice):
    _, rid = new_room(capacity=5)
    ids = []
    for _ in range(3):
        day = quiet_day(rid)
        for h in range(7, 20):
            for m in (0, 30):
                ids.append(booked_id(book(alice, rid, fmt(local(day, h, m)),
                                          fmt(local(day, h, m + 30) if m == 0 else
                                              local(day, h + 1)), title=f"P {h}:{m}")))
    assert len(ids) == 78
    forward, pages = walk(alice, f"/status?room={rid}", "next")
    assert pages == 2 and sorted(forward) == sorted(ids) and len(set(forward)) == 78
    # From the last page back to the first, the same rows in the same order.
    last_page = f"/status?room={rid}&after=" + urlparse(
        BeautifulSoup(alice.get(url(f"/status?room={rid}")).text, "html.parser")
        .select_one("#next")["href"]).query.split("after=")[1]
    doc, tail = rows_of(alice, last_page)
    back = doc.select_one("#previous")["href"]
    head, _ = walk(alice, back, "previous")
    assert head + tail == forward


def test_paging_stays_exact_while_rows_are_inserted(alice):
    _, rid = new_room(capacity=5)
    days = [quiet_day(rid), quiet_day(rid)]
    ids = [booked_id(book(alice, rid, fmt(local(days[0], h, m)), fmt(local(days[0], h, m + 15)),
                          title="Early"))
           for h in range(8, 19) for m in (0, 30)][:60]
    seen, path, added = [], f"/status?room={rid}", []
    while path:
        doc, page = rows_of(alice, path)
        seen += page
        # Someone books between page loads: a later day (before the cursor).
        h = 8 + len(added)
        added.append(booked_id(book(alice, rid, fmt(local(days[1], h)),
                                    fmt(local(days[1], h, 30)), title="Late")))
        link = doc.select_one("#next")
        path = link["href"] if link else None
    assert sorted(seen) == sorted(ids)  # each original row exactly once
    assert len(seen) == len(set(seen))


def test_the_day_grid_shows_bookings_in_their_slots(alice, filled_room):
    name, rid, ids = filled_room
    day = sql_value(f"SELECT DATE(CONVERT_TZ(starts_at, '+00:00', 'America/New_York'))"
                    f" FROM bookings WHERE id = {ids[0]}")
    doc = BeautifulSoup(alice.get(url(f"/status/day?date={day}")).text, "html5lib")
    slots = doc.select("table.day-grid thead th.slot")
    # Every slot's time is read out; the hour alone shows at each full hour.
    said = [th.select_one(".visually-hidden").get_text() for th in slots]
    assert len(said) == 52 and said[0] == "07:00" and said[4] == "08:00" and said[5] == "08:15"
    shown = [th.get_text() for th in slots if th.select_one("[aria-hidden]")]
    assert [s[:2] for s in shown] == [f"{h:02d}" for h in range(7, 20)]
    row = doc.select_one(f'tr[data-room="{rid}"]')
    cells = row.select("td")
    # 07:00-08:00 free (4 slots), then "Item 8" 08:00-08:45 (3 slots), then free.
    assert [c.get("colspan", "1") for c in cells[:6]] == ["1", "1", "1", "1", "3", "1"]
    assert cells[4]["class"] == ["confirmed"]
    assert cells[4].b.get_text() == "Item 8"
    # The state in words too, not only the cell's colour.
    assert [s.get_text() for s in cells[4].select("small")][-1] == "Confirmed"
    free = cells[0].select_one(GRID_FREE)
    # past days have no booking links; this one is in the future
    assert free is not None
    resp = alice.get(grid_slot_url(day, free["href"]), allow_redirects=False)
    query = parse_qs(urlparse(resp.headers["Location"]).query)
    assert query == {"room_id": [str(rid)], "start": [f"{day}T07:00"], "attendees": ["1"]}
    following = datetime.date.fromisoformat(day) + datetime.timedelta(days=1)
    while following.weekday() >= 5:  # the next open day
        following += datetime.timedelta(days=1)
    assert doc.select_one("#next-day")["href"] == f"/status/day/{following.isoformat()}/"
    assert alice.get(url("/status/day?date=2026-02-30")).status_code == 422


def test_a_room_nobody_can_book_is_one_free_cell_a_day(alice, filled_room):
    _, rid, _ = filled_room
    day = quiet_day(rid)
    name, closed = new_room()
    sql(f"UPDATE rooms SET status = 'unavailable', unavailable_reason = 'works',"
        f" closed_from = UTC_TIMESTAMP() WHERE id = {closed}")
    try:
        doc = BeautifulSoup(alice.get(url(f"/status/day?date={day}")).text, "html5lib")
        cells = doc.select_one(f'tr[data-room="{closed}"]').select("td")
        assert [c["colspan"] for c in cells] == ["52"] and not cells[0].select("a")
        # An open room on the same day: every free slot its own link.
        open_cells = doc.select_one(f'tr[data-room="{rid}"]').select("td")
        assert len(open_cells) == 52 and all(c.select_one(GRID_FREE) for c in open_cells)
    finally:
        sql(f"DELETE FROM rooms WHERE id = {closed}")


def test_a_daylight_saving_day_shows_local_hours(alice):
    name, rid = new_room()
    uid = sql_value("SELECT id FROM users WHERE login = 'alice'")
    # 10:00-11:00 local on the Saturday before the change (EST, UTC-5) and on
    # the Monday after (EDT, UTC-4), stored in UTC as the site would.
    rows = [("2027-03-13", "2027-03-13 15:00:00", "2027-03-13 16:00:00"),
            ("2027-03-15", "2027-03-15 14:00:00", "2027-03-15 15:00:00")]
    made = []
    for day, start, end in rows:
        sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at)"
            f" VALUES ({rid}, {uid}, 'DST {day}', 2, '{start}', '{end}')")
        bid = sql_value("SELECT MAX(id) FROM bookings")
        made.append(bid)
    try:
        assert roomctl("refresh-status").returncode == 0  # puts them in the view
        for day, _, _ in rows:
            doc = BeautifulSoup(alice.get(url(f"/status/day?date={day}")).text, "html5lib")
            cells = doc.select_one(f'tr[data-room="{rid}"]').select("td")
            if day == "2027-03-13":
                # A Saturday, closed: 07:00..10:00 (twelve 15-minute slots
                # nobody can book) is one cell, then the booking, then the rest.
                assert [c["colspan"] for c in cells] == ["12", "4", "36"]
                booking = cells[1]
            else:
                # 07:00..10:00 is twelve bookable 15-minute slots, then the booking.
                assert [c.get("class") for c in cells[:13]] == [None] * 12 + [["pending"]]
                booking = cells[12]
            assert booking.b.get_text() == f"DST {day}"
            assert booking["colspan"] == "4"
        # The change day itself (a Sunday) still shows 07:00 to 20:00.
        doc = BeautifulSoup(alice.get(url("/status/day?date=2027-03-14")).text, "html5lib")
        assert doc.select_one("#closed") is not None
        headers = [th.select_one(".visually-hidden").get_text()
                   for th in doc.select("table.day-grid thead th.slot")]
        assert headers[0] == "07:00" and len(headers) == 52
    finally:
        for bid in made:
            sql(f"DELETE FROM booking_status WHERE booking_id = {bid}")
            sql(f"DELETE FROM bookings WHERE id = {bid}")


def test_a_rooms_week(alice, filled_room):
    name, rid, ids = filled_room
    day = datetime.date.fromisoformat(sql_value(
        f"SELECT DATE(CONVERT_TZ(starts_at, '+00:00', 'America/New_York')) FROM bookings"
        f" WHERE id = {ids[0]}"))
    week = f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}"
    doc = BeautifulSoup(alice.get(url(f"/status/rooms/{rid}?week={week}")).text,
                        "html.parser")
    days = [th.get_text() for th in doc.select("table.week-grid thead th")][1:]
    monday = day - datetime.timedelta(days=day.weekday())
    friday = monday + datetime.timedelta(days=4)
    # Only the days rooms open on (Monday to Friday), titled by their dates.
    assert [d[:3] for d in days] == ["Mon", "Tue", "Wed", "Thu", "Fri"]
    assert days[0] == monday.strftime("%a %d %b")
    assert doc.h1.select_one(".dates").get_text() == \
        f"{monday.day} {monday:%B %Y} – {friday.day} {friday:%B %Y}"
    assert "W" not in doc.h1.get_text().replace(name, "")
    titles = {t.get_text() for t in doc.select(f"{GRID_BOOKED.replace(',', ' b,')} b")}
    assert {f"Item {h}" for h in range(8, 19) if h not in (11, 12)} <= titles
    column = day.weekday()
    row_0800 = [tr for tr in doc.select("table.week-grid tbody tr")
                if tr.th.get_text() == "08:00"][0]
    # A booking is one cell spanning its slots' rows (08:00-08:45: three).
    item_8 = row_0800.select("td")[column]
    assert item_8.b.get_text() == "Item 8"
    assert item_8["rowspan"] == "3"
    # Live bookings only: that day's denied 11:00 one left the grid.
    row_1100 = [tr for tr in doc.select("table.week-grid tbody tr")
                if tr.th.get_text() == "11:00"][0]
    assert row_1100.select("td")[column].get("class") == ["free"]
    assert alice.get(url(f"/status/rooms/{rid}?week=2026-W54")).status_code == 422
    assert alice.get(url("/status/rooms/99999999")).status_code == 404


def test_usage_numbers_and_csv_match_hand_computed_values(alice, admin):
    _, rid = new_room()
    day = quiet_day(rid)
    confirmed = booked_id(book(alice, rid, fmt(local(day, 9)), fmt(local(day, 10))))
    booked_id(book(alice, rid, fmt(local(day, 11)), fmt(local(day, 11, 30))))
    admin.post(url(f"/admin/approvals/{confirmed}/approve"),
               data={"csrf": csrf_of(admin.get(url("/admin/approvals")).text)})
    # No refresh: every booking change keeps the figures current.
    d = day.isoformat()
    doc = BeautifulSoup(alice.get(url(f"/status/usage?from={d}&to={d}")).text, "html.parser")
    row = [tr for tr in doc.select("table.usage tbody tr")
           if tr.select_one(".name").get_text().startswith("Status ")
           and int(sql_value("SELECT id FROM rooms WHERE name = '"
                             + tr.select_one(".name").get_text() + "'")) == rid][0]
    # 1 h confirmed + 0.5 h pending of 13 opening hours (07:00-20:00).
    assert row.select_one(".confirmed").get_text() == "1.0"
    assert row.select_one(".pending").get_text() == "0.5"
    assert row.select_one(".booked").get_text() == "1.5"
    assert row.select_one(".share").get_text() == "11.5"
    assert row.select_one(".used").get_text() == "0.0"  # nobody checked in (yet)
    assert row.select_one(".no-shows").get_text() == "0"
    # The bars are drawn to the busiest room's share (400 units).
    top = max(int(round(float(tr.select_one(".share").get_text()) * 10))
              for tr in doc.select("table.usage tbody tr"))
    bar = [li for li in doc.select("ul.bars li")
           if li.select_one(".bar-name").get_text() == row.select_one(".name").get_text()][0]
    assert int(bar.select_one("rect.confirmed")["width"]) == (60 * 1000 // 780) * 400 // top
    assert int(bar.select_one("rect.pending")["width"]) == (30 * 1000 // 780) * 400 // top
    assert doc.select_one("#scale").get_text() == \
        f"The longest bar is {top // 10}.{top % 10} % of the opening hours."
    table = {tr.select_one(".name").get_text(): [td.get_text() for td in tr.select("td")[1:7]]
             for tr in doc.select("table.usage tbody tr")}
    resp = alice.get(url(f"/status/usage.csv?from={d}&to={d}"))
    assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    # The byte order mark, so that spreadsheets read it as UTF-8.
    assert resp.content.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))))
    assert parsed[0] == ["room", "confirmed_hours", "pending_hours", "booked_hours",
                         "share_percent", "used_hours", "no_shows", "approval",
                         "buffer_minutes", "bookable_by"]
    assert {r[0]: r[1:7] for r in parsed[1:]} == table
    assert alice.get(url("/status/usage?from=2026-12-10&to=2026-12-01")).status_code == 422


def test_usage_csv_defuses_formulas_in_room_names(alice):
    sql("INSERT INTO rooms (name, location, capacity) VALUES ('=HYPERLINK(\"x\")', 'F', 3)")
    try:
        text = alice.get(url("/status/usage.csv")).text
        assert '"\'=HYPERLINK(""x"")"' in text
    finally:
        sql("DELETE FROM rooms WHERE location = 'F' AND capacity = 3")


def test_status_pages_work_at_every_step_without_javascript(alice):
    for path in ("/status", "/status/day", "/status/usage", "/status/rooms/1"):
        resp = alice.get(url(path))
        assert resp.status_code == 200
        doc = BeautifulSoup(resp.text, "html.parser")
        # One script, only to help (the header's menu, arrows in the grid):
        # every link and form is in the page as sent.
        scripts = doc.select("script")
        assert [(s.get("src"), s.has_attr("defer"), s.get_text()) for s in scripts] == \
            [("/static/app.js", True, "")]
    grid = BeautifulSoup(alice.get(url("/status/day")).text, "html5lib")
    assert grid.select(f"table.day-grid {GRID_FREE}")


def test_the_list_starts_at_the_soonest_upcoming_booking(alice):
    _, rid = new_room()
    day = quiet_day(rid)
    upcoming = [booked_id(book(alice, rid, fmt(local(day, h)), fmt(local(day, h, 30)),
                               title=f"Soon {h}")) for h in (15, 9, 12)]
    past = booked_id(book(alice, rid, fmt(local(day, 17)), fmt(local(day, 18)), title="Past"))
    set_in_both(past, starts_at="UTC_TIMESTAMP() - INTERVAL 3 HOUR",
                ends_at="UTC_TIMESTAMP() - INTERVAL 2 HOUR")
    doc, got = rows_of(alice, f"/status?room={rid}")
    # Upcoming, soonest first; what has passed is one page back.
    assert got == [upcoming[1], upcoming[2], upcoming[0]]
    assert doc.select_one("#next") is None
    earlier = doc.select_one("#previous")["href"]
    doc, got = rows_of(alice, earlier)
    assert got == [past]
    # And from there forward again to the upcoming ones.
    assert rows_of(alice, doc.select_one("#next")["href"])[1] == \
        [upcoming[1], upcoming[2], upcoming[0]]


def test_everyone_can_list_only_their_own(alice, filled_room):
    _, rid, ids = filled_room
    bob = login("bob")
    doc, got = rows_of(bob, f"/status?room={rid}&mine=1")
    assert got == [ids[-1]]  # bob's one booking in the room
    assert doc.select_one("#mine").has_attr("checked")
    assert "mine=1" in (doc.select_one("#previous") or doc.select_one("#next"))["href"]
    _, mine = rows_of(alice, f"/status?room={rid}&mine=1")
    assert sorted(mine) == sorted(i for i in ids[:-1])
    # Someone else's list stays the administrators'.
    assert bob.get(url("/status?mine=1&person=1")).status_code == 403
