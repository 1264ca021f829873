#!/usr/bin/python3
"""A real SMTP server on loopback for the mail tests (Debian's aiosmtpd).

    smtp_sink.py PORT DIR

Each message it accepts is written to DIR/<n>.eml, its envelope's
recipients to DIR/<n>.rcpt.  A recipient whose address begins with
"refused" is refused for good (550), as a real server refuses an unknown
mailbox.
"""
import asyncio
import pathlib
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = len(list(folder.glob("*.eml")))
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refused"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        (self.folder / f"{n:06d}.rcpt").write_text("\n".join(envelope.rcpt_tos) + "\n")
        tmp = self.folder / f"{n:06d}.eml.tmp"
        tmp.write_bytes(envelope.original_content)
        tmp.rename(self.folder / f"{n:06d}.eml")
        return "250 OK: queued"


def main():
    port, folder = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("listening", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
