"""The main journeys end to end, as people do them, at phone and at desktop
width: the administrator adds a room, alice and bob book, the administrator
approves, denies and closes the new room, everyone sees what became of
their requests, the status list and the day grid show it, alice checks in,
and logs out. Every main page is photographed and checked on the way
(checks.py: axe-core, labels, states in words, errors, focus, fit)."""
import datetime
import os
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from checks import check_page, open_menu, width_name
from test_book_and_approve import (TZ, book_through_the_form, log_in, open_request,
                                   press_and_wait, quiet_day, sql)
from test_check_in_and_out import CLOCK, click_and_wait, set_clock

# Rooms the administrator may add, after the demo's Amsterdam to Jakarta.
NEW_ROOMS = ["Kyoto", "Lisbon", "Madrid", "Nairobi", "Oslo", "Prague", "Quito", "Riga",
             "Seoul", "Tallinn", "Utrecht", "Vienna", "Warsaw", "Zagreb"]
HELSINKI = "Helsinki · Floor 3, north wing · seats 40"
COPENHAGEN = "Copenhagen · Floor 1, south wing · seats 12"
CLOSED_BECAUSE = "Water damage; closed for repairs"
DENIED_BECAUSE = "The board meets there that afternoon"
# The meetings, at desktop width and at phone width: alice's that is
# approved and checked into, alice's that is denied, bob's in the room
# that closes.
TITLES = {"desktop": ("Quarterly planning", "Customer workshop prep", "Design review"),
          "phone": ("Budget review", "Onboarding session", "Team retrospective")}


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), TZ)


def a_new_room_name():
    taken = set(sql("SELECT name FROM rooms").splitlines())
    return next(n for n in NEW_ROOMS if n not in taken)


def roomctl(*args):
    out = subprocess.run([os.path.join(os.environ.get("RB_BIN", "build/asan/bin"), "roomctl"),
                          "-c", os.path.join(os.environ.get("RB_VAR", "var/test"), "etc",
                                             "roombook.ini"), *args],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def go(browser, path):
    browser.get(browser.base + path)


def submit(browser, form_selector):
    """Presses the form's button and waits for the page that answers."""
    press_and_wait(browser, browser.find_element(
        By.CSS_SELECTOR, f"{form_selector} button[type=submit]"))


def text(browser, selector):
    return browser.find_element(By.CSS_SELECTOR, selector).text


def listed_state(browser, booking_url):
    """The state a list (my bookings, the status list) shows for a booking."""
    booking_id = booking_url.rsplit("/", 1)[1]
    return text(browser, f'li.booking:has(a[href="/bookings/{booking_id}"]) .badge,'
                         f' tr.row[data-id="{booking_id}"] .badge')


def unread(browser):
    open_menu(browser)
    found = browser.find_elements(By.CSS_SELECTOR, 'header nav a[href="/notifications"] .count')
    # "100+": the count stops there.
    return int(found[0].text.rstrip("+")) if found else 0


def messages(browser):
    go(browser, "/notifications")
    return [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".note .message")]


def test_from_a_new_room_to_a_checked_in_meeting(browser):
    wait = WebDriverWait(browser, 10)
    day = quiet_day(["Helsinki", "Copenhagen"])
    room = a_new_room_name()

    # A visitor finds the login form.
    browser.delete_all_cookies()
    go(browser, "/login?next=/rooms")
    titles = TITLES[width_name(browser)]  # once a page sets the viewport
    planning = (titles[0], at(day, 10), at(day, 11))
    workshop = (titles[1], at(day, 14), at(day, 15, 30))
    review = (titles[2], at(day, 13), at(day, 14))
    assert browser.find_element(By.ID, "login") == browser.switch_to.active_element
    check_page(browser, "login")

    # The administrator adds a room; the form first says what is missing.
    browser.find_element(By.ID, "login").send_keys("admin")
    browser.find_element(By.ID, "password").send_keys("demo")
    submit(browser, 'form[action="/login"]')
    assert browser.current_url == browser.base + "/rooms"
    check_page(browser, "rooms")
    browser.find_element(By.LINK_TEXT, "Add a room").click()
    wait.until(EC.presence_of_element_located((By.ID, "name")))
    check_page(browser, "room form")
    submit(browser, 'form[action="/admin/rooms"]')
    assert browser.switch_to.active_element.get_attribute("id") == "name"
    assert browser.find_element(By.ID, "name").get_attribute("aria-invalid") == "true"
    check_page(browser, "room form with errors", expect_errors=True)
    browser.find_element(By.ID, "name").send_keys(room)
    browser.find_element(By.ID, "location").send_keys("Floor 4, garden side")
    browser.find_element(By.ID, "capacity").send_keys("8")
    browser.find_element(By.ID, "description").send_keys("Daylight, a long table and a screen.")
    submit(browser, 'form[action="/admin/rooms"]')
    assert "has been added" in text(browser, "#notice")
    room_url = browser.current_url.split("?")[0]
    room_choice = f"{room} · Floor 4, garden side · seats 8"

    # alice asks for two rooms; both wait for a decision.
    log_in(browser, "alice")
    check_page(browser, "home")
    go(browser, "/bookings/new")
    check_page(browser, "new booking form")
    planning_url = book_through_the_form(browser, *planning, room=HELSINKI, attendees=12)
    assert text(browser, "#status") == "Pending approval"
    assert "10:00" in text(browser, "#when") and "11:00" in text(browser, "#when")
    check_page(browser, "booking page")
    workshop_url = book_through_the_form(browser, *workshop, room=COPENHAGEN, attendees=10)
    assert text(browser, "#status") == "Pending approval"
    go(browser, "/bookings")
    assert listed_state(browser, planning_url) == "Pending approval"
    assert listed_state(browser, workshop_url) == "Pending approval"
    check_page(browser, "my bookings")

    # bob asks for the new room.
    log_in(browser, "bob")
    review_url = book_through_the_form(browser, *review, room=room_choice, attendees=5)
    assert text(browser, "#status") == "Pending approval"

    # The administrator approves one, denies one with a reason, approves
    # bob's, then closes the new room, which cancels bob's booking.
    log_in(browser, "admin")
    assert unread(browser) >= 3  # administrators hear of every request
    ids = {url.rsplit("/", 1)[1]: title for url, title in
           ((planning_url, planning[0]), (workshop_url, workshop[0]), (review_url, review[0]))}
    for booking_id, title in ids.items():
        assert title in open_request(browser, booking_id).text
    check_page(browser, "approvals queue")
    planning_id, workshop_id, review_id = ids
    open_request(browser, planning_id)
    submit(browser, f'#request-{planning_id} form[action$="/approve"]')
    assert "has been told" in text(browser, "#done")
    # Denying needs a reason: without one the field says so and has focus.
    open_request(browser, workshop_id)
    submit(browser, f'#request-{workshop_id} form[action$="/deny"]')
    assert browser.switch_to.active_element.get_attribute("id") == f"reason-{workshop_id}"
    check_page(browser, "approvals queue with errors", expect_errors=True)
    browser.find_element(By.ID, f"reason-{workshop_id}").send_keys(DENIED_BECAUSE)
    submit(browser, f'#request-{workshop_id} form[action$="/deny"]')
    assert "has been told" in text(browser, "#done")
    open_request(browser, review_id)
    submit(browser, f'#request-{review_id} form[action$="/approve"]')
    assert not browser.find_elements(By.ID, f"request-{review_id}")
    browser.get(room_url)
    assert review[0] in text(browser, "ul.bookings")
    assert "Confirmed" in text(browser, "ul.bookings .badge")
    check_page(browser, "room (administrator)")
    browser.find_element(By.ID, "reason").send_keys(CLOSED_BECAUSE)
    submit(browser, 'form[action$="/unavailable"]')
    # Closing asks first, on a page of its own, naming what it cancels.
    assert review[0] in text(browser, "#to-cancel")
    check_page(browser, "close a room: confirm")
    submit(browser, 'form[action$="/unavailable"]')
    notice = text(browser, "#notice")
    assert "1 booking was cancelled" in notice and review[0] in notice
    assert text(browser, "#state") == f"Unavailable: {CLOSED_BECAUSE}"
    go(browser, "/admin")
    assert "bob" in text(browser, "table.list")
    check_page(browser, "administration")

    # bob is told why his booking went.
    log_in(browser, "bob")
    assert unread(browser) >= 2
    said = messages(browser)
    assert any(review[0] in m and m.endswith("is confirmed.") for m in said), said
    assert any(review[0] in m and m.endswith(f"was cancelled by Ada Admin: {CLOSED_BECAUSE}")
               for m in said), said
    check_page(browser, "notifications")
    browser.get(review_url)
    assert text(browser, "#status") == "Cancelled"
    assert CLOSED_BECAUSE in text(browser, "#reason")

    # alice sees both outcomes.
    log_in(browser, "alice")
    said = messages(browser)
    assert any(planning[0] in m and m.endswith("is confirmed.") for m in said), said
    assert any(workshop[0] in m and m.endswith(f"was denied: {DENIED_BECAUSE}")
               for m in said), said
    go(browser, "/bookings")
    assert listed_state(browser, planning_url) == "Confirmed"
    assert listed_state(browser, workshop_url) == "Denied"

    # Her account, and a page that is not there.
    go(browser, "/account")
    assert text(browser, "#account-login") == "alice"
    check_page(browser, "account")
    go(browser, "/bookings/999999999")
    assert text(browser, "h1 .code") == "404"
    check_page(browser, "not found")

    # The status list of that day: each booking in the state it reached.
    go(browser, f"/status?from={day.isoformat()}&to={day.isoformat()}")
    assert listed_state(browser, planning_url) == "Confirmed"
    assert listed_state(browser, workshop_url) == "Denied"
    assert listed_state(browser, review_url) == "Cancelled"
    check_page(browser, "status list")

    # The day grid: alice's meeting in Helsinki, Copenhagen free again at
    # 14:00, nothing bookable in the closed room.
    grid = f"/status/day?date={day.isoformat()}"
    go(browser, grid)
    cell = browser.find_element(By.XPATH, "//tr[th/a[text()='Helsinki']]/td[@class]")
    assert cell.get_attribute("class") == "confirmed"
    assert cell.get_attribute("colspan") == "4"
    assert planning[0] in cell.text and "Confirmed" in cell.text
    copenhagen = browser.find_element(By.XPATH, "//tr[th/a[text()='Copenhagen']]")
    assert not copenhagen.find_elements(By.CSS_SELECTOR, "td.confirmed, td.pending")
    assert copenhagen.find_elements(By.CSS_SELECTOR, 'td > a[href$=".840"]')  # 14:00
    closed = browser.find_element(By.XPATH, f"//tr[th/a[text()='{room}']]")
    assert not closed.find_elements(By.CSS_SELECTOR, "td > a, td.confirmed, td.pending")
    check_page(browser, "day grid")

    # Helsinki's week: the meeting is one cell down its four slots; the
    # closed room's week has nothing to book.
    week = "{}-W{:02d}".format(*day.isocalendar()[:2])
    browser.find_element(By.LINK_TEXT, "Helsinki").click()
    wait.until(EC.url_contains("/status/rooms/"))
    helsinki_week = browser.current_url.split("?")[0] + f"?week={week}"
    browser.get(helsinki_week)
    cell = browser.find_element(By.CSS_SELECTOR, "table.week-grid td.confirmed:has("
                                                 f'a[href="/bookings/{planning_id}"])')
    assert cell.get_attribute("rowspan") == "4"
    assert planning[0] in cell.text and "Confirmed" in cell.text
    check_page(browser, "room week")
    go(browser, f"/status/rooms/{room_url.rsplit('/', 1)[1]}?week={week}")
    assert not browser.find_elements(By.CSS_SELECTOR, "table.week-grid a")
    check_page(browser, "room week, closed room")

    # The meeting starts (weeks later: she logs in again) and alice checks in
    # from her booking page.
    try:
        set_clock(planning[1] + datetime.timedelta(minutes=2))
        log_in(browser, "alice")
        browser.get(planning_url)
        click_and_wait(browser, "checkin", "In use")
        go(browser, grid)
        cell = browser.find_element(By.XPATH, "//tr[th/a[text()='Helsinki']]/td[@class="
                                              "'in_use']")
        assert "In use" in cell.text
        # Slots before now are no longer offered.
        assert not browser.find_elements(By.CSS_SELECTOR, 'td > a[href$=".540"]')  # 09:00
        check_page(browser, "day grid, meeting in use")
    finally:
        CLOCK.unlink(missing_ok=True)

    # The nightly refresh counts the day's hours for the usage page.
    roomctl("refresh-status")
    log_in(browser, "alice")
    go(browser, f"/status/usage?from={day.isoformat()}&to={day.isoformat()}")
    usage = browser.find_element(By.XPATH, "//table[contains(@class, 'usage')]"
                                           "//tr[td[@class='name' and text()='Helsinki']]")
    assert usage.find_element(By.CSS_SELECTOR, ".booked").text == "1.0"
    check_page(browser, "usage")

    # Her list of bookings now: the meeting in use, the request denied.
    go(browser, "/bookings")
    assert listed_state(browser, planning_url) == "In use"
    assert listed_state(browser, workshop_url) == "Denied"
    check_page(browser, "my bookings, later")

    # alice logs out; her pages are closed to the browser she leaves.
    open_menu(browser)
    submit(browser, "header form.logout")
    assert "/login?bye=1" in browser.current_url
    assert text(browser, "main .notice") == "You have logged out."
    go(browser, "/bookings")
    assert "/login?next=" in browser.current_url
