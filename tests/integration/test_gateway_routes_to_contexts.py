"""A request to each path prefix reaches the program of its context."""
import pytest

from conftest import CONTEXTS, get, log_text, new_request_id, request

# (method, path, context that must answer) per DESIGN.md §2.
ROUTES = [
    ("GET", "/", "booking"),
    ("GET", "/login", "booking"),
    ("GET", "/bookings", "booking"),
    ("GET", "/bookings/new", "booking"),
    ("GET", "/notifications", "booking"),
    ("GET", "/account", "booking"),
    ("GET", "/api/bookings", "booking"),
    ("GET", "/api/notifications", "booking"),
    ("GET", "/api/realuses", "booking"),
    ("GET", "/healthz/booking", "booking"),
    ("GET", "/admin/approvals", "approval"),
    ("POST", "/admin/approvals/7/approve", "approval"),
    ("GET", "/api/confirms", "approval"),
    ("GET", "/healthz/approval", "approval"),
    ("GET", "/rooms", "room"),
    ("GET", "/rooms/3", "room"),
    ("GET", "/admin/rooms", "room"),
    ("GET", "/admin/rooms/new", "room"),
    ("GET", "/api/rooms", "room"),
    ("GET", "/healthz/room", "room"),
    ("GET", "/status", "status"),
    ("GET", "/status/day", "status"),
    ("GET", "/api/bookingLists", "status"),
    ("GET", "/healthz/status", "status"),
    # Look-alikes of a prefix belong to the default context, not the prefix's.
    ("GET", "/roomsx", "booking"),
    ("GET", "/statusreport", "booking"),
]


@pytest.mark.parametrize("method,path,context", ROUTES)
def test_each_prefix_reaches_its_own_program(method, path, context):
    rid = new_request_id()
    resp = request(method, path, headers={"X-Request-Id": rid})
    # Whatever the page says (some arrive in later work), a program of ours
    # answered it, not nginx: our error pages carry the request id.
    assert resp.status_code < 500, resp.text[:300]
    assert resp.headers["X-Request-Id"] == rid
    assert resp.headers.get("Content-Security-Policy"), "not answered by a program"
    for c in CONTEXTS:
        logged = rid in log_text(c)
        assert logged == (c == context), f"{path}: logged by {c}: {logged}"


def test_unknown_page_is_a_styled_404_with_the_request_id():
    rid = new_request_id()
    resp = get("/no/such/page", headers={"X-Request-Id": rid})
    assert resp.status_code == 404
    assert resp.headers["Content-Type"].startswith("text/html")
    assert "There is no such page." in resp.text
    assert rid in resp.text
    assert '<link rel="stylesheet" href="/static/style.css">' in resp.text


def test_gateway_makes_a_request_id_when_the_client_sends_none_or_a_bad_one():
    plain = get("/")
    assert len(plain.headers["X-Request-Id"]) == 32
    hostile = get("/", headers={"X-Request-Id": "x y\"<script>"})
    assert hostile.headers["X-Request-Id"] != "x y\"<script>"
    assert len(hostile.headers["X-Request-Id"]) == 32
    # And the gateway's access log carries the id too.
    assert plain.headers["X-Request-Id"] in log_text("nginx-access")
