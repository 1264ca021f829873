"""Sessions end after the configured idle time and absolute lifetime."""
import time

import pytest
import requests

from conftest import configured, login, url


def still_in(session):
    return session.get(url("/account"), allow_redirects=False, timeout=15).status_code == 200


@pytest.mark.full_speed
def test_idle_and_absolute_expiry_with_short_configured_lifetimes():
    with configured(auth={"session_idle_seconds": 6, "session_max_seconds": 12}):
        t0 = time.time()
        idle, busy = login("alice"), login("bob")

        def at(second):
            time.sleep(max(0, t0 + second - time.time()))

        # Times in the database have whole seconds, and the idle expiry is
        # extended only once it is half used up (to save writes), so the
        # busy session is used every 1.5 s and the checks keep margins.
        for second in (1.5, 3, 4.5, 6):
            at(second)
            assert still_in(busy)
        at(7.5)
        assert not still_in(idle), "an idle session outlived session_idle_seconds"
        for second in (7.5, 9, 10.5):
            at(second)
            assert still_in(busy), "a session in use ended before its lifetime"
        # Used all along, it still ends at session_max_seconds after login.
        at(13.1)
        assert not still_in(busy), "a session outlived session_max_seconds"
        resp = busy.get(url("/account"), allow_redirects=False)
        assert resp.headers["Location"].startswith("/login?next=")


def test_default_lifetimes_keep_a_fresh_session():
    s = login("alice")
    assert still_in(s)
    assert not still_in(requests.Session())
