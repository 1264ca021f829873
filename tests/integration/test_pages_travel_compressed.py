"""Pages, JSON, styles and scripts go compressed to clients that accept
it, and as they are to those that do not."""
import gzip

import pytest

from conftest import api_session, login, quiet_day, url


@pytest.fixture(scope="module")
def alice():
    return login("alice")


def fetch(session, path, accept):
    """The raw bytes sent, and the headers; requests would unzip them."""
    resp = session.get(url(path), headers={"Accept-Encoding": accept}, stream=True)
    assert resp.status_code == 200, path
    return resp.raw.read(decode_content=False), resp.headers


@pytest.mark.parametrize("path", ["/status", "/status/day/{day}/", "/static/style.css",
                                  "/static/app.js"])
def test_compressed_for_those_who_accept_it(alice, path):
    path = path.format(day=quiet_day())
    plain, plain_headers = fetch(alice, path, "identity")
    packed, headers = fetch(alice, path, "gzip, deflate")
    assert "Content-Encoding" not in plain_headers
    assert headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in headers["Vary"]
    assert len(packed) < len(plain) / 2
    # The same page: only the form tokens are new on every page.
    if path.startswith("/static/"):
        assert gzip.decompress(packed) == plain
    else:
        assert abs(len(gzip.decompress(packed)) - len(plain)) < 200


def test_the_api_answers_compressed():
    api = api_session("alice")
    resp = api.get(url("/api/rooms"), headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = resp.raw.read(decode_content=False)
    assert resp.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(raw).startswith(b"[") or gzip.decompress(raw).startswith(b"{")

