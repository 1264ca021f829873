"""A door display at tablet sizes, landscape and portrait, in English and
Korean: paired from its link, it shows its room's morning, takes a
walk-in by touch or keyboard, and passes every page check."""
import datetime
import os
import pathlib
import shutil
import subprocess
import uuid

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from checks import check_page, screenshot
from conftest import BASE, make_driver
from test_book_and_approve import sql
from test_check_in_and_out import CLOCK, set_clock

ROOT = pathlib.Path(os.environ.get("RB_ROOT", pathlib.Path(__file__).parents[2]))
VAR = pathlib.Path(os.environ.get("RB_VAR", "var/test"))


def roomctl(*args):
    out = subprocess.run([str(ROOT / "build" / "asan" / "bin" / "roomctl"), "-c",
                          str(VAR / "etc" / "roombook.ini"), *args],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


@pytest.fixture(params=[(1024, 768), (800, 1280)], ids=["landscape", "portrait"])
def tablet(request):
    driver, profile = make_driver(*request.param)
    driver.base = BASE
    width, height = request.param
    driver.shape = "landscape" if width > height else "portrait"
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.parametrize("lang, free_until, booked", [
    ("en", "Free until 10:00", "Book 30 min"), ("ko", "10:00까지 비어 있음", "30분 예약")])
def test_a_door_display_shows_its_room_and_takes_a_walk_in(tablet, lang, free_until,
                                                           booked):
    from zoneinfo import ZoneInfo
    site = ZoneInfo(os.environ.get("RB_TIMEZONE", "America/New_York"))
    # A room of its own, its display in the language asked.
    name = {"en": "Harbour", "ko": "한강"}[lang]
    if sql(f"SELECT COUNT(*) FROM rooms WHERE name = '{name}'") != "0":
        name += " " + uuid.uuid4().hex[:4]	# a stack used before
    admin = roomctl("token", "add", "admin", "door display test")
    made = requests.post(BASE + "/api/rooms", headers={"Authorization": f"Bearer {admin}"},
                         json={"name": name, "location": "Floor 2", "capacity": 8,
                               "approval": "instant"}, timeout=30)
    assert made.status_code == 201, made.text
    room = str(made.json()["roomId"])
    link = roomctl("display", "add", room, "By the door")
    sql(f"UPDATE users u JOIN displays d ON d.user_id = u.id SET u.language = '{lang}',"
        f" d.language = '{lang}' WHERE d.room_id = {room}")
    day = datetime.date.today() + datetime.timedelta(days=30 if lang == "en" else 31)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    at = lambda h, m: datetime.datetime(day.year, day.month, day.day, h, m, tzinfo=site)
    token = roomctl("token", "add", "bob", "door display test")
    # Paired by opening the link on the tablet and pressing its button.
    tablet.get(link)
    tablet.find_element(By.CSS_SELECTOR, "form button").click()
    WebDriverWait(tablet, 10).until(EC.presence_of_element_located((By.ID, "door")))
    try:
        set_clock(at(9, 0))
        made = requests.post(BASE + "/api/bookings", headers={
            "Authorization": f"Bearer {token}"}, json={
            "roomId": int(room), "title": "Quarterly review", "attendees": 4,
            "useStartDtm": at(10, 0).strftime("%Y%m%d%H%M"),
            "useEndDtm": at(11, 0).strftime("%Y%m%d%H%M")}, timeout=30)
        assert made.status_code == 201, made.text
        set_clock(at(9, 20))
        tablet.get(f"{BASE}/display/rooms/{room}")
        assert tablet.current_url == f"{BASE}/display/rooms/{room}"
        assert tablet.find_element(By.ID, "door-state").text == free_until
        assert "Quarterly review" in tablet.find_element(By.CSS_SELECTOR, ".door-next").text
        page = f"door display {tablet.shape} {lang}"
        check_page(tablet, page)
        shot = screenshot(tablet, page)
        # The whole screen in view, nothing to scroll sideways.
        assert tablet.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth")
        # A walk-in by keyboard: Tab to its button, Enter.
        button = next(b for b in tablet.find_elements(By.CSS_SELECTOR, ".door-button")
                      if b.text.startswith(booked))
        tablet.execute_script("arguments[0].focus()", button)
        button.send_keys("\n")
        WebDriverWait(tablet, 10).until(
            lambda d: d.find_element(By.ID, "door-state").text != free_until)
        state = tablet.find_element(By.ID, "door-state").text
        assert state == ("Free until 09:30" if lang == "en" else "09:30까지 비어 있음")
        assert sql(f"SELECT COUNT(*) FROM bookings WHERE room_id = {room}"
                   " AND status = 'confirmed'") == "2"
        assert shot.exists()	# the README's pictures are these
    finally:
        CLOCK.unlink(missing_ok=True)
