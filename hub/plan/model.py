"""What the site plan is made of: every address with its owner, the pages the engines render,
the redirects, the navigation and what every page's frame shows.

Plain data, made once per build by hub.plan.build_plan() and handed to an engine as one
value. The engines read it and never decide anything it says.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hub.config import HubConfig
from hub.content.model import Page, Site
from hub.findings import Finding


@dataclass(frozen=True)
class Address:
    """One published address and what owns it."""
    address: str  # site-relative, as the site is published online: "guides/x/", "" (home), "news/feed.xml"
    kind: str  # see KINDS
    owner: str  # who answers for it, in a contributor's words: "content/guides/x.md", "the A to Z"
    target: str = ""  # a redirect's new address

    @property
    def shown(self) -> str:
        """The address as people write it: /guides/x/."""
        return "/" + self.address


# What can own an address.
PAGE = "page"  # a page a contributor wrote
GENERATED = "generated"  # a page the build makes (A to Z, topics, section pages, news archive)
WITHDRAWN = "withdrawn"  # a contributor's page marked withdrawn: it stays at its address
REDIRECT = "redirect"  # an old address of a moved page (moved_from)
GONE = "gone"  # an address whose page was removed (extra.hub.gone)
FILE = "file"  # an image or document in content/
SITE_FILE = "site file"  # written by the build: the feed, the sitemap, robots.txt, 404.html
KINDS = (PAGE, GENERATED, WITHDRAWN, REDIRECT, GONE, FILE, SITE_FILE)
# Kinds that serve a reader at an address someone may have saved: the addresses list (hub.plan.lock).
LISTED_KINDS = (PAGE, GENERATED, WITHDRAWN, REDIRECT, GONE)


@dataclass
class PlannedPage:
    """One HTML page an engine renders from Markdown: a contributor's page or one the build made."""
    src_path: str  # the Markdown file in content/, or the name a generated page is read under (a-z.md)
    address: str  # as published online: "guides/x/"
    url: str  # as this build writes it: "guides/x/", or "guides/x.html" in the offline copy
    output: str  # the file in the built site: "guides/x/index.html"
    layout: str  # template name, the same in both themes
    kind: str  # PAGE, GENERATED, WITHDRAWN or GONE
    meta: dict  # front matter (a generated page has its own)
    page: Page | None = None  # the contributor's page
    body: str | None = None  # a generated page's Markdown (None: the file in content/)
    view: dict = field(default_factory=dict)  # what its layout shows (hub.plan.views)
    searchable: bool = False
    in_sitemap: bool = False

    @property
    def generated(self) -> bool:
        return self.body is not None

    def markdown_file(self) -> str:
        """A generated page as the Markdown file an engine reads (front matter, then the body)."""
        from hub.content.indexes import markdown_file

        return markdown_file(self.meta, self.body or "")


@dataclass(frozen=True)
class Redirect:
    """An old address that sends readers on to a page's new one."""
    address: str  # old, as published online
    output: str  # the file written there in this build
    target_src: str  # the page it leads to
    target_url: str  # that page's address in this build
    title: str  # that page's title


@dataclass(frozen=True)
class NavItem:
    """One entry of the navigation: a page, or a section with its pages."""
    title: str
    src_path: str
    url: str
    children: tuple["NavItem", ...] = ()


@dataclass
class SitePlan:
    config: HubConfig
    site: Site
    offline: bool
    pages: list[PlannedPage]  # in src_path order
    not_found: PlannedPage  # 404.html, rendered as each engine renders a page with no Markdown
    redirects: list[Redirect]
    addresses: list[Address]  # every address, online form, sorted
    nav: list[NavItem]  # home, the sections with their pages, then other pages
    header: list[NavItem]  # the sections, the A to Z and topics: the NHS.UK header and Material's tabs
    site_view: dict  # what every page's frame shows (hub.plan.views.site_view)
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self):
        self.by_src = {p.src_path: p for p in self.pages}

    def url(self, src_path: str) -> str:
        """A page's address in this build, or "" when the plan has no such page."""
        page = self.by_src.get(src_path)
        return page.url if page else ""

    def view(self, src_path: str) -> dict:
        page = self.by_src.get(src_path)
        return page.view if page else self.not_found.view

    @property
    def searchable(self) -> list[PlannedPage]:
        return [p for p in self.pages if p.searchable]

    @property
    def generated(self) -> list[PlannedPage]:
        return [p for p in self.pages if p.generated]
