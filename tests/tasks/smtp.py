"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the e-mail tests."""

import socket

from aiosmtpd.controller import Controller


class _Keep:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append({"to": list(envelope.rcpt_tos), "content": envelope.content.decode("utf-8", "replace")})
        return "250 OK"


class SMTPServer:
    """``with SMTPServer(port) as server:`` an SMTP server on 127.0.0.1:port; ``server.messages`` are received."""

    def __init__(self, port):
        self.handler = _Keep()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=port)

    @property
    def messages(self):
        return self.handler.messages

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def free_port():
    """A loopback port nothing listens on (bound, then released): the mail server is "down" there."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
