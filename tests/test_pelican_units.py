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
    templates = ROOT / "theme" / "pelican" / "templates"
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
