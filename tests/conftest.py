"""Shared fixtures: a built copy of the real site, a loopback server, and headless Chromium.

Browser tests use Debian's /usr/bin/chromium through Playwright (no browser
download). Set HUB_CHROMIUM to use another binary.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from hub.checks.a11y import CHROMIUM, CHROMIUM_ARGS  # the browser every check, test and benchmark starts

ROOT = Path(__file__).resolve().parent.parent
# Tests are marked by what they use, so `-m fast`, `-m "not browser"` and `-m browser` mean what
# they say even when a test forgets its marker: Chromium makes a test `browser`, a full build
# of the real site makes it `slow`, and every other test is `fast`.
BROWSER_FIXTURES = {"browser", "page", "mobile_page"}
FULL_BUILD_FIXTURES = {"mkdocs_site", "pelican_site", "mkdocs_server", "pelican_server"}


@pytest.hookimpl(tryfirst=True)  # before -m chooses tests by marker
def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & FULL_BUILD_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if not any(item.get_closest_marker(name) for name in ("browser", "slow")):
            item.add_marker(pytest.mark.fast)


# Review-date checks compare with today; tests pin the date so they do not rot. It must not be
# earlier than the newest last_reviewed in content/, or the real site fails with "in the future".
os.environ.setdefault("HUB_TODAY", "2026-12-04")


@pytest.fixture(scope="session")
def hub_config():
    from hub import config

    return config.load(ROOT / "mkdocs.yml")


def build_into(out: Path, engine: str = "mkdocs", **kwargs) -> list:
    """Build the real content into `out` (checks included) and fail the test on any error."""
    from hub import config, pipeline
    from hub.findings import ERROR

    findings = pipeline.build(config.load(ROOT / "mkdocs.yml"), engine=engine, out=out, **kwargs)
    errors = [f.format() for f in findings if f.severity == ERROR]
    assert not errors, "build failed:\n" + "\n".join(errors)
    return findings


@pytest.fixture(scope="session")
def mkdocs_site(tmp_path_factory) -> Path:
    """The real content, built once per test session with the MkDocs engine (checks included)."""
    out = tmp_path_factory.mktemp("built") / "site"
    build_into(out, engine="mkdocs")
    return out


@pytest.fixture(scope="session")
def pelican_site(tmp_path_factory) -> Path:
    """The real content, built once per test session with the Pelican engine.

    The quality gates on the Pelican build run in CI as `build.py check --engine pelican --a11y`;
    here the engine's own output is what is tested, so the session stays fast.
    """
    out = tmp_path_factory.mktemp("pelican") / "site"
    build_into(out, engine="pelican", run_checks=False)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class LoopbackServer:
    """Serve a folder on 127.0.0.1 on a free port, in a background thread."""

    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def mkdocs_server(mkdocs_site):
    server = LoopbackServer(mkdocs_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def pelican_server(pelican_site):
    server = LoopbackServer(pelican_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (setup.sh --browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def mobile_page(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    yield pg
    context.close()
