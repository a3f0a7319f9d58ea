"""The "On this page" list: a page's sections, from its view and its rendered headings.

The plan decides whether a page has a list and what its layout adds above the body
(a contact page's ways to get in touch); the sections themselves are the rendered
page's h2 headings, so the list matches the ids the page really has.
"""
from __future__ import annotations

from html.parser import HTMLParser


def sections(view: dict, html: str) -> list[dict]:
    """[{id, text}] for each section, or [] when a list would not help (fewer than two sections)."""
    if not view["contents"]["show"]:
        return []
    found = [*view["contents"]["before"], *h2_sections(html)]
    return found if len(found) > 1 else []


def h2_sections(html: str) -> list[dict]:
    """The h2 headings as {id, text}. Read with the standard library's HTMLParser events, not a
    soup tree: this runs for every page, and only the h2 elements matter."""
    finder = _H2Finder()
    finder.feed(html or "")
    finder.close()
    return [{"id": hid, "text": " ".join("".join(parts).split())} for hid, parts in finder.found if hid]


class _H2Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[str]]] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.found.append((dict(attrs).get("id") or "", []))
            self._open = True
        elif self._open and tag == "br":
            self.found[-1][1].append(" ")

    def handle_endtag(self, tag):
        if tag == "h2":
            self._open = False

    def handle_data(self, data):
        if self._open:
            self.found[-1][1].append(data)
