"""Each person's time zone: forms take and pages show times on their own
clock, and say so; opening hours and the day grid stay on the site's."""
import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from conftest import (SITE_TZ, book, booked_id, csrf_of, drop_user, login, quiet_day,
                      room_id, sql_value, temporary_user, url)

SEOUL = ZoneInfo("Asia/Seoul")
FORM = "%Y-%m-%dT%H:%M"

pytestmark = pytest.mark.usefixtures("read_model_exact")


@pytest.fixture
def seoulite():
    name = temporary_user("seoulite")
    session = login(name)
    saved = session.post(url("/account/zone"), allow_redirects=False,
                         data={"csrf": csrf_of(session.get(url("/account")).text),
                               "time_zone": "Asia/Seoul"})
    assert saved.status_code == 303 and saved.headers["Location"] == "/account?changed=zone"
    yield session
    drop_user(name)


def text_of(resp, selector):
    node = BeautifulSoup(resp.text, "html.parser").select_one(selector)
    return node.get_text() if node else None


def test_a_zone_is_saved_and_the_pages_say_whose_clock_they_use(seoulite):
    account = seoulite.get(url("/account?changed=zone"))
    assert text_of(account, "#zone-saved") == "Your time zone has been saved."
    assert BeautifulSoup(account.text, "html.parser").select_one("#time_zone")["value"] \
        == "Asia/Seoul"
    assert text_of(account, "#zone-note") == "Times are shown in your time zone, Asia/Seoul."
    grid = seoulite.get(url("/status/day"))
    assert text_of(grid, "#zone-note") == \
        f"Times on this page are in the site's time zone, {SITE_TZ.key}."
    # Someone on the site's clock is told nothing.
    assert text_of(login("alice").get(url("/account")), "#zone-note") is None
    # A zone that does not exist is refused at its field, and nothing changes.
    bad = seoulite.post(url("/account/zone"), data={"csrf": csrf_of(account.text),
                                                     "time_zone": "Mars/Olympus_Mons"})
    assert bad.status_code == 422
    assert text_of(bad, "#time_zone-error") == \
        "Enter a time zone by its name, like Asia/Seoul or America/New_York."
    assert sql_value("SELECT time_zone FROM users WHERE login = 'seoulite'") == "Asia/Seoul"


def test_two_people_in_two_zones_book_one_slot_on_their_own_clocks(seoulite):
    geneva = room_id("Geneva")
    day = quiet_day(geneva)
    alice = login("alice")
    # alice, on the site's clock, takes 10:00-11:00 there.
    ten = datetime.datetime.combine(day, datetime.time(10), SITE_TZ)
    mine = booked_id(book(alice, geneva, ten.strftime(FORM),
                          (ten + datetime.timedelta(hours=1)).strftime(FORM),
                          title="New York morning"))
    # The same hour on a Seoul clock is the next day, and it is taken.
    there = ten.astimezone(SEOUL)
    taken = book(seoulite, geneva, there.strftime(FORM),
                 (there + datetime.timedelta(hours=1)).strftime(FORM), title="Seoul night")
    assert taken.status_code == 409
    said = text_of(taken, "#problem")
    assert said.startswith("That time is taken") and \
        f"{there:%H:%M}\u2013{there + datetime.timedelta(hours=1):%H:%M}" in said
    # The next hour is free: booked on the Seoul clock, stored once, in UTC.
    later = there + datetime.timedelta(hours=1)
    theirs = booked_id(book(seoulite, geneva, later.strftime(FORM),
                            (later + datetime.timedelta(hours=1)).strftime(FORM),
                            title="Seoul night"))
    assert sql_value(f"SELECT starts_at FROM bookings WHERE id = {theirs}") == \
        later.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    # Each sees it on their own clock.
    own = text_of(seoulite.get(url(f"/bookings/{theirs}")), "#when")
    assert f"{later:%d %b %Y, %H:%M}" in own, own
    site = text_of(login("admin").get(url(f"/bookings/{theirs}")), "#when")
    assert f"{later.astimezone(SITE_TZ):%d %b %Y, %H:%M}" in site, site
    assert text_of(alice.get(url(f"/bookings/{mine}")), "#when").endswith("10:00\u201311:00")
    # Opening hours stay the site's: 20:00 in Seoul is before 07:00 there.
    evening = datetime.datetime.combine(day, datetime.time(20), SEOUL)
    assert evening.astimezone(SITE_TZ).hour < 7
    closed = book(seoulite, geneva, evening.strftime(FORM),
                  (evening + datetime.timedelta(hours=1)).strftime(FORM), title="Too early")
    assert closed.status_code == 422
    assert text_of(closed, "#starts_at-error").startswith("Rooms can be booked from 07:00")
