"""alice logs in and out through the real form."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from checks import open_menu


def test_alice_logs_in_and_out(browser):
    wait = WebDriverWait(browser, 10)
    browser.get(browser.base + "/account")
    # Not logged in: the account page sends her to the login form.
    wait.until(EC.url_contains("/login?next="))
    browser.find_element(By.ID, "login").send_keys("alice")
    browser.find_element(By.ID, "password").send_keys("demo")
    browser.find_element(By.CSS_SELECTOR, 'form[action="/login"] button').click()
    # Back where she was going, and the header says who she is.
    wait.until(EC.url_to_be(browser.base + "/account"))
    assert browser.find_element(By.ID, "account-login").text == "alice"
    open_menu(browser)
    assert browser.find_element(By.CSS_SELECTOR, "header a.me").text == "Alice Andersen"
    nav = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "header nav a")]
    assert "Admin" not in nav

    browser.find_element(By.CSS_SELECTOR, "header form.logout button").click()
    wait.until(EC.url_contains("/login?bye=1"))
    assert "You have logged out." in browser.page_source
    assert not browser.find_elements(By.CSS_SELECTOR, "header a.me")
    browser.get(browser.base + "/account")
    wait.until(EC.url_contains("/login?next="))


def test_a_wrong_password_shows_the_message_and_keeps_the_login(browser):
    browser.get(browser.base + "/login")
    browser.find_element(By.ID, "login").send_keys("alice")
    browser.find_element(By.ID, "password").send_keys("not-her-password")
    browser.find_element(By.CSS_SELECTOR, 'form[action="/login"] button').click()
    failed = WebDriverWait(browser, 10).until(
        EC.presence_of_element_located((By.ID, "login-failed")))
    assert failed.text == "The login or password is not correct."
    assert browser.find_element(By.ID, "login").get_attribute("value") == "alice"
    assert browser.find_element(By.ID, "password").get_attribute("value") == ""
