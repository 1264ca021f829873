"""Scripts book through the JSON API with a bearer token: the origin's
/bookings resource, its field names and time formats, and the same rules
and answers as the forms."""
import concurrent.futures
import datetime
import time
import uuid

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, book, login, page_csrf, quiet_day, room_id, roomctl, sql,
                      sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def token_for(who, name="test script"):
    out = roomctl("token", "add", who, name)
    assert out.returncode == 0, out.stderr
    token = out.stdout.strip()
    assert len(token) == 43
    return token


@pytest.fixture(scope="module")
def alice_api():
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token_for('alice')}"
    return s


@pytest.fixture(scope="module")
def admin_api():
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token_for('admin')}"
    return s


def origin(t):
    return t.strftime("%Y%m%d%H%M")


_days = []


def slot(hour, minute=0, day=None):
    """An hour in Geneva on the module's quiet day (each test its own hours)."""
    if not _days:
        _days.append(quiet_day(room_id("Geneva")))
    day = day or _days[0]
    start = datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)
    return start, start + datetime.timedelta(hours=1)


def create(session, start, end, room=None, headers=None, **fields):
    body = {"roomId": room or room_id("Geneva"), "useStartDtm": origin(start),
            "useEndDtm": origin(end), "title": "API meeting", "attendees": 3}
    body.update(fields)
    body = {k: v for k, v in body.items() if v is not None}
    return session.post(url("/api/bookings"), json=body, headers=headers or {})


def error_of(resp):
    assert resp.headers["Content-Type"].startswith("application/json"), resp.text[:200]
    return resp.json()["error"]


def test_without_a_working_token_the_api_answers_401():
    resp = requests.get(url("/api/bookings"))
    assert resp.status_code == 401 and error_of(resp)["code"] == "unauthorized"
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")
    resp = requests.get(url("/api/bookings"), headers={"Authorization": "Bearer " + "A" * 43})
    assert resp.status_code == 401 and "invalid_token" in resp.headers["WWW-Authenticate"]
    resp = requests.get(url("/api/bookings"), headers={"Authorization": "Basic YWxpY2U6ZGVtbw=="})
    assert resp.status_code == 401 and "invalid_request" in resp.headers["WWW-Authenticate"]
    token = token_for("bob", "to revoke")
    ok = requests.get(url("/api/bookings"), headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200
    tid = sql_value("SELECT MAX(id) FROM api_tokens")
    assert roomctl("token", "revoke", tid).returncode == 0
    gone = requests.get(url("/api/bookings"), headers={"Authorization": f"Bearer {token}"})
    assert gone.status_code == 401


def test_a_cookie_session_cannot_write_through_the_api():
    alice = login("alice")
    start, end = slot(9)
    resp = create(alice, start, end)
    assert resp.status_code == 401
    assert sql_value("SELECT COUNT(*) FROM bookings WHERE title = 'API meeting'"
                     f" AND starts_at = '{start.astimezone(datetime.timezone.utc):%Y-%m-%d %H:%M:%S}'"
                     ) == "0"


def test_create_in_the_origin_format_and_read_it_back(alice_api):
    start, end = slot(10)
    resp = create(alice_api, start, end)
    assert resp.status_code == 201, resp.text
    made = resp.json()
    assert resp.headers["Location"] == f"/api/bookings/{made['bookingId']}"
    assert made["useStartDtm"] == start.strftime("%Y%m%d%H%M%S")
    assert made["starts_at"] == start.astimezone(datetime.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%SZ")
    assert made["confirmStatus"] == "BOOKED" and made["status"] == "pending"
    assert made["roomName"] == "Geneva" and made["attendees"] == 3
    again = alice_api.get(url(f"/api/bookings/{made['bookingId']}"))
    assert again.status_code == 200 and again.json() == made
    # The web page shows the same booking.
    page = login("alice").get(url(f"/bookings/{made['bookingId']}"))
    assert "API meeting" in page.text


def test_iso_times_with_a_zone_or_without_and_our_own_field_names(alice_api):
    day = _days[0] if _days else None
    start, end = slot(11, day=day)
    day = start.date()
    utc = start.astimezone(datetime.timezone.utc)
    resp = create(alice_api, start, end, useStartDtm=None, useEndDtm=None,
                  starts_at=utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
                  ends_at=end.isoformat(timespec="minutes"))
    assert resp.status_code == 201, resp.text
    assert resp.json()["useStartDtm"] == start.strftime("%Y%m%d%H%M%S")
    local = slot(13, day=day)
    resp = create(alice_api, *local, useStartDtm=local[0].strftime("%Y-%m-%dT%H:%M"),
                  useEndDtm=local[1].strftime("%Y-%m-%dT%H:%M:00"))
    assert resp.status_code == 201, resp.text
    assert resp.json()["useEndDtm"] == local[1].strftime("%Y%m%d%H%M%S")


def test_a_retry_with_the_same_idempotency_key_gets_the_same_booking(alice_api):
    start, end = slot(15)
    run = uuid.uuid4().hex
    key = {"Idempotency-Key": f"retry-{run}"}
    first = create(alice_api, start, end, headers=key, title=f"Once {run}")
    assert first.status_code == 201
    second = create(alice_api, start, end, headers=key, title=f"Once {run}")
    assert second.status_code == 200
    assert second.json()["bookingId"] == first.json()["bookingId"]
    assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE title = 'Once {run}'") == "1"
    bad = create(alice_api, start, end, headers={"Idempotency-Key": "no spaces please"})
    assert bad.status_code == 400


@pytest.mark.parametrize("body, status, field", [
    ('{"roomId": 1,', 400, None),
    ('[1, 2]', 400, None),
    ('{"roomId": 1, "roomId": 2}', 400, None),
    ('{"roomId": "1", "useStartDtm": "202701111000", "useEndDtm": "202701111100",'
     ' "title": "x", "attendees": 2}', 422, "roomId"),
    ('{"roomId": 1, "useStartDtm": "202701111000", "useEndDtm": "202701111100",'
     ' "title": "x", "attendees": 2, "colour": "red"}', 422, None),
    ('{"roomId": 1, "useStartDtm": "202701111000", "useEndDtm": "202701111100",'
     ' "attendees": 2}', 422, "title"),
    ('{"roomId": 1, "useStartDtm": "tomorrow", "useEndDtm": "202701111100",'
     ' "title": "x", "attendees": 2}', 422, "useStartDtm"),
    ('{"roomId": 1, "useStartDtm": "202701111000", "starts_at": "202701111000",'
     ' "useEndDtm": "202701111100", "title": "x", "attendees": 2}', 422, "useStartDtm"),
    ('{"roomId": 1, "useStartDtm": "20270111100030", "useEndDtm": "202701111100",'
     ' "title": "x", "attendees": 2}', 422, "useStartDtm"),
    ('{"roomId": 1, "useStartDtm": "2027-02-31T10:00Z", "useEndDtm": "202701111100",'
     ' "title": "x", "attendees": 2}', 422, "useStartDtm"),
    ('{"roomId": 1, "useStartDtm": "202701111000", "useEndDtm": "202701111100",'
     ' "title": "x", "attendees": 99999999999999999}', 422, "attendees"),
])
def test_bad_bodies_get_a_clear_json_error_and_write_nothing(alice_api, body, status, field):
    before = sql_value("SELECT COUNT(*) FROM bookings")
    resp = alice_api.post(url("/api/bookings"), data=body,
                          headers={"Content-Type": "application/json"})
    assert resp.status_code == status, resp.text
    err = error_of(resp)
    assert err["message"] and err["field"] == field
    assert sql_value("SELECT COUNT(*) FROM bookings") == before


def test_other_content_types_and_oversize_bodies_are_refused(alice_api):
    resp = alice_api.post(url("/api/bookings"), data="roomId=1",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status_code == 415 and error_of(resp)["code"] == "unsupported_media_type"
    big = '{"title": "' + "x" * 100000 + '"}'
    resp = alice_api.post(url("/api/bookings"), data=big,
                          headers={"Content-Type": "application/json"})
    assert resp.status_code == 413 and error_of(resp)["code"] == "too_large"


def test_the_api_and_the_form_give_the_same_answer_for_the_same_request(alice_api):
    alice = login("alice")
    start, end = slot(16)
    assert create(alice_api, start, end).status_code == 201
    # The slot is taken: 409 with the same words through both.
    api = create(alice_api, start, end)
    form = book(alice, room_id("Geneva"), start.strftime("%Y-%m-%dT%H:%M"),
                end.strftime("%Y-%m-%dT%H:%M"))
    assert api.status_code == form.status_code == 409
    message = error_of(api)["message"]
    assert message.startswith("That time is taken") and message in form.text
    assert error_of(api)["field"] == "useStartDtm"
    # Outside opening hours: 422 with the same words.
    early = start.replace(hour=5), start.replace(hour=6)
    api = create(alice_api, *early)
    form = book(alice, room_id("Geneva"), early[0].strftime("%Y-%m-%dT%H:%M"),
                early[1].strftime("%Y-%m-%dT%H:%M"))
    assert api.status_code == form.status_code == 422
    assert error_of(api)["message"] in BeautifulSoup(form.text, "html.parser").get_text()
    # A title that shows nothing (the form's field is required too).
    blank = slot(17)
    for title in ("", "   ", "\u00a0"):
        api = create(alice_api, *blank, title=title)
        assert api.status_code == 422 and error_of(api)["field"] == "title", title
    assert error_of(api)["message"] == "Give the meeting a title."
    form = book(alice, room_id("Geneva"), blank[0].strftime("%Y-%m-%dT%H:%M"),
                blank[1].strftime("%Y-%m-%dT%H:%M"), title="   ")
    assert form.status_code == 422 and "Give the meeting a title." in form.text
    # Too many people for the room.
    api = create(alice_api, *slot(17), attendees=5000)
    assert api.status_code == 422 and error_of(api)["field"] == "attendees"


def test_only_the_owner_and_administrators_see_a_booking(alice_api, admin_api):
    made = create(alice_api, *slot(18)).json()
    bob = requests.Session()
    bob.headers["Authorization"] = f"Bearer {token_for('bob')}"
    assert bob.get(url(f"/api/bookings/{made['bookingId']}")).status_code == 404
    assert admin_api.get(url(f"/api/bookings/{made['bookingId']}")).status_code == 200
    assert alice_api.get(url("/api/bookings/99999999")).status_code == 404
    assert alice_api.get(url("/api/bookings?user=2")).status_code == 403


def test_listing_walks_every_booking_once_page_by_page(admin_api):
    login_name = f"api{uuid.uuid4().hex[:6]}"
    sql("INSERT INTO users (login, display_name, email, role, password_hash)"
        f" SELECT '{login_name}', 'Lister', '', 'user', password_hash FROM users"
        " WHERE login = 'alice'")
    uid = sql_value(f"SELECT id FROM users WHERE login = '{login_name}'")
    out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at,"
              f" status) SELECT {room_id('Geneva')}, {uid}, CONCAT('List ', seq), 1,"
              " '2031-01-01' + INTERVAL seq HOUR, '2031-01-01' + INTERVAL seq HOUR"
              " + INTERVAL 30 MINUTE, 'cancelled' FROM seq_1_to_250")
    assert out.returncode == 0, out.stderr
    assert roomctl("refresh-status").returncode == 0
    seen, path = [], f"/api/bookings?user={uid}&limit=100"
    while path:
        page = admin_api.get(url(path))
        assert page.status_code == 200
        seen += [b["bookingId"] for b in page.json()["bookings"]]
        path = page.json().get("next")
    assert len(seen) == 250 and len(set(seen)) == 250 and seen == sorted(seen)
    too_many = admin_api.get(url("/api/bookings?limit=501"))
    assert too_many.status_code == 422
    assert too_many.json()["error"] == {
        "code": "invalid", "field": "limit",
        "message": "limit must be a whole number from 1 to 500"}


def test_delete_cancels_as_the_web_does(alice_api, admin_api):
    mine = create(alice_api, *slot(19)).json()["bookingId"]
    resp = alice_api.delete(url(f"/api/bookings/{mine}"))
    assert resp.status_code == 204 and resp.text == ""
    assert sql_value(f"SELECT status FROM bookings WHERE id = {mine}") == "cancelled"
    again = alice_api.delete(url(f"/api/bookings/{mine}"))
    assert again.status_code == 409 and "already cancelled" in error_of(again)["message"]
    theirs = create(alice_api, *slot(12)).json()["bookingId"]
    resp = admin_api.delete(url(f"/api/bookings/{theirs}"))
    assert resp.status_code == 422 and error_of(resp)["field"] == "reason"
    resp = admin_api.delete(url(f"/api/bookings/{theirs}?reason=Board+meeting"))
    assert resp.status_code == 204
    assert sql_value(f"SELECT reason FROM bookings WHERE id = {theirs}") == "Board meeting"


def test_people_make_and_revoke_their_tokens_on_a_page():
    alice = login("alice")
    page = alice.get(url("/account/tokens"))
    assert page.status_code == 200
    token_csrf = BeautifulSoup(page.text, "html.parser").select_one(
        'form[action="/account/tokens"] input[name="csrf"]')["value"]
    empty = alice.post(url("/account/tokens"), data={"csrf": token_csrf, "name": ""})
    assert empty.status_code == 422 and 'id="name-error"' in empty.text
    made = alice.post(url("/account/tokens"), data={"csrf": token_csrf, "name": "Calendar"})
    assert made.status_code == 201
    token = BeautifulSoup(made.text, "html.parser").select_one("#new-token").get_text()
    assert len(token) == 43
    # Only a hash is stored: the token's text is nowhere in the table.
    assert sql_value("SELECT COUNT(*) FROM api_tokens WHERE name = 'Calendar'"
                     f" AND INSTR(token_hash, '{token}') > 0") == "0"
    bearer = {"Authorization": f"Bearer {token}"}
    assert requests.get(url("/api/bookings"), headers=bearer).status_code == 200
    # Shown once: the list does not show it again.
    listing = alice.get(url("/account/tokens")).text
    assert token not in listing and "Calendar" in listing
    tid = sql_value("SELECT MAX(id) FROM api_tokens WHERE name = 'Calendar'")
    assert "last used" in listing
    bob = login("bob")
    theirs = bob.post(url(f"/account/tokens/{tid}/revoke"),
                      data={"csrf": page_csrf(bob, "/account/tokens")},
                      allow_redirects=False)
    assert theirs.status_code == 404  # not bob's
    revoked = alice.post(url(f"/account/tokens/{tid}/revoke"),
                         data={"csrf": token_csrf}, allow_redirects=False)
    assert revoked.status_code == 303
    assert requests.get(url("/api/bookings"), headers=bearer).status_code == 401
    assert "revoked" in alice.get(url("/account/tokens")).text



def test_a_token_that_sends_too_much_gets_429_and_others_are_unaffected():
    hasty = requests.Session()
    hasty.headers["Authorization"] = f"Bearer {token_for('bob', 'hasty')}"
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        codes = list(pool.map(lambda _: hasty.get(url("/api/notifications")), range(200)))
    limited = [r for r in codes if r.status_code == 429]
    assert limited, "200 requests at once should go beyond the burst of 100"
    assert {r.status_code for r in codes} <= {200, 429}
    assert error_of(limited[0])["code"] == "too_many_requests"
    assert limited[0].headers["Retry-After"] == "1"
    # Another token, and people in browsers, are not held back meanwhile.
    other = requests.Session()
    other.headers["Authorization"] = f"Bearer {token_for('bob', 'patient')}"
    assert other.get(url("/api/notifications")).status_code == 200
    assert login("bob").get(url("/bookings")).status_code == 200
    time.sleep(1.5)
    assert hasty.get(url("/api/notifications")).status_code == 200


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "Bearer", "bEaReR  "])
def test_the_rate_limit_holds_whatever_the_case_of_the_scheme(scheme):
    """The scheme's case (and the spaces after it) is not part of the rule
    the gateway counts by: every spelling the programs accept is limited,
    and spellings do not share out fresh allowances between them."""
    token = token_for("bob", f"case {scheme.strip()}")
    spelled = requests.Session()
    spelled.headers["Authorization"] = f"{scheme} {token}"
    assert spelled.get(url("/api/notifications")).status_code == 200
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        codes = [r.status_code for r in
                 pool.map(lambda _: spelled.get(url("/api/notifications")), range(300))]
    assert set(codes) <= {200, 429}
    assert codes.count(429) >= 50, f"{scheme!r}: only {codes.count(429)} of 300 limited"
    # Right after, the same token in the usual spelling is held back too.
    usual = requests.Session()
    usual.headers["Authorization"] = f"Bearer {token}"
    with concurrent.futures.ThreadPoolExecutor(10) as pool:
        again = [r.status_code for r in
                 pool.map(lambda _: usual.get(url("/api/notifications")), range(10))]
    assert 429 in again
