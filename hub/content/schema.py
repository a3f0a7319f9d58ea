"""The content model: which front matter keys each type of page has.

One folder per content type under content/. The folder decides the type and
the page's `type:` key must agree, so a page moved between folders is noticed.
CONTRIBUTING.md documents every key here; keep the two in step.
"""
from __future__ import annotations

from dataclasses import dataclass

# folder under content/ -> type name. Files directly in content/ are site pages.
FOLDERS = {
    "guides": "guide",
    "principles": "principle",
    "commitments": "commitment",
    "contact": "contact",
    "news": "news",
}
SITE_PAGE = "page"
TYPES = tuple(FOLDERS.values()) + (SITE_PAGE,)

# Labels people read, used by layouts, indexes and search results.
TYPE_LABELS = {
    "guide": "Guide",
    "principle": "Co-production principle",
    "commitment": "Carer commitment",
    "contact": "Contact route",
    "news": "News and events",
    "page": "Page",
}

AUDIENCES = ("public", "staff")

# Kinds of contact channel a contact route can list, and how each is linked.
CHANNEL_KINDS = ("phone", "email", "web", "text_relay", "bsl", "interpreter", "textphone", "post")

SUMMARY_MAX = 200


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text | date | audience | topics | channels | event | search | hide
    required: bool
    help: str


COMMON = (
    Field("title", "text", True, "the page title, shown as its main heading"),
    Field("summary", "text", True, "one sentence saying what the page is for; used in search results and as the meta description"),
    Field("type", "type", True, "the content type; must match the folder the file is in"),
    Field("audience", "audience", True, "who the page is for: a list of public and/or staff"),
    Field("topics", "topics", True, "a list of topics, used for the topic index and search"),
    Field("last_reviewed", "date", True, "when the page was last checked, as YYYY-MM-DD"),
    Field("next_review", "date", True, "when the page must be checked again, as YYYY-MM-DD"),
    Field("search", "search", False, "search tuning: {boost: 2} ranks the page higher, {exclude: true} leaves it out"),
    Field("hide", "hide", False, "parts of the layout to hide on this page: navigation, toc"),
)

BY_TYPE = {
    "guide": (),
    "principle": (),
    "commitment": (),
    "contact": (
        Field("channels", "channels", True, "the ways to get in touch: a list of {kind, label, value, note}"),
    ),
    "news": (
        Field("published", "date", True, "the date the news item was published, as YYYY-MM-DD"),
        Field("event", "event", False, "for events: {start: YYYY-MM-DD, end: YYYY-MM-DD}"),
    ),
    # Site pages (home, indexes, search) need less: they are not guidance.
    "page": (),
}

# Keys a site page may leave out.
OPTIONAL_ON_SITE_PAGES = {"audience", "topics"}


def fields_for(page_type: str) -> dict[str, Field]:
    fields = {f.name: f for f in COMMON + BY_TYPE.get(page_type, ())}
    if page_type == SITE_PAGE:
        for name in OPTIONAL_ON_SITE_PAGES:
            f = fields[name]
            fields[name] = Field(f.name, f.kind, False, f.help)
    return fields


ALL_KEYS = sorted({f.name for fs in BY_TYPE.values() for f in fs} | {f.name for f in COMMON})
