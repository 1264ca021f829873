"""The approval queue: confirm or deny, with history and notifications."""
import pytest
from bs4 import BeautifulSoup

import datetime

from conftest import (SITE_TZ, book, booked_id, csrf_of, drop_user, login, next_slot, quiet_day,
                      roomctl, sql, sql_value, set_in_both, temporary_user, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def decide(admin, bid, action, reason=None):
    token = csrf_of(admin.get(url("/admin/approvals")).text)
    data = {"csrf": token}
    if reason is not None:
        data["reason"] = reason
    return admin.post(url(f"/admin/approvals/{bid}/{action}"), data=data,
                      allow_redirects=False)


def history(session, bid):
    doc = BeautifulSoup(session.get(url(f"/bookings/{bid}")).text, "html.parser")
    return [(e.select_one(".event-kind").get_text(), e.select_one(".event-by").get_text(),
             (e.select_one(".event-reason") or e).get_text() if e.select_one(".event-reason")
             else None) for e in doc.select(".event")]


def status(session, bid):
    doc = BeautifulSoup(session.get(url(f"/bookings/{bid}")).text, "html.parser")
    return doc.select_one("#status").get_text()


def notes(session):
    doc = BeautifulSoup(session.get(url("/notifications")).text, "html.parser")
    return [n.select_one(".message").get_text() for n in doc.select(".note")]


def test_the_queue_shows_pending_requests_soonest_first(alice, admin):
    later = booked_id(book(alice, title="Later one"))
    doc = BeautifulSoup(admin.get(url("/admin/approvals")).text, "html.parser")
    ids = [int(li["id"].split("-")[1]) for li in doc.select(".request")]
    assert later in ids
    starts = [sql_value(f"SELECT starts_at FROM bookings WHERE id = {i}") for i in ids]
    assert starts == sorted(starts)
    item = doc.select_one(f"#request-{later}")
    assert item.select_one(".requester").get_text() == "Alice Andersen"
    assert item.select_one(".room").get_text() == "Berlin"
    assert "waiting" in item.get_text()


def test_a_long_queue_comes_in_pages_that_miss_nothing(admin):
    day = quiet_day()
    uid = sql_value("SELECT id FROM users WHERE login = 'alice'")
    rooms = sql_value("SELECT GROUP_CONCAT(id ORDER BY id) FROM rooms").split(",")[:4]
    before = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM bookings"))
    values = []
    for k in range(60):  # 4 rooms x 15 half hours from 08:00: none overlaps
        start = datetime.datetime.combine(day, datetime.time(8), SITE_TZ) + \
            datetime.timedelta(minutes=30 * (k // 4))
        utc = [t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
               for t in (start, start + datetime.timedelta(minutes=30))]
        values.append(f"({rooms[k % 4]}, {uid}, 'Paged {k}', 2, '{utc[0]}', '{utc[1]}')")
    out = sql("INSERT INTO bookings (room_id, user_id, title, attendees, starts_at, ends_at)"
              " VALUES " + ", ".join(values))
    assert out.returncode == 0, out.stderr
    mine = {int(i) for i in sql_value(
        f"SELECT GROUP_CONCAT(id) FROM bookings WHERE id > {before}").split(",")}
    assert len(mine) == 60
    assert roomctl("refresh-status").returncode == 0
    try:
        seen, pages, path = [], [], "/admin/approvals"
        while path is not None:
            resp = admin.get(url(path))
            assert resp.status_code == 200
            doc = BeautifulSoup(resp.text, "html.parser")
            ids = [int(li["id"].split("-")[1]) for li in doc.select(".request")]
            assert 0 < len(ids) <= 50
            # Every page after the first leads back to the soonest.
            assert (doc.select_one("#first") is not None) == (len(pages) > 0)
            pages.append(ids)
            seen += ids
            nxt = doc.select_one("#next")
            path = nxt["href"] if nxt is not None else None
        assert len(pages) >= 2 and all(len(p) == 50 for p in pages[:-1])
        assert len(seen) == len(set(seen)) and mine <= set(seen)
        starts = [sql_value(f"SELECT CONCAT(starts_at, ' ', LPAD(id, 12, '0')) FROM bookings"
                            f" WHERE id = {i}") for i in seen]
        assert starts == sorted(starts)
        # A denial without a reason, from a later page: that page again,
        # beginning with the request, its field marked to fill.
        far = next(i for i in reversed(seen) if sql_value(
            f"SELECT series_id IS NULL FROM bookings WHERE id = {i}") == "1")
        resp = admin.post(url(f"/admin/approvals/{far}/deny"), data={
            "csrf": csrf_of(admin.get(url("/admin/approvals")).text), "reason": ""})
        assert resp.status_code == 422
        doc = BeautifulSoup(resp.text, "html.parser")
        assert doc.select(".request")[0]["id"] == f"request-{far}"
        assert doc.select_one(f"#reason-{far}")["aria-invalid"] == "true"
        # Past the last request: nothing, said so; a made-up cursor: 422.
        last = sql_value(f"SELECT UNIX_TIMESTAMP(starts_at) FROM bookings WHERE id = {seen[-1]}")
        after = admin.get(url(f"/admin/approvals?after={last}.{seen[-1]}"))
        assert "No requests are waiting after those already shown." in after.text
        bad = admin.get(url("/admin/approvals?after=yesterday"))
        assert bad.status_code == 422
        assert "that page link is damaged; start from the first page" in bad.text
    finally:
        sql(f"UPDATE bookings SET status = 'cancelled' WHERE id > {before}"
            " AND title LIKE 'Paged %'")
        assert roomctl("refresh-status").returncode == 0


def test_the_queue_is_for_administrators_only(alice):
    assert alice.get(url("/admin/approvals"), allow_redirects=False).status_code == 403


def test_approving_confirms_notifies_and_records(alice, admin):
    bid = booked_id(book(alice, title="To approve"))
    # Administrators were told of the request.
    assert any("New request: \u201cTo approve\u201d in Berlin" in n and "by Alice Andersen" in n
               for n in notes(admin))
    resp = decide(admin, bid, "approve")
    assert resp.status_code == 303
    assert resp.headers["Location"] == "/admin/approvals?done=approved"
    assert "The booking is confirmed" in admin.get(url(resp.headers["Location"])).text
    assert status(alice, bid) == "Confirmed"
    assert history(alice, bid) == [("requested", "Alice Andersen", None),
                                   ("Confirmed", "Ada Admin", None)]
    assert any("\u201cTo approve\u201d in Berlin" in n and n.endswith("is confirmed.")
               for n in notes(alice))
    assert sql_value(f"SELECT version FROM bookings WHERE id = {bid}") == "2"
    # Deciding again is refused, saying by whom.
    again = decide(admin, bid, "deny", "changed my mind")
    assert again.status_code == 409
    assert "already confirmed by Ada Admin" in again.text


def test_denying_needs_a_reason_frees_the_slot_and_tells_why(alice, admin):
    start, end = next_slot()
    bid = booked_id(book(alice, start=start, end=end, title="To deny"))
    missing = decide(admin, bid, "deny", "")
    assert missing.status_code == 422
    doc = BeautifulSoup(missing.text, "html.parser")
    assert doc.select_one(f"#reason-{bid}-error").get_text() == "Please fill this in."
    assert status(alice, bid) == "Pending approval"
    # Spaces are no reason either (they were taken as one).
    blank = decide(admin, bid, "deny", " \u00a0 ")
    assert blank.status_code == 422
    doc = BeautifulSoup(blank.text, "html.parser")
    assert doc.select_one(f"#reason-{bid}-error").get_text() == \
        "Give a reason; the person who booked will see it."
    assert status(alice, bid) == "Pending approval"
    # A reason too long comes back in its field, to be shortened, not retyped.
    wordy = "Needed for interviews. " * 25
    long = decide(admin, bid, "deny", wordy)
    assert long.status_code == 422
    doc = BeautifulSoup(long.text, "html.parser")
    assert doc.select_one(f"#reason-{bid}-error").get_text() == \
        "Keep the reason to 500 characters."
    assert doc.select_one(f"#reason-{bid}")["value"] == wordy
    assert status(alice, bid) == "Pending approval"
    resp = decide(admin, bid, "deny", "The room is needed for interviews")
    assert resp.status_code == 303
    assert status(alice, bid) == "Denied"
    assert history(alice, bid)[-1] == ("Denied", "Ada Admin",
                                       "The room is needed for interviews")
    assert any(n.endswith("was denied: The room is needed for interviews")
               for n in notes(alice))
    # The slot is free again at once.
    booked_id(book(login("bob"), start=start, end=end, title="Taking the slot"))


def test_a_request_whose_start_has_passed_cannot_be_approved(alice, admin):
    bid = booked_id(book(alice, title="Too late"))
    # Move it into the past, source and view alike.
    set_in_both(bid, starts_at="UTC_TIMESTAMP() - INTERVAL 2 HOUR",
                ends_at="UTC_TIMESTAMP() - INTERVAL 1 HOUR")
    resp = decide(admin, bid, "approve")
    assert resp.status_code == 409
    assert "Its start has passed" in resp.text
    assert sql_value(f"SELECT status FROM bookings WHERE id = {bid}") == "pending"


def test_deciding_an_unknown_booking_is_404(admin):
    assert decide(admin, 99999999, "approve").status_code == 404


def test_an_administrator_cancels_with_a_reason_and_the_owner_is_told(alice, admin):
    bid = booked_id(book(alice, title="Admin cancels"))
    page = admin.get(url(f"/bookings/{bid}"))
    token = csrf_of(page.text)
    resp = admin.post(url(f"/bookings/{bid}/cancel"), data={"csrf": token, "reason": ""},
                      allow_redirects=False)
    assert resp.status_code == 422
    assert "Give a reason" in resp.text
    # Someone else's booking: a page of its own asks first, naming it.
    ask = admin.post(url(f"/bookings/{bid}/cancel"), data={
        "csrf": token, "reason": "Fire drill"}, allow_redirects=False)
    assert ask.status_code == 200
    doc = BeautifulSoup(ask.text, "html.parser")
    assert doc.select_one("#cancel-title").get_text() == "Admin cancels"
    assert doc.select_one("#cancel-owner").get_text() == "Alice Andersen"
    assert doc.select_one("#cancel-reason").get_text() == "Fire drill"
    assert status(alice, bid) == "Pending approval"
    confirm = {i["name"]: i["value"] for i in doc.select("form input[type=hidden]")}
    assert confirm["confirmed"] == "1" and confirm["reason"] == "Fire drill"
    resp = admin.post(url(f"/bookings/{bid}/cancel"), data=confirm, allow_redirects=False)
    assert resp.status_code == 303
    assert status(alice, bid) == "Cancelled"
    assert history(alice, bid)[-1] == ("Cancelled", "Ada Admin", "Fire drill")
    assert any("was cancelled by Ada Admin: Fire drill" in n for n in notes(alice))


def test_the_unread_count_shows_on_every_page_until_read(alice):
    bob = login("bob")
    bid = booked_id(book(bob, title="Count me"))
    admin = login("admin")
    decide(admin, bid, "approve")
    for path in ("/", "/bookings", "/rooms"):
        doc = BeautifulSoup(bob.get(url(path)).text, "html.parser")
        count = doc.select_one('header nav a[href="/notifications"] .count')
        assert count is not None and int(count.get_text()) >= 1, path
    token = csrf_of(bob.get(url("/notifications")).text)
    assert bob.post(url("/notifications/read"), data={"csrf": token},
                    allow_redirects=False).status_code == 303
    doc = BeautifulSoup(bob.get(url("/")).text, "html.parser")
    assert doc.select_one('header nav a[href="/notifications"] .count') is None
    assert not BeautifulSoup(bob.get(url("/notifications")).text,
                             "html.parser").select(".note.unread")


def test_many_unread_notices_are_counted_as_100_plus():
    """Counting thousands on every page cost a page's worth: the count stops
    at 100, as the deciders' waiting count does."""
    who = temporary_user("tmp-many-notes")
    uid = sql_value(f"SELECT id FROM users WHERE login = '{who}'")
    try:
        for n, shown in ((99, "99"), (1, "100+"), (500, "100+")):
            out = sql("INSERT INTO notifications (user_id, message)"
                      f" SELECT {uid}, 'Notice' FROM seq_1_to_{n}")
            assert out.returncode == 0, out.stderr
            doc = BeautifulSoup(login(who).get(url("/bookings")).text, "html.parser")
            count = doc.select_one('header nav a[href="/notifications"] .count')
            assert count.get_text() == shown
            assert count["aria-label"] == f"{shown} unread"
    finally:
        sql(f"DELETE FROM notifications WHERE user_id = {uid}")
        drop_user(who)


def test_a_disabled_administrator_is_not_notified():
    who = temporary_user("tmp-admin-off", role="admin")
    try:
        sql(f"UPDATE users SET disabled = 1 WHERE login = '{who}'")
        bid = booked_id(book(login("alice"), title="Quiet"))
        assert sql_value("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id"
                         f" WHERE u.login = '{who}' AND n.booking_id = {bid}") == "0"
        assert int(sql_value("SELECT COUNT(*) FROM notifications n JOIN users u"
                             f" ON u.id = n.user_id WHERE u.login = 'admin'"
                             f" AND n.booking_id = {bid}")) == 1
    finally:
        sql(f"DELETE n FROM notifications n JOIN users u ON u.id = n.user_id"
            f" WHERE u.login = '{who}'")
        drop_user(who)


def test_long_non_ascii_titles_and_reasons_are_decided_and_told(alice, admin):
    title = "\u4f1a\u8bae" * 100  # 200 characters, 600 bytes
    bid = booked_id(book(alice, title=title))
    resp = decide(admin, bid, "deny", "\u7406\u7531" * 250)  # 500 characters
    assert resp.status_code == 303
    message = sql_value(f"SELECT message FROM notifications WHERE booking_id = {bid}"
                        " AND message LIKE 'Your booking%'")
    assert message.startswith("Your booking \u201c" + title)


def test_several_requests_are_approved_at_once_each_on_its_own(alice, admin):
    ids = [booked_id(book(alice, title=f"Ticked {k}")) for k in range(3)]
    token = csrf_of(alice.get(url(f"/bookings/{ids[2]}")).text)
    assert alice.post(url(f"/bookings/{ids[2]}/cancel"), data={"csrf": token},
                      allow_redirects=False).status_code == 303
    queue = BeautifulSoup(admin.get(url("/admin/approvals")).text, "html.parser")
    assert {int(c["value"]) for c in queue.select("input[name=booking][form=ticked]")} >= \
        set(ids[:2])
    token = csrf_of(queue.decode())
    resp = admin.post(url("/admin/approvals/approve"),
                      data=[("csrf", token)] + [("booking", str(b)) for b in ids])
    assert resp.status_code == 200
    doc = BeautifulSoup(resp.text, "html.parser")
    assert doc.select_one("#done").get_text() == \
        "2 requests approved; each person who asked has been told."
    failed = [li.get_text() for li in doc.select("#problem li")]
    assert failed == [f"Request {ids[2]}: This booking is already cancelled by Alice Andersen, "
                      + failed[0].split("Alice Andersen, ")[1]]
    assert [status(alice, b) for b in ids] == ["Confirmed", "Confirmed", "Cancelled"]
    # Each its own transition, with its own event and notification.
    for b in ids[:2]:
        assert history(alice, b)[-1][:2] == ("Confirmed", "Ada Admin")
    none = admin.post(url("/admin/approvals/approve"), data={"csrf": token})
    assert none.status_code == 422
    assert "Tick the requests to approve first." in none.text
    bad = admin.post(url("/admin/approvals/approve"), data={"csrf": token, "booking": "1x"})
    assert bad.status_code == 422
    assert alice.post(url("/admin/approvals/approve"), data={
        "csrf": csrf_of(alice.get(url("/")).text), "booking": str(ids[0])},
        allow_redirects=False).status_code == 403


def test_my_bookings_keep_what_will_not_take_place_apart(alice, admin):
    live = booked_id(book(alice, title="Going ahead"))
    denied = booked_id(book(alice, title="Turned down"))
    assert decide(admin, denied, "deny", reason="Board meeting").status_code == 303
    doc = BeautifulSoup(alice.get(url("/bookings")).text, "html.parser")
    upcoming = [a.get_text() for a in doc.select('ul[aria-labelledby="upcoming"] a')]
    called_off = [a.get_text() for a in doc.select('ul[aria-labelledby="called-off"] a')]
    assert "Going ahead" in upcoming and "Turned down" not in upcoming
    assert "Turned down" in called_off and "Going ahead" not in called_off
    assert doc.select_one(f'ul[aria-labelledby="upcoming"] a[href="/bookings/{live}"]')
