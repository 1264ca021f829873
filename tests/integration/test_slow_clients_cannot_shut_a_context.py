"""One client trickling uploads cannot take a context away from everyone
else: a request holds a place in its context's bound only once it is
handed to the pool, one address may hold only a few requests at all, and
a client that stops sending is cut off."""
import configparser
import socket
import threading
import time

import pytest

from conftest import BASE, VAR, api_session, get, login

ATTACKER = "127.0.0.2"  # 127.0.0.1 is the many test clients' shared address
HOST, PORT = BASE.split("//", 1)[1].split(":")


def setting(section, key):
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",))
    ini.read(VAR / "etc" / "roombook.ini")
    return int(ini[section][key])


def gateway_setting(key):
    return setting("gateway", key)


def slow_upload(path="/bookings"):
    """A POST from the attacker's address whose body never quite arrives."""
    s = socket.create_connection((HOST, int(PORT)), timeout=5,
                                 source_address=(ATTACKER, 0))
    s.sendall((f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\n"
               "Content-Type: application/x-www-form-urlencoded\r\n"
               "Content-Length: 100000\r\n\r\nt").encode())
    return s


def answered(s):
    """The status the gateway answered on s, or None while it waits."""
    s.setblocking(False)
    try:
        head = s.recv(64)
    except BlockingIOError:
        return None
    except ConnectionError:
        return "reset"
    finally:
        s.setblocking(True)
    return int(head.split()[1]) if head.startswith(b"HTTP/") else "closed"


@pytest.mark.full_speed
def test_slow_uploads_from_one_address_leave_the_site_to_everyone_else():
    per_client = gateway_setting("requests_per_client")
    booking_bound = gateway_setting("requests_per_worker") * setting("booking", "workers")
    held, refused = [], []
    stop = threading.Event()
    try:
        # More slow uploads than the booking context's whole bound.
        uploads = [slow_upload() for _ in range(booking_bound + 8)]
        time.sleep(1)  # the refusals are answered at once
        for s in uploads:
            (refused if answered(s) == 429 else held).append(s)
        assert len(held) <= per_client, f"{len(held)} held from one address"
        assert len(refused) >= booking_bound + 8 - per_client

        def trickle():  # a byte now and then: inside the body timeout
            while not stop.wait(3):
                for s in held:
                    try:
                        s.sendall(b"x")
                    except OSError:
                        pass
        threading.Thread(target=trickle, daemon=True).start()

        alice = login("alice")
        api = api_session("alice", "slow-upload witness")
        for _ in range(3):
            assert alice.get(BASE + "/").status_code == 200
            assert get("/login").status_code in (200, 303)
            assert api.get(BASE + "/api/bookings").status_code == 200
            health = get("/healthz")
            assert health.status_code == 200 and health.json()["status"] == "ok"
            time.sleep(2)
        # The uploads are still held: nothing above was answered for them.
        assert sum(answered(s) is None for s in held) == len(held)
    finally:
        stop.set()
        for s in held + refused:
            s.close()


@pytest.mark.full_speed
def test_a_client_that_stops_sending_its_body_is_cut_off():
    s = slow_upload()
    try:
        started = time.time()
        s.settimeout(20)
        try:
            data = s.recv(256)
        except ConnectionError:
            data = b""
        took = time.time() - started
        # client_body_timeout is 10 s; the connection ends soon after it
        # (a reset, or a 408 nobody reads) and frees the address's place.
        assert took < 15, f"held for {took:.1f} s"
        assert data == b"" or b" 408 " in data.split(b"\r\n", 1)[0]
    finally:
        s.close()
