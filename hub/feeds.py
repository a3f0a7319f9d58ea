"""The Atom feed of news and events, made from the content model.

Used by both engines. Dates come only from front matter (published and
last_reviewed), never from the clock, so the feed is the same bytes on every
build of the same content.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import Callable

from feedgenerator import Atom1Feed

FEED_PATH = "news/feed.xml"
# If there is no news at all, the feed still needs an <updated> date; any fixed date will do.
EMPTY_FEED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


class _StableAtomFeed(Atom1Feed):
    """feedgenerator falls back to 'now' for an empty feed; a build must not depend on the clock."""

    def latest_post_date(self):
        return super().latest_post_date() if self.items else EMPTY_FEED_DATE


def _datetime(d: dt.date | None) -> dt.datetime | None:
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc) if d else None


def news_items(site) -> list:
    """News pages, newest first; ties broken by title so the order never changes."""
    news = [p for p in site.pages if p.type == "news"]
    return sorted(news, key=lambda p: (p.date("published") or dt.date.min, p.title), reverse=True)


def atom(site, *, site_name: str, site_url: str, page_url: Callable[[object], str],
         feed_url: str, language: str = "en-GB", include: Callable[[object], bool] = lambda page: True) -> bytes:
    """The feed as UTF-8 bytes; `page_url(page)` gives a page's absolute URL in this build, and
    `include(page)` says whether a news page is listed (withdrawn news is not)."""
    feed = _StableAtomFeed(
        title=feed_title(site_name),
        link=site_url,
        description="News and events from the " + site_name,
        language=language,
        feed_url=feed_url,
        author_name=site_name,
    )
    for page in filter(include, news_items(site)):
        published = _datetime(page.date("published"))
        reviewed = _datetime(page.date("last_reviewed"))
        url = page_url(page)
        feed.add_item(
            title=page.title,
            link=url,
            unique_id=url,
            description=page.summary,
            pubdate=published,
            updateddate=max(d for d in (published, reviewed) if d) if (published or reviewed) else None,
            categories=[str(t) for t in page.topics],
        )
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue().encode("utf-8")


def feed_title(site_name: str) -> str:
    return f"{site_name}: news and events"

