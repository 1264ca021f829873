"""A person opens the home page and finds their way around."""
from selenium.webdriver.common.by import By

NAV = ["Book a room", "My bookings", "Rooms", "Status"]


def test_home_page_shows_the_navigation_and_todays_figures(browser):
    browser.get(browser.base + "/")
    assert browser.title == "Home · roombook"
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "header nav a")]
    assert links == NAV
    for a in browser.find_elements(By.CSS_SELECTOR, "header nav a"):
        assert a.is_displayed()
    total = browser.find_element(By.ID, "rooms-total").text
    assert int(total) >= 10
    # Usable at this width: nothing wider than the window.
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert width in (375, 1280)
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width


def test_navigation_leads_to_the_rooms_page(browser):
    browser.get(browser.base + "/")
    browser.find_element(By.LINK_TEXT, "Rooms").click()
    assert browser.current_url == browser.base + "/rooms"
    current = browser.find_element(By.CSS_SELECTOR, 'nav a[aria-current="page"]')
    assert current.text == "Rooms"
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
