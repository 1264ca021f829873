"""Workers survive a lost connection or a database restart without restarting."""
import threading
import time

import pytest

from conftest import CONTEXTS, get, login, sql, stack, url, wait_for, worker_pids


def test_killed_connections_are_reopened_on_the_next_request(all_workers):
    assert get("/").status_code == 200
    ids = sql("SELECT id FROM information_schema.processlist WHERE user LIKE 'rb\\_%'")
    assert ids.returncode == 0 and ids.stdout.split()
    for conn in ids.stdout.split():
        sql(f"KILL CONNECTION {conn}")
    # Every worker's next request must succeed: hit each pool more than its size.
    for _ in range(12):
        assert get("/").status_code == 200
        assert get("/rooms").status_code == 200
        assert get("/healthz/status").status_code == 200
    assert {c: worker_pids(c) for c in CONTEXTS} == all_workers


def test_database_down_answers_503_then_recovers_without_restarts(all_workers):
    alice = login("alice")
    stack("db-stop")
    try:
        # The status program (read side) too: a clear 503, never a 500.
        for path in ("/status", "/status/day", "/status/usage"):
            down = alice.get(url(path), allow_redirects=False)
            assert down.status_code == 503, path
            assert "database cannot be reached" in down.text
        resp = get("/")
        assert resp.status_code == 503
        assert "database cannot be reached" in resp.text
        assert resp.headers["Retry-After"] == "5"
        health = get("/healthz")
        assert health.status_code == 503
        assert health.json()["status"] == "down"
        assert health.json()["db"] == "down"
        assert get("/healthz/room").json() == {
            "context": "room", "status": "degraded", "db": "down",
            "version": get("/healthz/room").json()["version"]}
    finally:
        stack("db-start")
    assert wait_for(lambda: get("/healthz").status_code == 200)
    for _ in range(12):
        assert get("/").status_code == 200
        assert get("/rooms").status_code == 200
    assert {c: worker_pids(c) for c in CONTEXTS} == all_workers


@pytest.mark.full_speed
def test_a_database_restart_under_load_fails_only_during_the_outage(all_workers):
    """A client keeps asking while MariaDB is stopped and started again:
    errors come only while it is down, every answer after is a success, and
    no program was restarted."""
    answers, stop = [], threading.Event()

    def load():
        while not stop.is_set():
            try:
                code = get("/").status_code
            except Exception as e:  # a refused connection counts as an error
                code = type(e).__name__
            answers.append((time.time(), code))
            time.sleep(0.05)

    worker = threading.Thread(target=load)
    worker.start()
    try:
        time.sleep(1)
        down_from = time.time()
        stack("db-stop")
        time.sleep(2)
        stack("db-start")
        up_at = time.time()
        time.sleep(3)
    finally:
        stop.set()
        worker.join()
    before = [c for t, c in answers if t < down_from]
    during = [c for t, c in answers if down_from <= t <= up_at]
    after = [c for t, c in answers if t > up_at + 1]
    assert before and set(before) == {200}
    assert 503 in during and set(during) <= {200, 503}
    assert after and set(after) == {200}
    assert {c: worker_pids(c) for c in CONTEXTS} == all_workers
