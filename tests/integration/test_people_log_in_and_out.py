"""Logging in and out: the form, the session cookie, wrong credentials."""
import hashlib
import re

import requests
from bs4 import BeautifulSoup

from conftest import (csrf_of, drop_user, get, logged_in_as, login, page_csrf, sql, sql_value,
                      temporary_user, url)


def post_login(session, who, password, next_path="/"):
    page = session.get(url("/login"), timeout=15)
    return session.post(url("/login"), data={
        "csrf": csrf_of(page.text), "login": who, "password": password, "next": next_path},
        allow_redirects=False, timeout=15)


def test_login_form_has_its_fields_and_a_pre_session_token():
    resp = get("/login")
    assert resp.status_code == 200
    doc = BeautifulSoup(resp.text, "html.parser")
    form = doc.select_one('form[action="/login"][method="post"]')
    assert form.select_one('input[name="login"]')["autocomplete"] == "username"
    assert form.select_one('input[name="password"]')["type"] == "password"
    token = form.select_one('input[name="csrf"]')["value"]
    cookie = resp.headers["Set-Cookie"]
    # The cookie holds a random value, the form the site's keyed hash of it
    # (and of the client's address): never the same text twice.
    value = re.match(r"rb_login=([A-Za-z0-9_-]{43});", cookie).group(1)
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token) and value != token
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/login" in cookie


def test_login_sets_a_safe_session_cookie_and_goes_where_the_person_was_going():
    s = requests.Session()
    resp = post_login(s, "alice", "demo", "/account")
    assert resp.status_code == 303
    assert resp.headers["Location"] == "/account"
    session_cookie = [c for c in resp.raw.headers.getlist("Set-Cookie")
                      if c.startswith("rb_session=")][0]
    assert re.match(r"rb_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax$",
                    session_cookie), session_cookie
    assert "Secure" not in session_cookie  # the test site is plain http
    assert logged_in_as(s) == "Alice Andersen"
    page = s.get(url("/account"), timeout=15)
    assert "alice" in page.text
    # Every page shows who is logged in and a logout button.
    doc = BeautifulSoup(page.text, "html.parser")
    assert doc.select_one('header form[action="/logout"] button').get_text() == "Log out"


def test_only_the_hash_of_the_session_token_is_stored():
    s = login("alice")
    token = s.cookies["rb_session"]
    stored = sql_value("SELECT LOWER(HEX(token_hash)) FROM sessions WHERE token_hash = UNHEX('"
                       + hashlib.blake2b(token.encode(), digest_size=32).hexdigest() + "')")
    assert stored == hashlib.blake2b(token.encode(), digest_size=32).hexdigest()
    assert sql_value(f"SELECT COUNT(*) FROM sessions WHERE HEX(token_hash) = HEX('{token}')"
                     f" OR csrf_token = '{token}'") == "0"


def test_wrong_password_and_unknown_login_are_answered_alike():
    answers = []
    for who, password in (("alice", "wrong-password"), ("nobody-here", "demo")):
        resp = post_login(requests.Session(), who, password)
        assert resp.status_code == 401
        doc = BeautifulSoup(resp.text, "html.parser")
        assert doc.select_one("#login-failed").get_text() == \
            "The login or password is not correct."
        assert doc.select_one('input[name="login"]')["value"] == who  # kept
        assert doc.select_one('input[name="password"]').get("value", "") == ""
        body = resp.text.replace(who, "WHO")
        body = re.sub(r'name="csrf" value="[^"]*"', "", body)
        answers.append(body)
    assert answers[0] == answers[1]


def test_missing_fields_are_422_with_a_message_next_to_the_field():
    resp = post_login(requests.Session(), "", "")
    assert resp.status_code == 422
    doc = BeautifulSoup(resp.text, "html.parser")
    assert doc.select_one("#login-error").get_text() == "Please fill this in."
    assert doc.select_one("#password-error").get_text() == "Please fill this in."
    assert doc.select_one('input[name="login"]')["aria-invalid"] == "true"


def test_logout_ends_the_session_for_good():
    s = login("alice")
    token = s.cookies["rb_session"]
    digest = hashlib.blake2b(token.encode(), digest_size=32).hexdigest()
    assert sql_value(f"SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX('{digest}')") == "1"
    resp = s.post(url("/logout"), data={"csrf": page_csrf(s)}, allow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["Location"] == "/login?bye=1"
    assert "You have logged out." in s.get(url("/login?bye=1")).text
    assert sql_value(f"SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX('{digest}')") == "0"
    # The old cookie, replayed, opens nothing.
    replay = requests.get(url("/account"), cookies={"rb_session": token},
                          allow_redirects=False, timeout=15)
    assert replay.status_code == 303
    assert replay.headers["Location"].startswith("/login")


def test_a_disabled_user_loses_access_at_once():
    who = temporary_user("tmp-disabled")
    try:
        s = login(who)
        assert s.get(url("/account"), allow_redirects=False).status_code == 200
        assert sql(f"UPDATE users SET disabled = 1 WHERE login = '{who}'").returncode == 0
        resp = s.get(url("/account"), allow_redirects=False)
        assert resp.status_code == 303 and resp.headers["Location"].startswith("/login")
        again = post_login(requests.Session(), who, "demo")
        assert again.status_code == 401
        assert "The login or password is not correct." in again.text
    finally:
        drop_user(who)


def test_a_new_login_replaces_the_previous_session():
    s = login("alice")
    first = s.cookies["rb_session"]
    resp = post_login(s, "bob", "demo")
    assert resp.status_code == 303
    assert s.cookies["rb_session"] != first
    assert logged_in_as(s) == "Bob Berg"
    digest = hashlib.blake2b(first.encode(), digest_size=32).hexdigest()
    assert sql_value(f"SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX('{digest}')") == "0"
