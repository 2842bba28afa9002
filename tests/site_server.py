"""Serve a built site on 127.0.0.1 the way GitHub Pages does: under a path prefix,
with 404.html for unknown paths and, when asked, gzip for text files."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import socket
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

# GitHub Pages serves Markdown as text; Python knows .md only where /etc/mime.types does.
mimetypes.add_type("text/markdown", ".md")

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def _handler(root: Path, prefix: str, compress: bool):
    class Handler(http.server.BaseHTTPRequestHandler):
        # Persistent connections, as GitHub Pages keeps them. The default, HTTP/1.0,
        # closes each connection after one response, so every stylesheet and script
        # would pay for a new connection that a reader's browser does not.
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep test output clean
            pass

        def do_GET(self):
            path = unquote(urlsplit(self.path).path)
            status, file = 404, root / "404.html"
            if path.startswith(prefix):
                candidate = (root / path[len(prefix):]).resolve()
                if candidate.is_dir():
                    if not path.endswith("/"):
                        self.send_response(301)
                        self.send_header("Location", path + "/")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    candidate = candidate / "index.html"
                if candidate.is_file() and root in candidate.parents:
                    status, file = 200, candidate
            body = file.read_bytes()
            self.send_response(status)
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith(("javascript", "json", "xml")) else ""))
            if compress and file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, mtime=0)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            # Lets LinkChecker crawl faster than its default 10 requests a second.
            self.send_header("LinkChecker", "crawl at will")
            self.end_headers()
            self.wfile.write(body)

    return Handler


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser may drop a connection it kept open at any time; that is no error.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(root: Path, prefix: str = "/", compress: bool = False, port: int = 0):
    """Yield the base URL of `root` served under `prefix` (on a free port by default)."""
    if not prefix.endswith("/"):
        prefix += "/"
    server = _Server(("127.0.0.1", port), _handler(Path(root).resolve(), prefix, compress))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
