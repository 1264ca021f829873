"""The gateway limits login attempts per client address with a clear 429."""
import configparser
import socket
import time
from concurrent.futures import ThreadPoolExecutor

from conftest import BASE, VAR, get, raw_request

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


def test_a_client_at_its_request_limit_still_gets_the_page_that_says_why():
    """nginx checks the login rate before the per-client limit; a refused
    login's page must not then be refused by the per-client limit, which
    would answer nginx's bare 429 page instead of ours."""
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",))
    ini.read(VAR / "etc" / "roombook.ini")
    per_client = int(ini["gateway"]["requests_per_client"])
    host, port = BASE.split("//", 1)[1].split(":")
    held = []
    try:
        for _ in range(per_client):  # uploads that never finish
            s = socket.create_connection((host, int(port)), timeout=5,
                                         source_address=("127.0.0.3", 0))
            s.sendall((f"POST /bookings HTTP/1.1\r\nHost: {host}\r\n"
                       "Content-Type: application/x-www-form-urlencoded\r\n"
                       "Content-Length: 1000\r\n\r\nroom=").encode())
            held.append(s)
        time.sleep(0.3)
        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(
                lambda _: raw_request("POST", "/login", body="login=alice&password=guess",
                                      headers=FORM, source="127.0.0.3"), range(80)))
    finally:
        for s in held:
            s.close()
    assert {a.status_code for a in answers} == {429}
    bare = [a.text for a in answers if "sending requests too quickly" not in a.text]
    assert not bare, bare[0]
