"""Fetching pages from a running preview (`build.py serve`) in tests, and waiting for them."""
from __future__ import annotations

import time
import urllib.error
import urllib.request


def fetch(url: str) -> str:
    """The page's text; an error page's text too, so a test can wait for it to go."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.read().decode("utf-8")


def wait_for(url: str, check, seconds: float = 90) -> str:
    """The page once `check(text)` holds; the server may still be starting or rebuilding."""
    deadline, last = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if check(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"not served after {seconds}s; last response: {last[:500]}")
