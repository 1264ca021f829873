"""A FastCGI GET, as the gateway sends one, from whatever host runs it:
prints the answer's status line, or "refused" when the pool closes the
connection without answering.  Usage: fastcgi_get.py ADDRESS PORT PATH"""
import socket
import struct
import sys


def record(kind, content, request_id=1):
    return struct.pack(">BBHHBB", 1, kind, request_id, len(content), 0, 0) + content


def param(name, value):
    name, value = name.encode(), value.encode()
    return bytes([len(name), len(value)]) + name + value


def main():
    address, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    params = param("REQUEST_METHOD", "GET") + param("REQUEST_URI", path)
    request = (record(1, struct.pack(">HB5x", 1, 0)) + record(4, params) + record(4, b"")
               + record(5, b""))
    with socket.create_connection((address, port), timeout=5) as s:
        s.sendall(request)
        answer = b""
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            answer += chunk
    if len(answer) < 8:
        print("refused")
        return
    body = answer[8:8 + struct.unpack(">H", answer[4:6])[0]].decode("utf-8", "replace")
    print(body.splitlines()[0])


main()
