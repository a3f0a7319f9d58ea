"""Pages made from the content itself: the A to Z, the topic index and section pages.

These are the way to find things without JavaScript, so they are plain lists
of links. Everything here returns plain data or Markdown text (never engine
objects), so the MkDocs hooks and the Pelican engine generate the same pages.

A generated page has the same front matter as a written one, with review dates
taken from the pages it lists, so the output depends only on the content and
two builds give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import dataclass
from typing import Callable

from . import schema
from .facts import anchor, topic_key, topic_label

A_TO_Z = "a-z.md"
TOPICS = "topics.md"
NEWS_ARCHIVE = "news/archive.md"

# Links in generated Markdown: (target src_path, src_path of the page linking) -> link text.
# The default is a relative path to the Markdown file, which MkDocs resolves to the page's URL.
Linker = Callable[[str, str], str]


def relative_link(target: str, source: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


@dataclass(frozen=True)
class Entry:
    title: str
    summary: str
    src_path: str
    type_label: str


@dataclass(frozen=True)
class Generated:
    """A page the build writes itself: where it goes, its front matter and its Markdown body."""
    src_path: str
    meta: dict
    body: str

    def text(self) -> str:
        return markdown_file(self.meta, self.body)


def markdown_file(meta: dict, body: str) -> str:
    """A page as a Markdown file with YAML front matter, as a contributor would write it."""
    import yaml

    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=None)
    return f"---\n{head}---\n\n{body}"


def listed_pages(site) -> list:
    """Pages the indexes list: current content (not withdrawn), except site pages (home, search, indexes)."""
    return [p for p in site.current if p.type != schema.SITE_PAGE]


def _entry(page) -> Entry:
    return Entry(page.title, page.summary, page.src_path, schema.TYPE_LABELS.get(page.type, ""))


def filing_title(title: str) -> str:
    """The words a title is filed under: 'The Friends and Family Test' goes under F, as in a
    printed index, because that is where people look for it."""
    words = title.split(" ", 1)
    return words[1] if len(words) == 2 and words[0].lower() == "the" else title


def _sort_key(title: str) -> tuple:
    return (filing_title(title).casefold(), title)


def letter_for(title: str) -> str:
    """The A to Z heading a title goes under: its first letter, or '0–9' for numbers."""
    for ch in filing_title(title):
        if ch.isalpha():
            return ch.upper()
        if ch.isdigit():
            return "0–9"
    return "#"


def a_to_z(site) -> list[tuple[str, list[Entry]]]:
    """[(letter, entries sorted by title)], letters in order, only letters that have pages."""
    groups: dict[str, list[Entry]] = {}
    for page in listed_pages(site):
        groups.setdefault(letter_for(page.title), []).append(_entry(page))
    order = sorted(groups, key=lambda k: (not k.isalpha(), k))
    return [(k, sorted(groups[k], key=lambda e: _sort_key(e.title))) for k in order]


def by_topic(site) -> list[tuple[str, list[Entry]]]:
    """[(topic, entries)] for every topic used in front matter, topics and entries sorted.

    A site page is listed under any topics it gives too: every page shows its topics as
    links to this index, so each of them must have a heading here.
    """
    groups: dict[str, list[Entry]] = {}
    for page in site.current:
        for topic in page.topics:
            groups.setdefault(topic_key(topic), []).append(_entry(page))
    return [(t, sorted(groups[t], key=lambda e: _sort_key(e.title))) for t in sorted(groups)]


def review_dates(pages) -> tuple[dt.date, dt.date]:
    """A generated page was last reviewed when the newest page it lists was; due a year later."""
    dates = [d for d in (p.date("last_reviewed") for p in pages) if d]
    last = max(dates) if dates else dt.date(2000, 1, 1)
    return last, _year_after(last)


def _year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _list(entries: list[Entry], source: str, link: Linker) -> list[str]:
    lines = []
    for e in entries:
        summary = f": {e.summary}" if e.summary else ""
        lines.append(f"- [{_escape(e.title)}]({link(e.src_path, source)}) ({e.type_label}){_escape(summary)}")
    return lines


# The characters Python-Markdown lets a backslash escape; a backslash before any other
# character would be shown as it is.
MARKDOWN_ESCAPABLE = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def _escape(text: str) -> str:
    """A title or summary as Markdown that renders to exactly that text, never to markup.

    `<`, `>` and `&` become character references (Markdown passes them through, so the
    reader sees the character); Markdown's own punctuation is backslash-escaped, so no
    title can make a link, emphasis or an attribute list; and line breaks become spaces,
    because a new line could start a new block (a heading, a list, an abbreviation).
    """
    one_line = " ".join(str(text).split())
    return MARKDOWN_ESCAPABLE.sub(r"\\\1", html.escape(one_line, quote=False))


def _meta(title: str, summary: str, pages) -> dict:
    last, nxt = review_dates(pages)
    return {
        "title": title,
        "summary": summary,
        "type": schema.SITE_PAGE,
        "last_reviewed": last.isoformat(),
        "next_review": nxt.isoformat(),
        # Lists of links to other pages: search would only repeat their titles.
        "search": {"exclude": True},
    }


def a_to_z_page(site, link: Linker = relative_link) -> Generated:
    groups = a_to_z(site)
    body = ["Every page on the hub, in order of title. Choose a letter to jump to it.", ""]
    if groups:
        body += [" · ".join(f"[{k}](#{_letter_id(k)})" for k, _ in groups), ""]
    else:
        body += ["There are no pages yet.", ""]
    for letter, entries in groups:
        body += [f"## {letter} {{ #{_letter_id(letter)} }}", ""] + _list(entries, A_TO_Z, link) + [""]
    return Generated(A_TO_Z, _meta("A to Z", "Every page on the hub, listed by title from A to Z.",
                                   listed_pages(site)), "\n".join(body))


def _letter_id(letter: str) -> str:
    return "letter-" + ("numbers" if letter == "0–9" else anchor(letter))


def topics_page(site, link: Linker = relative_link) -> Generated:
    groups = by_topic(site)
    body = ["Pages on the hub grouped by topic. A page can be under more than one topic.", ""]
    if groups:
        body += [f"- [{_escape(topic_label(t))}](#topic-{anchor(t)}) ({len(es)})" for t, es in groups] + [""]
    else:
        body += ["There are no pages yet.", ""]
    for topic, entries in groups:
        body += [f"## {_escape(topic_label(topic))} {{ #topic-{anchor(topic)} }}", ""]
        body += _list(entries, TOPICS, link) + [""]
    return Generated(TOPICS, _meta("Topics", "Every page on the hub, grouped by topic.",
                                   listed_pages(site)), "\n".join(body))


def section_pages(site, section, link: Linker = relative_link) -> list[Generated]:
    """A landing page for each content folder with current pages: what its breadcrumb and tab lead to.

    `section(folder)` gives its title and summary (hub.config.Section, from extra.hub.sections).
    """
    out = []
    for folder, page_type in schema.FOLDERS.items():
        src = f"{folder}/index.md"
        pages = sorted((p for p in site.current if p.type == page_type), key=lambda p: _sort_key(p.title))
        if page_type == "news":  # newest first
            pages.sort(key=lambda p: p.date("published") or dt.date.min, reverse=True)
        if not pages:
            continue
        info = section(folder)
        body = [_escape(info.summary), ""] + _list([_entry(p) for p in pages], src, link) + [""]
        out.append(Generated(src, _meta(info.title, info.summary, pages), "\n".join(body)))
    return out


def news_archive_page(site) -> Generated | None:
    """Every current news item with its dates, newest first: drawn by each theme's news-archive.html
    from the page's view (its `entries`), so the body is empty."""
    news = [p for p in site.current if p.type == "news"]
    if not news:
        return None
    meta = _meta("News archive", "Every news item and event on the hub, newest first, with the date it was published.",
                 news)
    return Generated(NEWS_ARCHIVE, meta, "")


def gone_page(src_path: str, removed: dt.date, title: str, instead: tuple[str, str] | None,
              link: Linker = relative_link) -> Generated:
    """The page left at the address of a page removed with no replacement (extra.hub.gone).
    `instead` is (src_path, title) of a page to look at instead, or None."""
    from .facts import long_date

    what = f"The page “{_escape(title)}” was" if title else "The page that was at this address was"
    body = [f"{what} removed on {long_date(removed)}. It is no longer part of the hub.", ""]
    if instead:
        body += [f"You may find what you need in [{_escape(instead[1])}]({link(instead[0], src_path)}).", ""]
    body += [f"You can also search the hub, or look for a page in the [A to Z]({link(A_TO_Z, src_path)}) "
             f"or by [topic]({link(TOPICS, src_path)}).", ""]
    # No review dates: there is nothing left to review, so the page does not say when it was.
    meta = {"title": "This page has been removed", "summary": "The page that was at this address has been removed.",
            "type": schema.SITE_PAGE, "search": {"exclude": True}}
    return Generated(src_path, meta, "\n".join(body))
