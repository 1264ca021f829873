"""alice checks in when her meeting starts and out when it is over."""
import datetime
import math
import os
import pathlib
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from test_book_and_approve import (TZ, book_through_the_form, far_slot, log_in, open_request,
                                   press_and_wait)

CLOCK = pathlib.Path(os.environ.get("RB_CLOCK_FILE", "var/test/clock"))


def set_clock(when):
    """The programs' clock, moved to `when` (see the integration helpers)."""
    CLOCK.write_text(f"{math.ceil(when.timestamp() - time.time())}\n")


def click_and_wait(browser, button_id, status):
    # The answer is a new page: wait for it before reading its status.
    press_and_wait(browser, browser.find_element(By.ID, button_id))
    WebDriverWait(browser, 10).until(
        EC.text_to_be_present_in_element((By.ID, "status"), status))


def test_alice_checks_in_and_out_from_her_booking_page(browser):
    hour = 15 if browser.get_window_size()["width"] < 600 else 17
    start, end = far_slot(64, hour)
    try:
        set_clock(start - datetime.timedelta(hours=3))
        log_in(browser, "alice")
        page = book_through_the_form(browser, f"Check-in {hour}", start, end)
        booking_id = page.rsplit("/", 1)[1]
        log_in(browser, "admin")
        open_request(browser, booking_id).find_element(
            By.CSS_SELECTOR, 'form[action$="/approve"] button').click()
        WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "done")))

        set_clock(start + datetime.timedelta(minutes=2))
        log_in(browser, "alice")
        browser.get(page)
        assert browser.find_element(By.ID, "status").text == "Confirmed"
        assert not browser.find_elements(By.ID, "checkout")
        click_and_wait(browser, "checkin", "In use")
        assert not browser.find_elements(By.ID, "checkin")

        set_clock(start + datetime.timedelta(minutes=40))
        browser.get(page)
        click_and_wait(browser, "checkout", "Completed")
        used = browser.find_element(By.ID, "used").text
        assert (start + datetime.timedelta(minutes=2)).astimezone(TZ).strftime("%H:%M") \
            in used
        assert (start + datetime.timedelta(minutes=40)).strftime("%H:%M") in used
        assert not browser.find_elements(By.ID, "checkin")
        assert not browser.find_elements(By.ID, "checkout")
    finally:
        CLOCK.unlink(missing_ok=True)
