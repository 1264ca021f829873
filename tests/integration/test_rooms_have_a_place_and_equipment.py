"""Rooms have structure: each is on a floor of a building, has equipment
from a list the administrators keep, and the rooms list and the day grid
filter by building, floor, seats and equipment."""
import uuid

import pytest
from bs4 import BeautifulSoup

from conftest import (api_session, login, new_room, page_csrf, quiet_day,
                      sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def unique(prefix):
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def post_form(session, path, data, form_page):
    """Posts a form the way the browser does, token from form_page."""
    data = dict(data, csrf=page_csrf(session, form_page))
    return session.post(url(path), data=data, allow_redirects=False, timeout=15)


def add_building(admin, name=None, address="1 Main Street"):
    name = name or unique("Tower")
    resp = post_form(admin, "/admin/buildings", {"name": name, "address": address},
                     "/admin/buildings")
    assert resp.status_code == 303, resp.text[:800]
    return int(resp.headers["Location"].split("/")[3].split("?")[0]), name


def add_floor(admin, building, level, name):
    resp = post_form(admin, f"/admin/buildings/{building}/floors",
                     {"level": str(level), "name": name}, f"/admin/buildings/{building}")
    assert resp.status_code == 303, resp.text[:800]
    return int(sql_value(f"SELECT id FROM floors WHERE building_id = {building}"
                         f" AND level = {level}"))


def add_feature(admin, name=None):
    name = name or unique("Kit")
    resp = post_form(admin, "/admin/features", {"name": name}, "/admin/features")
    assert resp.status_code == 303, resp.text[:800]
    assert resp.headers["Location"] == "/admin/features?saved=1"
    return name


@pytest.fixture
def place(admin):
    """A building with two floors and two pieces of equipment, the test's own."""
    building, name = add_building(admin)
    ground = add_floor(admin, building, 0, "Ground floor")
    third = add_floor(admin, building, 3, "Third floor")
    return {"building": building, "name": name, "ground": ground, "third": third,
            "video": add_feature(admin, unique("Video")),
            "board": add_feature(admin, unique("Whiteboard"))}


def room_names(page):
    doc = BeautifulSoup(page.text, "html.parser")
    return [a.get_text() for a in doc.select("li.room h2 a")]


def test_an_administrator_places_a_room_and_gives_it_equipment(admin, place):
    form = admin.get(url("/admin/rooms/new"), timeout=15)
    doc = BeautifulSoup(form.text, "html.parser")
    floors = {o.get_text(): o["value"] for o in doc.select("select#floor_id option")}
    assert floors[f"{place['name']} · Third floor"] == str(place["third"])
    kit = [i["value"] for i in doc.select('input[name="features"]')]
    assert place["video"] in kit and place["board"] in kit

    name = unique("Studio")
    resp = admin.post(url("/admin/rooms"), data={
        "csrf": doc.select_one('input[name="csrf"]')["value"], "name": name,
        "capacity": "8", "floor_id": str(place["third"]),
        "features": [place["video"], place["board"]]}, allow_redirects=False, timeout=15)
    assert resp.status_code == 303, resp.text[:800]
    page = admin.get(url(resp.headers["Location"]), timeout=15)
    doc = BeautifulSoup(page.text, "html.parser")
    assert f"{place['name']} · Third floor" in doc.select_one("#place").get_text(" ", strip=True)
    assert sorted(li.get_text(strip=True) for li in doc.select("ul.equipment li")) == \
        sorted([place["video"], place["board"]])

    # The edit form starts from what was saved; taking the video away keeps it away.
    room = int(resp.headers["Location"].split("/")[2].split("?")[0])
    edit = BeautifulSoup(admin.get(url(f"/admin/rooms/{room}/edit"), timeout=15).text,
                         "html.parser")
    assert edit.select_one(f'select#floor_id option[value="{place["third"]}"]').has_attr("selected")
    ticked = [i["value"] for i in edit.select('input[name="features"][checked]')]
    assert sorted(ticked) == sorted([place["video"], place["board"]])
    data = {i["name"]: i.get("value", "") for i in edit.select("form.form input")
            if i.get("type") not in ("checkbox",) and i.get("name")}
    data.update({"features": [place["board"]], "floor_id": str(place["ground"]),
                 "capacity": "8", "name": name})
    saved = admin.post(url(f"/admin/rooms/{room}"), data=data, allow_redirects=False,
                       timeout=15)
    assert saved.status_code == 303, saved.text[:800]
    shown = api_session("alice", "places").get(url(f"/api/rooms/{room}")).json()
    assert shown["features"] == [place["board"]]
    assert shown["building"] == {"id": place["building"], "name": place["name"]}
    assert shown["floor"] == {"id": place["ground"], "level": 0, "name": "Ground floor"}


def test_the_api_places_rooms_and_keeps_what_a_change_leaves_out(place):
    api = api_session("admin", "places")
    made = api.post(url("/api/rooms"), json={
        "name": unique("Lab"), "capacity": 4, "floorId": place["ground"],
        "features": [place["video"]]})
    assert made.status_code == 201, made.text
    room = made.json()
    assert room["floor"]["id"] == place["ground"] and room["features"] == [place["video"]]
    assert room["photo"] is None

    changed = api.patch(url(f"/api/rooms/{room['roomId']}"), json={"capacity": 5},
                        headers={"If-Match": f'"{room["version"]}"'})
    assert changed.status_code == 200, changed.text
    assert changed.json()["floor"]["id"] == place["ground"]
    assert changed.json()["features"] == [place["video"]]

    moved = api.patch(url(f"/api/rooms/{room['roomId']}"),
                      json={"floorId": 0, "features": []},
                      headers={"If-Match": f'"{changed.json()["version"]}"'})
    assert moved.status_code == 200, moved.text
    assert moved.json()["floor"] is None and moved.json()["features"] == []


@pytest.mark.parametrize("body, field", [
    ({"floorId": 999999999}, "floorId"),
    ({"features": ["no such equipment"]}, "features"),
])
def test_a_place_or_equipment_not_on_the_lists_is_refused(body, field):
    api = api_session("admin", "places")
    before = sql_value("SELECT COUNT(*) FROM rooms")
    resp = api.post(url("/api/rooms"), json=dict({"name": unique("Nowhere"),
                                                  "capacity": 4}, **body))
    assert resp.status_code == 422, resp.text
    assert resp.json()["error"]["field"] == field
    assert sql_value("SELECT COUNT(*) FROM rooms") == before


def test_the_rooms_list_and_the_day_grid_filter_by_place_and_equipment(alice, place):
    api = api_session("admin", "places")
    big = api.post(url("/api/rooms"), json={
        "name": unique("Hall"), "capacity": 30, "floorId": place["third"],
        "features": [place["video"], place["board"]]}).json()
    small = api.post(url("/api/rooms"), json={
        "name": unique("Booth"), "capacity": 2, "floorId": place["third"],
        "features": [place["video"]]}).json()
    ground = api.post(url("/api/rooms"), json={
        "name": unique("Lobby room"), "capacity": 10, "floorId": place["ground"]}).json()

    def listed(query):
        page = alice.get(url("/rooms"), params=query, timeout=15)
        assert page.status_code == 200, page.text[:500]
        return set(room_names(page))

    assert listed({"building": place["building"]}) == \
        {big["name"], small["name"], ground["name"]}
    assert listed({"floor": place["third"]}) == {big["name"], small["name"]}
    assert listed({"floor": place["third"], "min_capacity": 6}) == {big["name"]}
    assert listed({"building": place["building"], "feature": place["video"]}) == \
        {big["name"], small["name"]}
    assert listed({"building": place["building"],
                   "feature": [place["video"], place["board"]]}) == {big["name"]}

    # The filter form keeps what was asked for.
    page = alice.get(url("/rooms"), params={"floor": place["third"],
                                            "feature": place["board"]}, timeout=15)
    doc = BeautifulSoup(page.text, "html.parser")
    assert doc.select_one(f'#floor option[value="{place["third"]}"]').has_attr("selected")
    assert doc.select_one(f'input[name="feature"][value="{place["board"]}"]').has_attr("checked")

    unknown = alice.get(url("/rooms"), params={"feature": "no such kit"}, timeout=15)
    assert unknown.status_code == 422

    day = quiet_day()
    grid = alice.get(url(f"/status/day/{day}/"), params={
        "floor": place["third"], "feature": place["video"]}, timeout=15)
    assert grid.status_code == 200
    doc = BeautifulSoup(grid.text, "html.parser")
    rows = {tr["data-room"] for tr in doc.select("tr[data-room]")}
    assert rows == {str(big["roomId"]), str(small["roomId"])}
    # Moving to the next day keeps the filters.
    assert f"floor={place['third']}" in doc.select_one("#next-day")["href"]


def test_floors_and_buildings_with_rooms_stay(admin, place):
    new_room("Placed", floorId=place["ground"])
    gone = post_form(admin, f"/admin/buildings/{place['building']}/floors/"
                     f"{place['ground']}/remove", {}, f"/admin/buildings/{place['building']}")
    assert gone.status_code == 409
    assert sql_value(f"SELECT COUNT(*) FROM floors WHERE id = {place['ground']}") == "1"
    gone = post_form(admin, f"/admin/buildings/{place['building']}/delete", {},
                     f"/admin/buildings/{place['building']}")
    assert gone.status_code == 409

    # An empty floor and an empty building go.
    building, _ = add_building(admin)
    floor = add_floor(admin, building, 1, "First")
    taken = post_form(admin, f"/admin/buildings/{building}/floors",
                      {"level": "1", "name": "Also first"}, f"/admin/buildings/{building}")
    assert taken.status_code == 409
    assert post_form(admin, f"/admin/buildings/{building}/floors/{floor}/remove", {},
                     f"/admin/buildings/{building}").status_code == 303
    assert post_form(admin, f"/admin/buildings/{building}/delete", {},
                     f"/admin/buildings/{building}").status_code == 303
    assert sql_value(f"SELECT COUNT(*) FROM buildings WHERE id = {building}") == "0"


def test_equipment_renamed_stays_with_its_rooms_and_removed_leaves_them(admin, place):
    kit = add_feature(admin)
    room = new_room("Kitted", features=[kit])
    fid = sql_value(f"SELECT id FROM features WHERE name = '{kit}'")
    renamed = unique("Beamer")
    assert post_form(admin, f"/admin/features/{fid}", {"name": renamed},
                     "/admin/features").status_code == 303
    api = api_session("alice", "places")
    assert api.get(url(f"/api/rooms/{room}")).json()["features"] == [renamed]
    taken = post_form(admin, "/admin/features", {"name": renamed}, "/admin/features")
    assert taken.status_code == 409
    assert post_form(admin, f"/admin/features/{fid}/delete", {},
                     "/admin/features").status_code == 303
    assert api.get(url(f"/api/rooms/{room}")).json()["features"] == []


def test_only_administrators_keep_the_lists(alice):
    for path in ("/admin/buildings", "/admin/features"):
        assert alice.get(url(path), allow_redirects=False, timeout=15).status_code == 403
