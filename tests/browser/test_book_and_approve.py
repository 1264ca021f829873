"""alice books through the real form, admin decides in the queue, alice sees it."""
import contextlib
import datetime
import os
import subprocess
from zoneinfo import ZoneInfo

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from checks import open_menu

TZ = ZoneInfo(os.environ.get("RB_TIMEZONE", "America/New_York"))


def log_in(browser, who):
    browser.delete_all_cookies()
    browser.get(browser.base + "/login")
    browser.find_element(By.ID, "login").send_keys(who)
    browser.find_element(By.ID, "password").send_keys("demo")
    browser.find_element(By.CSS_SELECTOR, 'form[action="/login"] button').click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR,
                                                                     "header a.me")))


@contextlib.contextmanager
def new_page(browser):
    """Waits, after what the block does, until the page it leads to has
    loaded. A mark on the old page's window tells them apart; waiting for
    the old page to go stale can catch the browser between the two."""
    browser.execute_script("window.rbLeaving = true")
    yield
    WebDriverWait(browser, 10, ignored_exceptions=[WebDriverException]).until(
        lambda b: b.execute_script("return !window.rbLeaving && document.readyState"
                                   " === 'complete'"))


def press_and_wait(browser, element):
    with new_page(browser):
        element.click()


def far_slot(offset_days, hour):
    """A weekday slot far enough ahead to be clear of the HTTP suite's."""
    day = datetime.datetime.now(TZ).date() + datetime.timedelta(days=offset_days)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    start = datetime.datetime.combine(day, datetime.time(hour), TZ)
    return start, start + datetime.timedelta(hours=1)


def sql(statement):
    """One value from the test database, as root."""
    var = os.environ.get("RB_VAR", "var/test")
    out = subprocess.run(["mariadb", f"--defaults-file={var}/etc/mariadb.cnf", "-N", "-B",
                          "roombook", "-e", statement], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def quiet_day(rooms, first=21, last=86):
    """The first weekday from `first` days ahead on which none of the named
    rooms has a live booking, away from the days the other browser tests
    use (the HTTP suite fills other rooms' days before this suite runs)."""
    today = datetime.datetime.now(TZ).date()
    names = ", ".join(f"'{n}'" for n in rooms)
    for offset in range(first, last):
        day = today + datetime.timedelta(days=offset)
        if day.weekday() >= 5 or 60 <= offset <= 70:
            continue
        lo = datetime.datetime.combine(day, datetime.time(0), TZ)
        hi = lo + datetime.timedelta(days=1)
        utc = [t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
               for t in (lo, hi)]
        if sql("SELECT COUNT(*) FROM bookings b JOIN rooms r ON r.id = b.room_id"
               f" WHERE r.name IN ({names}) AND b.status IN ('pending', 'confirmed',"
               f" 'in_use') AND b.starts_at < '{utc[1]}' AND b.ends_at > '{utc[0]}'") == "0":
            return day
    raise AssertionError(f"no quiet day left for {rooms}")


def open_request(browser, booking_id):
    """The queue's page that holds the request (50 a page, soonest first),
    opened; the request's item."""
    browser.get(browser.base + "/admin/approvals")
    while True:
        found = browser.find_elements(By.ID, f"request-{booking_id}")
        if found:
            return found[0]
        more = browser.find_elements(By.ID, "next")
        assert more, f"request {booking_id} is on no page of the queue"
        press_and_wait(browser, more[0])


def set_datetime(browser, element_id, value):
    # datetime-local inputs take typing awkwardly; set the value as a person's
    # picker would, then let the form submit it.
    browser.execute_script("document.getElementById(arguments[0]).value = arguments[1]",
                           element_id, value.strftime("%Y-%m-%dT%H:%M"))


def book_through_the_form(browser, title, start, end,
                          room="Helsinki · Floor 3, north wing · seats 40", attendees=12):
    browser.get(browser.base + "/bookings/new")
    Select(browser.find_element(By.ID, "room_id")).select_by_visible_text(room)
    set_datetime(browser, "starts_at", start)
    set_datetime(browser, "ends_at", end)
    browser.find_element(By.ID, "title").send_keys(title)
    field = browser.find_element(By.ID, "attendees")
    field.clear()
    field.send_keys(str(attendees))
    browser.find_element(By.ID, "request").click()
    WebDriverWait(browser, 10).until(EC.url_matches(r"/bookings/\d+$"))
    return browser.current_url


@pytest.mark.parametrize("decision", ["approve", "deny"])
def test_alice_books_and_admin_decides(browser, decision):
    hour = 9 if decision == "approve" else 14
    if browser.get_window_size()["width"] < 600:
        hour += 2
    start, end = far_slot(60, hour)
    # A long unbroken word too: it must wrap, not widen the page.
    title = f"Browser {decision} {hour} " + "Q" * 60
    log_in(browser, "alice")
    booking_url = book_through_the_form(browser, title, start, end)
    assert browser.find_element(By.ID, "status").text == "Pending approval"
    assert start.strftime("%H:%M") in browser.find_element(By.ID, "when").text
    booking_id = booking_url.rsplit("/", 1)[1]

    log_in(browser, "admin")
    item = open_request(browser, booking_id)
    # However long a title in the queue, the page fits the screen.
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    assert title in item.text and "Alice Andersen" in item.text
    if decision == "approve":
        item.find_element(By.CSS_SELECTOR, 'form[action$="/approve"] button').click()
    else:
        item.find_element(By.ID, f"reason-{booking_id}").send_keys("Board meeting that day")
        item.find_element(By.CSS_SELECTOR, 'form[action$="/deny"] button').click()
    done = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "done")))
    assert "has been told" in done.text
    assert not browser.find_elements(By.ID, f"request-{booking_id}")

    log_in(browser, "alice")
    open_menu(browser)
    count = browser.find_element(By.CSS_SELECTOR, 'header nav a[href="/notifications"] .count')
    assert int(count.text.rstrip("+")) >= 1  # "100+": the count stops there
    browser.get(booking_url)
    status = browser.find_element(By.ID, "status").text
    browser.get(browser.base + "/notifications")
    messages = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".note .message")]
    if decision == "approve":
        assert status == "Confirmed"
        assert any(title in m and m.endswith("is confirmed.") for m in messages)
    else:
        assert status == "Denied"
        assert any(title in m and m.endswith("was denied: Board meeting that day")
                   for m in messages)
        browser.get(booking_url)
        assert "Board meeting that day" in browser.find_element(By.ID, "reason").text
