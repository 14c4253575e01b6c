"""A small HTTP server on 127.0.0.1 that answers like a donor's website: a feed, a web page, a huge file, an error."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FILES = Path(__file__).parent / "feeds"


class DonorSite:
    """``url(name)`` serves ``tests/opportunities/feeds/<name>``; ``/huge.xml`` streams 3 MB; ``/gone`` is 404."""

    def __init__(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                site.requests.append(self.path)
                name = self.path.strip("/")
                if name == "huge.xml":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.end_headers()
                    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
                    self.wfile.write(head + b"<!--" + b"x" * (3 * 1024 * 1024) + b"-->")
                    return
                path = FILES / name
                if "/" in name or not path.is_file():
                    self.send_response(404)
                    self.end_headers()
                    return
                body = path.read_bytes()
                self.send_response(200)
                kind = "application/rss+xml" if name.endswith((".rss", ".xml")) else "text/html"
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/{name}"

    def __enter__(self) -> DonorSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
