"""Related pages: up to three other pages that share a page's topics, shown at its end.

Chosen from front matter alone, so both engines show the same pages in the same
order and two builds give the same bytes. Only content pages are suggested:
site pages (home, search, help) and generated pages (the A to Z, topics,
section pages) are ways to find pages, not pages to read next.
"""
from __future__ import annotations

import heapq

from . import schema
from .facts import topic_key
from .indexes import filing_title
from .model import Page, Site

LIMIT = 3


def topic_set(page: Page) -> set[str]:
    """The page's topics as the topic index files them (facts.topic_key)."""
    return {topic_key(t) for t in page.topics if topic_key(t)}


def related(page: Page, site: Site, limit: int = LIMIT) -> list[Page]:
    """Up to `limit` content pages sharing a topic with `page`, best first.

    Ranked by the number of topics shared, then pages of the same type (a guide
    leads to guides), then by title as the A to Z files it, then by file path, so
    the order never depends on the order files were read in.
    """
    mine = topic_set(page)
    if not mine or limit <= 0:
        return []
    # One more than wanted, in case the page itself is among the best.
    best = _best(site, frozenset(mine), page.type, limit + 1)
    return [other for other in best if other.src_path != page.src_path][:limit]


def _best(site: Site, topics: frozenset, page_type: str, count: int) -> list[Page]:
    """The best `count` pages for any page with these topics and type.

    Pages with the same topics and type share one answer, and only pages that share
    a topic are looked at, so a site of thousands of pages on a few topics is ranked
    in a few passes rather than every page against every other.
    """
    cache = site.__dict__.setdefault("_hub_related", {})
    key = (topics, page_type, count)
    if key not in cache:
        shared: dict[str, int] = {}
        for topic in topics:
            for other in _by_topic(site).get(topic, ()):
                shared[other.src_path] = shared.get(other.src_path, 0) + 1
        pages = {p.src_path: p for p in site.pages}
        ranked = heapq.nsmallest(count, shared.items(), key=lambda item: (
            -item[1], pages[item[0]].type != page_type, filing_title(pages[item[0]].title).casefold(), item[0]))
        cache[key] = [pages[src] for src, _ in ranked]
    return cache[key]


def _by_topic(site: Site) -> dict[str, list[Page]]:
    """topic -> the content pages that give it (never site pages or generated pages)."""
    index = site.__dict__.get("_hub_pages_by_topic")
    if index is None:
        index = {}
        for other in site.pages:
            if other.type in ("", schema.SITE_PAGE):
                continue
            for topic in topic_set(other):
                index.setdefault(topic, []).append(other)
        site.__dict__["_hub_pages_by_topic"] = index
    return index
