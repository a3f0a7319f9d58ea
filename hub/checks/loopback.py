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

    def translate_path(self, path):
        # The site is served under its real path (site_url's, such as /hub/), because
        # some pages (404.html) use absolute links that only work there.
        prefix = self.server.prefix
        if not path.startswith(prefix):
            return str(Path(self.directory) / ".hub-outside-the-site")
        return super().translate_path("/" + path[len(prefix):])


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a crawler or browser closing a connection early is not a problem with the site


def site_prefix(config) -> str:
    """The path part of site_url ('/hub/' for https://example.github.io/hub/)."""
    from urllib.parse import urlsplit

    return urlsplit(getattr(config, "site_url", "") or "/").path or "/"


class Loopback:
    """`with Loopback(folder, "/hub/") as url:` serves folder at url until the block ends."""

    def __init__(self, root: Path, prefix: str = "/"):
        handler = functools.partial(_Handler, directory=str(root))
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.httpd.prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{self.httpd.prefix}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return self.url

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
