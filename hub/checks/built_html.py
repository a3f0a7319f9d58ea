"""The built site's HTML pages, read once: each page's ids and link targets.

html.parser is quick enough to read every page of a large site in a second or two.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class BuiltPage:
    ids: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = BuiltPage()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id" and v:
                self.page.ids.add(v)
            elif k == "name" and v and tag == "a":
                self.page.ids.add(v)
            elif k == "href" and v is not None and tag in ("a", "area"):
                self.page.hrefs.append(v)

    handle_startendtag = handle_starttag


def read(path: Path) -> BuiltPage:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return reader.page


def site_pages(site_dir: Path) -> dict[str, BuiltPage]:
    """URL (site-relative, 'guides/x/' for guides/x/index.html, or 'guides/x.html') -> BuiltPage."""
    site_dir = Path(site_dir)
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        page = read(path)
        pages[rel] = page
        if rel == "index.html" or rel.endswith("/index.html"):
            pages[rel[: -len("index.html")]] = page
    return pages
