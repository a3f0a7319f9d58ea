"""The navigation, worked out once: the Material edition's menu and tabs and the NHS.UK header.

When mkdocs.yml has a `nav:`, it is the navigation. Otherwise: home, then each
section in the order mkdocs.yml lists them under extra.hub.sections (its landing
page first, then its pages by title as the A to Z files them; news newest first),
then the other pages by title. The search page is left out (every header has the
search form), and so are withdrawn guidance, removed pages and the news archive,
which the News page and the footer lead to.

The header (NHS.UK) and the tabs (Material) list the sections that have a
landing page, then the A to Z and topics.
"""
from __future__ import annotations

import datetime as dt

from hub.content import schema
from hub.content.indexes import A_TO_Z, TOPICS, filing_title

from .model import GENERATED, PAGE, NavItem, PlannedPage

HOME = "index.md"


def navigation(config, pages: dict[str, PlannedPage], hidden: set[str]) -> list[NavItem]:
    """The whole navigation. `hidden` are pages that are never listed (the search page)."""
    if config.nav:
        return [item for item in (_from_config(entry, pages) for entry in config.nav) if item]
    listed = {src: p for src, p in pages.items() if p.kind in (PAGE, GENERATED) and src not in hidden}
    items = []
    if HOME in listed:
        items.append(_item(listed[HOME], title="Home"))  # in the menus only; the page keeps its own title
    folders = list(config.sections) + sorted(f for f in schema.FOLDERS if f not in config.sections)
    for folder in folders:
        children = [p for src, p in listed.items() if src.startswith(folder + "/")]
        if not children:
            continue
        children.sort(key=_child_order)
        items.append(NavItem(config.section(folder).title, f"{folder}/index.md", _index_url(children, folder),
                             tuple(_item(c) for c in children)))
    others = [p for src, p in listed.items() if "/" not in src and src != HOME]
    items += [_item(p) for p in sorted(others, key=lambda p: _title(p).casefold())]
    return items


def header(config, pages: dict[str, PlannedPage], nav: list[NavItem]) -> list[NavItem]:
    """The NHS.UK header's links and Material's tabs (after home): sections with a landing page,
    then the A to Z and topics. With a `nav:` in mkdocs.yml, its top-level entries."""
    if config.nav:
        return [item for item in nav if item.src_path != HOME]
    items = [NavItem(item.title, item.src_path, item.url) for item in nav
             if item.children and item.src_path in pages]
    for src in (A_TO_Z, TOPICS):
        if src in pages:
            items.append(_item(pages[src]))
    return items


def _child_order(p: PlannedPage) -> tuple:
    if p.src_path.endswith("/index.md"):
        return (0, "", "")
    if p.page is not None and p.page.type == "news":
        # News: newest first. Inverting the date's digits sorts descending as text.
        published = p.page.date("published")
        key = published.isoformat().translate(str.maketrans("0123456789", "9876543210")) if published else "~"
        return (1, key, _title(p).casefold())
    return (1, "", filing_title(_title(p)).casefold())


def _index_url(children: list[PlannedPage], folder: str) -> str:
    index = next((c for c in children if c.src_path == f"{folder}/index.md"), None)
    return index.url if index else ""


def _title(p: PlannedPage) -> str:
    return str(p.meta.get("title", ""))


def _item(p: PlannedPage, title: str = "") -> NavItem:
    return NavItem(title or _title(p), p.src_path, p.url)


def _from_config(entry, pages: dict[str, PlannedPage]) -> NavItem | None:
    """One mkdocs.yml nav entry ('x.md', {Title: x.md} or {Title: [...]}), as a NavItem."""
    if isinstance(entry, str):
        return _item(pages[entry]) if entry in pages else None
    if isinstance(entry, dict) and entry:
        title, target = next(iter(entry.items()))
        if isinstance(target, list):
            children = tuple(c for c in (_from_config(e, pages) for e in target) if c)
            first = children[0] if children else None
            return NavItem(str(title), first.src_path if first else "", first.url if first else "", children)
        if isinstance(target, str) and target in pages:
            return NavItem(str(title), target, pages[target].url)
    return None


def newest_first(pages: list) -> list:
    """News pages, newest first; ties broken by title so the order never changes."""
    return sorted(pages, key=lambda p: (p.date("published") or dt.date.min, p.title), reverse=True)
