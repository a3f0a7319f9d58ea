"""`build.py new TYPE "Title"`: start a page with complete front matter.

Every placeholder starts with REPLACE, and `check` reports each one left, so
a new page passes as soon as the contributor has written their own text.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from . import schema
from .model import today

PLACEHOLDER = "REPLACE"
PLACEHOLDER_RE = re.compile(r"\bREPLACE\b[^\n]*")

_SKELETONS = {
    "guide": """
## What this is

REPLACE with two or three short sentences saying what this is, in plain English.

## Why it matters

REPLACE with why it matters to patients, carers and staff.

## What you can do

- REPLACE with a first practical step.
- REPLACE with a second practical step.
""",
    "principle": """
## What the principle says

REPLACE with the principle in one or two short sentences.

## What it looks like in practice

- REPLACE with an example of the principle in use.

## Questions to ask

- REPLACE with a question a team can ask itself.
""",
    "commitment": """
## What the commitment is

REPLACE with what the NHS has committed to do.

## What it means for carers

REPLACE with what carers can expect.

## What it means for staff

REPLACE with what staff should do.
""",
    "contact": """
## When to use this

REPLACE with who this contact is for and what they can help with.

## What to include

- REPLACE with something to put in your message.
""",
    "news": """
## What is happening

REPLACE with what is happening, when and where.

## How to take part

REPLACE with how people can join in.
""",
}

_SOURCES = """
## Sources

- [REPLACE with the name of the original page](https://www.england.nhs.uk/)
"""


def slugify(title: str) -> str:
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "page"


def render(page_type: str, title: str, on: dt.date, owner: str = PLACEHOLDER, owners: tuple[str, ...] = ()) -> str:
    next_year = on.replace(year=on.year + 1) if not (on.month == 2 and on.day == 29) else on + dt.timedelta(days=365)
    safe_title = title.replace('"', "'")
    lines = [
        "---",
        f'title: "{safe_title}"',
        f'summary: "{PLACEHOLDER} with one sentence saying what this page is for."',
        f"type: {page_type}",
        "audience: [public, staff]",
        f"topics: [{PLACEHOLDER}-topic]",
        "# The team that answers for this page, from content/_data/owners.yml"
        + (f": {', '.join(owners)}" if owners else ""),
        f"owner: {owner}",
        f"last_reviewed: {on.isoformat()}",
        f"next_review: {next_year.isoformat()}",
    ]
    if page_type == "contact":
        lines += [
            "channels:",
            f"  - {{kind: email, label: Email, value: {PLACEHOLDER}@example.nhs.uk}}",
            f"  - {{kind: phone, label: Phone, value: '{PLACEHOLDER} 000 0000', note: '{PLACEHOLDER} with opening hours'}}",
        ]
    if page_type == "news":
        lines.append(f"published: {on.isoformat()}")
        lines.append(f"# For an event, add its dates: event: {{start: {on.isoformat()}, end: {on.isoformat()}}}")
    lines.append("---")
    return "\n".join(lines) + "\n" + _SKELETONS[page_type] + _SOURCES


def create(page_type: str, title: str, content_dir: Path | str = "content") -> Path:
    if page_type not in _SKELETONS:
        raise ValueError(f"unknown type '{page_type}': use one of {', '.join(_SKELETONS)}")
    folder = {v: k for k, v in schema.FOLDERS.items()}[page_type]
    path = Path(content_dir) / folder / f"{slugify(title)}.md"
    if path.exists():
        raise FileExistsError(f"{path} already exists: choose another title or edit that file")
    path.parent.mkdir(parents=True, exist_ok=True)
    owner, owners = usual_owner(Path(content_dir), folder)
    path.write_text(render(page_type, title, today(), owner, owners), encoding="utf-8")
    return path


def usual_owner(content_dir: Path, folder: str) -> tuple[str, tuple[str, ...]]:
    """The owner most pages in the folder have (REPLACE if none), and every declared owner."""
    from collections import Counter

    from .model import load_site

    site = load_site(content_dir)
    counts = Counter(p.owner for p in site.pages if p.src_path.startswith(folder + "/") and site.owners.get(p.owner))
    owner = min(counts, key=lambda o: (-counts[o], o)) if counts else PLACEHOLDER
    return owner, tuple(site.owners.by_id)
