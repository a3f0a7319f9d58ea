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
from html.parser import HTMLParser

from bs4 import BeautifulSoup, Tag

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


def content_html(html: str) -> str | None:
    """Just the element marked data-hub-content, cut out of the page without parsing it all.

    A page's header and navigation can be much larger than its content, so
    parsing whole pages would make indexing cost more than it needs to.
    None if the page has no such element.
    """
    at = html.find("data-hub-content")
    start = html.rfind("<", 0, at) if at >= 0 else -1
    name = re.match(r"<([a-zA-Z][\w-]*)", html[start:]) if start >= 0 else None
    if name is None:
        return None
    depth = 0
    for tag in re.finditer(rf"<(/?){name.group(1)}\b[^>]*>", html[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start:start + tag.end()]
    return None


def split_sections(html: str) -> list[Section]:
    """The page's sections in reading order; sections with no heading and no text are dropped."""
    content = content_html(html)
    if content is None:  # a template without the marker: find <article> or <main> the slow way
        root = content_root(BeautifulSoup(html, "html.parser"))
        if root is None:
            return []
        content = str(root)
    splitter = _Splitter()
    splitter.feed(content)
    splitter.close()
    return [s for s in splitter.sections if s.heading or s.text]


# Elements with no end tag: they hold no text, so they are never "open".
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}


class _Splitter(HTMLParser):
    """Reads the content element's tags and text in order (no tree is built: this runs on every page).

    The first element is the content element itself. Inside it, skipped elements
    are left out with everything in them; an h2 or h3 with an id starts a new
    section and its text becomes the heading; block elements separate words.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = [Section("", "")]
        self.open: list[tuple[str, str]] = []  # (tag, role): role is "skip", "heading", "block" or ""
        self.skipping = 0  # how many open elements are skipped
        self.heading: Section | None = None  # the section whose heading is being read

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if tag == "br" and not self.skipping and self.heading is None:
                self.sections[-1].parts.append(" ")
            return
        attrs = dict(attrs)
        if not self.open:
            role = ""  # the content element itself
        elif self.skipping or _skipped(tag, attrs):
            role = "skip"
            self.skipping += 1
        elif tag in SECTION_HEADINGS and attrs.get("id") and self.heading is None:
            role = "heading"
            self.heading = Section(attrs["id"], "")
        elif tag in BLOCK_TAGS and self.heading is None:
            role = "block"
            self._text(" ")
        else:
            role = ""
        self.open.append((tag, role))

    def handle_endtag(self, tag):
        if tag in _VOID or all(name != tag for name, _ in self.open):
            return  # a stray end tag, as a browser would ignore it
        while self.open:
            name, role = self.open.pop()
            if role == "skip":
                self.skipping -= 1
            elif role == "heading":
                self.heading.heading = _SPACE.sub(" ", "".join(self.heading.parts)).strip()
                self.heading.parts = []
                self.sections.append(self.heading)
                self.heading = None
            elif role == "block":
                self._text(" ")
            if name == tag:
                break

    def handle_data(self, data):
        if self.open and not self.skipping:
            self._text(data)

    def _text(self, text: str) -> None:
        (self.heading or self.sections[-1]).parts.append(text)


def _skipped(tag: str, attrs: dict) -> bool:
    if tag in SKIP_TAGS or tag == "h1":  # the page title is indexed from the content model
        return True
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    return bool(SKIP_CLASSES.intersection((attrs.get("class") or "").split()))
