"""Every POST needs the session's form token; without it nothing happens."""
import hashlib

import requests

from conftest import (BASE, csrf_of, drop_user, login, logged_in_as, page_csrf, raw_request,
                      sql_value, temporary_user, url)


def sessions_of(who):
    return sql_value("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id"
                     f" WHERE u.login = '{who}'")


def test_logout_without_or_with_a_wrong_token_is_403_and_the_session_lives():
    s = login("alice")
    for data in ({}, {"csrf": "x" * 43}, {"csrf": ""}, {"csrf": page_csrf(s) + "x"}):
        resp = s.post(url("/logout"), data=data, allow_redirects=False)
        assert resp.status_code == 403
        assert "did not come from this site" in resp.text
    assert logged_in_as(s) == "Alice Andersen"


def test_the_token_of_another_session_does_not_work():
    alice, bob = login("alice"), login("bob")
    resp = alice.post(url("/logout"), data={"csrf": page_csrf(bob)}, allow_redirects=False)
    assert resp.status_code == 403
    assert logged_in_as(alice) == "Alice Andersen"


def test_a_token_sent_twice_is_refused():
    s = login("alice")
    token = page_csrf(s)
    resp = s.post(url("/logout"), data=[("csrf", token), ("csrf", token)],
                  allow_redirects=False)
    assert resp.status_code == 403


def test_login_without_its_pre_session_token_is_403_and_opens_no_session():
    before = sessions_of("alice")
    bare = requests.post(url("/login"), data={"login": "alice", "password": "demo"},
                         allow_redirects=False, timeout=15)
    assert bare.status_code == 403
    # A token from the form but without its cookie (another browser's) fails too.
    other = requests.Session()
    page = other.get(url("/login"))
    token = page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    stolen = requests.post(url("/login"), data={"csrf": token, "login": "alice",
                                                "password": "demo"},
                           allow_redirects=False, timeout=15)
    assert stolen.status_code == 403
    assert sessions_of("alice") == before


def test_password_change_with_a_forged_form_changes_nothing():
    who = temporary_user("tmp-forged")
    try:
        s = login(who)
        before = sql_value(f"SELECT password_hash FROM users WHERE login = '{who}'")
        resp = s.post(url("/account/password"), data={
            "current_password": "demo", "new_password": "new-password-1",
            "confirm_password": "new-password-1"}, allow_redirects=False)
        assert resp.status_code == 403
        assert sql_value(f"SELECT password_hash FROM users WHERE login = '{who}'") == before
    finally:
        drop_user(who)


def login_pair(source=None):
    """(cookie, form token) of a fresh login page, fetched from source."""
    page = raw_request("GET", "/login", source=source)
    cookie = page.headers["Set-Cookie"].split(";", 1)[0].split("=", 1)[1]
    return cookie, csrf_of(page.text)


def post_login(cookie, token, headers=None):
    return requests.post(url("/login"), data={"csrf": token, "login": "alice",
                                              "password": "demo"},
                         cookies={"rb_login": cookie}, headers=headers or {},
                         allow_redirects=False, timeout=15)


def test_a_planted_login_cookie_with_the_same_form_token_is_refused():
    """A plain double submit: whoever can plant a cookie on this host (from
    another port, say) could send any value twice.  The form token is the
    site's keyed value of the cookie, so a made-up pair does not work."""
    before = sessions_of("alice")
    planted = "P" * 43
    assert post_login(planted, planted).status_code == 403
    cookie, token = login_pair()
    assert post_login(cookie, cookie).status_code == 403
    assert post_login(token, token).status_code == 403
    assert sessions_of("alice") == before
    assert post_login(cookie, token).status_code == 303  # the real pair works


def test_a_login_pair_fetched_from_another_address_does_not_work_here():
    """The attacker fetches a real pair for himself and plants its cookie
    in the victim's browser: it is bound to the attacker's address."""
    before = sessions_of("alice")
    cookie, token = login_pair(source="127.0.0.2")
    assert post_login(cookie, token).status_code == 403
    assert sessions_of("alice") == before


def test_a_post_from_a_page_of_another_origin_is_refused():
    """A browser names the page a form came from: another port of this
    host is another site, whatever tokens it holds."""
    cookie, token = login_pair()
    here = BASE.split("//", 1)[1]
    host = here.split(":")[0]
    for origin in (f"http://{host}:9999", "http://evil.example", "null"):
        resp = post_login(cookie, token, headers={"Origin": origin})
        assert resp.status_code == 403, origin
    s = login("alice")
    resp = s.post(url("/logout"), data={"csrf": page_csrf(s)},
                  headers={"Origin": f"http://{host}:9999"}, allow_redirects=False)
    assert resp.status_code == 403 and logged_in_as(s) == "Alice Andersen"
    # The site's own origin passes, in any case of letters.
    ok = post_login(cookie, token, headers={"Origin": f"http://{here.upper()}"})
    assert ok.status_code == 303


def test_each_page_carries_a_token_of_its_own_and_each_works():
    """A compressed page must not repeat a secret, which its size would give
    away byte by byte (BREACH): every page's form token is new, bound to the
    session's, which no page shows."""
    s = login("alice")
    first, second = page_csrf(s), page_csrf(s, "/account")
    assert first != second
    digest = hashlib.blake2b(s.cookies["rb_session"].encode(), digest_size=32).hexdigest()
    stored = sql_value(f"SELECT csrf_token FROM sessions WHERE token_hash = UNHEX('{digest}')")
    assert len(stored) == 43 and stored not in s.get(url("/account")).text
    for token in (first, second):
        resp = s.post(url("/notifications/read"), data={"csrf": token}, allow_redirects=False)
        assert resp.status_code == 303
    # The session's own token is no form token.
    assert s.post(url("/notifications/read"), data={"csrf": stored},
                  allow_redirects=False).status_code == 403
