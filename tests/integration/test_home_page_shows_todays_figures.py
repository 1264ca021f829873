"""The home page is rendered from the database through the templates."""
from bs4 import BeautifulSoup

from conftest import get, sql, sql_value

NAV = {"Book a room": "/bookings/new", "My bookings": "/bookings", "Rooms": "/rooms",
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
