"""Rewrite links between content files the way MkDocs does, so Markdown written once works in both engines.

Contributors link to other pages by their file, e.g. [Using feedback](../guides/using-feedback.md),
and to images by their path. MkDocs turns these into links relative to the page's URL; Pelican
would leave them as they are, so this Markdown extension does the same rewriting for Pelican.
"""
from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .urls import page_url, relative


class LinkRewriter(Treeprocessor):
    def __init__(self, md, ext: "ContentLinks"):
        super().__init__(md)
        self.ext = ext

    def run(self, root):
        for el in root.iter():
            attr = {"a": "href", "img": "src"}.get(el.tag)
            if attr and el.get(attr):
                el.set(attr, self.ext.rewrite(el.get(attr)))
        return None


class ContentLinks(Extension):
    """Set `src_path` before converting each file; unknown .md targets are recorded in `missing`."""

    def __init__(self, src_paths: set[str], offline: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.src_paths = src_paths
        self.offline = offline
        self.src_path = ""
        self.missing: list[tuple[str, str]] = []

    def extendMarkdown(self, md):
        # After inline patterns have made the <a> and <img> elements.
        md.treeprocessors.register(LinkRewriter(md, self), "hub_content_links", 5)

    def rewrite(self, link: str) -> str:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith(("/", "#")) or not parts.path:
            return link
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src_path), parts.path))
        if target.startswith("../"):
            return link
        if target.endswith(".md"):
            if target not in self.src_paths:
                self.missing.append((self.src_path, link))
                return link
            url = page_url(target, self.offline)
        elif parts.path.endswith("/"):
            return link  # already a URL, as MkDocs leaves it
        else:
            url = target  # an image or download, copied to the same path
        here = page_url(self.src_path, self.offline)
        return relative(url + (f"#{parts.fragment}" if parts.fragment else ""), here)
