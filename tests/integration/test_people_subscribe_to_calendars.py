"""Calendar feeds: a person subscribes their calendar program to their own
bookings or to a room's, through an address whose token is shown once,
kept as its hash, opens nothing but that feed and can be revoked.  The
feed is an iCalendar PUBLISH, parsed here with icalendar and
recurring_ical_events."""
import datetime

import icalendar
import pytest
import recurring_ical_events
import requests
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, api_session, book, booked_id, log_text, login, new_room,
                      next_slot, page_csrf, sql_value, url)


@pytest.fixture(scope="module")
def alice_api():
    return api_session("alice", "calendar feeds")


def subscribe(api, **body):
    made = api.post(url("/api/calendarFeeds"), json=body)
    assert made.status_code == 201, made.text
    return made.json()


def fetch(feed_url, **headers):
    return requests.get(feed_url, headers=headers, timeout=30)


def events(text):
    return [c for c in icalendar.Calendar.from_ical(text).walk() if c.name == "VEVENT"]


def uids(text):
    return {str(e["UID"]) for e in events(text)}


def far_monday(days=230):
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=days)
    return day - datetime.timedelta(days=day.weekday())


def at(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), SITE_TZ)


def test_my_feed_holds_my_bookings_and_drops_what_was_cancelled(alice_api):
    alice = login("alice")
    feed = subscribe(alice_api)
    assert feed["url"].endswith(".ics") and feed["webcalUrl"].startswith("webcal://")
    assert feed["roomId"] is None
    kept = booked_id(book(alice, title="Kept in the feed"))
    gone = booked_id(book(alice, title="Cancelled from the feed"))
    assert alice_api.delete(url(f"/api/bookings/{gone}")).status_code == 204
    bob_only = booked_id(book(login("bob"), title="Bob's own"))
    # No session, no cookie: the token in the address is the key.
    resp = fetch(feed["url"])
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(resp.text)
    assert str(cal["METHOD"]) == "PUBLISH"
    got = uids(resp.text)
    assert f"booking-{kept}@127.0.0.1" in got
    assert f"booking-{gone}@127.0.0.1" not in got
    assert f"booking-{bob_only}@127.0.0.1" not in got
    (mine,) = [e for e in events(resp.text) if str(e["UID"]) == f"booking-{kept}@127.0.0.1"]
    assert str(mine["SUMMARY"]) == "Kept in the feed" and str(mine["STATUS"]) == "TENTATIVE"


def test_an_unchanged_feed_answers_304_and_a_change_shows(alice_api):
    alice = login("alice")
    feed = subscribe(alice_api)
    first = fetch(feed["url"])
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    # Compressed on the way (the gateway gzips calendars), it is weak.
    assert etag.removeprefix("W/").startswith('"') and modified.endswith("GMT")
    assert first.headers.get("Content-Encoding") == "gzip"
    assert "no-cache" in first.headers["Cache-Control"]
    again = fetch(feed["url"], **{"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    bid = booked_id(book(alice, title="New since last time"))
    changed = fetch(feed["url"], **{"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert f"booking-{bid}@127.0.0.1" in uids(changed.text)


def test_a_room_feed_shows_the_room_and_hides_others_private_titles(alice_api):
    room = new_room("Feed room")
    bob = api_session("bob", "private in a feed")
    start, end = next_slot()
    made = bob.post(url("/api/bookings"), json={
        "roomId": room, "useStartDtm": start.replace("-", "").replace("T", "").replace(":", ""),
        "useEndDtm": end.replace("-", "").replace("T", "").replace(":", ""),
        "title": "Secret merger", "attendees": 2, "private": True})
    assert made.status_code == 201, made.text
    theirs = made.json()["bookingId"] if "bookingId" in made.json() else made.json()["id"]
    mine = booked_id(book(login("alice"), room=room, title="Open planning"))
    other_room = booked_id(book(login("alice"), title="Elsewhere"))
    feed = subscribe(alice_api, roomId=room)
    assert feed["roomId"] == room
    text = fetch(feed["url"]).text
    by_uid = {str(e["UID"]): e for e in events(text)}
    assert str(by_uid[f"booking-{mine}@127.0.0.1"]["SUMMARY"]) == "Open planning"
    assert str(by_uid[f"booking-{theirs}@127.0.0.1"]["SUMMARY"]) == "Private booking"
    assert f"booking-{other_room}@127.0.0.1" not in by_uid
    assert "Secret merger" not in text


def test_a_series_is_one_event_with_its_exceptions(alice_api):
    room = new_room("Feed series")
    first = far_monday()
    made = alice_api.post(url("/api/bookings"), json={
        "roomId": room, "useStartDtm": at(first, 9).strftime("%Y%m%d%H%M"),
        "useEndDtm": at(first, 10).strftime("%Y%m%d%H%M"), "title": "Weekly in a feed",
        "attendees": 3, "recurrence": "FREQ=WEEKLY;COUNT=4"})
    assert made.status_code == 201, made.text
    ids, series = made.json()["bookings"], made.json()["seriesId"]
    assert alice_api.delete(url(f"/api/bookings/{ids[1]}?scope=this")).status_code == 204
    text = fetch(subscribe(alice_api, roomId=room)["url"]).text
    (master,) = [e for e in events(text) if str(e["UID"]) == f"series-{series}@127.0.0.1"]
    assert "RRULE" in master and "EXDATE" in master
    cal = icalendar.Calendar.from_ical(text)
    got = sorted(e["DTSTART"].dt.astimezone(SITE_TZ).date() for e in
                 recurring_ical_events.of(cal).between(at(first, 0),
                                                       at(first + datetime.timedelta(weeks=5), 0))
                 if str(e["UID"]) == f"series-{series}@127.0.0.1")
    assert got == [first, first + datetime.timedelta(weeks=2), first + datetime.timedelta(weeks=3)]


def test_a_revoked_feed_is_gone_and_a_token_opens_nothing_else(alice_api):
    feed = subscribe(alice_api)
    token = feed["url"].rsplit("/", 1)[1][:-4]
    assert fetch(feed["url"]).status_code == 200
    # The address is the key: no log holds it.
    for log in ("status.log", "nginx-access.log"):
        assert token not in log_text(log), log
    # Kept only as its hash.
    assert sql_value("SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = "
                     f"'{token}'") == "0"
    # The feed's token is no API token, nor a session.
    assert requests.get(url("/api/bookings"),
                        headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert requests.get(url("/status"), cookies={"session": token},
                        allow_redirects=False).status_code in (302, 303)
    assert fetch(url(f"/calendar/{token}")).status_code == 404
    assert fetch(url("/calendar/" + "A" * 43 + ".ics")).status_code == 404
    listed = alice_api.get(url("/api/calendarFeeds")).json()["feeds"]
    assert any(f["id"] == feed["id"] and not f["revoked"] for f in listed)
    assert alice_api.delete(url(f"/api/calendarFeeds/{feed['id']}")).status_code == 204
    assert fetch(feed["url"]).status_code == 404
    assert alice_api.delete(url(f"/api/calendarFeeds/{feed['id']}")).status_code == 404
    # Nobody revokes another person's feed.
    other = subscribe(alice_api)
    bob = api_session("bob", "not mine")
    assert bob.delete(url(f"/api/calendarFeeds/{other['id']}")).status_code == 404
    assert fetch(other["url"]).status_code == 200


def test_a_room_that_does_not_exist_is_refused(alice_api):
    resp = alice_api.post(url("/api/calendarFeeds"), json={"roomId": 999999999})
    assert resp.status_code == 422
    assert resp.json()["error"]["field"] == "roomId"
    resp = alice_api.post(url("/api/calendarFeeds"), json={"roomId": "Berlin"})
    assert resp.status_code == 422


def test_the_account_page_shows_a_new_address_once_and_revokes(alice_api):
    alice = login("alice")
    page = alice.get(url("/account/calendars"))
    assert page.status_code == 200
    made = alice.post(url("/account/calendars"),
                      data={"csrf": page_csrf(alice, "/account/calendars"), "room": ""})
    assert made.status_code == 201
    doc = BeautifulSoup(made.text, "html.parser")
    address = doc.select_one("#new-feed").text
    assert doc.select_one("#new-webcal").text.startswith("webcal://")
    assert fetch(address).status_code == 200
    again = alice.get(url("/account/calendars"))
    assert address not in again.text                  # shown once
    feed_id = BeautifulSoup(again.text, "html.parser").select_one("li.feed")["id"][5:]
    revoked = alice.post(url(f"/account/calendars/{feed_id}/revoke"),
                         data={"csrf": page_csrf(alice, "/account/calendars")},
                         allow_redirects=False)
    assert revoked.status_code == 303
    assert fetch(address).status_code == 404
    refused = alice.post(url("/account/calendars"),
                         data={"csrf": page_csrf(alice, "/account/calendars"), "room": "x"})
    assert refused.status_code == 422 and 'id="room-error"' in refused.text
