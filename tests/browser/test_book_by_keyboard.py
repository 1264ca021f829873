"""alice books a room with the keyboard alone: Tab and Shift+Tab reach every
control in a sensible order, focus always shows, and a mistake is
announced, marked on its field and given focus."""
import re

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from checks import RING, check_page, width_name
from test_book_and_approve import log_in, new_page, quiet_day

# At phone width the navigation and the account fold behind one button.
HEADER = {"desktop": ["Skip to content", "roombook", "Rooms by day", "Book a room",
                      "Find a room", "My bookings", "Rooms", "Status", "Notifications", "Alice Andersen",
                      "Log out"],
          "phone": ["Skip to content", "roombook", "Menu"]}
FORM = ["room_id", "starts_at", "ends_at", "title", "attendees", "find", "find-button",
        "repeat-summary", "private", "request"]

# What has focus (its id, or a link's or button's words), and whether a
# person can see it (checks.RING).
FOCUSED = RING + """
const e = document.activeElement, r = e.getBoundingClientRect(), seen = ring(e);
return {name: e.id || e.textContent.trim().replace(/\\s+\\d+\\+?$/, ''), ring: seen.shows,
        contrast: seen.contrast,
        onscreen: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight};
"""


def press(browser, *keys):
    ActionChains(browser).send_keys(*keys).perform()


def shift_tab(browser):
    ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()


def focused(browser):
    return browser.execute_script(FOCUSED)


def walk_focus(browser, step, until, limit=40):
    """Presses `step` until `until` has focus; the stops in order (a date
    field's parts are one stop), each checked to show its focus."""
    stops = []
    for _ in range(limit):
        step()
        now = focused(browser)
        assert now["ring"] and now["contrast"] >= 3, f"focus does not show on {now}"
        assert now["onscreen"], f"focus went off screen: {now}"
        if not stops or stops[-1] != now["name"]:
            stops.append(now["name"])
        if now["name"] == until:
            return stops
    raise AssertionError(f"{until} never got focus; stops: {stops}")


def test_alice_books_with_the_keyboard_alone(browser):
    day = quiet_day(["Copenhagen"])
    log_in(browser, "alice")
    browser.get(browser.base + "/bookings/new")
    title = {"phone": "Hiring panel", "desktop": "Sprint review"}[width_name(browser)]

    # Forward from the top: the header, then every field, then the button.
    stops = walk_focus(browser, lambda: press(browser, Keys.TAB), "request")
    assert stops == HEADER[width_name(browser)] + FORM
    # And back from the button, the same fields in reverse.
    back = walk_focus(browser, lambda: shift_tab(browser), "room_id")
    assert back == list(reversed(FORM[:-1]))

    # The skip link shows when focused and leads straight to the form.
    browser.get(browser.base + "/bookings/new")
    press(browser, Keys.TAB)
    skip = focused(browser)
    assert skip["name"] == "Skip to content" and skip["onscreen"]
    press(browser, Keys.ENTER)
    press(browser, Keys.TAB)
    assert focused(browser)["name"] == "room_id"

    # Fill it in by typing, leaving the title out, and send it with Enter.
    press(browser, "Cop")  # the list jumps to Copenhagen as one types
    assert browser.execute_script(
        "return document.getElementById('room_id').selectedOptions[0].text"
    ).startswith("Copenhagen")
    press(browser, Keys.TAB, day.strftime("%m%d%Y"), Keys.TAB, "0300P")
    assert browser.find_element(By.ID, "starts_at").get_attribute("value") == \
        f"{day.isoformat()}T15:00"
    walk_focus(browser, lambda: press(browser, Keys.TAB), "ends_at")
    press(browser, day.strftime("%m%d%Y"), Keys.TAB, "0400P")
    assert browser.find_element(By.ID, "ends_at").get_attribute("value") == \
        f"{day.isoformat()}T16:00"
    walk_focus(browser, lambda: press(browser, Keys.TAB), "attendees")  # past the title
    press(browser, "6")
    walk_focus(browser, lambda: press(browser, Keys.TAB), "request")
    with new_page(browser):
        press(browser, Keys.ENTER)

    # The answer says what is wrong, where, and puts the cursor there.
    assert "not sent" in browser.find_element(By.CSS_SELECTOR, "#form-errors[role=alert]").text
    assert browser.find_element(By.CSS_SELECTOR, 'header nav a[aria-current="page"]') \
        .get_attribute("textContent") == "Book a room"
    now = focused(browser)
    assert now["name"] == "title" and now["ring"] and now["contrast"] >= 3
    field = browser.switch_to.active_element
    assert field.get_attribute("aria-invalid") == "true"
    message = browser.find_element(By.ID, field.get_attribute("aria-describedby"))
    assert message.text and field.accessible_name == "Title"
    # What she typed is still there.
    assert browser.find_element(By.ID, "starts_at").get_attribute("value") == \
        f"{day.isoformat()}T15:00"
    assert browser.find_element(By.ID, "attendees").get_attribute("value") == "6"
    check_page(browser, "new booking form with errors", expect_errors=True)

    # She types the title where the cursor is and sends it with Space.
    press(browser, title)
    walk_focus(browser, lambda: press(browser, Keys.TAB), "request")
    with new_page(browser):
        press(browser, Keys.SPACE)
    assert re.search(r"/bookings/\d+$", browser.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    assert browser.find_element(By.ID, "status").text == "Pending approval"
    assert "15:00" in browser.find_element(By.ID, "when").text
