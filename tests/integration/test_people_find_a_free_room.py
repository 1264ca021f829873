"""The room finder: "a room for 6 with video, 14:00-15:00" or "an hour
between 13:00 and 17:00" answers with the rooms free for it that fit, best
first, each with a button that books it; when none does, other times and
rooms with one requirement less; "free now" for walk-ins.  It keeps to what
a request keeps to, and a room someone took meanwhile answers 409 with the
next one.  Pages and the API alike.

Each test asks for equipment of its own, so only its own rooms fit."""
import datetime
import uuid

import pytest
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, api_session, login, roomctl, set_clock, sql_value,
                      temporary_user, url)
from test_rooms_have_a_place_and_equipment import (add_building, add_feature,
                                                   add_floor)
from test_series_are_booked_date_by_date import ask as book_api, at, origin

pytestmark = pytest.mark.usefixtures("read_model_exact")


@pytest.fixture(scope="module")
def alice_api():
    return api_session("alice", "finder")


@pytest.fixture(scope="module")
def bob_api():
    return api_session("bob", "finder")


def weekday(days_ahead):
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def next_open_day(day):
    day += datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def room(admin_api, prefix, capacity, features=(), **extra):
    made = admin_api.post(url("/api/rooms"), json=dict({
        "name": f"{prefix} {uuid.uuid4().hex[:6]}", "capacity": capacity,
        "features": list(features)}, **extra))
    assert made.status_code == 201, made.text
    return made.json()


def blocked(session, room_id, start, minutes=60):
    resp = book_api(session, room_id, start, minutes=minutes, title="In the way")
    assert resp.status_code == 201, resp.text
    return resp.json()


def free(session, **query):
    resp = session.get(url("/api/rooms/free"), params=query)
    assert resp.status_code == 200, resp.text
    return resp.json()


def names(offers):
    return [o["name"] for o in offers]


def page_offers(page, list_id="offers"):
    doc = BeautifulSoup(page.text, "html.parser")
    return [a.get_text() for a in doc.select(f"#{list_id} li.offer a.room")]


@pytest.fixture(scope="module")
def admin_api():
    return api_session("admin", "finder")


def test_the_rooms_that_fit_come_best_first(admin, alice, alice_api, admin_api):
    video = add_feature(admin)
    screen = add_feature(admin)
    building, _ = add_building(admin)
    floor = add_floor(admin, building, 2, "Second")
    far = room(admin_api, "Far", 8, [video])
    near_big = room(admin_api, "Near big", 20, [video], floorId=floor)
    snug = room(admin_api, "Snug", 6, [video])
    kitted = room(admin_api, "Kitted", 6, [video, screen])
    room(admin_api, "Tiny", 4, [video])                 # too small
    room(admin_api, "Plain", 10)                        # no video
    taken = room(admin_api, "Taken", 6, [video])
    day = weekday(12)
    blocked(alice_api, taken["roomId"], at(day, 14, 30), minutes=30)

    found = free(alice_api, start=origin(at(day, 14)), end=origin(at(day, 15)),
                 people=6, feature=video, building=building)
    # The building asked for first; then the smallest room that fits; then
    # the least equipment beyond what was asked.
    assert names(found["rooms"]) == [near_big["name"], snug["name"], kitted["name"],
                                     far["name"]]
    first = found["rooms"][0]
    assert first["building"] and first["floor"] == "Second"
    assert first["start"].startswith(str(day)) or first["start"] < first["end"]
    assert found["otherTimes"] == [] and found["withOneLess"] == []

    page = alice.get(url("/rooms/find"), params={
        "date": str(day), "from": "14:00", "to": "15:00", "people": "6",
        "feature": video, "building": building}, timeout=30)
    assert page.status_code == 200
    assert page_offers(page) == names(found["rooms"])
    # The form keeps what was asked.
    doc = BeautifulSoup(page.text, "html.parser")
    assert doc.select_one("#people")["value"] == "6"
    assert doc.select_one(f'input[name="feature"][value="{video}"]').has_attr("checked")


def test_what_it_offers_follows_every_write_at_once(admin, alice_api, bob_api,
                                                   admin_api):
    """The workers keep the rooms and a day's bookings between requests;
    a booking, a cancellation or a room's change shows in the next answer,
    whichever worker gives it."""
    kit = add_feature(admin)
    a = room(admin_api, "Kept A", 6, [kit])
    b = room(admin_api, "Kept B", 8, [kit])
    day = weekday(20)
    ask = dict(start=origin(at(day, 10)), end=origin(at(day, 11)), people=2, feature=kit)
    for _ in range(8):      # every worker of the pool keeps the day
        assert names(free(alice_api, **ask)["rooms"]) == [a["name"], b["name"]]
    taken = blocked(bob_api, a["roomId"], at(day, 10))
    for _ in range(8):
        assert names(free(alice_api, **ask)["rooms"]) == [b["name"]]
    assert bob_api.delete(url(f"/api/bookings/{taken['bookingId']}")).status_code == 204
    for _ in range(8):
        assert names(free(alice_api, **ask)["rooms"]) == [a["name"], b["name"]]
    shrunk = admin_api.patch(url(f"/api/rooms/{a['roomId']}"), json={"capacity": 1},
                             headers={"If-Match": f'"{a["version"]}"'})
    assert shrunk.status_code == 200, shrunk.text
    for _ in range(8):
        assert names(free(alice_api, **ask)["rooms"]) == [b["name"]]


def test_any_hour_between_finds_the_first_free_stretch(admin, alice_api, admin_api):
    kit = add_feature(admin)
    gap = room(admin_api, "Gap", 6, [kit])
    buffered = room(admin_api, "Buffered", 8, [kit], bufferMinutes=30)
    day = weekday(13)
    blocked(alice_api, gap["roomId"], at(day, 13))
    blocked(alice_api, gap["roomId"], at(day, 15))
    blocked(alice_api, buffered["roomId"], at(day, 13))

    found = free(alice_api, start=origin(at(day, 13)), end=origin(at(day, 17)),
                 minutes=60, people=4, feature=kit)
    starts = {o["name"]: o["start"] for o in found["rooms"]}
    assert set(starts) == {gap["name"], buffered["name"]}
    local = {n: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
             .astimezone(SITE_TZ).strftime("%H:%M") for n, s in starts.items()}
    # Free from 14:00 between two bookings; the other keeps 30 minutes
    # after its booking free.
    assert local == {gap["name"]: "14:00", buffered["name"]: "14:30"}


def test_when_nothing_fits_other_times_and_one_thing_less(admin, alice, alice_api,
                                                          admin_api):
    kit = add_feature(admin)
    only = room(admin_api, "Only one", 6, [kit])
    day = weekday(14)
    blocked(alice_api, only["roomId"], at(day, 14))

    found = free(alice_api, start=origin(at(day, 14)), end=origin(at(day, 15)),
                 people=6, feature=kit)
    assert found["rooms"] == []
    times = [(o["name"], datetime.datetime.fromisoformat(o["start"].replace("Z", "+00:00"))
              .astimezone(SITE_TZ)) for o in found["otherTimes"]]
    same_day = [t for n, t in times if t.date() == day]
    # The nearest free times that day, on either side of the booking.
    assert at(day, 13) in same_day and at(day, 15) in same_day
    assert all(n == only["name"] for n, _ in times)
    # And that time on the next open days.
    assert (only["name"], at(next_open_day(day), 14)) in times
    # A room without the equipment, free then.
    without = [o for o in found["withOneLess"] if o.get("without") == kit]
    assert len(without) == 1 and without[0]["roomId"] != only["roomId"]

    # Seven people: the one room with it seats six.
    found = free(alice_api, start=origin(at(day, 15)), end=origin(at(day, 16)),
                 people=7, feature=kit)
    assert found["rooms"] == []
    fewer = [o for o in found["withOneLess"] if o.get("without") == "seats"]
    assert [o["roomId"] for o in fewer] == [only["roomId"]]

    page = alice.get(url("/rooms/find"), params={
        "date": str(day), "from": "14:00", "to": "15:00", "people": "6",
        "feature": kit}, timeout=30)
    doc = BeautifulSoup(page.text, "html.parser")
    assert doc.select_one("#none-fits") is not None
    assert only["name"] in [a.get_text() for a in doc.select("#other-times a.room")]
    assert doc.select_one("#relaxed .without").get_text() == f"without {kit}"


def test_rooms_a_request_could_not_have_are_not_offered(admin, alice_api, admin_api):
    kit = add_feature(admin)
    group = "Finder " + uuid.uuid4().hex[:6]
    assert roomctl("group", "add", group, "for a test").returncode == 0
    restricted = room(admin_api, "Theirs", 6, [kit], bookableBy=[group])
    closed = room(admin_api, "Closed", 6, [kit])
    open_room = room(admin_api, "Open", 6, [kit])
    day = weekday(15)
    change = admin_api.patch(url(f"/api/rooms/{closed['roomId']}"), json={
        "status": "N", "reason": "Painting", "closedFrom": origin(at(day, 8)),
        "closedUntil": origin(at(day, 18))},
        headers={"If-Match": f'"{closed["version"]}"'})
    assert change.status_code == 200, change.text

    ask = dict(start=origin(at(day, 10)), end=origin(at(day, 11)), people=2, feature=kit)
    assert names(free(alice_api, **ask)["rooms"]) == [open_room["name"]]
    # An administrator may book the restricted one.
    assert set(names(free(admin_api, **ask)["rooms"])) == {open_room["name"],
                                                          restricted["name"]}
    # Outside the closure the closed one is back.
    ask.update(start=origin(at(day, 18)), end=origin(at(day, 19)))
    assert set(names(free(alice_api, **ask)["rooms"])) == {open_room["name"],
                                                          closed["name"]}


def test_a_person_at_their_limit_is_not_offered_the_room(admin, admin_api):
    kit = add_feature(admin)
    limited = room(admin_api, "Limited", 6, [kit], maxPerDay=1)
    other = room(admin_api, "Other", 8, [kit])
    api = api_session(temporary_user("f" + uuid.uuid4().hex[:9]), "limits")
    day = weekday(16)
    blocked(api, limited["roomId"], at(day, 9))
    found = free(api, start=origin(at(day, 11)), end=origin(at(day, 12)), people=2,
                 feature=kit)
    assert names(found["rooms"]) == [other["name"]]


def test_booking_from_the_finder_and_a_room_taken_meanwhile(admin, alice, alice_api,
                                                            bob_api, admin_api):
    kit = add_feature(admin)
    first = room(admin_api, "First", 6, [kit])
    second = room(admin_api, "Second", 8, [kit])
    day = weekday(18)
    page = alice.get(url("/rooms/find"), params={
        "date": str(day), "from": "10:00", "to": "11:00", "people": "5",
        "feature": kit, "title": "Design review"}, timeout=30)
    doc = BeautifulSoup(page.text, "html.parser")
    forms = doc.select("#offers form.offer-form")
    assert [f.select_one("a.room").get_text() for f in forms] == [first["name"],
                                                                  second["name"]]
    data = {i["name"]: i["value"] for i in forms[0].select("input[type=hidden]")}
    assert data["attendees"] == "5" and data["title"] == "Design review"

    # Bob takes the first room before Alice presses its button.
    blocked(bob_api, first["roomId"], at(day, 10))
    taken = alice.post(url("/bookings"), data=data, allow_redirects=False, timeout=30)
    assert taken.status_code == 409
    doc = BeautifulSoup(taken.text, "html.parser")
    suggestion = doc.select_one("#suggestion form.offer-form")
    assert suggestion.select_one("a.room").get_text() == second["name"]
    data = {i["name"]: i["value"] for i in suggestion.select("input[type=hidden]")}
    booked = alice.post(url("/bookings"), data=data, allow_redirects=False, timeout=30)
    assert booked.status_code == 303, booked.text[:800]
    bid = booked.headers["Location"].rsplit("/", 1)[1]
    assert sql_value(f"SELECT CONCAT(room_id, ' ', title, ' ', attendees) FROM bookings"
                     f" WHERE id = {bid}") == f"{second['roomId']} Design review 5"

    # The API answers the same: 409 with the next room.
    again = book_api(alice_api, first["roomId"], at(day, 10))
    assert again.status_code == 409
    assert again.json()["suggestion"] is None or \
        again.json()["suggestion"]["roomId"] not in (first["roomId"], second["roomId"])
    third = room(admin_api, "Third", 6, [kit])
    again = book_api(alice_api, first["roomId"], at(day, 10))
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    assert again.json()["suggestion"]["roomId"] == third["roomId"]


@pytest.mark.parametrize("query, field", [
    ({"from": "15:00", "to": "14:00"}, "to"),
    ({"from": "05:00", "to": "06:00"}, "from"),
    ({"from": "14:00", "to": "15:00", "minutes": "90"}, "minutes"),
    ({"from": "14:00", "to": "15:00", "feature": "no such kit"}, "feature"),
    ({"from": "14:00", "to": "15:00", "people": "0"}, "people"),
    ({"from": "25:00", "to": "15:00"}, "from"),
    ({"to": "15:00"}, "from"),
])
def test_a_question_that_cannot_be_answered_is_marked(alice, alice_api, query, field):
    day = weekday(19)
    page = alice.get(url("/rooms/find"), params=dict({"date": str(day)}, **query),
                     timeout=30)
    assert page.status_code == 422
    doc = BeautifulSoup(page.text, "html.parser")
    marked = doc.select_one(f'[name="{field}"][aria-invalid="true"]') or \
        doc.select_one(".field-error")
    assert marked is not None, page.text[:2000]
    assert doc.select_one("#offers") is None


@pytest.mark.parametrize("query, field", [
    ({"start": "202612011500", "end": "202612011400"}, "end"),
    ({"end": "202612011400"}, "start"),
    ({"start": "x", "end": "202612011400"}, "start"),
    ({"start": "{day}1400", "end": "{day}1500", "feature": "no such kit"},
     "feature"),
])
def test_the_api_says_what_is_wrong(alice_api, query, field):
    day = weekday(19).strftime("%Y%m%d")
    resp = alice_api.get(url("/api/rooms/free"),
                         params={k: v.replace("{day}", day) for k, v in query.items()})
    assert resp.status_code == 422, resp.text
    assert resp.json()["error"]["field"] == field


def test_more_equipment_than_a_room_can_have_is_refused(alice, alice_api):
    """A room has at most 50 kinds of equipment; asking for more is 422 on
    the finder, its API and the rooms list alike, and says the limit."""
    kits = [f"kit {i}" for i in range(51)]
    day = weekday(19).strftime("%Y%m%d")
    resp = alice_api.get(url("/api/rooms/free"), params={
        "start": day + "1400", "end": day + "1500", "feature": kits})
    assert resp.status_code == 422, resp.text
    assert resp.json()["error"]["field"] == "feature"
    assert "50" in resp.json()["error"]["message"]
    for path, query in (("/rooms/find", {"date": str(weekday(19)), "from": "14:00",
                                          "to": "15:00"}), ("/rooms", {})):
        page = alice.get(url(path), params=dict(query, feature=kits), timeout=30)
        assert page.status_code == 422, path
        assert "at most 50" in page.text, path


def test_the_finder_is_for_people_logged_in():
    import requests
    assert requests.get(url("/api/rooms/free"), timeout=15).status_code == 401
    resp = requests.get(url("/rooms/find"), allow_redirects=False, timeout=15)
    assert resp.status_code in (302, 303) and "/login" in resp.headers["Location"]


def test_people_pressing_the_same_offer_at_once(admin, admin_api):
    """Twelve people press the same offer's button at the same moment: one
    gets the room, every other one a 409 naming another room free then;
    pressing those at once again books each room once.  No room is ever
    booked twice."""
    from conftest import fire, overlaps
    kit = add_feature(admin)
    rooms = [room(admin_api, f"Rush {i}", 6 + i, [kit]) for i in range(4)]
    day = weekday(21)
    people = [login(temporary_user("r" + uuid.uuid4().hex[:9])) for _ in range(12)]

    def first_offer(session):
        page = session.get(url("/rooms/find"), params={
            "date": str(day), "from": "15:00", "to": "16:00", "people": "4",
            "feature": kit}, timeout=30)
        form = BeautifulSoup(page.text, "html.parser").select_one("#offers form.offer-form")
        return {i["name"]: i["value"] for i in form.select("input[type=hidden]")}

    forms = [first_offer(s) for s in people]
    assert {f["room_id"] for f in forms} == {str(rooms[0]["roomId"])}
    answers = fire([lambda s=s, f=f: s.post(url("/bookings"), data=f, allow_redirects=False,
                                             timeout=60) for s, f in zip(people, forms)])
    assert sorted(a.status_code for a in answers) == [303] + [409] * 11
    suggested = []
    for a in answers:
        if a.status_code == 409:
            form = BeautifulSoup(a.text, "html.parser").select_one("#suggestion form")
            assert form is not None, a.text[:500]
            data = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
            assert data["room_id"] != str(rooms[0]["roomId"])
            suggested.append(data)
    losers = [s for s, a in zip(people, answers) if a.status_code == 409]
    again = fire([lambda s=s, f=f: s.post(url("/bookings"), data=f, allow_redirects=False,
                                           timeout=60) for s, f in zip(losers, suggested)])
    won = sum(a.status_code == 303 for a in again)
    assert won == len({f["room_id"] for f in suggested})
    assert all(a.status_code in (303, 409) for a in again)
    for r in rooms:
        assert overlaps(r["roomId"]) == 0
        assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE room_id = {r['roomId']}"
                         " AND status IN ('pending', 'confirmed')") in ("0", "1")


def test_free_now_for_a_walk_in(admin, alice_api, admin_api, real_clock_after):
    """Last: moving the clock ends the sessions made before."""
    kit = add_feature(admin)
    idle = room(admin_api, "Idle", 6, [kit])
    busy = room(admin_api, "Busy", 6, [kit])
    day = weekday(17)
    set_clock(at(day, 9, 50))
    blocked(alice_api, busy["roomId"], at(day, 10))
    blocked(alice_api, idle["roomId"], at(day, 12))
    set_clock(at(day, 10, 7))

    found = free(alice_api, now=1, people=2, feature=kit)
    assert names(found["rooms"]) == [idle["name"]]
    offer = found["rooms"][0]
    local = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00")) \
        .astimezone(SITE_TZ)
    # From the next quarter hour, free until its next booking.
    assert local(offer["start"]) >= at(day, 10, 7)
    assert local(offer["start"]) <= at(day, 10, 15)
    assert local(offer["freeUntil"]) == at(day, 12)

    # Logged in at that time: a session does not last the days the clock moved.
    page = login("alice").get(url("/rooms/find"), params={"now": "1", "feature": kit},
                              timeout=30)
    doc = BeautifulSoup(page.text, "html.parser")
    assert [a.get_text() for a in doc.select("#offers a.room")] == [idle["name"]], doc.select_one("main").get_text(" ", strip=True)[-800:]
    assert "12:00" in doc.select_one("#offers .until").get_text()
