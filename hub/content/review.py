"""The review report: every page by its `next_review` date, so none silently goes past it.

`rows()` works out each page's status and owner; `as_text()` prints it for a terminal
and `as_markdown()` for the body of a GitHub issue (the weekly review-dates
workflow), one table per owner, mentioning the owner's GitHub account so the
team is told. Generated pages (the A to Z, topics, section pages) are not
listed: their dates follow from the pages they list. Withdrawn pages are listed,
marked, so someone decides whether to remove them for good.

Titles and file names come from pull requests, so each formatter makes them
safe for where it puts them: no control characters in a terminal, and in
Markdown a code span with its pipes escaped, which GitHub shows as plain text
(no links, HTML, emphasis, @mentions or new table cells). The only mention is
an owner's GitHub account, which content/_data/owners.yml allows only as
@user or @org/team (hub.content.owners).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from hub.config import DUE_SOON_DAYS  # when mkdocs.yml has no extra.hub.review.due_soon_days
from hub.findings import relpath

from .model import Site, content_files

OVERDUE = "overdue"
DUE_SOON = "due soon"
NOT_DUE = "not due"
NO_DATE = "no date"  # next_review is missing or not a real date
UNREADABLE = "cannot read"  # the file's front matter could not be read at all


# GitHub refuses an issue body over 65,536 characters; this many rows stays well under it.
MARKDOWN_MAX_ROWS = 200
MARKDOWN_TITLE_MAX = 150


NO_OWNER = "No owner"  # a page whose owner is missing or unknown (check reports it)


@dataclass(frozen=True)
class Row:
    status: str
    next_review: dt.date | None
    title: str
    path: str  # the Markdown file, relative to the repository
    owner: str = ""  # the owner's id in content/_data/owners.yml
    owner_name: str = NO_OWNER
    owner_github: str = ""
    withdrawn: bool = False

    @property
    def due(self) -> bool:
        """Needs a person now: overdue, due soon, or its date cannot be read."""
        return self.status != NOT_DUE


def status(next_review: dt.date | None, today: dt.date, days: int) -> str:
    if next_review is None:
        return NO_DATE
    if next_review < today:
        return OVERDUE
    if next_review <= today + dt.timedelta(days=days):
        return DUE_SOON
    return NOT_DUE


def rows(site: Site, today: dt.date, days: int = DUE_SOON_DAYS, repo: Path | str | None = None) -> list[Row]:
    """Every written page, soonest review first; pages with no readable date come first of all.

    A file whose front matter could not be read is not in `site.pages`; it is listed
    as 'cannot read' rather than left out, since its review date is unknown too.
    """
    out = []
    for page in site.pages:
        nxt = page.date("next_review")
        owner = site.owners.get(page.owner)
        out.append(Row(status(nxt, today, days), nxt, page.title, relpath(page.source, repo),
                       owner.id if owner else "", owner.name if owner else NO_OWNER,
                       owner.github if owner else "", page.withdrawn is not None))
    read = {page.source for page in site.pages}
    for path in content_files(site.root):
        if path not in read:
            out.append(Row(UNREADABLE, None, "", relpath(path, repo)))
    return sorted(out, key=lambda r: (r.next_review is not None, r.next_review or dt.date.min, r.path))


def due(report: list[Row]) -> list[Row]:
    return [r for r in report if r.due]


def owned_by(report: list[Row], owner: str) -> list[Row]:
    """The rows of one owner, by its id in content/_data/owners.yml."""
    return [r for r in report if r.owner == owner]


def by_owner(report: list[Row]) -> list[tuple[str, str, list[Row]]]:
    """[(owner name, GitHub account, rows)], owners by name, pages with no owner last; rows keep their order."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for r in report:
        groups.setdefault((r.owner_name, r.owner_github), []).append(r)
    order = sorted(groups, key=lambda k: (k[0] == NO_OWNER, k[0].casefold()))
    return [(name, github, groups[(name, github)]) for name, github in order]


def counts(report: list[Row]) -> dict[str, int]:
    out = {s: 0 for s in (OVERDUE, DUE_SOON, NO_DATE, UNREADABLE, NOT_DUE)}
    for r in report:
        out[r.status] += 1
    return out


def summary(report: list[Row], today: dt.date, days: int) -> str:
    """One sentence: how many pages are overdue and due, and the date 'due soon' runs to."""
    n = counts(report)
    until = today + dt.timedelta(days=days)
    parts = [f"{n[OVERDUE]} overdue", f"{n[DUE_SOON]} due by {until.isoformat()} ({days} days from {today.isoformat()})"]
    if n[NO_DATE]:
        parts.append(f"{n[NO_DATE]} with no readable review date")
    if n[UNREADABLE]:
        parts.append(f"{n[UNREADABLE]} that cannot be read (run python build.py check)")
    return _plural(len(report)) + ": " + ", ".join(parts) + "."


def _plural(n: int) -> str:
    return f"{n} page" if n == 1 else f"{n} pages"


# ---- Terminal ----

HEADINGS = ("Status", "Next review", "Owner", "Title", "File")


def as_text(report: list[Row], today: dt.date, days: int) -> str:
    """An aligned plain-text table, then the summary."""
    if not report:
        return f"No pages to list. {summary(report, today, days)}"
    table = [HEADINGS] + [(_status(r), _date(r), _printable(r.owner_name), _printable(r.title) or "-",
                           _printable(r.path)) for r in report]
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADINGS) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1] for row in table]
    return "\n".join([*lines, "", summary(report, today, days)])


def _status(r: Row) -> str:
    return f"{r.status} (withdrawn)" if r.withdrawn else r.status


def _date(r: Row) -> str:
    return r.next_review.isoformat() if r.next_review else "-"


def _printable(text: str) -> str:
    """Text safe to print to a terminal: a title holding escape codes must not rewrite the screen."""
    return "".join(ch if ch.isprintable() else " " for ch in str(text))


# ---- Markdown (a GitHub issue body) ----

def as_markdown(report: list[Row], today: dt.date, days: int, max_rows: int = MARKDOWN_MAX_ROWS) -> str:
    """A sentence, then a Markdown table of `report` for each owner, headed by the owner's name and
    GitHub account (a mention, so the team hears of it).

    There is a table (lines starting '| ') only when `report` has rows: the
    review-dates workflow relies on this to close its issue when nothing is due.
    """
    until = (today + dt.timedelta(days=days)).isoformat()
    if not report:
        return f"No page is overdue or due for review by {until}."
    lines = [
        f"Pages by their owner and next review date, soonest first. Overdue pages are past it; pages due soon "
        f"reach it by {until}. Check each page is still right, then update `last_reviewed` and `next_review` in "
        "its front matter.",
    ]
    left = max_rows
    for name, github, rows in by_owner(report):
        if left <= 0:
            break
        shown = rows[:left]
        left -= len(shown)
        lines += ["", f"### {_heading(name)}" + (f" ({github})" if github else ""), "",
                  "| Status | Next review | Title | File |", "| --- | --- | --- | --- |"]
        for r in shown:
            lines.append(f"| {_status(r)} | {_date(r)} | {code_span(_shorten(r.title))} | {code_span(r.path)} |")
    hidden = len(report) - (max_rows - max(left, 0))
    if hidden > 0:
        lines += ["", f"…and {hidden} more: run `python build.py review` to see them all."]
    lines += ["", summary(report, today, days)]
    return "\n".join(lines)


def _heading(name: str) -> str:
    """An owner's name as a Markdown heading's text: its own words, with nothing GitHub reads as markup."""
    return re.sub(r"([\\`*_{}\[\]()#+!|<>@&~])", r"\\\1", _printable(name).strip()) or NO_OWNER


def _shorten(text: str) -> str:
    text = _printable(text).strip()
    return text if len(text) <= MARKDOWN_TITLE_MAX else text[: MARKDOWN_TITLE_MAX - 1].rstrip() + "…"


def code_span(text: str) -> str:
    """`text` as a GitHub Markdown code span inside a table cell: shown as typed.

    Nothing in a code span is markup: no links, HTML, entities, emphasis or
    @mentions. The fence is longer than any run of backticks in the text, a space
    each side keeps a backtick at either end from joining the fence, and pipes
    are escaped because GitHub splits table cells before it reads code spans.
    """
    text = _printable(text).strip()
    if not text:
        return "-"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {text.replace('|', chr(92) + '|')} {fence}"
