"""A person changes their own password; other sessions end."""
import requests
from bs4 import BeautifulSoup

from conftest import api_session, csrf_of, drop_user, logged_in_as, login, temporary_user, url


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


def change_with(session, revoke):
    page = session.get(url("/account")).text
    box = BeautifulSoup(page, "html.parser").select_one("#revoke_tokens")
    assert box is not None and box.has_attr("checked"), "the box starts ticked"
    data = {"csrf": csrf_of(page), "current_password": "demo",
            "new_password": "another-secret", "confirm_password": "another-secret"}
    if revoke:
        data["revoke_tokens"] = "1"
    return session.post(url("/account/password"), data=data, allow_redirects=False)


def test_a_new_password_revokes_the_api_tokens_when_the_box_stays_ticked():
    who = temporary_user("tmp-pw-tokens")
    try:
        api = api_session(who, "old script")
        assert api.get(url("/api/bookings")).status_code == 200
        here = login(who)
        resp = change_with(here, revoke=True)
        assert resp.status_code == 303
        assert resp.headers["Location"] == "/account?changed=tokens"
        assert api.get(url("/api/bookings")).status_code == 401
        assert "Your API tokens have been revoked" in \
            here.get(url("/account?changed=tokens")).text
    finally:
        drop_user(who)


def test_unticked_the_api_tokens_keep_working():
    who = temporary_user("tmp-pw-keep")
    try:
        api = api_session(who, "kept script")
        resp = change_with(login(who), revoke=False)
        assert resp.headers["Location"] == "/account?changed=1"
        assert api.get(url("/api/bookings")).status_code == 200
    finally:
        drop_user(who)


def test_the_session_that_changed_the_password_gets_a_new_id():
    """Whoever saw the old session id (or the old password and logged in
    with it) is out; the person who changed it stays logged in."""
    who = temporary_user("tmp-pw-rotate")
    try:
        here = login(who)
        old_id = here.cookies["rb_session"]
        assert change_with(here, revoke=False).status_code == 303
        assert here.cookies["rb_session"] != old_id
        assert logged_in_as(here) == f"Temp {who}"
        copy = requests.Session()
        copy.cookies.set("rb_session", old_id)
        assert logged_in_as(copy) is None
    finally:
        drop_user(who)
