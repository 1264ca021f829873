"""Door displays: a tablet paired with one room by a one-time link shows
that room's day, and its credential opens nothing else."""
import datetime
import hashlib
import subprocess
import uuid

import requests
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, api_session, csrf_of, login, new_room, page_csrf,
                      roomctl, set_clock, sql, sql_value, temporary_user, url)
from test_bookings_race import fire


def add_display(room, name=None):
    """A display for room through roomctl: its id and pairing path."""
    name = name or "Door " + uuid.uuid4().hex[:6]
    out = roomctl("display", "add", str(room), name)
    assert out.returncode == 0, out.stderr
    link = out.stdout.strip()
    assert "/display/pair/" in link
    display = int(out.stderr.split()[1].rstrip(":"))
    return display, link[link.index("/display/pair/"):]


def pair(path):
    """A fresh tablet (a session of its own) opening the pairing link and
    pressing its button; the tablet and the answer."""
    tablet = requests.Session()
    form = tablet.get(url(path), timeout=15)
    assert form.status_code == 200
    resp = tablet.post(url(path), data={"csrf": csrf_of(form.text)},
                       headers={"Origin": url("")}, allow_redirects=False,
                       timeout=15)
    return tablet, resp


def paired(room, name=None):
    display, path = add_display(room, name)
    tablet, resp = pair(path)
    assert resp.status_code == 303, resp.text[:500]
    return display, tablet


def workday(days_ahead):
    """The site's clock on the first working day from days_ahead: at(h, m)."""
    day = datetime.date.today() + datetime.timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return lambda h, m: datetime.datetime(day.year, day.month, day.day, h, m,
                                          tzinfo=SITE_TZ)


def screen(tablet, room):
    page = tablet.get(url(f"/display/rooms/{room}"), timeout=15)
    assert page.status_code == 200, page.text[:500]
    return BeautifulSoup(page.text, "html.parser")


def test_a_tablet_opens_its_link_once_and_keeps_a_credential_for_its_room():
    room = new_room("Door")
    display, path = add_display(room, "Lobby")
    tablet, resp = pair(path)
    assert resp.status_code == 303
    assert resp.headers["Location"] == f"/display/rooms/{room}"
    cookie = resp.headers["Set-Cookie"]
    assert cookie.startswith("rb_display=")
    for part in ("Path=/display/", "HttpOnly", "SameSite=Strict", "Max-Age="):
        assert part in cookie
    doc = screen(tablet, room)
    assert doc.select_one(".door-room").get_text() == sql_value(
        f"SELECT name FROM rooms WHERE id = {room}")
    assert doc.select_one(".door-name").get_text() == "Lobby"
    # Only the credential's hash is kept, and the link is gone.
    credential = tablet.cookies.get("rb_display")
    stored = sql_value(f"SELECT HEX(credential_hash) FROM displays WHERE id = {display}"
                       " AND pairing_hash IS NULL AND paired_at IS NOT NULL")
    assert stored == hashlib.blake2b(credential.encode(), digest_size=32).hexdigest().upper()
    # The link works once.
    _, again = pair(path)
    assert again.status_code == 410
    assert "used or is too old" in again.text


def test_an_old_or_unknown_link_pairs_nothing():
    room = new_room("Door")
    display, path = add_display(room)
    sql(f"UPDATE displays SET pairing_expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE"
        f" WHERE id = {display}")
    _, resp = pair(path)
    assert resp.status_code == 410
    _, resp = pair("/display/pair/" + "A" * 43)
    assert resp.status_code == 410
    assert sql_value(f"SELECT COUNT(*) FROM displays WHERE id = {display}"
                     " AND credential_hash IS NOT NULL") == "0"


def test_the_screen_shows_the_rooms_day_as_others_may_see_it(real_clock_after):
    room = new_room("Door")
    _, tablet = paired(room)
    # A working morning two weeks ahead: meetings at 10:30 and 11:30.
    at = workday(14)
    set_clock(at(10, 0))
    assert screen(tablet, room).select_one("#door-state").get_text() == "Free"
    alice = api_session("alice")
    for start, title, private in ((at(10, 30), "Planning", False),
                                  (at(11, 30), "Secret plans", True)):
        resp = alice.post(url("/api/bookings"), json={
            "roomId": room, "title": title, "private": private, "attendees": 2,
            "useStartDtm": start.strftime("%Y%m%d%H%M"),
            "useEndDtm": (start + datetime.timedelta(minutes=30)).strftime("%Y%m%d%H%M")})
        assert resp.status_code == 201, resp.text
    doc = screen(tablet, room)
    assert doc.select_one("#door-state").get_text() == "Free until 10:30"
    assert "Planning" in doc.select_one(".door-next").get_text()
    later = doc.select_one("#door-schedule").get_text()
    assert "Private booking" in later and "Secret plans" not in later
    # In the meeting: busy until its end, the next one the private one.
    set_clock(at(10, 40))
    doc = screen(tablet, room)
    assert doc.select_one("#door-state").get_text() == "Busy until 11:00"
    assert "Planning" in doc.select_one(".door-current").get_text()
    assert "Private booking" in doc.select_one(".door-next").get_text()
    assert doc.select_one(".door-quiet") is not None


def test_the_credential_opens_its_rooms_screen_and_nothing_else():
    room, other = new_room("Door"), new_room("Door")
    _, tablet = paired(room)
    credential = tablet.cookies.get("rb_display")
    assert credential
    refused = tablet.get(url(f"/display/rooms/{other}"), timeout=15)
    assert refused.status_code == 403
    # Elsewhere it is nobody: as any cookie, or as a bearer token.
    for path in ("/", "/bookings", "/bookings/new", "/rooms", "/status",
                 "/rooms/find", "/account", "/admin", "/admin/approvals"):
        for name in ("rb_display", "rb_session"):
            resp = requests.get(url(path), cookies={name: credential},
                                allow_redirects=False, timeout=15)
            # Sent to log in, or served as to anyone who is not.
            assert resp.status_code in (302, 303, 401) or (
                'href="/login"' in resp.text and 'action="/logout"' not in resp.text), \
                (path, name, resp.status_code)
    for path in ("/api/bookings", "/api/rooms", "/api/confirms",
                 "/api/rooms/free?now=1"):
        resp = requests.get(url(path), headers={"Authorization": f"Bearer {credential}"},
                            timeout=15)
        assert resp.status_code == 401, path
    # A person's session does not open a display, nor pairs one.
    alice = login("alice")
    assert alice.get(url(f"/display/rooms/{room}"), allow_redirects=False,
                     timeout=15).status_code == 401
    # A display's account cannot log in or be named.
    account = sql_value("SELECT u.login FROM displays d JOIN users u ON u.id = d.user_id"
                        f" WHERE d.room_id = {room}")
    page = requests.Session()
    form = page.get(url("/login"), timeout=15)
    assert page.post(url("/login"), data={"csrf": csrf_of(form.text), "login": account,
                                         "password": ""}, allow_redirects=False,
                     timeout=15).status_code in (401, 422)
    assert roomctl("token", "add", account, "x").returncode != 0


def test_a_revoked_display_stops_at_once_and_a_new_link_pairs_again():
    room = new_room("Door")
    display, tablet = paired(room)
    listed = roomctl("display", "list", str(room))
    assert listed.returncode == 0 and "paired" in listed.stdout
    out = roomctl("display", "revoke", str(display))
    assert out.returncode == 0, out.stderr
    assert tablet.get(url(f"/display/rooms/{room}"), timeout=15).status_code == 401
    assert "revoked" in roomctl("display", "list", str(room)).stdout
    assert roomctl("display", "revoke", str(display)).returncode == 1
    assert roomctl("display", "link", str(display)).returncode == 1
    # A live display gets a new link; the tablet's credential works until
    # the new link is used, then only the new one does.
    display, tablet = paired(room)
    out = roomctl("display", "link", str(display))
    assert out.returncode == 0, out.stderr
    path = out.stdout.strip()[out.stdout.index("/display/pair/"):]
    assert tablet.get(url(f"/display/rooms/{room}"), timeout=15).status_code == 200
    second, resp = pair(path)
    assert resp.status_code == 303
    assert second.get(url(f"/display/rooms/{room}"), timeout=15).status_code == 200
    assert tablet.get(url(f"/display/rooms/{room}"), timeout=15).status_code == 401


def test_roomctl_refuses_what_it_cannot_do():
    room = new_room("Door")
    assert roomctl("display", "add", "no such room " + uuid.uuid4().hex).returncode == 1
    add_display(room, "Twin")
    out = roomctl("display", "add", str(room), "Twin")
    assert out.returncode == 1 and "already" in out.stderr
    assert roomctl("display").returncode == 2
    assert roomctl("display", "revoke", "x").returncode == 2


def test_administrators_pair_and_revoke_displays_on_the_rooms_page():
    room = new_room("Door")
    admin = login("admin")
    page = admin.get(url(f"/rooms/{room}"), timeout=15)
    doc = BeautifulSoup(page.text, "html.parser")
    assert doc.select_one("#displays") is not None
    form = doc.select_one(f'form[action="/admin/rooms/{room}/displays"]')
    csrf = form.select_one('input[name="csrf"]')["value"]
    # Refused: no name, then a name the room's displays have.
    empty = admin.post(url(f"/admin/rooms/{room}/displays"),
                       data={"csrf": csrf, "display_name": ""}, timeout=15)
    assert empty.status_code == 422
    assert BeautifulSoup(empty.text, "html.parser").select_one(
        '#display_name[aria-invalid="true"]') is not None
    made = admin.post(url(f"/admin/rooms/{room}/displays"),
                      data={"csrf": csrf, "display_name": "By the door", "language": "ko"},
                      timeout=15)
    assert made.status_code == 200
    assert made.headers["Cache-Control"] == "no-store"
    link = BeautifulSoup(made.text, "html.parser").select_one("#pairing-link").get_text()
    twin = admin.post(url(f"/admin/rooms/{room}/displays"),
                      data={"csrf": csrf, "display_name": "By the door"}, timeout=15)
    assert twin.status_code == 409
    assert "already" in twin.text
    # The tablet pairs; the screen is in the display's language.
    tablet, resp = pair(link[link.index("/display/pair/"):])
    assert resp.status_code == 303
    doc = screen(tablet, room)
    assert doc.html["lang"] == "ko"
    assert doc.select_one("#door-state").get_text() == "비어 있음"
    listed = BeautifulSoup(admin.get(url(f"/rooms/{room}"), timeout=15).text, "html.parser")
    item = listed.select_one("li.display")
    assert item.select_one(".display-name").get_text() == "By the door"
    assert "last asked" in item.get_text()
    # Revoked from the page: the screen stops at once.
    revoke = item.select_one(f'form[action$="/revoke"]')
    done = admin.post(url(revoke["action"]), data={"csrf": csrf}, allow_redirects=False,
                      timeout=15)
    assert done.status_code == 303
    assert tablet.get(url(f"/display/rooms/{room}"), timeout=15).status_code == 401
    again = BeautifulSoup(admin.get(url(done.headers["Location"]), timeout=15).text,
                          "html.parser")
    assert "revoked" in again.select_one("li.display").get_text()
    assert again.select_one('li.display form[action$="/revoke"]') is None
    # Only administrators.
    alice = login("alice")
    assert alice.post(url(f"/admin/rooms/{room}/displays"),
                      data={"csrf": page_csrf(alice), "display_name": "Mine"},
                      timeout=15).status_code == 403


def test_the_screen_polls_with_its_etag_and_sees_a_booking_made_elsewhere(real_clock_after):
    room = new_room("Door")
    _, tablet = paired(room)
    at = workday(15)
    set_clock(at(9, 0))
    page = screen(tablet, room)
    etag = page.select_one("#door")["data-etag"]
    poll = url(f"/display/rooms/{room}/state")
    # What the page shows is what the poll has: unchanged.
    same = tablet.get(poll, headers={"If-None-Match": etag}, timeout=15)
    assert same.status_code == 304 and same.headers["ETag"] == etag
    # A person books it through the API: the next poll brings it.
    made = api_session("alice").post(url("/api/bookings"), json={
        "roomId": room, "title": "Stand-up", "attendees": 3,
        "useStartDtm": at(9, 30).strftime("%Y%m%d%H%M"),
        "useEndDtm": at(10, 0).strftime("%Y%m%d%H%M")})
    assert made.status_code == 201, made.text
    fresh = tablet.get(poll, headers={"If-None-Match": etag}, timeout=15)
    assert fresh.status_code == 200
    assert fresh.headers["ETag"] != etag
    assert fresh.headers["Content-Type"].startswith("application/json")
    body = fresh.json()
    assert body["state"] == "FREE_UNTIL"
    doc = BeautifulSoup(body["html"], "html.parser")
    assert doc.select_one("#door-state").get_text() == "Free until 09:30"
    assert "Stand-up" in doc.select_one(".door-next").get_text()
    # The gateway's compression makes it weak (W/); it names the same.
    assert doc.select_one("#door")["data-etag"] == fresh.headers["ETag"].removeprefix("W/")
    again = tablet.get(poll, headers={"If-None-Match": fresh.headers["ETag"]}, timeout=15)
    assert again.status_code == 304
    # Only its own room's, only with its credential.
    other = new_room("Door")
    assert tablet.get(url(f"/display/rooms/{other}/state"), timeout=15).status_code == 403
    assert requests.get(poll, timeout=15).status_code == 401
    # The page works without scripts too: it reloads itself.
    raw = tablet.get(url(f"/display/rooms/{room}"), timeout=15).text
    head = BeautifulSoup(raw, "html.parser").head
    assert head.select_one('noscript meta[http-equiv="refresh"]')["content"] == \
        f"15; url=/display/rooms/{room}"
    assert head.select_one('script[src="/static/display.js"]') is not None


def walkin_forms(tablet, room):
    """The screen's "Book now" buttons: {minutes: (form data, "from–to")}."""
    doc = screen(tablet, room)
    found = {}
    for form in doc.select("form.door-walkin"):
        button = form.select_one("button")
        found[int(button["value"])] = ({
            "csrf": form.select_one('input[name="csrf"]')["value"],
            "request_token": form.select_one('input[name="request_token"]')["value"],
            "starts_at": form.select_one('input[name="starts_at"]')["value"],
            "minutes": button["value"]}, button.select_one(".door-button-when").get_text())
    return found


def press(tablet, room, data):
    return tablet.post(url(f"/display/rooms/{room}/walkin"), data=data,
                       headers={"Origin": url("")}, allow_redirects=False, timeout=60)


def walkin_screen(approval, when, name=None):
    """A room of its own with a display on its door, and the clock at
    when(at) of a working day 16 days ahead: the room, the tablet, at,
    and the screen's "Book now" buttons."""
    room = new_room("Door", approval=approval)
    _, tablet = paired(room, name)
    at = workday(16)
    set_clock(when(at))
    return room, tablet, at, walkin_forms(tablet, room)


def test_a_walk_in_books_from_the_next_start_in_the_displays_name(real_clock_after):
    room, tablet, _, forms = walkin_screen("instant", lambda at: at(10, 7), "By the lifts")
    assert sorted(forms) == [15, 30, 60]
    assert forms[30][1] == "10:15–10:45"
    done = press(tablet, room, forms[30][0])
    assert done.status_code == 303, BeautifulSoup(done.text, "html.parser").select_one("main").get_text()[:600]
    assert done.headers["Location"] == f"/display/rooms/{room}"
    row = sql(f"SELECT b.status, u.display_name, u.role, TIME(CONVERT_TZ(b.starts_at,"
              f" '+00:00', '{SITE_TZ.key}')) FROM bookings b JOIN users u ON u.id = b.user_id"
              f" WHERE b.room_id = {room}").stdout.split("\t")
    assert [c.strip() for c in row] == ["confirmed", "By the lifts", "display", "10:15:00"]
    # Pressed twice (the same button): booked once.
    assert press(tablet, room, forms[30][0]).status_code == 303
    assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE room_id = {room}") == "1"
    doc = screen(tablet, room)
    assert doc.select_one("#door-state").get_text() == "Free until 10:15"
    assert doc.select_one("form.door-walkin") is None
    # Nobody reads the display's notices: none are kept for it.
    assert sql_value("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id"
                     f" JOIN bookings b ON b.id = n.booking_id WHERE b.room_id = {room}"
                     " AND u.role = 'display'") == "0"
    # Shown to the room's people with the display's name.
    alice = login("alice")
    page = alice.get(url(f"/rooms/{room}"), timeout=15).text
    assert "By the lifts" in page


def walkin_booked(room):
    """The room's bookings as (status, "from–to" in the site's zone)."""
    out = sql(f"SELECT status, TIME_FORMAT(CONVERT_TZ(starts_at, '+00:00', '{SITE_TZ.key}'),"
              f" '%H:%i'), TIME_FORMAT(CONVERT_TZ(ends_at, '+00:00', '{SITE_TZ.key}'),"
              f" '%H:%i') FROM bookings WHERE room_id = {room} ORDER BY starts_at").stdout
    return [(row.split("\t")[0], "–".join(row.split("\t")[1:])) for row in out.splitlines()]


def test_a_walk_in_where_an_approver_decides_is_a_request(real_clock_after):
    room, tablet, at, forms = walkin_screen("required", lambda at: at(13, 50))
    assert forms[15][1] == "14:00–14:15"
    assert press(tablet, room, forms[15][0]).status_code == 303
    assert walkin_booked(room) == [("pending", "14:00–14:15")]
    # Only as long as the room is free: before a meeting at 15:00, no hour.
    later = api_session("alice").post(url("/api/bookings"), json={
        "roomId": room, "title": "Later", "attendees": 2,
        "useStartDtm": at(15, 0).strftime("%Y%m%d%H%M"),
        "useEndDtm": at(15, 30).strftime("%Y%m%d%H%M")})
    assert later.status_code == 201, later.text
    set_clock(at(14, 20))
    assert sorted(walkin_forms(tablet, room)) == [15, 30]


def test_a_walk_in_books_the_times_its_button_showed_when_pressed_just_after(real_clock_after):
    room, tablet, at, forms = walkin_screen("instant", lambda at: at(9, 50))
    assert forms[30][1] == "10:00–10:30"
    # Pressed a few seconds after ten, before the screen's next poll (a new
    # screen would offer 10:15 by now): the half hour the button said.
    set_clock(at(10, 0) + datetime.timedelta(seconds=5))
    assert walkin_forms(tablet, room)[30][1] == "10:15–10:45"
    assert press(tablet, room, forms[30][0]).status_code == 303
    assert walkin_booked(room) == [("confirmed", "10:00–10:30")]
    doc = screen(tablet, room)
    assert doc.select_one("#door-state").get_text() == "Busy until 10:30"


def test_a_walk_in_request_pressed_after_its_start_is_refused_as_nobody_could_approve_it(
        real_clock_after):
    room, tablet, at, forms = walkin_screen("required", lambda at: at(10, 50))
    assert forms[15][1] == "11:00–11:15"
    set_clock(at(11, 0) + datetime.timedelta(seconds=5))
    refused = press(tablet, room, forms[15][0])
    assert refused.status_code == 409
    again = BeautifulSoup(refused.text, "html.parser")
    assert "can no longer be approved" in again.select_one("#door-problem").get_text()
    assert walkin_booked(room) == []
    # Its next start is still a request, for the approvers to decide.
    assert press(tablet, room, walkin_forms(tablet, room)[15][0]).status_code == 303
    assert walkin_booked(room) == [("pending", "11:15–11:30")]


def test_a_walk_in_button_from_a_screen_long_out_of_date_books_nothing(real_clock_after):
    room, tablet, at, forms = walkin_screen("instant", lambda at: at(11, 50))
    stale = forms[60][0]
    # Five minutes without a poll (a tablet offline): its 12:00 is gone.
    set_clock(at(12, 5))
    refused = press(tablet, room, stale)
    assert refused.status_code == 409
    again = BeautifulSoup(refused.text, "html.parser")
    assert "out of date" in again.select_one("#door-problem").get_text()
    assert sorted(f[1] for f in walkin_forms(tablet, room).values()) == [
        "12:15–12:30", "12:15–12:45", "12:15–13:15"]
    assert walkin_booked(room) == []
    # Nor a start the screen never offered (later, off the grid), nor none.
    for starts_at in (at(13, 0).strftime("%Y-%m-%dT%H:%M"),
                      at(12, 4).strftime("%Y-%m-%dT%H:%M"), None):
        made_up = dict(walkin_forms(tablet, room)[15][0])
        if starts_at:
            made_up["starts_at"] = starts_at
        else:
            del made_up["starts_at"]
        assert press(tablet, room, made_up).status_code == 409
    assert walkin_booked(room) == []


def test_a_walk_in_where_check_in_is_asked_is_in_use_at_once(real_clock_after):
    room = new_room("Door", approval="instant", checkinRequired=1)
    _, tablet = paired(room)
    set_clock(workday(16)(15, 50))
    assert press(tablet, room, walkin_forms(tablet, room)[30][0]).status_code == 303
    assert sql_value(f"SELECT status FROM bookings WHERE room_id = {room}") == "in_use"
    doc = screen(tablet, room)
    assert doc.select_one("#door-state").get_text() == "In use until 16:30"
    assert doc.select_one("form.door-pin") is None


def test_a_room_only_some_groups_book_offers_no_walk_ins(real_clock_after):
    group = "Door team " + uuid.uuid4().hex[:6]
    assert roomctl("group", "add", group).returncode == 0
    room = new_room("Door", approval="instant", bookableBy=[group])
    _, tablet = paired(room)
    set_clock(workday(16)(10, 7))
    doc = screen(tablet, room)
    assert doc.select_one("#door-state").get_text() == "Free"
    assert doc.select_one("form.door-walkin") is None


def test_two_displays_and_a_person_racing_for_the_same_half_hour(real_clock_after):
    room = new_room("Door", approval="instant")
    _, first = paired(room, "North door")
    _, second = paired(room, "South door")
    at = workday(17)
    set_clock(at(11, 2))
    a, b = walkin_forms(first, room)[30][0], walkin_forms(second, room)[30][0]
    person = api_session("bob")
    results = fire([
        lambda: press(first, room, a).status_code,
        lambda: press(second, room, b).status_code,
        lambda: person.post(url("/api/bookings"), json={
            "roomId": room, "title": "Mine", "attendees": 2,
            "useStartDtm": at(11, 15).strftime("%Y%m%d%H%M"),
            "useEndDtm": at(11, 45).strftime("%Y%m%d%H%M")}).status_code,
    ])
    won = [s for s in results if s in (201, 303)]
    assert len(won) == 1, results
    assert sorted(s for s in results if s not in (201, 303)) == [409, 409], results
    assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE room_id = {room}"
                     " AND status IN ('pending','confirmed','in_use')") == "1"


def decoded(svg):
    """What a QR code in SVG says, as a phone would read it: drawn by
    rsvg-convert, read by zbarimg."""
    png = subprocess.run(["rsvg-convert", "-w", "400", "-b", "white"], input=svg,
                         capture_output=True, check=True).stdout
    out = subprocess.run(["zbarimg", "--quiet", "--raw", "-"], input=png,
                         capture_output=True, check=True)
    return out.stdout.decode().strip()


def test_the_meeting_to_check_in_shows_a_code_that_opens_it_on_a_phone(real_clock_after):
    room = new_room("Door", approval="instant", checkinRequired=1)
    _, tablet = paired(room)
    at = workday(18)
    set_clock(at(9, 0))
    made = api_session("alice").post(url("/api/bookings"), json={
        "roomId": room, "title": "Review", "attendees": 2,
        "useStartDtm": at(10, 0).strftime("%Y%m%d%H%M"),
        "useEndDtm": at(11, 0).strftime("%Y%m%d%H%M")})
    assert made.status_code == 201, made.text
    booking = made.json()["bookingId"]
    qr = url(f"/display/rooms/{room}/bookings/{booking}/qr")
    # Before its window opens: no code, and none to be had.
    assert screen(tablet, room).select_one("#door-checkin") is None
    assert tablet.get(qr, timeout=15).status_code == 404
    # Ten minutes before: the code, for the booking's own page.
    set_clock(at(9, 50))
    doc = screen(tablet, room)
    assert "Review" in doc.select_one("#door-checkin").get_text()
    assert doc.select_one("img.door-qr")["src"] == qr.removeprefix(url(""))
    resp = tablet.get(qr, timeout=15)
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("image/svg+xml")
    assert decoded(resp.content) == url(f"/bookings/{booking}")
    # In the meeting's first minutes: "checking in closes at".
    set_clock(at(10, 5))
    doc = screen(tablet, room)
    assert doc.select_one("#door-state").get_text() == "Checking in closes at 10:15"
    assert doc.select_one("#door-checkin") is not None
    # Checked in (on the phone, as alice): in use, no code.
    alice = login("alice")
    page = alice.get(url(f"/bookings/{booking}"), timeout=15)
    form = BeautifulSoup(page.text, "html.parser").select_one(
        f'form[action="/bookings/{booking}/checkin"]')
    done = alice.post(url(form["action"]), data={"csrf": form.select_one(
        'input[name="csrf"]')["value"]}, allow_redirects=False, timeout=15)
    assert done.status_code == 303
    doc = screen(tablet, room)
    assert doc.select_one("#door-state").get_text() == "In use until 11:00"
    assert doc.select_one("#door-checkin") is None
    assert tablet.get(qr, timeout=15).status_code == 404
    # Only its own room's.
    other = new_room("Door")
    assert tablet.get(url(f"/display/rooms/{other}/bookings/{booking}/qr"),
                      timeout=15).status_code == 403


def set_pin(who, pin):
    session = login(who)
    return session.post(url("/account/pin"), data={
        "csrf": page_csrf(session, "/account"), "pin": pin, "pin_again": pin},
        allow_redirects=False, timeout=30)


def test_people_keep_a_check_in_pin_on_their_account():
    person = temporary_user("pin" + uuid.uuid4().hex[:8])
    done = set_pin(person, "204816")
    assert done.status_code == 303 and done.headers["Location"] == "/account?changed=pin#check-in-pin"
    assert sql_value(f"SELECT pin_hash LIKE '$argon2%' FROM users WHERE login = '{person}'") == "1"
    for pin, again, field in (("12345", "12345", "pin"), ("12a456", "12a456", "pin"),
                              ("123456", "654321", "pin_again")):
        session = login(person)
        resp = session.post(url("/account/pin"), data={
            "csrf": page_csrf(session, "/account"), "pin": pin, "pin_again": again},
            timeout=30)
        assert resp.status_code == 422, (pin, again)
        assert BeautifulSoup(resp.text, "html.parser").select_one(
            f'#{field}[aria-invalid="true"]') is not None


def pin_checkin_setup(days):
    """A check-in room with a display and a person's meeting at 10:00 on a
    working day; the clock at 09:55.  (room, tablet, booking, person, at)"""
    person = temporary_user("pin" + uuid.uuid4().hex[:8])
    assert set_pin(person, "204816").status_code == 303
    room = new_room("Door", approval="instant", checkinRequired=1)
    _, tablet = paired(room, "Front desk")
    at = workday(days)
    set_clock(at(9, 0))
    made = api_session(person).post(url("/api/bookings"), json={
        "roomId": room, "title": "Pitch", "attendees": 2,
        "useStartDtm": at(10, 0).strftime("%Y%m%d%H%M"),
        "useEndDtm": at(11, 0).strftime("%Y%m%d%H%M")})
    assert made.status_code == 201, made.text
    set_clock(at(9, 55))
    return room, tablet, made.json()["bookingId"], person, at


def type_pin(tablet, room, booking, pin):
    form = screen(tablet, room).select_one("form.door-pin")
    assert form is not None and form["action"] == \
        f"/display/rooms/{room}/bookings/{booking}/checkin"
    return tablet.post(url(form["action"]), data={
        "csrf": form.select_one('input[name="csrf"]')["value"], "pin": pin},
        headers={"Origin": url("")}, allow_redirects=False, timeout=30)


def test_a_person_checks_in_at_the_door_with_their_pin(real_clock_after):
    room, tablet, booking, person, _ = pin_checkin_setup(19)
    wrong = type_pin(tablet, room, booking, "111111")
    assert wrong.status_code == 403
    # The screen again, what went wrong on top.
    again = BeautifulSoup(wrong.text, "html.parser")
    assert "not the PIN" in again.select_one("#door-problem").get_text()
    assert again.select_one("form.door-pin") is not None
    assert sql_value(f"SELECT status FROM bookings WHERE id = {booking}") == "confirmed"
    done = type_pin(tablet, room, booking, "204816")
    assert done.status_code == 303
    assert sql_value(f"SELECT status FROM bookings WHERE id = {booking}") == "in_use"
    # In the display's name; the person's wrong try is forgotten.
    actor = sql_value("SELECT u.display_name FROM booking_events e JOIN users u"
                      f" ON u.id = e.actor_id WHERE e.booking_id = {booking}"
                      " ORDER BY e.id DESC LIMIT 1")
    assert actor == "Front desk"
    # Its owner's booking page says who checked it in.
    page = BeautifulSoup(login(person).get(url(f"/bookings/{booking}"), timeout=15).text,
                         "html.parser")
    assert any(e.select_one(".event-by").get_text() == "the door display “Front desk”"
               for e in page.select("li.event"))
    assert sql_value(f"SELECT pin_failures FROM users WHERE login = '{person}'") == "0"
    doc = screen(tablet, room)
    assert doc.select_one("#door-state").get_text() == "In use until 11:00"
    assert doc.select_one("form.door-pin") is None


def test_five_wrong_pins_rest_the_pin_a_quarter_of_an_hour(real_clock_after):
    room, tablet, booking, person, at = pin_checkin_setup(20)
    for _ in range(5):
        assert type_pin(tablet, room, booking, "000000").status_code == 403
    resting = type_pin(tablet, room, booking, "204816")
    assert resting.status_code == 429
    assert sql_value(f"SELECT status FROM bookings WHERE id = {booking}") == "confirmed"
    set_clock(at(10, 11))
    assert type_pin(tablet, room, booking, "204816").status_code == 303
    assert sql_value(f"SELECT status FROM bookings WHERE id = {booking}") == "in_use"


def test_no_pin_set_checks_nothing_in(real_clock_after):
    room, tablet, booking, person, _ = pin_checkin_setup(21)
    sql(f"UPDATE users SET pin_hash = '' WHERE login = '{person}'")
    assert type_pin(tablet, room, booking, "204816").status_code == 403
    assert sql_value(f"SELECT status FROM bookings WHERE id = {booking}") == "confirmed"
