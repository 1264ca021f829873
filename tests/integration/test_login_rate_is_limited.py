"""The gateway limits login attempts per client address with a clear 429."""
from concurrent.futures import ThreadPoolExecutor

from conftest import get, raw_request

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def attempt(_):
    # From another loopback address, so the other tests' logins don't count.
    return raw_request("POST", "/login", body="login=alice&password=guess",
                       headers=FORM, source="127.0.0.2")


def test_a_burst_of_login_attempts_gets_429():
    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(attempt, range(120)))
    codes = [a.status_code for a in answers]
    assert codes.count(429) > 0, codes
    # The ones let through were refused for their missing form token.
    assert set(codes) <= {403, 429}
    limited = next(a for a in answers if a.status_code == 429)
    assert "sending requests too quickly" in limited.text
    # Other clients, and reading the form, are not affected.
    assert get("/login").status_code == 200


def test_password_changes_share_the_limit():
    def change(_):
        return raw_request("POST", "/account/password", body="current_password=guess",
                           headers=FORM, source="127.0.0.2")

    with ThreadPoolExecutor(max_workers=16) as pool:
        codes = [a.status_code for a in pool.map(change, range(120))]
    assert codes.count(429) > 0, codes
