"""Single sign-on: nginx asks an identity check, which names the person."""
import http.server
import threading

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import configured, csrf_of, get, login, sql, sql_value, url

SSO = "X-Remote-User"


class IdentityCheck(http.server.BaseHTTPRequestHandler):
    """A stand-in identity provider: whoever X-Test-Identity names is
    logged in (a real one would look at its own cookie or a ticket)."""

    def do_GET(self):
        self.send_response(200)
        who = self.headers.get("X-Test-Identity")
        if who:
            self.send_header("X-User", who)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def identity_check():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), IdentityCheck)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/check"
    server.shutdown()


def test_a_client_sent_login_header_is_ignored_when_header_mode_is_off():
    resp = get("/admin", headers={SSO: "admin"})
    assert resp.status_code == 303
    assert resp.headers["Location"].startswith("/login")
    assert "Ada Admin" not in get("/", headers={SSO: "admin"}).text


def test_header_mode_takes_the_person_from_the_identity_check(identity_check):
    with configured(auth={"login_header": SSO}, gateway={"sso_check": identity_check}):
        s = requests.Session()
        s.headers["X-Test-Identity"] = "admin"
        page = s.get(url("/admin"), allow_redirects=False)
        assert page.status_code == 200
        assert "Ada Admin" in page.text
        # Forms still need the session's token, which the page carries.
        token = csrf_of(page.text)
        assert s.post(url("/logout"), data={}, allow_redirects=False).status_code == 403
        assert s.post(url("/logout"), data={"csrf": token},
                      allow_redirects=False).status_code == 303
        # Another identity gets its own account, not the cookie's.
        s.headers["X-Test-Identity"] = "alice"
        assert "Alice Andersen" in s.get(url("/")).text
        assert s.get(url("/admin"), allow_redirects=False).status_code == 403
        # The read-only status program knows the person too.
        assert s.get(url("/healthz/status")).status_code == 200

        # A client cannot name itself: its own header is replaced.
        forged = requests.get(url("/admin"), headers={SSO: "admin"},
                              allow_redirects=False, timeout=15)
        assert forged.status_code == 303
        forged = requests.get(url("/admin"), headers={SSO: "admin", "X-Test-Identity": "bob"},
                              allow_redirects=False, timeout=15)
        assert forged.status_code == 403  # bob, not admin

        # No identity: nobody, whatever cookie a browser still has.
        bare = requests.Session()
        bare.cookies.update(s.cookies)
        assert bare.get(url("/admin"), allow_redirects=False).status_code == 303
        sso_page = bare.get(url("/login"))
        assert sso_page.status_code == 401
        assert "single sign-on" in sso_page.text
        assert not BeautifulSoup(sso_page.text, "html.parser").select('input[name="password"]')

        # A name the site does not know, or only looks like one, is refused
        # (trailing blanks never survive an HTTP header; see below).
        for name in ("mallory", "Admin", "ADMIN", "\u00e1dmin"):
            resp = get("/", headers={"X-Test-Identity": name.encode().decode("latin-1")})
            assert resp.status_code == 403, name
            assert "has no access" in resp.text


def test_form_login_works_again_after_header_mode():
    assert login("alice").get(url("/account"), allow_redirects=False).status_code == 200


def test_logins_compare_exactly():
    out = sql("SELECT COUNT(*) FROM users WHERE login = 'ADMIN' OR login = 'admin '")
    assert out.returncode == 0 and out.stdout.strip() == "0"


def test_header_mode_keeps_no_session_for_a_client_without_cookies(identity_check):
    """The gateway names the person on every request: a script or a
    browser that keeps no cookie leaves no session row behind, and the
    form token of one page serves a request that brought no cookie."""
    with configured(auth={"login_header": SSO}, gateway={"sso_check": identity_check}):
        sessions = lambda: int(sql_value("SELECT COUNT(*) FROM sessions"))
        before = sessions()
        alice = {"X-Test-Identity": "alice"}
        for _ in range(5):
            page = requests.get(url("/"), headers=alice, timeout=15)
            assert page.status_code == 200 and "Alice Andersen" in page.text
            assert "rb_session" not in page.headers.get("Set-Cookie", "")
        token = csrf_of(requests.get(url("/"), headers=alice, timeout=15).text)
        assert requests.post(url("/logout"), data={"csrf": token}, headers=alice,
                             allow_redirects=False, timeout=15).status_code == 303
        # Another person's token is not alice's.
        bob_token = csrf_of(requests.get(url("/"), headers={"X-Test-Identity": "bob"},
                                         timeout=15).text)
        assert bob_token != token
        assert requests.post(url("/logout"), data={"csrf": bob_token}, headers=alice,
                             allow_redirects=False, timeout=15).status_code == 403
        assert sessions() == before
