"""Running `make run` again (tools/stack up) with new programs replaces the
workers pool by pool without refusing a request, after the migrations
have run; a new program that cannot start leaves the old workers serving."""
import os
import pathlib
import re
import shutil
import signal
import subprocess
import time

import pytest

from conftest import (CONTEXTS, ROOT, VAR, configured, edit_ini, get, log_text, pool_pid, sql,
                      sql_value, stack, wait_for, worker_pids)
from test_pools_never_give_up import pool_state

# Each context's pool in turn, answered by the pool itself.
ROTATE = """
local paths = {"/healthz/booking", "/healthz/approval", "/healthz/room", "/healthz/status"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
"""


def start_times(pids):
    """Each process's start, as seconds since the epoch."""
    boot = time.time() - float(open("/proc/uptime").read().split()[0])
    ticks = os.sysconf("SC_CLK_TCK")
    out = {}
    for pid in pids:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        out[pid] = boot + int(fields[19]) / ticks
    return out


@pytest.mark.full_speed
def test_make_run_again_replaces_the_workers_without_an_error(tmp_path):
    script = tmp_path / "rotate.lua"
    script.write_text(ROTATE)
    # New programs: the same files copied anew (new inodes, as `make` makes).
    before = {c: worker_pids(c) for c in CONTEXTS}
    # A migration that adds a column, run by the same `up`.
    sql_dir = tmp_path / "sql"
    shutil.copytree(ROOT / "sql", sql_dir)
    (sql_dir / "999_upgrade_probe.sql").write_text(
        "ALTER TABLE rooms ADD COLUMN upgrade_probe INT NULL;\n")
    wrk = subprocess.Popen(["wrk", "-t2", "-c8", "-d12s", "-s", str(script),
                            f"http://127.0.0.1:{os.environ.get('RB_PORT', '18080')}"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(2)
        with configured(paths={"sql": str(sql_dir)}):
            applied = sql_value("SELECT UNIX_TIMESTAMP(applied_at) FROM schema_migrations"
                                " WHERE version = '999_upgrade_probe.sql'")
            assert sql_value("SELECT COUNT(*) FROM information_schema.columns WHERE"
                             " table_schema = 'roombook' AND table_name = 'rooms'"
                             " AND column_name = 'upgrade_probe'") == "1"
            after = {c: worker_pids(c) for c in CONTEXTS}
            started = {c: start_times(after[c]) for c in CONTEXTS}
        report, _ = wrk.communicate(timeout=60)
    finally:
        if wrk.poll() is None:
            wrk.kill()
        sql("ALTER TABLE rooms DROP COLUMN IF EXISTS upgrade_probe")
        sql("DELETE FROM schema_migrations WHERE version = '999_upgrade_probe.sql'")
    requests_done = int(re.search(r"(\d+) requests in", report).group(1))
    assert requests_done > 1000, report
    assert "Non-2xx or 3xx" not in report, report
    assert "Socket errors" not in report, report
    # Every worker is new, and started after the migration had run.
    for c in CONTEXTS:
        assert after[c] and not (after[c] & before[c]), c
        assert all(t >= float(applied) - 1 for t in started[c].values()), c
    assert "reload: 4 new workers serve" in log_text("booking")


def test_new_workers_that_cannot_start_leave_the_old_ones_serving():
    """A reload whose program fails at once is refused by the pool: the
    running workers go on serving and the log says why."""
    program = pathlib.Path(os.environ.get("RB_BIN", ROOT / "build" / "asan" / "bin")) / "room"
    kept = program.with_name("room.kept-by-test")
    broken = program.with_name("room.broken-by-test")
    broken.write_text("#!/bin/sh\necho 'cannot start: a broken build' >&2\nexit 1\n")
    broken.chmod(0o755)
    before = worker_pids("room")
    reloads = int(pool_state("room")["reloads"])
    os.link(program, kept)
    try:
        os.rename(broken, program)
        os.kill(pool_pid("room"), signal.SIGHUP)
        assert wait_for(lambda: int(pool_state("room")["reloads"]) > reloads
                        and pool_state("room")["reload"] != "trying", seconds=30)
    finally:
        os.rename(kept, program)
    assert pool_state("room")["reload"] == "failed"
    assert worker_pids("room") == before
    assert get("/healthz/room").status_code == 200
    log = log_text("room")
    assert "cannot start: a broken build" in log
    assert "reload failed: new worker" in log and "exited with status 1" in log
    # The next reload, with the program mended, goes through.
    stack("reload-pool", "room")
    assert pool_state("room")["reload"] == "ok"
    assert wait_for(lambda: not (worker_pids("room") & before), seconds=30)


def test_a_reload_takes_the_pool_size_from_roombook_ini():
    """The pool reads [context] workers at each reload: an operator resizes
    a pool without a restart, and a size it cannot use keeps the old set."""
    before = worker_pids("status")
    assert len(before) == 4
    with configured(status={"workers": "2"}):
        assert pool_state("status")["workers"] == "2"
        assert wait_for(lambda: len(worker_pids("status")) == 2, seconds=30)
        assert not worker_pids("status") & before
        assert get("/status").status_code in (200, 303)
        # The gateway's bound follows the size too (2 workers x 16).
        upstreams = (VAR / "etc" / "nginx-upstreams.conf").read_text()
        assert re.search(r"status\.sock max_conns=32 ", upstreams), upstreams
    assert wait_for(lambda: len(worker_pids("status")) == 4, seconds=30)
    serving = worker_pids("status")
    ini = VAR / "etc" / "roombook.ini"
    original = ini.read_text()
    reloads = int(pool_state("status")["reloads"])
    try:
        ini.write_text(edit_ini(original, "status", {"workers": "many"}))
        os.kill(pool_pid("status"), signal.SIGHUP)
        assert wait_for(lambda: int(pool_state("status")["reloads"]) > reloads, seconds=15)
    finally:
        ini.write_text(original)
    assert pool_state("status")["reload"] == "failed"
    assert worker_pids("status") == serving
    assert 'workers must be a number from 1 to 64, not "many"' in log_text("status")
