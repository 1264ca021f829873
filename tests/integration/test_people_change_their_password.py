"""A person changes their own password; other sessions end."""
import requests
from bs4 import BeautifulSoup

from conftest import csrf_of, drop_user, logged_in_as, login, temporary_user, url


def change(session, current, new, confirm):
    token = csrf_of(session.get(url("/account")).text)
    return session.post(url("/account/password"), data={
        "csrf": token, "current_password": current, "new_password": new,
        "confirm_password": confirm}, allow_redirects=False)


def error_of(resp, field_id):
    return BeautifulSoup(resp.text, "html.parser").select_one(f"#{field_id}").get_text()


def test_mistakes_are_422_next_to_the_field():
    who = temporary_user("tmp-pw-mistakes")
    try:
        s = login(who)
        resp = change(s, "not-it", "long-enough-1", "long-enough-1")
        assert resp.status_code == 422
        assert error_of(resp, "current-error") == "That is not your current password."
        resp = change(s, "demo", "short", "short")
        assert resp.status_code == 422
        assert error_of(resp, "new-error") == "Use at least 8 characters."
        resp = change(s, "demo", "long-enough-1", "long-enough-2")
        assert resp.status_code == 422
        assert error_of(resp, "confirm-error") == "This does not match the new password."
        # No password is ever echoed back.
        assert "long-enough" not in resp.text and 'value="demo"' not in resp.text
        assert login(who)  # the old password still works
    finally:
        drop_user(who)


def test_a_new_password_ends_the_other_sessions():
    who = temporary_user("tmp-pw-change")
    try:
        here, elsewhere = login(who), login(who)
        resp = change(here, "demo", "a-new-secret", "a-new-secret")
        assert resp.status_code == 303
        assert resp.headers["Location"] == "/account?changed=1"
        assert "Your password has been changed" in here.get(url("/account?changed=1")).text
        assert logged_in_as(here) == f"Temp {who}"
        assert logged_in_as(elsewhere) is None
        page = requests.Session()
        form = page.get(url("/login"))
        old = page.post(url("/login"), data={"csrf": csrf_of(form.text), "login": who,
                                             "password": "demo"}, allow_redirects=False)
        assert old.status_code == 401
        assert login(who, "a-new-secret")
    finally:
        drop_user(who)
