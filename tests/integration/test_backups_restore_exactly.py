"""roomctl backup takes a consistent backup while the site runs (the
nightly job does it as the jobs' account); roomctl restore puts it back
into a stopped site, every table exactly as it was; a damaged, cut or
foreign file is refused with a clear message and nothing changes."""
import gzip
import os
import subprocess
import threading

import pytest
import requests

from conftest import (CONTEXTS, ROOT, VAR, book, booked_id, get, login, new_room, quiet_day,
                      roomctl, sql, sql_value, stack, wait_for)

BACKUPS = VAR / "backups"


def tables():
    return sql_value("SELECT GROUP_CONCAT(table_name ORDER BY table_name)"
                     " FROM information_schema.tables WHERE table_schema = 'roombook'"
                     " AND table_type = 'BASE TABLE'").split(",")


def checksums():
    out = sql("CHECKSUM TABLE " + ", ".join(f"`{t}`" for t in tables()))
    assert out.returncode == 0, out.stderr
    return dict(line.split("\t") for line in out.stdout.splitlines())


def backup_as_the_jobs():
    """As the nightly job runs it: the jobs' account, its own secrets."""
    before = set(BACKUPS.glob("roombook-*.sql.gz"))
    out = subprocess.run(["runuser", "-u", "roombook", "--", "env",
                          f"ROOMBOOK_SECRETS={VAR / 'etc' / 'secrets' / 'jobs.ini'}",
                          str(ROOT / "build" / "asan" / "bin" / "roomctl"),
                          "-c", str(VAR / "etc" / "roombook.ini"), "backup"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    made = set(BACKUPS.glob("roombook-*.sql.gz")) - before
    assert len(made) == 1 and "backup: " in out.stdout
    return made.pop()


def bookings(n, title):
    alice, room = login("alice"), new_room("Backup")
    day = quiet_day(room)
    return [booked_id(book(alice, room, f"{day}T{9 + i:02d}:00", f"{day}T{9 + i:02d}:30",
                           title=f"{title} {i}")) for i in range(n)]


def start_pools():
    """The pools again, and their workers ready (slow under valgrind)."""
    for c in CONTEXTS:
        stack("start-pool", c)

    def healthy():
        try:
            return get("/healthz").status_code == 200
        except requests.RequestException:
            return False
    assert wait_for(healthy, 180)


def test_a_running_site_refuses_a_restore():
    path = backup_as_the_jobs()
    out = roomctl("restore", str(path))
    assert out.returncode == 1 and "the site is running" in out.stderr


def test_a_backup_restores_every_table_exactly():
    bookings(3, "Before the backup")
    path = backup_as_the_jobs()
    assert oct(os.stat(BACKUPS).st_mode & 0o777) == "0o700"
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    saved = checksums()
    after = bookings(2, "After the backup")
    assert checksums() != saved
    for c in CONTEXTS:
        stack("stop-pool", c)
    try:
        out = roomctl("restore", str(path))
        assert out.returncode == 0, out.stdout + out.stderr
        assert "restore: " in out.stdout
        assert checksums() == saved
        assert sql_value("SELECT COUNT(*) FROM bookings WHERE id IN"
                         f" ({', '.join(map(str, after))})") == "0"
        # Nothing left over from the swap.
        assert sql_value("SELECT COUNT(*) FROM information_schema.schemata"
                         " WHERE schema_name LIKE 'roombook\\_%'") == "0"
    finally:
        start_pools()
    assert login("alice").get(f"{os.environ['RB_BASE_URL']}/bookings").status_code == 200


def test_a_backup_taken_while_people_book_is_consistent():
    """Bookings go on during the backup: what it holds is one moment, each
    booking with its history and its row of the status view."""
    stop, booking = threading.Event(), threading.Event()
    made = []
    alice, room = login("alice"), new_room("Busy backup")
    day = quiet_day(room)

    def keep_booking():
        for i in range(48):
            if stop.is_set():
                break
            made.append(book(alice, room, f"{day}T{7 + i // 4:02d}:{15 * (i % 4):02d}",
                             f"{day}T{7 + (i + 1) // 4:02d}:{15 * ((i + 1) % 4):02d}",
                             title=f"During {i}").status_code)
            booking.set()

    writer = threading.Thread(target=keep_booking)
    writer.start()
    try:
        assert booking.wait(30)
        path = backup_as_the_jobs()
        during = len(made)
    finally:
        stop.set()
        writer.join()
    assert made.count(303) == len(made) and during >= 1
    scratch = "roombook_check"
    try:
        assert sql(f"CREATE DATABASE {scratch}").returncode == 0
        with gzip.open(path, "rb") as f:
            dump = f.read()
        load = subprocess.run(["mariadb", f"--defaults-file={VAR / 'etc' / 'mariadb.cnf'}",
                               scratch], input=dump, capture_output=True)
        assert load.returncode == 0, load.stderr
        q = lambda s: subprocess.run(["mariadb", f"--defaults-file={VAR / 'etc' / 'mariadb.cnf'}",
                                      "-N", "-B", scratch, "-e", s], capture_output=True,
                                     text=True).stdout.strip()
        mine = f"b.room_id = {room}"
        assert int(q(f"SELECT COUNT(*) FROM bookings b WHERE {mine}")) >= 1
        assert q(f"SELECT COUNT(*) FROM bookings b LEFT JOIN booking_status s"
                 f" ON s.booking_id = b.id WHERE {mine} AND s.booking_id IS NULL") == "0"
        assert q(f"SELECT COUNT(*) FROM bookings b WHERE {mine} AND NOT EXISTS"
                 " (SELECT 1 FROM booking_events e WHERE e.booking_id = b.id)") == "0"
        # Bookings some tests wrote by SQL alone lack a status row: as many
        # there as here.
        assert q("SELECT COUNT(*) FROM bookings b LEFT JOIN booking_status s"
                 " ON s.booking_id = b.id WHERE s.booking_id IS NULL") == \
            sql_value("SELECT COUNT(*) FROM bookings b LEFT JOIN booking_status s"
                      " ON s.booking_id = b.id WHERE s.booking_id IS NULL")
    finally:
        sql(f"DROP DATABASE IF EXISTS {scratch}")


@pytest.mark.parametrize("damage", ["cut in half", "one byte changed", "not a backup",
                                    "its last line lost", "empty"])
def test_a_damaged_backup_is_refused_and_nothing_changes(tmp_path, damage):
    data = backup_as_the_jobs().read_bytes()
    broken = tmp_path / "broken.sql.gz"
    if damage == "cut in half":
        broken.write_bytes(data[:len(data) // 2])
    elif damage == "one byte changed":
        flipped = bytearray(data)
        flipped[len(data) // 2] ^= 0x55
        broken.write_bytes(bytes(flipped))
    elif damage == "not a backup":
        broken.write_bytes(gzip.compress(b"DROP TABLE bookings;\n"))
    elif damage == "its last line lost":
        text = gzip.decompress(data)
        broken.write_bytes(gzip.compress(text[:text.rstrip(b"\n").rfind(b"\n") + 1]))
    else:
        broken.write_bytes(b"")
    for c in CONTEXTS:
        stack("stop-pool", c)
    try:
        before = checksums()
        out = roomctl("restore", str(broken))
        assert out.returncode == 1
        assert "not restored, nothing changed" in out.stderr, out.stderr
        reason = {"cut in half": "cut short", "one byte changed": "damaged",
                  "not a backup": "not a roombook backup",
                  "its last line lost": "cut short", "empty": "empty"}[damage]
        assert reason in out.stderr, out.stderr
        assert checksums() == before
    finally:
        start_pools()
