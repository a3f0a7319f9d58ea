"""What the NHS.UK templates need beyond the plan's views: drawing the page frame once, and filters.

The views (`site`, and `page.hub_view` on each page) come from the site plan, the
same values the Material templates read. This module only helps draw them the
NHS.UK way: NHS.UK frontend's header, footer and breadcrumb macros were most of
the cost of drawing a page, and a site of thousands of pages has only a few
different ones, so each is drawn once per build and reused; and the filters that
fit NHS.UK frontend's header to this site.
"""
from __future__ import annotations

from markupsafe import Markup

from hub.content.facts import long_date
from hub.content.indexes import anchor
from hub.plan import contents


class Frame:
    """The `hub` global of the NHS.UK templates, for one build."""

    def __init__(self, plan):
        self.not_found = plan.not_found.view
        self._drawn: dict[tuple, object] = {}

    def contents(self, view: dict, html: str) -> list[dict]:
        """The "On this page" list for a page, from its view and its rendered HTML (hub.plan.contents)."""
        return contents.sections(view, html)

    def header_key(self, view: dict, root: str) -> tuple:
        """What a page's header depends on: the links' root and which menu item is this page or
        its section. Pages with the same key have the same header, byte for byte."""
        current = view["header_current"]
        return ("header", root, current, current == view["src_path"])

    def drawn(self, key: tuple):
        """A part of the page frame already drawn with this key in this build, or None."""
        return self._drawn.get(key)

    def keep(self, key: tuple, html):
        self._drawn[key] = html
        return html


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

    # Each different header is drawn and filtered once a build (Frame.drawn), not once a page.
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
