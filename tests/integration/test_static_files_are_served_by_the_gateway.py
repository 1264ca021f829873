"""static/ is served by nginx itself, with caching headers."""
from conftest import CONTEXTS, ROOT, get, log_text, new_request_id


def test_stylesheet_comes_from_nginx_with_cache_headers():
    rid = new_request_id()
    resp = get("/static/style.css", headers={"X-Request-Id": rid})
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("text/css")
    assert resp.content == (ROOT / "static" / "style.css").read_bytes()
    assert "max-age=3600" in resp.headers["Cache-Control"]
    assert resp.headers.get("ETag") and resp.headers.get("Last-Modified")
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    # No program saw it.
    for c in CONTEXTS:
        assert rid not in log_text(c)


def test_revalidation_answers_304():
    first = get("/static/style.css")
    again = get("/static/style.css", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_missing_static_file_is_404_and_no_directory_escape():
    assert get("/static/nope.css").status_code == 404
    resp = get("/static/../Makefile")
    assert resp.status_code in (400, 404)
    assert "BUILD" not in resp.text
