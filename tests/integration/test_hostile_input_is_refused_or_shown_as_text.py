"""Every form field, API field and query parameter, given what an attacker
or a broken client sends (very long text, NUL bytes, invalid UTF-8, markup,
SQL, huge and negative numbers, far dates, wrong types): the answer is a
4xx that says what is wrong, or the value is stored and shown back as
text. Never a 5xx, and a refused request writes nothing at all."""
import datetime
import json
import urllib.parse

import pytest
from bs4 import BeautifulSoup

from conftest import (api_session, booking_form, drop_user, login, next_slot, room_id,
                      sql_value, temporary_user, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")

MARKUP = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'

# Form and query values, as the bytes a client could send.
TEXT_PAYLOADS = {
    "long": "\u00e9" * 5000,
    "nul": "a\x00b",
    "invalid utf-8": b"\xff\xfe\xc0\xaf",
    "surrogate": b"\xed\xa0\x80",
    "markup": MARKUP,
    "sql": "'; DROP TABLE bookings; -- \\",
    "format": "%s%n%x%p",
    "huge": "99999999999999999999999999",
    "negative": "-1",
    "far date": "9999-12-31T23:59",
    "ancient date": "0001-01-01T00:00",
    "empty": "",
}

# JSON values: the text payloads plus the wrong types.
JSON_PAYLOADS = {
    **{k: v for k, v in TEXT_PAYLOADS.items() if isinstance(v, str)},
    "huge integer": 10 ** 30,
    "negative integer": -5,
    "float": 1.5,
    "array": [1],
    "object": {"a": 1},
    "true": True,
    "null": None,
}
# Invalid UTF-8 cannot be written by json.dumps: sent as raw bytes.
RAW_JSON_PAYLOADS = {"invalid utf-8": b'"\xff\xfe"', "surrogate": b'"\xed\xa0\x80"',
                     "escaped nul": b'"a\\u0000b"', "lone surrogate escape": b'"\\ud800"'}

COUNTS = ("SELECT (SELECT COUNT(*) FROM bookings), (SELECT COUNT(*) FROM booking_events),"
          " (SELECT COUNT(*) FROM notifications), (SELECT COUNT(*) FROM booking_status),"
          " (SELECT COUNT(*) FROM rooms), (SELECT COUNT(*) FROM api_tokens),"
          " (SELECT COUNT(*) FROM users),"
          " (SELECT COALESCE(SUM(version), 0) FROM bookings),"
          " (SELECT COALESCE(SUM(version), 0) FROM rooms),"
          " (SELECT COALESCE(SUM(CRC32(password_hash)), 0) FROM users)")


@pytest.fixture(scope="module", autouse=True)
def rooms_go_again():
    """The rooms this module adds are deleted (through the page) when it
    ends, so that later tests see the rooms they expect."""
    last = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM rooms"))
    yield
    admin = login("admin")
    for rid in sql_value(f"SELECT id FROM rooms WHERE id > {last}").split():
        gone = post_form(admin, f"/admin/rooms/{rid}/delete",
                         {"csrf": page_csrf(admin, "/admin/rooms/new")})
        assert gone.status_code == 303, gone.text[:300]


@pytest.fixture(scope="module")
def alice_api():
    return api_session("alice")


@pytest.fixture(scope="module")
def admin_api():
    return api_session("admin")


def counts():
    return sql_value(COUNTS)


def form_body(fields):
    """urlencoded, with str or bytes values; a list value repeats the field."""
    return urllib.parse.urlencode(fields, doseq=True).encode()


def explained(resp):
    """The refusal's message: JSON error.message, or the page's alert or
    the message beside the field."""
    if resp.headers.get("Content-Type", "").startswith("application/json"):
        return resp.json()["error"]["message"]
    doc = BeautifulSoup(resp.text, "html.parser")
    said = doc.select('[role="alert"], .field-error, .form-error')
    return " ".join(e.get_text(" ", strip=True) for e in said)


def shown_as_text(html):
    """No markup from data became markup: no script body, no handler."""
    doc = BeautifulSoup(html, "html.parser")
    assert not [s for s in doc.find_all("script") if not s.get("src")]
    assert not doc.find_all(attrs={"onerror": True})
    assert "<script>alert(1)" not in html and "<img src=x" not in html


def judge(what, resp, before):
    """A 2xx/3xx, or a 4xx that explains itself and wrote nothing."""
    assert resp.status_code < 500, f"{what}: {resp.status_code} {resp.text[:300]}"
    if resp.status_code >= 400:
        assert explained(resp), f"{what}: {resp.status_code} without a message"
        assert counts() == before, f"{what}: refused, but something was written"
        return False
    return True


def post_form(session, path, fields):
    return session.post(url(path), data=form_body(fields), allow_redirects=False,
                        timeout=30, headers={"Content-Type":
                                             "application/x-www-form-urlencoded"})


def page_csrf(session, path):
    doc = BeautifulSoup(session.get(url(path), timeout=15).text, "html.parser")
    return doc.select_one('input[name="csrf"]')["value"]


def cancel_through_the_api(token_session, location):
    bid = int(location.rsplit("/", 1)[1])
    assert token_session.delete(url(f"/api/bookings/{bid}")).status_code == 204


@pytest.mark.parametrize("field", ["room_id", "starts_at", "ends_at", "title",
                                   "attendees", "request_token", "csrf"])
@pytest.mark.parametrize("payload", list(TEXT_PAYLOADS) + ["repeated"])
def test_the_booking_form(field, payload, alice, alice_api):
    start, end = next_slot()
    fields = {**booking_form(alice), "room_id": str(room_id()), "starts_at": start,
              "ends_at": end, "title": "Hostile", "attendees": "2"}
    fields[field] = [fields[field], "other"] if payload == "repeated" \
        else TEXT_PAYLOADS[payload]
    before = counts()
    resp = post_form(alice, "/bookings", fields)
    if judge(f"{field}={payload}", resp, before):
        assert resp.status_code == 303
        shown_as_text(alice.get(url(resp.headers["Location"])).text)
        cancel_through_the_api(alice_api, resp.headers["Location"])


@pytest.mark.parametrize("payload", list(TEXT_PAYLOADS))
def test_reasons_to_cancel_and_deny(payload, alice, admin, alice_api):
    for action, path in (("cancel", "/bookings/{}/cancel"),
                         ("deny", "/admin/approvals/{}/deny")):
        start, end = next_slot()
        made = post_form(alice, "/bookings", {
            **booking_form(alice), "room_id": str(room_id()), "starts_at": start,
            "ends_at": end, "title": "To refuse", "attendees": "2"})
        assert made.status_code == 303
        bid = int(made.headers["Location"].rsplit("/", 1)[1])
        before = counts()
        where = "/admin/approvals" if action == "deny" else f"/bookings/{bid}"
        resp = post_form(admin, path.format(bid), {
            "csrf": page_csrf(admin, where), "reason": TEXT_PAYLOADS[payload]})
        if judge(f"{action} reason={payload}", resp, before):
            shown_as_text(alice.get(url("/notifications")).text)
            shown_as_text(alice.get(url(f"/bookings/{bid}")).text)
        else:
            cancel_through_the_api(alice_api, f"/bookings/{bid}")


ROOM_FIELDS = {"name": "Hostile room", "location": "Floor 9", "capacity": "6",
               "description": "For tests", "checkin_required": "1"}


@pytest.fixture(scope="module")
def room_to_edit():
    """A room of this module's own."""
    find = "SELECT COALESCE(MAX(id), 0) FROM rooms WHERE name = 'Hostile edits'"
    if sql_value(find) == "0":
        admin = login("admin")
        resp = post_form(admin, "/admin/rooms", {
            **ROOM_FIELDS, "name": "Hostile edits",
            "csrf": page_csrf(admin, "/admin/rooms/new")})
        assert resp.status_code == 303, resp.text[:300]
    return int(sql_value(find))


def room_form_fields(session, rid):
    """The edit form as the page fills it in."""
    page = BeautifulSoup(session.get(url(f"/admin/rooms/{rid}/edit")).text, "html.parser")
    fields = {i["name"]: i.get("value", "") for i in page.select("form input[name]")
              if i.get("type") != "checkbox" or i.has_attr("checked")}
    fields["description"] = page.select_one('textarea[name="description"]').get_text()
    return fields


@pytest.mark.parametrize("field", list(ROOM_FIELDS) + ["version"])
@pytest.mark.parametrize("payload", list(TEXT_PAYLOADS) + ["repeated"])
def test_the_room_forms(field, payload, room_to_edit, admin):
    value = ["a", "b"] if payload == "repeated" else TEXT_PAYLOADS[payload]
    if field != "version":
        fields = {**ROOM_FIELDS, "name": f"Hostile {field} {payload}",
                  "csrf": page_csrf(admin, "/admin/rooms/new"), field: value}
        before = counts()
        resp = post_form(admin, "/admin/rooms", fields)
        if judge(f"new room {field}={payload}", resp, before):
            shown_as_text(admin.get(url("/rooms")).text)
            shown_as_text(admin.get(url(resp.headers["Location"])).text)
    fields = {**room_form_fields(admin, room_to_edit), field: value}
    before = counts()
    resp = post_form(admin, f"/admin/rooms/{room_to_edit}", fields)
    if judge(f"edit room {field}={payload}", resp, before):
        shown_as_text(admin.get(url(f"/rooms/{room_to_edit}")).text)


@pytest.mark.parametrize("payload", list(TEXT_PAYLOADS))
def test_account_forms(payload):
    name = temporary_user("hostile")
    try:
        person = login(name)
        for field in ("current_password", "new_password", "confirm_password"):
            fields = {"csrf": page_csrf(person, "/account"), "current_password": "demo",
                      "new_password": "a sound passphrase", "confirm_password":
                      "a sound passphrase", field: TEXT_PAYLOADS[payload]}
            before = counts()
            resp = post_form(person, "/account/password", fields)
            assert judge(f"{field}={payload}", resp, before) is False, \
                f"{field}={payload} changed the password"
        before = counts()
        resp = post_form(person, "/account/tokens", {
            "csrf": page_csrf(person, "/account/tokens"), "name": TEXT_PAYLOADS[payload]})
        if judge(f"token name={payload}", resp, before):
            shown_as_text(person.get(url("/account/tokens")).text)
    finally:
        drop_user(name)


@pytest.mark.parametrize("field", ["login", "password", "next"])
@pytest.mark.parametrize("payload", list(TEXT_PAYLOADS))
def test_the_login_form(field, payload):
    import requests
    s = requests.Session()
    fields = {"csrf": page_csrf(s, "/login"), "login": "nobody", "password": "wrong",
              "next": "/"}
    fields[field] = TEXT_PAYLOADS[payload]
    before = counts()
    resp = post_form(s, "/login", fields)
    judge(f"login {field}={payload}", resp, before)
    if resp.status_code == 303:
        assert resp.headers["Location"].startswith("/"), "an open redirect"
        assert not resp.headers["Location"].startswith("//")


QUERIES = {
    "/bookings/new": ["room_id", "start", "date"],
    "/status": ["room", "status", "person", "from", "to", "after", "before"],
    "/status/day": ["date"],
    "/status/rooms/1": ["week"],
    "/status/usage": ["from", "to"],
    "/status/usage.csv": ["from", "to"],
    "/rooms": ["location", "min_capacity"],
    "/login": ["next"],
}
API_QUERIES = {
    "/api/bookings": ["user", "limit", "after"],
    "/api/bookingLists": ["room", "status", "person", "from", "to", "cursor", "limit"],
    "/api/confirms": ["status", "limit", "after"],
    "/api/notifications": ["unread"],
}


@pytest.mark.parametrize("payload", list(TEXT_PAYLOADS) + ["repeated"])
def test_query_parameters(payload, admin, admin_api):
    token = admin_api
    before = counts()
    for session, table in ((admin, QUERIES), (token, API_QUERIES)):
        for path, names in table.items():
            for name in names:
                value = ["1", "2"] if payload == "repeated" else TEXT_PAYLOADS[payload]
                query = urllib.parse.urlencode({name: value}, doseq=True)
                resp = session.get(url(f"{path}?{query}"), allow_redirects=False,
                                   timeout=30)
                judge(f"{path}?{name}={payload}", resp, before)
                if resp.status_code == 200 and "html" in resp.headers["Content-Type"]:
                    shown_as_text(resp.text)


def api_send(session, method, path, body, headers=None):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return session.request(method, url(path), data=data, timeout=30,
                           headers={"Content-Type": "application/json", **(headers or {})})


def with_field(valid, field, payload):
    """valid's JSON with field set to the payload (raw bytes if need be)."""
    if payload in RAW_JSON_PAYLOADS:
        marker = "\u2603MARK\u2603"
        text = json.dumps({**valid, field: marker}).encode()
        return text.replace(json.dumps(marker).encode(), RAW_JSON_PAYLOADS[payload])
    return {**valid, field: JSON_PAYLOADS[payload]}


@pytest.mark.parametrize("field", ["roomId", "useStartDtm", "useEndDtm", "title",
                                   "attendees", "starts_at", "ends_at"])
@pytest.mark.parametrize("payload", list(JSON_PAYLOADS) + list(RAW_JSON_PAYLOADS))
def test_the_booking_api(field, payload, alice_api):
    alice = alice_api
    start, end = next_slot()
    valid = {"roomId": room_id(), "useStartDtm": start, "useEndDtm": end,
             "title": "Hostile", "attendees": 2}
    before = counts()
    resp = api_send(alice, "POST", "/api/bookings", with_field(valid, field, payload))
    if judge(f"{field}={payload}", resp, before):
        assert resp.status_code == 201
        made = resp.json()
        assert alice.get(url(f"/api/bookings/{made['bookingId']}")).json()["title"] == \
            made["title"]
        cancel_through_the_api(alice, resp.headers["Location"])


@pytest.mark.parametrize("payload", list(JSON_PAYLOADS) + list(RAW_JSON_PAYLOADS))
def test_the_other_api_writes(payload, room_to_edit, alice_api, admin_api, admin):
    alice = alice_api
    web_admin, admin = admin, admin_api
    start, end = next_slot()
    made = api_send(alice, "POST", "/api/bookings", {
        "roomId": room_id(), "useStartDtm": start, "useEndDtm": end,
        "title": "Hostile", "attendees": 2})
    assert made.status_code == 201
    bid = made.json()["bookingId"]
    rid = room_to_edit
    version = admin.get(url(f"/api/rooms/{rid}")).headers["ETag"]
    writes = [
        ("PATCH", f"/api/confirms/{bid}", {"status": "DENIED", "reason": "x"}, "status"),
        ("PATCH", f"/api/confirms/{bid}", {"status": "DENIED", "reason": "x"}, "reason"),
        ("POST", "/api/realuses", {"bookingId": bid}, "bookingId"),
        ("PATCH", f"/api/realuses/{bid}", {}, "realUseEndDtm"),
        ("POST", "/api/rooms", {"name": f"API hostile {payload}", "capacity": 4},
         "name"),
        ("POST", "/api/rooms", {"name": f"API hostile cap {payload}", "capacity": 4},
         "capacity"),
        ("POST", "/api/rooms", {"name": f"API hostile loc {payload}", "capacity": 4},
         "location"),
        ("PATCH", f"/api/rooms/{rid}", {"status": "Y"}, "status"),
        ("PATCH", f"/api/rooms/{rid}", {"description": "d"}, "description"),
    ]
    for method, path, valid, field in writes:
        session = alice if "realuses" in path else admin
        before = counts()
        resp = api_send(session, method, path, with_field(valid, field, payload),
                        headers={"If-Match": version})
        if judge(f"{method} {path} {field}={payload}", resp, before) and \
                path.startswith("/api/rooms/"):
            version = resp.headers.get("ETag", version)
            shown_as_text(web_admin.get(url(f"/rooms/{rid}")).text)
    if alice.get(url(f"/api/bookings/{bid}")).json()["status"] == "pending":
        cancel_through_the_api(alice, f"/bookings/{bid}")


def test_oversized_and_malformed_json_bodies(alice_api):
    alice = alice_api
    before = counts()
    for body, status in ((b"[" * 30000, 400), (b'{"title": "' + b"x" * 70000 + b'"}', 413),
                         (b"[]", 400), (b'{"a":1,"a":2}', 400), (b"\x00", 400),
                         (b'{"title": "\xff"}', 400), (b"", 400), (b"1e99999", 400)):
        resp = api_send(alice, "POST", "/api/bookings", body)
        assert resp.status_code == status, (body[:20], resp.status_code, resp.text[:200])
        assert resp.json()["error"]["message"]
    assert counts() == before


@pytest.fixture
def markup_booking(alice, admin, alice_api):
    """A pending booking and a denied one, titled with markup, and the
    notifications they cause."""
    made = []
    for _ in range(2):
        start, end = next_slot()
        resp = post_form(alice, "/bookings", {
            **booking_form(alice), "room_id": str(room_id()), "starts_at": start,
            "ends_at": end, "title": MARKUP, "attendees": "2"})
        assert resp.status_code == 303
        made.append((int(resp.headers["Location"].rsplit("/", 1)[1]), start))
    denied = post_form(admin, f"/admin/approvals/{made[1][0]}/deny", {
        "csrf": page_csrf(admin, "/admin/approvals"), "reason": MARKUP})
    assert denied.status_code == 303
    yield alice, admin, made
    cancel_through_the_api(alice_api, f"/bookings/{made[0][0]}")


def test_a_title_with_markup_is_text_everywhere_it_appears(markup_booking, alice_api):
    alice, admin, made = markup_booking
    (pending, start), (denied, _) = made
    day = start[:10]
    year, week, _ = datetime.date.fromisoformat(day).isocalendar()
    pages = [(alice, "/bookings"), (alice, f"/bookings/{pending}"),
             (alice, f"/bookings/{denied}"), (alice, "/notifications"),
             (alice, f"/status?from={day}&to={day}"), (alice, f"/status/day?date={day}"),
             (alice, f"/status/rooms/{room_id()}?week={year}-W{week:02d}"),
             (admin, "/admin/approvals?limit=500"), (admin, "/notifications")]
    for session, path in pages:
        resp = session.get(url(path), timeout=15)
        assert resp.status_code == 200, path
        shown_as_text(resp.text)
        assert MARKUP in BeautifulSoup(resp.text, "html.parser").get_text(), \
            f"{path} does not show the title as text"
    api = alice_api
    for path in (f"/api/bookings/{pending}", f"/api/bookingLists?from={day}&to={day}",
                 "/api/notifications"):
        resp = api.get(url(path))
        assert resp.headers["Content-Type"].startswith("application/json")
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert any(MARKUP == b.get("title") or MARKUP in b.get("message", "")
                   for b in listed(resp.json())), path


def listed(document):
    """The objects of an API answer: the one, or those of its list."""
    if "bookingId" in document:
        return [document]  # one booking, with its list of participants
    for value in document.values():
        if isinstance(value, list):
            return value
    return [document]


FORMULA_ROOM = '=HYPERLINK("http://x")' + MARKUP


def test_a_room_name_with_markup_or_a_formula_is_inert_in_the_csv(admin):
    if sql_value(f"SELECT COUNT(*) FROM rooms WHERE name = {json.dumps(FORMULA_ROOM)}") == "0":
        made = post_form(admin, "/admin/rooms", {
            **ROOM_FIELDS, "name": FORMULA_ROOM, "csrf": page_csrf(admin, "/admin/rooms/new")})
        assert made.status_code == 303, made.text[:300]
    shown_as_text(admin.get(url("/status/usage")).text)
    csv = admin.get(url("/status/usage.csv"))
    assert csv.headers["Content-Type"].startswith("text/csv")
    assert csv.headers["X-Content-Type-Options"] == "nosniff"
    # Quoted, its quotes doubled, and a leading ' so no spreadsheet runs it.
    assert '"\'=HYPERLINK(""http://x"")' + MARKUP.replace('"', '""') + '"' in csv.text
