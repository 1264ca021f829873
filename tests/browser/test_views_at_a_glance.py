"""The views people live in, in English and in Korean, at phone and at
desktop width: the status list (a line a row, the state in view), the
usage bars, the approval queue's ticked approvals, a room closed for an
afternoon after a page that asks, and someone's booking cancelled the
same way. Each page is photographed and checked (checks.py)."""
import datetime
import gettext
import os
import pathlib
import uuid

import pytest
from selenium.webdriver.common.by import By

from checks import check_page, width_name
from test_book_and_approve import TZ, log_in, press_and_wait, quiet_day, set_datetime, sql

ROOT = pathlib.Path(os.environ.get("RB_ROOT", pathlib.Path(__file__).resolve().parents[2]))
with open(ROOT / "build" / "i18n" / "locale" / "ko.mo", "rb") as f:
    KO = gettext.GNUTranslations(f).gettext


def words(lang, english):
    return KO(english) if lang == "ko" else english


def in_language(browser, who, lang):
    log_in(browser, who)
    browser.add_cookie({"name": "rb_lang", "value": lang, "path": "/"})


def go(browser, path):
    browser.get(browser.base + path)


def a_new_room(capacity=6):
    name = f"Glance {uuid.uuid4().hex[:6]}"
    sql(f"INSERT INTO rooms (name, location, capacity) VALUES ('{name}', 'Floor 5', {capacity})")
    return name, sql(f"SELECT id FROM rooms WHERE name = '{name}'")


def book(room_id, user, day, hour, title):
    """A pending booking made the way the form would (the read model too)."""
    start = datetime.datetime.combine(day, datetime.time(hour), TZ)
    utc = [t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
           for t in (start, start + datetime.timedelta(hours=1))]
    sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at)"
        f" SELECT {room_id}, id, '{title}', 2, '{utc[0]}', '{utc[1]}' FROM users"
        f" WHERE login = '{user}'")
    bid = sql("SELECT MAX(id) FROM bookings")
    sql("INSERT INTO booking_status (booking_id, room_id, room_name, user_id, user_name,"
        " title, attendees, starts_at, ends_at, status, updated_at)"
        " SELECT b.id, b.room_id, r.name, b.user_id, u.display_name, b.title, b.attendees,"
        " b.starts_at, b.ends_at, b.status, b.updated_at FROM bookings b"
        " JOIN rooms r ON r.id = b.room_id JOIN users u ON u.id = b.user_id"
        f" WHERE b.id = {bid}")
    return bid


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_status_list_and_the_usage_bars_read_at_a_glance(browser, lang):
    in_language(browser, "alice", lang)
    go(browser, "/status")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.row")
    assert rows, "the list shows upcoming bookings"
    line = float(browser.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('tr.row td')).lineHeight)"))
    if width_name(browser) == "desktop":
        # One line a row, however long its title.
        assert all(r.size["height"] < 2 * line + 20 for r in rows[:20])
    # The state is in view without scrolling sideways, at any width.
    badge = rows[0].find_element(By.CSS_SELECTOR, ".badge")
    right = browser.execute_script("return arguments[0].getBoundingClientRect().right", badge)
    assert right <= browser.execute_script("return innerWidth")
    check_page(browser, f"{lang}-status-list")
    go(browser, "/status/usage")
    bars = browser.find_elements(By.CSS_SELECTOR, "ul.bars li")
    assert bars
    # Each name has its column, the share its own: nothing runs over.
    for li in bars[:10]:
        name, share = (li.find_element(By.CSS_SELECTOR, c) for c in (".bar-name", ".bar-share"))
        assert name.rect["x"] + name.rect["width"] <= share.rect["x"]
        assert share.rect["x"] + share.rect["width"] <= browser.execute_script(
            "return innerWidth")
    check_page(browser, f"{lang}-usage")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_an_administrator_approves_ticked_requests_and_closes_a_room_for_an_afternoon(
        browser, lang):
    name, room = a_new_room()
    day = quiet_day([name])
    ticked = [book(room, "bob", day, h, f"Ticked {lang} {h}") for h in (9, 10)]
    afternoon = book(room, "bob", day, 15, f"Afternoon {lang}")
    in_language(browser, "admin", lang)
    go(browser, "/admin/approvals")
    for bid in ticked:
        box = browser.find_element(By.ID, f"tick-{bid}")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
    press_and_wait(browser, browser.find_element(By.ID, "approve-ticked"))
    done = browser.find_element(By.ID, "done").text
    assert done == words(lang, "%lld requests approved; each person who asked has been "
                               "told.").replace("%lld", "2")
    assert all(sql(f"SELECT status FROM bookings WHERE id = {b}") == "confirmed"
               for b in ticked)
    check_page(browser, f"{lang}-approvals-ticked")

    # Closed for the afternoon: a page of its own names what it cancels.
    go(browser, f"/rooms/{room}")
    set_datetime(browser, "closed_from", datetime.datetime.combine(day, datetime.time(13), TZ))
    set_datetime(browser, "closed_until", datetime.datetime.combine(day, datetime.time(18), TZ))
    browser.find_element(By.ID, "reason").send_keys("Window cleaning")
    press_and_wait(browser, browser.find_element(
        By.CSS_SELECTOR, 'form[action$="/unavailable"] button[type=submit]'))
    listed = browser.find_element(By.ID, "to-cancel").text
    assert f"Afternoon {lang}" in listed and "Ticked" not in listed
    check_page(browser, f"{lang}-close-a-room-for-an-afternoon")
    press_and_wait(browser, browser.find_element(By.ID, "confirm-close"))
    assert sql(f"SELECT status FROM bookings WHERE id = {afternoon}") == "cancelled"
    assert all(sql(f"SELECT status FROM bookings WHERE id = {b}") == "confirmed"
               for b in ticked)
    closure = browser.find_element(By.ID, "closure").text
    assert f"{day.day}" in closure and "Window cleaning" in closure
    check_page(browser, f"{lang}-room-closed-for-an-afternoon")

    # Someone else's booking: asked first, on a page of its own.
    go(browser, f"/bookings/{ticked[0]}")
    browser.find_element(By.ID, "reason-input").send_keys("Board meeting")
    press_and_wait(browser, browser.find_element(
        By.CSS_SELECTOR, 'form[action$="/cancel"] button[type=submit]'))
    assert browser.find_element(By.ID, "cancel-owner").text == "Bob Berg"
    check_page(browser, f"{lang}-cancel-someones-booking")
    press_and_wait(browser, browser.find_element(By.ID, "confirm-cancel"))
    assert sql(f"SELECT status FROM bookings WHERE id = {ticked[0]}") == "cancelled"
