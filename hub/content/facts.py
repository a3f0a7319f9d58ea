"""What a layout shows about a page, worked out once for both engines.

Templates should only place text, not decide it: review dates in words, the
type label, contact channels as links, a news item's dates. Each engine hands
`page_facts(page)` to its templates, so the MkDocs and Pelican sites say the
same thing in the same words.
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from . import schema
from .frontmatter import parse_date

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")

# How each kind of contact channel is introduced and linked.
CHANNEL_NAMES = {
    "phone": "Phone",
    "textphone": "Textphone",
    "email": "Email",
    "web": "Online",
    "text_relay": "Text Relay",
    "bsl": "British Sign Language (BSL)",
    "interpreter": "Interpreters",
    "post": "Post",
}


def long_date(value) -> str:
    """22 November 2026, the way NHS.UK writes dates; '' for no date.

    Written out by hand rather than with strftime so the result never depends
    on the machine's locale.
    """
    d = value if isinstance(value, dt.date) else parse_date(value)
    if d is None:
        return ""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_range(start, end=None) -> str:
    """'26 April 2026', '26 to 30 April 2026', '30 April to 2 May 2026' or across years in full."""
    s = start if isinstance(start, dt.date) else parse_date(start)
    e = end if isinstance(end, dt.date) else parse_date(end) if end else None
    if s is None:
        return ""
    if e is None or e == s:
        return long_date(s)
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day} to {long_date(e)}"
    if s.year == e.year:
        return f"{s.day} {MONTHS[s.month - 1]} to {long_date(e)}"
    return f"{long_date(s)} to {long_date(e)}"


def channel(ch: dict) -> dict:
    """One contact channel as {kind, name, label, value, href, note}; href is '' when not a link."""
    kind = str(ch.get("kind", ""))
    value = str(ch.get("value", "")).strip()
    href = ""
    if kind in ("phone", "textphone"):
        # tel: links take digits only; a leading + keeps international numbers dialable.
        href = "tel:" + ("+" if value.startswith("+") else "") + re.sub(r"\D", "", value)
    elif kind == "email":
        href = "mailto:" + value
    elif kind in ("web", "text_relay", "bsl") and value.startswith("https://"):
        href = value
    label = str(ch.get("label", "")).strip()
    return {
        "kind": kind,
        "name": CHANNEL_NAMES.get(kind, kind.replace("_", " ").capitalize()),
        "label": label,
        "value": value,
        "href": href,
        "text": link_text(kind, label, value),
        "note": str(ch.get("note", "") or "").strip(),
    }


def link_text(kind: str, label: str, value: str) -> str:
    """What a channel's link says. A number or address is itself the detail people need;
    a web address is not readable link text, so a web link says what it opens and on which site."""
    if kind not in ("web", "text_relay", "bsl") or not value.startswith("https://"):
        return value
    site = urlsplit(value).netloc.removeprefix("www.")
    return f"{label} on {site}" if label else site


# Topics are written as lower-case slugs in front matter ('health-inequalities'); people read
# them as words. These keep their own spelling; prefixes in KEEP_HYPHEN keep the hyphen.
TOPIC_WORDS = {"cqc": "CQC", "nhs": "NHS", "fft": "FFT", "ics": "ICS", "bsl": "BSL", "hope": "HoPE",
               "pals": "PALS", "gp": "GP"}
KEEP_HYPHEN = ("co", "self", "non", "re", "pre", "post")


def topic_key(topic) -> str:
    """The topic as the topic index files it: 'Co-production ' and 'co-production' are one topic."""
    return str(topic).strip().lower()


def topic_label(topic: str) -> str:
    """'health-inequalities' -> 'Health inequalities', 'co-production' -> 'Co-production', 'cqc' -> 'CQC'."""
    words = [w for w in str(topic).strip().split("-") if w]
    out: list[str] = []
    for word in words:
        if out and out[-1].lower() in KEEP_HYPHEN:
            out[-1] += "-" + word
        else:
            out.append(TOPIC_WORDS.get(word.lower(), word))
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def anchor(text: str) -> str:
    """A stable id fragment for a heading: 'Co-production' -> 'co-production'."""
    out = "".join(ch if ch.isalnum() else "-" for ch in str(text).lower())
    return "-".join(part for part in out.split("-") if part) or "other"


def page_facts(meta: dict, page_type: str) -> dict:
    """Everything a layout shows about a page, from its front matter and type."""
    event = meta.get("event") if isinstance(meta.get("event"), dict) else None
    audience = meta.get("audience") or []
    topics = meta.get("topics") or []
    return {
        "type": page_type,
        "type_label": schema.TYPE_LABELS.get(page_type, ""),
        # Open Graph: content pages are articles, site pages the website.
        "og_type": "article" if page_type in schema.FOLDERS.values() else "website",
        "title": str(meta.get("title", "")),
        "summary": str(meta.get("summary", "")),
        "audience": [audience] if isinstance(audience, str) else list(audience),
        "topics": [{"name": t, "label": topic_label(t), "anchor": anchor(t)} for t in
                   ([topics] if isinstance(topics, str) else topics)],
        "last_reviewed": long_date(meta.get("last_reviewed")),
        "next_review": long_date(meta.get("next_review")),
        "last_reviewed_iso": iso_date(meta.get("last_reviewed")),
        "next_review_iso": iso_date(meta.get("next_review")),
        "published": long_date(meta.get("published")),
        "published_iso": iso_date(meta.get("published")),
        "event": date_range(event.get("start"), event.get("end")) if event else "",
        "event_start_iso": iso_date(event.get("start")) if event else "",
        "event_end_iso": iso_date(event.get("end") or event.get("start")) if event else "",
        "channels": [channel(c) for c in meta.get("channels") or [] if isinstance(c, dict)],
    }


def iso_date(value) -> str:
    """A date from front matter (a date or its text) as YYYY-MM-DD, or '' when there is none."""
    d = value if isinstance(value, dt.date) else parse_date(value)
    return d.isoformat() if d else ""
