"""The main pages in Korean, at phone and at desktop width: the language is
chosen on the login page, every page answers in it (<html lang="ko">, its
words from the catalog), and each is photographed and checked as the
English walk's are (axe-core, labels, states in words, errors, focus, fit)."""
import gettext
import os
import pathlib

from selenium.webdriver.common.by import By

from checks import check_page
from test_book_and_approve import log_in, press_and_wait, sql

ROOT = pathlib.Path(os.environ.get("RB_ROOT", pathlib.Path(__file__).resolve().parents[2]))
with open(ROOT / "build" / "i18n" / "locale" / "ko.mo", "rb") as f:
    ko = gettext.GNUTranslations(f).gettext

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
    booking = sql("SELECT MAX(id) FROM bookings")
    browser.get(browser.base + f"/bookings/{booking}")
    in_korean(browser)
    check_page(browser, "ko-booking")
    # A form refused: its errors in Korean, announced at their fields.
    browser.get(browser.base + "/bookings/new")
    press_and_wait(browser, browser.find_element(
        By.CSS_SELECTOR, 'form[action="/bookings"] button[type=submit]'))
    in_korean(browser)
    assert browser.find_element(By.ID, "title-error").text == ko("Please fill this in.")
    check_page(browser, "ko-book-refused", expect_errors=True)
