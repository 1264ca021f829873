"""/healthz tells an operator or a monitor which context is down."""
import pytest

from conftest import CONTEXTS, get, stack, wait_for, worker_pids


def test_healthz_is_ok_with_all_four_contexts():
    resp = get("/healthz")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "application/json"
    body = resp.json()
    assert body["status"] == "ok"
    assert body["db"] == "ok"
    assert body["version"].startswith("0.")
    assert sorted(body["contexts"]) == sorted(CONTEXTS)
    for c in CONTEXTS:
        pool = body["contexts"][c].pop("pool")
        assert body["contexts"][c] == {"status": "ok", "db": "ok"}
        # What the pool's supervisor says: every worker alive.
        assert pool["state"] == "ok" and pool["alive"] == pool["workers"] >= 1

    # One host: no host to name, and no host's own check to ask.
    assert "host" not in body
    one_host = get("/healthz/host/127.0.0.1")
    assert one_host.status_code == 404 and "app_hosts" in one_host.json()["error"]["message"]


@pytest.mark.parametrize("context", CONTEXTS)
def test_each_context_answers_for_itself(context):
    resp = get(f"/healthz/{context}")
    assert resp.status_code == 200
    body = resp.json()
    assert body["context"] == context
    assert body["status"] == "ok" and body["db"] == "ok"
    assert body["version"]


@pytest.mark.parametrize("context", ["approval", "room", "status"])
def test_healthz_is_503_and_names_the_context_whose_pool_is_stopped(context):
    # Every pool answering first, so that only the stopped one is down.
    assert wait_for(lambda: get("/healthz").status_code == 200)
    stack("stop-pool", context)
    try:
        resp = get("/healthz")
        assert resp.status_code == 503
        body = resp.json()
        assert body["status"] == "degraded"
        assert body["contexts"][context]["status"] == "down"
        assert body["contexts"][context]["error"]
        for other in CONTEXTS:
            if other != context:
                assert body["contexts"][other]["status"] == "ok"
        # The dead context's pages get the gateway's fallback page, not a bare 502.
        page = get({"approval": "/admin/approvals", "room": "/rooms",
                    "status": "/status"}[context])
        assert page.status_code == 503
        assert "not answering right now" in page.text
        # Other contexts keep working.
        assert get("/").status_code == 200
    finally:
        stack("start-pool", context)
    # start-pool returns once the socket is bound; the pool forks its
    # workers after that, and on a loaded machine a moment later.
    assert wait_for(lambda: worker_pids(context))
    # Back as soon as its workers are ready (under valgrind, a while), so
    # that the next case starts with every other pool answering.
    assert wait_for(lambda: get("/healthz").status_code == 200)


def test_healthz_reports_the_booking_pool_itself_when_it_is_down():
    stack("stop-pool", "booking")
    try:
        resp = get("/healthz")
        assert resp.status_code == 503
        assert resp.json()["contexts"]["booking"]["status"] == "down"
    finally:
        stack("start-pool", "booking")
    assert wait_for(lambda: get("/healthz").status_code == 200)


def test_health_is_only_for_the_configured_monitors():
    from conftest import raw_request
    assert raw_request("GET", "/healthz", source="127.0.0.2").status_code == 403
    assert raw_request("GET", "/healthz/room", source="127.0.0.2").status_code == 403
    assert raw_request("GET", "/healthz", source="127.0.0.1").status_code == 200
