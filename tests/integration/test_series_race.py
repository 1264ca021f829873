"""Twenty real clients at once asking for series and single bookings that
overlap: never two live bookings in one place at one time, and every
refusal names what is taken."""
import datetime
import os

import pytest

from conftest import SITE_TZ, api_session, new_room, overlaps, url
from test_bookings_race import fire, report

pytestmark = pytest.mark.usefixtures("read_model_exact")

CLIENTS = 20
ROUNDS = int(os.environ.get("RB_SERIES_ROUNDS", "5"))


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)


def origin(t):
    return t.strftime("%Y%m%d%H%M")


def asking(api, room, start, minutes, **extra):
    def ask():
        body = {"roomId": room, "useStartDtm": origin(start),
                "useEndDtm": origin(start + datetime.timedelta(minutes=minutes)),
                "title": "Race", "attendees": 2}
        body.update(extra)
        resp = api.post(url("/api/bookings"), json=body, timeout=60)
        return resp.status_code, resp.json()
    return ask


def test_overlapping_series_and_single_bookings_never_overlap():
    room = new_room("Race")
    apis = [api_session("alice" if k % 2 else "bob", f"racer {k}") for k in range(CLIENTS)]
    # A weekday soon: single bookings may be made then too.
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=4)
    while day.weekday() > 2:
        day += datetime.timedelta(days=1)
    weeks = [day + datetime.timedelta(weeks=w) for w in range(2)]
    tally = []
    for r in range(ROUNDS):
        hour = 8 + 2 * r
        calls = []
        for k in range(CLIENTS):
            offset = datetime.timedelta(minutes=15 * (k % 4))
            if k < 8:        # a series on both weeks, all or nothing
                calls.append(asking(apis[k], room, at(day, hour) + offset, 60,
                                    recurrence="FREQ=WEEKLY;COUNT=2"))
            elif k < 12:     # a series that skips a taken week
                calls.append(asking(apis[k], room, at(day, hour) + offset, 60,
                                    recurrence="FREQ=WEEKLY;COUNT=4", skipConflicts=True))
            else:            # single bookings in either week
                calls.append(asking(apis[k], room, at(weeks[k % 2], hour) + offset, 30))
        answers = fire(calls)
        codes = [c for c, _ in answers]
        assert set(codes) <= {201, 409}, answers
        assert codes.count(201) >= 1
        for code, body in answers:
            if code == 409:
                message = body["error"]["message"]
                # A single booking names the booking in the way; a series
                # the dates that are not free.
                assert "That time is taken" in message or any(
                    w.isoformat() in message for w in weeks), message
        assert overlaps(room) == 0
        tally.append((codes.count(201), codes.count(409)))
    report(f"series and single bookings racing: {ROUNDS} rounds x {CLIENTS} clients "
           f"(8 whole series, 4 skipping, 8 single): (made, refused) per round {tally}; "
           f"no overlap in SQL afterwards")
