"""Actual use: check-in and check-out, no-shows released by the sweep, and
booked against used hours.  The programs' clock is moved through the test
clock file, so every edge can be reached at any real time of day.  Each
test takes a day nobody has booked, earlier than the previous test's, so
what an earlier test left behind lies in the later one's future."""
import concurrent.futures
import csv
import datetime
import io
import uuid

import pytest
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, book, booked_id, csrf_of, login, page_csrf, quiet_day,
                      roomctl, set_clock, sql, sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact", "real_clock_after")


def at(day, hour, minute=0, second=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute, second), SITE_TZ)


def fmt(t):
    return t.strftime("%Y-%m-%dT%H:%M")


def utc(t):
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def new_room(checkin=True):
    """A room added through the admin form, with or without check-in."""
    admin = login("admin")
    name = f"Use {uuid.uuid4().hex[:8]}"
    form = {"csrf": page_csrf(admin, "/admin/rooms/new"), "name": name,
            "location": "Floor 3", "capacity": "8", "description": ""}
    if checkin:
        form["checkin_required"] = "1"
    resp = admin.post(url("/admin/rooms"), data=form, allow_redirects=False)
    assert resp.status_code == 303, resp.text[:500]
    return int(sql_value(f"SELECT id FROM rooms WHERE name = '{name}'"))


def confirmed(owner, admin, room, start, end, title="Stand-up"):
    """A booking requested by owner and approved by admin."""
    bid = booked_id(book(owner, room, fmt(start), fmt(end), title=title))
    resp = admin.post(url(f"/admin/approvals/{bid}/approve"),
                      data={"csrf": page_csrf(admin, "/admin/approvals")},
                      allow_redirects=False)
    assert resp.status_code == 303
    return bid


def state(bid):
    return sql_value(f"SELECT status FROM bookings WHERE id = {bid}")


def use(who, bid, what):
    """who checks in or out of booking bid, logged in afresh (the clock
    jumps by hours, longer than a session stays idle)."""
    session = login(who)
    resp = session.post(url(f"/bookings/{bid}/{what}"),
                        data={"csrf": page_csrf(session, f"/bookings/{bid}")},
                        allow_redirects=False)
    if resp.status_code == 303:
        assert resp.headers["Location"] == f"/bookings/{bid}"
    return resp


def page(who, path):
    return BeautifulSoup(login(who).get(url(path)).text, "html.parser")


def sweep():
    out = roomctl("sweep")
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def people(t):
    """Moves the clock to t and logs alice, bob and admin in afresh."""
    set_clock(t)
    return login("alice"), login("bob"), login("admin")


def test_the_check_in_window_and_who_may_use_it():
    room = new_room()
    day = quiet_day()
    alice, bob, admin = people(at(day, 8))
    first = confirmed(alice, admin, room, at(day, 10), at(day, 11))
    second = confirmed(alice, admin, room, at(day, 11), at(day, 12))
    third = confirmed(alice, admin, room, at(day, 12), at(day, 13))
    pending = booked_id(book(alice, room, fmt(at(day, 13)), fmt(at(day, 14))))

    # The day before: the booking page answers, saying the day too.
    set_clock(at(day, 8) - datetime.timedelta(days=1))
    resp = use("alice", first, "checkin")
    assert resp.status_code == 409
    doc = BeautifulSoup(resp.text, "html.parser")
    assert doc.select_one("#problem").get_text() == \
        f"Check-in opens at {day:%a %d %b %Y}, 09:45, 15 minutes before the start."
    assert doc.select_one("#status") is not None  # the booking's own page

    set_clock(at(day, 9, 44, 50))  # opens at 09:45, 15 minutes early
    resp = use("alice", first, "checkin")
    assert resp.status_code == 409
    assert BeautifulSoup(resp.text, "html.parser").select_one("#problem").get_text() == \
        "Check-in opens at 09:45, 15 minutes before the start."
    assert state(first) == "confirmed"
    doc = page("alice", f"/bookings/{first}")
    assert doc.select_one("#checkin") is None
    assert f"between {day:%a %d %b %Y}, 09:45 and 10:15" in \
        doc.select_one("#checkin-rule").get_text()
    # Told before it is decided too.
    assert "between" in page("alice", f"/bookings/{pending}").select_one(
        "#checkin-rule").get_text()

    set_clock(at(day, 9, 45, 5))
    doc = page("alice", f"/bookings/{first}")
    assert doc.select_one("#checkin") is not None
    assert use("bob", first, "checkin").status_code == 404  # not his
    assert use("alice", first, "checkin").status_code == 303
    assert state(first) == "in_use"
    started = sql_value(f"SELECT actual_start FROM bookings WHERE id = {first}")
    assert started.startswith(utc(at(day, 9, 45))[:16])
    resp = use("alice", first, "checkin")
    assert resp.status_code == 409 and "this one is in use" in resp.text

    set_clock(at(day, 11, 14, 50))  # the grace period ends at 11:15
    assert use("admin", second, "checkin").status_code == 303  # for alice
    assert state(second) == "in_use"
    told = sql_value("SELECT message FROM notifications WHERE booking_id ="
                     f" {second} ORDER BY id DESC LIMIT 1")
    assert "checked in by" in told

    set_clock(at(day, 12, 15, 10))
    resp = use("alice", third, "checkin")
    assert resp.status_code == 409 and "Check-in closed at 12:15" in resp.text
    assert state(third) == "confirmed"
    resp = use("alice", pending, "checkin")
    assert resp.status_code == 409 and "this one is pending approval" in resp.text
    resp = use("alice", third, "checkout")
    assert resp.status_code == 409 and "Only a booking in use" in resp.text


def test_checking_out_frees_the_rest_of_the_slot_at_once():
    room = new_room()
    day = quiet_day()
    alice, bob, admin = people(at(day, 13))
    bid = confirmed(alice, admin, room, at(day, 14), at(day, 15))
    set_clock(at(day, 14, 2))
    assert use("alice", bid, "checkin").status_code == 303
    set_clock(at(day, 14, 20, 5))
    # While it is in use the rest of the hour is taken.
    resp = book(bob, room, fmt(at(day, 14, 30)), fmt(at(day, 15)))
    assert resp.status_code != 303
    doc = page("alice", f"/bookings/{bid}")
    assert doc.select_one("#checkout") is not None
    assert use("alice", bid, "checkout").status_code == 303
    assert state(bid) == "completed"
    ended = sql_value(f"SELECT actual_end FROM bookings WHERE id = {bid}")
    assert ended.startswith(utc(at(day, 14, 20))[:16])
    doc = page("alice", f"/bookings/{bid}")
    assert doc.select_one("#status").get_text() == "Completed"
    assert "14:20" in doc.select_one("#used").get_text()
    assert doc.select_one("#checkout") is None and doc.select_one("#checkin") is None
    # Right after, the freed half hour can be booked.
    assert booked_id(book(bob, room, fmt(at(day, 14, 30)), fmt(at(day, 15))))


def test_the_sweep_releases_no_shows_and_completes_meetings_that_ended():
    room, plain = new_room(), new_room(checkin=False)
    day = quiet_day()
    alice, bob, admin = people(at(day, 8))
    no_show = confirmed(alice, admin, room, at(day, 15), at(day, 15, 30), "Ghost")
    elsewhere = confirmed(alice, admin, plain, at(day, 15), at(day, 15, 30), "Plain")
    meeting = confirmed(alice, admin, room, at(day, 15, 30), at(day, 16), "Real")

    set_clock(at(day, 15, 14))  # still inside the grace period
    assert "released 0 no-shows" in sweep()
    assert state(no_show) == "confirmed"

    set_clock(at(day, 15, 16))
    out = sweep()
    assert "released 1 no-show," in out and "completed 0" in out
    assert use("alice", meeting, "checkin").status_code == 303
    assert [state(b) for b in (no_show, elsewhere, meeting)] == \
        ["released", "confirmed", "in_use"]
    told = sql_value("SELECT message FROM notifications WHERE booking_id ="
                     f" {no_show} ORDER BY id DESC LIMIT 1")
    assert "released" in told and "nobody checked in" in told
    doc = page("alice", "/notifications")
    assert "Ghost" in doc.get_text() and "released" in doc.get_text()
    doc = page("admin", "/admin/approvals")
    shown = [li.get_text() for li in doc.select("li.no-show")]
    assert any("Ghost" in s for s in shown)
    # The freed slot is free for others at once.
    listed = page("alice", f"/status?room={room}&from={day}")
    labels = {int(tr["data-id"]): tr.select_one(".badge").get_text()
              for tr in listed.select("tr.row")}
    assert labels[no_show] == "Released" and labels[meeting] == "In use"

    set_clock(at(day, 16, 0, 30))
    out = sweep()
    assert "completed 1 meeting" in out
    assert state(meeting) == "completed"
    assert sql_value(f"SELECT actual_end FROM bookings WHERE id = {meeting}") == \
        utc(at(day, 16))


def test_bookings_that_began_before_check_in_was_required_are_not_released():
    room = new_room(checkin=False)
    day = quiet_day()
    alice, bob, admin = people(at(day, 8))
    before = confirmed(alice, admin, room, at(day, 9), at(day, 10), "Before")
    after = confirmed(alice, admin, room, at(day, 11), at(day, 12), "After")
    set_clock(at(day, 9, 30))
    admin = login("admin")
    edit = BeautifulSoup(admin.get(url(f"/admin/rooms/{room}/edit")).text, "html.parser")
    form = {i["name"]: i.get("value", "") for i in edit.select("form input")
            if i.get("name") and i.get("type") != "checkbox"}
    form["description"] = ""
    form["checkin_required"] = "1"
    assert admin.post(url(f"/admin/rooms/{room}"), data=form,
                      allow_redirects=False).status_code == 303
    doc = page("admin", f"/admin/rooms/{room}/edit")
    assert doc.select_one("#checkin_required").has_attr("checked")
    set_clock(at(day, 12, 0, 30))
    sweep()
    assert state(before) == "confirmed" and state(after) == "released"


def test_two_sweeps_at_once_transition_each_booking_once():
    rooms = [new_room(), new_room()]
    day = quiet_day()
    alice, bob, admin = people(at(day, 6, 30))
    ids = []
    for r in rooms:
        for k in range(10):
            start = at(day, 7) + datetime.timedelta(minutes=15 * k)
            ids.append(confirmed(alice, admin, r, start, start + datetime.timedelta(minutes=15)))
    set_clock(at(day, 10))
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        outs = list(pool.map(lambda _: roomctl("sweep"), range(2)))
    assert all(o.returncode == 0 for o in outs), [o.stderr for o in outs]
    # The site's lock lets one sweep at a time; one that meets another at
    # work leaves the job to it and says so.
    ran = [o for o in outs if "released " in o.stdout]
    assert ran and all("already running" in o.stderr for o in outs if o not in ran), \
        [(o.stdout, o.stderr) for o in outs]
    released = sum(int(o.stdout.split("released ")[1].split()[0]) for o in ran)
    assert released == 20
    assert {state(b) for b in ids} == {"released"}
    id_list = ",".join(map(str, ids))
    assert sql_value("SELECT COUNT(*) FROM booking_events WHERE kind = 'released'"
                     f" AND booking_id IN ({id_list})") == "20"
    assert sql_value("SELECT COUNT(*) FROM notifications WHERE message LIKE '%released%'"
                     f" AND booking_id IN ({id_list})") == "20"


def test_usage_shows_used_hours_and_no_shows_beside_booked_hours():
    room = new_room()
    day = quiet_day()
    alice, bob, admin = people(at(day, 8))
    short = confirmed(alice, admin, room, at(day, 9), at(day, 10), "Short")
    confirmed(alice, admin, room, at(day, 10), at(day, 11), "Nobody")
    early = confirmed(alice, admin, room, at(day, 11), at(day, 12), "Early")
    booked_id(book(alice, room, fmt(at(day, 13)), fmt(at(day, 13, 30)), title="Undecided"))
    set_clock(at(day, 9, 10))
    assert use("alice", short, "checkin").status_code == 303
    set_clock(at(day, 9, 40))
    assert use("alice", short, "checkout").status_code == 303      # used 30 minutes
    set_clock(at(day, 10, 50))
    sweep()                                                      # "Nobody" released
    assert use("alice", early, "checkin").status_code == 303       # counts from 11:00
    set_clock(at(day, 12, 1))
    sweep()                                                      # "Early" completed: 60
    assert roomctl("refresh-status").returncode == 0
    d = day.isoformat()
    alice = login("alice")
    doc = page("alice", f"/status/usage?from={d}&to={d}")
    name = sql_value(f"SELECT name FROM rooms WHERE id = {room}")
    row = [tr for tr in doc.select("table.usage tbody tr")
           if tr.select_one(".name").get_text() == name][0]
    # 3 h granted + 0.5 h pending booked; 1.5 h used; one no-show.
    assert row.select_one(".confirmed").get_text() == "3.0"
    assert row.select_one(".pending").get_text() == "0.5"
    assert row.select_one(".booked").get_text() == "3.5"
    assert row.select_one(".used").get_text() == "1.5"
    assert row.select_one(".no-shows").get_text() == "1"
    text = alice.get(url(f"/status/usage.csv?from={d}&to={d}")).content.decode("utf-8-sig")
    rows = {r[0]: r for r in csv.reader(io.StringIO(text))}
    assert rows["room"][5:7] == ["used_hours", "no_shows"]
    assert rows[name][5:7] == ["1.5", "1"]


def close_room(admin, room, reason):
    """Closes the room from now on through the page that asks first."""
    data = {"csrf": page_csrf(admin, f"/rooms/{room}"), "reason": reason,
            "closed_from": "", "closed_until": ""}
    ask = admin.post(url(f"/admin/rooms/{room}/unavailable"), data=data,
                     allow_redirects=False)
    assert ask.status_code == 200
    doc = BeautifulSoup(ask.text, "html.parser")
    confirm = {i["name"]: i.get("value", "") for i in
               doc.select("form[action$='/unavailable'] input[type=hidden]")}
    done = admin.post(url(f"/admin/rooms/{room}/unavailable"), data=confirm,
                      allow_redirects=False)
    assert done.status_code == 303
    return doc, BeautifulSoup(admin.get(url(done.headers["Location"])).text, "html.parser")


def test_a_meeting_in_use_when_its_room_closes_is_ended_and_its_people_told():
    room = new_room()
    day = quiet_day()
    alice, bob, admin = people(at(day, 9))
    now_on = confirmed(alice, admin, room, at(day, 10), at(day, 11), title="In the room")
    later = confirmed(alice, admin, room, at(day, 14), at(day, 15), title="Later on")
    set_clock(at(day, 10, 5))
    assert use("alice", now_on, "checkin").status_code == 303
    set_clock(at(day, 10, 30))
    admin = login("admin")
    asked, done = close_room(admin, room, "Water leak")
    # Asked first: the meeting in the room is listed, to be ended early.
    listed = asked.select("#to-cancel li")
    assert [li.a.get_text() for li in listed] == ["In the room", "Later on"]
    assert "ended early" in listed[0].get_text() and "ended early" not in listed[1].get_text()
    # Done: ended now (its use ends at the closing), the later one cancelled.
    notice = done.select_one("#notice").get_text(" ", strip=True)
    assert "The meeting in it now was ended early and 1 more bookings were cancelled" in notice
    assert state(now_on) == "completed" and state(later) == "cancelled"
    assert sql_value(f"SELECT actual_end FROM bookings WHERE id = {now_on}").startswith(
        utc(at(day, 10, 30))[:16])
    assert sql_value(f"SELECT kind FROM booking_events WHERE booking_id = {now_on}"
                     " ORDER BY id DESC LIMIT 1") == "ended_early"
    # Its owner is told, in the notifications and by mail.
    told = sql_value(f"SELECT COUNT(*) FROM notifications WHERE user_id ="
                     f" (SELECT user_id FROM bookings WHERE id = {now_on})"
                     f" AND booking_id = {now_on} AND kind = 'ended_early'")
    assert told == "1"
    assert sql_value(f"SELECT COUNT(*) FROM mail_outbox WHERE booking_id = {now_on}"
                     " AND kind = 'cut_short'") == "1"
    history = page("alice", f"/bookings/{now_on}")
    assert "Ended early" in history.get_text()
    # The rest of the hour is not free: the room is out of use.
    assert book(bob, room, fmt(at(day, 10, 45)), fmt(at(day, 11))).status_code != 303
