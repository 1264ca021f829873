"""Administrators upload a photo of a room: only its pixels are kept, as a
960-pixel-wide JPEG named by its content, which the gateway serves with
nosniff and a year's cache lifetime.  Anything that is not such a photo is
refused with a clear 422, and nothing of it is kept."""
import io
import struct
import zlib

import pytest
import requests
from bs4 import BeautifulSoup
from PIL import Image

from conftest import (api_session, login, new_room, page_csrf, sql_value, stack,
                      url, wait_for)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def png(width=1200, height=800, colour=(30, 120, 200)):
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def jpeg(width=1600, height=1200):
    out = io.BytesIO()
    # Noise, so the file is as large as a real photo's.
    Image.effect_noise((width, height), 80).convert("RGB").save(out, "JPEG", quality=95)
    return out.getvalue()


def with_text_chunk(data, keyword, text):
    """A PNG with a tEXt chunk put in before IEND."""
    body = keyword.encode() + b"\0" + text.encode()
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body + \
        struct.pack(">I", zlib.crc32(b"tEXt" + body) & 0xFFFFFFFF)
    end = data.rindex(b"IEND") - 4
    return data[:end] + chunk + data[end:]


def upload(session, room, data, name="room.png", kind="image/png"):
    token = page_csrf(session, f"/rooms/{room}")
    return session.post(url(f"/admin/rooms/{room}/photo"), data={"csrf": token},
                        files={"photo": (name, data, kind)}, allow_redirects=False,
                        timeout=60)


def photo_of(room):
    return sql_value(f"SELECT COALESCE(photo, '') FROM rooms WHERE id = {room}")


def test_a_photo_is_kept_as_pixels_and_served_for_a_year(admin):
    room = new_room("Photo")
    sent = with_text_chunk(png(), "Comment", "<script>alert(1)</script>")
    resp = upload(admin, room, sent)
    assert resp.status_code == 303, resp.text[:800]
    assert resp.headers["Location"] == f"/rooms/{room}?saved=1"

    shown = api_session("alice", "photos").get(url(f"/api/rooms/{room}")).json()
    address = shown["photo"]
    assert address == f"/photos/{photo_of(room)}.jpg"
    got = requests.get(url(address), timeout=15)
    assert got.status_code == 200
    assert got.headers["Content-Type"] == "image/jpeg"
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age=31536000" in got.headers["Cache-Control"]
    assert "immutable" in got.headers["Cache-Control"]
    # Pixels only: re-encoded at the standard width, nothing of the text.
    image = Image.open(io.BytesIO(got.content))
    assert image.format == "JPEG" and image.size == (960, 640)
    assert b"script" not in got.content and b"Comment" not in got.content
    # The gateway keeps it: asked again, it answers from what it kept.
    assert requests.get(url(address), timeout=15).headers["X-Cache"] == "HIT"
    # A client that has it asks whether it changed: it never does.
    again = requests.get(url(address), headers={"If-None-Match": got.headers["ETag"]},
                         timeout=15)
    assert again.status_code == 304

    # The room's page and the rooms list show it.
    page = BeautifulSoup(admin.get(url(f"/rooms/{room}"), timeout=15).text, "html.parser")
    assert page.select_one("img.room-photo")["src"] == address
    assert "Photo of" in page.select_one("img.room-photo")["alt"]


def test_the_gateway_serves_a_photo_it_keeps_with_the_room_pool_down(admin):
    room = new_room("Kept")
    assert upload(admin, room, png(colour=(1, 2, 3))).status_code == 303
    address = f"/photos/{photo_of(room)}.jpg"
    assert requests.get(url(address), timeout=15).status_code == 200
    stack("stop-pool", "room")
    try:
        kept = requests.get(url(address), timeout=15)
        assert kept.status_code == 200 and kept.headers["X-Cache"] in ("HIT", "STALE")
        assert Image.open(io.BytesIO(kept.content)).size == (960, 640)
    finally:
        stack("start-pool", "room")
        assert wait_for(room_pool_answers, seconds=120)   # slow under valgrind


def room_pool_answers():
    try:
        return requests.get(url("/rooms"), timeout=10).status_code == 200
    except requests.RequestException:
        return False


def hostile():
    truncated = jpeg()
    return [
        ("an HTML page named .png", b"<!doctype html><html><script>alert(1)</script>",
         "x.png", "image/png", "not a JPEG or PNG"),
        ("a truncated JPEG", truncated[:len(truncated) // 2], "cut.jpg", "image/jpeg",
         "not a JPEG or PNG"),
        ("a 50-megapixel image", png(10000, 5000), "huge.png", "image/png",
         "pixels"),
        ("a panorama", png(4000, 500), "wide.png", "image/png", "wide"),
        ("a GIF", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "x.gif", "image/gif",
         "not a JPEG or PNG"),
        ("an empty file", b"", "empty.png", "image/png", "Choose a photo"),
    ]


@pytest.mark.parametrize("what, data, name, kind, says", hostile(),
                         ids=[h[0] for h in hostile()])
def test_anything_but_a_photo_is_refused_and_nothing_kept(admin, what, data, name,
                                                        kind, says):
    room = new_room("Hostile")
    assert upload(admin, room, png(colour=(9, 9, 9))).status_code == 303
    before = (photo_of(room), sql_value("SELECT COUNT(*) FROM room_photos"))
    resp = upload(admin, room, data, name, kind)
    assert resp.status_code == 422, resp.text[:800]
    doc = BeautifulSoup(resp.text, "html.parser")
    error = doc.select_one("#photo-error")
    assert error is not None and says.lower() in error.get_text().lower(), error
    assert doc.select_one("#photo")["aria-invalid"] == "true"
    assert (photo_of(room), sql_value("SELECT COUNT(*) FROM room_photos")) == before


def test_a_photo_over_the_size_allowed_is_refused(admin):
    room = new_room("Large")
    big = jpeg(1800, 1500)
    assert 2 * 1024 * 1024 < len(big) < 3 * 1024 * 1024
    resp = upload(admin, room, big, "big.jpg", "image/jpeg")
    assert resp.status_code == 422
    error = BeautifulSoup(resp.text, "html.parser").select_one("#photo-error")
    assert "larger" in error.get_text()
    assert photo_of(room) == ""
    # Far larger: the gateway refuses it before it reaches the room pool.
    huge = upload(admin, room, jpeg(3000, 2400), "huge.jpg", "image/jpeg")
    assert huge.status_code == 413
    assert "larger than this site accepts" in huge.text
    assert photo_of(room) == ""


def test_scripts_put_and_take_away_a_photo(admin):
    api = api_session("admin", "photos")
    room = new_room("Scripted")
    put = api.put(url(f"/api/rooms/{room}/photo"), data=jpeg(800, 600),
                  headers={"Content-Type": "image/jpeg"})
    assert put.status_code == 200, put.text
    assert put.json()["photo"] == f"/photos/{photo_of(room)}.jpg"
    wrong = api.put(url(f"/api/rooms/{room}/photo"), data=b"{}",
                    headers={"Content-Type": "application/json"})
    assert wrong.status_code == 415
    bad = api.put(url(f"/api/rooms/{room}/photo"), data=b"\x89PNG\r\n\x1a\nbroken",
                  headers={"Content-Type": "image/png"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "photo"
    name = photo_of(room)
    gone = api.delete(url(f"/api/rooms/{room}/photo"))
    assert gone.status_code == 200 and gone.json()["photo"] is None
    # A photo no room shows is not kept.
    assert sql_value(f"SELECT COUNT(*) FROM room_photos WHERE name = '{name}'") == "0"
    assert requests.get(url(f"/photos/{name}.jpg"), timeout=15).status_code in (200, 404)


def test_only_administrators_upload(alice):
    room = new_room("Theirs")
    token = page_csrf(alice, "/rooms")
    resp = alice.post(url(f"/admin/rooms/{room}/photo"), data={"csrf": token},
                      files={"photo": ("a.png", png(), "image/png")},
                      allow_redirects=False, timeout=30)
    assert resp.status_code == 403
    assert photo_of(room) == ""


@pytest.mark.parametrize("name", ["../../etc/passwd", "abc.jpg", "0" * 32 + ".png",
                                  "0" * 32 + ".jpg"])
def test_a_photo_that_is_not_there_is_404(name):
    assert requests.get(url(f"/photos/{name}"), timeout=15).status_code == 404
