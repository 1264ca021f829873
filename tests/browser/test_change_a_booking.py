"""alice changes her booking's time in place and names a colleague with the
person picker, by keyboard, at phone and at desktop width: the same
booking, its history saying what changed, the page checked on the way."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from checks import check_page, width_name
from test_book_and_approve import (TZ, book_through_the_form, log_in, press_and_wait,
                                   quiet_day, set_datetime)

COPENHAGEN = "Copenhagen · Floor 1, south wing · seats 12"


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), TZ)


def test_alice_moves_her_booking_and_invites_bob(browser):
    day = quiet_day(["Copenhagen"])
    hour = 9 if width_name(browser) == "desktop" else 15
    title = f"Moved in place {width_name(browser)}"
    log_in(browser, "alice")
    booking_url = book_through_the_form(browser, title, at(day, hour), at(day, hour + 1),
                                        room=COPENHAGEN, attendees=3)
    booking_id = booking_url.rsplit("/", 1)[1]

    press_and_wait(browser, browser.find_element(By.ID, "change-link"))
    assert browser.current_url == f"{booking_url}/edit"
    assert browser.find_element(By.ID, "title").get_attribute("value") == title
    check_page(browser, "change form")

    # Half an hour later, by the form; bob found and ticked by keyboard.
    set_datetime(browser, "starts_at", at(day, hour, 30))
    set_datetime(browser, "ends_at", at(day, hour + 1, 30))
    find = browser.find_element(By.ID, "find")
    find.send_keys("Berg")
    with_enter = browser.find_element(By.ID, "find")
    browser.execute_script("window.rbLeaving = true")
    with_enter.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(
        lambda b: b.execute_script("return !window.rbLeaving && document.readyState"
                                   " === 'complete'"))
    found = browser.find_element(By.CSS_SELECTOR, '.found input[value="bob"]')
    # The times set before the search are still there.
    assert browser.find_element(By.ID, "starts_at").get_attribute("value") == \
        at(day, hour, 30).strftime("%Y-%m-%dT%H:%M")
    check_page(browser, "change form with people found")
    found.send_keys(Keys.SPACE)
    assert found.is_selected()
    press_and_wait(browser, browser.find_element(By.ID, "save-change"))

    assert browser.current_url == booking_url
    when = browser.find_element(By.ID, "when").text
    assert at(day, hour, 30).strftime("%H:%M") in when
    assert [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#participants li")] \
        == ["Bob Berg"]
    last = browser.find_elements(By.CSS_SELECTOR, ".event")[-1]
    assert last.find_element(By.CSS_SELECTOR, ".event-kind").text == "Changed"
    assert at(day, hour, 30).strftime("%H:%M") in \
        last.find_element(By.CSS_SELECTOR, ".event-changes").text
    check_page(browser, "changed booking")

    # bob sees it among his bookings, invited, and reads it.
    log_in(browser, "bob")
    browser.get(browser.base + "/bookings")
    item = browser.find_element(By.CSS_SELECTOR,
                                f'li.booking:has(a[href="/bookings/{booking_id}"])')
    assert "Invited by Alice Andersen" in item.text
    press_and_wait(browser, item.find_element(By.CSS_SELECTOR, "a"))
    assert browser.find_element(By.ID, "invited").text == \
        "Alice Andersen invited you to this booking."
    assert not browser.find_elements(By.ID, "change-link")
    WebDriverWait(browser, 5).until(EC.presence_of_element_located((By.ID, "participants")))
    check_page(browser, "invited booking")
