"""A series changed or cancelled for one date, the following dates or all
of them: dates changed on their own stay so, a cancelled date never comes
back, and a date cancelled and booked by someone else never blocks the
series (MRBS #659, #2821, #2429, #466)."""
import datetime

import pytest
from bs4 import BeautifulSoup

from conftest import SITE_TZ, api_session, csrf_of, login, new_room, sql_value, url

pytestmark = pytest.mark.usefixtures("read_model_exact")


@pytest.fixture(scope="module")
def alice_api():
    return api_session("alice", "series changes")


@pytest.fixture
def room():
    return new_room("Changing")


def first_monday():
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=150)
    return day - datetime.timedelta(days=day.weekday())


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)


def origin(t):
    return t.strftime("%Y%m%d%H%M")


def series(api, room, weeks=5, hour=10, title="Weekly sync", day=None):
    start = at(day or first_monday(), hour)
    resp = api.post(url("/api/bookings"), json={
        "roomId": room, "useStartDtm": origin(start),
        "useEndDtm": origin(start + datetime.timedelta(hours=1)), "title": title,
        "attendees": 3, "recurrence": f"FREQ=WEEKLY;COUNT={weeks}"})
    assert resp.status_code == 201, resp.text
    return resp.json()["bookings"]


def patch(api, bid, scope=None, reset=False, **fields):
    etag = api.get(url(f"/api/bookings/{bid}")).headers["ETag"]
    query = "?" + "&".join(p for p in (f"scope={scope}" if scope else "",
                                        "reset=1" if reset else "") if p)
    return api.patch(url(f"/api/bookings/{bid}{query.rstrip('?')}"), json=fields,
                     headers={"If-Match": etag})


def local(bid, column="starts_at"):
    """The booking's column as the site's wall clock, "YYYY-MM-DD HH:MM"."""
    value = sql_value(f"SELECT {column} FROM bookings WHERE id = {bid}")
    t = datetime.datetime.fromisoformat(value).replace(tzinfo=datetime.timezone.utc)
    return t.astimezone(SITE_TZ).strftime("%Y-%m-%d %H:%M")


def facts(ids):
    return [(local(b)[11:], sql_value(f"SELECT CONCAT(title, '|', status) FROM bookings"
                                      f" WHERE id = {b}")) for b in ids]


def test_a_date_changed_alone_survives_a_change_of_the_series(alice_api, room):
    """MRBS #659, #2821: a series edit overwrote the dates changed alone."""
    ids = series(alice_api, room)
    day2 = first_monday() + datetime.timedelta(weeks=1)
    resp = patch(alice_api, ids[1], scope="this", useStartDtm=origin(at(day2, 14)),
                 useEndDtm=origin(at(day2, 15)))
    assert resp.status_code == 200, resp.text
    assert sql_value(f"SELECT series_detached FROM bookings WHERE id = {ids[1]}") == "1"

    resp = patch(alice_api, ids[0], scope="all", title="Weekly planning",
                 useStartDtm=origin(at(first_monday(), 11)),
                 useEndDtm=origin(at(first_monday(), 12)))
    assert resp.status_code == 200, resp.text
    assert facts(ids) == [("11:00", "Weekly planning|pending"), ("14:00", "Weekly sync|pending")] + \
        [("11:00", "Weekly planning|pending")] * 3
    # Each date keeps its own date: the time of day moved, not the day.
    assert [local(b)[:10] for b in ids] == [
        (first_monday() + datetime.timedelta(weeks=n)).isoformat() for n in range(5)]
    sid = sql_value(f"SELECT series_id FROM bookings WHERE id = {ids[0]}")
    assert sql_value(f"SELECT CONCAT(start_minute, ' ', title) FROM booking_series"
                     f" WHERE id = {sid}") == "660 Weekly planning"

    # Unless the person asks for every date to follow the series again.
    resp = patch(alice_api, ids[0], scope="all", reset=True, title="Weekly planning",
                 useStartDtm=origin(at(first_monday(), 9)),
                 useEndDtm=origin(at(first_monday(), 10)))
    assert resp.status_code == 200, resp.text
    assert facts(ids) == [("09:00", "Weekly planning|pending")] * 5
    assert sql_value(f"SELECT series_detached FROM bookings WHERE id = {ids[1]}") == "0"


def test_a_cancelled_date_never_comes_back_nor_blocks(alice_api, room):
    """MRBS #2429: an edit brought a deleted date back; #466: a series could
    not be edited once a deleted date was booked by someone else."""
    ids = series(alice_api, room)
    assert alice_api.delete(url(f"/api/bookings/{ids[2]}?scope=this")).status_code == 204
    # Bob books the cancelled date's slot at the time the series moves to.
    day3 = first_monday() + datetime.timedelta(weeks=2)
    bob = api_session("bob", "series changes")
    taken = bob.post(url("/api/bookings"), json={
        "roomId": room, "useStartDtm": origin(at(day3, 15)), "useEndDtm": origin(at(day3, 16)),
        "title": "Bob's", "attendees": 2, "recurrence": "FREQ=DAILY;COUNT=1"})
    assert taken.status_code == 201

    resp = patch(alice_api, ids[0], scope="all", useStartDtm=origin(at(first_monday(), 15)),
                 useEndDtm=origin(at(first_monday(), 16)))
    assert resp.status_code == 200, resp.text
    assert [f[1].split("|")[1] for f in facts(ids)] == [
        "pending", "pending", "cancelled", "pending", "pending"]
    assert local(ids[2])[11:] == "10:00", "the cancelled date stays as it was"


def test_a_date_that_cannot_change_refuses_the_whole_change(alice_api, room):
    ids = series(alice_api, room)
    day4 = first_monday() + datetime.timedelta(weeks=3)
    bob = api_session("bob", "series changes")
    assert bob.post(url("/api/bookings"), json={
        "roomId": room, "useStartDtm": origin(at(day4, 16)), "useEndDtm": origin(at(day4, 17)),
        "title": "In the way", "attendees": 2,
        "recurrence": "FREQ=DAILY;COUNT=1"}).status_code == 201
    resp = patch(alice_api, ids[0], scope="all", useStartDtm=origin(at(first_monday(), 16)),
                 useEndDtm=origin(at(first_monday(), 17)))
    assert resp.status_code == 409
    assert day4.isoformat() in resp.json()["error"]["message"]
    assert [f[0] for f in facts(ids)] == ["10:00"] * 5, "nothing half-changed"


def test_this_and_the_following_split_the_series(alice_api, room):
    ids = series(alice_api, room)
    day3 = first_monday() + datetime.timedelta(weeks=2)
    resp = patch(alice_api, ids[2], scope="following", title="Later sync",
                 useStartDtm=origin(at(day3, 13)), useEndDtm=origin(at(day3, 14)))
    assert resp.status_code == 200, resp.text
    assert facts(ids) == [("10:00", "Weekly sync|pending")] * 2 + \
        [("13:00", "Later sync|pending")] * 3
    old = sql_value(f"SELECT series_id FROM bookings WHERE id = {ids[0]}")
    new = sql_value(f"SELECT series_id FROM bookings WHERE id = {ids[2]}")
    assert old != new
    assert sql_value(f"SELECT series_id FROM bookings WHERE id = {ids[4]}") == new
    # The old one ends the day before the split; its dates stay as they are.
    assert sql_value(f"SELECT rrule FROM booking_series WHERE id = {old}") == \
        "FREQ=WEEKLY;UNTIL=" + (day3 - datetime.timedelta(days=1)).strftime("%Y%m%d")
    assert sql_value(f"SELECT CONCAT(first_date, ' ', rrule) FROM booking_series"
                     f" WHERE id = {new}") == \
        f"{day3.isoformat()} FREQ=WEEKLY;UNTIL=" + \
        (first_monday() + datetime.timedelta(weeks=4)).strftime("%Y%m%d")


def test_many_dates_cannot_move_to_another_day(alice_api, room):
    ids = series(alice_api, room)
    tuesday = first_monday() + datetime.timedelta(days=1)
    resp = patch(alice_api, ids[0], scope="all", useStartDtm=origin(at(tuesday, 10)),
                 useEndDtm=origin(at(tuesday, 11)))
    assert resp.status_code == 422
    assert resp.json()["error"]["field"] == "useStartDtm"
    # This date alone may.
    assert patch(alice_api, ids[0], scope="this", useStartDtm=origin(at(tuesday, 10)),
                 useEndDtm=origin(at(tuesday, 11))).status_code == 200


def test_cancelling_the_following_dates_and_all_of_them(alice_api, room):
    ids = series(alice_api, room)
    assert alice_api.delete(url(f"/api/bookings/{ids[3]}?scope=following")).status_code == 204
    assert [f[1].split("|")[1] for f in facts(ids)] == ["pending"] * 3 + ["cancelled"] * 2

    # An administrator cancels the rest with a reason: the owner is told once.
    alice = login("alice")
    name = sql_value(f"SELECT name FROM rooms WHERE id = {room}")
    admin = api_session("admin", "series changes")
    assert admin.delete(url(f"/api/bookings/{ids[1]}?scope=all")).status_code == 422
    assert admin.delete(url(f"/api/bookings/{ids[1]}?scope=all&reason=Renovation")
                        ).status_code == 204
    assert [f[1].split("|")[1] for f in facts(ids)] == ["cancelled"] * 5
    notes = [n.select_one(".message").get_text() for n in BeautifulSoup(
        alice.get(url("/notifications")).text, "html.parser").select(".note")]
    told = [n for n in notes if name in n]
    assert len(told) == 1
    assert "cancelled 3 dates" in told[0] and "Renovation" in told[0]


def test_the_forms_offer_the_scope(room):
    alice = login("alice")
    ids = series(api_session("alice", "series forms"), room, weeks=3)
    page = BeautifulSoup(alice.get(url(f"/bookings/{ids[1]}")).text, "html.parser")
    assert "One of 3 dates" in page.select_one("#series").get_text()
    assert len(page.select("ol.series-dates li")) == 3
    assert page.select_one("#cancel-following") is not None

    edit = alice.get(url(f"/bookings/{ids[1]}/edit"))
    doc = BeautifulSoup(edit.text, "html.parser")
    assert doc.select_one("#scope-this").has_attr("checked")
    form = {i["name"]: i.get("value", "") for i in doc.select("form input")
            if i.get("name") and i.get("type") not in ("checkbox", "radio")}
    form.update({"room_id": str(room), "scope": "following", "title": "Renamed"})
    resp = alice.post(url(f"/bookings/{ids[1]}/edit"), data=form, allow_redirects=False)
    assert resp.status_code == 303, resp.text[:500]
    assert [sql_value(f"SELECT title FROM bookings WHERE id = {b}") for b in ids] == [
        "Weekly sync", "Renamed", "Renamed"]

    # "This and the following" made the later dates a series of their own,
    # as calendars do: "all" of that one leaves the first date.
    resp = alice.post(url(f"/bookings/{ids[1]}/cancel"), data={
        "csrf": csrf_of(alice.get(url(f"/bookings/{ids[1]}")).text), "scope": "all"},
        allow_redirects=False)
    assert resp.status_code == 303
    assert [sql_value(f"SELECT status FROM bookings WHERE id = {b}") for b in ids] == [
        "pending", "cancelled", "cancelled"]


def test_taking_the_room_out_of_use_cancels_every_date_to_come(alice_api, room):
    ids = series(alice_api, room)
    admin = api_session("admin", "series closure")
    resp = admin.patch(url(f"/api/rooms/{room}"), json={"status": "N", "reason": "Flooded"})
    assert resp.status_code == 200, resp.text
    assert {sql_value(f"SELECT status FROM bookings WHERE id = {b}") for b in ids} == \
        {"cancelled"}


def test_the_deciders_hear_once_of_a_series_moved_not_of_a_new_title(alice_api, room):
    ids = series(alice_api, room)
    name = sql_value(f"SELECT name FROM rooms WHERE id = {room}")

    def told():
        notes = BeautifulSoup(login("admin").get(url("/notifications")).text, "html.parser")
        return [n.select_one(".message").get_text() for n in notes.select(".note")
                if name in n.select_one(".message").get_text()
                and "Changed request" in n.select_one(".message").get_text()]

    assert patch(alice_api, ids[0], scope="all", title="Renamed sync").status_code == 200
    assert told() == []
    assert patch(alice_api, ids[0], scope="all", useStartDtm=origin(at(first_monday(), 12)),
                 useEndDtm=origin(at(first_monday(), 13))).status_code == 200
    assert len(told()) == 1 and "5 dates" in told()[0]
