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
from functools import cached_property
from pathlib import Path

from hub.config import page_address
from hub.findings import ERROR, WARNING, Finding, relpath

from . import schema
from .frontmatter import FrontMatterError, check_size, decode, parse_date, split
from .markdown_source import MarkdownSource
from .owners import Owners
from .owners import load as load_owners

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Files in content/ that are not pages: data and assets.
NOT_PAGES = ("_data",)


@dataclass(eq=False)
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

    @property
    def moved_from(self) -> list[str]:
        """The page's earlier addresses, site-relative ('guides/old/'); unreadable ones are left out
        (the front-matter check reports them)."""
        listed = self.meta.get("moved_from") or []
        listed = [listed] if isinstance(listed, str) else listed if isinstance(listed, list) else []
        return [a for a in (page_address(item) for item in listed) if a is not None]

    @property
    def owner(self) -> str:
        return str(self.meta.get("owner") or "")

    @property
    def withdrawn(self) -> dict | None:
        """{date, reason, instead} when the page is withdrawn guidance, else None."""
        value = self.meta.get("withdrawn")
        return value if isinstance(value, dict) else None

    def date(self, key: str) -> dt.date | None:
        return parse_date(self.meta.get(key))

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)

    @cached_property
    def markdown(self) -> MarkdownSource:
        """The body's links, images, headings and blocks with their file lines, read once for every check."""
        return MarkdownSource(self.body, self.body_start)


@dataclass(eq=False)
class Site:
    root: Path
    pages: list[Page] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    owners: Owners = field(default_factory=lambda: Owners({}, None, []))
    # The built site's HTML as the built-site checks read it, by the folder it was read from
    # (hub.checks.built_html): read once for all of them.
    built_html: dict = field(default_factory=dict, repr=False)

    def by_type(self, page_type: str) -> list[Page]:
        return sorted((p for p in self.pages if p.type == page_type), key=lambda p: p.title.lower())

    @cached_property
    def by_src(self) -> dict[str, Page]:
        """src_path -> Page."""
        return {p.src_path: p for p in self.pages}

    @cached_property
    def by_url(self) -> dict[str, Page]:
        """The page's address without its trailing slash ('guides/x', '' for home) -> Page."""
        return {p.url.rstrip("/"): p for p in self.pages}

    @cached_property
    def current(self) -> list[Page]:
        """Pages that are current guidance: every page but withdrawn ones. These are listed in the
        navigation, the A to Z, topics, related pages, search and the sitemap."""
        return [p for p in self.pages if p.withdrawn is None]

    @cached_property
    def related_index(self):
        """Related pages for every page, ranked once per set of topics (hub.content.related)."""
        from .related import RelatedIndex

        return RelatedIndex(self)


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
    files = content_files(root, found)
    site = Site(root, owners=load_owners(root, Path(repo) if repo is not None else None))
    site.findings.extend(_symlink_findings(root, repo, found))
    site.findings.extend(site.owners.findings)
    for path in files:
        page, problems = load_page(path, root, repo, site.owners)
        site.findings.extend(problems)
        if page is not None:
            site.pages.append(page)
    site.findings.extend(_check_unique_titles(site.pages, repo))
    return site


def _symlink_findings(root: Path, repo, found: list[Path]) -> list[Finding]:
    return [Finding(relpath(link.parent, repo) + "/" + link.name, 1,
                    "this is a symbolic link: only files really inside content/ can be published",
                    "replace the link with the file itself (a copy), or remove it", ERROR, "files")
            for link in symlinks(root, found)]


def load_page(path: Path, root: Path, repo: Path | str | None = None,
              owners: Owners | None = None) -> tuple[Page | None, list[Finding]]:
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
    owners = owners if owners is not None else Owners({}, None, [])
    problems += [Finding(shown, line, msg, fix, sev, "front-matter") for line, msg, fix, sev in validate(page, owners)]
    return page, problems


def validate(page: Page, owners: Owners):
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

    page.type = folder_type
    fields = schema.fields_for(folder_type)
    context = schema.Context(folder_type, owners)

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
        yield from f.check(page.meta[f.name], page.line(f.name), context)

    yield from _check_dates(page)
    yield from _check_placeholders(page)


def _check_placeholders(page: Page):
    """Text left from `build.py new` must be replaced before the page can publish."""
    for key, value in page.meta.items():
        if schema.PLACEHOLDER.search(str(value)):
            yield page.line(key), f"'{key}' still has placeholder text", \
                "replace the REPLACE text with your own words", ERROR
    for i, text in enumerate(page.body.split("\n")):
        if schema.PLACEHOLDER.search(text):
            yield page.body_start + i, "placeholder text is still here", \
                "replace the REPLACE text with your own words", ERROR


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


def _check_unique_titles(pages: list[Page], repo) -> list[Finding]:
    """Two pages with one title cannot be told apart in the A to Z, search or a browser tab.
    (Two pages with one address are the site plan's to report: hub.plan.addresses.)"""
    problems: list[Finding] = []
    seen: dict[str, Page] = {}
    for p in sorted(pages, key=lambda p: p.src_path):
        key = p.title.strip().lower()
        if key and key in seen:
            problems.append(Finding(relpath(p.source, repo), p.line("title"),
                                    f"the title '{p.title}' is already used by {seen[key].src_path}",
                                    "give each page its own title", ERROR, "front-matter"))
        seen.setdefault(key, p)
    return problems
