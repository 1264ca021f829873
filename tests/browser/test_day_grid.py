"""The day grid at phone and desktop width; a free cell opens the form."""
import datetime
import os
from zoneinfo import ZoneInfo

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from checks import width_name
from test_book_and_approve import log_in, sql

TZ = ZoneInfo(os.environ.get("RB_TIMEZONE", "America/New_York"))


def add_a_room_with_a_long_name():
    """Its sticky row header must still leave the slots clickable."""
    sql("INSERT IGNORE INTO rooms (name, location, capacity) VALUES"
        " ('Aaa the long-named conference room of the third floor', 'Floor 3', 6)")


def test_clicking_a_free_cell_opens_a_prefilled_booking_form(browser):
    add_a_room_with_a_long_name()
    day = datetime.datetime.now(TZ).date() + datetime.timedelta(days=70)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    log_in(browser, "alice")
    browser.get(f"{browser.base}/status/day?date={day.isoformat()}")
    assert browser.find_element(By.TAG_NAME, "h1").text == day.strftime("%A %d %B %Y")
    # The page itself fits the screen; the wide grid scrolls inside its box.
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    row = browser.find_element(By.XPATH, "//table[contains(@class,'day-grid')]//tr"
                                         "[th/a[text()='Berlin']]")
    link = row.find_elements(By.CSS_SELECTOR, "td:not([class]) > a")[8]  # 09:00
    # Named in full by the page's script, for a list of the page's links.
    assert link.accessible_name == f"Book Berlin, {day:%A %d %B %Y}, 09:00"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})",
                           link)
    link.click()
    WebDriverWait(browser, 10).until(EC.url_contains("/bookings/new"))
    room = browser.find_element(By.CSS_SELECTOR, "#room_id option:checked").text
    assert room.startswith("Berlin")
    assert browser.find_element(By.ID, "starts_at").get_attribute("value") == \
        f"{day.isoformat()}T09:00"
    assert browser.find_element(By.ID, "ends_at").get_attribute("value") == \
        f"{day.isoformat()}T10:00"


def test_the_day_grid_moves_between_days(browser):
    log_in(browser, "alice")
    browser.get(f"{browser.base}/status/day?date=2027-01-05")
    browser.find_element(By.ID, "next-day").click()
    WebDriverWait(browser, 10).until(EC.url_contains("/status/day/2027-01-06/"))
    assert "Wednesday 06 January 2027" == browser.find_element(By.TAG_NAME, "h1").text


def test_the_whole_day_shows_on_a_wide_screen_and_headers_stay_in_view(browser):
    log_in(browser, "alice")
    browser.get(f"{browser.base}/status/day")
    wrap = browser.find_element(By.CSS_SELECTOR, ".grid-wrap")
    sizes = browser.execute_script(
        "const w = arguments[0]; return [w.scrollWidth, w.clientWidth]", wrap)
    if width_name(browser) == "desktop":
        # Every opening hour without scrolling sideways.
        assert sizes[0] <= sizes[1], sizes
    else:
        # A phone scrolls the grid inside its box, not the page.
        assert sizes[0] > sizes[1]
        assert browser.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    # Scrolled down and right, the times and the rooms stay in view.
    browser.execute_script("arguments[0].scrollTo(10000, 10000)", wrap)
    top, left = browser.execute_script("""
        const w = arguments[0].getBoundingClientRect();
        const h = document.querySelector('.day-grid thead th.slot').getBoundingClientRect();
        const r = document.querySelector('.day-grid tbody th').getBoundingClientRect();
        return [Math.round(h.top - w.top), Math.round(r.left - w.left)];""", wrap)
    assert 0 <= top <= 2 and 0 <= left <= 2


def test_a_keyboard_moves_through_the_grid_by_rows_and_arrows(browser):
    log_in(browser, "alice")
    day = datetime.datetime.now(TZ).date() + datetime.timedelta(days=71)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    browser.get(f"{browser.base}/status/day?date={day.isoformat()}")
    assert browser.find_element(By.ID, "grid-keys").is_displayed()
    # Rooms that can be booked that day (a closed room's row has no links).
    rows = [tr for tr in browser.find_elements(By.CSS_SELECTOR, ".day-grid tbody tr")
            if tr.find_elements(By.CSS_SELECTOR, "td:not([class]) > a")]
    firsts = []
    for row in rows[:3]:
        links = row.find_elements(By.CSS_SELECTOR, "td a")
        tabbable = [a for a in links if a.get_attribute("tabindex") == "0"]
        assert len(tabbable) == 1  # one stop per room, not one per slot
        firsts.append(tabbable[0])
    # Tab goes from room to room: the room's name (its week), then its slots.
    browser.execute_script("arguments[0].focus()", firsts[0])
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element == rows[1].find_element(By.CSS_SELECTOR, "th a")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element == firsts[1]
    # The arrows go from time to time, and down to the next room.
    ActionChains(browser).send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform()
    here = browser.switch_to.active_element
    room = rows[1].find_element(By.CSS_SELECTOR, "th a").text
    assert here.accessible_name == \
        f"Book {room}, {day:%A %d %B %Y}, 07:30"
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
    below = browser.switch_to.active_element
    room_below = rows[2].find_element(By.CSS_SELECTOR, "th a").text
    assert below.accessible_name == f"Book {room_below}, {day:%A %d %B %Y}, 07:30"
    ActionChains(browser).send_keys(Keys.END).perform()
    assert browser.switch_to.active_element.accessible_name.endswith(", 19:45")
    # Enter books the slot focused.
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    WebDriverWait(browser, 10).until(EC.url_contains("/bookings/new"))
    assert browser.find_element(By.ID, "starts_at").get_attribute("value") == \
        f"{day.isoformat()}T19:45"
