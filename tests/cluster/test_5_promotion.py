"""The primary is lost under writes: the replica is promoted (roomctl
promote, by tools/cluster promote), the application hosts write to it,
nothing acknowledged before the loss is missing, no slot is held twice,
and the old primary comes back fenced, taking no writes; made afresh as
the new primary's replica, it has every booking again.  Runs last: the
cluster's primary is db2 afterwards."""
import subprocess
import time

from conftest import (CLUSTER_VAR, HOSTS, BookingClients, a_weekday, book, booked_id,
                      cluster, login, new_room, on_db, overlaps, report, semi_sync, sql_value,
                      wait_for)

CLIENTS = 6


def test_the_primary_lost_the_replica_promoted_nothing_acknowledged_is_missing():
    room = new_room("Failover")
    writers = BookingClients(CLIENTS, room, a_weekday(20), pause=0.1)
    time.sleep(3)
    # The primary's machine dies: its MariaDB killed outright.
    subprocess.run(["pkill", "-KILL", "-f", f"mariadbd --defaults-file={CLUSTER_VAR}/db1/"],
                   check=True)
    lost_at = len(writers.acknowledged)
    cluster("promote", "db2")
    # Writes go on a while on the new primary.
    time.sleep(3)
    ids = writers.finish()
    assert lost_at > 0 and len(ids) > lost_at
    # The site's database is db2's now (tools/cluster's view follows).
    assert sql_value("SELECT @@global.read_only") == "0"
    assert len(set(ids)) == len(ids)
    assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE room_id = {room}"
                     f" AND id IN ({','.join(map(str, ids))})") == str(len(ids))
    assert sql_value(f"SELECT COUNT(*) FROM bookings WHERE room_id = {room}") == str(len(ids))
    assert overlaps() == 0
    report(f"primary killed under writes, replica promoted: {lost_at} bookings"
           f" acknowledged before, {len(ids) - lost_at} after, all on the new primary")
    # The old primary comes back read-only: fenced, it takes no writes
    # from the programs' accounts.
    cluster("db-start", "db1")
    assert on_db("db1", "SELECT @@global.read_only") == "1"
    password = next(line.split("=", 1)[1].strip() for line in
                    (CLUSTER_VAR / "app1" / "etc" / "secrets" / "booking.ini").read_text()
                    .splitlines() if line.startswith("db_password"))
    refused = cluster("in", "app1", "mariadb", "-h", HOSTS["db1"], "-u", "rb_booking",
                      f"-p{password}", "roombook", "-e",
                      "UPDATE rooms SET name = name WHERE id = 1", check=False)
    assert "read-only" in refused, refused
    # And the site goes on: a person books through the gateway.
    alice = login("alice")
    assert booked_id(book(alice)) > 0
    assert wait_for(lambda: sql_value("SELECT COUNT(*) FROM heartbeat"
                                      " WHERE at > UTC_TIMESTAMP(6) - INTERVAL 3 SECOND") == "1")

    # The old primary made afresh as the new primary's replica: it has
    # everything, follows what comes, and the primary waits for it again.
    cluster("rejoin", "db1")
    newest = booked_id(book(alice))
    assert wait_for(lambda: on_db("db1", f"SELECT COUNT(*) FROM bookings WHERE id = {newest}")
                    == "1", 30)
    every = "SELECT COUNT(*), MAX(id) FROM bookings"
    assert wait_for(lambda: on_db("db1", every) == sql_value(every), 30)
    assert on_db("db1", "SELECT @@global.read_only") == "1"
    assert wait_for(semi_sync, 30)
    report(f"old primary rejoined as db2's replica: {on_db('db1', every).split()[0]} bookings,"
           " as on db2; the primary waits for it again")
