"""The operator adds users, sets their passwords, disables, enables and lists them with roomctl."""
import re
import subprocess
import uuid

import pytest
import requests

from conftest import ROOT, VAR, sql_value, url

PASSWORD = "correct horse battery"


def roomctl(*args, input=""):
    """Runs the sanitizer-built roomctl on the test instance; stdin is input."""
    return subprocess.run([str(ROOT / "build" / "asan" / "bin" / "roomctl"), "-c",
                           str(VAR / "etc" / "roombook.ini"), *args],
                          input=input, capture_output=True, text=True, timeout=60)


def new_login():
    return "op-" + uuid.uuid4().hex[:12]


def user_row(login, columns):
    return sql_value(f"SELECT CONCAT_WS('|', {columns}) FROM users WHERE login = '{login}'")


def count_users(login):
    """Rows for login (compared as bytes: logins here may hold quotes or case).

    Only rows of the login at hand are counted: the test database is shared,
    and other suites add and delete users meanwhile.
    """
    return int(sql_value("SELECT COUNT(*) FROM users WHERE HEX(login) = "
                         f"'{login.encode().hex().upper()}'"))


def user_id(login):
    return int(sql_value(f"SELECT id FROM users WHERE login = '{login}'"))


def add_session(login, live=True):
    """A session row as the login page would write it."""
    sql_value("INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)"
              f" VALUES (UNHEX(SHA2('{uuid.uuid4().hex}', 256)), {user_id(login)},"
              f" REPEAT('c', 43), UTC_TIMESTAMP() + INTERVAL {1 if live else -1} HOUR)")


def count_sessions(login):
    return int(sql_value("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id"
                         f" WHERE u.login = '{login}'"))


@pytest.fixture
def logins():
    """Fresh logins for one test; whatever they became is deleted afterwards."""
    made = []

    def make():
        made.append(new_login())
        return made[-1]
    yield make
    for login in made:
        # sessions go with the user (ON DELETE CASCADE), tokens do not
        sql_value("DELETE t FROM api_tokens t JOIN users u ON u.id = t.user_id"
                  f" WHERE u.login = '{login}'")
        sql_value(f"DELETE FROM users WHERE login = '{login}'")


@pytest.fixture
def login(logins):
    return logins()


def add(login, *extra, password=PASSWORD, name="Test Person"):
    out = roomctl("user", "add", login, "--name", name, *extra, input=password + "\n")
    assert out.returncode == 0, out.stderr
    return out


def test_operator_adds_a_user_with_a_hashed_password(login):
    out = add(login, "--email", "test.person@example.org", "--role", "admin")
    assert login in out.stdout
    assert user_row(login, "display_name, email, role, disabled") == \
        "Test Person|test.person@example.org|admin|0"
    assert user_row(login, "password_hash").startswith("$argon2id$")
    # The password is nowhere: not in any column, not in the output.
    assert sql_value("SELECT COUNT(*) FROM users WHERE LOCATE('" + PASSWORD + "',"
                     " CONCAT_WS('|', login, display_name, email, role, password_hash)) > 0") == "0"
    assert PASSWORD not in out.stdout + out.stderr


def test_a_new_user_is_a_plain_user_without_email_by_default(login):
    add(login)
    assert user_row(login, "role, email, disabled") == "user||0"


def test_the_same_password_gets_a_different_hash(logins):
    a, b = logins(), logins()
    add(a)
    add(b)
    assert user_row(a, "password_hash") != user_row(b, "password_hash")


def test_a_duplicate_login_is_refused(login):
    add(login)
    before = user_row(login, "display_name, password_hash")
    out = roomctl("user", "add", login, "--name", "Someone Else", input="another password\n")
    assert out.returncode == 1
    assert f"a user '{login}' already exists" in out.stderr
    assert count_users(login) == 1
    assert user_row(login, "display_name, password_hash") == before


@pytest.mark.parametrize("args, password, code, message", [
    (["--name", "X", "--role", "root"], PASSWORD, 2, "the role is 'user' or 'admin'"),
    (["--name", "X", "--email", "nobody"], PASSWORD, 2, "one '@'"),
    (["--name", "X", "--email", "a@b@example.org"], PASSWORD, 2, "one '@'"),
    (["--name", "X", "--email", "x" * 250 + "@example.org"], PASSWORD, 2, "254"),
    (["--name", ""], PASSWORD, 2, "display name"),
    (["--name", "Bell\x07Ringer"], PASSWORD, 2, "control character"),
    (["--name", "x" * 201], PASSWORD, 2, "display name"),
    ([], PASSWORD, 2, "usage:"),                                    # --name is required
    (["--name", "X", "--frobnicate"], PASSWORD, 2, "unknown option"),
    (["--name", "X"], "", 1, "the password is empty"),
    (["--name", "X"], "Zq7x!w", 1, "shorter than 8"),
    (["--name", "X"], "tab\tinside it", 1, "control character"),
    (["--name", "X"], "p" * 1025, 1, "longer than 1024"),
], ids=["role", "email-no-at", "email-two-at", "email-too-long",
        "empty-name", "control-in-name", "name-too-long", "no-name", "unknown-option",
        "empty-password", "short-password", "control-in-password", "long-password"])
def test_bad_input_is_refused_and_nothing_is_written(login, args, password, code, message):
    out = roomctl("user", "add", login, *args, input=password + "\n")
    assert out.returncode == code, out.stdout + out.stderr
    assert message in out.stderr
    if code == 2:
        assert "usage: roomctl user add" in out.stderr
    assert count_users(login) == 0
    if password:
        assert password not in out.stdout + out.stderr


@pytest.mark.parametrize("bad, message", [
    ("", "1 to 64"), ("x" * 65, "1 to 64"), ("Upper", "lower case"), ("a b", "lower case"),
    ("caf\u00e9", "lower case"), ("a'b", "lower case"), ("-x", "starts with"),
    (".x", "starts with"),
])
def test_logins_outside_the_alphabet_are_refused(bad, message):
    out = roomctl("user", "add", "--name", "X", "--", bad, input=PASSWORD + "\n")
    assert out.returncode == 2, out.stderr
    assert message in out.stderr
    assert "usage: roomctl user add" in out.stderr
    if bad:
        assert count_users(bad) == 0


def test_a_password_on_the_command_line_is_not_accepted(login):
    out = roomctl("user", "add", login, "--name", "X", "--password", "y" * 12, input="")
    assert out.returncode == 2
    assert "usage:" in out.stderr
    assert "never taken from the command line" in out.stderr
    assert count_users(login) == 0

    add(login)
    before = user_row(login, "password_hash")
    out = roomctl("user", "passwd", login, "y" * 12, input="")
    assert out.returncode == 2
    assert "usage:" in out.stderr
    assert user_row(login, "password_hash") == before


def test_only_the_first_line_of_stdin_is_the_password(login):
    add(login, password=PASSWORD + "\nsecond line")
    assert user_row(login, "password_hash").startswith("$argon2id$")


def test_passwd_changes_the_hash_and_logs_the_user_out_everywhere(logins):
    login, other = logins(), logins()
    add(login)
    add(other)
    for _ in range(2):
        add_session(login)
    add_session(other)
    before = user_row(login, "password_hash")
    out = roomctl("user", "passwd", login, input="a new password\n")
    assert out.returncode == 0, out.stderr
    assert "2 sessions ended" in out.stdout
    after = user_row(login, "password_hash")
    assert after != before and after.startswith("$argon2id$")
    assert count_sessions(login) == 0
    assert count_sessions(other) == 1
    assert "a new password" not in out.stdout + out.stderr


def test_passwd_revokes_the_users_api_tokens(logins):
    """An operator's reset: whoever knew the old password may have made
    tokens, so they stop working; another person's keep working."""
    login, other = logins(), logins()
    add(login)
    add(other)
    for name in ("sync", "report"):
        assert roomctl("token", "add", login, name).returncode == 0
    theirs = roomctl("token", "add", other, "sync").stdout.strip()
    mine = roomctl("token", "add", login, "third").stdout.strip()
    assert requests.get(url("/api/bookings"),
                        headers={"Authorization": f"Bearer {mine}"}).status_code == 200
    out = roomctl("user", "passwd", login, input="a new password\n")
    assert out.returncode == 0, out.stderr
    assert "3 API tokens revoked" in out.stdout
    assert requests.get(url("/api/bookings"),
                        headers={"Authorization": f"Bearer {mine}"}).status_code == 401
    assert requests.get(url("/api/bookings"),
                        headers={"Authorization": f"Bearer {theirs}"}).status_code == 200


def test_passwd_refuses_a_bad_password_and_keeps_the_old_one(login):
    add(login)
    add_session(login)
    before = user_row(login, "password_hash")
    out = roomctl("user", "passwd", login, input="short\n")
    assert out.returncode == 1
    assert "shorter than 8" in out.stderr
    assert user_row(login, "password_hash") == before
    assert count_sessions(login) == 1


@pytest.mark.parametrize("command", ["passwd", "disable", "enable"])
def test_an_unknown_login_is_reported(command):
    login = new_login()
    out = roomctl("user", command, login, input=PASSWORD + "\n")
    assert out.returncode == 1
    assert f"no user '{login}'" in out.stderr
    assert count_users(login) == 0


def list_line(login):
    out = roomctl("user", "list")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert re.split(r"\s{2,}", lines[0]) == ["LOGIN", "NAME", "EMAIL", "ROLE", "STATE", "SESSIONS"]
    logins = [line.split()[0] for line in lines[1:]]
    assert logins == sorted(logins)
    mine = [re.split(r"\s{2,}", line.rstrip()) for line in lines[1:] if line.split()[0] == login]
    assert len(mine) == 1, out.stdout
    return mine[0]


def test_disable_sets_the_flag_and_ends_the_sessions_and_enable_clears_it(login):
    add(login, "--email", "d@example.org")
    add_session(login)
    add_session(login)
    add_session(login, live=False)
    assert list_line(login) == [login, "Test Person", "d@example.org", "user", "active", "2"]

    out = roomctl("user", "disable", login)
    assert out.returncode == 0, out.stderr
    assert "3 sessions ended" in out.stdout
    assert user_row(login, "disabled") == "1"
    assert count_sessions(login) == 0
    assert list_line(login) == [login, "Test Person", "d@example.org", "user", "disabled", "0"]

    out = roomctl("user", "enable", login)
    assert out.returncode == 0, out.stderr
    assert user_row(login, "disabled") == "0"
    assert list_line(login)[4] == "active"
    assert user_row(login, "password_hash").startswith("$argon2id$")


def test_list_shows_a_user_without_email(login):
    add(login, "--role", "admin", name="Ada Lovelace")
    assert list_line(login) == [login, "Ada Lovelace", "-", "admin", "active", "0"]
    assert "$argon2id$" not in roomctl("user", "list").stdout


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["list", "extra"],
                                  ["disable"], ["enable", "a", "b"]])
def test_bad_usage_prints_usage(args):
    out = roomctl("user", *args)
    assert out.returncode == 2
    assert "usage: roomctl user add" in out.stderr


def test_demo_users_exist_with_their_roles_and_demo_is_idempotent():
    demo = {"alice": ("Alice Andersen", "user"), "bob": ("Bob Berg", "user"),
            "admin": ("Ada Admin", "admin")}
    assert roomctl("demo").returncode == 0   # the stack ran it; this run may be the first
    out = roomctl("demo")
    assert out.returncode == 0, out.stderr
    assert "demo users: already present, nothing added" in out.stdout
    assert "alice" in out.stdout and "password 'demo'" in out.stdout
    assert sql_value("SELECT COUNT(*) FROM users"
                     " WHERE login IN ('alice', 'bob', 'admin')") == "3"
    for login, (name, role) in demo.items():
        assert user_row(login, "display_name, email, role") == \
            f"{name}|{login}@example.org|{role}"
        assert user_row(login, "password_hash").startswith("$argon2id$")
