"""Rewrite links between content files the way MkDocs does, so Markdown written once works in both engines.

Contributors link to other pages by their file, e.g. [Using feedback](../guides/using-feedback.md),
and to images by their path. MkDocs turns these into links relative to the page's URL; Pelican
would leave them as they are, so this Markdown extension does the same rewriting for Pelican,
with each page's address from the site plan. A link to a file that is not a page is left as
it is: the links check reports it, with its line.
"""
from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from hub.plan import relative


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
    """Set `src_path` before converting each file."""

    def __init__(self, plan, **kwargs):
        super().__init__(**kwargs)
        self.plan = plan
        self.src_path = ""

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
            if target not in self.plan.by_src:
                return link
            url = self.plan.by_src[target].url
        elif parts.path.endswith("/"):
            return link  # already a URL, as MkDocs leaves it
        else:
            url = target  # an image or download, copied to the same path
        here = self.plan.by_src[self.src_path].url
        return relative(url + (f"#{parts.fragment}" if parts.fragment else ""), here)
