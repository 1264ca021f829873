"""roomctl check-status finds any difference between the view and the source."""
from conftest import book, booked_id, login, roomctl, sql


def test_check_status_names_a_corrupted_row_and_a_missing_one():
    bid = booked_id(book(login("alice"), title="Checked"))
    clean = roomctl("check-status")
    assert clean.returncode == 0 and " 0 differ" in clean.stdout
    original = sql(f"SELECT title FROM booking_status WHERE booking_id = {bid}").stdout.strip()
    sql(f"UPDATE booking_status SET title = 'tampered' WHERE booking_id = {bid}")
    try:
        out = roomctl("check-status")
        assert out.returncode == 1
        assert " 1 differ" in out.stdout and f"booking {bid}" in out.stdout
    finally:
        sql(f"UPDATE booking_status SET title = '{original}' WHERE booking_id = {bid}")
    sql("INSERT INTO booking_status SELECT 99999999, room_id, room_name, user_id, user_name,"
        " title, attendees, starts_at, ends_at, status, decided_at, decided_by_name, reason,"
        f" updated_at, actual_start, actual_end, decided_by, private FROM booking_status"
        f" WHERE booking_id = {bid}")
    try:
        out = roomctl("check-status")
        assert out.returncode == 1 and "booking 99999999" in out.stdout
    finally:
        sql("DELETE FROM booking_status WHERE booking_id = 99999999")
    assert roomctl("check-status").returncode == 0
