"""Load content/ into Pages and validate them against the schema.

`load_site()` reads every Markdown file and returns the pages it could read
plus every problem it found, so `check` can report all problems in one run.
Both rendering engines take their page facts (type, URL, dates) from here,
which is what keeps the MkDocs and Pelican sites in agreement.
"""
from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from hub.findings import ERROR, WARNING, Finding, relpath

from . import schema
from .frontmatter import FrontMatterError, check_size, decode, parse_date, split

PLACEHOLDER_RE = re.compile(r"\bREPLACE\b")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Files in content/ that are not pages: data and assets.
NOT_PAGES = ("_data",)


@dataclass
class Page:
    source: Path  # absolute path of the Markdown file
    src_path: str  # path relative to content/, with forward slashes
    meta: dict
    lines: dict[str, int]
    body: str
    body_start: int
    type: str = ""
    # Every text value in the front matter: (path of keys, file line, text), for the plain-text check.
    texts: list = field(default_factory=list)
    # Characters the parser replaced (frontmatter.Problem), reported by the plain-text check.
    text_problems: list = field(default_factory=list)

    @property
    def url(self) -> str:
        """Site-relative URL with directory URLs: guides/fft.md -> guides/fft/."""
        return url_for(self.src_path)

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def summary(self) -> str:
        return str(self.meta.get("summary", ""))

    @property
    def audience(self) -> list[str]:
        a = self.meta.get("audience") or []
        return [a] if isinstance(a, str) else list(a)

    @property
    def topics(self) -> list[str]:
        t = self.meta.get("topics") or []
        return [t] if isinstance(t, str) else list(t)

    def date(self, key: str) -> dt.date | None:
        return parse_date(self.meta.get(key))

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


@dataclass
class Site:
    root: Path
    pages: list[Page] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def by_type(self, page_type: str) -> list[Page]:
        return sorted((p for p in self.pages if p.type == page_type), key=lambda p: p.title.lower())


def url_for(src_path: str, offline: bool = False) -> str:
    """Site-relative URL: guides/x.md -> guides/x/; in the offline copy, guides/x.html (opens from disk)."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    if offline:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def type_for(src_path: str) -> str:
    parts = src_path.split("/")
    if len(parts) == 1:
        return schema.SITE_PAGE
    return schema.FOLDERS.get(parts[0], "")


def today() -> dt.date:
    """The date review checks compare against; HUB_TODAY=YYYY-MM-DD fixes it for tests."""
    fixed = os.environ.get("HUB_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def all_files(root: Path) -> list[Path]:
    """Every file under content/, symbolic links included but never followed.

    Only what is really inside content/ may be published: a link could bring in any
    file on the machine that builds the site. Hidden files and folders (.git, editor
    files) are left out, as both engines leave them out.
    """
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        found += [here / d for d in dirs if (here / d).is_symlink()]
        found += [here / f for f in sorted(files) if not f.startswith(".")]
    return sorted(found)


def symlinks(root: Path, found: list[Path] | None = None) -> list[Path]:
    """The symbolic links under content/ (of `found`, all_files(root), when the caller has it)."""
    return [p for p in (all_files(root) if found is None else found) if p.is_symlink()]


def content_files(root: Path, found: list[Path] | None = None) -> list[Path]:
    """The Markdown pages: every real .md file under content/ outside the data folder."""
    return [p for p in (all_files(root) if found is None else found)
            if p.suffix == ".md" and not p.is_symlink()
            and not any(part in NOT_PAGES for part in p.relative_to(root).parts)]


def load_site(root: Path | str = "content", repo: Path | str | None = None) -> Site:
    root = Path(root)
    found = all_files(root)
    key = _fingerprint(root, repo, found)
    files = content_files(root, found)
    site = Site(root)
    site.findings.extend(_symlink_findings(root, repo, found))
    for path in files:
        page, problems = load_page(path, root, repo)
        site.findings.extend(problems)
        if page is not None:
            site.pages.append(page)
    site.findings.extend(_check_unique(site.pages, repo))
    _latest.clear()
    _latest[key] = site
    return site


# The last site load_site read, by what it read. A build reads the content once in
# hub/pipeline.py and again in the MkDocs hooks (which must work on their own under
# `mkdocs build` and `mkdocs serve`); the hooks reuse the pipeline's Site when no file
# has changed since, instead of parsing every page a second time.
_latest: dict[tuple, Site] = {}


def _fingerprint(root: Path, repo, files: list[Path]) -> tuple:
    stats = []
    for path in files:
        st = path.lstat()
        stats.append((path.relative_to(root).as_posix(), st.st_mtime_ns, st.st_size))
    repo = Path(repo).resolve().as_posix() if repo is not None else None
    return (root.resolve().as_posix(), repo, today().isoformat(), tuple(stats))


def load_site_again(root: Path | str = "content", repo: Path | str | None = None) -> Site:
    """load_site, or the Site it last returned if the same content is unchanged since.

    Callers must treat the Site as read-only: it may be shared with whoever loaded it first.
    """
    root = Path(root)
    site = _latest.get(_fingerprint(root, repo, all_files(root)))
    return site if site is not None else load_site(root, repo)


def _symlink_findings(root: Path, repo, found: list[Path]) -> list[Finding]:
    return [Finding(relpath(link.parent, repo) + "/" + link.name, 1,
                    "this is a symbolic link: only files really inside content/ can be published",
                    "replace the link with the file itself (a copy), or remove it", ERROR, "files")
            for link in symlinks(root, found)]


def load_page(path: Path, root: Path, repo: Path | str | None = None) -> tuple[Page | None, list[Finding]]:
    shown = relpath(path, repo)
    src_path = path.relative_to(root).as_posix()
    try:
        check_size(path.stat().st_size)
        parsed = split(decode(path.read_bytes()))
    except FrontMatterError as e:
        return None, [Finding(shown, e.line, e.message, e.fix, ERROR, "front-matter")]
    page = Page(path, src_path, parsed.data, parsed.lines, parsed.body, parsed.body_start, texts=parsed.texts,
                text_problems=[p for p in parsed.problems if p.check != "front-matter"])
    problems = [Finding(shown, p.line, p.message, p.fix, ERROR, p.check)
                for p in parsed.problems if p.check == "front-matter"]
    problems += [Finding(shown, line, msg, fix, sev, "front-matter") for line, msg, fix, sev in validate(page)]
    return page, problems


def validate(page: Page):
    """Yield (line, message, fix, severity) for every problem in one page's front matter."""
    src = page.src_path
    folder_type = type_for(src)
    name = src.rsplit("/", 1)[-1][:-3]
    if not folder_type:
        folders = ", ".join(f"content/{f}/" for f in schema.FOLDERS)
        yield 1, f"'{src.split('/')[0]}/' is not a content folder", f"move the file into one of {folders}", ERROR
        return
    if not SLUG.match(name):
        yield 1, f"the file name '{name}.md' is not a web-friendly name", \
            "rename it with lowercase letters, numbers and hyphens only, for example 'friends-and-family-test.md'", ERROR

    declared = page.meta.get("type")
    page.type = folder_type
    fields = schema.fields_for(folder_type)

    for key in page.meta:
        if key not in fields:
            guess = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
            hint = f"did you mean '{guess[0]}'?" if guess else f"use only: {', '.join(fields)}"
            yield page.line(key), f"unknown front matter key '{key}'", hint, ERROR

    for f in fields.values():
        if f.name not in page.meta or page.meta[f.name] in (None, "", []):
            if f.required:
                yield (page.line(f.name) if f.name in page.meta else 1), \
                    f"missing required key '{f.name}'", f"add '{f.name}:' to the front matter: {f.help}", ERROR
            continue
        yield from _check_value(page, f, declared_type=declared, folder_type=folder_type)

    yield from _check_dates(page)
    yield from _check_placeholders(page)


def _check_placeholders(page: Page):
    """Text left from `build.py new` must be replaced before the page can publish."""
    for key, value in page.meta.items():
        if PLACEHOLDER_RE.search(str(value)):
            yield page.line(key), f"'{key}' still has placeholder text", \
                "replace the REPLACE text with your own words", ERROR
    for i, text in enumerate(page.body.split("\n")):
        if PLACEHOLDER_RE.search(text):
            yield page.body_start + i, "placeholder text is still here", \
                "replace the REPLACE text with your own words", ERROR


def _check_value(page: Page, f: schema.Field, *, declared_type, folder_type):
    value, line = page.meta[f.name], page.line(f.name)
    if f.kind == "text":
        if not isinstance(value, str):
            yield line, f"'{f.name}' must be text", f"write {f.name} as plain text, in quotes if it contains ':'", ERROR
        elif f.name == "summary":
            if len(value) > schema.SUMMARY_MAX:
                yield line, f"the summary is {len(value)} characters long", \
                    f"shorten it to one sentence under {schema.SUMMARY_MAX} characters", ERROR
            elif len(re.findall(r"[.!?](?:\s|$)", value.strip())) > 1:
                yield line, "the summary has more than one sentence", "keep the summary to one sentence", ERROR
    elif f.kind == "type":
        if value != folder_type:
            yield line, f"type is '{value}' but the file is in the folder for '{folder_type}' pages", \
                f"set 'type: {folder_type}', or move the file to the folder for {value} pages", ERROR
    elif f.kind == "audience":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(a, str) for a in items):
            yield line, "'audience' must be a list", "write it as [public], [staff] or [public, staff]", ERROR
            return
        for a in items:
            if a not in schema.AUDIENCES:
                guess = difflib.get_close_matches(a, schema.AUDIENCES, n=1)
                hint = f"did you mean '{guess[0]}'?" if guess else "use public and/or staff"
                yield line, f"unknown audience '{a}'", hint, ERROR
    elif f.kind == "topics":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(t, str) and t.strip() for t in items):
            yield line, "'topics' must be a list of words", "write it as [feedback, surveys]", ERROR
    elif f.kind == "date":
        if parse_date(value) is None:
            yield line, f"'{f.name}' is '{value}', which is not a real date", \
                "write the date as YYYY-MM-DD, for example 2026-11-22", ERROR
    elif f.kind == "search":
        yield from _check_search(value, line)
    elif f.kind == "hide":
        items = value if isinstance(value, list) else [value]
        bad = [v for v in items if v not in ("navigation", "toc", "footer", "path")]
        if bad:
            yield line, f"cannot hide {bad}", "hide only: navigation, toc, path, footer", ERROR
    elif f.kind == "channels":
        yield from _check_channels(value, line)
    elif f.kind == "event":
        yield from _check_event(value, line)


SEARCH_SETTINGS = ["boost", "exclude", "phrases"]
PHRASES_MAX = 30  # search.phrases a page may list
PHRASE_CHARS = 80  # characters in one phrase


def _check_search(value, line):
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
            yield from _check_phrases(v, line)
        else:
            guess = difflib.get_close_matches(str(key), SEARCH_SETTINGS, n=1)
            hint = f"did you mean '{guess[0]}'?" if guess else "use boost, exclude or phrases"
            yield line, f"unknown search setting '{key}'", hint, ERROR


def _check_phrases(value, line):
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


def _check_channels(value, line):
    if not isinstance(value, list) or not value:
        yield line, "'channels' must be a list of ways to get in touch", \
            "add items such as '- {kind: email, label: Email, value: name@nhs.net}'", ERROR
        return
    for i, ch in enumerate(value, 1):
        if not isinstance(ch, dict):
            yield line, f"channel {i} is not a set of keys", "write each as {kind: …, label: …, value: …}", ERROR
            continue
        for key in ch:
            if key not in ("kind", "label", "value", "note"):
                guess = difflib.get_close_matches(str(key), ["kind", "label", "value", "note"], n=1)
                hint = f"did you mean '{guess[0]}'?" if guess else "use kind, label, value and note"
                yield line, f"channel {i} has an unknown key '{key}'", hint, ERROR
        for key in ("kind", "label", "value"):
            if not isinstance(ch.get(key), str) or not ch.get(key).strip():
                yield line, f"channel {i} has no '{key}'", f"add '{key}:' to channel {i}", ERROR
        kind, val = ch.get("kind"), str(ch.get("value", ""))
        if PLACEHOLDER_RE.search(val):
            continue  # reported once as placeholder text, not again as a bad number
        if kind is not None and kind not in schema.CHANNEL_KINDS:
            guess = difflib.get_close_matches(str(kind), schema.CHANNEL_KINDS, n=1)
            hint = f"did you mean '{guess[0]}'?" if guess else f"use one of: {', '.join(schema.CHANNEL_KINDS)}"
            yield line, f"channel {i} has an unknown kind '{kind}'", hint, ERROR
        elif kind == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", val):
            yield line, f"channel {i}: '{val}' is not an email address", "write it as name@example.nhs.uk", ERROR
        elif kind in ("phone", "textphone") and not re.fullmatch(r"\+?[0-9][0-9 ]{6,}[0-9]", val):
            yield line, f"channel {i}: '{val}' is not a phone number", "write digits and spaces only, for example 03000 616161", ERROR
        elif kind in ("web", "text_relay", "bsl") and not val.startswith("https://"):
            yield line, f"channel {i}: '{val}' is not a web address", "write the full address starting https://", ERROR


def _check_event(value, line):
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


def _check_dates(page: Page):
    last, nxt = page.date("last_reviewed"), page.date("next_review")
    if last and nxt and nxt <= last:
        yield page.line("next_review"), "next_review is not after last_reviewed", \
            "set next_review to a later date, usually a year after last_reviewed", ERROR
    if last and last > today():
        yield page.line("last_reviewed"), f"last_reviewed ({last}) is in the future", \
            "use the date the page was actually reviewed", ERROR
    if nxt and nxt < today():
        yield page.line("next_review"), f"the page was due for review on {nxt}", \
            "check the page is still right, then update last_reviewed and next_review", WARNING


def _check_unique(pages: list[Page], repo) -> list[Finding]:
    problems: list[Finding] = []
    seen_titles: dict[str, Page] = {}
    seen_urls: dict[str, Page] = {}
    for p in sorted(pages, key=lambda p: p.src_path):
        key = p.title.strip().lower()
        if key and key in seen_titles:
            first = seen_titles[key]
            problems.append(Finding(relpath(p.source, repo), p.line("title"),
                                    f"the title '{p.title}' is already used by {first.src_path}",
                                    "give each page its own title", ERROR, "front-matter"))
        seen_titles.setdefault(key, p)
        url = p.url.lower()
        if url in seen_urls:
            first = seen_urls[url]
            problems.append(Finding(relpath(p.source, repo), 1,
                                    f"this page would have the same address (/{p.url}) as {first.src_path}",
                                    "rename one of the two files", ERROR, "front-matter"))
        seen_urls.setdefault(url, p)
    return problems
