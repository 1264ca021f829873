"""An administrator gives a room its approvers (a group) through the room's
form; alice requests the room; bob, in the group and no administrator,
finds the request in his queue and approves it; alice sees it confirmed."""
import subprocess
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from checks import check_page, open_menu
from test_book_and_approve import (book_through_the_form, far_slot, log_in, open_request,
                                   press_and_wait, sql)


def roomctl(*args):
    import os
    root = os.environ.get("RB_ROOT", ".")
    var = os.environ.get("RB_VAR", "var/test")
    out = subprocess.run([f"{root}/build/asan/bin/roomctl", "-c", f"{var}/etc/roombook.ini",
                          *args], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_rooms_approver_decides_its_requests(browser):
    group = "Lab team " + uuid.uuid4().hex[:6]
    room = "Lab " + uuid.uuid4().hex[:6]
    roomctl("group", "add", group, "They run the lab")
    roomctl("group", "join", group, "bob")
    sql(f"INSERT INTO rooms (name, location, capacity) VALUES ('{room}', 'Floor 2', 8)")
    room_id = sql(f"SELECT id FROM rooms WHERE name = '{room}'")

    # The administrator finds the group among the groups, bob in it.
    log_in(browser, "admin")
    browser.get(browser.base + "/admin/groups")
    check_page(browser, "Groups")
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "li.group a")
                if a.text == group)
    press_and_wait(browser, link)
    check_page(browser, "Group")
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, "li.member .login")] == ["bob"]

    # And names it the room's approvers on the room's form.
    browser.get(browser.base + f"/admin/rooms/{room_id}/edit")
    check_page(browser, "Room form with policy")
    ticks = browser.find_elements(By.CSS_SELECTOR, 'input[name="approver_groups"]')
    tick = next(t for t in ticks if t.get_attribute("value") == group)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", tick)
    tick.click()
    Select(browser.find_element(By.ID, "approval")).select_by_value("required")
    press_and_wait(browser, browser.find_element(By.CSS_SELECTOR,
                                                 "form.form button[type=submit]"))
    approvers = browser.find_element(By.ID, "policy-approvers").text
    assert group in approvers

    # alice asks for the room.
    start, end = far_slot(45, 10 if browser.get_window_size()["width"] >= 600 else 15)
    title = "Lab calibration " + uuid.uuid4().hex[:4]
    log_in(browser, "alice")
    booking_url = book_through_the_form(browser, title, start, end,
                                        room=f"{room} · Floor 2 · seats 8", attendees=3)
    assert browser.find_element(By.ID, "status").text == "Pending approval"
    booking_id = booking_url.rsplit("/", 1)[1]

    # bob is no administrator, yet the request is his to decide.
    log_in(browser, "bob")
    open_menu(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, 'header nav a[href="/admin"]')
    queue_link = browser.find_element(By.CSS_SELECTOR, 'header nav a[href="/admin/approvals"]')
    assert int(queue_link.find_element(By.CSS_SELECTOR, ".count").text.rstrip("+")) >= 1
    item = open_request(browser, booking_id)
    check_page(browser, "Approvals of a room's approver")
    assert title in item.text and room in item.text
    # Only the rooms bob decides are in his queue.
    rooms = {e.text for e in browser.find_elements(By.CSS_SELECTOR, "li.request .room")}
    assert rooms == {room}
    item.find_element(By.CSS_SELECTOR, 'form[action$="/approve"] button').click()
    done = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "done")))
    assert "has been told" in done.text

    log_in(browser, "alice")
    browser.get(booking_url)
    assert browser.find_element(By.ID, "status").text == "Confirmed"
    assert sql(f"SELECT u.login FROM bookings b JOIN users u ON u.id = b.decided_by"
               f" WHERE b.id = {booking_id}") == "bob"
