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
    """Up to `limit` content pages sharing a topic with `page`, best first (site.related_index ranks them)."""
    return site.related_index.related(page, limit)


class RelatedIndex:
    """Which current content pages give each topic, and the best pages for each set of topics.

    Ranked by the number of topics shared, then pages of the same type (a guide leads
    to guides), then by title as the A to Z files it, then by file path, so the order
    never depends on the order files were read in. Withdrawn pages are never suggested.
    Pages with the same topics and type share one answer, and only pages that share a
    topic are looked at, so a site of thousands of pages on a few topics is ranked in a
    few passes rather than every page against every other.
    """

    def __init__(self, site: Site):
        self.pages = {p.src_path: p for p in site.current}
        self.by_topic: dict[str, list[Page]] = {}
        for other in site.current:
            if other.type in ("", schema.SITE_PAGE):
                continue
            for topic in topic_set(other):
                self.by_topic.setdefault(topic, []).append(other)
        self._best: dict[tuple, list[Page]] = {}

    def related(self, page: Page, limit: int = LIMIT) -> list[Page]:
        mine = topic_set(page)
        if not mine or limit <= 0:
            return []
        # One more than wanted, in case the page itself is among the best.
        best = self.best(frozenset(mine), page.type, limit + 1)
        return [other for other in best if other.src_path != page.src_path][:limit]

    def best(self, topics: frozenset, page_type: str, count: int) -> list[Page]:
        key = (topics, page_type, count)
        if key not in self._best:
            shared: dict[str, int] = {}
            for topic in topics:
                for other in self.by_topic.get(topic, ()):
                    shared[other.src_path] = shared.get(other.src_path, 0) + 1
            pages = self.pages
            ranked = heapq.nsmallest(count, shared.items(), key=lambda item: (
                -item[1], pages[item[0]].type != page_type, filing_title(pages[item[0]].title).casefold(), item[0]))
            self._best[key] = [pages[src] for src, _ in ranked]
        return self._best[key]
