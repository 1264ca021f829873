"""Clients on both application hosts at once: the primary's locks still let
one booking hold a place at a time, whichever host each client reached."""
import datetime
import sys

from conftest import (ROOT, a_weekday, api_session, at, fire, log_length, new_room,
                      overlaps, report, served_by)

sys.path.append(str(ROOT / "tests" / "integration"))
from test_series_race import asking  # noqa: E402


PER_HOST = 20


def test_twenty_clients_on_each_host_race_for_one_slot_and_one_wins():
    room = new_room("Cluster race")
    apis = [api_session("alice" if k % 2 else "bob", f"racer {k}")
            for k in range(2 * PER_HOST)]
    day = a_weekday(5)
    before = {h: log_length(h) for h in ("app1", "app2")}
    for hour in (9, 11, 14):
        answers = fire([asking(api, room, at(day, hour), 60) for api in apis])
        codes = sorted(c for c, _ in answers)
        assert codes == [201] + [409] * (2 * PER_HOST - 1), answers
    # The gateway spread the clients over both hosts.
    served = {h: served_by(h, before[h], pattern="POST /api/bookings ")
              for h in ("app1", "app2")}
    for host, n in served.items():
        assert n >= PER_HOST, f"{host} served {n} of {6 * PER_HOST}"
    assert overlaps(room) == 0
    report(f"one slot, {2 * PER_HOST} clients, 3 rounds: one winner each round;"
           f" app1 took {served['app1']} requests, app2 {served['app2']}")


def test_twenty_series_and_single_bookings_overlapping_never_overlap():
    room = new_room("Cluster series race")
    apis = [api_session("alice" if k % 2 else "bob", f"series racer {k}") for k in range(20)]
    day = a_weekday(8)
    weeks = [day + datetime.timedelta(weeks=w) for w in range(2)]
    won = 0
    for hour in (8, 10, 12, 15):
        calls = []
        for k, api in enumerate(apis):
            offset = datetime.timedelta(minutes=15 * (k % 4))
            if k < 8:        # a series on both weeks, all or nothing
                calls.append(asking(api, room, at(day, hour) + offset, 60,
                                    recurrence="FREQ=WEEKLY;COUNT=2"))
            elif k < 12:     # a series that skips a taken week
                calls.append(asking(api, room, at(day, hour) + offset, 60,
                                    recurrence="FREQ=WEEKLY;COUNT=4", skipConflicts=True))
            else:            # single bookings in either week
                calls.append(asking(api, room, at(weeks[k % 2], hour) + offset, 30))
        codes = [c for c, _ in fire(calls)]
        assert set(codes) <= {201, 409}, codes
        won += codes.count(201)
        assert overlaps(room) == 0
    assert won >= 4
    report(f"20 series and single bookings overlapping, 4 rounds: {won} made,"
           f" {80 - won} refused, no overlap")
