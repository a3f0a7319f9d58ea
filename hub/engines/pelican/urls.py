"""Where each page lives on the Pelican site: exactly where MkDocs puts it.

Both engines take a page's address from hub.content.model.url_for(), so links,
bookmarks and the search index do not depend on the engine. `offline` gives the
name.html form MkDocs writes with use_directory_urls: false.
"""
from __future__ import annotations

import posixpath

from hub.content.model import url_for
from hub.content.schema import FOLDERS

NEWS = next(folder for folder, t in FOLDERS.items() if t == "news")
NEWS_INDEX = f"{NEWS}/index.md"
# The news archive: a page Pelican makes from its articles (the MkDocs site has none).
ARCHIVE = f"{NEWS}/archive"


def page_url(src_path: str, offline: bool = False) -> str:
    """Site-relative URL: guides/x.md -> guides/x/ (offline: guides/x.html); index.md -> '' (offline: index.html)."""
    return url_for(src_path, offline)


def save_as(url: str) -> str:
    """The file a URL is served from: guides/x/ -> guides/x/index.html, '' -> index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def generated_url(name: str, offline: bool = False) -> str:
    """Pages the build makes (a-z, topics, news/archive) follow the same rule as content pages."""
    return page_url(name + ".md", offline)


def relative(target: str, from_url: str) -> str:
    """A link from the page at from_url to target (both site-relative URLs), as MkDocs writes them."""
    from_dir = posixpath.dirname(save_as(from_url))
    target_path, _, fragment = target.partition("#")
    is_dir = target_path == "" or target_path.endswith("/")
    rel = posixpath.relpath(target_path or ".", from_dir or ".")
    if is_dir:
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")
