"""A local SMTP server for CI: saves each message it receives as a file.

    python .ci/smtp_sink.py OUTBOX_DIR PORT_FILE

Listens on a free port of 127.0.0.1, writes the port to PORT_FILE once it accepts
connections, and stores every message as OUTBOX_DIR/<n>.eml until it is stopped.
"""

import signal
import socket
import sys
import threading
from pathlib import Path

from aiosmtpd.controller import Controller


class SaveToDirectory:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        (self.directory / f"{self.count}.eml").write_bytes(envelope.content)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(outbox, port_file):
    Path(outbox).mkdir(parents=True, exist_ok=True)
    controller = Controller(
        SaveToDirectory(outbox),
        hostname="127.0.0.1",
        port=free_port(),
        ready_timeout=30,
    )
    controller.start()
    Path(port_file).write_text(str(controller.port))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *args: stop.set())
    signal.signal(signal.SIGINT, lambda *args: stop.set())
    while not stop.wait(1):
        pass
    controller.stop()


if __name__ == "__main__":
    main(*sys.argv[1:3])
