"""static/openapi.yaml describes exactly the /api/ routes the programs
have, with the same methods (tests/run validates the file itself)."""
import re

from conftest import ROOT, get


def routes_in_code():
    found = set()
    for main in (ROOT / "cgi-bin").glob("*/main.c"):
        for method, path in re.findall(r'\{\s*M_(\w+),\s*"(/api/[^"]*)"', main.read_text()):
            found.add((method.lower(), path))
    return found


def routes_in_description():
    found, path = set(), None
    for line in (ROOT / "static" / "openapi.yaml").read_text().splitlines():
        m = re.match(r"^  (/api/\S*):$", line)
        if m:
            path = m.group(1)
            continue
        if re.match(r"^  \S", line):
            path = None
        m = re.match(r"^    (get|post|put|patch|delete):$", line)
        if path and m:
            found.add((m.group(1), path))
    return found


def test_every_api_route_is_described_and_nothing_else():
    code = routes_in_code()
    assert len(code) >= 15
    assert routes_in_description() == code


def test_the_description_is_served_to_clients():
    resp = get("/static/openapi.yaml")
    assert resp.status_code == 200 and resp.text.startswith("openapi: 3.1.0")
