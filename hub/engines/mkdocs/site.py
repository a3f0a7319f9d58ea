"""The site's own steps inside a MkDocs build, called from hooks.py.

- generated pages (A to Z, topics, section landing pages) added as virtual files;
- readable section titles and a sensible order in the automatic navigation;
- the layout (template) for each page and the facts it shows (page.meta["hub"]);
- a sidebar that lists long sections by their landing page, not page by page;
- review dates as each page's update date, so sitemap.xml is deterministic;
- the end of each content page: feedback links, related pages, structured data,
  and "Suggest a change" on every page a contributor wrote (hub.content.page_extras);
- the Atom feed of news, and the social card (og:image).

The decisions themselves live in engine-independent modules (hub.content.facts,
hub.content.indexes, hub.feeds) so the Pelican engine makes the same choices.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section

from hub import feeds, security, site_images, themes
from hub.content import facts, indexes, page_extras, schema


def hub_settings(config) -> dict:
    return config.extra.get("hub") or {}


# --- on_files --------------------------------------------------------------------------

def outside_docs(file, docs: Path) -> bool:
    """A content file that is a symbolic link, or reached through one (theme and generated files aside)."""
    if not file.abs_src_path or not file.src_dir or Path(file.src_dir).resolve() != docs:
        return False
    path = Path(file.abs_src_path)
    return path.is_symlink() or not path.resolve().is_relative_to(docs)


def add_generated_pages(files, config, site) -> dict:
    """Add the A to Z, topic index and missing section pages; return them by src_path."""
    wanted = [indexes.a_to_z_page(site), indexes.topics_page(site)]
    wanted += indexes.section_pages(site, hub_settings(config).get("sections") or {})
    generated = {}
    for page in wanted:
        if files.get_file_from_path(page.src_path) is not None:
            continue  # a contributor wrote this page themselves: theirs wins
        files.append(File.generated(config, page.src_path, content=page.text()))
        generated[page.src_path] = page
    return generated


# --- on_env ----------------------------------------------------------------------------

def escape_hub_templates(env, config) -> None:
    """Turn Jinja autoescaping on for every template in theme/material/, and give templates the page policy.

    MkDocs' Jinja environment escapes nothing, and Material's templates expect that. The
    hub's own templates (theme/material/, including its replacements for Material's base, navigation
    and tabs, which print titles) are escaped by default, so a title, summary or setting is
    always text; page HTML that Markdown made is marked `| safe` where it is placed.
    Material's remaining templates print no front matter or settings text.
    """
    theme_dir = Path(config.theme.custom_dir)
    themes.with_shared_templates(env)
    own = {p.relative_to(theme_dir).as_posix() for p in theme_dir.rglob("*.html")} | themes.shared_template_names()
    env.autoescape = lambda name: name in own
    env.globals["hub_csp"] = security.CONTENT_SECURITY_POLICY
    env.globals["hub_language"] = security.LANGUAGE


def site_links(files, models: dict, extras: page_extras.Settings, search_help: list = ()) -> dict:
    """Addresses every page links to (footer, 404, feed), as this build publishes them.

    `statements` are the accessibility and privacy statements, as {url, title}, when they exist.
    """
    def url(src: str) -> str:
        file = files.get_file_from_path(src)
        return file.url if file is not None else ""

    return {
        "a_z": url(indexes.A_TO_Z),
        "topics": url(indexes.TOPICS),
        "contact": url("contact/index.md"),
        "news": url("news/index.md"),
        "search": url("search.md"),
        "feed": feeds.FEED_PATH,
        "contributing": page_extras.contributing_url(extras),
        "statements": [{"url": url(src), "title": models[src].title}
                       for src in page_extras.STATEMENTS if src in models and url(src)],
        # The routes the search page offers when a search finds nothing (extra.hub.search.help).
        "search_help": [{"url": url(link["page"]), "title": link["title"]} for link in search_help
                        if isinstance(link, dict) and link.get("page") and url(link["page"])],
    }


def social_card(config) -> dict | None:
    """The og:image tags' values: the card written in on_post_build. None without a site_url
    (Open Graph needs an absolute address)."""
    if not config.site_url:
        return None
    card = site_images.card(config.site_name, config.site_description)
    return {"url": config.site_url + card.path, "width": card.width, "height": card.height, "alt": card.alt}


# --- on_nav ----------------------------------------------------------------------------

def arrange_nav(nav, config, models: dict):
    """Give sections their titles from extra.hub.sections and put the items in reading order.

    Order: home, the sections in the order mkdocs.yml lists them, then other pages
    (A to Z, topics). The search page is left out: every header has the search form.
    """
    if config.nav:  # someone wrote an explicit nav in mkdocs.yml: respect it
        return nav
    sections = hub_settings(config).get("sections") or {}
    order = list(sections)
    layouts = (hub_settings(config).get("layouts") or {}).get("pages") or {}
    hidden = {src for src, layout in layouts.items() if layout == "search-page.html"}

    def folder(item) -> str:
        page = item.children[0] if isinstance(item, Section) and item.children else item
        file = getattr(page, "file", None)
        return file.src_uri.split("/", 1)[0] if file and "/" in file.src_uri else ""

    def rank(item) -> tuple:
        file = getattr(item, "file", None)
        if file is not None and file.src_uri == "index.md":
            return (0, 0, "")
        if isinstance(item, Section):
            name = folder(item)
            return (1, order.index(name) if name in order else len(order), item.title or "")
        return (2, 0, (item.title or "").casefold())

    for item in nav.items:
        if getattr(getattr(item, "file", None), "src_uri", None) == "index.md":
            item.title = "Home"  # in the menus only; the page keeps its own title and h1
        if isinstance(item, Section):
            name = folder(item)
            if name in sections and sections[name].get("title"):
                item.title = sections[name]["title"]
            item.children.sort(key=lambda child: _child_rank(child, models))
    nav.items = sorted((i for i in nav.items if getattr(getattr(i, "file", None), "src_uri", None) not in hidden),
                       key=rank)
    return nav


def _child_rank(item, models: dict) -> tuple:
    file = getattr(item, "file", None)
    if file is None:
        return (1, "", (item.title or "").casefold())
    if file.src_uri.endswith("index.md"):
        return (0, "", "")
    model = models.get(file.src_uri)
    if model is not None and model.type == "news":
        # News: newest first. Inverting the date's digits sorts descending as text.
        published = model.date("published")
        key = published.isoformat().translate(str.maketrans("0123456789", "9876543210")) if published else "~"
        return (1, key, model.title.casefold())
    title = model.title if model is not None else (item.title or "")
    return (1, "", indexes.filing_title(title).casefold())


# --- on_page_context --------------------------------------------------------------------

class _ShownNav:
    """The navigation as one page's sidebar shows it: like `nav`, with long sections shortened.

    Material lists every page of the open section in the sidebar. In a section of a
    thousand guides that is a thousand links on every page: hard to use with a screen
    reader or a magnifier, a third of a megabyte per page, and a link check that grows
    with the square of the page count. A section with more pages than
    extra.hub.navigation.sidebar_max_pages lists its landing page, which lists them
    all, and the page you are on.
    """

    def __init__(self, wrapped, items):
        self._wrapped = wrapped
        self._items = items

    def __getattr__(self, name):
        return getattr(self._wrapped, name)

    @property
    def items(self):  # Navigation
        return self._items

    @property
    def children(self):  # Section
        return self._items


def sidebar_nav(nav, page, config):
    limit = (hub_settings(config).get("navigation") or {}).get("sidebar_max_pages")
    if limit is None:
        return nav
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise PluginError(
            f"mkdocs.yml: extra.hub.navigation.sidebar_max_pages is {limit!r} — fix: give a whole number "
            "of pages, such as 40, or remove the setting to list every page of every section")

    def shown(item):
        if not isinstance(item, Section):
            return item
        children = item.children
        if len(children) > limit:
            children = [c for c in children
                        if getattr(c, "is_index", False) or c is page or (c.is_section and c.active)]
        children = [shown(c) for c in children]
        return item if children == item.children else _ShownNav(item, children)

    items = [shown(item) for item in nav.items]
    return nav if items == nav.items else _ShownNav(nav, items)


# --- on_page_markdown -------------------------------------------------------------------

def prepare_page(page, config, models: dict, generated: dict):
    """Choose the page's layout and give its template the facts it shows."""
    src = page.file.src_uri
    model = models.get(src)
    if model is not None:
        meta, page_type = model.meta, model.type
        # MkDocs parsed the front matter itself, with none of the content model's limits;
        # use the model's values (control characters replaced), so the navigation and
        # every template show what `check` saw.
        page.meta.update(model.meta)
    elif src in generated:
        meta, page_type = generated[src].meta, schema.SITE_PAGE
    else:
        meta, page_type = page.meta, schema.SITE_PAGE
    layouts = hub_settings(config).get("layouts") or {}
    template = (layouts.get("pages") or {}).get(src) or (layouts.get("types") or {}).get(page_type)
    if template:
        page.meta["template"] = template
    page_facts = facts.page_facts(meta, page_type)
    page_facts["generated"] = src in generated
    page.meta["hub"] = page_facts
    # Material and MkDocs read these: the meta description, and the date in sitemap.xml
    # (MkDocs would otherwise use the build date, so no two builds would match).
    if page_facts["summary"]:
        page.meta["description"] = page_facts["summary"]
    if page_facts["last_reviewed_iso"]:
        page.update_date = page_facts["last_reviewed_iso"]


# --- on_page_context --------------------------------------------------------------------

def add_home_routes(page, config, files):
    """Resolve extra.hub.home.routes (one link per audience) to URLs for the home template."""
    if page.meta.get("template") != "home.html":
        return
    routes = []
    for i, route in enumerate((hub_settings(config).get("home") or {}).get("routes") or [], 1):
        link = dict(route.get("link") or {})
        if link.get("page"):
            target = files.get_file_from_path(link["page"])
            if target is None:
                raise PluginError(
                    f"mkdocs.yml: extra.hub.home.routes item {i} links to '{link['page']}', which is not a page — "
                    "fix: give the path of a Markdown file inside content/, for example guides/index.md")
            link["href"] = target.url
            link["internal"] = True
        elif link.get("url"):
            link["href"] = link["url"]
            link["internal"] = False
        routes.append({**route, "link": link})
    page.meta["hub"]["routes"] = routes


def add_page_extras(page, settings, site, models: dict, files, generated: dict):
    """Give the page's template what its end shows (hub.content.page_extras).

    page.meta["hub"] gains `edit_url` on every page a contributor wrote, and, on content
    pages, `feedback` (Yes and No links), `related` ({title, url} as this build publishes
    them) and `structured_data` (JSON text already escaped for a script element).
    """
    src = page.file.src_uri
    model = models.get(src)
    hub = page.meta["hub"]
    hub["edit_url"] = page_extras.edit_url(settings, src) if model is not None and src not in generated else ""
    extras = page_extras.for_page(model, site, settings) if model is not None else None
    if extras is None:
        return
    related = []
    for other in extras["related"]:
        file = files.get_file_from_path(other.src_path)
        if file is not None:
            related.append({"title": other.title, "url": file.url})
    hub.update(feedback=extras["feedback"], related=related, structured_data=extras["structured_data"])


# --- on_post_build ----------------------------------------------------------------------

def write_feed(config, site, files):
    """The Atom feed (feeds.FEED_PATH), with each item's address as this build publishes it."""
    site_url = config.site_url or "/"

    def page_url(page) -> str:
        file = files.get_file_from_path(page.src_path)
        return site_url + (file.url if file is not None else page.url)

    data = feeds.atom(site, site_name=config.site_name, site_url=site_url, page_url=page_url,
                      feed_url=site_url + feeds.FEED_PATH)
    out = Path(config.site_dir) / feeds.FEED_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)

