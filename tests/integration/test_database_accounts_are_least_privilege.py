"""Each program's database account can do only what that program needs."""
import pytest

from conftest import secret, sql


def test_status_account_is_read_only():
    assert sql("SELECT COUNT(*) FROM rooms", "rb_status", secret("status")).returncode == 0
    out = sql("DELETE FROM rooms WHERE id = -1", "rb_status", secret("status"))
    assert out.returncode != 0 and "1142" in out.stderr
    out = sql("UPDATE bookings SET title = 'x' WHERE id = -1", "rb_status", secret("status"))
    assert out.returncode != 0 and "1142" in out.stderr


@pytest.mark.parametrize("context", ["booking", "approval", "room"])
def test_writers_cannot_change_the_schema(context):
    user = f"rb_{context}"
    assert sql("UPDATE rooms SET name = name WHERE id = -1", user, secret(context)).returncode == 0
    out = sql("CREATE TABLE intruder (id INT)", user, secret(context))
    assert out.returncode != 0 and "1142" in out.stderr
    out = sql("DROP TABLE rooms", user, secret(context))
    assert out.returncode != 0 and "1142" in out.stderr


def test_wrong_password_is_refused():
    out = sql("SELECT 1", "rb_booking", "not-the-password")
    assert out.returncode != 0 and "1045" in out.stderr
