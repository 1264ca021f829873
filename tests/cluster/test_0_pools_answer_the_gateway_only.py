"""An application host's pools listen on its network, but take FastCGI
only from the gateway and from the host itself (its health check): a
FastCGI request names the user, the address and everything else a
program trusts, so nobody else may send one."""
from conftest import HOSTS, ROOT, get, on_host

CLIENT = str(ROOT / "tests" / "cluster" / "fastcgi_get.py")


def ask(from_host, to_host, port=9101, path="/healthz/booking"):
    return on_host(from_host, "/usr/bin/python3", CLIENT, HOSTS[to_host], str(port),
                   path).strip()


def test_a_pool_answers_its_own_host_and_refuses_the_others():
    assert ask("app1", "app1").startswith("Status: 200")
    for stranger in ("db1", "app2"):
        assert ask(stranger, "app1") == "refused"
    # Every context's pool alike.
    for port in (9102, 9103, 9104):
        assert ask("db2", "app2", port, "/healthz") == "refused"


def test_each_application_host_answers_for_itself():
    for host in ("app1", "app2"):
        health = get(f"/healthz/host/{HOSTS[host]}")
        assert health.status_code == 200, health.text
        assert health.json()["host"] == HOSTS[host] and health.json()["status"] == "ok"
    # An address that is no host of the site is not answered by any.
    stranger = get(f"/healthz/host/{HOSTS['db1']}")
    assert stranger.status_code == 404 and "app_hosts" in stranger.json()["error"]["message"]
    # Nor does a host answer for another, however the question reaches it.
    assert ask("app1", "app1", 9101, f"/healthz/host/{HOSTS['app2']}").startswith("Status: 404")
