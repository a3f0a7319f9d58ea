"""The content model: which front matter keys each type of page has, and how each kind of value is checked.

One folder per content type under content/. The folder decides the type and
the page's `type:` key must agree, so a page moved between folders is noticed.
Each kind of value (text, date, audience, …) is declared here with the function
that checks it, so adding a key means adding one Field and, for a new kind, one
checker beside it. CONTRIBUTING.md documents every key here; keep the two in step.

A checker is `check(value, line, context) -> iterator of (line, message, fix, severity)`;
`context` says what the value is checked against (the folder's type).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from hub.config import page_address
from hub.findings import ERROR

from .frontmatter import parse_date

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
WITHDRAWN_REASON_MAX = 300
PLACEHOLDER = re.compile(r"\bREPLACE\b")

Problem = tuple[int, str, str, str]  # (line, message, fix, severity)


@dataclass(frozen=True)
class Context:
    """What a value is checked against: the type the page's folder gives it, and the site's owners."""
    folder_type: str
    owners: object  # hub.content.owners.Owners


def check_owner(value, line, context) -> Iterator[Problem]:
    """The team that answers for the page: one declared in content/_data/owners.yml."""
    if isinstance(value, str) and PLACEHOLDER.search(value):
        return  # reported once as placeholder text
    if context.owners.get(value) is None:
        yield line, f"unknown owner '{value}'", context.owners.suggestion(value), ERROR


def _did_you_mean(word, choices, otherwise: str) -> str:
    guess = difflib.get_close_matches(str(word), list(choices), n=1)
    return f"did you mean '{guess[0]}'?" if guess else otherwise


def _as_list(value):
    return [value] if isinstance(value, str) else value


# --- checkers, one per kind of value ----------------------------------------------------

def check_text(name: str, max_length: int | None = None, one_sentence: bool = False):
    def check(value, line, context) -> Iterator[Problem]:
        if not isinstance(value, str):
            yield line, f"'{name}' must be text", f"write {name} as plain text, in quotes if it contains ':'", ERROR
            return
        if max_length and len(value) > max_length:
            yield line, f"the {name} is {len(value)} characters long", \
                f"shorten it to one sentence under {max_length} characters", ERROR
        elif one_sentence and len(re.findall(r"[.!?](?:\s|$)", value.strip())) > 1:
            yield line, f"the {name} has more than one sentence", f"keep the {name} to one sentence", ERROR
    return check


def check_type(value, line, context) -> Iterator[Problem]:
    if value != context.folder_type:
        yield line, f"type is '{value}' but the file is in the folder for '{context.folder_type}' pages", \
            f"set 'type: {context.folder_type}', or move the file to the folder for {value} pages", ERROR


def check_audience(value, line, context) -> Iterator[Problem]:
    items = _as_list(value)
    if not isinstance(items, list) or not all(isinstance(a, str) for a in items):
        yield line, "'audience' must be a list", "write it as [public], [staff] or [public, staff]", ERROR
        return
    for a in items:
        if a not in AUDIENCES:
            yield line, f"unknown audience '{a}'", _did_you_mean(a, AUDIENCES, "use public and/or staff"), ERROR


def check_topics(value, line, context) -> Iterator[Problem]:
    items = _as_list(value)
    if not isinstance(items, list) or not all(isinstance(t, str) and t.strip() for t in items):
        yield line, "'topics' must be a list of words", "write it as [feedback, surveys]", ERROR


def check_date(name: str):
    def check(value, line, context) -> Iterator[Problem]:
        if parse_date(value) is None:
            yield line, f"'{name}' is '{value}', which is not a real date", \
                "write the date as YYYY-MM-DD, for example 2026-11-22", ERROR
    return check


SEARCH_KEYS = ("boost", "exclude", "phrases")
PHRASES_MAX = 30  # search.phrases a page may list
PHRASE_CHARS = 80  # characters in one phrase


def check_search(value, line, context) -> Iterator[Problem]:
    if not isinstance(value, dict):
        yield line, "'search' must be settings", "write it as {boost: 2}, {exclude: true} or {phrases: [...]}", ERROR
        return
    for key, v in value.items():
        if key == "boost":
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 10:
                yield line, f"search boost '{v}' is not a number from 0.1 to 10", "use, for example, boost: 2", ERROR
        elif key == "exclude":
            if not isinstance(v, bool):
                yield line, "search exclude must be true or false", "use exclude: true", ERROR
        elif key == "phrases":
            yield from check_phrases(v, line)
        else:
            yield line, f"unknown search setting '{key}'", \
                _did_you_mean(key, SEARCH_KEYS, "use boost, exclude or phrases"), ERROR


def check_phrases(value, line) -> Iterator[Problem]:
    """search.phrases: the words a person in this situation would type, each a short piece of text."""
    example = 'write them as phrases: ["rude staff", "they did not listen"]'
    if not isinstance(value, list) or not value:
        yield line, "search phrases must be a list of phrases", example, ERROR
        return
    if len(value) > PHRASES_MAX:
        yield line, f"search phrases lists {len(value)} phrases", \
            f"keep the {PHRASES_MAX} that people in this situation are most likely to type", ERROR
    seen = set()
    for n, phrase in enumerate(value, 1):
        if not isinstance(phrase, str) or not phrase.strip():
            yield line, f"search phrase {n} is not text", example, ERROR
            continue
        if len(phrase) > PHRASE_CHARS:
            yield line, f"search phrase {n} is {len(phrase)} characters long", \
                f"keep each phrase under {PHRASE_CHARS} characters: a few words, as someone would type them", ERROR
        key = " ".join(phrase.casefold().split())
        if key in seen:
            yield line, f"search phrase {n} ('{phrase}') is listed twice", "remove one of them", ERROR
        seen.add(key)


HIDEABLE = ("navigation", "toc", "footer", "path")


def check_hide(value, line, context) -> Iterator[Problem]:
    items = value if isinstance(value, list) else [value]
    bad = [v for v in items if v not in HIDEABLE]
    if bad:
        yield line, f"cannot hide {bad}", "hide only: navigation, toc, path, footer", ERROR


CHANNEL_KEYS = ("kind", "label", "value", "note")


def check_channels(value, line, context) -> Iterator[Problem]:
    if not isinstance(value, list) or not value:
        yield line, "'channels' must be a list of ways to get in touch", \
            "add items such as '- {kind: email, label: Email, value: name@nhs.net}'", ERROR
        return
    for i, ch in enumerate(value, 1):
        if not isinstance(ch, dict):
            yield line, f"channel {i} is not a set of keys", "write each as {kind: …, label: …, value: …}", ERROR
            continue
        for key in ch:
            if key not in CHANNEL_KEYS:
                yield line, f"channel {i} has an unknown key '{key}'", \
                    _did_you_mean(key, CHANNEL_KEYS, "use kind, label, value and note"), ERROR
        for key in ("kind", "label", "value"):
            if not isinstance(ch.get(key), str) or not ch.get(key).strip():
                yield line, f"channel {i} has no '{key}'", f"add '{key}:' to channel {i}", ERROR
        kind, val = ch.get("kind"), str(ch.get("value", ""))
        if PLACEHOLDER.search(val):
            continue  # reported once as placeholder text, not again as a bad number
        if kind is not None and kind not in CHANNEL_KINDS:
            yield line, f"channel {i} has an unknown kind '{kind}'", \
                _did_you_mean(kind, CHANNEL_KINDS, f"use one of: {', '.join(CHANNEL_KINDS)}"), ERROR
        elif kind == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", val):
            yield line, f"channel {i}: '{val}' is not an email address", "write it as name@example.nhs.uk", ERROR
        elif kind in ("phone", "textphone") and not re.fullmatch(r"\+?[0-9][0-9 ]{6,}[0-9]", val):
            yield line, f"channel {i}: '{val}' is not a phone number", \
                "write digits and spaces only, for example 03000 616161", ERROR
        elif kind in ("web", "text_relay", "bsl") and not val.startswith("https://"):
            yield line, f"channel {i}: '{val}' is not a web address", "write the full address starting https://", ERROR


def check_event(value, line, context) -> Iterator[Problem]:
    if not isinstance(value, dict) or "start" not in value:
        yield line, "'event' must have a start date", "write it as {start: 2026-04-26, end: 2026-04-30}", ERROR
        return
    for key in value:
        if key not in ("start", "end"):
            yield line, f"unknown event key '{key}'", "an event has only start and end", ERROR
    start, end = parse_date(value.get("start")), parse_date(value.get("end", value.get("start")))
    if start is None or end is None:
        yield line, "the event dates are not real dates", "write them as YYYY-MM-DD", ERROR
    elif end < start:
        yield line, f"the event ends ({end}) before it starts ({start})", "swap or correct the dates", ERROR


def check_moved_from(value, line, context) -> Iterator[Problem]:
    """Old addresses of this page, each of which becomes a redirect to it (the site plan checks
    that no other page or setting owns them)."""
    items = _as_list(value)
    if not isinstance(items, list):
        yield line, "'moved_from' must be a list of addresses", "write it as [/guides/old-address/]", ERROR
        return
    for item in items:
        if page_address(item) is None:
            yield line, f"'{item}' in moved_from is not an address on this site", \
                "write the old address as the site gave it, from the first slash: /guides/old-address/", ERROR


WITHDRAWN_KEYS = ("date", "reason", "instead")


def check_withdrawn(value, line, context) -> Iterator[Problem]:
    """{date, reason, instead}: the page stays at its address, saying it was withdrawn and why."""
    fix = 'write it as {date: YYYY-MM-DD, reason: "…", instead: guides/other-page.md} (instead is optional)'
    if not isinstance(value, dict):
        yield line, "'withdrawn' must be settings", fix, ERROR
        return
    for key in value:
        if key not in WITHDRAWN_KEYS:
            yield line, f"unknown withdrawn key '{key}'", \
                _did_you_mean(key, WITHDRAWN_KEYS, "use date, reason and instead"), ERROR
    if parse_date(value.get("date")) is None:
        yield line, "withdrawn has no real date", "give the date it was withdrawn, as YYYY-MM-DD", ERROR
    reason = value.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        yield line, "withdrawn has no reason", "say in one sentence why the guidance was withdrawn", ERROR
    elif len(reason) > WITHDRAWN_REASON_MAX:
        yield line, f"the withdrawn reason is {len(reason)} characters long", \
            f"keep it under {WITHDRAWN_REASON_MAX} characters", ERROR
    instead = value.get("instead")
    if instead is not None and (not isinstance(instead, str) or not instead.endswith(".md")):
        yield line, f"withdrawn instead '{instead}' is not a page", \
            "give the Markdown file of the page to read instead, from content/: guides/other-page.md", ERROR


# --- the keys ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    name: str
    check: Callable  # check(value, line, context) -> iterator of Problem
    required: bool
    help: str


COMMON = (
    Field("title", check_text("title"), True, "the page title, shown as its main heading"),
    Field("summary", check_text("summary", SUMMARY_MAX, one_sentence=True), True,
          "one sentence saying what the page is for; used in search results and as the meta description"),
    Field("type", check_type, True, "the content type; must match the folder the file is in"),
    Field("audience", check_audience, True, "who the page is for: a list of public and/or staff"),
    Field("topics", check_topics, True, "a list of topics, used for the topic index and search"),
    Field("owner", check_owner, True,
          "the team that answers for the page, one of those in content/_data/owners.yml"),
    Field("last_reviewed", check_date("last_reviewed"), True, "when the page was last checked, as YYYY-MM-DD"),
    Field("next_review", check_date("next_review"), True, "when the page must be checked again, as YYYY-MM-DD"),
    Field("search", check_search, False,
          "search tuning: {boost: 2} ranks the page higher, {exclude: true} leaves it out"),
    Field("hide", check_hide, False, "parts of the layout to hide on this page: navigation, toc"),
    Field("moved_from", check_moved_from, False,
          "the page's old addresses, which then send readers here: [/guides/old-address/]"),
    Field("withdrawn", check_withdrawn, False,
          'the page is no longer current guidance: {date: YYYY-MM-DD, reason: "…", instead: guides/x.md}'),
)

BY_TYPE = {
    "guide": (),
    "principle": (),
    "commitment": (),
    "contact": (
        Field("channels", check_channels, True, "the ways to get in touch: a list of {kind, label, value, note}"),
    ),
    "news": (
        Field("published", check_date("published"), True, "the date the news item was published, as YYYY-MM-DD"),
        Field("event", check_event, False, "for events: {start: YYYY-MM-DD, end: YYYY-MM-DD}"),
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
            fields[name] = Field(f.name, f.check, False, f.help)
    return fields


ALL_KEYS = sorted({f.name for fs in BY_TYPE.values() for f in fs} | {f.name for f in COMMON})
