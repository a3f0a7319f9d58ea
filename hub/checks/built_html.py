"""The built site's HTML pages, read once per build: ids, links, <h1> count and the content area's tags.

Several built-site checks need these facts; html.parser reads every page in
one pass (much quicker than building a tree of each page for each check), and
the result is kept on the site model so the checks share it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class BuiltPage:
    ids: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)
    h1: int = 0
    content_tags: list[tuple[str, list]] = field(default_factory=list)  # inside [data-hub-content]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = BuiltPage()
        self.stack: list[str] = []
        self.content_depth: int | None = None  # stack depth of the open [data-hub-content] element

    def handle_starttag(self, tag, attrs):
        self._facts(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)
            if self.content_depth is None and any(k == "data-hub-content" for k, _ in attrs):
                self.content_depth = len(self.stack)

    def handle_startendtag(self, tag, attrs):
        self._facts(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            if self.content_depth is not None and len(self.stack) <= self.content_depth:
                self.content_depth = None
            if self.stack.pop() == tag:
                break

    def _facts(self, tag, attrs):
        if self.content_depth is not None:
            self.page.content_tags.append((tag, attrs))
        if tag == "h1":
            self.page.h1 += 1
        for k, v in attrs:
            if k == "id" and v:
                self.page.ids.add(v)
            elif k == "name" and v and tag == "a":
                self.page.ids.add(v)
            elif k == "href" and v is not None and tag in ("a", "area"):
                self.page.hrefs.append(v)


def read(path: Path) -> BuiltPage:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return reader.page


def site_pages(site_dir: Path, site=None) -> dict[str, BuiltPage]:
    """URL (site-relative: 'guides/x/' for guides/x/index.html, or 'guides/x.html') -> BuiltPage.

    Pass the site model to share one reading between the checks of a build.
    """
    key = str(Path(site_dir).resolve())
    if site is not None and key in site.built_html:
        return site.built_html[key]
    site_dir = Path(site_dir)
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        page = read(path)
        pages[rel] = page
        if rel == "index.html" or rel.endswith("/index.html"):
            pages[rel[: -len("index.html")]] = page
    if site is not None:
        site.built_html.clear()  # one built site at a time: an earlier folder's pages are stale
        site.built_html[key] = pages
    return pages


def page_html(site_dir: Path, page, site=None) -> BuiltPage | None:
    """The built facts for a content page, with directory URLs (x/index.html) or offline ones (x.html)."""
    pages = site_pages(site_dir, site)
    if not page.url:
        return pages.get("")
    return pages.get(page.url) or pages.get(page.url.rstrip("/") + ".html")
