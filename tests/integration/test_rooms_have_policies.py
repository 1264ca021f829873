"""Each room has a policy: confirmed at once or decided by its approvers
(people and groups), who may book it, a buffer around each booking, and
limits per person.  Pages and the API alike."""
import datetime
import uuid

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, api_session, book, booked_id,
                      log_text, login, new_room, page_csrf, roomctl, set_clock,
                      sql_value, temporary_user, url)

from test_bookings_race import fire, report
from test_series_are_booked_date_by_date import ask as ask_api, at

pytestmark = pytest.mark.usefixtures("read_model_exact")

CLIENTS, ROUNDS = 20, 3


@pytest.fixture(scope="module")
def alice_api():
    return api_session("alice", "policies")


@pytest.fixture(scope="module")
def admin_api():
    return api_session("admin", "policies")


def someone():
    """A person of their own for a test (password "demo")."""
    return temporary_user("p" + uuid.uuid4().hex[:10])


@pytest.fixture
def person():
    return someone()


@pytest.fixture
def group():
    """A group of its own for the test: its name."""
    name = "Team " + uuid.uuid4().hex[:8]
    out = roomctl("group", "add", name, "for a test")
    assert out.returncode == 0, out.stderr
    return name


def join(group_name, *logins):
    out = roomctl("group", "join", group_name, *logins)
    assert out.returncode == 0, out.stderr


def weekday_ahead(weekday, days=21):
    """The first such weekday (0: Monday) from `days` ahead: the rooms the
    tests make are their own, every day of them free."""
    day = datetime.datetime.now(SITE_TZ).date() + datetime.timedelta(days=days)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return day


def local(t):
    return t.strftime("%Y-%m-%dT%H:%M")


def ask(session, room, start, minutes=60, title="Policy meeting", **extra):
    return ask_api(session, room, start, minutes=minutes, title=title, **extra)


def notices(login_name, booking, kind):
    return int(sql_value("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id"
                         f" WHERE u.login = '{login_name}' AND n.booking_id = {booking}"
                         f" AND n.kind = '{kind}'"))


def state(booking):
    return sql_value(f"SELECT status FROM bookings WHERE id = {booking}")


def queue_ids(session, query=""):
    page = session.get(url("/admin/approvals" + query))
    assert page.status_code == 200, page.text[:400]
    doc = BeautifulSoup(page.text, "html.parser")
    return {int(li["id"].split("-")[1]) for li in doc.select("li.request")}


def test_an_instant_room_confirms_at_once_and_asks_nobody(alice_api, admin_api):
    room = new_room("Instant", approval="instant")
    day = weekday_ahead(2, 28)
    made = ask(alice_api, room, at(day, 10))
    assert made.status_code == 201, made.text
    booking = made.json()["bookingId"]
    assert made.json()["status"] == "confirmed" and made.json()["confirmStatus"] == "CONFIRMED"
    # Nothing waits: no decider hears of it, and its history says why.
    assert notices("admin", booking, "requested") == 0
    kinds = sql_value(f"SELECT GROUP_CONCAT(kind ORDER BY id) FROM booking_events"
                      f" WHERE booking_id = {booking}")
    assert kinds == "requested,confirmed"
    assert booking not in queue_ids(login("admin"))
    # The form says so too, and its booking page shows it confirmed.
    alice = login("alice")
    resp = book(alice, room=room, start=local(at(day, 12)), end=local(at(day, 13)))
    page = alice.get(url(f"/bookings/{booked_id(resp)}"))
    assert "Confirmed" in BeautifulSoup(page.text, "html.parser").select_one(".badge").get_text()
    # The room's resource and page tell its policy.
    shown = admin_api.get(url(f"/api/rooms/{room}")).json()
    assert shown["approval"] == "instant" and shown["approvers"] == [] and \
        shown["bookableBy"] == [] and shown["bufferMinutes"] == 0 and shown["maxPerDay"] is None
    doc = BeautifulSoup(alice.get(url(f"/rooms/{room}")).text, "html.parser")
    assert doc.select_one("#policy-approval").get_text() == \
        "Requests are confirmed at once when every rule holds."


def test_a_room_with_approvers_goes_to_them_and_they_decide(alice_api, admin_api, person):
    room = new_room("Lab", approvers=[person])
    other = new_room("Elsewhere")
    day = weekday_ahead(2, 28)
    mine = ask(alice_api, room, at(day, 9)).json()["bookingId"]
    theirs = ask(alice_api, other, at(day, 9)).json()["bookingId"]
    assert state(mine) == "pending"
    # The approver hears of their room's request; the administrators do
    # not (the room has approvers); another room's goes to the admins.
    assert notices(person, mine, "requested") == 1
    assert notices("admin", mine, "requested") == 0
    assert notices(person, theirs, "requested") == 0
    assert notices("admin", theirs, "requested") == 1

    approver = login(person)
    home = BeautifulSoup(approver.get(url("/")).text, "html.parser")
    assert home.select_one('nav a[href="/admin/approvals"]') is not None
    assert home.select_one('nav a[href="/admin"]') is None
    queue = queue_ids(approver)
    assert mine in queue and theirs not in queue
    # They read what they decide (the queue links it); not other rooms'.
    page = approver.get(url(f"/bookings/{mine}"))
    assert page.status_code == 200 and "Policy meeting" in page.text
    assert approver.get(url(f"/bookings/{theirs}")).status_code == 404
    # Administrators see every room's, and may keep to one room.
    admin = login("admin")
    only = queue_ids(admin, f"?room={room}")
    assert mine in only and theirs not in only
    assert theirs in queue_ids(admin, f"?room={other}")

    # Another room's decision: 403 through the page and the API alike.
    csrf = page_csrf(approver, "/admin/approvals")
    refused = approver.post(url(f"/admin/approvals/{theirs}/approve"), data={"csrf": csrf})
    assert refused.status_code == 403
    assert "Only this room's approvers and the administrators decide its requests." \
        in BeautifulSoup(refused.text, "html.parser").get_text()
    approver_api = api_session(person, "approver")
    refused = approver_api.patch(url(f"/api/confirms/{theirs}"), json={"status": "CONFIRMED"})
    assert refused.status_code == 403 and refused.json()["error"]["message"] == \
        "Only this room's approvers and the administrators decide its requests."
    assert state(theirs) == "pending"
    listed = {b["bookingId"] for b in approver_api.get(
        url("/api/confirms?status=BOOKED&limit=500")).json()["confirms"]}
    assert mine in listed and theirs not in listed

    # Their own room's: decided, and the requester told.
    done = approver.post(url(f"/admin/approvals/{mine}/approve"), data={"csrf": csrf},
                         allow_redirects=False)
    assert done.status_code == 303
    assert state(mine) == "confirmed"
    assert notices("alice", mine, "confirmed") == 1
    decided_by = sql_value(f"SELECT u.login FROM bookings b JOIN users u ON u.id = b.decided_by"
                           f" WHERE b.id = {mine}")
    assert decided_by == person


def test_someone_who_decides_nothing_has_no_queue(person):
    nobody = login(person)
    assert nobody.get(url("/admin/approvals")).status_code == 403
    assert api_session(person).get(url("/api/confirms?status=BOOKED")).status_code == 403
    home = BeautifulSoup(nobody.get(url("/")).text, "html.parser")
    assert home.select_one('nav a[href="/admin/approvals"]') is None


def test_joining_or_leaving_a_group_of_approvers_shows_on_every_next_page(
        person, group):
    """Each worker keeps who decides; a membership change reaches every
    page at once, in the same session: the navigation's queue and the
    queue itself."""
    new_room("Queue room", approverGroups=[group])
    session = login(person)
    pages = ["/", "/status", "/rooms", "/bookings", "/account"] * 2

    def offered():
        return [BeautifulSoup(session.get(url(p)).text, "html.parser")
                .select_one('nav a[href="/admin/approvals"]') is not None
                for p in pages]

    assert not any(offered())
    join(group, person)
    assert all(offered())
    assert session.get(url("/admin/approvals")).status_code == 200
    out = roomctl("group", "leave", group, person)
    assert out.returncode == 0, out.stderr
    assert not any(offered())
    assert session.get(url("/admin/approvals")).status_code == 403


def test_who_decides_is_read_without_a_mistake_in_the_logs(person):
    """Pages read it from the worker's deciders, scripts as they need it:
    neither asks a query for a column it does not select (once logged as
    an error on every page)."""
    before = {c: len(log_text(c)) for c in ("booking", "room", "status", "approval")}
    session = login(person)
    for path in ("/", "/status", "/rooms", "/bookings", "/account"):
        assert session.get(url(path)).status_code == 200
    assert api_session(person).get(url("/api/bookings")).status_code == 200
    for context, size in before.items():
        assert "no column" not in log_text(context)[size:], context


def test_a_group_of_approvers_decides_and_a_change_of_approvers_moves_the_queue(
        alice_api, admin_api, person, group):
    join(group, person)
    room = new_room("Boardroom", approverGroups=[group])
    day = weekday_ahead(2, 28)
    waiting = ask(alice_api, room, at(day, 14)).json()["bookingId"]
    assert notices(person, waiting, "requested") == 1
    assert waiting in queue_ids(login(person))

    # The policy changes: the request waits for whoever decides now; the
    # group's member decides nothing any more.
    other = someone()
    etag = admin_api.get(url(f"/api/rooms/{room}")).headers["ETag"]
    changed = admin_api.patch(url(f"/api/rooms/{room}"), headers={"If-Match": etag},
                              json={"approverGroups": [], "approvers": [other]})
    assert changed.status_code == 200, changed.text
    assert changed.json()["approvers"] == [other] and changed.json()["approverGroups"] == []
    assert login(person).get(url("/admin/approvals")).status_code == 403
    assert waiting in queue_ids(login(other))
    assert state(waiting) == "pending"
    # A change leaves out what it does not name.
    etag = changed.headers["ETag"]
    renamed = admin_api.patch(url(f"/api/rooms/{room}"), headers={"If-Match": etag},
                              json={"description": "Top floor"})
    assert renamed.json()["approvers"] == [other]


def test_unknown_people_and_groups_in_a_policy_are_refused_by_name(admin_api):
    resp = admin_api.post(url("/api/rooms"), json={
        "name": "Nobody's " + uuid.uuid4().hex[:6], "capacity": 4, "approvers": ["nosuchperson"]})
    assert resp.status_code == 422
    assert resp.json()["error"]["field"] == "approvers"
    assert resp.json()["error"]["message"] == 'Nobody has the login name "nosuchperson".'
    resp = admin_api.post(url("/api/rooms"), json={
        "name": "Nobody's " + uuid.uuid4().hex[:6], "capacity": 4, "bookableBy": ["No such"]})
    assert resp.status_code == 422 and resp.json()["error"]["field"] == "bookableBy"
    assert resp.json()["error"]["message"] == 'There is no group "No such".'
    resp = admin_api.post(url("/api/rooms"), json={
        "name": "Nobody's " + uuid.uuid4().hex[:6], "capacity": 4, "approval": "sometimes"})
    assert resp.status_code == 422 and resp.json()["error"]["field"] == "approval"
    # Nothing of a refused room was written.
    assert sql_value("SELECT COUNT(*) FROM rooms WHERE name LIKE 'Nobody''s %'") == "0"


def test_a_restricted_room_is_booked_only_by_its_groups(alice_api, admin_api, group, person):
    join(group, person)
    room = new_room("Restricted", bookableBy=[group])
    day = weekday_ahead(2, 28)
    refused = ask(alice_api, room, at(day, 10))
    assert refused.status_code == 403
    assert refused.json()["error"]["field"] == "roomId"
    assert refused.json()["error"]["message"] == \
        f"This room is restricted: only members of {group} may book it."
    # In Korean too, for who reads Korean.
    korean = api_session(someone(), "policies in Korean")
    korean.headers["Accept-Language"] = "ko"
    said = ask(korean, room, at(day, 10)).json()["error"]["message"]
    assert said == f"제한된 회의실입니다: {group}의 구성원만 예약할 수 있습니다."
    # The form shows the room as restricted, and says why it refuses.
    alice = login("alice")
    form = BeautifulSoup(alice.get(url(f"/bookings/new?room_id={room}")).text, "html.parser")
    option = form.select_one(f'#room_id option[value="{room}"]')
    assert option.get_text().endswith("· restricted")
    resp = book(alice, room=room, start=local(at(day, 11)), end=local(at(day, 12)))
    assert resp.status_code == 403
    page = BeautifulSoup(resp.text, "html.parser")
    assert f"only members of {group} may book it" in page.select_one("#room_id-error").get_text()
    assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE room_id = {room}") == "0"
    # A member may, and so may an administrator.
    assert ask(api_session(person, "member"), room, at(day, 10)).status_code == 201
    assert ask(admin_api, room, at(day, 13)).status_code == 201
    # Joining the group opens it.
    join(group, "alice")
    try:
        assert ask(alice_api, room, at(day, 15)).status_code == 201
    finally:
        roomctl("group", "leave", group, "alice")
    doc = BeautifulSoup(alice.get(url(f"/rooms/{room}")).text, "html.parser")
    assert group in doc.select_one("#policy-bookable").get_text()


def test_a_buffer_keeps_time_free_around_each_booking(alice_api, admin_api):
    room = new_room("Buffered", bufferMinutes=30, approval="instant")
    day = weekday_ahead(2, 28)
    assert ask(alice_api, room, at(day, 10)).status_code == 201
    # Right after it, and within the buffer before it: taken.
    for start in (at(day, 11), at(day, 9)):
        refused = ask(alice_api, room, start)
        assert refused.status_code == 409, refused.text
        assert "keeps 30 minutes free before and after each booking" in \
            refused.json()["error"]["message"]
    # Beyond the buffer: free.
    assert ask(alice_api, room, at(day, 11, 30)).status_code == 201
    assert ask(alice_api, room, at(day, 8), minutes=90).status_code == 201
    # The day grid hatches the buffer: the half hours between 11:00 and
    # 11:30 are kept free, no link to book them.
    grid = BeautifulSoup(login("alice").get(url(f"/status/day/{day.isoformat()}/")).text,
                         "html.parser")
    row = grid.select_one(f'tr[data-room="{room}"]')
    assert row.select("td.buf"), row
    assert grid.select_one("#buffer-key") is not None
    links = {a["href"] for a in row.select("td a")}
    assert f"{room}.{11 * 60}" not in links and f"{room}.{13 * 60}" in links


def test_limits_per_person_refuse_by_name_and_the_form_shows_where_one_stands(
        admin_api, person):
    room = new_room("Limited", approval="instant", maxPerDay=1, maxPerWeek=2)
    me = api_session(person, "limits")
    monday = weekday_ahead(0)
    assert ask(me, room, at(monday, 9)).status_code == 201
    refused = ask(me, room, at(monday, 14))
    assert refused.status_code == 409
    assert refused.json()["error"]["message"] == (
        "Over this room's limit: Bookings a day per person: at most 1 (you have 1 of 1 that "
        "day). Choose another time or room, or cancel a booking first.")
    # Before submitting, the form says where the person stands.
    form = BeautifulSoup(login(person).get(url(
        f"/bookings/new?room_id={room}&start={local(at(monday + datetime.timedelta(days=1), 9))}"
    )).text, "html.parser")
    standing = form.select_one("#standing").get_text(" ", strip=True)
    assert "0 of 1 that day" in standing and "1 of 2 that week" in standing
    assert ask(me, room, at(monday + datetime.timedelta(days=1), 9)).status_code == 201
    # The form refuses alike, at the time it asked for.
    tuesday = monday + datetime.timedelta(days=1)
    resp = book(login(person), room=room, start=local(at(tuesday, 14)),
                end=local(at(tuesday, 15)))
    assert resp.status_code == 409
    said = BeautifulSoup(resp.text, "html.parser").select_one("#starts_at-error").get_text()
    assert said.startswith("Over this room's limit: Bookings a day per person: at most 1")
    refused = ask(me, room, at(monday + datetime.timedelta(days=2), 9))
    assert refused.status_code == 409 and "you have 2 of 2 that week" in \
        refused.json()["error"]["message"]
    # Cancelling one frees its place; the next week counts afresh.
    assert ask(me, room, at(monday + datetime.timedelta(days=7), 9)).status_code == 201
    # Administrators are not limited.
    assert ask(admin_api, room, at(monday + datetime.timedelta(days=3), 9)).status_code == 201
    assert ask(admin_api, room, at(monday + datetime.timedelta(days=3), 11)).status_code == 201


def test_a_series_preview_shows_the_dates_a_limit_refuses(person):
    room = new_room("Limited series", maxFuture=2)
    me = api_session(person, "series limits")
    day = weekday_ahead(1)
    answer = ask(me, room, at(day, 10), recurrence="FREQ=DAILY;COUNT=4", preview=True).json()
    kept = [d for d in answer["dates"] if d["state"] == "free"]
    limited = [d for d in answer["dates"] if d["state"] == "limit"]
    assert len(kept) == 2 and len(limited) == 2
    assert limited[0]["why"] == "Over the limit: Bookings ahead per person: at most 2."
    # Booked, the limited dates are skipped as the taken ones would be.
    made = ask(me, room, at(day, 10), recurrence="FREQ=DAILY;COUNT=4", skipConflicts=True)
    assert made.status_code == 409  # half the dates: more than 25 % may not be skipped
    made = ask(me, room, at(day, 10), recurrence="FREQ=DAILY;COUNT=2")
    assert made.status_code == 201, made.text
    assert ask(me, room, at(day + datetime.timedelta(days=7), 10)).status_code == 409


def test_twenty_clients_racing_past_a_limit_get_exactly_one_booking(person):
    """One person, twenty clients at once, each asking for another half hour
    of the same day in a room that allows one booking a day: exactly one
    is made, in each of three rounds (three days)."""
    room = new_room("Race limit", approval="instant", maxPerDay=1)
    token = roomctl("token", "add", person, "race").stdout.strip()
    sessions = []
    for _ in range(CLIENTS):
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {token}"
        sessions.append(s)
    made = []
    for r in range(ROUNDS):
        day = weekday_ahead(r, 35)
        starts = [at(day, 8) + datetime.timedelta(minutes=30 * i) for i in range(CLIENTS)]
        answers = fire([lambda s=s, t=t: ask(s, room, t, minutes=30)
                        for s, t in zip(sessions, starts)])
        codes = sorted(a.status_code for a in answers)
        assert codes == [201] + [409] * (CLIENTS - 1), codes
        refused = [a.json()["error"]["message"] for a in answers if a.status_code == 409]
        assert all("Bookings a day per person: at most 1" in m for m in refused), refused[:2]
        made.append(codes.count(201))
    assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE room_id = {room}"
                     " AND status IN ('pending','confirmed')") == str(ROUNDS)
    report(f"limit races: {ROUNDS} rounds x {CLIENTS} clients, one person, a limit of one "
           f"booking a day: made per round {made}, refused {[CLIENTS - m for m in made]}")


def test_a_request_left_undecided_goes_to_the_administrators(alice_api, person,
                                                              real_clock_after):
    room = new_room("Escalate", approvers=[person])
    day = weekday_ahead(2, 28)
    waiting = ask(alice_api, room, at(day, 16)).json()["bookingId"]
    assert notices("admin", waiting, "escalated") == 0
    # Not yet: a day has not passed.
    assert roomctl("sweep").returncode == 0
    assert notices("admin", waiting, "escalated") == 0
    set_clock(datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=25))
    out = roomctl("sweep")
    assert out.returncode == 0, out.stderr
    assert notices("admin", waiting, "escalated") == 1
    assert notices(person, waiting, "escalated") == 0
    said = sql_value("SELECT n.message FROM notifications n JOIN users u ON u.id = n.user_id"
                     f" WHERE u.login = 'admin' AND n.booking_id = {waiting}"
                     " AND n.kind = 'escalated'")
    assert said.startswith("Still waiting for its room's approvers: “Policy meeting”")
    # Once only.
    roomctl("sweep")
    assert notices("admin", waiting, "escalated") == 1


def test_administrators_keep_groups_on_their_pages(person):
    admin = login("admin")
    name = "Facilities " + uuid.uuid4().hex[:6]
    csrf = page_csrf(admin, "/admin/groups")
    made = admin.post(url("/admin/groups"), data={"csrf": csrf, "name": name,
                                                  "description": "Set-up and cleaning"},
                      allow_redirects=False)
    assert made.status_code == 303
    where = made.headers["Location"].split("?")[0]
    again = admin.post(url("/admin/groups"), data={"csrf": csrf, "name": name})
    assert again.status_code == 409 and "Another group already has this name." in again.text
    # Members by login; an unknown login is refused by name.
    assert admin.post(url(where + "/members"), data={"csrf": csrf, "login": person},
                      allow_redirects=False).status_code == 303
    unknown = admin.post(url(where + "/members"), data={"csrf": csrf, "login": "nobody-here"})
    assert unknown.status_code == 422 and "No one here has the login “nobody-here”." in unknown.text
    doc = BeautifulSoup(admin.get(url(where)).text, "html.parser")
    assert [li.select_one(".login").get_text() for li in doc.select("li.member")] == [person]
    # A room that names it keeps it from being deleted.
    room = new_room("Grouped", approverGroups=[name])
    doc = BeautifulSoup(admin.get(url(where)).text, "html.parser")
    assert "decides its requests" in doc.select_one("ul.rooms").get_text()
    refused = admin.post(url(where + "/delete"), data={"csrf": csrf})
    assert refused.status_code == 409
    assert sql_value(f"SELECT COUNT(*) FROM user_groups WHERE name = '{name}'") == "1"
    etag = api_session("admin").get(url(f"/api/rooms/{room}")).headers["ETag"]
    assert api_session("admin").patch(url(f"/api/rooms/{room}"), headers={"If-Match": etag},
                                      json={"approverGroups": []}).status_code == 200
    assert admin.post(url(where + "/delete"), data={"csrf": csrf},
                      allow_redirects=False).status_code == 303
    assert sql_value(f"SELECT COUNT(*) FROM user_groups WHERE name = '{name}'") == "0"
    # Only administrators.
    assert login("alice").get(url("/admin/groups")).status_code == 403


def test_roomctl_keeps_groups_too(person):
    name = "Ops " + uuid.uuid4().hex[:6]
    assert roomctl("group", "add", name).returncode == 0
    out = roomctl("group", "join", name, person, "nobody-here")
    assert out.returncode == 1 and "nobody active has the login \"nobody-here\"" in out.stderr
    shown = roomctl("group", "show", name)
    assert shown.returncode == 0 and person in shown.stdout
    assert name in roomctl("group", "list").stdout
    out = roomctl("group", "leave", name, person)
    assert out.returncode == 0
    assert roomctl("group", "remove", name).returncode == 0
    assert roomctl("group", "show", name).returncode == 1


def test_the_room_form_sets_the_whole_policy(group, person):
    admin = login("admin")
    other = someone()
    room = new_room("Form policy")
    page = BeautifulSoup(admin.get(url(f"/admin/rooms/{room}/edit")).text, "html.parser")
    fields = {i["name"]: i.get("value", "") for i in page.select("form input[name]")
              if i.get("type") not in ("checkbox",)}
    fields.update({"approval": "required", "approvers": f"{person}, {other}",
                   "buffer_minutes": "15",
                   "max_per_week": "3", "max_per_day": ""})
    data = list(fields.items()) + [("approver_groups", group), ("bookable_by", group)]
    saved = admin.post(url(f"/admin/rooms/{room}"), data=data, allow_redirects=False)
    assert saved.status_code == 303, saved.text[:600]
    shown = api_session("admin").get(url(f"/api/rooms/{room}")).json()
    assert sorted(shown["approvers"]) == sorted([person, other])
    assert shown["approverGroups"] == [group] and shown["bookableBy"] == [group]
    assert shown["bufferMinutes"] == 15 and shown["maxPerWeek"] == 3 and shown["maxPerDay"] is None
    # The form shows it again as saved.
    page = BeautifulSoup(admin.get(url(f"/admin/rooms/{room}/edit")).text, "html.parser")
    assert sorted(page.select_one("#approvers")["value"].split(", ")) == \
        sorted([person, other])
    assert page.select_one(f'input[name="bookable_by"][value="{group}"]').has_attr("checked")
    assert page.select_one("#max_per_week")["value"] == "3"
    doc = BeautifulSoup(admin.get(url(f"/rooms/{room}")).text, "html.parser")
    assert "15 minutes are kept free" in doc.select_one("#policy-buffer").get_text()
    assert "Bookings a week per person: at most 3." in \
        [li.get_text() for li in doc.select(".policy-limit")]
