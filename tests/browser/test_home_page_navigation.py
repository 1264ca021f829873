"""A person opens the home page and finds their way around."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.by import By

from checks import check_page, open_menu, width_name

NAV = ["Rooms by day", "Book a room", "Find a room", "My bookings", "Rooms", "Status"]


def test_home_page_shows_the_navigation_and_todays_figures(browser):
    browser.get(browser.base + "/")
    assert browser.title == "Home · roombook"
    open_menu(browser)
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "header nav a")]
    assert links == NAV
    for a in browser.find_elements(By.CSS_SELECTOR, "header nav a"):
        assert a.is_displayed()
    # Right now: the rooms free, or when rooms open again.
    now = browser.find_element(By.CSS_SELECTOR, "#free-now, #closed-now")
    assert int(now.get_attribute("data-rooms")) >= 10 and now.text
    # Usable at this width: nothing wider than the window.
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert width in (375, 1280)
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width


def test_navigation_leads_to_the_rooms_page(browser):
    browser.get(browser.base + "/")
    open_menu(browser)
    browser.find_element(By.LINK_TEXT, "Rooms").click()
    assert browser.current_url == browser.base + "/rooms"
    current = browser.find_element(By.CSS_SELECTOR, 'nav a[aria-current="page"]')
    assert current.get_attribute("textContent") == "Rooms"
    rooms = browser.find_elements(By.CSS_SELECTOR, ".room h2")
    assert "Amsterdam" in [r.text for r in rooms]
    # The stylesheet applied: the header is the brand colour, not default white.
    bg = browser.find_element(By.CSS_SELECTOR, "header.site").value_of_css_property(
        "background-color")
    assert bg == "rgba(31, 95, 191, 1)"


def test_brand_link_returns_home(browser):
    browser.get(browser.base + "/rooms")
    browser.find_element(By.CSS_SELECTOR, "a.brand").click()
    assert browser.current_url == browser.base + "/"


def test_the_header_is_one_line_at_phone_width_and_opens_as_a_menu(browser):
    browser.get(browser.base + "/")
    header = browser.find_element(By.CSS_SELECTOR, "header.site")
    button = browser.find_element(By.CSS_SELECTOR, "header .menu-button")
    nav = browser.find_element(By.CSS_SELECTOR, "header nav")
    if width_name(browser) == "desktop":
        # Wide enough for everything on one line: no menu button.
        assert not button.is_displayed() and nav.is_displayed()
        assert header.size["height"] <= 64
        return
    # One line: the brand and the menu button; the links behind it.
    assert header.size["height"] <= 64
    assert button.is_displayed() and not nav.is_displayed()
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert nav.is_displayed() and button.get_attribute("aria-expanded") == "true"
    assert [a.text for a in nav.find_elements(By.TAG_NAME, "a")] == NAV
    check_page(browser, "home, menu open")
    # Escape folds it again and gives the button focus back.
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not nav.is_displayed() and button.get_attribute("aria-expanded") == "false"
    assert browser.switch_to.active_element == button
