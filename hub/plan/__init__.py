"""The site plan: every address, what owns it, and what each page shows, worked out once.

    content (hub.content) -> plan (here) -> engine (hub.engines) -> after render (hub.after_render) -> checks

`build_plan(site, config)` takes the loaded content and mkdocs.yml and decides
everything about the site that does not depend on how it is drawn:

- every address, with exactly one owner (hub.plan.addresses): contributors' pages,
  the pages the build makes (A to Z, topics, section pages, the news archive), the
  old addresses of moved pages (redirects), removed pages, images and documents,
  and the site's own files; collisions are `check` errors naming both owners;
- each page's layout and view model (hub.plan.views), read by both themes;
- the navigation and the header (hub.plan.navigation);
- which pages search indexes and the sitemap lists;

The engines receive the plan as one value and render it; nothing in it depends
on which engine does.
"""
from __future__ import annotations

from hub.content import indexes, page_extras
from hub.content.model import url_for
from hub.findings import ERROR, Finding, relpath

from .addresses import AddressBook, Where
from .model import FILE, GENERATED, GONE, PAGE, REDIRECT, SITE_FILE, WITHDRAWN, Address, NavItem, PlannedPage, Redirect, SitePlan
from .navigation import header, navigation
from .views import HOME, NOT_FOUND, Views

__all__ = ["build_plan", "SitePlan", "PlannedPage", "Redirect", "NavItem", "Address", "save_as", "relative"]

# Files the build writes at addresses of their own, besides the pages.
SITE_FILES = (
    (NOT_FOUND, "the page-not-found page (404.html)"),
    ("sitemap.xml", "the sitemap (sitemap.xml)"),
    ("robots.txt", "robots.txt"),
    ("news/feed.xml", "the news feed (news/feed.xml)"),
)
SEARCH_LAYOUT = "search-page.html"
ARCHIVE_LAYOUT = "news-archive.html"
NOT_FOUND_LAYOUT = "404.html"


def save_as(url: str) -> str:
    """The file a URL is served from: guides/x/ -> guides/x/index.html, '' -> index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def relative(target: str, from_url: str) -> str:
    """A link from the page at from_url to target (both site-relative URLs), as MkDocs writes them."""
    import posixpath

    from_dir = posixpath.dirname(save_as(from_url))
    target_path, _, fragment = target.partition("#")
    is_dir = target_path == "" or target_path.endswith("/")
    rel = posixpath.relpath(target_path or ".", from_dir or ".")
    if is_dir:
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


def build_plan(site, config, *, offline: bool = False) -> SitePlan:
    """The plan for this content and configuration. Raises hub.config.ConfigError for settings
    the plan cannot be made without (the pipeline reports those before it gets here)."""
    return _Planner(site, config, offline).plan()


class _Planner:
    def __init__(self, site, config, offline: bool):
        self.site, self.config, self.offline = site, config, offline
        self.book = AddressBook()
        self.findings: list[Finding] = []
        self.pages: dict[str, PlannedPage] = {}
        self.redirects: list[Redirect] = []

    def plan(self) -> SitePlan:
        self.claim_site_files()
        self.add_generated()
        self.add_written()
        self.claim_files()
        self.add_redirects()
        self.add_gone()
        self.check_targets()
        pages = dict(sorted(self.pages.items()))
        hidden = {src for src, p in pages.items() if p.layout in (SEARCH_LAYOUT, ARCHIVE_LAYOUT)}
        nav = navigation(self.config, pages, hidden)
        top = header(self.config, pages, nav)
        views = Views(self.config, self.site, page_extras.settings(self.config), pages, top)
        for p in pages.values():
            p.view = views.page_view(p)
        if indexes.NEWS_ARCHIVE in pages:
            pages[indexes.NEWS_ARCHIVE].view["entries"] = self.archive_entries()
        not_found = self.planned(NOT_FOUND, NOT_FOUND_LAYOUT, GENERATED,
                                 {"title": "Page not found", "type": "page"}, body="")
        not_found.address = not_found.url = not_found.output = NOT_FOUND
        not_found.view = views.not_found_view(not_found)
        addresses = self.book.addresses()
        self.findings += self.book.findings
        return SitePlan(self.config, self.site, self.offline, list(pages.values()), not_found, self.redirects,
                        addresses, nav, top, views.site_view(offline=self.offline), self.findings)

    # --- who claims which address ---------------------------------------------------------

    def claim_site_files(self):
        for address, owner in SITE_FILES:
            self.book.claim(Address(address, SITE_FILE, owner), Where("mkdocs.yml", 0))

    def add_generated(self):
        made = [indexes.a_to_z_page(self.site), indexes.topics_page(self.site),
                *indexes.section_pages(self.site, self.config.section), indexes.news_archive_page(self.site)]
        for g in filter(None, made):
            layout = ARCHIVE_LAYOUT if g.src_path == indexes.NEWS_ARCHIVE else self.config.layouts.for_page("", "page")
            planned = self.planned(g.src_path, layout, GENERATED, g.meta, body=g.body)
            owner = f"the {g.meta['title']} page, which the build makes"
            if self.book.claim(Address(planned.address, GENERATED, owner), Where("mkdocs.yml", 0)):
                self.pages[g.src_path] = planned

    def add_written(self):
        for page in sorted(self.site.pages, key=lambda p: p.src_path):
            kind = WITHDRAWN if page.withdrawn is not None else PAGE
            shown = self.shown(page)
            if not self.book.claim(Address(page.url, kind, shown), Where(shown, 1)):
                continue
            layout = self.config.layouts.for_page(page.src_path, page.type)
            planned = self.planned(page.src_path, layout, kind, page.meta, page=page)
            tuning = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
            planned.searchable = kind == PAGE and layout != SEARCH_LAYOUT and not tuning.get("exclude")
            planned.in_sitemap = kind == PAGE
            self.pages[page.src_path] = planned

    def claim_files(self):
        from hub.content.model import all_files, content_files

        found = all_files(self.site.root)
        pages = set(content_files(self.site.root, found))
        for path in found:
            rel = path.relative_to(self.site.root).as_posix()
            if path in pages or path.is_symlink() or rel.split("/")[0] == "_data":
                continue
            shown = relpath(path, self.config.root)
            self.book.claim(Address(rel, FILE, shown), Where(shown, 1))

    def add_redirects(self):
        for page in sorted(self.site.pages, key=lambda p: p.src_path):
            shown = self.shown(page)
            for old in page.moved_from:
                where = Where(shown, page.line("moved_from"))
                if old == page.url:
                    self.findings.append(Finding(where.path, where.line, f"moved_from lists /{old}, the page's own address",
                                                 "list only the addresses the page had before", ERROR, "addresses"))
                    continue
                if page.src_path not in self.pages:
                    continue  # the page lost its own address: that finding says enough
                if self.book.claim(Address(old, REDIRECT, shown, target=page.url), where):
                    url = url_for(self.src_for(old), self.offline)
                    self.redirects.append(Redirect(old, save_as(url), page.src_path,
                                                   self.pages[page.src_path].url, page.title))

    def add_gone(self):
        for g in self.config.gone:
            src = self.src_for(g.address)
            owner = "mkdocs.yml (extra.hub.gone)"
            if not self.book.claim(Address(g.address, GONE, owner), Where("mkdocs.yml", 0)):
                continue
            instead = None
            if g.instead:
                target = self.pages.get(g.instead)
                if target is None or target.kind != PAGE:
                    self.findings.append(Finding("mkdocs.yml", 0, f"extra.hub.gone: instead '{g.instead}' for "
                                                 f"/{g.address} is not a current page",
                                                 "give the Markdown file of a page that exists and is not withdrawn, "
                                                 "or leave instead out", ERROR, "config"))
                else:
                    instead = (g.instead, target.meta.get("title", ""))
            made = indexes.gone_page(src, g.removed, g.title, instead)
            self.pages[src] = self.planned(src, self.config.layouts.for_page("", "page"), GONE, made.meta,
                                           body=made.body)

    # --- what pages and settings point at -------------------------------------------------

    def check_targets(self):
        """A withdrawn page's `instead`, the home page's routes and the search page's help must lead
        to current pages."""
        for page in self.site.pages:
            instead = (page.withdrawn or {}).get("instead")
            if instead and (instead not in self.pages or self.pages[instead].kind != PAGE):
                self.findings.append(Finding(
                    self.shown(page), page.line("withdrawn"),
                    f"withdrawn instead '{instead}' is not a current page",
                    "give the Markdown file, from content/, of a page that exists and is not withdrawn",
                    ERROR, "front-matter"))
        for i, route in enumerate(self.config.home_routes, 1):
            if route.page and route.page not in self.pages:
                self.findings.append(Finding(
                    "mkdocs.yml", 0, f"extra.hub.home.routes item {i} links to '{route.page}', which is not a page",
                    "give the path of a Markdown file inside content/, for example guides/index.md", ERROR, "config"))
        for i, link in enumerate(self.config.search.help, 1):
            if link.page not in self.pages or self.pages[link.page].kind != PAGE:
                self.findings.append(Finding(
                    "mkdocs.yml", 0, f"extra.hub.search.help item {i} links to '{link.page}', which is not a current page",
                    "give the path of a Markdown file inside content/ for a page that exists and is not withdrawn",
                    ERROR, "config"))

    def archive_entries(self) -> list[dict]:
        from hub.content.facts import date_range, long_date
        from hub.feeds import news_items

        entries = []
        for page in news_items(self.site):
            if page.withdrawn is not None or page.src_path not in self.pages:
                continue
            event = page.meta.get("event") if isinstance(page.meta.get("event"), dict) else None
            entries.append({"title": page.title, "url": self.pages[page.src_path].url, "summary": page.summary,
                            "published": long_date(page.date("published")),
                            "published_iso": str(page.date("published") or ""),
                            "event": date_range(event.get("start"), event.get("end")) if event else ""})
        return entries

    # --- helpers --------------------------------------------------------------------------

    def planned(self, src: str, layout: str, kind: str, meta: dict, *, page=None, body=None) -> PlannedPage:
        url = url_for(src, self.offline)
        return PlannedPage(src, url_for(src), url, save_as(url), layout, kind, meta, page=page, body=body,
                           in_sitemap=kind == GENERATED and src != NOT_FOUND)

    def shown(self, page) -> str:
        return relpath(page.source, self.config.root)

    @staticmethod
    def src_for(address: str) -> str:
        """The Markdown name a page at this address is read under: guides/old/ -> guides/old.md."""
        return address.rstrip("/") + ".md" if address else HOME

