"""A small site for the hostile-input tests: every field a pull request can set, filled from one table.

`write_site(tmp, fields)` writes a content folder and a mkdocs.yml (the real theme and
hooks) in which every free-text value (front matter, content/_data/, mkdocs.yml) comes
from `fields`, keyed by a name such as "guide.title". Tests fill the table with benign
text or with hostile strings and compare what the two builds publish.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

from checks_fixtures import write_owners

from hub import config as hub_config

# Every free-text value the site takes from contributors, and where it goes.
FIELDS = (
    "guide.title", "guide.summary", "guide.topic",
    "other.title", "other.summary", "other.topic",
    "contact.title", "contact.summary", "contact.label", "contact.note", "contact.web_label", "contact.web",
    "contact.email",
    "news.title", "news.summary",
    "withdrawn.title", "withdrawn.summary", "withdrawn.reason",
    "data.label", "data.value", "data.note",
    "config.site_name", "config.site_description", "config.copyright", "config.section_title",
    "config.section_summary", "config.route_heading", "config.route_text", "config.route_title",
    "config.gone_title", "config.help_title",
)

# Pieces a hostile or careless contributor might type: markup, quotes, template syntax,
# script-closing tags, Markdown and attribute-list syntax, character codes, control
# characters (written as YAML escapes) and direction marks.
PIECES = (
    '"', "'", "<", ">", "&", "</script>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "</title>", '"><svg onload=alert(1)>', "{{ 7*7 }}", "{% raw %}", "{# c #}", "${7*7}", "]]>", "<!--", "-->",
    "`code`", "*em*", "[x](javascript:alert(1))", '{: onclick="alert(1)" }', "\\", "&amp;", "&#60;", "&lt;b&gt;",
    "\x01", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u202e", "\u200f", "\ufeff", "é", "😀", "A&E", "#hash",
    "javascript:", "%0D%0Abcc:x@y.z", "\n",
)

PLAIN = ("Tell us", "about", "your care", "with", "staff", "and", "carers")


def marker(name: str) -> str:
    """A word unique to each field, so a test can find where its value landed."""
    return "Hubx" + "".join(ch for ch in name.title() if ch.isalnum())


def benign(name: str) -> str:
    return f"{marker(name)} plain words"


def hostile(name: str, rng: random.Random) -> str:
    """The field's marker, then up to six hostile pieces mixed with words; never a second sentence."""
    parts = [marker(name)]
    for _ in range(rng.randint(2, 6)):
        parts.append(rng.choice(PIECES) if rng.random() < 0.7 else rng.choice(PLAIN))
    text = " ".join(parts)
    # The content model allows one sentence in a summary; '.', '!' and '?' are not pieces.
    return text[:190]


def benign_fields() -> dict[str, str]:
    return {name: benign(name) for name in FIELDS}


def hostile_fields(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    return {name: hostile(name, rng) for name in FIELDS}


def _web(value: str) -> str:
    """A web address must start https:// (the content model insists); the rest is hostile."""
    return "https://example.org/" + value


def _email(value: str) -> str:
    """An address the content model accepts, carrying the hostile text in its local part."""
    local = "".join(ch for ch in value if not ch.isspace() and ch not in "@")[:60] or "x"
    return f"{local}@example.org"


def pages(f: dict[str, str]) -> dict[str, dict]:
    """Front matter for each page, by path under content/."""
    common = {"owner": "experience-of-care", "last_reviewed": "2026-11-01", "next_review": "2027-11-01"}
    return {
        "index.md": {"title": "Home", "summary": "The home page.", "type": "page", **common},
        "search.md": {"title": "Search", "summary": "Search the site.", "type": "page",
                      "search": {"exclude": True}, **common},
        "guides/first-guide.md": {"title": f["guide.title"], "summary": f["guide.summary"], "type": "guide",
                                  "audience": ["public"], "topics": [f["guide.topic"], "feedback"], **common},
        "guides/second-guide.md": {"title": f["other.title"], "summary": f["other.summary"], "type": "guide",
                                   "audience": ["staff"], "topics": [f["other.topic"], "feedback"], **common,
                                   # its old address is a redirect page naming it by its title
                                   "moved_from": ["/guides/older-guide/"]},
        "guides/old-guide.md": {"title": f["withdrawn.title"], "summary": f["withdrawn.summary"], "type": "guide",
                                "audience": ["public"], "topics": ["feedback"], **common,
                                "withdrawn": {"date": "2026-10-01", "reason": f["withdrawn.reason"],
                                              "instead": "guides/first-guide.md"}},
        "contact/call-us.md": {
            "title": f["contact.title"], "summary": f["contact.summary"], "type": "contact",
            "audience": ["public"], "topics": ["contact"], **common,
            "channels": [
                {"kind": "phone", "label": f["contact.label"], "value": "03000 616161", "note": f["contact.note"]},
                {"kind": "web", "label": f["contact.web_label"], "value": _web(f["contact.web"])},
                {"kind": "email", "label": "Email", "value": _email(f["contact.email"])},
            ]},
        "news/an-event.md": {"title": f["news.title"], "summary": f["news.summary"], "type": "news",
                             "audience": ["public"], "topics": ["events"], "published": "2026-10-01",
                             "event": {"start": "2026-12-01", "end": "2026-12-02"}, **common},
    }


BODY = "\n## What this is\n\nA short page for the tests, with [a link to the first guide]({link}).\n"


def write_site(tmp: Path, f: dict[str, str]) -> hub_config.HubConfig:
    """Write content/ and mkdocs.yml under tmp; return the configuration that builds them."""
    content = tmp / "content"
    for rel, meta in pages(f).items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=False, width=10_000, default_flow_style=None)
        link = "guides/first-guide.md" if "/" not in rel else "../guides/first-guide.md"
        path.write_text(f"---\n{head}---\n" + BODY.format(link=link), encoding="utf-8")
    data = {"contacts": {"team": {"kind": "email", "label": f["data.label"], "value": f["data.value"],
                                  "note": f["data.note"]}}}
    (content / "_data").mkdir(parents=True, exist_ok=True)
    write_owners(content)
    (content / "_data" / "contacts.yml").write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=False, width=10_000), encoding="utf-8")

    def edit(raw):
        raw["site_name"] = f["config.site_name"]
        raw["site_description"] = f["config.site_description"]
        raw["copyright"] = f["config.copyright"]
        hub = raw["extra"]["hub"]
        hub["sections"]["guides"] = {"title": f["config.section_title"], "summary": f["config.section_summary"]}
        hub["home"]["routes"] = [{"audience": "public", "heading": f["config.route_heading"],
                                  "text": f["config.route_text"],
                                  "link": {"title": f["config.route_title"], "page": "guides/first-guide.md"}}]
        hub["search"]["help"] = [{"title": f["config.help_title"], "page": "guides/first-guide.md"}]
        hub["gone"] = [{"address": "/guides/removed-guide/", "removed": dt.date(2026, 11, 1),
                        "title": f["config.gone_title"], "instead": "guides/first-guide.md"}]

    return hub_config.load(hub_config.write_copy(content, tmp / "mkdocs.yml", edit))
