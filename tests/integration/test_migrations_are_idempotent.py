"""roomctl migrate applies each migration once; running it again changes nothing."""
import subprocess

from conftest import ROOT, VAR, sql_value

TABLES = {"rooms", "users", "sessions", "bookings", "booking_events",
          "notifications", "booking_status", "room_day_usage", "schema_migrations"}


def roomctl(*args):
    return subprocess.run([str(ROOT / "build" / "asan" / "bin" / "roomctl"), "-c",
                           str(VAR / "etc" / "roombook.ini"), *args],
                          capture_output=True, text=True)


def schema():
    return sql_value("SELECT GROUP_CONCAT(table_name, ':', create_time ORDER BY table_name)"
                     " FROM information_schema.tables WHERE table_schema = 'roombook'")


def test_every_table_of_the_design_exists():
    tables = set(sql_value("SELECT GROUP_CONCAT(table_name) FROM information_schema.tables"
                           " WHERE table_schema = 'roombook'").split(","))
    assert TABLES <= tables


def test_migrate_twice_is_a_no_op():
    applied = sql_value("SELECT GROUP_CONCAT(version ORDER BY version) FROM schema_migrations")
    before = schema()
    for _ in range(2):
        out = roomctl("migrate")
        assert out.returncode == 0, out.stderr
        assert "nothing to apply" in out.stdout
    assert sql_value("SELECT GROUP_CONCAT(version ORDER BY version) FROM schema_migrations") == applied
    assert schema() == before
    assert applied.startswith("001_initial.sql")


def test_migrate_reports_a_broken_configuration():
    out = subprocess.run([str(ROOT / "build" / "asan" / "bin" / "roomctl"), "-c",
                          "/nonexistent.ini", "migrate"], capture_output=True, text=True)
    assert out.returncode == 1
    assert "/nonexistent.ini: cannot open" in out.stderr


def test_unknown_command_prints_usage():
    out = roomctl("frobnicate")
    assert out.returncode == 2
    assert "migrate" in out.stderr
