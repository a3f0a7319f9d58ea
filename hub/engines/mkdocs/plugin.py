"""The Material edition's plugin: the site plan, rendered by an ordinary MkDocs build.

A MkDocs plugin with its state on the instance (as Material's own plugins keep
theirs): the engine (engine.py) makes one with the build's plan and adds it to
MkDocs' plugins; `mkdocs build` and `mkdocs serve` run on their own get one from
hooks.py. The plugin decides nothing: it adds the plan's generated pages, gives
each page its template and view, and gives the templates the site's view.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section

from hub import security, themes
from hub.plan import SitePlan


class HubPlugin(BasePlugin):
    def __init__(self, plan: SitePlan):
        super().__init__()
        self.plan = plan

    def on_files(self, files, config):
        # Only files really inside content/ are published: the content model stops the build
        # for a symbolic link, and nothing read through one may reach the site even so.
        docs = Path(config.docs_dir).resolve()
        for f in list(files):
            if outside_docs(f, docs):
                files.remove(f)
        for page in self.plan.generated:
            files.append(File.generated(config, page.src_path, content=page.markdown_file()))
        return files

    def on_env(self, env, config, files):
        """Autoescape every template of the Material theme and theme/shared/, and give templates the site.

        MkDocs' Jinja environment escapes nothing, and Material's templates expect that. The
        hub's own templates (including its replacements for Material's base, navigation and
        tabs, which print titles) are escaped by default, so a title, summary or setting is
        always text; page HTML that Markdown made is marked `| safe` where it is placed.
        Material's remaining templates print no front matter or settings text.
        """
        theme_dir = Path(config.theme.custom_dir)
        themes.with_shared_templates(env)
        own = {p.relative_to(theme_dir).as_posix() for p in theme_dir.rglob("*.html")} | themes.shared_template_names()
        env.autoescape = lambda name: name in own
        env.globals.update(site=self.plan.site_view, hub_csp=security.CONTENT_SECURITY_POLICY,
                           hub_language=security.LANGUAGE)
        return env

    def on_page_markdown(self, markdown, page, config, files):
        planned = self.plan.by_src.get(page.file.src_uri)
        if planned is None:
            return markdown
        # MkDocs parsed the front matter itself, with none of the content model's limits;
        # the plan's values (control characters replaced) are what every template shows.
        page.meta.update(planned.meta)
        page.meta["template"] = planned.layout
        # Material and MkDocs read these: the date in sitemap.xml's place (MkDocs would use the clock).
        if planned.view["last_reviewed_iso"]:
            page.update_date = planned.view["last_reviewed_iso"]
        return markdown

    def on_page_context(self, context, page, config, nav):
        context["view"] = self.plan.view(page.file.src_uri)
        context["nav"] = sidebar_nav(nav, page, self.plan.config.sidebar_max_pages)
        return context

    def on_template_context(self, context, template_name, config):
        """The page-not-found page has no Markdown: its view is the plan's."""
        context["view"] = self.plan.not_found.view
        return context


def outside_docs(file, docs: Path) -> bool:
    """A content file that is a symbolic link, or reached through one (theme and generated files aside)."""
    if not file.abs_src_path or not file.src_dir or Path(file.src_dir).resolve() != docs:
        return False
    path = Path(file.abs_src_path)
    return path.is_symlink() or not path.resolve().is_relative_to(docs)


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


def sidebar_nav(nav, page, limit: int | None):
    if limit is None:
        return nav

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
