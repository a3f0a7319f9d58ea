"""What the Pelican templates can ask about the site: the `hub` global and date filters.

Facts about a page come from the hub's content model (hub.content.facts), the
same functions the MkDocs theme uses, so both sites say the same thing in the
same words. URLs are site-relative; templates put {{ SITEURL }}/ in front.
"""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

from markupsafe import Markup

from hub import site_images
from hub.content import page_extras, schema
from hub.content.facts import long_date, page_facts, topic_label
from hub.content.indexes import anchor

from .urls import NEWS_INDEX, generated_url, page_url

# The page GitHub Pages serves for an address that has no page.
NOT_FOUND_URL = "404.html"


def nhs_organisation(config) -> bool:
    """Only an NHS organisation may show the NHS logo and NHS icons (extra.hub.publisher.nhs_organisation: true).

    Missing, or anything but true, means no: the header shows the site's name alone.
    """
    publisher = config.hub.get("publisher")
    return isinstance(publisher, dict) and publisher.get("nhs_organisation") is True


class HubContext:
    def __init__(self, config, site, *, offline: bool, generated: list, archive_url: str):
        self.config = config
        self.offline = offline
        self.site_name = config.site_name
        self.description = config.site_description
        self.copyright = str(config.raw.get("copyright") or "")
        # Absolute, ending in "/", or "" when mkdocs.yml has no site_url (then no canonical links,
        # og:url or og:image, which must be absolute).
        self.site_url = config.site_url
        self._drawn: dict[tuple, object] = {}
        self.card = site_images.card(config.site_name, config.site_description)
        self.icon_path = site_images.ICON_PATH
        self.news_index = NEWS_INDEX
        self.sections = config.hub.get("sections") or {}
        self.archive_url = archive_url
        self.feed_url = "news/feed.xml"
        # The 404 page is served at any address, so its links start from the site's root path (/hub/).
        self.root_path = "./" if offline else (urlsplit(config.site_url).path or "/")
        # src_path -> (front matter, type), for written and generated pages alike.
        self._meta: dict[str, tuple[dict, str]] = {p.src_path: (p.meta, p.type) for p in site.pages}
        self._site = site
        self._pages = {p.src_path: p for p in site.pages}
        self._extras_settings = page_extras.settings(config)
        self._extras: dict[str, dict | None] = {}
        # Generated pages are site pages, as in the MkDocs build: no "Guide" caption over "Guides".
        self._generated_pages = {g.src_path for g in generated}
        for g in generated:
            self._meta[g.src_path] = (g.meta, schema.SITE_PAGE)

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

    def absolute(self, url: str) -> str:
        """A site-relative URL as a full address, or "" when the site has no site_url."""
        return self.site_url + url if self.site_url else ""

    def canonical_url(self, src_path: str, url: str = "") -> str:
        """The page's address on the published site. An offline copy names the online page, not its own file."""
        return self.absolute(page_url(src_path) if src_path else url)

    @property
    def not_found_url(self) -> str:
        return NOT_FOUND_URL

    # Publisher -----------------------------------------------------------
    @property
    def nhs_organisation(self) -> bool:
        return nhs_organisation(self.config)

    @property
    def contributing_url(self) -> str:
        return page_extras.contributing_url(self._extras_settings)

    # Page facts ----------------------------------------------------------
    def facts(self, src_path: str) -> dict:
        meta, page_type = self._meta.get(src_path, ({}, schema.SITE_PAGE))
        return page_facts(meta, page_type)

    def contents(self, src_path: str, html: str, hide=(), before=()) -> list[dict]:
        """The "On this page" list: {id, text} for each section, or [] when a list would not help.

        A list is worth having from two sections up. `before` are sections the layout adds
        above the body (a contact page's ways to get in touch). Generated pages (A to Z,
        topics) open with links to their own sections already, and a page can leave the
        list out with `hide: [toc]` in its front matter, as on the MkDocs site.
        """
        if self.is_generated(src_path) or "toc" in (hide or ()):
            return []
        sections = [*before, *h2_sections(html)]
        return sections if len(sections) > 1 else []

    def edit_url(self, src_path: str) -> str:
        if src_path not in self._meta or self.is_generated(src_path):
            return ""
        return page_extras.edit_url(self._extras_settings, src_path)

    @property
    def statements(self) -> list[str]:
        """The accessibility and privacy statements' src_paths, for the footer (when they exist)."""
        return [src for src in page_extras.STATEMENTS if self.has(src)]

    def extras(self, src_path: str) -> dict | None:
        """The end of a content page (hub.content.page_extras): {feedback, related, structured_data};
        None for any other page. `related` is [{title, src_path}]; templates link them with url()."""
        if src_path not in self._extras:  # asked by the head and the body of each page
            page = self._pages.get(src_path)
            found = page_extras.for_page(page, self._site, self._extras_settings) if page is not None else None
            self._extras[src_path] = found and dict(
                found, related=[{"title": p.title, "src_path": p.src_path} for p in found["related"]])
        return self._extras[src_path]

    def is_generated(self, src_path: str) -> bool:
        """A page the build writes (A to Z, topics, section landing pages), not a contributor."""
        return src_path in self._generated_pages

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

    # The header -----------------------------------------------------------
    def header_key(self, src_path: str, root: str) -> tuple:
        """What a page's header depends on: the links' root and which menu item is this page or
        its section. Pages with the same key have the same header, byte for byte."""
        current = self.current_nav(src_path)
        return ("header", root, current, current == src_path)

    def drawn(self, key: tuple):
        """A part of the page frame already drawn with this key in this build, or None.

        NHS.UK frontend's header and footer macros were most of the cost of drawing a page,
        and a site of thousands of pages has only a few different headers and footers (by
        header_key, and by the links' root)."""
        return self._drawn.get(key)

    def keep(self, key: tuple, html):
        self._drawn[key] = html
        return html

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
    """The page's h2 headings as {id, text}, for the guide's contents list.

    Read with the standard library's HTMLParser events, not a soup tree: this runs for every
    page, and only the h2 elements matter."""
    finder = _H2Finder()
    finder.feed(html or "")
    finder.close()
    return [{"id": hid, "text": " ".join("".join(parts).split())} for hid, parts in finder.found if hid]


class _H2Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[str]]] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.found.append((dict(attrs).get("id") or "", []))
            self._open = True
        elif self._open and tag == "br":
            self.found[-1][1].append(" ")

    def handle_endtag(self, tag):
        if tag == "h2":
            self._open = False

    def handle_data(self, data):
        if self._open:
            self.found[-1][1].append(data)


def _html_formatter():
    """HTML as NHS.UK frontend writes it: <input> not <input/>, `novalidate` not `novalidate=""`,
    and &, < and > always escaped in text and attributes."""
    from bs4.dammit import EntitySubstitution
    from bs4.formatter import HTMLFormatter

    return HTMLFormatter(entity_substitution=EntitySubstitution.substitute_xml, void_element_close_prefix="",
                         empty_attributes_are_booleans=True)


def without_nhs_logo(header_html: str) -> Markup:
    """NHS.UK frontend's header (nhsukHeader macro output) without the NHS logo, for sites that
    are not NHS organisations.

    The macro always draws the logo: here, in a link home labelled "NHS <service> homepage"
    that also holds the service name. That link becomes the service name linked on its own,
    as the macro writes it when the name has a link of its own, so it is named by the words
    a reader sees and keeps NHS.UK frontend's styles. The input is the macro's autoescaped
    output; it is parsed and written back as HTML, never unescaped.
    """
    from bs4 import BeautifulSoup

    # Each different header is drawn and filtered once a build (HubContext.drawn), not once a page.
    soup = BeautifulSoup(str(header_html), "html.parser")
    service = soup.select_one(".nhsuk-header__service")
    logos = service.select(".nhsuk-header__logo, .nhsuk-header__organisation-logo") if service else []
    if not logos:
        raise ValueError("nhsukHeader's markup has changed: no NHS logo found in .nhsuk-header__service")
    for logo in logos:
        logo.decompose()
    for link in service.select("a.nhsuk-header__service-logo"):
        name = link.select_one(".nhsuk-header__service-name")
        if name is None:  # a logo-only link: nothing left to link
            link.decompose()
            continue
        home = soup.new_tag("a", attrs={"class": "nhsuk-header__service-name", "href": link["href"]})
        home.string = name.get_text(strip=True)
        link.replace_with(home)
    return Markup(soup.decode(formatter=_html_formatter()))


def own_search_form_id(header_html: str) -> Markup:
    """NHS.UK frontend's header with its search form's id="search" renamed to the hub's own.

    A page with a "Search" heading gets id="search" too, and ids must be unique (the page's
    contents link would lead to the form). Nothing points at the form's id. The input is the
    macro's autoescaped output; it is parsed and written back as HTML, never unescaped.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(str(header_html), "html.parser")
    form = soup.select_one("form#search")
    if form is None:
        raise ValueError("nhsukHeader's markup has changed: no search form with id=\"search\"")
    form["id"] = "hub-header-search"
    return Markup(soup.decode(formatter=_html_formatter()))


def topic_anchor(topic: str) -> str:
    """The id of a topic's heading on the topic index (hub.content.indexes)."""
    return "topic-" + anchor(topic)


FILTERS = {"long_date": long_date, "topic_anchor": topic_anchor,
           "without_nhs_logo": without_nhs_logo, "own_search_form_id": own_search_form_id}
