"""The task a new user tried: book Berlin for six people on a Monday at
14:00, from the home page, counting every click and every page on the way
(the grid asks for the day and the seats once, then the slot is one
click)."""
import datetime
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from checks import check_page, width_name
from test_book_and_approve import TZ, log_in, sql

# What it took before the day grid was where people book: six clicks and
# seven pages (home, book form, rooms list, room, day grid, form, booking).
TITLES = {"desktop": "Monday planning", "phone": "Monday stand-in"}


class Counter:
    """Counts the clicks a person makes and the pages the browser loads."""

    def __init__(self, browser):
        self.browser, self.clicks, self.pages = browser, 0, 1

    def click(self, element):
        """Clicks and waits for the page it leads to."""
        self.browser.execute_script("window.__old = true")
        self.browser.execute_script(
            "arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element)
        element.click()
        WebDriverWait(self.browser, 10).until(
            lambda b: b.execute_script("return window.__old === undefined"))
        self.clicks += 1
        self.pages += 1


def a_free_monday():
    """A Monday some weeks ahead on which Berlin is free at 14:00."""
    day = datetime.datetime.now(TZ).date() + datetime.timedelta(days=28)
    while True:
        while day.weekday() != 0:
            day += datetime.timedelta(days=1)
        lo = datetime.datetime.combine(day, datetime.time(14), TZ)
        utc = [t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
               for t in (lo, lo + datetime.timedelta(hours=1))]
        if sql("SELECT COUNT(*) FROM bookings b JOIN rooms r ON r.id = b.room_id"
               " WHERE r.name = 'Berlin' AND b.status IN ('pending','confirmed','in_use')"
               f" AND b.starts_at < '{utc[1]}' AND b.ends_at > '{utc[0]}'") == "0":
            return day
        day += datetime.timedelta(days=7)


def test_berlin_for_six_on_monday_at_two_in_four_clicks(browser):
    monday = a_free_monday()
    log_in(browser, "alice")
    browser.get(browser.base + "/")
    steps = Counter(browser)
    # The home page leads to the grid.
    steps.click(browser.find_element(By.CSS_SELECTOR, "main a.button[href='/status/day']"))
    assert browser.find_element(By.CSS_SELECTOR, "table.day-grid")
    # The day and the seats, typed into the grid's own form.
    browser.execute_script("document.getElementById('date').value = arguments[0]",
                           monday.isoformat())
    seats = browser.find_element(By.ID, "min_capacity")
    seats.clear()
    seats.send_keys("6")
    steps.click(browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    rooms = [th.text.split("\n")[0] for th in
             browser.find_elements(By.CSS_SELECTOR, ".day-grid tbody th")]
    assert "Berlin" in rooms and "Dublin" not in rooms  # Dublin seats 2
    check_page(browser, "day grid, six seats")
    # The 14:00 slot of Berlin, found by its name as a screen reader says it.
    slot = next(a for a in browser.find_elements(
        By.CSS_SELECTOR, ".day-grid tr[data-room] td:not([class]) > a")
        if a.accessible_name == f"Book Berlin, {monday:%A %d %B %Y}, 14:00")
    steps.click(slot)
    assert browser.find_element(By.ID, "starts_at").get_attribute("value") == \
        f"{monday.isoformat()}T14:00"
    assert browser.find_element(By.ID, "attendees").get_attribute("value") == "6"
    assert browser.find_element(By.CSS_SELECTOR, "#room_id option:checked").text \
        .startswith("Berlin")
    browser.find_element(By.ID, "title").send_keys(TITLES[width_name(browser)])
    steps.click(browser.find_element(By.ID, "request"))
    assert re.search(r"/bookings/\d+$", browser.current_url)
    assert browser.find_element(By.ID, "status").text == "Pending approval"
    assert "14:00" in browser.find_element(By.ID, "when").text
    check_page(browser, "booked from the grid")
    # Home, the grid, the grid of that Monday for six, the form, the booking.
    assert (steps.clicks, steps.pages) == (4, 5)
