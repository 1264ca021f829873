"""The main pages in Korean, at phone and at desktop width: the language is
chosen on the login page, every page answers in it (<html lang="ko">, its
words from the catalog), and each is photographed and checked as the
English walk's are (axe-core, labels, states in words, errors, focus, fit)."""
import datetime
import gettext
import os
import pathlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from checks import check_page, open_menu, width_name
from test_book_and_approve import TZ, log_in, press_and_wait, quiet_day, set_datetime, sql

ROOT = pathlib.Path(os.environ.get("RB_ROOT", pathlib.Path(__file__).resolve().parents[2]))
with open(ROOT / "build" / "i18n" / "locale" / "ko.mo", "rb") as f:
    ko = gettext.GNUTranslations(f).gettext

# A meeting each width books in Korean, in a room of the demo.
MEETINGS = {"desktop": ("분기 계획 회의", 9), "phone": ("신입 사원 교육", 14)}

# page name, path, the English heading the page has (told in Korean).
PAGES = [
    ("home", "/", None),
    ("book", "/bookings/new", "Book a room"),
    ("my-bookings", "/bookings", "My bookings"),
    ("rooms", "/rooms", "Rooms"),
    ("status", "/status", None),
    ("day", "/status/day", None),
    ("usage", "/status/usage", None),
    ("notifications", "/notifications", "Notifications"),
    ("account", "/account", "Your account"),
    ("tokens", "/account/tokens", "API tokens"),
    ("admin", "/admin", None),
    ("approvals", "/admin/approvals", None),
    ("add-room", "/admin/rooms/new", "Add a room"),
]


def in_korean(browser):
    lang = browser.find_element(By.TAG_NAME, "html").get_attribute("lang")
    assert lang == "ko", f"{browser.current_url} is in {lang}"
    # The navigation, on every page, in Korean.
    open_menu(browser)
    nav = browser.find_element(By.CSS_SELECTOR, 'header nav a[href="/bookings/new"]').text
    assert nav == ko("Book a room") != "Book a room"


def test_the_main_pages_in_korean(browser):
    browser.delete_all_cookies()
    browser.get(browser.base + "/login")
    switch = browser.find_element(By.CSS_SELECTOR, 'nav.languages a[lang="ko"]')
    assert switch.text == "한국어"
    press_and_wait(browser, switch)
    assert browser.find_element(By.TAG_NAME, "h1").text == ko("Log in")
    check_page(browser, "ko-login")
    # Logging in keeps the browser's choice (the cookie outlives the login).
    cookie = browser.get_cookie("rb_lang")
    log_in(browser, "admin")
    browser.add_cookie({"name": "rb_lang", "value": cookie["value"], "path": "/"})
    for name, path, heading in PAGES:
        browser.get(browser.base + path)
        in_korean(browser)
        if heading is not None:
            assert browser.find_element(By.TAG_NAME, "h1").text == ko(heading)
        check_page(browser, f"ko-{name}")
    # A room's page, its week, and a booking's page.
    room = sql("SELECT id FROM rooms WHERE name = 'Berlin'")
    for name, path in (("room", f"/rooms/{room}"), ("week", f"/status/rooms/{room}")):
        browser.get(browser.base + path)
        in_korean(browser)
        check_page(browser, f"ko-{name}")
    # A meeting booked through the Korean form, its Hangul title kept.
    title, hour = MEETINGS[width_name(browser)]
    start = datetime.datetime.combine(quiet_day(["Copenhagen"], first=30),
                                      datetime.time(hour), TZ)
    browser.get(browser.base + "/bookings/new")
    Select(browser.find_element(By.ID, "room_id")).select_by_value(
        sql("SELECT id FROM rooms WHERE name = 'Copenhagen'"))
    set_datetime(browser, "starts_at", start)
    set_datetime(browser, "ends_at", start + datetime.timedelta(hours=1, minutes=30))
    browser.find_element(By.ID, "title").send_keys(title)
    field = browser.find_element(By.ID, "attendees")
    field.clear()
    field.send_keys("8")
    browser.find_element(By.ID, "request").click()
    WebDriverWait(browser, 10).until(EC.url_matches(r"/bookings/\d+$"))
    in_korean(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    assert browser.find_element(By.ID, "status").text == ko("Pending approval")
    # Its time as Koreans write it: 2026년 12월 7일 (월) 09:00–10:30.
    assert f"{start.year}\ub144 {start.month}\uc6d4 {start.day}\uc77c" in \
        browser.find_element(By.ID, "when").text
    check_page(browser, "ko-booking")
    # A form refused: its errors in Korean, announced at their fields.
    browser.get(browser.base + "/bookings/new")
    press_and_wait(browser, browser.find_element(By.ID, "request"))
    in_korean(browser)
    assert browser.find_element(By.ID, "title-error").text == ko("Please fill this in.")
    check_page(browser, "ko-book-refused", expect_errors=True)
