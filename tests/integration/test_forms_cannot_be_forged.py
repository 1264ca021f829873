"""Every POST needs the session's form token; without it nothing happens."""
import requests

from conftest import (drop_user, login, logged_in_as, page_csrf, sql_value,
                      temporary_user, url)


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
