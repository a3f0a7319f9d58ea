"""What the Pelican templates can ask about the site: the `hub` global and date filters.

Facts about a page come from the hub's content model (hub.content.facts), the
same functions the MkDocs theme uses, so both sites say the same thing in the
same words. URLs are site-relative; templates put {{ SITEURL }}/ in front.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from hub.content import schema
from hub.content.facts import long_date, page_facts, topic_label
from hub.content.indexes import anchor

from hub.content.model import type_for
from .urls import generated_url, page_url


class HubContext:
    def __init__(self, config, site, *, offline: bool, generated: list, archive_url: str):
        self.config = config
        self.offline = offline
        self.site_name = config.site_name
        self.description = config.site_description
        self.repository = (config.hub.get("repository") or "").rstrip("/")
        self.sections = config.hub.get("sections") or {}
        self.archive_url = archive_url
        self.feed_url = "news/feed.xml"
        # The 404 page is served at any address, so its links start from the site's root path (/hub/).
        self.root_path = "./" if offline else (urlsplit(config.site_url).path or "/")
        # src_path -> (front matter, type), for written and generated pages alike.
        self._meta: dict[str, tuple[dict, str]] = {p.src_path: (p.meta, p.type) for p in site.pages}
        for g in generated:
            self._meta[g.src_path] = (g.meta, type_for(g.src_path))

    # Addresses -----------------------------------------------------------
    def url(self, src_path: str) -> str:
        return page_url(src_path, self.offline)

    @property
    def home_url(self) -> str:
        return self.url("index.md")

    @property
    def search_url(self) -> str:
        return self.url("search.md")

    def has(self, src_path: str) -> bool:
        return src_path in self._meta

    # Page facts ----------------------------------------------------------
    def facts(self, src_path: str) -> dict:
        meta, page_type = self._meta.get(src_path, ({}, schema.SITE_PAGE))
        return page_facts(meta, page_type)

    def edit_url(self, src_path: str) -> str:
        if not self.repository or src_path not in self._meta or self._generated(src_path):
            return ""
        return f"{self.repository}/edit/main/{self.config.raw.get('docs_dir', 'content')}/{src_path}"

    def _generated(self, src_path: str) -> bool:
        return not (self.config.content_dir / src_path).exists()

    def pages(self, page_type: str) -> list[dict]:
        """Every page of a type as {title, summary, url}, by title: for cards and lists."""
        out = [{"title": str(m.get("title", "")), "summary": str(m.get("summary", "")), "url": self.url(src),
                "src_path": src}
               for src, (m, t) in self._meta.items() if t == page_type and not src.endswith("index.md")]
        return sorted(out, key=lambda p: p["title"].casefold())

    # Navigation ----------------------------------------------------------
    def section_index(self, folder: str) -> str:
        return f"{folder}/index.md"

    def section_title(self, folder: str) -> str:
        src = self.section_index(folder)
        if src in self._meta:
            return str(self._meta[src][0].get("title", ""))
        return (self.sections.get(folder) or {}).get("title") or folder.capitalize()

    def nav(self) -> list[dict]:
        """Header links: mkdocs.yml `nav` when it is set, or else one per section, then the indexes."""
        if self.config.nav:
            return [item for item in (self._nav_item(entry) for entry in self.config.nav) if item]
        # Sections in the order mkdocs.yml lists them under extra.hub.sections, as the MkDocs navigation.
        folders = list(self.sections) + [f for f in schema.FOLDERS if f not in self.sections]
        items = [{"title": self.section_title(f), "src_path": self.section_index(f)}
                 for f in folders if self.has(self.section_index(f))]
        for src in ("a-z.md", "topics.md"):
            if self.has(src):
                items.append({"title": self.facts(src)["title"], "src_path": src})
        return [dict(i, url=self.url(i["src_path"])) for i in items]

    def _nav_item(self, entry):
        """One mkdocs.yml nav entry ('x.md', {Title: x.md} or {Title: [...]}) as a header link."""
        if isinstance(entry, str):
            return {"title": self.facts(entry)["title"], "src_path": entry, "url": self.url(entry)} \
                if self.has(entry) else None
        if isinstance(entry, dict) and entry:
            title, target = next(iter(entry.items()))
            while isinstance(target, list) and target:  # a section: link to its first page
                first = target[0]
                target = next(iter(first.values())) if isinstance(first, dict) else first
            if isinstance(target, str) and self.has(target):
                return {"title": str(title), "src_path": target, "url": self.url(target)}
        return None

    def breadcrumbs(self, src_path: str) -> list[dict]:
        """Home, then the section the page is in (when it has a landing page): {text, url}."""
        if src_path == "index.md":
            return []
        crumbs = [{"text": "Home", "url": self.home_url}]
        folder = src_path.split("/")[0] if "/" in src_path else ""
        index = self.section_index(folder)
        if folder and src_path != index and self.has(index):
            crumbs.append({"text": self.section_title(folder), "url": self.url(index)})
        return crumbs

    def current_nav(self, src_path: str) -> str:
        """The header link that is this page or its section, so it can be marked as current."""
        folder = src_path.split("/")[0] if "/" in src_path else ""
        for item in self.nav():
            if item["src_path"] in (src_path, self.section_index(folder) if folder else None):
                return item["src_path"]
        return ""

    def topic_label(self, topic: str) -> str:
        return topic_label(topic)

    def generated_url(self, name: str) -> str:
        return generated_url(name, self.offline)

    def home_routes(self) -> list[dict]:
        """extra.hub.home.routes as {audience, heading, text, title, href, internal}: one route per audience."""
        routes = []
        for route in (self.config.hub.get("home") or {}).get("routes") or []:
            link = route.get("link") or {}
            if link.get("page"):
                if not self.has(link["page"]):
                    raise ValueError(f"mkdocs.yml: extra.hub.home.routes links to '{link['page']}', which is not a page")
                href, internal = self.url(link["page"]), True
            else:
                href, internal = link.get("url", ""), False
            routes.append({**route, "title": link.get("title", ""), "href": href, "internal": internal})
        return routes


def h2_sections(html: str) -> list[dict]:
    """The page's h2 headings as {id, text}, for the guide's contents list."""
    from bs4 import BeautifulSoup

    return [{"id": h["id"], "text": h.get_text(" ", strip=True)}
            for h in BeautifulSoup(html or "", "html.parser").find_all("h2") if h.get("id")]


def topic_anchor(topic: str) -> str:
    """The id of a topic's heading on the topic index (hub.content.indexes)."""
    return "topic-" + anchor(topic)


FILTERS = {"long_date": long_date, "h2_sections": h2_sections, "topic_anchor": topic_anchor}
