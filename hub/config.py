"""Site configuration, read from mkdocs.yml for every engine, through typed accessors.

mkdocs.yml is the one place for the site's name, URL, navigation and the hub's
own settings (under `extra.hub`), so the Pelican engine reads it too. Nothing
else reads `extra.hub` as a raw dict: each setting has an accessor here that
checks it and returns a typed value, or raises ConfigError naming every wrong
key with its fix. `problems()` collects them all for `check`.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from hub.findings import ERROR, Finding

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ConfigProblem:
    """One wrong setting in mkdocs.yml: the full key (extra.hub.publisher.name), what is wrong and the fix."""
    key: str
    message: str
    fix: str


class ConfigError(ValueError):
    """Every problem found in one block of mkdocs.yml settings, reported together."""

    def __init__(self, path: str, problems: list[ConfigProblem]):
        self.path, self.problems = path, list(problems)
        super().__init__("\n".join(f"{path}: {p.key} {p.message} — fix: {p.fix}" for p in self.problems))

    def findings(self) -> list[Finding]:
        return [Finding(self.path, 0, f"{p.key} {p.message}", p.fix, ERROR, "config") for p in self.problems]


@dataclass(frozen=True)
class Publisher:
    """Who publishes the site (extra.hub.publisher), named in structured data and the footer."""
    name: str
    url: str
    # The NHS identity guidelines let only NHS organisations use the NHS logo; templates
    # show it only when this is true.
    nhs_organisation: bool


@dataclass(frozen=True)
class Section:
    """A content folder as readers see it (extra.hub.sections): its title and its landing page's summary."""
    folder: str
    title: str
    summary: str


@dataclass(frozen=True)
class Layouts:
    """The template for each page (extra.hub.layouts): by named page first, then by type."""
    types: dict[str, str]
    pages: dict[str, str]

    def for_page(self, src_path: str, page_type: str) -> str:
        return self.pages.get(src_path) or self.types.get(page_type) or "page.html"


@dataclass(frozen=True)
class HelpLink:
    """One route the search page offers when a search finds nothing (extra.hub.search.help)."""
    title: str
    page: str  # a Markdown file in content/; whether it exists is the plan's to say


@dataclass(frozen=True)
class HomeRoute:
    """One audience's way in from the home page (extra.hub.home.routes): a page, or a web address."""
    audience: str
    heading: str
    text: str
    title: str
    page: str = ""  # a Markdown file in content/
    url: str = ""  # or a web address


@dataclass(frozen=True)
class Gone:
    """An address whose page was removed with no replacement (extra.hub.gone)."""
    address: str  # site-relative, as published: "guides/old-guide/"
    removed: dt.date
    title: str = ""  # what the page was called, so a reader knows what is gone
    instead: str = ""  # a Markdown file in content/ to look at instead


@dataclass(frozen=True)
class CheckSettings:
    """extra.hub.checks: the thresholds of the plain-English and alt text checks."""
    alt_text_max: int = 150
    # Flesch-Kincaid grade 6 is a reading age of about 11 (US grade + 5), the top of the NHS target of 9 to 11.
    reading_grade_max: float = 6.0
    # Pages shorter than this (in words) give unreliable reading scores, so they are not scored.
    reading_min_words: int = 50
    sentence_words_max: int = 25
    # Acronyms readers know without spelling out.
    known_acronyms: tuple[str, ...] = ("NHS", "UK", "GP", "A&E", "BSL", "PDF", "URL")


@dataclass(frozen=True)
class SearchSettings:
    """extra.hub.search: field weights, headings left out of search, when to prefetch the index,
    and the routes the search page offers when a search finds nothing."""
    fields: dict[str, float]
    skip_headings: tuple[str, ...]
    prefetch_bytes: int
    help: tuple[HelpLink, ...] = ()


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name and !ENV tags meant for MkDocs; keep them as text."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)

# A web address with nothing a template or URL could misread: https, a host, then printable characters.
HTTPS_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[^\s<>\"'`\\]*)?")
# A page's address on this site, as people write it: /guides/old-guide/ (or / for the home page).
PAGE_ADDRESS = re.compile(r"/(?:[a-z0-9][a-z0-9._-]*/)*")
DUE_SOON_DAYS = 60
# "phrases" holds a page's search.phrases: the words people use for their situation, above body text.
DEFAULT_FIELDS = {"title": 10, "heading": 6, "summary": 3, "topics": 3, "phrases": 3, "body": 1, "type": 1,
                  "audience": 1}
PREFETCH_BYTES = 1_500_000


def page_address(text) -> str | None:
    """'/guides/old-guide/' as the site-relative address 'guides/old-guide/' ('' for '/'), or None if
    it is not the address of a page on this site."""
    if not isinstance(text, str) or not PAGE_ADDRESS.fullmatch(text) or "/../" in text or "/./" in text:
        return None
    return text[1:]


@dataclass
class HubConfig:
    path: Path
    raw: dict = field(repr=False)
    # Set for `build --offline`: pages are name.html files, so checks look for them there.
    offline: bool = False

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def site_name(self) -> str:
        return self.raw.get("site_name", "")

    @property
    def site_url(self) -> str:
        url = self.raw.get("site_url") or ""
        return url if url.endswith("/") or not url else url + "/"

    @property
    def site_description(self) -> str:
        return self.raw.get("site_description", "")

    @property
    def copyright(self) -> str:
        return str(self.raw.get("copyright") or "")

    @property
    def content_dir(self) -> Path:
        return self.root / self.docs_dir

    @property
    def docs_dir(self) -> str:
        return str(self.raw.get("docs_dir") or "content")

    @property
    def nav(self) -> list:
        return self.raw.get("nav") or []

    @property
    def markdown_extensions(self) -> list:
        return self.raw.get("markdown_extensions") or []

    @property
    def hub(self) -> dict:
        """The hub's own settings block, extra.hub. Read it through the accessors below."""
        return (self.raw.get("extra") or {}).get("hub") or {}

    # --- the settings every page uses -----------------------------------------------

    @cached_property
    def publisher(self) -> Publisher:
        """extra.hub.publisher, checked; raises ConfigError listing every problem."""
        key = "extra.hub.publisher"
        block = self.hub.get("publisher")
        if not isinstance(block, dict):
            raise self._error(ConfigProblem(
                key, "is missing" if block is None else "must be a set of keys",
                "add publisher: {name: …, url: https://…, nhs_organisation: false} under extra.hub"))
        problems = list(unknown_keys(key, block, ("name", "url", "nhs_organisation")))
        name, url, nhs = block.get("name"), block.get("url"), block.get("nhs_organisation")
        if not isinstance(name, str) or not name.strip():
            problems.append(ConfigProblem(f"{key}.name", "is missing",
                                          "give the name of the person or organisation that publishes the site"))
        if not isinstance(url, str) or not HTTPS_URL.fullmatch(url):
            problems.append(ConfigProblem(f"{key}.url", f"is {url!r}, which is not a web address",
                                          "give the publisher's web address, starting https://"))
        if not isinstance(nhs, bool):
            problems.append(ConfigProblem(
                f"{key}.nhs_organisation", f"is {nhs!r}",
                "write true only if the publisher is an NHS organisation (only they may use the NHS logo), "
                "otherwise false"))
        if problems:
            raise self._error(*problems)
        return Publisher(name.strip(), url, nhs)

    @property
    def nhs_organisation(self) -> bool:
        """Only an NHS organisation may show the NHS logo and NHS icons. Anything unreadable means no."""
        try:
            return self.publisher.nhs_organisation
        except ConfigError:
            return False

    @cached_property
    def repository(self) -> str:
        """extra.hub.repository: https://github.com/owner/name for "Suggest a change", or "" for none."""
        repository = self.hub.get("repository") or ""
        # The address goes into an href on every page: only a plain https address will do.
        if not isinstance(repository, str) or (repository and not HTTPS_URL.fullmatch(repository)):
            raise self._error(ConfigProblem(
                "extra.hub.repository", f"is {repository!r}, which is not a web address",
                "give the repository's address, such as https://github.com/owner/name"))
        return repository.rstrip("/")

    @cached_property
    def feedback(self):
        """extra.hub.feedback as hub.content.feedback.Settings, or None for no "Is this page useful?" links."""
        from hub.content import feedback

        return feedback.settings(self)

    # --- the shape of the site ----------------------------------------------------------

    @cached_property
    def sections(self) -> dict[str, Section]:
        """extra.hub.sections: folder -> Section, in the order mkdocs.yml lists them (the navigation's order)."""
        block = self.hub.get("sections") or {}
        if not isinstance(block, dict):
            raise self._error(ConfigProblem("extra.hub.sections", "must be a set of folders",
                                            "write it as guides: {title: Guides, summary: …}"))
        out, problems = {}, []
        for folder, info in block.items():
            info = info or {}
            if not isinstance(info, dict):
                problems.append(ConfigProblem(f"extra.hub.sections.{folder}", "must be a set of keys",
                                              "write it as {title: …, summary: …}"))
                continue
            problems += unknown_keys(f"extra.hub.sections.{folder}", info, ("title", "summary"))
            title = info.get("title") or str(folder).capitalize()
            summary = info.get("summary") or f"All {str(title).lower()} on the hub."
            out[str(folder)] = Section(str(folder), str(title), str(summary))
        if problems:
            raise self._error(*problems)
        return out

    def section(self, folder: str) -> Section:
        return self.sections.get(folder) or Section(folder, folder.capitalize(), f"All {folder} on the hub.")

    @cached_property
    def layouts(self) -> Layouts:
        block = self.hub.get("layouts") or {}
        types = block.get("types") or {} if isinstance(block, dict) else None
        pages = block.get("pages") or {} if isinstance(block, dict) else None
        problems = []
        for key, value in (("types", types), ("pages", pages)):
            if not isinstance(value, dict) or not all(isinstance(v, str) and v.endswith(".html")
                                                      for v in value.values()):
                problems.append(ConfigProblem(f"extra.hub.layouts.{key}", "must map names to template files",
                                              "write each as name: template.html"))
        if problems:
            raise self._error(*problems)
        return Layouts({str(k): v for k, v in types.items()}, {str(k): v for k, v in pages.items()})

    @cached_property
    def sidebar_max_pages(self) -> int | None:
        """extra.hub.navigation.sidebar_max_pages: None lists every page of a section in the sidebar."""
        limit = (self.hub.get("navigation") or {}).get("sidebar_max_pages")
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
            raise self._error(ConfigProblem(
                "extra.hub.navigation.sidebar_max_pages", f"is {limit!r}",
                "give a whole number of pages, such as 40, or remove the setting to list every page of every section"))
        return limit

    @cached_property
    def home_routes(self) -> list[HomeRoute]:
        """extra.hub.home.routes: one way in for each audience. Whether each page exists is the plan's to say."""
        routes, problems = [], []
        for i, route in enumerate((self.hub.get("home") or {}).get("routes") or [], 1):
            key = f"extra.hub.home.routes item {i}"
            link = route.get("link") if isinstance(route, dict) else None
            if not isinstance(link, dict) or not (link.get("page") or link.get("url")):
                problems.append(ConfigProblem(key, "has no link", "give link: {title: …, page: guides/index.md}"))
                continue
            url = str(link.get("url") or "")
            if url and not HTTPS_URL.fullmatch(url):
                problems.append(ConfigProblem(f"{key} link.url", f"is {url!r}, which is not a web address",
                                              "give the full address starting https://, or link to a page with page:"))
            routes.append(HomeRoute(str(route.get("audience", "")), str(route.get("heading", "")),
                                    str(route.get("text", "")), str(link.get("title", "")),
                                    str(link.get("page") or ""), url))
        if problems:
            raise self._error(*problems)
        return routes

    @cached_property
    def gone(self) -> list[Gone]:
        """extra.hub.gone: published addresses whose pages were removed, each with a page saying so."""
        listed = self.hub.get("gone") or []
        fix = "write each as {address: /guides/old-guide/, removed: YYYY-MM-DD, title: …, instead: guides/x.md}"
        if not isinstance(listed, list):
            raise self._error(ConfigProblem("extra.hub.gone", "must be a list", fix))
        out, problems = [], []
        for i, entry in enumerate(listed, 1):
            key = f"extra.hub.gone item {i}"
            if not isinstance(entry, dict):
                problems.append(ConfigProblem(key, "must be a set of keys", fix))
                continue
            problems += unknown_keys(key, entry, ("address", "removed", "title", "instead"))
            address = page_address(entry.get("address"))
            if address is None:
                problems.append(ConfigProblem(f"{key}.address", f"is {entry.get('address')!r}",
                                              "give the page's old address on this site, such as /guides/old-guide/"))
            removed = entry.get("removed")
            if not isinstance(removed, dt.date):
                problems.append(ConfigProblem(f"{key}.removed", f"is {removed!r}, which is not a date",
                                              "give the date the page was removed, as YYYY-MM-DD"))
            instead = entry.get("instead") or ""
            if not isinstance(instead, str) or (instead and not instead.endswith(".md")):
                problems.append(ConfigProblem(f"{key}.instead", f"is {instead!r}",
                                              "give the Markdown file of a page to look at instead, such as guides/x.md"))
            if address is not None and isinstance(removed, dt.date) and isinstance(instead, str):
                out.append(Gone(address, removed, str(entry.get("title") or ""), instead))
        if problems:
            raise self._error(*problems)
        return out

    # --- commands and checks ----------------------------------------------------------

    @cached_property
    def due_soon_days(self) -> int:
        """extra.hub.review.due_soon_days, or 60."""
        value = (self.hub.get("review") or {}).get("due_soon_days", DUE_SOON_DAYS)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self._error(ConfigProblem("extra.hub.review.due_soon_days", f"is {value!r}",
                                            "give a whole number of days, such as 60"))
        return value

    @cached_property
    def checks(self) -> CheckSettings:
        block = self.hub.get("checks") or {}
        defaults = CheckSettings()
        known = [f for f in CheckSettings.__dataclass_fields__]
        problems = list(unknown_keys("extra.hub.checks", block, tuple(known)))
        values = {}
        for name in known:
            if name not in block:
                continue
            value, default = block[name], getattr(defaults, name)
            if isinstance(default, tuple):
                ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
                value = tuple(value) if ok else value
            else:
                ok = not isinstance(value, bool) and isinstance(value, (int, float)) and value > 0
            if not ok:
                problems.append(ConfigProblem(f"extra.hub.checks.{name}", f"is {value!r}",
                                              f"give {'a list of words' if isinstance(default, tuple) else 'a number'}, "
                                              f"such as {list(default) if isinstance(default, tuple) else default}"))
            values[name] = value
        if problems:
            raise self._error(*problems)
        return CheckSettings(**values)

    @cached_property
    def search(self) -> SearchSettings:
        block = self.hub.get("search") or {}
        fields = block.get("fields") or DEFAULT_FIELDS
        skip = block.get("skip_headings") or []
        prefetch = block.get("prefetch_bytes", PREFETCH_BYTES)
        problems = []
        if not isinstance(fields, dict) or not all(
                not isinstance(v, bool) and isinstance(v, (int, float)) and v > 0 for v in fields.values()):
            problems.append(ConfigProblem("extra.hub.search.fields", f"is {fields!r}",
                                          "give a weight for each field, such as {title: 10, body: 1}"))
        if not isinstance(skip, list) or not all(isinstance(h, str) for h in skip):
            problems.append(ConfigProblem("extra.hub.search.skip_headings", "must be a list of headings",
                                          "write it as skip_headings: [Sources, Related pages]"))
        if isinstance(prefetch, bool) or not isinstance(prefetch, int) or prefetch < 0:
            problems.append(ConfigProblem("extra.hub.search.prefetch_bytes", f"is {prefetch!r}",
                                          "give a whole number of bytes, such as 1500000"))
        links = []
        for i, link in enumerate(block.get("help") or [], 1):
            if not isinstance(link, dict) or not isinstance(link.get("title"), str) \
                    or not isinstance(link.get("page"), str) or not link["page"].endswith(".md"):
                problems.append(ConfigProblem(f"extra.hub.search.help item {i}", "needs a title and a page",
                                              "write it as {title: Complain about NHS care, "
                                              "page: contact/complain-about-nhs-care.md}"))
                continue
            links.append(HelpLink(link["title"], link["page"]))
        if problems:
            raise self._error(*problems)
        return SearchSettings(dict(fields), tuple(skip), prefetch, tuple(links))

    def problems(self) -> list[Finding]:
        """Every wrong hub setting in mkdocs.yml, as findings (check "config")."""
        found: list[Finding] = []
        for name in ("publisher", "repository", "feedback", "sections", "layouts", "sidebar_max_pages",
                     "home_routes", "gone", "due_soon_days", "checks", "search"):
            try:
                getattr(self, name)
            except ConfigError as e:
                found += e.findings()
        return found

    def _error(self, *problems: ConfigProblem) -> ConfigError:
        return ConfigError(self.path.name, list(problems))


def unknown_keys(key: str, block: dict, known: tuple[str, ...]):
    for k in block:
        if k in known:
            continue
        guess = difflib.get_close_matches(str(k), known, n=1, cutoff=0.6)
        fix = f"did you mean '{guess[0]}'?" if guess else f"use only: {', '.join(known)}"
        yield ConfigProblem(f"{key}.{k}", "is not a setting", fix)


def load(path: Path | str | None = None) -> HubConfig:
    """mkdocs.yml as settings, with any control character in a value replaced (check reports it)."""
    from hub.content.frontmatter import without_controls

    path = Path(path) if path else ROOT / "mkdocs.yml"
    with open(path, encoding="utf-8") as f:
        raw = yaml.load(f, Loader=_TolerantLoader) or {}
    return HubConfig(path.resolve(), without_controls(raw))


def text_values(path: Path) -> list[tuple[tuple, int, str, bool]]:
    """Every text value in mkdocs.yml with its line, for the plain-text check."""
    from hub.content.frontmatter import text_values as values

    return values(Path(path).read_text(encoding="utf-8"), _TolerantLoader)


def write_copy(content_dir: Path | str, dest: Path | str, edit=None) -> Path:
    """Save mkdocs.yml as `dest`, changed to build `content_dir` with this project's theme and hooks.

    For tests and benchmarks that build other content. Paths in mkdocs.yml are
    relative to the file, so the copy makes them absolute. `edit(settings)` may
    change the settings before they are written.
    """
    raw = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    raw["docs_dir"] = str(Path(content_dir).resolve())
    theme = raw.get("theme") or {}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    raw["hooks"] = [str(ROOT / hook) for hook in raw.get("hooks") or []]
    if edit:
        edit(raw)
    dest = Path(dest)
    dest.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest
