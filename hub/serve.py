"""`build.py serve`: preview either edition, reload the browser when a file changes, and show
content errors in the browser as well as the terminal.

Each rebuild runs the whole pipeline (hub/pipeline.py), so the preview shows exactly what
`check` would report, and a broken edit leaves the last good site being served, with the
errors listed at the top of every page until they are fixed. site/ is never touched.

The server is MkDocs' live-reload server: it serves a folder and tells open tabs when a
rebuild has finished. Two things are the hub's own. Its reload script is inline, which the
pages' Content Security Policy (rightly) refuses, so here it is served as a file that reads
its settings from data attributes. And a failed rebuild is never an exception, which would
leave the browser waiting for ever: it is a page of errors.
"""
from __future__ import annotations

import html
import shutil
import tempfile
import time
from pathlib import Path

from mkdocs import livereload

from hub import pipeline
from hub.findings import ERROR, Finding, report

EDITION_NAMES = {"pelican": "NHS.UK edition (Pelican)", "mkdocs": "Material edition (MkDocs)"}
PREVIEW_PATH = "/.hub-preview/"

# MkDocs' poller, less its last line, which called it inline with the page's numbers.
POLLER = livereload._SCRIPT_TEMPLATE_STR.rsplit("livereload(", 1)[0] + """;
(function () {
  var script = document.currentScript;
  livereload(Number(script.dataset.epoch), Number(script.dataset.request));
})();
"""

BANNER_CSS = """
.hub-preview-errors { margin: 0; padding: 16px 24px; background: #fff; color: #212b32;
  border: 6px solid #d5281b; font: 16px/1.5 system-ui, sans-serif; position: relative; z-index: 1000; }
.hub-preview-errors h2 { margin: 0 0 8px; font-size: 20px; }
.hub-preview-errors ol { margin: 0; padding-left: 24px; }
.hub-preview-errors code { font-family: ui-monospace, monospace; font-weight: bold; }
"""


def banner(problems: list[Finding]) -> str:
    """The errors as HTML, every part escaped: messages quote the contributor's own text."""
    if not problems:
        return ""
    items = "".join(
        f"<li><code>{html.escape(f.path)}{':' + str(f.line) if f.line else ''}</code> "
        f"{html.escape(f.message)}{' — ' + html.escape(f.fix) if f.fix else ''}</li>"
        for f in problems)
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return (f'<section class="hub-preview-errors" role="alert" aria-labelledby="hub-preview-errors-title">'
            f'<h2 id="hub-preview-errors-title">The last change was not published: {count} to fix</h2>'
            f"<p>You are seeing the last good version of the site. The same list is in the terminal.</p>"
            f"<ol>{items}</ol></section>")


class PreviewServer(livereload.LiveReloadServer):
    """MkDocs' live-reload server, with its script as a file and the last rebuild's errors on every page."""

    problems: list[Finding] = []

    def listen(self) -> tuple[str, int]:
        """Bind now, so the address (a free port, when asked for port 0) is known before serving."""
        self.server_bind()
        self.server_activate()
        return self.server_address[:2]

    def serve(self, *, open_in_browser=False):
        """MkDocs' serve(), less the binding, which listen() has done."""
        if self._watched_paths:
            self.observer.start()
        self.serve_thread.start()
        self._build_loop()

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        script = (f'<script src="{PREVIEW_PATH}livereload.js" data-epoch="{epoch}" '
                  f'data-request="{livereload._timestamp()}"></script>').encode()
        head_end = content.find(b"</head>")
        if head_end != -1:
            style = f'<link rel="stylesheet" href="{PREVIEW_PATH}preview.css">'.encode()
            content = content[:head_end] + style + content[head_end:]
        shown = banner(self.problems).encode()
        body = content.find(b"<body")
        body_open = content.find(b">", body) + 1 if body != -1 else 0
        content = content[:body_open] + shown + content[body_open:]
        end = content.rfind(b"</body>")
        end = end if end != -1 else len(content)
        return content[:end] + script + content[end:]

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        files = {PREVIEW_PATH + "livereload.js": ("application/javascript", POLLER),
                 PREVIEW_PATH + "preview.css": ("text/css", BANNER_CSS)}
        if path in files:
            kind, text = files[path]
            body = text.encode("utf-8")
            start_response("200 OK", [("Content-Type", f"{kind}; charset=utf-8"),
                                      ("Content-Length", str(len(body)))])
            return [body]
        return super()._serve_request(environ, start_response)

    def error_page(self, code: int) -> bytes:
        """Shown for an address with no page, and for every address before the first good build."""
        title = "Page not found" if code == 404 else "Server error"
        return (f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>'
                f'<link rel="stylesheet" href="{PREVIEW_PATH}preview.css"></head><body>'
                f"{banner(self.problems)}<h1>{title}</h1></body></html>").encode("utf-8")


def watched_paths(config) -> list[Path]:
    """What a rebuild depends on: the content, both themes, the search client and mkdocs.yml."""
    root = config.root
    return [config.content_dir, root / "theme", root / "search" / "client", root / "search" / "synonyms.yml",
            config.path]


def start(config, engine: str, host: str = "127.0.0.1", port: int = 8000, *, out: Path | None = None,
          stream=None) -> PreviewServer:
    """Build once, then start serving in the background; the caller runs `server.serve()` or stops it."""
    out = out or Path(tempfile.mkdtemp(prefix="hub-serve-")) / "site"

    def rebuild():
        started = time.perf_counter()
        findings = pipeline.build(config, engine=engine, out=out, record_addresses=True)
        report(findings, stream=stream)
        server.problems = [f for f in findings if f.severity == ERROR]
        state = "not published" if server.problems else "published"
        print(f"Rebuilt in {time.perf_counter() - started:.1f} s ({state}).", file=stream, flush=True)

    server = PreviewServer(builder=rebuild, host=host, port=port, root=str(out))
    server.error_handler = server.error_page
    server.listen()
    rebuild()
    out.mkdir(parents=True, exist_ok=True)  # so the server can start even if the first build failed
    for path in watched_paths(config):
        if path.exists():
            server.watch(str(path))
    return server


def serve(config, engine: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until Ctrl+C, then remove the preview's temporary folder."""
    preview = Path(tempfile.mkdtemp(prefix="hub-serve-"))
    server = start(config, engine, host, port, out=preview / "site")
    host, port = server.server_address[:2]
    print(f"\nServing the {EDITION_NAMES.get(engine, engine)} at http://{host}:{port}/\n"
          "It rebuilds and reloads your browser when a file in content/, theme/ or mkdocs.yml changes.\n"
          "Press Ctrl+C to stop.", flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        print("\nStopped.", flush=True)
    finally:
        server.shutdown()
        shutil.rmtree(preview, ignore_errors=True)
