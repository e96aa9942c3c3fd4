"""A real HTTP server on loopback that serves generated images for ``--fetch-media``, and logs each request."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image


def picture(width, height, colour=(40, 90, 130), fmt="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format=fmt)
    return buffer.getvalue()


BIMTEK = "/img/b/R29vZ2xl/AVvXsE/{size}/bimtek-tahap-i.jpg"


class ImageServer:
    """``ImageServer()`` serves ``files`` (path -> bytes); ``/flaky/…`` fails twice before answering,
    ``/down/…`` always fails, anything else is a 404. ``requests`` lists the paths asked for, in order."""

    def __init__(self):
        self.files = {
            BIMTEK.format(size="s320"): picture(32, 20),
            BIMTEK.format(size="s1600"): picture(160, 100),
            "/foto/sama-a.png": picture(50, 50, (200, 10, 10), "PNG"),
            "/foto/sama-b.png": picture(50, 50, (200, 10, 10), "PNG"),
            "/flaky/peta.png": picture(40, 40, (10, 200, 10), "PNG"),
            "/foto/bukan-gambar.jpg": b"<html>bukan gambar</html>",
            "/foto/bom.png": picture(3000, 3000, (0, 0, 0), "PNG"),  # 9 megapixels in a few kilobytes
            "/foto/besar.jpg": b"\xff\xd8" + b"\0" * 300_000,
        }
        self.requests = []
        self.failures = {}
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                owner.requests.append(self.path)
                body = owner.files.get(self.path)
                if self.path.startswith("/down/") or (
                    self.path.startswith("/flaky/") and owner.failures.setdefault(self.path, 0) < 2
                ):
                    owner.failures[self.path] = owner.failures.get(self.path, 0) + 1
                    self.send_response(503)
                    self.end_headers()
                    return
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
