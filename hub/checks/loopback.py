"""Serve a built site on 127.0.0.1 on a free port, for the checks that need a browser or a crawler."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        # LinkChecker slows itself to a few requests a second per host unless the
        # server names it in a header; this server is ours and local, so it may go fast.
        self.send_header("LinkChecker", "loopback")
        super().end_headers()

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a crawler or browser closing a connection early is not a problem with the site


class Loopback:
    """`with Loopback(folder) as url:` serves folder at url until the block ends."""

    def __init__(self, root: Path):
        handler = functools.partial(_Handler, directory=str(root))
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return self.url

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
