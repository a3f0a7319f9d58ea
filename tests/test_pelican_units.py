"""Unit tests for the Pelican engine's parts: link rewriting, settings from mkdocs.yml, assets, the header filters."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hub.engines.pelican import assets
from hub.engines.pelican.links import ContentLinks
from hub.engines.pelican.settings import markdown_settings

ROOT = Path(__file__).resolve().parent.parent


class _Plan:
    """What the link rewriter asks of a site plan: each page's address in this build."""

    def __init__(self, src_paths, offline=False):
        from types import SimpleNamespace

        from hub.content.model import url_for

        self.by_src = {src: SimpleNamespace(url=url_for(src, offline)) for src in src_paths}


def _render(markdown_text, src_path, src_paths, offline=False):
    import markdown

    ext = ContentLinks(_Plan(src_paths, offline))
    ext.src_path = src_path
    return markdown.Markdown(extensions=[ext]).convert(markdown_text)


def test_links_to_markdown_files_become_page_urls():
    pages = {"guides/a.md", "guides/b.md", "contact/index.md", "index.md"}
    html = _render("[B](b.md) [C](../contact/index.md#phone) [Home](../index.md) "
                            "[Out](https://example.org/x.md) [Top](#top) ![Map](../images/map.png)",
                            "guides/a.md", pages)
    assert 'href="../b/"' in html
    assert 'href="../../contact/#phone"' in html
    assert 'href="../../"' in html
    assert 'href="https://example.org/x.md"' in html
    assert 'href="#top"' in html
    assert 'src="../../images/map.png"' in html


def test_offline_links_use_html_files():
    html = _render("[B](b.md) [Home](../index.md)", "guides/a.md", {"guides/a.md", "guides/b.md", "index.md"},
                      offline=True)
    assert 'href="b.html"' in html and 'href="../index.html"' in html


def test_links_to_missing_pages_are_left_for_the_links_check():
    html = _render("[Gone](gone.md)", "guides/a.md", {"guides/a.md"})
    assert 'href="gone.md"' in html


def test_markdown_extensions_come_from_mkdocs_yml(hub_config):
    md = markdown_settings(hub_config)
    for item in hub_config.raw["markdown_extensions"]:
        name = next(iter(item)) if isinstance(item, dict) else item
        assert name in md["extensions"]
    # MkDocs always adds these, so Pelican must render them too.
    assert {"toc", "tables", "fenced_code"} <= set(md["extensions"])


def test_nhsuk_frontend_is_pinned_to_the_release_nhsuk_frontend_jinja_targets():
    from importlib.metadata import metadata, version

    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["nhsuk-frontend"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), "pin an exact version, not a range"
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/nhsuk-frontend"]["version"] == pinned
    # nhsuk-frontend-jinja's README has a table: | NHS.UK frontend version | NHS.UK frontend jinja version |
    table = dict((jinja, frontend) for frontend, jinja in
                 re.findall(r"^\| (\d+\.\d+\.\d+) \| (\d+\.\d+\.\d+) \|$", metadata("nhsuk-frontend-jinja").get_payload(),
                            re.M))
    assert table[version("nhsuk-frontend-jinja")] == pinned
    assert assets.version() == pinned


def test_stylesheet_loses_remote_fonts_and_root_urls():
    css = ("@font-face{font-family:Frutiger W01;src:url(https://assets.nhs.uk/fonts/a.woff2) format(\"woff2\")}"
           ".a{background:url(/assets/images/x.svg)}.b{font-family:Frutiger W01,arial,sans-serif}\n"
           "/*# sourceMappingURL=nhsuk-frontend.min.css.map */")
    out = assets.offline_css(css)
    assert "assets.nhs.uk" not in out and "@font-face" not in out
    assert "url(images/x.svg)" in out
    assert "arial" in out and "sourceMappingURL" not in out


# --- Images the build draws (hub/site_images.py, shared by both editions) -------------------

def _png_chunks(data: bytes) -> list[bytes]:
    import struct

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, i = [], 8
    while i < len(data):
        length, kind = struct.unpack(">I4s", data[i:i + 8])
        chunks.append(kind)
        i += 12 + length
    return chunks


def test_social_card_is_1200_by_630_on_nhs_blue_with_the_name_in_white():
    import io

    from PIL import Image

    from hub import site_images

    data = site_images.card_png("Experience of Care hub", "Plain-English guidance.")
    image = Image.open(io.BytesIO(data))
    assert image.size == site_images.CARD_SIZE == (1200, 630) and image.format == "PNG"
    assert image.getpixel((5, 5)) == image.getpixel((1194, 624)) == site_images.NHS_BLUE
    colours = {c for _, c in image.getcolors(maxcolors=100_000)}
    assert site_images.WHITE in colours  # the words are drawn
    # No text chunks or timestamps: nothing that could differ between two builds.
    assert set(_png_chunks(data)) <= {b"IHDR", b"IDAT", b"IEND"}


def test_social_card_is_the_same_bytes_for_the_same_words_and_differs_for_others():
    from hub import site_images

    first = site_images.card_png("Experience of Care hub", "Plain-English guidance.")
    assert first == site_images.card_png("Experience of Care hub", "Plain-English guidance.")
    assert first != site_images.card_png("Another hub", "Plain-English guidance.")
    assert first != site_images.card_png("Experience of Care hub", "Other words.")


def test_social_card_text_that_does_not_fit_ends_in_an_ellipsis():
    from hub.site_images import _font, _wrap

    font = _font(40)
    lines = _wrap("word " * 200, font, 1040, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(font.getlength(line) <= 1040 for line in lines)
    assert _wrap("Short words", font, 1040, 3) == ["Short words"]


def test_social_card_alt_text_is_the_words_it_shows():
    from hub import site_images

    card = site_images.card("Experience of Care hub", "Plain-English guidance.")
    assert (card.width, card.height) == (1200, 630)
    assert card.alt == "Experience of Care hub. Plain-English guidance."
    assert site_images.card("Hub", "").alt == "Hub"


def test_site_icon_is_a_square_png_on_nhs_blue():
    import io

    from PIL import Image

    from hub import site_images

    data = site_images.icon_png("Experience of Care hub")
    image = Image.open(io.BytesIO(data))
    assert image.size == (site_images.ICON_SIZE, site_images.ICON_SIZE)
    assert image.getpixel((2, 2)) == site_images.NHS_BLUE
    assert data == site_images.icon_png("Experience of Care hub")


# --- robots.txt (hub/robots.py, shared by both editions) ------------------------------------

def test_robots_txt_allows_everything_and_names_the_sitemap():
    from hub.robots import robots_txt

    text = robots_txt("https://example.org/hub/")
    assert text.splitlines() == ["User-agent: *", "Allow: /", "", "Sitemap: https://example.org/hub/sitemap.xml"]
    # A sitemap's address must be absolute: without site_url there is none to give.
    assert "Sitemap" not in robots_txt("")


# --- Who publishes the site: the NHS logo rule ----------------------------------------------

def _nhsuk_header(**params) -> str:
    """NHS.UK frontend's header macro, rendered as base.html renders it."""
    import jinja2

    from hub.engines.pelican.settings import nhsuk_templates

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(nhsuk_templates()), autoescape=True,
                             undefined=jinja2.ChainableUndefined)
    template = env.from_string('{% from "nhsuk/components/header/macro.jinja" import header %}{{ header(p) }}')
    return template.render(p=params)


def test_header_without_the_nhs_logo_links_home_by_the_site_name():
    from bs4 import BeautifulSoup

    from hub.engines.pelican.frame import without_nhs_logo

    params = {"service": {"text": "Care <hub> & co", "href": "../"},
              "search": {"action": "../search/", "visuallyHiddenLabel": "Search the hub"},
              "navigation": {"items": [{"href": "../guides/", "text": "Guides"}]}}
    original = BeautifulSoup(_nhsuk_header(**params), "html.parser")
    assert original.select(".nhsuk-header__logo")  # the macro always draws it
    html = str(without_nhs_logo(_nhsuk_header(**params)))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("svg.nhsuk-header__logo, .nhsuk-header__organisation-logo, .nhsuk-header__service-logo") == []
    assert "NHS" not in html
    home = soup.select(".nhsuk-header__service a")
    assert [(a["class"], a["href"], a.get_text()) for a in home] == [
        (["nhsuk-header__service-name"], "../", "Care <hub> & co")]
    assert not home[0].has_attr("aria-label")  # named by the words a reader sees
    assert "Care &lt;hub&gt; &amp; co" in html  # still escaped
    # Everything else is the macro's own: search form, navigation, module for the menu script.
    assert soup.select_one("search form")["action"] == "../search/"
    assert [a["href"] for a in soup.select("nav a")] == ["../guides/"]
    assert soup.header["data-module"] == "nhsuk-header"


def test_header_filter_fails_loudly_if_nhsuk_frontend_changes_its_markup():
    from hub.engines.pelican.frame import without_nhs_logo

    with pytest.raises(ValueError, match="markup has changed"):
        without_nhs_logo('<header class="nhsuk-header"><div class="nhsuk-header__service"></div></header>')


def test_the_header_search_form_gets_an_id_no_heading_can_take():
    from hub.engines.pelican.frame import own_search_form_id

    header = '<header><form id="search" action="/search/"><input id="search-field"></form><h2>Search</h2></header>'
    out = str(own_search_form_id(header))
    assert 'id="hub-header-search"' in out and 'id="search"' not in out and 'id="search-field"' in out
    with pytest.raises(ValueError, match="markup has changed"):
        own_search_form_id("<header><form id='other'></form></header>")
