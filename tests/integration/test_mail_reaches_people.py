"""Mail reaches people where they work: each change writes its messages to
the outbox in its own transaction, `roomctl mail-send` hands them to a real
SMTP server (aiosmtpd on loopback) or writes them as .eml files, and every
message about a booking carries its calendar object as an iTIP invitation
or cancellation, parsed here with Python's email and icalendar packages."""
import datetime
import email
import email.policy
import os
import subprocess
import uuid

import icalendar
import pytest
import recurring_ical_events

from conftest import (ROOT, SITE_TZ, VAR, api_session, book, booked_id, get, login,
                      new_room, next_slot, page_csrf, set_clock, sql, sql_value, url)

SINK_PORT = int(os.environ.get("RB_PORT", "18080")) + 40
SINK_DIR = VAR / "smtp-sink"
SMTP_INI = VAR / "etc" / "roombook-smtp.ini"
SENDER = "rooms@example.test"
# Far ahead, clear of other tests' single bookings; inside a series' horizon.
FAR = 200


class Sink:
    """aiosmtpd on loopback, writing what it accepts to SINK_DIR."""

    def __init__(self):
        self.proc = None
        SINK_DIR.mkdir(parents=True, exist_ok=True)

    def start(self):
        self.proc = subprocess.Popen(
            ["/usr/bin/python3", str(ROOT / "tests" / "integration" / "smtp_sink.py"),
             str(SINK_PORT), str(SINK_DIR)], stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "listening"

    def stop(self):
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None

    def messages(self):
        """Every message taken so far: (envelope recipients, parsed)."""
        out = []
        for path in sorted(SINK_DIR.glob("*.eml")):
            rcpt = path.with_suffix(".rcpt").read_text().split()
            out.append((rcpt, email.message_from_bytes(path.read_bytes(),
                                                        policy=email.policy.default)))
        return out


@pytest.fixture(scope="module")
def sink():
    for old in SINK_DIR.glob("*"):
        old.unlink()
    SMTP_INI.write_text((VAR / "etc" / "roombook.ini").read_text() +
                        f"\n[mail]\nsmtp_url = smtp://127.0.0.1:{SINK_PORT}\n"
                        f"from = {SENDER}\n")
    s = Sink()
    s.start()
    yield s
    s.stop()


@pytest.fixture(autouse=True)
def only_this_tests_mail():
    """The outbox holds every earlier test's mail: set it aside."""
    assert sql("UPDATE mail_outbox SET sent_at = UTC_TIMESTAMP()"
               " WHERE sent_at IS NULL").returncode == 0


def send(*args, ini=SMTP_INI):
    out = subprocess.run([str(ROOT / "build" / "asan" / "bin" / "roomctl"), "-c", str(ini),
                          "mail-send", "--once", *args], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    return out


def about(messages, uid):
    """The messages carrying calendar object uid, in the order sent."""
    return [(rcpt, m) for rcpt, m in messages if uid in calendar_text(m)]


def calendar_text(msg):
    for part in msg.walk():
        if part.get_content_type() == "text/calendar":
            return part.get_content()
    return ""


def calendar_of(msg):
    """The invitation's calendar, checked to be the same in both places."""
    inline = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    attached = [p for p in msg.walk() if p.get_filename() == "invite.ics"]
    assert len(inline) == 1 and len(attached) == 1
    assert inline[0].get_param("method") == icalendar.Calendar.from_ical(
        inline[0].get_content())["METHOD"]
    assert attached[0].get_content().decode() == inline[0].get_content()
    return icalendar.Calendar.from_ical(inline[0].get_content())


def events(cal):
    return [c for c in cal.walk() if c.name == "VEVENT"]


def mailto(value):
    return str(value).lower().removeprefix("mailto:")


def api_booking(session, room, start, minutes=60, **extra):
    body = {"roomId": room, "useStartDtm": start.strftime("%Y%m%d%H%M"),
            "useEndDtm": (start + datetime.timedelta(minutes=minutes)).strftime("%Y%m%d%H%M"),
            "title": "Mail check", "attendees": 4}
    body.update(extra)
    return session.post(url("/api/bookings"), json=body)


def far_day(weeks=0):
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=FAR + 7 * weeks)
    return day - datetime.timedelta(days=day.weekday())


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), SITE_TZ)


def decide(admin, bid, verdict, reason=None):
    data = {"csrf": page_csrf(admin, "/admin/approvals")}
    if reason:
        data["reason"] = reason
    resp = admin.post(url(f"/admin/approvals/{bid}/{verdict}"), data=data,
                      allow_redirects=False)
    assert resp.status_code in (200, 303), resp.text[:500]


def test_a_booking_is_invited_confirmed_and_cancelled_in_peoples_calendars(sink):
    alice, admin = login("alice"), login("admin")
    guest = f"guest.{uuid.uuid4().hex[:8]}@example.test"
    start, end = next_slot()
    bid = booked_id(book(alice, start=start, end=end, title="Quarterly <review> & plan",
                         attendees="4", participant=["bob", guest]))
    send()
    decide(admin, bid, "approve")
    send()
    resp = alice.post(url(f"/bookings/{bid}/cancel"),
                      data={"csrf": page_csrf(alice, f"/bookings/{bid}"), "reason": "moved on"},
                      allow_redirects=False)
    assert resp.status_code == 303, resp.text[:500]
    send()

    uid = sql_value(f"SELECT CONCAT('booking-', {bid}, '@')")
    mine = about(sink.messages(), uid)
    people = {"alice@example.org", "bob@example.org", guest}
    # Requested, confirmed, cancelled: each to each of its people, once.
    assert len(mine) == 9, [(r, m["Subject"]) for r, m in mine]
    seen = {}
    for rcpt, msg in mine:
        cal = calendar_of(msg)
        (ev,) = events(cal)
        assert ev["UID"].startswith(uid)
        assert mailto(ev["ORGANIZER"]) == SENDER          # the system, never the recipient
        assert {mailto(a) for a in ev.get("ATTENDEE")} == people
        assert str(ev["LOCATION"]) == "Berlin"
        assert str(ev["SUMMARY"]) == "Quarterly <review> & plan"
        assert ev["DTSTART"].dt.strftime("%Y-%m-%dT%H:%M") == start
        assert ev["DTSTART"].params["TZID"] == str(SITE_TZ)
        assert any(c.name == "VTIMEZONE" for c in cal.walk())
        seen.setdefault(rcpt[0], []).append((str(cal["METHOD"]), str(ev["STATUS"]),
                                            int(ev["SEQUENCE"]), msg["Message-ID"]))
        assert msg.get_content_type() == "multipart/mixed"
        assert msg["To"].addresses[0].addr_spec == rcpt[0]
    assert set(seen) == people
    for rcpt, told in seen.items():
        assert [(m, s) for m, s, _, _ in told] == [
            ("REQUEST", "TENTATIVE"), ("REQUEST", "CONFIRMED"), ("CANCEL", "CANCELLED")], rcpt
        sequences = [q for _, _, q, _ in told]
        assert sequences == sorted(set(sequences)), rcpt     # strictly rising
    # One Message-ID per message, the same one kept in the outbox.
    ids = [m["Message-ID"] for _, m in mine]
    assert len(set(ids)) == len(ids)
    kept = sql_value(f"SELECT COUNT(DISTINCT message_id) FROM mail_outbox WHERE booking_id = {bid}"
                     " AND kind <> 'to_decide'")
    assert kept == "9"


def test_the_approver_hears_of_a_request_and_its_link_decides_nothing(sink):
    alice, admin = login("alice"), login("admin")
    bid = booked_id(book(alice, title="Needs a yes"))
    send()
    (msg,) = [m for rcpt, m in sink.messages()
              if rcpt == ["admin@example.org"] and f"/admin/approvals/{bid}#" in
              m.get_body(("plain",)).get_content()]
    assert "To decide" in msg["Subject"]
    assert not calendar_text(msg)                      # the approver is no attendee
    html = msg.get_body(("html",)).get_content()
    assert f'href="http://' in html and f'/admin/approvals/{bid}#request-{bid}"' in html
    page = admin.get(url(f"/admin/approvals/{bid}"))
    assert page.status_code == 200 and f'id="request-{bid}"' in page.text
    assert sql_value(f"SELECT status FROM bookings WHERE id = {bid}") == "pending"
    # Someone who decides nothing gets no decision page.
    assert alice.get(url(f"/admin/approvals/{bid}")).status_code == 403


def test_nothing_is_mailed_for_a_change_that_did_not_happen(sink):
    alice = login("alice")
    start, end = next_slot()
    booked_id(book(alice, start=start, end=end))
    before = sql_value("SELECT COUNT(*) FROM mail_outbox")
    refused = book(login("bob"), start=start, end=end)      # the slot is taken
    assert refused.status_code == 409
    assert sql_value("SELECT COUNT(*) FROM mail_outbox") == before


def test_fifty_changes_made_while_the_server_is_away_all_arrive_once(sink):
    api = api_session("alice", "mail outage")
    room = new_room("Mail outage")
    day = far_day(1)
    sink.stop()
    try:
        made = []
        for i in range(50):
            start = at(day + datetime.timedelta(days=i // 10), 8 + i % 10)
            resp = api_booking(api, room, start, recurrence="FREQ=DAILY;COUNT=1")
            assert resp.status_code == 201, resp.text
            made.append(resp.json()["bookings"][0])
        out = send()
        assert "0 sent" in out.stdout
        wanted = int(sql_value("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL"))
        assert wanted >= 100                   # to alice, and to the deciders
        status = subprocess.run([str(ROOT / "build" / "asan" / "bin" / "roomctl"), "-c",
                                 str(SMTP_INI), "mail-status"], capture_output=True, text=True)
        assert f"waiting:  {wanted}" in status.stdout, status.stdout
        health = get("/healthz").json()
        assert health["mail"]["waiting"] >= wanted
        assert health["mail"]["oldestUnsentSeconds"] is not None
    finally:
        sink.start()
    before = len(sink.messages())
    send("--all")
    send("--all")                                 # nothing is sent twice
    arrived = sink.messages()[before:]
    assert len(arrived) == wanted
    ids = [m["Message-ID"] for _, m in arrived]
    assert len(set(ids)) == len(ids)
    assert sql_value("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL") == "0"
    assert get("/healthz").json()["mail"]["waiting"] == 0


def test_a_refused_recipient_does_not_hold_back_the_others(sink):
    alice = login("alice")
    refused, kept = (f"refused.{uuid.uuid4().hex[:6]}@example.test",
                     f"kept.{uuid.uuid4().hex[:6]}@example.test")
    bid = booked_id(book(alice, attendees="3", participant=[refused, kept]))
    before = len(sink.messages())
    send()
    arrived = [rcpt[0] for rcpt, _ in sink.messages()[before:]]
    assert kept in arrived and "alice@example.org" in arrived
    assert refused not in arrived
    row = sql_value("SELECT CONCAT(failed_at IS NOT NULL, '|', last_error) FROM mail_outbox"
                    f" WHERE address = '{refused}'")
    assert row.startswith("1|") and "550" in row
    status = subprocess.run([str(ROOT / "build" / "asan" / "bin" / "roomctl"), "-c",
                             str(SMTP_INI), "mail-status"], capture_output=True, text=True)
    assert refused in status.stdout and "given up" in status.stdout


def test_a_series_is_one_event_whose_dates_are_the_booked_ones(sink):
    api = api_session("alice", "mail series")
    admin = login("admin")
    room = new_room("Mail series")
    first = far_day(3)
    resp = api_booking(api, room, at(first, 10), recurrence="FREQ=WEEKLY;COUNT=5",
                       participants=["bob"])
    assert resp.status_code == 201, resp.text
    made = resp.json()
    ids, series = made["bookings"], made["seriesId"]
    send()
    data = {"csrf": page_csrf(admin, "/admin/approvals")}
    assert admin.post(url(f"/admin/approvals/series/{series}/approve"), data=data,
                      allow_redirects=False).status_code == 303
    send()
    # One date cancelled alone, another moved alone.
    assert api.delete(url(f"/api/bookings/{ids[2]}?scope=this")).status_code == 204
    send()
    etag = api.get(url(f"/api/bookings/{ids[3]}")).headers["ETag"]
    moved = api.patch(url(f"/api/bookings/{ids[3]}?scope=this"),
                      json={"useStartDtm": at(first + datetime.timedelta(weeks=3), 14)
                            .strftime("%Y%m%d%H%M"),
                            "useEndDtm": at(first + datetime.timedelta(weeks=3), 15)
                            .strftime("%Y%m%d%H%M")},
                      headers={"If-Match": etag})
    assert moved.status_code == 200, moved.text
    send()
    uid = f"series-{series}@"
    to_bob = [m for rcpt, m in about(sink.messages(), uid) if rcpt == ["bob@example.org"]]
    kinds = [(str(c["METHOD"]), [str(e["STATUS"]) for e in events(c)],
              [bool(e.get("RECURRENCE-ID")) for e in events(c)])
             for c in map(calendar_of, to_bob)]
    assert kinds[0] == ("REQUEST", ["TENTATIVE"], [False])       # requested
    assert kinds[1] == ("REQUEST", ["CONFIRMED"], [False])       # confirmed at once
    assert kinds[2] == ("CANCEL", ["CANCELLED"], [True])         # the one date
    assert kinds[3][0] == "REQUEST" and kinds[3][2] == [True]    # the date moved
    sequences = [int(events(c)[0]["SEQUENCE"]) for c in map(calendar_of, to_bob)]
    assert sequences == sorted(set(sequences))
    # A calendar that took them in order holds exactly the dates booked.
    cal = calendar_of(to_bob[1])
    master = events(cal)[0]
    assert "RRULE" in master
    base = cal.to_ical().decode()
    cancelled = events(calendar_of(to_bob[2]))[0]["RECURRENCE-ID"].dt
    override = events(calendar_of(to_bob[3]))[0]
    merged = icalendar.Calendar.from_ical(base)
    merged.subcomponents[-1].add("EXDATE", cancelled)
    merged.add_component(override)
    got = sorted(e["DTSTART"].dt.astimezone(SITE_TZ).strftime("%Y-%m-%d %H:%M")
                 for e in recurring_ical_events.of(merged).between(
                     at(first, 0), at(first + datetime.timedelta(weeks=6), 0)))
    live = sql_value("SELECT GROUP_CONCAT(DATE_FORMAT(CONVERT_TZ(starts_at, '+00:00',"
                     f" '+00:00'), '%Y-%m-%d %H:%i:%s') ORDER BY starts_at) FROM bookings"
                     f" WHERE series_id = {series} AND status IN ('pending','confirmed')")
    want = sorted(datetime.datetime.fromisoformat(t).replace(tzinfo=datetime.timezone.utc)
                  .astimezone(SITE_TZ).strftime("%Y-%m-%d %H:%M") for t in live.split(","))
    assert got == want and len(want) == 4
    # Sent afresh now, the series says the same by itself: EXDATE and all.
    assert sql("UPDATE mail_outbox SET sent_at = UTC_TIMESTAMP() WHERE sent_at IS NULL"
               ).returncode == 0
    etag = api.get(url(f"/api/bookings/{ids[0]}")).headers["ETag"]
    assert api.patch(url(f"/api/bookings/{ids[0]}?scope=all"), json={"title": "Renamed"},
                     headers={"If-Match": etag}).status_code == 200
    send()
    latest = [m for rcpt, m in about(sink.messages(), uid) if rcpt == ["bob@example.org"]][-1]
    fresh = calendar_of(latest)
    got = sorted(e["DTSTART"].dt.astimezone(SITE_TZ).strftime("%Y-%m-%d %H:%M")
                 for e in recurring_ical_events.of(fresh).between(
                     at(first, 0), at(first + datetime.timedelta(weeks=6), 0)))
    assert got == want
    assert int(events(fresh)[0]["SEQUENCE"]) > sequences[-1]


def test_people_choose_their_mail_and_read_it_in_their_language(sink):
    bob, alice = login("bob"), login("alice")
    page = bob.get(url("/account"))
    assert 'id="mail-decisions"' in page.text
    try:
        # bob wants no decisions, and reads Korean.
        resp = bob.post(url("/account/mail"), data={
            "csrf": page_csrf(bob, "/account"), "requests": "1", "changes": "1",
            "reminders": "1"}, allow_redirects=False)
        assert resp.status_code == 303
        assert sql_value("SELECT mail_wants FROM users WHERE login = 'bob'") == \
            "requests,changes,reminders"
        sql("UPDATE users SET language = 'ko', time_zone = 'Asia/Seoul' WHERE login = 'bob'")
        start, end = next_slot()
        bid = booked_id(book(alice, start=start, end=end, attendees="3", participant=["bob"]))
        decide(login("admin"), bid, "approve")
        resp = alice.post(url(f"/bookings/{bid}/cancel"),
                          data={"csrf": page_csrf(alice, f"/bookings/{bid}"), "reason": "x"},
                          allow_redirects=False)
        before = len(sink.messages())
        send()
        to_bob = [m for rcpt, m in sink.messages()[before:] if rcpt == ["bob@example.org"]]
        assert len(to_bob) == 1                         # the cancellation only
        msg = to_bob[0]
        assert "취소" in msg["Subject"]                 # decoded from its encoded words
        text = msg.get_body(("plain",)).get_content()
        seoul = datetime.datetime.strptime(start, "%Y-%m-%dT%H:%M").replace(
            tzinfo=SITE_TZ).astimezone(datetime.timezone(datetime.timedelta(hours=9)))
        assert seoul.strftime("%H:%M") in text           # bob's own clock
    finally:
        sql("UPDATE users SET language = NULL, time_zone = NULL,"
            " mail_wants = 'requests,decisions,changes,reminders' WHERE login = 'bob'")


def test_a_reminder_comes_before_the_start_and_says_to_check_in(sink, real_clock_after):
    alice, admin = login("alice"), login("admin")
    room = new_room("Mail remind", checkinRequired=True)
    start, end = next_slot()
    bid = booked_id(book(alice, room=room, start=start, end=end))
    decide(admin, bid, "approve")
    send()
    begins = datetime.datetime.strptime(start, "%Y-%m-%dT%H:%M").replace(tzinfo=SITE_TZ)
    set_clock(begins - datetime.timedelta(minutes=10))
    before = len(sink.messages())
    send()
    send()                                               # once only
    reminders = [m for rcpt, m in sink.messages()[before:]
                 if "Reminder" in m["Subject"] and rcpt == ["alice@example.org"]]
    assert len(reminders) == 1
    text = reminders[0].get_body(("plain",)).get_content()
    assert "Check in when it starts" in text
    assert sql_value(f"SELECT reminded_at IS NOT NULL FROM bookings WHERE id = {bid}") == "1"


def test_without_a_server_the_messages_are_eml_files_a_newcomer_can_open(sink):
    alice = login("alice")
    bid = booked_id(book(alice, title="Written to a file"))
    out = send(ini=VAR / "etc" / "roombook.ini")
    assert "sent" in out.stdout
    files = sorted((VAR / "mail").glob("*-requested.eml"))
    assert files
    msg = email.message_from_bytes(files[-1].read_bytes(), policy=email.policy.default)
    assert "Written to a file" in msg["Subject"]
    cal = calendar_of(msg)
    assert events(cal)[0]["UID"] == f"booking-{bid}@127.0.0.1"
    # The bytes in the file are the ones kept for a retry.
    kept = sql_value(f"SELECT message_id FROM mail_outbox WHERE booking_id = {bid}"
                     " AND kind = 'requested' AND user_id IS NOT NULL")
    assert msg["Message-ID"] == f"<{kept}>"


def test_a_denial_gives_its_reason_and_a_closed_room_cancels(sink):
    alice, admin = login("alice"), login("admin")
    bid = booked_id(book(alice, title="Asked and refused"))
    decide(admin, bid, "deny", reason="The board meets there")
    room = new_room("Mail closing")
    closed = booked_id(book(alice, room=room, title="Room going away"))
    api = api_session("admin", "close a room")
    etag = api.get(url(f"/api/rooms/{room}")).headers["ETag"]
    resp = api.patch(url(f"/api/rooms/{room}"), json={"status": "N", "reason": "Flooded"},
                     headers={"If-Match": etag})
    assert resp.status_code == 200, resp.text
    before = len(sink.messages())
    send()
    to_alice = [m for rcpt, m in sink.messages()[before:] if rcpt == ["alice@example.org"]]
    denied = [m for m in to_alice if f"booking-{bid}@" in calendar_text(m)]
    assert denied and denied[-1]["Subject"].startswith("Denied:")
    assert "Why: The board meets there" in denied[-1].get_body(("plain",)).get_content()
    (ev,) = events(calendar_of(denied[-1]))
    assert str(calendar_of(denied[-1])["METHOD"]) == "CANCEL" and str(ev["STATUS"]) == "CANCELLED"
    gone = [m for m in to_alice if f"booking-{closed}@" in calendar_text(m)]
    assert gone and gone[-1]["Subject"].startswith("Room out of use:")
    assert "Why: Flooded" in gone[-1].get_body(("plain",)).get_content()
    assert str(calendar_of(gone[-1])["METHOD"]) == "CANCEL"


def test_an_approver_who_asks_gets_the_days_queue_once(sink, real_clock_after):
    alice = login("alice")
    booked_id(book(alice, title="Waiting for the summary"))
    tomorrow = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=1)
    set_clock(datetime.datetime.combine(tomorrow, datetime.time(9), SITE_TZ))
    try:
        sql("UPDATE users SET mail_wants = 'requests,decisions,changes,reminders,summary',"
            " summary_sent_on = NULL WHERE login = 'admin'")
        before = len(sink.messages())
        send()
        send()
        summaries = [m for rcpt, m in sink.messages()[before:]
                     if rcpt == ["admin@example.org"] and "Requests to decide" in m["Subject"]]
        assert len(summaries) == 1
        text = summaries[0].get_body(("plain",)).get_content()
        assert "wait for your decision" in text and "/admin/approvals" in text
        if "More than 50" not in text:       # the first 50 are listed
            assert "Waiting for the summary" in text
        assert not calendar_text(summaries[0])
    finally:
        sql("UPDATE users SET mail_wants = 'requests,decisions,changes,reminders'"
            " WHERE login = 'admin'")


def test_a_rooms_approvers_hear_of_its_requests_and_the_administrators_do_not(sink):
    room = new_room("Mail approvers", approvers=["bob"])
    bid = booked_id(book(login("alice"), room=room, title="For bob to decide"))
    before = len(sink.messages())
    send()
    told = [rcpt[0] for rcpt, m in sink.messages()[before:]
            if f"/admin/approvals/{bid}#" in m.get_body(("plain",)).get_content()]
    assert told == ["bob@example.org"]
