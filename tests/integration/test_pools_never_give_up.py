"""A pool whose workers keep dying is restarted with growing delays, for as
long as it takes; /healthz says it is failing meanwhile and the log says
why.  Asked to reload, a pool swaps its workers for new ones without
refusing a request, and keeps the old ones when the new ones cannot run."""
import concurrent.futures
import os
import re
import signal
import threading
import time

import pytest
import requests

from conftest import (VAR, get, log_text, pool_pid, stack, url, wait_for,
                      worker_pids)


def pool_state(context):
    """The pool's state file, as its supervisor last wrote it."""
    text = (VAR / "run" / f"{context}.state").read_text()
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def health():
    resp = get("/healthz")
    return resp.status_code, resp.json()


@pytest.mark.full_speed
def test_a_pool_whose_workers_keep_dying_comes_back_and_serves():
    assert get("/status").status_code in (200, 302, 303)
    log_before = len(log_text("status"))
    deaths, saw_failing, kills = 0, [], []
    # The health check is asked meanwhile, from beside: asking a pool with
    # no worker may take its second, and must not delay the next round.
    asking = threading.Event()

    def watch_health():
        while not asking.is_set():
            code, body = health()
            if body["contexts"]["status"]["status"] == "failing":
                saw_failing.append((code, body))

    watcher = threading.Thread(target=watch_health)
    watcher.start()
    started = time.time()
    try:
        # Ten rounds within ten seconds, each killing every worker alive.
        for i in range(10):
            kills.append(time.time())
            for pid in worker_pids("status"):
                try:
                    os.kill(pid, signal.SIGKILL)
                    deaths += 1
                except ProcessLookupError:
                    pass
            time.sleep(max(0, started + 0.95 * (i + 1) - time.time()))
    finally:
        asking.set()
        watcher.join()
    assert kills[-1] - kills[0] < 10
    assert deaths >= 10, f"only {deaths} workers were killed"
    # Meanwhile the health check said so, with the pool's own account.
    assert saw_failing, "the health check never showed the pool failing"
    code, body = saw_failing[-1]
    assert code == 503 and body["status"] == "degraded"
    pool = body["contexts"]["status"]["pool"]
    assert pool["state"] == "failing" and pool["workers"] == 4
    assert pool["alive"] < 4 and pool["restarts"] >= 10
    assert "killed by signal 9" in pool["lastDeath"]
    # Its supervisor is the same process throughout: it never gave up.
    log = log_text("status")[log_before:]
    delays = [float(d) for d in re.findall(r"starting it again in ([0-9.]+) s", log)]
    assert delays and max(delays) >= 2 * min(delays), delays
    assert "quick deaths in a row" in log and "killed by signal 9" in log
    # It comes back (the longest delay is capped at 30 s) and serves.
    assert wait_for(lambda: len(worker_pids("status")) == 4, seconds=45)
    assert wait_for(lambda: get("/healthz/status").status_code == 200, seconds=10)
    assert get("/api/bookingLists").status_code == 401  # the status program answers
    assert wait_for(lambda: health()[0] == 200, seconds=10)
    assert health()[1]["contexts"]["status"]["pool"]["state"] == "ok"


@pytest.mark.full_speed
def test_the_health_check_asks_the_pools_at_once():
    """Every worker of three pools asleep: each of them gets the whole
    second to answer (and is reported busy), and the check still takes
    about one second, not three."""
    paths = ("/admin/approvals/_slow", "/rooms/_slow", "/status/_slow")
    sleepers = [p for p in paths for _ in range(4)]
    with concurrent.futures.ThreadPoolExecutor(len(sleepers)) as pool:
        futures = [pool.submit(requests.get, url(f"{p}?ms=3000"), timeout=30)
                   for p in sleepers]
        time.sleep(0.5)
        started = time.time()
        code, body = health()
        took = time.time() - started
        for f in futures:
            f.result()
    assert code == 503 and took < 2, (took, body)
    for c in ("approval", "room", "status"):
        assert body["contexts"][c]["status"] == "busy", body["contexts"][c]
    assert body["contexts"]["booking"]["status"] == "ok"
    assert wait_for(lambda: health()[0] == 200)


def test_a_reload_gives_new_workers_and_keeps_the_socket():
    old_pool, old_workers = pool_pid("approval"), worker_pids("approval")
    generation = int(pool_state("approval")["generation"])
    stack("reload-pool", "approval")
    assert pool_pid("approval") == old_pool
    assert int(pool_state("approval")["generation"]) == generation + 1
    assert wait_for(lambda: not (worker_pids("approval") & old_workers), seconds=25)
    assert len(worker_pids("approval")) == 4
    assert get("/healthz/approval").status_code == 200
