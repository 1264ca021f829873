"""The origin's /confirms, /notifications and /realuses through the JSON
API, with the same answers as the pages."""
import datetime

import pytest

from conftest import (SITE_TZ, api_session, login, page_csrf, quiet_day, room_id,
                      set_clock, sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact", "real_clock_after")


def request_booking(session, day, hour, title="Via the API"):
    start = datetime.datetime.combine(day, datetime.time(hour), SITE_TZ)
    resp = session.post(url("/api/bookings"), json={
        "roomId": room_id("Istanbul"), "useStartDtm": start.strftime("%Y%m%d%H%M"),
        "useEndDtm": (start + datetime.timedelta(hours=1)).strftime("%Y%m%d%H%M"),
        "title": title, "attendees": 2})
    assert resp.status_code == 201, resp.text
    return resp.json()["bookingId"], start


def confirmed_booking(alice, admin, hour, title):
    """alice's booking at hour on a quiet day, confirmed, with the clock
    at 08:00 that day."""
    day = quiet_day(room_id("Istanbul"))
    set_clock(datetime.datetime.combine(day, datetime.time(8), SITE_TZ))
    bid, start = request_booking(alice, day, hour, title)
    assert admin.patch(url(f"/api/confirms/{bid}"),
                       json={"status": "CONFIRMED"}).status_code == 200
    return bid, start


def test_confirms_list_the_queue_and_decide_as_the_page_does():
    alice, admin = api_session("alice"), api_session("admin")
    day = quiet_day(room_id("Istanbul"))
    first, _ = request_booking(alice, day, 9)
    second, _ = request_booking(alice, day, 11)
    queue, path = [], "/api/confirms?status=BOOKED&limit=500"
    while path:
        page = admin.get(url(path))
        assert page.status_code == 200
        queue += [c["bookingId"] for c in page.json()["confirms"]]
        path = page.json().get("next")
    assert first in queue and second in queue
    assert all(c == "BOOKED" for c in [b["confirmStatus"] for b in page.json()["confirms"]])
    assert alice.get(url("/api/confirms")).status_code == 403
    assert admin.get(url("/api/confirms?status=DENIED")).status_code == 422

    ok = admin.patch(url(f"/api/confirms/{first}"), json={"status": "CONFIRMED"})
    assert ok.status_code == 200 and ok.json()["confirmStatus"] == "CONFIRMED"
    assert ok.json()["confirmUserId"] == int(sql_value(
        "SELECT id FROM users WHERE login = 'admin'"))
    again = admin.patch(url(f"/api/confirms/{first}"), json={"status": "DENIED",
                                                             "reason": "late"})
    assert again.status_code == 409
    assert again.json()["error"]["message"].startswith("This booking is already confirmed")
    # The page refuses the same way.
    web_admin = login("admin")
    page = web_admin.post(url(f"/admin/approvals/{first}/deny"),
                          data={"csrf": page_csrf(web_admin, "/admin/approvals"),
                                "reason": "late"}, allow_redirects=False)
    assert page.status_code == 409 and "already confirmed" in page.text

    no_reason = admin.patch(url(f"/api/confirms/{second}"), json={"status": "DENIED"})
    assert no_reason.status_code == 422 and no_reason.json()["error"]["field"] == "reason"
    bad = admin.patch(url(f"/api/confirms/{second}"), json={"status": "MAYBE"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "status"
    denied = admin.patch(url(f"/api/confirms/{second}"),
                         json={"status": "DENIED", "reason": "Board meeting"})
    assert denied.status_code == 200 and denied.json()["confirmStatus"] == "DENIED"
    assert denied.json()["reason"] == "Board meeting"
    assert admin.patch(url("/api/confirms/99999999"),
                       json={"status": "CONFIRMED"}).status_code == 404

    # The owner hears of both decisions; reading them clears the unread list.
    unread = alice.get(url("/api/notifications?unread=1")).json()["notifications"]
    told = {n["bookingId"]: n["message"] for n in unread}
    assert "is confirmed" in told[first] and "Board meeting" in told[second]
    assert alice.post(url("/api/notifications/read")).status_code == 204
    assert alice.get(url("/api/notifications?unread=1")).json()["notifications"] == []
    everything = alice.get(url("/api/notifications")).json()["notifications"]
    assert any(n["bookingId"] == first and not n["unread"] for n in everything)
    yes = alice.get(url("/api/notifications?unread=yes"))
    assert yes.status_code == 422
    assert yes.json()["error"] == {"code": "invalid", "field": "unread",
                                   "message": "unread must be 0 or 1"}


def test_real_uses_check_in_and_out_with_the_pages_rules():
    alice, admin = api_session("alice"), api_session("admin")
    bid, start = confirmed_booking(alice, admin, 14, "Used via the API")
    early = alice.post(url("/api/realuses"), json={"bookingId": bid})
    assert early.status_code == 409
    assert early.json()["error"]["message"] == \
        "Check-in opens at 13:45, 15 minutes before the start."
    assert alice.get(url(f"/api/realuses/{bid}")).status_code == 404

    set_clock(start + datetime.timedelta(minutes=3))
    made = alice.post(url("/api/realuses"), json={"bookingId": bid})
    assert made.status_code == 201 and made.headers["Location"] == f"/api/realuses/{bid}"
    assert made.json()["status"] == "in_use" and made.json()["realUseEndDtm"] is None
    assert made.json()["realUseStartDtm"].startswith(
        (start + datetime.timedelta(minutes=3)).astimezone(datetime.timezone.utc)
        .strftime("%Y-%m-%dT%H:%M"))
    assert alice.post(url("/api/realuses"), json={"bookingId": "x"}).status_code == 422

    set_clock(start + datetime.timedelta(minutes=30))
    future = alice.patch(url(f"/api/realuses/{bid}"), json={"realUseEndDtm": "203001011000"})
    assert future.status_code == 422
    done = alice.patch(url(f"/api/realuses/{bid}"), json={})
    assert done.status_code == 200 and done.json()["status"] == "completed"
    assert done.json()["realUseEndDtm"].startswith(
        (start + datetime.timedelta(minutes=30)).astimezone(datetime.timezone.utc)
        .strftime("%Y-%m-%dT%H:%M"))
    again = alice.patch(url(f"/api/realuses/{bid}"), json={})
    assert again.status_code == 409
    assert "Only a booking in use can be checked out; this one is completed." in \
        again.json()["error"]["message"]
    shown = alice.get(url(f"/api/realuses/{bid}"))
    assert shown.status_code == 200 and shown.json()["realUseEndDtm"] is not None


def test_a_real_use_reported_late_ends_when_it_ended():
    alice, admin = api_session("alice"), api_session("admin")
    bid, start = confirmed_booking(alice, admin, 10, "Reported late")
    set_clock(start + datetime.timedelta(minutes=5))
    assert alice.post(url("/api/realuses"), json={"bookingId": bid}).status_code == 201

    set_clock(start + datetime.timedelta(minutes=50))
    before = alice.patch(url(f"/api/realuses/{bid}"), json={
        "realUseEndDtm": (start + datetime.timedelta(minutes=4)).strftime("%Y%m%d%H%M")})
    assert before.status_code == 422
    assert before.json()["error"] == {
        "code": "invalid", "field": "realUseEndDtm",
        "message": "A real use cannot end before it began, at 10:05."}
    assert alice.get(url(f"/api/realuses/{bid}")).json()["status"] == "in_use"
    # The epoch is not "now".
    epoch = alice.patch(url(f"/api/realuses/{bid}"), json={"realUseEndDtm": "1970-01-01T00:00Z"})
    assert epoch.status_code == 422 and epoch.json()["error"]["field"] == "realUseEndDtm"
    assert alice.get(url(f"/api/realuses/{bid}")).json()["status"] == "in_use"

    ended = start + datetime.timedelta(minutes=40)
    done = alice.patch(url(f"/api/realuses/{bid}"), json={
        "realUseEndDtm": ended.isoformat()})
    assert done.status_code == 200 and done.json()["status"] == "completed"
    assert done.json()["realUseEndDtm"] == \
        ended.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert sql_value(f"SELECT TIMESTAMPDIFF(MINUTE, actual_start, actual_end)"
                     f" FROM bookings WHERE id = {bid}") == "35"


def test_rooms_are_added_and_taken_out_of_use_as_on_the_pages():
    alice, admin = api_session("alice"), api_session("admin")
    name = f"API room {datetime.datetime.now().strftime('%H%M%S%f')}"
    made = admin.post(url("/api/rooms"), json={"name": name, "location": "Floor 2",
                                               "capacity": 6, "checkinRequired": 1})
    assert made.status_code == 201, made.text
    room = made.json()
    assert made.headers["Location"] == f"/api/rooms/{room['roomId']}"
    assert room["status"] == "Y" and room["checkinRequired"] is True
    assert made.headers["ETag"] == f'"{room["version"]}"'
    assert any(r["roomId"] == room["roomId"] for r in alice.get(url("/api/rooms")).json()["rooms"])
    # The form's checks, with the form's words.
    dup = admin.post(url("/api/rooms"), json={"name": name, "capacity": 3})
    assert dup.status_code == 409 and "Another room already has this name" in dup.text
    small = admin.post(url("/api/rooms"), json={"name": name + " b", "capacity": 0})
    assert small.status_code == 422 and small.json()["error"]["field"] == "capacity"
    assert "from 1 to 10000" in small.json()["error"]["message"]
    assert alice.post(url("/api/rooms"), json={"name": "x", "capacity": 2}).status_code == 403

    # A booking in it, then out of use: the booking is cancelled and its
    # owner told, exactly as when an administrator uses the room page.
    day = quiet_day(room["roomId"])
    start = datetime.datetime.combine(day, datetime.time(10), SITE_TZ)
    booked = alice.post(url("/api/bookings"), json={
        "roomId": room["roomId"], "useStartDtm": start.strftime("%Y%m%d%H%M"),
        "useEndDtm": (start + datetime.timedelta(hours=1)).strftime("%Y%m%d%H%M"),
        "title": "Doomed", "attendees": 2}).json()["bookingId"]
    path = url(f"/api/rooms/{room['roomId']}")
    assert admin.patch(path, json={"status": "N"}).status_code == 422
    stale = admin.patch(path, json={"status": "N", "reason": "Flooded"},
                        headers={"If-Match": '"999"'})
    assert stale.status_code == 412
    assert sql_value(f"SELECT status FROM bookings WHERE id = {booked}") == "pending"
    out = admin.patch(path, json={"status": "N", "reason": "Flooded"},
                      headers={"If-Match": made.headers["ETag"]})
    assert out.status_code == 200 and out.json()["status"] == "N"
    assert out.json()["reason"] == "Flooded"
    assert sql_value(f"SELECT status FROM bookings WHERE id = {booked}") == "cancelled"
    told = alice.get(url("/api/notifications?unread=1")).json()["notifications"]
    assert any(n["bookingId"] == booked and "Flooded" in n["message"] for n in told)
    again = admin.patch(path, json={"status": "N", "reason": "Still"})
    assert again.status_code == 409 and "already closed" in again.json()["error"]["message"]
    back = admin.patch(path, json={"status": "Y"})
    assert back.status_code == 200 and back.json()["status"] == "Y"
    assert admin.patch(path, json={"status": "Y"}).status_code == 409
    assert admin.patch(path, json={"status": "maybe"}).status_code == 422
    assert admin.patch(url("/api/rooms/99999999"), json={"status": "Y"}).status_code == 404
    assert admin.get(url("/api/rooms/99999999")).status_code == 404


def test_room_fields_change_only_at_the_version_they_were_read():
    admin = api_session("admin")
    name = f"Edit room {datetime.datetime.now().strftime('%H%M%S%f')}"
    made = admin.post(url("/api/rooms"), json={"name": name, "capacity": 6})
    assert made.status_code == 201
    path, etag = url(made.headers["Location"]), made.headers["ETag"]
    # Without If-Match, or with an old version, nothing changes.
    assert admin.patch(path, json={"capacity": 8}).status_code == 428
    assert admin.patch(path, json={"capacity": 8}, headers={"If-Match": '"99"'}).status_code == 412
    version = etag.strip('"')
    for malformed in (f'" {version}"', f'"+{version}"', f'"{version}', f'{version}"', "*",
                      f'"{version}x"', '"99999999999999999999999"'):
        wrong = admin.patch(path, json={"capacity": 8}, headers={"If-Match": malformed})
        assert wrong.status_code == 400, malformed
        assert wrong.json()["error"]["message"]
    changed = admin.patch(path, json={"capacity": 8, "location": "Floor 9"},
                          headers={"If-Match": etag})
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["capacity"] == 8 and body["location"] == "Floor 9" and body["name"] == name
    assert changed.headers["ETag"] != etag
    # The same version twice: the second is refused, as the edit form does.
    stale = admin.patch(path, json={"capacity": 9}, headers={"If-Match": etag})
    assert stale.status_code == 412 and "changed since" in stale.json()["error"]["message"]
    # The form's checks and words.
    bad = admin.patch(path, json={"capacity": 0}, headers={"If-Match": changed.headers["ETag"]})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "capacity"
    taken = admin.patch(path, json={"name": "Berlin"}, headers={"If-Match": changed.headers["ETag"]})
    assert taken.status_code == 409 and "Another room already has this name" in taken.text
    mixed = admin.patch(path, json={"status": "N", "reason": "x", "capacity": 3})
    assert mixed.status_code == 422
    page = login("admin").get(url(f"/rooms/{body['roomId']}"))
    assert "Floor 9" in page.text and "seats 8" in page.text
