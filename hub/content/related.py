"""Related pages: up to three other pages that share a page's topics, shown at its end.

Chosen from front matter alone, so both engines show the same pages in the same
order and two builds give the same bytes. Only content pages are suggested:
site pages (home, search, help) and generated pages (the A to Z, topics,
section pages) are ways to find pages, not pages to read next.
"""
from __future__ import annotations

from . import schema
from .indexes import filing_title
from .model import Page, Site

LIMIT = 3


def topic_set(page: Page) -> set[str]:
    """Topics as the topic index files them: 'Co-production ' and 'co-production' are one topic."""
    return {str(t).strip().lower() for t in page.topics if str(t).strip()}


def related(page: Page, site: Site, limit: int = LIMIT) -> list[Page]:
    """Up to `limit` content pages sharing a topic with `page`, best first.

    Ranked by the number of topics shared, then pages of the same type (a guide
    leads to guides), then by title as the A to Z files it, then by file path, so
    the order never depends on the order files were read in.
    """
    mine = topic_set(page)
    if not mine or limit <= 0:
        return []
    scored = []
    for other in site.pages:
        if other.src_path == page.src_path or other.type in ("", schema.SITE_PAGE):
            continue
        shared = len(mine & topic_set(other))
        if shared:
            scored.append((-shared, other.type != page.type, filing_title(other.title).casefold(),
                           other.src_path, other))
    scored.sort(key=lambda s: s[:4])
    return [s[-1] for s in scored[:limit]]
