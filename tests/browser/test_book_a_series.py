"""alice books a weekly meeting by keyboard alone, at phone and at desktop
width: she opens Repeat, picks the days and the number of times, checks
the dates, then asks; admin approves the whole series at once."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from checks import check_page, width_name
from test_book_and_approve import TZ, log_in, new_page, open_request, sql
from test_book_by_keyboard import focused, press, walk_focus


def quiet_monday():
    """A Monday some months ahead (past the single bookings' horizon, where
    only series go) whose fortnight Copenhagen has free."""
    day = datetime.datetime.now(TZ).date() + datetime.timedelta(days=120)
    day -= datetime.timedelta(days=day.weekday())
    for _ in range(30):
        lo, hi = (datetime.datetime.combine(d, datetime.time(0), TZ).astimezone(
            datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
            for d in (day, day + datetime.timedelta(days=14)))
        if sql("SELECT COUNT(*) FROM bookings b JOIN rooms r ON r.id = b.room_id"
               " WHERE r.name = 'Copenhagen' AND b.status IN ('pending','confirmed')"
               f" AND b.starts_at < '{hi}' AND b.ends_at > '{lo}'") == "0":
            return day
        day += datetime.timedelta(weeks=2)
    raise AssertionError("no quiet fortnight in Copenhagen")


def shown(browser, element_id):
    return browser.execute_script(
        "return document.getElementById(arguments[0]).checkVisibility()", element_id)


def tab(browser):
    return lambda: press(browser, Keys.TAB)


def test_alice_books_a_weekly_meeting_by_keyboard(browser):
    log_in(browser, "alice")
    monday = quiet_monday()
    title = f"Team weekly {width_name(browser)}"
    browser.get(browser.base + "/bookings/new")

    # The repeat controls fold away until asked for.
    assert not shown(browser, "repeat-freq")
    walk_focus(browser, tab(browser), "room_id")
    press(browser, "Cop")
    press(browser, Keys.TAB, monday.strftime("%m%d%Y"), Keys.TAB, "1000A")
    walk_focus(browser, tab(browser), "ends_at")
    press(browser, monday.strftime("%m%d%Y"), Keys.TAB, "1100A")
    walk_focus(browser, tab(browser), "title")
    press(browser, title)
    walk_focus(browser, tab(browser), "repeat-summary")
    press(browser, Keys.ENTER)
    assert shown(browser, "repeat-freq")

    # Every week, on Monday and Thursday, four times.
    walk_focus(browser, tab(browser), "repeat-freq")
    press(browser, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    assert browser.find_element(By.ID, "repeat-freq").get_attribute("value") == "WEEKLY"
    walk_focus(browser, tab(browser), "weekday-MO")
    press(browser, Keys.SPACE)
    walk_focus(browser, tab(browser), "weekday-TH")
    press(browser, Keys.SPACE)
    walk_focus(browser, tab(browser), "count")
    press(browser, Keys.BACKSPACE, Keys.BACKSPACE, "4")
    walk_focus(browser, tab(browser), "preview-button")
    with new_page(browser):
        press(browser, Keys.ENTER)

    # Every date shown, free, before anything is booked.
    rows = browser.find_elements(By.CSS_SELECTOR, "#plan tr.date")
    days = [monday + datetime.timedelta(days=d) for d in (0, 3, 7, 10)]
    assert len(rows) == 4
    assert all("free" in r.get_attribute("class") for r in rows)
    assert [r.find_element(By.TAG_NAME, "th").text for r in rows] == [
        d.strftime("%a %d %b") for d in days]
    assert "4 of 4 dates are free" in browser.find_element(By.ID, "plan-summary").text
    # What she chose is still chosen.
    assert browser.find_element(By.ID, "weekday-TH").is_selected()
    assert browser.find_element(By.ID, "count").get_attribute("value") == "4"
    check_page(browser, "series dates checked")

    # The answer has the focus; the next stops lead to the request button.
    assert focused(browser)["name"] == "plan-summary"
    assert walk_focus(browser, tab(browser), "request") == ["private", "request"]
    with new_page(browser):
        press(browser, Keys.ENTER)
    assert "One of 4 dates" in browser.find_element(By.ID, "series").text
    dates = browser.find_elements(By.CSS_SELECTOR, "ol.series-dates li")
    assert len(dates) == 4 and "(this one)" in dates[0].text
    check_page(browser, "a series' booking")
    first = browser.current_url.rsplit("/", 1)[1]

    # admin approves all four at once from the queue.
    log_in(browser, "admin")
    item = open_request(browser, first)
    assert "4 dates waiting" in item.find_element(By.CSS_SELECTOR, ".series-note").text
    check_page(browser, "queue with a series")
    approve = item.find_element(By.CSS_SELECTOR, "button[id^=approve-series-]")
    approve.send_keys(Keys.NULL)  # focus it, as Tab would
    assert focused(browser)["name"].startswith("approve-series-")
    with new_page(browser):
        press(browser, Keys.ENTER)
    assert "Every waiting date of the series is confirmed" in \
        browser.find_element(By.ID, "done").text
