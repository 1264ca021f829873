"""Header mode: the login name comes from a header the gateway sets."""
import requests
from bs4 import BeautifulSoup

from conftest import configured, csrf_of, get, login, url

SSO = "X-Remote-User"


def test_the_header_is_ignored_when_header_mode_is_off():
    resp = get("/admin", headers={SSO: "admin"})
    assert resp.status_code == 303
    assert resp.headers["Location"].startswith("/login")
    assert "Ada Admin" not in get("/", headers={SSO: "admin"}).text


def test_header_mode_takes_the_login_from_the_header():
    with configured("auth", login_header=SSO):
        s = requests.Session()
        s.headers[SSO] = "admin"
        page = s.get(url("/admin"), allow_redirects=False)
        assert page.status_code == 200
        assert "Ada Admin" in page.text
        # Forms still need the session's token, which the page carries.
        token = csrf_of(page.text)
        assert s.post(url("/logout"), data={}, allow_redirects=False).status_code == 403
        assert s.post(url("/logout"), data={"csrf": token},
                      allow_redirects=False).status_code == 303
        # Another person's header gets their own identity, not the cookie's.
        s.headers[SSO] = "alice"
        assert "Alice Andersen" in s.get(url("/")).text
        assert s.get(url("/admin"), allow_redirects=False).status_code == 403

        # No header: nobody, whatever cookie a browser still has.
        bare = requests.Session()
        bare.cookies.update(s.cookies)
        resp = bare.get(url("/admin"), allow_redirects=False)
        assert resp.status_code == 303
        sso_page = bare.get(url("/login"))
        assert sso_page.status_code == 401
        assert "single sign-on" in sso_page.text
        assert not BeautifulSoup(sso_page.text, "html.parser").select('input[name="password"]')

        # A name the site does not know is refused, not created.
        unknown = get("/", headers={SSO: "mallory"})
        assert unknown.status_code == 403
        assert "has no access" in unknown.text


def test_form_login_works_again_after_header_mode():
    assert login("alice").get(url("/account"), allow_redirects=False).status_code == 200
