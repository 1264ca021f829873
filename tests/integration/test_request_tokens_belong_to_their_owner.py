"""A form's request token and a script's Idempotency-Key are their owner's:
another person cannot find a booking by them, nor use them up, and the
server only takes form tokens it issued to that session."""
import base64
import hashlib
import os
import subprocess
import uuid

import pytest
import requests
from bs4 import BeautifulSoup

from conftest import (ROOT, VAR, api_session, book, booked_id, booking_form, edit_ini, login,
                      next_slot, room_id, secret, sql_value, url)

pytestmark = pytest.mark.usefixtures("read_model_exact")


def user_id(who):
    return int(sql_value(f"SELECT id FROM users WHERE login = '{who}'"))


def bookings_with_token(token):
    return sql_value(f"SELECT COUNT(*) FROM bookings WHERE request_token = '{token}'")


def origin_body(start, end, title):
    def stamp(t):
        return t.replace("-", "").replace("T", "").replace(":", "")
    return {"roomId": room_id("Geneva"), "useStartDtm": stamp(start),
            "useEndDtm": stamp(end), "title": title, "attendees": 2}


def test_bob_cannot_burn_alices_idempotency_key():
    """The old derivation was an unkeyed hash of alice's id and her key:
    bob could compute it, book with it first, and her retry found "no such
    booking".  Now his made-up token is refused, and her key is hers."""
    key = "nightly-" + uuid.uuid4().hex[:8]
    raw = hashlib.blake2b(f"{user_id('alice')}:{key}".encode(), digest_size=32).digest()
    guessed = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    bob = login("bob")
    start, end = next_slot()
    resp = book(bob, room=room_id("Geneva"), start=start, end=end,
                title="Bob squats", request_token=guessed)
    assert resp.status_code == 422
    assert "not issued to you" in resp.text
    assert bookings_with_token(guessed) == "0"
    # alice's script with that key books for her, once.
    alice = api_session("alice", "idempotent script")
    body = origin_body(start, end, "Alice's nightly")
    first = alice.post(url("/api/bookings"), json=body, headers={"Idempotency-Key": key})
    assert first.status_code == 201, first.text
    again = alice.post(url("/api/bookings"), json=body, headers={"Idempotency-Key": key})
    assert again.status_code == 200 and again.json()["bookingId"] == first.json()["bookingId"]
    made = first.json()["bookingId"]
    assert sql_value(f"SELECT user_id FROM bookings WHERE id = {made}") == str(user_id("alice"))


def test_the_same_idempotency_key_makes_each_person_their_own_booking():
    key = "shared-" + uuid.uuid4().hex[:8]
    a, b = next_slot(), next_slot()
    alice, bob = api_session("alice", "script a"), api_session("bob", "script b")
    mine = alice.post(url("/api/bookings"), json=origin_body(*a, "Alice's"),
                      headers={"Idempotency-Key": key})
    theirs = bob.post(url("/api/bookings"), json=origin_body(*b, "Bob's"),
                      headers={"Idempotency-Key": key})
    assert mine.status_code == 201 and theirs.status_code == 201, theirs.text
    assert mine.json()["bookingId"] != theirs.json()["bookingId"]
    assert theirs.json()["title"] == "Bob's"


def test_bob_cannot_land_on_alices_booking_with_her_form_token():
    """Before, bob sending alice's form token was redirected to her booking
    (its id, and that it exists); now the token is simply not his."""
    alice, bob = login("alice"), login("bob")
    form = booking_form(alice)
    mine = booked_id(book(alice, room=room_id("Geneva"), form=form, title="Alice's own"))
    theirs_form = booking_form(bob)
    theirs_form["request_token"] = form["request_token"]
    resp = book(bob, room=room_id("Geneva"), form=theirs_form, title="Bob's try")
    assert resp.status_code == 422
    assert resp.headers.get("Location") is None
    assert f"/bookings/{mine}" not in resp.text
    assert bookings_with_token(form["request_token"]) == "1"
    # The form he gets back carries a token of his own, which works.
    doc = BeautifulSoup(resp.text, "html.parser")
    fresh = doc.select_one('input[name="request_token"]')["value"]
    assert fresh != form["request_token"]
    retry = book(bob, room=room_id("Geneva"), title="Bob's try",
                 form={"csrf": theirs_form["csrf"], "request_token": fresh})
    assert booked_id(retry) != mine


def test_a_form_from_before_logging_in_again_is_refused_with_a_fresh_one():
    alice = login("alice")
    old_form = booking_form(alice)
    again = login("alice")  # another session (a new browser or a new login)
    data = {"csrf": booking_form(again)["csrf"], "request_token": old_form["request_token"]}
    resp = book(again, room=room_id("Geneva"), form=data, title="Stale form")
    assert resp.status_code == 422
    assert "logged in again" in resp.text
    assert bookings_with_token(old_form["request_token"]) == "0"


def test_a_form_sent_twice_still_makes_one_booking():
    alice = login("alice")
    form = booking_form(alice)
    start, end = next_slot()
    first = booked_id(book(alice, room=room_id("Geneva"), start=start, end=end, form=form))
    second = booked_id(book(alice, room=room_id("Geneva"), start=start, end=end, form=form))
    assert first == second
    assert bookings_with_token(form["request_token"]) == "1"
    assert requests.get(url(f"/bookings/{first}"), allow_redirects=False).status_code in (302, 303)


def test_a_program_without_the_sites_secret_key_refuses_to_start(tmp_path):
    """Without the key every derived token could be made by anyone."""
    secrets = tmp_path / "secrets.ini"
    secrets.write_text(f"[booking]\ndb_password = {secret('booking')}\n")
    os.chmod(secrets, 0o600)
    ini = edit_ini((VAR / "etc" / "roombook.ini").read_text(), "database",
                   {"secrets": str(secrets)})
    (tmp_path / "roombook.ini").write_text(ini)
    out = subprocess.run([str(ROOT / "build" / "asan" / "bin" / "booking"), "-c",
                          str(tmp_path / "roombook.ini")], stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 1
    assert "secret_key" in out.stderr
