"""A tiny real SMTP server on loopback for the outbox tests (Python 3.12 removed ``smtpd``; ``aiosmtpd`` is not
a dependency). It speaks enough SMTP for Django's SMTP backend and keeps the messages it receives."""

import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.reply("220 localhost test SMTP")
        data_lines = None
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if data_lines is not None:
                if line == ".":
                    self.server.messages.append("\n".join(data_lines))
                    data_lines = None
                    self.reply("250 OK queued")
                else:
                    data_lines.append(line[1:] if line.startswith("..") else line)
                continue
            command = line[:4].upper()
            if command in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif command in ("MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif command == "DATA":
                data_lines = []
                self.reply("354 End data with <CR><LF>.<CR><LF>")
            elif command == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.messages = []
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self):
        return self.server_address[1]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
        self.thread.join()


def closed_port():
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
