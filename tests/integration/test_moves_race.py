"""Real concurrent clients moving bookings and asking for new ones: one
holder per slot, no booking lost, and no deadlock between opposite moves."""
import datetime
import os

import pytest

from conftest import SITE_TZ, api_session, quiet_day, room_id, sql_value, url
from test_bookings_race import fire, report

pytestmark = pytest.mark.usefixtures("read_model_exact")

CLIENTS = 20
ROUNDS = int(os.environ.get("RB_MOVE_ROUNDS", "5"))


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)


def origin(t):
    return t.strftime("%Y%m%d%H%M")


def utc(t):
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def requested(api, room, start, minutes=30, title="Race"):
    resp = api.post(url("/api/bookings"), json={
        "roomId": room, "useStartDtm": origin(start),
        "useEndDtm": origin(start + datetime.timedelta(minutes=minutes)),
        "title": title, "attendees": 2})
    assert resp.status_code == 201, resp.text
    return resp.json()["bookingId"], resp.headers["ETag"]


def mover(api, bid, etag, room, start, minutes=30):
    def move():
        return api.patch(url(f"/api/bookings/{bid}"), headers={"If-Match": etag}, json={
            "roomId": room, "useStartDtm": origin(start),
            "useEndDtm": origin(start + datetime.timedelta(minutes=minutes))},
            timeout=60).status_code
    return move


def asker(api, room, start, minutes=30, title="Race new"):
    def ask():
        return api.post(url("/api/bookings"), json={
            "roomId": room, "useStartDtm": origin(start),
            "useEndDtm": origin(start + datetime.timedelta(minutes=minutes)),
            "title": title, "attendees": 2}, timeout=60).status_code
    return ask


def live_in(room, start, end):
    return int(sql_value(
        f"SELECT COUNT(*) FROM bookings WHERE room_id = {room}"
        " AND status IN ('pending','confirmed','in_use')"
        f" AND starts_at < '{utc(end)}' AND ends_at > '{utc(start)}'"))


def test_moves_and_new_requests_into_one_slot_leave_one_holder_and_lose_nothing():
    room = room_id("Florence")
    apis = [api_session("alice", f"mover {k}") for k in range(CLIENTS)]
    tally = []
    for r in range(ROUNDS):
        # Four rounds a day, three hours each: ten bookings of a quarter
        # hour each, all to be moved into the quarter after them.
        if r % 4 == 0:
            day = quiet_day(room)
        first = at(day, 7 + 3 * (r % 4))
        target = first + datetime.timedelta(minutes=165)
        mine = [requested(apis[k], room, first + datetime.timedelta(minutes=15 * k), 15,
                          title=f"Mover {r}.{k}") for k in range(CLIENTS // 2)]
        calls = [mover(apis[k], bid, etag, room, target, 15)
                 for k, (bid, etag) in enumerate(mine)]
        calls += [asker(apis[CLIENTS // 2 + k], room, target, 15, title=f"New {r}.{k}")
                  for k in range(CLIENTS // 2)]
        codes = fire(calls)
        moved, asked = codes[:CLIENTS // 2], codes[CLIENTS // 2:]
        wins = moved.count(200) + asked.count(201)
        tally.append((moved.count(200), asked.count(201), codes.count(409)))
        assert wins == 1 and codes.count(409) == CLIENTS - 1, codes
        assert live_in(room, target, target + datetime.timedelta(minutes=15)) == 1
        # No booking lost: each one not moved is where it was, still live.
        for k, (bid, _) in enumerate(mine):
            state, start = sql_value(
                f"SELECT status, starts_at FROM bookings WHERE id = {bid}").split("\t")
            assert state == "pending"
            was = first + datetime.timedelta(minutes=15 * k)
            assert start == (utc(target) if moved[k] == 200 else utc(was))
        assert live_in(room, first, target + datetime.timedelta(minutes=15)) == \
            CLIENTS // 2 + asked.count(201)
    report(f"moves and requests into one slot: {ROUNDS} rounds x {CLIENTS} clients "
           f"(10 moves, 10 new): (moves won, requests won, 409s) per round {tally}")


def test_opposite_moves_between_two_rooms_never_deadlock():
    a, b = room_id("Florence"), room_id("Geneva")
    alice, bob = api_session("alice", "swap a"), api_session("bob", "swap b")
    outcomes = []
    day = quiet_day()
    for r in range(ROUNDS):
        base = at(day, 7 + 2 * r)
        half = datetime.timedelta(minutes=30)
        # Into each other's slots: both held, so both are refused.
        x = requested(alice, a, base)
        y = requested(bob, b, base + half)
        codes = fire([mover(alice, *x, b, base + half), mover(bob, *y, a, base)])
        assert codes == [409, 409], codes
        # Into free slots across: both move, in either order.
        codes = fire([mover(alice, *x, b, base + 2 * half), mover(bob, *y, a, base + 3 * half)])
        assert codes == [200, 200], codes
        outcomes.append(codes)
        assert live_in(b, base + 2 * half, base + 3 * half) == 1
        assert live_in(a, base + 3 * half, base + 4 * half) == 1
        assert live_in(a, base, base + half) == 0
    report(f"opposite moves between two rooms: {ROUNDS} rounds, all refused into "
           f"held slots and all made into free ones, no deadlock ({outcomes})")
