"""Unit tests for the Pelican engine's parts: URLs, link rewriting, settings from mkdocs.yml, assets."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hub.content.model import url_for
from hub.engines.pelican import assets
from hub.engines.pelican.links import ContentLinks
from hub.engines.pelican.reader import layout_for
from hub.engines.pelican.settings import markdown_settings
from hub.engines.pelican.urls import page_url, relative, save_as

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("src, online, offline", [
    ("index.md", "", "index.html"),
    ("search.md", "search/", "search.html"),
    ("guides/friends-and-family-test.md", "guides/friends-and-family-test/", "guides/friends-and-family-test.html"),
    ("guides/index.md", "guides/", "guides/index.html"),
    ("news/experience-of-care-week-2021.md", "news/experience-of-care-week-2021/",
     "news/experience-of-care-week-2021.html"),
])
def test_page_urls_follow_the_content_model(src, online, offline):
    assert page_url(src) == online == url_for(src)
    assert page_url(src, offline=True) == offline


@pytest.mark.parametrize("url, file", [("", "index.html"), ("guides/", "guides/index.html"),
                                       ("guides/x.html", "guides/x.html")])
def test_save_as(url, file):
    assert save_as(url) == file


@pytest.mark.parametrize("target, here, link", [
    ("guides/b/", "guides/a/", "../b/"),
    ("", "guides/a/", "../../"),
    ("", "", "./"),
    ("guides/", "", "guides/"),
    ("guides/b/#why", "guides/a/", "../b/#why"),
    ("images/x.png", "guides/a/", "../../images/x.png"),
    ("guides/b.html", "guides/a.html", "b.html"),
    ("index.html", "guides/a.html", "../index.html"),
])
def test_relative_links_match_mkdocs(target, here, link):
    assert relative(target, here) == link


def _render(markdown_text, src_path, src_paths, offline=False):
    import markdown

    ext = ContentLinks(set(src_paths), offline=offline)
    ext.src_path = src_path
    html = markdown.Markdown(extensions=[ext]).convert(markdown_text)
    return html, ext.missing


def test_links_to_markdown_files_become_page_urls():
    pages = {"guides/a.md", "guides/b.md", "contact/index.md", "index.md"}
    html, missing = _render("[B](b.md) [C](../contact/index.md#phone) [Home](../index.md) "
                            "[Out](https://example.org/x.md) [Top](#top) ![Map](../images/map.png)",
                            "guides/a.md", pages)
    assert 'href="../b/"' in html
    assert 'href="../../contact/#phone"' in html
    assert 'href="../../"' in html
    assert 'href="https://example.org/x.md"' in html
    assert 'href="#top"' in html
    assert 'src="../../images/map.png"' in html
    assert missing == []


def test_offline_links_use_html_files():
    html, _ = _render("[B](b.md) [Home](../index.md)", "guides/a.md", {"guides/a.md", "guides/b.md", "index.md"},
                      offline=True)
    assert 'href="b.html"' in html and 'href="../index.html"' in html


def test_links_to_missing_pages_are_reported_not_changed():
    html, missing = _render("[Gone](gone.md)", "guides/a.md", {"guides/a.md"})
    assert 'href="gone.md"' in html
    assert missing == [("guides/a.md", "gone.md")]


def test_layouts_come_from_mkdocs_yml(hub_config):
    layouts = hub_config.hub["layouts"]
    assert layout_for("index.md", layouts) == layouts["pages"]["index.md"] == "home.html"
    assert layout_for("guides/x.md", layouts) == layouts["types"]["guide"]
    assert layout_for("contact/x.md", layouts) == layouts["types"]["contact"]
    assert layout_for("news/x.md", layouts) == layouts["types"]["news"]
    assert layout_for("", layouts) == layouts["types"]["page"]


def test_every_layout_has_a_pelican_template(hub_config):
    layouts = hub_config.hub["layouts"]
    names = set(layouts["types"].values()) | set(layouts["pages"].values())
    templates = ROOT / "theme" / "nhsuk" / "templates"
    assert {n for n in names if not (templates / n).exists()} == set()


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

@pytest.mark.parametrize("publisher, nhs", [
    (None, False),  # missing: not an NHS organisation
    ({"name": "A charity", "url": "https://example.org"}, False),
    ({"name": "A charity", "nhs_organisation": False}, False),
    ({"name": "A trust", "nhs_organisation": "true"}, False),  # a string is not a yes
    ("NHS England", False),
    ({"name": "NHS England", "nhs_organisation": True}, True),
])
def test_only_an_nhs_organisation_may_show_the_nhs_logo(hub_config, publisher, nhs):
    from hub.config import HubConfig
    from hub.engines.pelican.context import nhs_organisation

    raw = json.loads(json.dumps(hub_config.raw))
    if publisher is None:
        raw["extra"]["hub"].pop("publisher", None)
    else:
        raw["extra"]["hub"]["publisher"] = publisher
    assert nhs_organisation(HubConfig(hub_config.path, raw)) is nhs


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

    from hub.engines.pelican.context import without_nhs_logo

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
    from hub.engines.pelican.context import without_nhs_logo

    with pytest.raises(ValueError, match="markup has changed"):
        without_nhs_logo('<header class="nhsuk-header"><div class="nhsuk-header__service"></div></header>')


# --- Page facts for the head and the contents list -----------------------------------------

@pytest.fixture(scope="module")
def hub_context(hub_config):
    from hub.content import load_site
    from hub.engines.pelican.context import HubContext
    from hub.engines.pelican.engine import generated_pages

    site = load_site(hub_config.content_dir, hub_config.root)
    generated = generated_pages(hub_config, site)

    def make(config=hub_config, offline=False):
        return HubContext(config, site, offline=offline, generated=generated, archive_url="news/archive/")
    return make


def test_canonical_url_is_the_published_address_even_in_an_offline_copy(hub_context, hub_config):
    from hub.config import HubConfig

    site_url = hub_config.site_url
    assert hub_context().canonical_url("guides/always-events.md") == site_url + "guides/always-events/"
    assert hub_context(offline=True).canonical_url("guides/always-events.md") == site_url + "guides/always-events/"
    assert hub_context().canonical_url("index.md") == site_url
    assert hub_context().canonical_url("", "404.html") == site_url + "404.html"
    no_url = HubConfig(hub_config.path, {**hub_config.raw, "site_url": ""})
    assert hub_context(no_url).canonical_url("index.md") == ""


def test_open_graph_type_comes_from_the_page_facts(hub_context):
    ctx = hub_context()
    assert ctx.facts("guides/always-events.md")["og_type"] == "article"
    assert ctx.facts("contact/experience-of-care-team.md")["og_type"] == "article"
    assert ctx.facts("index.md")["og_type"] == ctx.facts("a-z.md")["og_type"] == ctx.facts("guides/index.md")["og_type"] == "website"
    assert ctx.facts("")["og_type"] == "website"  # 404


def test_contents_list_needs_two_sections_and_respects_hide_toc(hub_context):
    ctx = hub_context()
    two = '<h2 id="a">A</h2><p>x</p><h2 id="b">B</h2><h3 id="c">C</h3>'
    assert ctx.contents("guides/always-events.md", two) == [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]
    assert ctx.contents("guides/always-events.md", '<h2 id="a">A</h2>') == []
    assert ctx.contents("guides/always-events.md", two, ["toc"]) == []
    # A layout's own section comes first, and counts towards the two.
    ways = {"id": "ways-to-get-in-touch", "text": "Ways to get in touch"}
    assert ctx.contents("contact/x.md", '<h2 id="a">A</h2>', before=[ways]) == [ways, {"id": "a", "text": "A"}]
    # Generated pages list their own sections at the top already (the A to Z's letters).
    assert ctx.contents("a-z.md", two) == [] and ctx.is_generated("a-z.md")


def test_generated_pages_are_site_pages_with_no_edit_link(hub_context):
    ctx = hub_context()
    assert ctx.facts("guides/index.md")["type"] == "page"  # no "Guide" caption over "Guides"
    assert ctx.edit_url("guides/index.md") == ""
    assert ctx.edit_url("guides/always-events.md") == (
        "https://github.com/experience-of-care/hub/edit/main/content/guides/always-events.md")


@pytest.mark.parametrize("url, listed", [("", True), ("guides/", True), ("404.html", False),
                                          ("news/archive/", False), ("news/", True)])
def test_sitemap_leaves_out_the_404_page_and_the_pelican_only_archive(url, listed):
    from hub.engines.pelican.settings import sitemap_settings

    excluded = any(re.search(p, url) for p in sitemap_settings("news/archive/")["exclude"])
    assert excluded is not listed


def test_the_header_search_form_gets_an_id_no_heading_can_take():
    from hub.engines.pelican.context import own_search_form_id

    header = '<header><form id="search" action="/search/"><input id="search-field"></form><h2>Search</h2></header>'
    out = str(own_search_form_id(header))
    assert 'id="hub-header-search"' in out and 'id="search"' not in out and 'id="search-field"' in out
    with pytest.raises(ValueError, match="markup has changed"):
        own_search_form_id("<header><form id='other'></form></header>")
