"""alice finds a free room for six with a whiteboard and books it with the
keyboard alone: the finder's form, its answer best first, and the button
that books the room."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from checks import check_page, width_name
from test_book_and_approve import log_in, new_page, quiet_day
from test_book_by_keyboard import focused, press, walk_focus


def tab_until(browser, wanted, limit=80):
    """Presses Tab until the focused control's name starts with wanted."""
    for _ in range(limit):
        press(browser, Keys.TAB)
        now = focused(browser)
        assert now["ring"] and now["contrast"] >= 3, f"focus does not show on {now}"
        if now["name"].startswith(wanted):
            return now
    raise AssertionError(f"{wanted} never got focus")


def test_alice_finds_and_books_a_room_with_the_keyboard(browser):
    # Berlin and Geneva seat six and have a whiteboard; Florence seats 20.
    day = quiet_day(["Berlin", "Geneva", "Florence"])
    hour = {"phone": 9, "desktop": 10}[width_name(browser)]
    log_in(browser, "alice")
    browser.get(browser.base + "/rooms/find")
    check_page(browser, "room finder")
    browser.get(browser.base + f"/rooms/find?date={day}&from=14:00&to=15:00&people=6"
                "&feature=Whiteboard")
    check_page(browser, "room finder answer")
    browser.get(browser.base + "/rooms/find")

    walk_focus(browser, lambda: press(browser, Keys.TAB), "date")
    press(browser, day.strftime("%m%d%Y"))
    assert browser.find_element(By.ID, "date").get_attribute("value") == day.isoformat()
    walk_focus(browser, lambda: press(browser, Keys.TAB), "from")
    press(browser, f"{hour:02d}00A")
    walk_focus(browser, lambda: press(browser, Keys.TAB), "to")
    press(browser, f"{hour + 1:02d}00A")
    assert browser.find_element(By.ID, "from").get_attribute("value") == f"{hour:02d}:00"
    assert browser.find_element(By.ID, "to").get_attribute("value") == f"{hour + 1:02d}:00"
    walk_focus(browser, lambda: press(browser, Keys.TAB), "people")
    press(browser, Keys.BACKSPACE, "6")
    # Tick the whiteboard with Space.
    box = browser.find_element(By.CSS_SELECTOR, 'input[name="feature"][value="Whiteboard"]')
    while browser.switch_to.active_element != box:
        press(browser, Keys.TAB)
        assert focused(browser)["ring"]
    press(browser, Keys.SPACE)
    assert box.is_selected()
    walk_focus(browser, lambda: press(browser, Keys.TAB), "find")
    with new_page(browser):
        press(browser, Keys.ENTER)

    # Best first: the smallest rooms that fit, then the larger one.
    offers = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#offers a.room")]
    assert offers[:3] == ["Berlin", "Geneva", "Florence"], offers

    # The answer has the focus, and the first offer's button books it.
    WebDriverWait(browser, 5).until(lambda b: focused(b)["name"] == "found-heading")
    button = tab_until(browser, "Book Berlin")
    assert re.search(r"\d{2}:00.\d{2}:00", button["name"])
    with new_page(browser):
        press(browser, Keys.ENTER)
    assert re.search(r"/bookings/\d+$", browser.current_url), browser.current_url
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Berlin" in page and "Meeting" in page
