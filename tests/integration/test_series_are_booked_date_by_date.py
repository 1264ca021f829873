"""A booking that repeats is a series: every date its rule gives is checked
as a single request is, shown before anything is written, and booked as a
booking of its own in one transaction under the room's lock."""
import datetime
import uuid

import pytest
from bs4 import BeautifulSoup

from conftest import SITE_TZ, api_session, booking_form, login, new_room, sql_value, url

pytestmark = pytest.mark.usefixtures("read_model_exact")

# Far enough ahead that the single bookings of other tests never meet
# these (they stay within 90 days), inside the series' horizon (365).
FAR = 120


@pytest.fixture(scope="module")
def alice_api():
    return api_session("alice", "series")


@pytest.fixture
def room():
    return new_room("Series")


def monday(weeks=0):
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=FAR + 7 * weeks)
    while day.weekday() != 0:
        day += datetime.timedelta(days=1)
    return day


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)


def origin(t):
    return t.strftime("%Y%m%d%H%M")


def ask(session, room, start, minutes=60, title="Team weekly", **extra):
    body = {"roomId": room, "useStartDtm": origin(start),
            "useEndDtm": origin(start + datetime.timedelta(minutes=minutes)),
            "title": title, "attendees": 3}
    body.update(extra)
    return session.post(url("/api/bookings"), json=body)


def block(session, room, start, minutes=60, title="Blocker"):
    """A booking in the way at start: a series of that one date, as single
    bookings may not be made this far ahead."""
    resp = ask(session, room, start, minutes=minutes, title=title,
               recurrence="FREQ=DAILY;COUNT=1")
    assert resp.status_code == 201, resp.text
    return resp.json()["bookings"][0]


def states(answer):
    return {d["date"]: d["state"] for d in answer["dates"]}


def count_bookings(room):
    return int(sql_value(f"SELECT COUNT(*) FROM bookings WHERE room_id = {room}"))


def test_a_preview_shows_every_date_and_writes_nothing(alice_api, room):
    first = monday()
    block(alice_api, room, at(first + datetime.timedelta(days=9), 10, 30), minutes=30,
          title="Budget review")
    # Bookings beside the dates are no conflict: before, after, between.
    for day, hour in ((0, 9), (0, 11), (1, 10), (2, 14), (14, 7), (16, 11)):
        block(alice_api, room, at(first + datetime.timedelta(days=day), hour))
    before = count_bookings(room)

    resp = ask(alice_api, room, at(first, 10), recurrence="FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6",
               preview=True)
    assert resp.status_code == 200, resp.text
    answer = resp.json()
    assert [d["date"] for d in answer["dates"]] == [
        (first + datetime.timedelta(days=n)).isoformat() for n in (0, 2, 7, 9, 14, 16)]
    wednesday = (first + datetime.timedelta(days=9)).isoformat()
    assert states(answer)[wednesday] == "taken"
    why = next(d["why"] for d in answer["dates"] if d["date"] == wednesday)
    assert "Budget review" in why and "10:30" in why
    assert answer["free"] == 5 and answer["skipped"] == 1 and answer["bookings"] == []
    assert "seriesId" not in answer
    assert count_bookings(room) == before


def test_a_taken_date_refuses_the_series_unless_it_is_skipped(alice_api, room):
    first = monday()
    block(alice_api, room, at(first + datetime.timedelta(days=7), 9), minutes=120)
    rule = "FREQ=WEEKLY;BYDAY=MO;COUNT=5"
    before = count_bookings(room)

    refused = ask(alice_api, room, at(first, 10), recurrence=rule)
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["field"] == "recurrence"
    assert (first + datetime.timedelta(days=7)).isoformat() in error["message"]
    assert count_bookings(room) == before, "nothing is half-written"

    made = ask(alice_api, room, at(first, 10), recurrence=rule, skipConflicts=True)
    assert made.status_code == 201, made.text
    answer = made.json()
    assert len(answer["bookings"]) == 4 and answer["skipped"] == 1
    series = answer["seriesId"]
    rows = sql_value(f"SELECT GROUP_CONCAT(CONCAT(original_date, ' ', status, ' ',"
                     f" series_id) ORDER BY original_date SEPARATOR ',') FROM bookings"
                     f" WHERE series_id = {series}").split(",")
    assert rows == [f"{(first + datetime.timedelta(days=7 * n)).isoformat()} pending {series}"
                    for n in (0, 2, 3, 4)]
    assert sql_value(f"SELECT rrule FROM booking_series WHERE id = {series}") == rule
    # Each date is a booking of its own, shown by the API as any other.
    one = alice_api.get(url(f"/api/bookings/{answer['bookings'][1]}"))
    assert one.status_code == 200 and one.json()["title"] == "Team weekly"


def test_a_retried_request_gets_the_same_series(alice_api, room):
    key = {"Idempotency-Key": f"series-{uuid.uuid4().hex}"}
    start = at(monday(2), 14)
    body = {"roomId": room, "useStartDtm": origin(start),
            "useEndDtm": origin(start + datetime.timedelta(hours=1)), "title": "Retro",
            "attendees": 2, "recurrence": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=3"}
    first = alice_api.post(url("/api/bookings"), json=body, headers=key)
    again = alice_api.post(url("/api/bookings"), json=body, headers=key)
    assert first.status_code == 201 and again.status_code == 200, again.text
    assert again.json()["seriesId"] == first.json()["seriesId"]
    assert again.json()["bookings"] == first.json()["bookings"]
    assert sql_value("SELECT COUNT(*) FROM booking_series WHERE id = "
                     f"{first.json()['seriesId']}") == "1"


@pytest.mark.parametrize("rule, part", [
    ("FREQ=SECONDLY;COUNT=3", "SECONDLY"),
    ("FREQ=DAILY;BYHOUR=9;COUNT=3", "BYHOUR"),
    ("FREQ=WEEKLY;COUNT=3;UNTIL=20270301", "UNTIL"),
    ("FREQ=YEARLY;COUNT=2", "YEARLY"),
])
def test_an_unsupported_rule_is_refused_naming_its_part(alice_api, room, rule, part):
    resp = ask(alice_api, room, at(monday(), 10), recurrence=rule)
    assert resp.status_code == 422, resp.text
    assert resp.json()["error"]["field"] == "recurrence"
    assert part in resp.json()["error"]["message"]


def test_more_dates_than_allowed_are_refused(alice_api, room):
    resp = ask(alice_api, room, at(monday(), 10), recurrence="FREQ=DAILY;COUNT=101")
    assert resp.status_code == 422
    assert "100" in resp.json()["error"]["message"]
    # A rule without an end would never stop: refused the same way.
    resp = ask(alice_api, room, at(monday(), 10), recurrence="FREQ=WEEKLY")
    assert resp.status_code == 422


def test_too_many_taken_dates_cannot_be_skipped(alice_api, room):
    first = monday()
    for week in (1, 2):
        block(alice_api, room, at(first + datetime.timedelta(weeks=week), 10))
    resp = ask(alice_api, room, at(first, 10), recurrence="FREQ=WEEKLY;COUNT=4",
               skipConflicts=True)
    assert resp.status_code == 409
    assert "2 of its 4" in resp.json()["error"]["message"]
    assert "25%" in resp.json()["error"]["message"]


def test_dates_outside_the_rules_are_named(alice_api, room):
    # Daily from a Friday: the weekend is closed.
    friday = monday() + datetime.timedelta(days=4)
    resp = ask(alice_api, room, at(friday, 10), recurrence="FREQ=DAILY;COUNT=4",
               preview=True)
    answer = resp.json()
    assert [d["state"] for d in answer["dates"]] == ["free", "outside", "outside", "free"]
    assert "Monday to Friday" in answer["dates"][1]["why"]
    # Beyond the series' horizon.
    far = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=350)
    while far.weekday() != 1:
        far += datetime.timedelta(days=1)
    answer = ask(alice_api, room, at(far, 10), recurrence="FREQ=WEEKLY;COUNT=5",
                 preview=True).json()
    assert answer["dates"][0]["state"] == "free"
    assert answer["dates"][-1]["state"] == "outside"
    assert "365 days" in answer["dates"][-1]["why"]


def test_a_long_booking_conflicts_in_its_middle(alice_api, room):
    """MRBS #670: a series' dates were checked at their starts only."""
    first = monday()
    block(alice_api, room, at(first + datetime.timedelta(days=1), 12), minutes=30)
    answer = ask(alice_api, room, at(first, 9), minutes=480, recurrence="FREQ=DAILY;COUNT=3",
                 preview=True).json()
    assert [d["state"] for d in answer["dates"]] == ["free", "taken", "free"]


def test_the_until_date_is_included_whatever_the_time(alice_api, room):
    """MRBS #3774: the last date was lost for a meeting late in the day."""
    first = monday()
    last = first + datetime.timedelta(weeks=2)
    for hour in (7, 19):
        answer = ask(alice_api, room, at(first, hour), recurrence="FREQ=WEEKLY;UNTIL="
                     + last.strftime("%Y%m%d"), preview=True).json()
        assert [d["date"] for d in answer["dates"]][-1] == last.isoformat(), hour


def test_first_and_third_tuesday(alice_api, room):
    """MRBS #1929: "1st and 3rd Tuesday" could not be said."""
    start = monday() + datetime.timedelta(days=1)
    answer = ask(alice_api, room, at(start, 10), recurrence="FREQ=MONTHLY;BYDAY=1TU,3TU;COUNT=4",
                 preview=True).json()
    days = [datetime.date.fromisoformat(d["date"]) for d in answer["dates"]]
    assert len(days) == 4
    assert all(d.weekday() == 1 and (d.day - 1) // 7 in (0, 2) for d in days)


def test_local_time_holds_across_a_daylight_saving_change(alice_api, room):
    """MRBS #3628, LibreBooking #1536: durations and times shifted by an hour."""
    # Weekly from three weeks before the next change of the site's clock.
    change = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=30)
    while at(change, 12).utcoffset() == at(change + datetime.timedelta(days=1), 12).utcoffset():
        change += datetime.timedelta(days=1)
    day = change - datetime.timedelta(days=21)
    day -= datetime.timedelta(days=day.weekday())
    offsets = set()
    answer = ask(alice_api, room, at(day, 10), recurrence="FREQ=WEEKLY;COUNT=6",
                 preview=True).json()
    for d in answer["dates"]:
        assert d["useStartDtm"].endswith("100000") and d["useEndDtm"].endswith("110000")
        start = datetime.datetime.fromisoformat(d["starts_at"].replace("Z", "+00:00"))
        end = datetime.datetime.fromisoformat(d["ends_at"].replace("Z", "+00:00"))
        assert end - start == datetime.timedelta(hours=1)
        offsets.add(start.astimezone(SITE_TZ).utcoffset())
    assert len(offsets) == 2, "the dates run across a change of the clock"


def form_plan(page):
    doc = BeautifulSoup(page.text, "html.parser")
    return doc, [(tr["class"][1], tr.select("td")[-1].get_text())
                 for tr in doc.select("#plan tr.date")]


def test_the_form_shows_the_dates_then_books_the_free_ones(room):
    alice = login("alice")
    api = api_session("alice", "series form")
    first = monday(3)
    block(api, room, at(first + datetime.timedelta(days=7), 10), title="Offsite")
    data = dict(booking_form(alice))
    data.update({"room_id": str(room), "starts_at": at(first, 10).strftime("%Y-%m-%dT%H:%M"),
                 "ends_at": at(first, 11).strftime("%Y-%m-%dT%H:%M"), "title": "Standup",
                 "attendees": "4", "repeat": "WEEKLY", "interval": "1", "ends": "count",
                 "count": "6"})
    checked = alice.post(url("/bookings"), data=dict(data, action="preview"),
                         allow_redirects=False)
    assert checked.status_code == 200
    doc, plan = form_plan(checked)
    assert [s for s, _ in plan] == ["free", "taken", "free", "free", "free", "free"]
    assert "Offsite" in plan[1][1]
    assert "5 of 6 dates are free" in doc.select_one("#plan-summary").get_text()
    assert count_bookings(room) == 1

    # Requesting without skipping is refused with the dates shown again.
    refused = alice.post(url("/bookings"), data=dict(data, action="save"), allow_redirects=False)
    assert refused.status_code == 409
    doc, plan = form_plan(refused)
    assert (first + datetime.timedelta(days=7)).isoformat() in doc.select_one(
        "#problem").get_text()
    assert len(plan) == 6
    skip = doc.select_one("#skip-button")
    assert "5" in skip.get_text()

    made = alice.post(url("/bookings"), data=dict(data, skip_conflicts="1"),
                      allow_redirects=False)
    assert made.status_code == 303, made.text[:600]
    series = sql_value("SELECT series_id FROM bookings WHERE id = "
                       + made.headers["Location"].rsplit("/", 1)[1])
    assert sql_value(f"SELECT rrule FROM booking_series WHERE id = {series}") == \
        "FREQ=WEEKLY;BYDAY=MO;COUNT=6"
    assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE series_id = {series}") == "5"


def test_the_form_makes_monthly_rules_on_weekdays(room):
    alice = login("alice")
    start = monday()
    data = dict(booking_form(alice))
    data.update({"room_id": str(room), "starts_at": at(start, 9).strftime("%Y-%m-%dT%H:%M"),
                 "ends_at": at(start, 10).strftime("%Y-%m-%dT%H:%M"), "title": "Review",
                 "attendees": "2", "repeat": "MONTHLY", "monthly_by": "weekday",
                 "nth": ["1", "-1"], "weekday": "TH", "ends": "until",
                 "until": (start + datetime.timedelta(days=62)).isoformat(),
                 "action": "preview"})
    checked = alice.post(url("/bookings"), data=data, allow_redirects=False)
    assert checked.status_code == 200, checked.text[:500]
    doc, plan = form_plan(checked)
    days = [tr.select_one("th").get_text() for tr in doc.select("#plan tr.date")]
    assert days and all(d.startswith("Thu") for d in days)
    assert len(plan) in (4, 5)


def test_the_form_asks_for_an_end(room):
    alice = login("alice")
    data = dict(booking_form(alice))
    data.update({"room_id": str(room), "starts_at": at(monday(), 9).strftime("%Y-%m-%dT%H:%M"),
                 "ends_at": at(monday(), 10).strftime("%Y-%m-%dT%H:%M"), "title": "Review",
                 "attendees": "2", "repeat": "WEEKLY", "ends": "until", "until": ""})
    resp = alice.post(url("/bookings"), data=data, allow_redirects=False)
    assert resp.status_code == 422
    doc = BeautifulSoup(resp.text, "html.parser")
    assert doc.select_one("#until-error").get_text() == "Choose the last date."
    assert doc.select_one("#until")["aria-invalid"] == "true"


def test_a_rule_sent_with_the_form_is_checked_as_the_api_checks_it(room):
    alice = login("alice")
    data = dict(booking_form(alice))
    data.update({"room_id": str(room), "starts_at": at(monday(), 9).strftime("%Y-%m-%dT%H:%M"),
                 "ends_at": at(monday(), 10).strftime("%Y-%m-%dT%H:%M"), "title": "Review",
                 "attendees": "2", "recurrence": "FREQ=DAILY;BYHOUR=9;COUNT=2"})
    resp = alice.post(url("/bookings"), data=data, allow_redirects=False)
    assert resp.status_code == 422
    doc = BeautifulSoup(resp.text, "html.parser")
    assert doc.select_one("#recurrence-error").get_text() == \
        "the rule part BYHOUR is not supported"
    assert count_bookings(room) == 0
