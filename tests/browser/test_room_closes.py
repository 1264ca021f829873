"""admin adds a room, alice books it, admin closes it, alice is told why."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from checks import open_menu
from test_book_and_approve import far_slot, log_in, set_datetime


def test_closing_a_room_cancels_alices_booking_and_tells_her(browser):
    wait = WebDriverWait(browser, 10)
    name = f"Orchard {uuid.uuid4().hex[:6]}"
    log_in(browser, "admin")
    browser.get(browser.base + "/rooms")
    browser.find_element(By.LINK_TEXT, "Add a room").click()
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "location").send_keys("Floor 4, garden side")
    browser.find_element(By.ID, "capacity").send_keys("6")
    browser.find_element(By.ID, "description").send_keys("Plants and a whiteboard.")
    browser.find_element(By.CSS_SELECTOR, 'form[action="/admin/rooms"] button').click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "notice"), "has been added"))
    room_url = browser.current_url.split("?")[0]

    log_in(browser, "alice")
    start, end = far_slot(65, 10)
    browser.get(browser.base + "/bookings/new")
    Select(browser.find_element(By.ID, "room_id")).select_by_visible_text(
        f"{name} · Floor 4, garden side · seats 6")
    set_datetime(browser, "starts_at", start)
    set_datetime(browser, "ends_at", end)
    browser.find_element(By.ID, "title").send_keys("Garden chat")
    browser.find_element(By.ID, "request").click()
    wait.until(EC.url_matches(r"/bookings/\d+$"))
    booking_url = browser.current_url

    log_in(browser, "admin")
    browser.get(room_url)
    browser.find_element(By.ID, "reason").send_keys("Roof repairs")
    browser.find_element(By.CSS_SELECTOR, 'form[action$="/unavailable"] button').click()
    # A page of its own says what will be cancelled, and asks.
    confirm = wait.until(EC.presence_of_element_located((By.ID, "confirm-close")))
    assert "Garden chat" in browser.find_element(By.ID, "to-cancel").text
    confirm.click()
    notice = wait.until(EC.presence_of_element_located((By.ID, "notice")))
    assert "1 booking was cancelled" in notice.text
    assert "Garden chat" in notice.text
    assert browser.find_element(By.ID, "state").text == "Unavailable: Roof repairs"

    log_in(browser, "alice")
    open_menu(browser)
    browser.find_element(By.CSS_SELECTOR, 'header nav a[href="/notifications"]').click()
    messages = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".note .message")]
    assert any("Garden chat" in m and m.endswith("was cancelled by Ada Admin: Roof repairs")
               for m in messages), messages
    browser.get(booking_url)
    assert browser.find_element(By.ID, "status").text == "Cancelled"
    assert "Roof repairs" in browser.find_element(By.ID, "reason").text
