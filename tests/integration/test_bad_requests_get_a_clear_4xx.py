"""Malformed or oversized requests get a clear 4xx page; no worker dies."""
import pytest
import requests

from conftest import CONTEXTS, get, raw_request, request, url, worker_pids

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("path,reason", [
    ("/rooms?name=%zz", "malformed percent-encoding"),
    ("/rooms?name=%4", "malformed percent-encoding"),
    ("/rooms?name=a%00b", "malformed percent-encoding"),
    ("/rooms?name=%ff%fe", "not valid UTF-8"),
    ("/rooms?name=%c0%af", "not valid UTF-8"),
    # nginx refuses a bad escape in the path itself, with our static page.
    ("/bookings/%zz", None),
    ("/bookings/%ff", "not valid UTF-8"),
    ("/rooms%2f..%2fadmin", "an encoded slash (%2F) in the path"),
])
def test_bad_encoding_is_400_with_the_reason(path, reason, all_workers):
    resp = raw_request("GET", path)
    assert resp.status_code == 400
    assert resp.headers["Content-Type"].startswith("text/html")
    assert "could not be understood" in resp.text
    assert reason is None or reason in resp.text
    assert {c: worker_pids(c) for c in CONTEXTS} == all_workers


def test_bad_utf8_in_a_form_body_is_400(all_workers):
    resp = request("POST", "/", data=b"title=%e2%28%a1", headers=FORM)
    assert resp.status_code == 400
    assert "not valid UTF-8" in resp.text
    assert {c: worker_pids(c) for c in CONTEXTS} == all_workers


def test_body_over_the_program_limit_is_413_from_the_program(all_workers):
    resp = request("POST", "/rooms", data=b"a=" + b"x" * 100_000, headers=FORM)
    assert resp.status_code == 413
    assert "too large" in resp.text
    assert resp.headers.get("Content-Security-Policy")  # our page, not nginx's
    assert {c: worker_pids(c) for c in CONTEXTS} == all_workers


def test_body_over_the_gateway_limit_is_413_from_nginx(all_workers):
    resp = request("POST", "/", data=b"a=" + b"x" * 2_000_000, headers=FORM)
    assert resp.status_code == 413
    assert "larger than this site accepts" in resp.text
    assert {c: worker_pids(c) for c in CONTEXTS} == all_workers


def test_unknown_method_is_405_with_allow(all_workers):
    resp = raw_request("BREW", "/")
    assert resp.status_code == 405
    assert resp.headers["Allow"] == "GET, HEAD"
    assert {c: worker_pids(c) for c in CONTEXTS} == all_workers


@pytest.mark.parametrize("method,path,allow", [
    ("POST", "/", "GET, HEAD"),
    ("DELETE", "/rooms", "GET, HEAD"),
    ("PUT", "/healthz", "GET, HEAD"),
])
def test_wrong_method_on_a_known_page_is_405_with_allow(method, path, allow):
    resp = request(method, path)
    assert resp.status_code == 405
    assert resp.headers["Allow"] == allow
    assert "does not accept that kind of request" in resp.text


def test_body_without_content_type_is_415():
    resp = requests.post(url("/"), data=b"{}", headers={"Content-Type": ""}, timeout=10)
    assert resp.status_code == 415


def test_head_gives_headers_without_a_body():
    """The headers a GET would get: its length as it is, or compressed."""
    resp = request("HEAD", "/", headers={"Accept-Encoding": "identity"})
    assert resp.status_code == 200
    assert int(resp.headers["Content-Length"]) > 0
    assert resp.content == b""
    resp = request("HEAD", "/", headers={"Accept-Encoding": "gzip"})
    assert resp.status_code == 200 and resp.headers["Content-Encoding"] == "gzip"
    assert resp.content == b""


def test_overlong_address_is_414():
    resp = get("/rooms?q=" + "a" * 9000)
    assert resp.status_code == 414
