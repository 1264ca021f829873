"""Pages and messages in the reader's language: their setting, else the
login page's choice, else their browser's, else the site's (English)."""
import gettext
import uuid

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import (ROOT, api_session, book, booked_id, csrf_of, drop_user, login,
                      sql_value, temporary_user, url)

CATALOG = ROOT / "build" / "i18n" / "locale" / "ko.mo"


@pytest.fixture
def person():
    """Someone of their own, whose language setting no other test sees."""
    yield temporary_user("polyglot")
    drop_user("polyglot")


@pytest.fixture(scope="module")
def ko():
    """What the Korean catalog says for an English message."""
    with open(CATALOG, "rb") as f:
        catalog = gettext.GNUTranslations(f)
    return catalog.gettext


def page(resp):
    doc = BeautifulSoup(resp.text, "html.parser")
    return doc.html["lang"], doc.select_one("h1").get_text()


def test_without_a_choice_pages_are_in_the_sites_language():
    assert page(requests.get(url("/login"))) == ("en", "Log in")
    assert page(requests.get(url("/login"), headers={"Accept-Language": "fr, de;q=0.5"})) \
        == ("en", "Log in")


@pytest.mark.parametrize("header", ["ko", "ko-KR", "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7",
                                    "fr, ko;q=0.5, en;q=0.2"])
def test_the_browsers_language_is_used_when_we_have_it(ko, header):
    lang, heading = page(requests.get(url("/login"), headers={"Accept-Language": header}))
    assert (lang, heading) == ("ko", ko("Log in"))
    assert heading != "Log in"


def test_english_is_kept_when_the_browser_prefers_it(ko):
    resp = requests.get(url("/login"), headers={"Accept-Language": "en-GB, ko;q=0.5"})
    assert page(resp) == ("en", "Log in")


def test_the_login_pages_switch_is_remembered_in_the_browser(ko, person):
    browser = requests.Session()
    browser.headers["Accept-Language"] = "en"
    doc = BeautifulSoup(browser.get(url("/login?next=/status")).text, "html.parser")
    links = {a["lang"]: a["href"] for a in doc.select("nav.languages a")}
    assert set(links) == {"en", "ko"}
    assert doc.select_one('nav.languages a[aria-current]')["lang"] == "en"
    # Each language is named in itself.
    assert doc.select_one('nav.languages a[lang="ko"]').get_text() == ko("English") == "한국어"
    switched = browser.get(url(links["ko"]), allow_redirects=False)
    assert switched.status_code == 303
    assert switched.headers["Location"] == "/login?next=/status"
    assert "rb_lang=ko" in switched.headers["Set-Cookie"]
    assert page(browser.get(url("/login"))) == ("ko", ko("Log in"))
    # The choice carries into the session: the home page after logging in.
    token = csrf_of(browser.get(url("/login")).text)
    browser.post(url("/login"), data={"csrf": token, "login": person, "password": "demo"})
    assert BeautifulSoup(browser.get(url("/")).text, "html.parser").html["lang"] == "ko"


def test_an_unknown_language_is_refused_clearly():
    resp = requests.get(url("/language?set=xx&next=/login"), allow_redirects=False)
    assert resp.status_code == 422
    assert "Set-Cookie" not in resp.headers or "rb_lang" not in resp.headers["Set-Cookie"]


def test_a_persons_setting_wins_over_the_browser(ko, person):
    bob = login(person)
    bob.headers["Accept-Language"] = "en"
    account = bob.get(url("/account"))
    saved = bob.post(url("/account/language"), allow_redirects=False,
                     data={"csrf": csrf_of(account.text), "language": "ko"})
    assert saved.status_code == 303 and saved.headers["Location"] == "/account?changed=language"
    # The browser is told too, for the pages the gateway serves itself.
    assert "rb_lang=ko" in saved.headers["Set-Cookie"]
    resp = bob.get(url("/account?changed=language"))
    doc = BeautifulSoup(resp.text, "html.parser")
    assert doc.html["lang"] == "ko"
    assert doc.select_one("#language-saved").get_text() == ko("Your language has been saved.")
    assert doc.select_one("#language-choice option[selected]")["value"] == "ko"
    # A form's refusal is told in the person's language too.
    token = csrf_of(bob.get(url("/bookings/new")).text)
    form = bob.post(url("/bookings"), data={"csrf": token, "title": ""})
    assert form.status_code == 422
    doc = BeautifulSoup(form.text, "html.parser")
    assert doc.select_one("#title-error").get_text() == ko("Please fill this in.")
    # Back to the browser's language.
    back = bob.post(url("/account/language"), allow_redirects=False,
                    data={"csrf": csrf_of(resp.text), "language": ""})
    assert back.status_code == 303 and "rb_lang=;" in back.headers["Set-Cookie"]
    assert BeautifulSoup(bob.get(url("/account")).text, "html.parser").html["lang"] == "en"
    # A language there is no catalog for is refused at its field.
    bad = bob.post(url("/account/language"),
                   data={"csrf": csrf_of(resp.text), "language": "xx"})
    assert bad.status_code == 422
    assert BeautifulSoup(bad.text, "html.parser").select_one("#language-error").get_text() \
        == "Choose one from the list."


def test_an_api_error_is_in_the_asked_language_with_the_same_code(ko):
    script = api_session("alice", "languages")
    body = {"roomId": 0, "useStartDtm": "202701111000", "useEndDtm": "202701111100",
            "title": "x", "attendees": 2}
    english = script.post(url("/api/bookings"), json=body).json()["error"]
    korean = script.post(url("/api/bookings"), json=body,
                         headers={"Accept-Language": "ko-KR"}).json()["error"]
    assert english == {"code": "invalid", "field": "roomId",
                       "message": "Choose one from the list."}
    assert korean == {"code": "invalid", "field": "roomId",
                      "message": ko("Choose one from the list.")}
    assert korean["message"] != english["message"]
    # Without a body's fault too: an unknown booking.
    missing = script.get(url("/api/bookings/99999999"),
                         headers={"Accept-Language": "ko"}).json()["error"]
    assert missing["code"] == "not_found"
    assert missing["message"] == ko("no such booking")


def test_the_rules_refusals_are_in_the_asked_language(ko):
    """Each refusal sentence a rule or the state machine makes is in the
    catalog (they are made in lib/refusal.c, not in the handlers)."""
    script = api_session("alice", "refusals")
    berlin = int(sql_value("SELECT id FROM rooms WHERE name = 'Berlin'"))
    seats = int(sql_value(f"SELECT capacity FROM rooms WHERE id = {berlin}"))
    body = {"roomId": berlin, "useStartDtm": "202701111000", "useEndDtm": "202701111100",
            "title": "x", "attendees": seats + 1}
    korean = script.post(url("/api/bookings"), json=body,
                         headers={"Accept-Language": "ko"}).json()["error"]
    assert korean["field"] == "attendees"
    assert korean["message"] == ko("This room seats %lld.").replace("%lld", str(seats))
    assert ko("This room seats %lld.") != "This room seats %lld."
    early = dict(body, attendees=1, useStartDtm="202701110605", useEndDtm="202701110705")
    korean = script.post(url("/api/bookings"), json=early,
                         headers={"Accept-Language": "ko"}).json()["error"]
    assert korean["message"] == ko("Times go in steps of %d minutes.") % 15


def test_an_error_page_is_in_the_readers_language(ko):
    resp = requests.get(url("/no/such/page"), headers={"Accept-Language": "ko"})
    assert resp.status_code == 404
    doc = BeautifulSoup(resp.text, "html.parser")
    assert doc.html["lang"] == "ko"
    assert ko("There is no such page.") in doc.get_text()


def note_about(resp, bid):
    """The text of the notification linking to booking bid on a page."""
    doc = BeautifulSoup(resp.text, "html.parser")
    for li in doc.select("li.note"):
        if li.select_one(f'a[href="/bookings/{bid}"]') is not None:
            return li.select_one(".message").get_text(), li.select_one("time").get_text()
    return None, None


def test_a_notification_is_told_in_each_readers_language(ko):
    alice = login("alice")
    title = f"Told twice {uuid.uuid4().hex[:6]}"
    bid = booked_id(book(alice, title=title))
    admin = login("admin")
    english, when_en = note_about(admin.get(url("/notifications"),
                                            headers={"Accept-Language": "en"}), bid)
    korean, when_ko = note_about(admin.get(url("/notifications"),
                                           headers={"Accept-Language": "ko"}), bid)
    assert english.startswith(f"New request: \u201c{title}\u201d in ")
    assert english.endswith(", by Alice Andersen.")
    before_title = ko("New request: \u201c%s\u201d in %s, %s, by %s.").split("%")[0]
    assert korean.startswith(before_title) and title in korean and korean != english
    # The booking's time, and when it was sent, in each reader's way.
    assert "\ub144" in korean and "\ub144" in when_ko      # 년
    assert "\ub144" not in english and "\ub144" not in when_en
    # Scripts read it in the language they ask for; the stored English stays.
    script = api_session("admin", "notices")
    notes = script.get(url("/api/notifications"),
                       headers={"Accept-Language": "ko"}).json()["notifications"]
    assert next(n["message"] for n in notes if n["bookingId"] == bid) == korean
    assert sql_value(f"SELECT message FROM notifications WHERE booking_id = {bid}"
                     " LIMIT 1") == english


def test_hangul_round_trips_at_the_length_limits(ko):
    alice = login("alice")
    script = api_session("alice", "hangul")
    title = "\uac00" * 200                          # 가 × 200: 600 bytes, 200 characters
    bid = booked_id(book(alice, title=title))
    assert sql_value(f"SELECT title FROM bookings WHERE id = {bid}") == title
    shown = BeautifulSoup(alice.get(url(f"/bookings/{bid}")).text, "html.parser")
    assert shown.select_one("h1").get_text() == title
    assert script.get(url(f"/api/bookings/{bid}")).json()["title"] == title
    # One character more is refused alike by the form and the API.
    form = book(alice, title=title + "\uac00")
    assert form.status_code == 422
    assert BeautifulSoup(form.text, "html.parser").select_one("#title-error").get_text() \
        == "Keep the title to 200 characters."
    made = script.post(url("/api/bookings"), json={
        "roomId": 1, "useStartDtm": "202701111000", "useEndDtm": "202701111100",
        "title": title + "\uac00", "attendees": 2})
    assert made.status_code == 422 and made.json()["error"]["field"] == "title"
    # A room named in Hangul, 100 characters, in the usage CSV read in Korean.
    admin = api_session("admin", "hangul")
    prefix = f"\ud68c\uc758\uc2e4 {uuid.uuid4().hex[:6]} "     # 회의실 …
    name = prefix + "\uac00" * (100 - len(prefix))
    room = admin.post(url("/api/rooms"), json={"name": name, "capacity": 4})
    assert room.status_code == 201, room.text
    assert room.json()["name"] == name
    longer = admin.post(url("/api/rooms"), json={"name": name + "\uac00", "capacity": 4})
    assert longer.status_code == 422 and longer.json()["error"]["field"] == "name"
    csv_ko = login("admin").get(url("/status/usage.csv"), headers={"Accept-Language": "ko"})
    text = csv_ko.content.decode("utf-8-sig")
    assert text.splitlines()[0].split(",")[0] == f'"{ko("room")}"'
    assert f'"{name}"' in text
    # The usage bars' label holds the whole name (the page cuts it to its
    # column, and its tooltip says it whole).
    chart = BeautifulSoup(login("admin").get(url("/status/usage")).text, "html.parser")
    label = next(t for t in chart.select("ul.bars .bar-name") if t["title"] == name)
    assert label.get_text() == name


def test_a_rooms_history_and_the_people_list_in_korean(ko):
    admin = api_session("admin", "history")
    made = admin.post(url("/api/rooms"), json={"name": f"History {uuid.uuid4().hex[:6]}",
                                               "capacity": 3})
    assert made.status_code == 201, made.text
    reader = login("admin")
    page_ko = reader.get(url(f"/rooms/{made.json()['roomId']}"),
                         headers={"Accept-Language": "ko"})
    kinds = [e.get_text() for e in
             BeautifulSoup(page_ko.text, "html.parser").select(".event .event-kind")]
    assert kinds == [ko("created")] and ko("created") != "created"
    people = reader.get(url("/admin"), headers={"Accept-Language": "ko"})
    roles = {row.select("td")[0].get_text(): row.select("td")[3].get_text()
             for row in BeautifulSoup(people.text, "html.parser").select("table.list tbody tr")}
    assert roles["admin"] == ko("administrator") and roles["alice"] == ko("user")


def test_hangul_names_are_listed_in_the_order_koreans_read_them(ko):
    admin = api_session("admin", "order")
    floor = f"Floor {uuid.uuid4().hex[:6]}"
    # 다, 가, 나 made in that order; 가나다 order is how they are read.
    for first in ("\ub2e4", "\uac00", "\ub098"):
        made = admin.post(url("/api/rooms"), json={
            "name": f"{first} {floor}", "location": floor, "capacity": 4})
        assert made.status_code == 201, made.text
    listed = requests.get(url("/rooms"), params={"location": floor},
                          headers={"Accept-Language": "ko"})
    names = [h.get_text() for h in BeautifulSoup(listed.text, "html.parser").select(".room h2")]
    assert names == [f"{c} {floor}" for c in ("\uac00", "\ub098", "\ub2e4")]


def test_people_are_listed_by_name_in_the_order_koreans_read_them():
    logins = [f"ko{uuid.uuid4().hex[:8]}" for _ in range(3)]
    # By login they would read 나, 가, 다; by name, 가, 나, 다.
    for login_name, first in zip(sorted(logins, reverse=True), ("\ub2e4", "\uac00", "\ub098")):
        temporary_user(login_name)
        sql_value(f"UPDATE users SET display_name = '{first}\uc21c\uc2e0'"
                  f" WHERE login = '{login_name}'")
    try:
        people = login("admin").get(url("/admin"), headers={"Accept-Language": "ko"})
        names = [row.select("td")[1].get_text()
                 for row in BeautifulSoup(people.text, "html.parser").select("table.list tbody tr")]
        ours = [n for n in names if n.endswith("\uc21c\uc2e0")]
        assert ours == [c + "\uc21c\uc2e0" for c in ("\uac00", "\ub098", "\ub2e4")]
    finally:
        for login_name in logins:
            drop_user(login_name)
