"""The home page is rendered from the database through the templates."""
import datetime

from bs4 import BeautifulSoup

import pytest

from conftest import (SITE_TZ, book, booked_id, csrf_of, drop_user, get, login, quiet_day,
                      room_id, set_clock, sql, sql_value, temporary_user, url)

NAV = {"Rooms by day": "/status/day", "Book a room": "/bookings/new", "Find a room": "/rooms/find",
       "My bookings": "/bookings", "Rooms": "/rooms",
       "Status": "/status"}


def page(path="/"):
    resp = get(path)
    assert resp.status_code == 200
    return BeautifulSoup(resp.text, "html.parser")


def test_home_page_has_the_navigation():
    doc = page()
    links = {a.get_text(strip=True): a["href"] for a in doc.select("header nav a")}
    assert links == NAV  # anonymous: no Admin link
    assert doc.title.get_text().endswith("roombook")
    assert doc.select_one('a.brand[aria-current="page"]')


def next_weekday(weekday, hour):
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=1)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(hour), SITE_TZ)


@pytest.mark.usefixtures("real_clock_after")
def test_right_now_names_the_free_rooms_or_when_rooms_open():
    at = next_weekday(1, 10)  # a Tuesday, 10:00
    set_clock(at)
    uid = sql_value("SELECT id FROM users WHERE login = 'alice'")
    # Berlin held now, Dublin closed now: neither is free.
    out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at,"
              f" status) VALUES ({room_id('Berlin')}, {uid}, 'Held now', 2,"
              f" '{utc_text(at.date(), 9)}', '{utc_text(at.date(), 11)}', 'confirmed')")
    assert out.returncode == 0, out.stderr
    held = sql_value("SELECT MAX(id) FROM bookings")
    sql(f"UPDATE rooms SET closed_from = '{utc_text(at.date(), 8)}',"
        f" closed_until = '{utc_text(at.date(), 12)}', unavailable_reason = 'Cleaning'"
        f" WHERE name = 'Dublin'")
    try:
        doc = page()
        said = doc.select_one("#free-now")
        total = int(sql_value("SELECT COUNT(*) FROM rooms"))
        assert int(said["data-rooms"]) == total
        free = int(said["data-free"])
        assert said.get_text() == f"{free} of {total} rooms are free now."
        names = [a.get_text() for a in doc.select(".free-now a")]
        assert "Berlin" not in names and "Dublin" not in names and "Amsterdam" in names
        link = doc.select_one(".free-now a")["href"]
        assert f"start={at:%Y-%m-%d}T10%3A15" in link  # the next slot
        now = utc_text(at.date(), 10)
        closed_or_held = int(sql_value(
            "SELECT COUNT(*) FROM rooms r WHERE (r.closed_from <= '" + now + "' AND"
            " (r.closed_until IS NULL OR r.closed_until > '" + now + "')) OR EXISTS"
            " (SELECT 1 FROM bookings b WHERE b.room_id = r.id AND b.status IN"
            " ('pending','confirmed','in_use') AND b.starts_at <= '" + now + "'"
            " AND b.ends_at > '" + now + "')"))
        assert closed_or_held >= 2 and free == total - closed_or_held
        # A Saturday: no count of "available" rooms, but when they open.
        set_clock(next_weekday(5, 10))
        doc = page()
        assert doc.select_one("#free-now") is None
        monday = next_weekday(5, 10).date() + datetime.timedelta(days=2)
        assert doc.select_one("#closed-now").get_text() == \
            f"Rooms are closed now; they open again {monday:%a %d %b %Y}, 07:00."
    finally:
        sql(f"DELETE FROM bookings WHERE id = {held}")
        sql("UPDATE rooms SET closed_from = NULL, closed_until = NULL,"
            " unavailable_reason = NULL WHERE name = 'Dublin'")


def test_dynamic_pages_carry_the_security_headers_and_are_not_cached():
    resp = get("/")
    h = resp.headers
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["X-Frame-Options"] == "DENY"
    assert h["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in h["Content-Security-Policy"]
    assert h["Cache-Control"] == "no-store"
    assert h["Content-Type"] == "text/html; charset=utf-8"


def test_rooms_page_lists_the_demo_rooms():
    doc = page("/rooms")
    names = [h.get_text() for h in doc.select(".room h2")]
    assert len(names) == int(sql_value("SELECT COUNT(*) FROM rooms"))
    assert "Amsterdam" in names
    book = doc.select_one(".room a.button")["href"]
    assert book.startswith("/bookings/new?room_id=")
    assert doc.select_one('nav a[aria-current="page"]').get_text() == "Rooms"


def utc_text(day, hour):
    t = datetime.datetime.combine(day, datetime.time(hour), SITE_TZ)
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def test_my_next_bookings_are_the_live_ones_soonest_first():
    who = temporary_user("homebody")
    try:
        person = login(who)
        doc = BeautifulSoup(person.get(url("/")).text, "html.parser")
        assert doc.select_one("#no-next") is not None
        day = quiet_day()
        made = {h: booked_id(book(person, start=f"{day}T{h:02d}:00", end=f"{day}T{h:02d}:30",
                                  title=f"Next {h}")) for h in (12, 9, 11, 10)}
        # A cancelled one is not among them.
        token = csrf_of(person.get(url(f"/bookings/{made[9]}")).text)
        assert person.post(url(f"/bookings/{made[9]}/cancel"), data={"csrf": token},
                           allow_redirects=False).status_code == 303
        doc = BeautifulSoup(person.get(url("/")).text, "html.parser")
        assert [a.get_text() for a in doc.select("#next-bookings a")] == \
            ["Next 10", "Next 11", "Next 12"]
        assert doc.select_one("#pending") is None  # not a decider
    finally:
        sql("DELETE FROM booking_status WHERE user_id = (SELECT id FROM users"
            f" WHERE login = '{who}')")
        for table in ("notifications", "booking_events"):
            sql(f"DELETE x FROM {table} x JOIN bookings b ON b.id = x.booking_id"
                f" JOIN users u ON u.id = b.user_id WHERE u.login = '{who}'")
        sql(f"DELETE b FROM bookings b JOIN users u ON u.id = b.user_id WHERE u.login = '{who}'")
        drop_user(who)


def test_a_long_approval_queue_is_shown_capped():
    uid = sql_value("SELECT id FROM users WHERE login = 'alice'")
    # The queue is made exactly as long as the test needs: the requests
    # other tests left waiting are parked meanwhile (bookings table only).
    # Parked by id in a table of their own: a list in a string would be cut
    # at group_concat_max_len when many are waiting.
    out = sql("CREATE TABLE parked_requests AS SELECT id FROM bookings WHERE status = 'pending';"
              " UPDATE bookings b JOIN parked_requests p ON p.id = b.id"
              " SET b.status = 'expired'")
    assert out.returncode == 0, out.stderr
    admin = login("admin")

    def waiting():
        doc = BeautifulSoup(admin.get(url("/")).text, "html.parser")
        nav = doc.select_one('header nav a[href="/admin/approvals"] .count')
        return doc.select_one("#pending")["data-count"], nav.get_text() if nav else "0"

    try:
        assert waiting() == ("0", "0")
        out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at,"
                  f" ends_at) SELECT {room_id()}, {uid}, 'Queue', 2,"
                  " '2030-01-01' + INTERVAL seq HOUR, '2030-01-01' + INTERVAL seq HOUR"
                  " + INTERVAL 30 MINUTE FROM seq_1_to_99")
        assert out.returncode == 0, out.stderr
        assert waiting() == ("99", "99")  # counted exactly up to the cap
        out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at,"
                  f" ends_at) VALUES ({room_id()}, {uid}, 'Queue', 2, '2029-12-31 10:00',"
                  " '2029-12-31 10:30')")
        assert out.returncode == 0, out.stderr
        assert waiting() == ("100+", "100+")
    finally:
        sql("DELETE FROM bookings WHERE title = 'Queue' AND starts_at >= '2029-12-31'")
        assert sql("UPDATE bookings b JOIN parked_requests p ON p.id = b.id"
                   " SET b.status = 'pending'; DROP TABLE parked_requests").returncode == 0
