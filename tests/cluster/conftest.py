"""The cluster tests: the site that `tools/cluster up` runs in network
namespaces (a gateway, two application hosts, a primary and a replica),
reached at the gateway's address.  The integration tests' helpers (login,
forms, SQL on the site's database) are used as they are, pointed at it."""
import configparser
import importlib.util
import os
import pathlib
import re
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLUSTER_VAR = pathlib.Path(os.environ.get("RB_CLUSTER_VAR", ROOT / "var" / "cluster"))
NET = os.environ.get("RB_CLUSTER_NET", "10.77.0")
GATEWAY = f"{NET}.1"
HOSTS = {"app1": f"{NET}.21", "app2": f"{NET}.22", "db1": f"{NET}.11", "db2": f"{NET}.12"}

_ini = configparser.ConfigParser(inline_comment_prefixes=(";",))
_ini.read(CLUSTER_VAR / "etc" / "roombook.ini")
# The helpers read these when they are loaded: the gateway, the view of
# the site tools/cluster keeps (the primary's MariaDB), the site's zone.
os.environ["RB_BASE_URL"] = f"http://{GATEWAY}"
os.environ["RB_VAR"] = str(CLUSTER_VAR)
os.environ["RB_TIMEZONE"] = _ini["site"]["timezone"]

_spec = importlib.util.spec_from_file_location(
    "site_helpers", ROOT / "tests" / "integration" / "conftest.py")
site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site)

# Everything the integration tests' conftest offers (helpers, fixtures),
# as this conftest's own: tests here import them from conftest.
globals().update({k: v for k, v in vars(site).items() if not k.startswith("_")})


def cluster(*args, check=True):
    """Runs tools/cluster; its output."""
    out = subprocess.run([str(ROOT / "tools" / "cluster"), *args],
                         capture_output=True, text=True, timeout=300)
    if check:
        assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout + out.stderr


def on_host(host, *cmd, check=True):
    """Runs a command on one of the cluster's hosts (its namespace)."""
    return cluster("in", host, *cmd, check=check)


def host_log(host, name):
    """The text of a log of an application host's instance."""
    path = CLUSTER_VAR / host / "log" / name
    return path.read_text(errors="replace") if path.exists() else ""


def served_by(host, since_lines, context="booking", pattern=""):
    """How many requests matching pattern the host's context logged after
    the first since_lines lines."""
    lines = host_log(host, f"{context}.log").splitlines()[since_lines:]
    return sum(1 for line in lines if re.search(r" \d{3} [\d.]+ms$", line)
               and pattern in line)


def log_length(host, context="booking"):
    return len(host_log(host, f"{context}.log").splitlines())
