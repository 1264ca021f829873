"""The home page is rendered from the database through the templates."""
import datetime

from bs4 import BeautifulSoup

from conftest import SITE_TZ, get, room_id, sql, sql_value

NAV = {"Rooms by day": "/status/day", "Book a room": "/bookings/new", "My bookings": "/bookings", "Rooms": "/rooms",
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


def test_room_figures_follow_the_database():
    total = int(sql_value("SELECT COUNT(*) FROM rooms"))
    doc = page()
    assert int(doc.select_one("#rooms-total").get_text()) == total
    out = sql("INSERT INTO rooms (name, location, capacity, status, unavailable_reason)"
              " VALUES ('Home-test room', 'Floor 9', 5, 'unavailable', 'painting')")
    assert out.returncode == 0, out.stderr
    try:
        doc = page()
        assert int(doc.select_one("#rooms-total").get_text()) == total + 1
        available = int(sql_value("SELECT COUNT(*) FROM rooms WHERE status = 'available'"))
        assert int(doc.select_one("#rooms-available").get_text()) == available
    finally:
        sql("DELETE FROM rooms WHERE name = 'Home-test room'")


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


def figure(name):
    return page().select_one(f"#{name}").get_text()


def utc_text(day, hour):
    t = datetime.datetime.combine(day, datetime.time(hour), SITE_TZ)
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def test_bookings_today_counts_the_site_days_bookings():
    today = datetime.datetime.now(SITE_TZ).date()
    uid = sql_value("SELECT id FROM users WHERE login = 'alice'")
    before = int(figure("bookings-today"))
    made = []
    try:
        # Early and late on the site's today count; yesterday's and
        # tomorrow's do not, nor a cancelled one.
        for day, hour, status in ((today, 0, "confirmed"), (today, 23, "pending"),
                                  (today, 12, "cancelled"),
                                  (today - datetime.timedelta(days=1), 23, "confirmed"),
                                  (today + datetime.timedelta(days=1), 0, "confirmed")):
            out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at,"
                      f" ends_at, status) VALUES ({room_id()}, {uid}, 'Home figures', 2,"
                      f" '{utc_text(day, hour)}', '{utc_text(day, hour)}' + INTERVAL 30 MINUTE,"
                      f" '{status}')")
            assert out.returncode == 0, out.stderr
            made.append(sql_value("SELECT MAX(id) FROM bookings"))
        assert int(figure("bookings-today")) == before + 2
    finally:
        if made:
            sql(f"DELETE FROM bookings WHERE id IN ({','.join(made)})")


def test_a_long_approval_queue_is_shown_capped():
    uid = sql_value("SELECT id FROM users WHERE login = 'alice'")
    # The queue is made exactly as long as the test needs: the requests
    # other tests left waiting are parked meanwhile (bookings table only).
    waiting = sql_value("SELECT GROUP_CONCAT(id) FROM bookings WHERE status = 'pending'")
    if waiting != "NULL":
        assert sql(f"UPDATE bookings SET status = 'expired' WHERE id IN ({waiting})"
                   ).returncode == 0
    try:
        assert figure("pending") == "0"
        out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at,"
                  f" ends_at) SELECT {room_id()}, {uid}, 'Queue', 2,"
                  " '2030-01-01' + INTERVAL seq HOUR, '2030-01-01' + INTERVAL seq HOUR"
                  " + INTERVAL 30 MINUTE FROM seq_1_to_99")
        assert out.returncode == 0, out.stderr
        assert figure("pending") == "99"  # counted exactly up to the cap
        out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at,"
                  f" ends_at) VALUES ({room_id()}, {uid}, 'Queue', 2, '2029-12-31 10:00',"
                  " '2029-12-31 10:30')")
        assert out.returncode == 0, out.stderr
        assert figure("pending") == "100+"
    finally:
        sql("DELETE FROM bookings WHERE title = 'Queue' AND starts_at >= '2029-12-31'")
        if waiting != "NULL":
            sql(f"UPDATE bookings SET status = 'pending' WHERE id IN ({waiting})")
