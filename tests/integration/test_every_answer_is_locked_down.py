"""Every answer, whoever gives it (a program, the gateway's static files,
its error and fallback pages), carries the same security headers: a
strict Content-Security-Policy, no sniffing, no framing, no referrer
leaks. The pages themselves need nothing the policy forbids."""
import pathlib
import re

import pytest

from conftest import ROOT, api_session, get, login, raw_request, request, url

CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def assert_locked_down(resp, what):
    h = resp.headers
    # A header sent twice would reach us joined with ", ".
    assert h.get("Content-Security-Policy") == CSP, (what, h.get("Content-Security-Policy"))
    assert h.get("X-Content-Type-Options") == "nosniff", what
    assert h.get("X-Frame-Options") == "DENY", what
    assert h.get("Referrer-Policy") == "same-origin", what
    assert "," not in h.get("X-Request-Id", ""), what


def test_the_policy_forbids_inline_script_and_framing():
    directives = dict(d.strip().split(" ", 1) for d in CSP.split(";"))
    assert directives["default-src"] == "'self'"
    assert "script-src" not in directives and "style-src" not in directives
    assert "unsafe" not in CSP
    assert directives["frame-ancestors"] == "'none'"


PAGES = {
    None: ["/login", "/static/style.css", "/static/favicon.svg",
           "/static/openapi.yaml", "/static/errors/en/503.html",
           "/static/errors/ko/429.json", "/", "/bookings", "/status"],
    "alice": ["/", "/bookings", "/bookings/new", "/notifications", "/account",
              "/account/tokens", "/status", "/status/day", "/rooms",
              "/bookings/999999999", "/no/such/page", "/admin/approvals"],
    "admin": ["/admin/approvals", "/admin/rooms", "/admin/rooms/new",
              "/status/usage", "/status/usage.csv"],
}


@pytest.mark.parametrize("who", list(PAGES), ids=lambda w: w or "anonymous")
def test_pages_and_files_carry_the_headers(who):
    session = login(who) if who else None
    for path in PAGES[who]:
        resp = (session.get(url(path), allow_redirects=False, timeout=15)
                if session else get(path))
        assert resp.status_code < 500, path
        assert_locked_down(resp, f"{who} {path} -> {resp.status_code}")


def test_the_api_and_health_answers_carry_the_headers():
    alice = api_session("alice")
    for resp, what in [
            (alice.get(url("/api/rooms")), "api list"),
            (alice.get(url("/api/bookings/999999999")), "api 404"),
            (alice.post(url("/api/bookings"), data="{", headers={
                "Content-Type": "application/json"}), "api 400"),
            (get("/api/rooms"), "api 401"),
            (get("/healthz"), "health"),
            (get("/healthz/status"), "context health"),
            (request("OPTIONS", "/bookings"), "method not allowed")]:
        assert_locked_down(resp, what)


def test_the_gateways_own_errors_carry_the_headers():
    too_big = raw_request("POST", "/bookings", body=b"x" * (300 * 1024),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert too_big.status_code == 413
    assert_locked_down(too_big, "413 from the gateway")
    too_long = raw_request("GET", "/status?q=" + "a" * 20000)
    assert too_long.status_code == 414
    assert_locked_down(too_long, "414 from the gateway")
    bad = raw_request("GET", "/", headers={"Host": "a b"})
    assert bad.status_code == 400
    assert_locked_down(bad, "400 from the gateway")
    icon = get("/favicon.ico")
    assert icon.status_code == 204
    assert_locked_down(icon, "favicon")


def test_no_page_needs_what_the_policy_forbids():
    """Inline script, inline style and event-handler attributes would be
    blocked by the policy, so no template or static page may use them."""
    forbidden = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=|javascript:",
                           re.IGNORECASE)
    files = list((ROOT / "templates").glob("*.tpl")) + \
        list((ROOT / "static").rglob("*.html"))
    assert len(files) > 20
    for f in files:
        found = forbidden.search(f.read_text())
        assert found is None, f"{f.relative_to(ROOT)}: {found.group(0)}"
