"""Split a built HTML page into the sections search indexes.

One section for the text before the first heading (it links to the page
itself), then one per h2/h3 with an id (it links to that heading), so a
result can take the reader straight to the part of the page that matched.
Only the page's own content is read: the element with `data-hub-content`,
falling back to <article> or <main> for templates that lack it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

SECTION_HEADINGS = ("h2", "h3")
# Not text a reader would search for: scripts, styles, forms and permalink symbols.
SKIP_TAGS = {"script", "style", "noscript", "template", "form", "button", "svg", "nav"}
SKIP_CLASSES = {"headerlink", "hub-search-ignore"}
BLOCK_TAGS = {"p", "li", "dt", "dd", "td", "th", "div", "section", "blockquote", "pre", "br",
              "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "tr", "details", "summary"}
_SPACE = re.compile(r"\s+")


@dataclass
class Section:
    anchor: str  # id of the heading, "" for the text before the first heading
    heading: str
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _SPACE.sub(" ", "".join(self.parts)).strip()


def content_root(soup: BeautifulSoup) -> Tag | None:
    return soup.find(attrs={"data-hub-content": True}) or soup.find("article") or soup.find("main")


def content_html(html: str) -> str:
    """Just the element marked data-hub-content, cut out of the page without parsing it all.

    A page's header and navigation can be hundreds of times larger than its
    content on a big site (Material lists every page in the navigation), so
    parsing whole pages would make indexing grow with the square of the site.
    """
    at = html.find("data-hub-content")
    start = html.rfind("<", 0, at) if at >= 0 else -1
    name = re.match(r"<([a-zA-Z][\w-]*)", html[start:]) if start >= 0 else None
    if name is None:
        return html
    depth = 0
    for tag in re.finditer(rf"<(/?){name.group(1)}\b[^>]*>", html[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start:start + tag.end()]
    return html


def split_sections(html: str) -> list[Section]:
    """The page's sections in reading order; sections with no heading and no text are dropped."""
    soup = BeautifulSoup(content_html(html), "html.parser")
    root = content_root(soup)
    if root is None:
        return []
    sections = [Section("", "")]
    _walk(root, sections)
    return [s for s in sections if s.heading or s.text]


def _skipped(tag: Tag) -> bool:
    if tag.name in SKIP_TAGS or tag.name == "h1":  # the page title is indexed from the content model
        return True
    if tag.get("hidden") is not None or tag.get("aria-hidden") == "true":
        return True
    return bool(SKIP_CLASSES.intersection(tag.get("class") or ()))


def _walk(node: Tag, sections: list[Section]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not comments, CDATA or doctype
                sections[-1].parts.append(str(child))
            continue
        if not isinstance(child, Tag) or _skipped(child):
            continue
        if child.name in SECTION_HEADINGS and child.get("id"):
            sections.append(Section(child["id"], _heading_text(child)))
            continue
        if child.name in BLOCK_TAGS:
            sections[-1].parts.append(" ")
        _walk(child, sections)
        if child.name in BLOCK_TAGS:
            sections[-1].parts.append(" ")


def _heading_text(tag: Tag) -> str:
    parts: list[str] = []

    def collect(node: Tag) -> None:
        for child in node.children:
            if type(child) is NavigableString:
                parts.append(str(child))
            elif isinstance(child, Tag) and not _skipped(child):
                collect(child)

    collect(tag)
    return _SPACE.sub(" ", "".join(parts)).strip()
