"""Build the hub's search index from the built site.

Each section of each page (the text before the first heading, then each h2/h3)
is one document of one ordinary Lunr index, built by lunr.py (lunr_index.py)
from terms made exactly as lunr.js makes them (terms.py). Results are grouped
by page in the browser, so the index also records which page each section is
part of. Boilerplate sections ("Sources", and the headings listed under
extra.hub.search.skip_headings in mkdocs.yml) are left out.

The synonym table is search/synonyms.yml plus every acronym the pages spell
out ("Patient Advice and Liaison Service (PALS)", see acronyms.py). The related-words
table maps words WordNet knows that the pages never use to words they do (related.py).
A page's `search.phrases` (the words people use for their situation) are indexed with
its title and summary, in a field of their own.

index_files.py writes it all out in pieces the browser loads as it needs them.
Output is deterministic: same site, same bytes.
"""
from __future__ import annotations

import gc
import re
import shutil
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from hub.content.model import url_for
from hub.findings import ERROR, Finding

from . import acronyms, index_files, related, suggestions
from . import sections as html_sections
from . import vocabulary
from .lunr_index import DEFAULT_FIELDS, lunr_index
from .spelling import Speller
from .terms import Terms
from .words import compounds, words

ROOT = Path(__file__).resolve().parent.parent
ASSETS = "assets/search"  # client, lunr.js and the index, inside the built site
CLIENT_DIR = Path(__file__).resolve().parent / "client"
# lunr.js as the pinned npm package ships it, minified (package.json pins lunr 2.3.9).
LUNR_PACKAGE = ROOT / "node_modules" / "lunr"
LUNR_VERSION = "2.3.9"
# The browser client, in parts (search/client/), served as two files so each loads from file://
# with one <script>. The search page's: the shared tokenizer, the index, query understanding,
# ranking, then the page. Every page's suggestions: the tokenizer, matching, then the page.
CLIENT_PARTS = ("hub-terms.js", "hub-files.js", "hub-index.js", "hub-query.js", "hub-rank.js", "hub-page.js")
SUGGEST_PARTS = ("hub-terms.js", "hub-files.js", "hub-suggest.js", "hub-suggest-page.js")
# GOV.UK's accessible-autocomplete, as the pinned npm package ships it (package.json pins 3.0.1).
AUTOCOMPLETE_PACKAGE = ROOT / "node_modules" / "accessible-autocomplete"
AUTOCOMPLETE_VERSION = "3.0.1"
AUTOCOMPLETE_JS = "accessible-autocomplete.min.js"
PREFETCH_BYTES = 1_500_000  # default of extra.hub.search.prefetch_bytes
# Headings of sections every page repeats, which would otherwise crowd real answers out.
ALWAYS_SKIPPED = ("Sources",)


class MissingLunr(vocabulary.VocabularyError):
    """lunr.js is not installed: reported like a vocabulary problem, so both engines show it as a finding."""

    def __init__(self, message: str):
        super().__init__([Finding("package.json", 0, message, "run ./setup.sh (or npm ci) to install it",
                                  ERROR, "search")])


@dataclass
class Doc:
    """One section: one Lunr document."""

    url: str
    title: str
    heading: str
    text: str
    summary: str
    type: str
    audience: list
    topics: list
    boost: float
    page: int = 0  # which SearchPage it belongs to
    anchor: str = ""
    phrases: list = field(default_factory=list)  # the page's search.phrases, with its first section

    @cached_property
    def text_words(self) -> list[str]:
        return words(self.text)


@dataclass
class SearchPage:
    url: str
    title: str
    summary: str
    type: str
    audience: list
    sections: list[Doc] = field(default_factory=list)
    phrases: list = field(default_factory=list)
    boost: float = 1.0


def build_index(site_dir: Path, config, site, offline: bool = False, only: set[str] | None = None) -> dict:
    """Index site_dir's pages and write the client and index under site_dir/assets/search/.

    `only`: the src_paths the site plan says are searchable (hub.plan); None indexes every page."""
    started = time.perf_counter()
    # Indexing makes millions of small objects that all live until the end; with a big site
    # already in memory, Python's cycle collector would spend more time than the indexing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(Path(site_dir), config, site, offline, started, only)
    finally:
        if collecting:
            gc.enable()


def _build(site_dir: Path, config, site, offline: bool, started: float, only) -> dict:
    fields = dict(config.search.fields) if config is not None else dict(DEFAULT_FIELDS)
    prefetch = config.search.prefetch_bytes if config is not None else PREFETCH_BYTES
    vocab = vocabulary.load()
    terms = Terms(Speller(vocab.spellings))
    pages = collect_pages(site_dir, config, site, offline=offline, only=only)
    docs = [d for p in pages for d in p.sections]
    index = lunr_index(docs, fields, terms)
    synonyms = vocab.synonyms + harvested_synonyms(pages)
    groups = synonym_groups(synonyms, terms)
    out = site_dir / ASSETS
    if out.exists():
        shutil.rmtree(out)
    (out / "index").mkdir(parents=True)
    lexicon = set(index.inverted_index)
    related_words = related.table_for(lexicon, vocab.spellings)
    suggested = suggestions.collect(pages, synonyms, lexicon, terms)
    stats = index_files.write(out / "index", index, pages, docs, terms, groups, vocab.spellings,
                              prefetch, related_words, suggested)
    copy_client(out)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    return stats


# --- which pages and sections -------------------------------------------------------

def search_page_sources(config) -> set[str]:
    layouts = config.layouts.pages if config is not None else {}
    return {src for src, layout in layouts.items() if layout == "search-page.html"} | {"search.md"}


def skipped_headings(config) -> set[str]:
    listed = config.search.skip_headings if config is not None else ()
    return {_heading_key(h) for h in (*ALWAYS_SKIPPED, *listed)}


def _heading_key(heading: str) -> str:
    return " ".join(str(heading).split()).casefold()


def built_file(site_dir: Path, src_path: str, offline: bool) -> Path:
    """guides/x.md is built as guides/x/index.html, or guides/x.html in the offline copy."""
    url = url_for(src_path, offline)
    return site_dir / (url if offline else url + "index.html")


def searchable_pages(site, config, only: set[str] | None = None) -> list:
    """The content pages search indexes, in URL order so the output is stable: every page
    but the search page itself and pages with `search: {exclude: true}`. `only`: the
    src_paths the site plan says are searchable (it leaves out withdrawn pages); None
    keeps every page."""
    skip_pages = search_page_sources(config)
    return [page for page in sorted(site.pages, key=lambda p: p.url)
            if page.src_path not in skip_pages and not _tuning(page).get("exclude")
            and (only is None or page.src_path in only)]


def _tuning(page) -> dict:
    tuning = page.meta.get("search") or {}
    return tuning if isinstance(tuning, dict) else {}


def collect_pages(site_dir: Path, config, site, *, offline: bool, only: set[str] | None = None) -> list[SearchPage]:
    """Every searchable page with its sections, as built in site_dir."""
    skip_sections = skipped_headings(config)
    pages: list[SearchPage] = []
    for page in searchable_pages(site, config, only):
        tuning = _tuning(page)
        path = built_file(site_dir, page.src_path, offline)
        if not path.is_file():
            continue
        url = path.relative_to(site_dir).as_posix()
        if not offline:
            url = url[: -len("index.html")]
        boost = float(tuning.get("boost", 1))
        entry = SearchPage(url=url, title=page.title, summary=page.summary, type=page.type,
                           audience=list(page.audience), phrases=phrases_of(page), boost=boost)
        for section in html_sections.split_sections(path.read_text(encoding="utf-8")):
            if section.heading and _heading_key(section.heading) in skip_sections:
                continue
            entry.sections.append(_doc(entry, page, url, section.anchor, section.heading, section.text, boost))
        if not entry.sections:  # a page with no text still has a title to be found by
            entry.sections.append(_doc(entry, page, url, "", "", "", boost))
        for d in entry.sections:
            d.page = len(pages)
        pages.append(entry)
    return pages


def phrases_of(page) -> list[str]:
    """The page's search.phrases (front matter, checked in hub/content/schema.py)."""
    listed = _tuning(page).get("phrases") or []
    return [str(p) for p in listed if isinstance(p, str) and p.strip()] if isinstance(listed, list) else []


def _doc(entry: SearchPage, page, url: str, anchor: str, heading: str, text: str, boost: float) -> Doc:
    """A section. What describes the whole page (title, summary, topics, search phrases, type,
    audience) is indexed once, with its first section: repeated in every section it made the
    rows of common words several times longer, and results are grouped by page anyway."""
    first = not entry.sections
    return Doc(url=url + (f"#{anchor}" if anchor else ""), anchor=anchor, heading=heading, text=text, boost=boost,
               title=page.title if first else "", summary=page.summary if first else "",
               topics=list(page.topics) if first else [], type=page.type if first else "",
               audience=entry.audience if first else [], phrases=entry.phrases if first else [])


# --- synonyms -------------------------------------------------------------------------

def harvested_synonyms(pages: list[SearchPage]) -> list[list[str]]:
    """[acronym, its plural, long form] for every acronym a page spells out."""
    groups = []
    for page in pages:
        for text in [page.title, page.summary] + [d.heading + ". " + d.text for d in page.sections]:
            for acronym, long_form in acronyms.harvest(text):
                groups.append([acronym, acronym + "s", long_form])
    return groups


def synonym_groups(groups: list[list[str]], terms: Terms) -> list:
    """Each group as lists of terms, as the indexing pipeline makes them.

    Groups that share a phrase are merged (synonyms.yml's "ICS, integrated care
    system" and a page's "integrated care systems (ICSs)" become one group), and
    phrases are kept in the order first seen, so the table is the same on every build.
    """
    merged: list[list[tuple[str, ...]]] = []
    where: dict[tuple[str, ...], int] = {}
    for group in groups:
        phrases = []
        for phrase in group:
            made = tuple(terms(_phrase_words(phrase)))
            if made and made not in phrases:
                phrases.append(made)
        if len(phrases) < 2:
            continue
        homes = sorted({where[p] for p in phrases if p in where})
        if not homes:
            merged.append([])
            target = len(merged) - 1
        else:
            target = homes[0]
            for other in homes[1:]:  # this group joins two earlier ones: fold the later into the first
                for p in merged[other]:
                    if p not in merged[target]:
                        merged[target].append(p)
                    where[p] = target
                merged[other] = []
        for p in phrases:
            if p not in merged[target]:
                merged[target].append(p)
            where[p] = target
    return [[list(p) for p in group] for group in merged if len(group) > 1]


def _phrase_words(phrase: str) -> list[str]:
    """A phrase's words as the browser keys a synonym (hub-search.js unitFor): a hyphenated
    word, or a run of digit groups, by its joined form, which the index holds for each."""
    out: list[str] = []
    for parts, joined in compounds(phrase):
        out.extend([joined] if joined else parts)
    return out


# --- the client -----------------------------------------------------------------------

def _pinned(package: Path, name: str, version: str) -> Path:
    """An npm package's folder, after checking it is installed at the pinned version."""
    import json

    try:
        installed = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise MissingLunr(f"{name} is not installed ({package} is missing)") from None
    if installed != version:
        raise MissingLunr(f"node_modules has {package.name} {installed}, but search needs {package.name} {version}")
    return package


def lunr_min_js() -> Path:
    """lunr.min.js from the pinned npm package, after checking it is the pinned version."""
    return _pinned(LUNR_PACKAGE, "lunr.js", LUNR_VERSION) / "lunr.min.js"


def autocomplete_js() -> Path:
    """accessible-autocomplete's browser build from the pinned npm package."""
    return _pinned(AUTOCOMPLETE_PACKAGE, "accessible-autocomplete", AUTOCOMPLETE_VERSION) / "dist" / AUTOCOMPLETE_JS


# A comment on lines of its own: a /* ... */ block (that ends its last line) or a // line.
# The client's comments are for people reading search/client/; the site serves it without
# them, as they were a third of what a first search downloads. Comments after code on the
# same line, and anything inside strings, are left alone.
_COMMENT_LINES = re.compile(r"^[ \t]*(?:/\*(?:(?!\*/).)*\*/|//[^\n]*)[ \t]*\n", re.M | re.S)


def served(code: str) -> str:
    """The client as the site serves it: the same code without its comment lines."""
    return _COMMENT_LINES.sub("", code)


def bundle(parts: tuple[str, ...]) -> str:
    """The parts, one after the other, as one file."""
    return served("\n".join((CLIENT_DIR / name).read_text(encoding="utf-8") for name in parts))


def copy_client(out: Path) -> None:
    shutil.copyfile(lunr_min_js(), out / "lunr.min.js")
    shutil.copyfile(autocomplete_js(), out / AUTOCOMPLETE_JS)
    for name, parts in (("hub-search.js", CLIENT_PARTS), ("hub-suggest.js", SUGGEST_PARTS)):
        (out / name).write_text(bundle(parts), encoding="utf-8")
    for css in ("hub-search.css", "hub-suggest.css"):
        shutil.copyfile(CLIENT_DIR / css, out / css)
