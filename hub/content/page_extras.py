"""What the end of a content page gives its reader, worked out once for both editions.

- "Is this page useful?": Yes and No links to a prefilled message (hub.content.feedback);
- related pages: up to three pages sharing its topics (hub.content.related);
- structured data: its JSON-LD block (hub.content.structured_data);
- "Suggest a change": its Markdown file in the repository, on every page a contributor wrote.

A content page is a guide, principle, commitment, contact route or news item. The
home page, search, the A to Z, topics, section landing pages and the statements
about the site are ways round the site or about it, so they ask for no feedback,
suggest no further reading and describe no health content.

Both engines call `settings(cfg)` once per build and `for_page()` for each page,
so the two editions offer the same links, in the same order, with the same words.
"""
from __future__ import annotations

from dataclasses import dataclass

from hub.config import ConfigError, ConfigProblem, HubConfig, Publisher
from hub.security import script_json

from . import feedback, schema
from .model import Page, Site
from .related import related
from .structured_data import structured_data, web_address

# The pages about the site itself, linked from every page's footer when they exist.
STATEMENTS = ("accessibility.md", "privacy.md")

# Where "Suggest a change" opens a page's file: the repository's default branch.
BRANCH = "main"


@dataclass(frozen=True)
class Settings:
    site_url: str  # mkdocs.yml site_url: the published address, also for the offline copy
    publisher: Publisher
    feedback: feedback.Settings | None  # None: mkdocs.yml asks for no feedback links
    repository: str  # https://github.com/owner/name, or "" for no "Suggest a change" links
    docs_dir: str


def settings(cfg: HubConfig) -> Settings:
    """The settings these parts need from mkdocs.yml, read through its typed accessors.

    Raises hub.config.ConfigError naming every wrong key at once (publisher, feedback, repository).
    """
    problems: list[ConfigProblem] = []
    values = {}
    for name in ("publisher", "feedback", "repository"):
        try:
            values[name] = getattr(cfg, name)
        except ConfigError as e:
            problems += e.problems
    if problems:
        raise ConfigError(cfg.path.name, problems)
    return Settings(cfg.site_url, values["publisher"], values["feedback"], values["repository"], cfg.docs_dir)


def is_content_page(src_path: str, page_type: str) -> bool:
    """A page of a content type, not a section's landing page (index.md), which lists the others."""
    return page_type in schema.FOLDERS.values() and src_path.rsplit("/", 1)[-1] != "index.md"


def contributing_url(s: Settings) -> str:
    """The contributors' guide in the repository ("Add or improve a page"); "" with no repository."""
    return f"{s.repository}/blob/{BRANCH}/CONTRIBUTING.md" if s.repository else ""


def edit_url(s: Settings, src_path: str) -> str:
    """The page's Markdown file, opened for editing in the repository; "" with no repository."""
    return f"{s.repository}/edit/{BRANCH}/{s.docs_dir}/{src_path}" if s.repository else ""


def for_page(page: Page, site: Site, s: Settings) -> dict | None:
    """{feedback, related, structured_data} for a content page; None for any other page.

    `feedback` is feedback.links() (None when mkdocs.yml asks for none), naming the page by
    its title and published web address; `related` is a list of Pages; `structured_data`
    is JSON text safe to place inside <script type="application/ld+json"> as it is.
    """
    if not is_content_page(page.src_path, page.type):
        return None
    url = web_address(s.site_url, page.src_path)
    return {
        "feedback": feedback.links(s.feedback, page.title, url) if s.feedback else None,
        "related": related(page, site),
        "structured_data": script_json(
            structured_data(page.meta, page.type, page.src_path, s.site_url, s.publisher)),
    }
