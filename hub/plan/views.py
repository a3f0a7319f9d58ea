"""View models: what each page's layout and every page's frame show, worked out once for both editions.

A layout only places what its view gives it. Both themes read the same names:
`view.title`, `view.breadcrumbs`, `view.related`, `site.footer`, … Addresses in a view
are site-relative, as this build writes them (`guides/x/`, or `guides/x.html` in the
offline copy); each theme makes them relative to the page it is drawing. Text is
plain: templates escape it (autoescape is on in both editions).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from hub import feeds, site_images
from hub.content import page_extras, schema
from hub.content.facts import long_date, page_facts
from hub.content.indexes import A_TO_Z, TOPICS

from .model import GONE, WITHDRAWN, NavItem, PlannedPage

CONTACT = "contact/index.md"
NEWS = "news/index.md"
ARCHIVE = "news/archive.md"
SEARCH = "search.md"
HOME = "index.md"
NOT_FOUND = "404.html"


class Views:
    """Makes each page's view. `pages` are every planned page, by src_path."""

    def __init__(self, config, site, extras: page_extras.Settings, pages: dict[str, PlannedPage],
                 header: list[NavItem]):
        self.config, self.site, self.extras, self.pages, self.header = config, site, extras, pages, header

    def url(self, src_path: str) -> str:
        page = self.pages.get(src_path)
        return page.url if page else ""

    def title(self, src_path: str) -> str:
        page = self.pages.get(src_path)
        return str(page.meta.get("title", "")) if page else ""

    def site_view(self, *, offline: bool) -> dict:
        """What every page's frame shows."""
        config, url = self.config, self.url
        card = site_images.card(config.site_name, config.site_description)
        links = {"home": url(HOME), "search": url(SEARCH), "a_z": url(A_TO_Z), "topics": url(TOPICS),
                 "contact": url(CONTACT), "news": url(NEWS), "archive": url(ARCHIVE), "feed": feeds.FEED_PATH,
                 "not_found": NOT_FOUND}
        footer = [{"title": self.title(src), "url": url(src), "external": False}
                  for src in (A_TO_Z, TOPICS, CONTACT, *page_extras.STATEMENTS)]
        if links["archive"]:
            footer.append({"title": self.title(ARCHIVE), "url": links["archive"], "external": False})
        footer.append({"title": "News feed (Atom)", "url": links["feed"], "external": False})
        contributing = page_extras.contributing_url(self.extras)
        if contributing:
            footer.append({"title": "Add or improve a page", "url": contributing, "external": True})
        return {
            "name": config.site_name,
            "description": config.site_description,
            "copyright": config.copyright,
            "url": config.site_url,
            "nhs_organisation": config.nhs_organisation,
            "links": links,
            "footer": [f for f in footer if f["url"]],
            "header": [{"title": item.title, "url": item.url, "src_path": item.src_path} for item in self.header],
            "feed_title": feeds.feed_title(config.site_name),
            "card": {"path": card.path, "url": config.site_url + card.path if config.site_url else "",
                     "width": card.width, "height": card.height, "alt": card.alt},
            "icon_path": site_images.ICON_PATH,
            # The routes the search page offers when a search finds nothing (extra.hub.search.help).
            "search_help": [{"title": link.title, "url": url(link.page)} for link in config.search.help
                            if url(link.page)],
            "contributing_url": contributing,
            # The 404 page is served at any address, so its links start from the site's root path (/hub/).
            "root_path": "./" if offline else (urlsplit(config.site_url).path or "/"),
        }

    def page_view(self, planned: PlannedPage) -> dict:
        src = planned.src_path
        page_type = planned.page.type if planned.page is not None else schema.SITE_PAGE
        view = page_facts(planned.meta, page_type)
        extras = page_extras.for_page(planned.page, self.site, self.extras) if planned.page is not None else None
        view.update(
            src_path=src,
            url=planned.url,
            layout=planned.layout,
            kind=planned.kind,
            generated=planned.generated,
            description=view["summary"] or self.config.site_description,
            canonical_url=self.config.site_url + planned.address if self.config.site_url else "",
            noindex=planned.kind in (WITHDRAWN, GONE),
            edit_url=page_extras.edit_url(self.extras, src) if planned.page is not None else "",
            breadcrumbs=self.breadcrumbs(src),
            header_current=self.header_current(src),
            contents=self.contents(planned, view),
            related=[{"title": p.title, "url": self.url(p.src_path)} for p in (extras or {}).get("related", [])
                     if self.url(p.src_path)],
            feedback=(extras or {}).get("feedback"),
            structured_data=(extras or {}).get("structured_data", ""),
            withdrawn=self.withdrawn(planned),
            owner=self.owner(planned),
            routes=self.routes() if src == HOME else [],
            entries=[],
        )
        return view

    def not_found_view(self, planned: PlannedPage) -> dict:
        view = self.page_view(planned)
        view.update(title="Page not found", breadcrumbs=[],
                    description="There is no page at this address. Search the hub, or find pages from A to Z or by topic.")
        return view

    def breadcrumbs(self, src: str) -> list[dict]:
        """Home, then the section the page is in (when it has a landing page): {text, url}."""
        if src in (HOME, NOT_FOUND):
            return []
        crumbs = [{"text": "Home", "url": self.url(HOME)}]
        folder = src.split("/")[0] if "/" in src else ""
        index = f"{folder}/index.md"
        if folder and src != index and self.url(index):
            crumbs.append({"text": self.title(index), "url": self.url(index)})
        return crumbs

    def header_current(self, src: str) -> str:
        """The header link that is this page or its section, so it can be marked as current."""
        folder = src.split("/")[0] if "/" in src else ""
        for item in self.header:
            if item.src_path in (src, f"{folder}/index.md" if folder else None):
                return item.src_path
        return ""

    @staticmethod
    def contents(planned: PlannedPage, facts: dict) -> dict:
        """Whether the page shows an "On this page" list, and the sections its layout adds above
        the body. The list itself comes from the rendered headings (hub.plan.contents)."""
        hide = planned.meta.get("hide") or []
        show = not planned.generated and "toc" not in (hide if isinstance(hide, list) else [hide])
        before = [{"id": "ways-to-get-in-touch", "text": "Ways to get in touch"}] if facts["channels"] else []
        return {"show": show, "before": before}

    def owner(self, planned: PlannedPage) -> dict | None:
        """The team that answers for a contributor's page (content/_data/owners.yml): {name, email, github}."""
        owner = self.site.owners.get(planned.page.owner) if planned.page is not None else None
        return {"name": owner.name, "email": owner.email, "github": owner.github} if owner else None

    def withdrawn(self, planned: PlannedPage) -> dict | None:
        if planned.kind != WITHDRAWN:
            return None
        w = planned.page.withdrawn
        instead = str(w.get("instead") or "")
        return {"date": long_date(w.get("date")), "date_iso": str(w.get("date")), "reason": str(w.get("reason", "")),
                "instead": {"title": self.title(instead), "url": self.url(instead)} if self.url(instead) else None}

    def routes(self) -> list[dict]:
        """extra.hub.home.routes, each with its address: {audience, heading, text, title, href, internal}."""
        routes = []
        for r in self.config.home_routes:
            href, internal = (self.url(r.page), True) if r.page else (r.url, False)
            routes.append({"audience": r.audience, "heading": r.heading, "text": r.text, "title": r.title,
                           "href": href, "internal": internal})
        return routes
