"""The day grid at phone and desktop width; a free cell opens the form."""
import datetime
import os
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

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
    link = row.find_elements(By.CSS_SELECTOR, "td.free a.book")[8]  # 09:00
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
    WebDriverWait(browser, 10).until(EC.url_contains("date=2027-01-06"))
    assert "Wednesday 06 January 2027" == browser.find_element(By.TAG_NAME, "h1").text
