"""Helpers every check shares: a finding about a page, and finding a page from a built URL.

Built-site checks see HTML files and URLs; contributors edit Markdown. These
helpers turn a built URL back into the page's source file, and a piece of
text (an href, an image src) back into the line that holds it.
"""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

from hub.findings import ERROR, Finding, relpath


def finding(page, config, line: int, message: str, fix: str, check: str, severity: str = ERROR) -> Finding:
    return Finding(relpath(page.source, config.root), line, message, fix, severity, check)


def page_for_url(site, url_path: str):
    """The content page for a site-relative URL path such as 'guides/x/' or '/guides/x/index.html'."""
    return site.by_url.get(_normalise(unquote(urlsplit(url_path).path).lstrip("/")))


def _normalise(rel: str) -> str:
    for suffix in ("index.html", ".html"):
        if rel.endswith(suffix):
            rel = rel[: -len(suffix)]
            break
    return rel.rstrip("/")


def line_containing(page, *needles: str, default: int = 1) -> int:
    """The first file line of the page body that contains any of the needles (default if none does)."""
    for needle in needles:
        for i, text in enumerate(page.body.split("\n")):
            if needle and needle in text:
                return page.body_start + i
    return default
