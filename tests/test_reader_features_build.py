"""What both editions' built pages give readers (issue 13), read back from the session builds:
structured data, related pages, feedback links, the statements in the footer, and the
Material edition's parity with the NHS.UK edition (og:image, 404, "Suggest a change").

The browser side (keyboard, print, what a reader sees) is in test_reader_features_browser.py.
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from hub.content import load_site
from hub.content.related import related
from hub.plan import save_as

pytestmark = pytest.mark.slow

# The content pages, by folder (issue 13): guides, principles, commitments, contact routes and news.
CONTENT_FOLDERS = ("guides", "principles", "commitments", "contact", "news")
SCHEMA_TYPES = {"guides": ("MedicalWebPage",), "principles": ("MedicalWebPage",),
                "commitments": ("MedicalWebPage",), "contact": ("MedicalWebPage",),
                "news": ("NewsArticle", "Event")}


@pytest.fixture(scope="module")
def model(hub_config):
    return load_site(hub_config.content_dir, hub_config.root)


@pytest.fixture(scope="module", params=["mkdocs", "pelican"])
def edition(request) -> Path:
    return request.getfixturevalue(f"{request.param}_site")


def is_content(src_path: str) -> bool:
    return src_path.split("/")[0] in CONTENT_FOLDERS and not src_path.endswith("index.md")


def soup(site_dir: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / rel).read_text(encoding="utf-8"), "html.parser")


def html_files(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def resolves_to(site_dir: Path, rel: str, href: str) -> Path:
    """The file a relative link on the built page `rel` opens."""
    target = ((site_dir / rel).parent / urlsplit(href).path).resolve()
    return target / "index.html" if target.is_dir() else target


def message(href: str) -> dict[str, str]:
    """The subject (or issue title) and text a feedback link writes."""
    parts = urlsplit(href)
    query = {k: v[0] for k, v in parse_qs(parts.query, strict_parsing=True).items()}
    if parts.scheme == "mailto":
        return {"subject": query["subject"], "body": query["body"].replace("\r\n", "\n")}
    assert parts.scheme == "https" and parts.path.endswith("/issues/new"), href
    return {"subject": query["title"], "body": query["body"]}


# ---- Structured data -------------------------------------------------------------------

def test_every_json_ld_block_parses_with_the_right_type_and_fields(edition, model, hub_config):
    pages = {save_as(p.url): p for p in model.pages}
    blocks = 0
    for rel in html_files(edition):
        scripts = soup(edition, rel).select('script[type="application/ld+json"]')
        page = pages.get(rel)
        if page is None or not is_content(page.src_path):
            assert scripts == [], f"{rel}: structured data on a page that is not a content page"
            continue
        assert len(scripts) == 1, f"{rel}: {len(scripts)} JSON-LD blocks"
        raw = scripts[0].string
        assert "</" not in raw and "<!--" not in raw
        data = json.loads(raw)
        blocks += 1
        url = hub_config.site_url + page.url
        assert data["@context"] == "https://schema.org", rel
        assert data["@type"] in SCHEMA_TYPES[page.src_path.split("/")[0]], rel
        assert (data["name"], data["description"], data["url"], data["inLanguage"]) == (
            page.title, page.summary, url, "en-GB"), rel
        assert data["audience"] and all(a["@type"] in ("PeopleAudience", "MedicalAudience") for a in data["audience"])
        if data["@type"] == "MedicalWebPage":
            assert data["@id"] == url and data["lastReviewed"] == page.date("last_reviewed").isoformat(), rel
            publisher = data["publisher"]
        else:
            article = data["subjectOf"] if data["@type"] == "Event" else data
            assert article["@type"] == "NewsArticle" and article["headline"] == page.title, rel
            assert article["datePublished"] == page.date("published").isoformat(), rel
            assert article["mainEntityOfPage"]["lastReviewed"] == page.date("last_reviewed").isoformat(), rel
            publisher = article["publisher"]
            if data["@type"] == "Event":
                assert data["startDate"] == str(page.meta["event"]["start"]), rel
                assert data["endDate"] >= data["startDate"], rel
        assert publisher == {"@type": "Organization", "name": hub_config.hub["publisher"]["name"],
                             "url": hub_config.hub["publisher"]["url"]}, rel
    assert blocks == sum(is_content(p.src_path) for p in model.pages) > 0


def test_both_editions_give_the_same_structured_data(mkdocs_site, pelican_site, model):
    for page in model.pages:
        if is_content(page.src_path):
            rel = save_as(page.url)
            blocks = [soup(site, rel).select_one('script[type="application/ld+json"]').string
                      for site in (mkdocs_site, pelican_site)]
            assert blocks[0] == blocks[1], rel


# ---- Related pages ---------------------------------------------------------------------

def test_related_pages_end_each_content_page(edition, model):
    listed = 0
    for page in model.pages:
        rel = save_as(page.url)
        found = soup(edition, rel).select("nav.hub-related")
        if not is_content(page.src_path):
            assert found == [], f"{rel}: related pages on a page that is not a content page"
            continue
        expected = related(page, model)
        if not expected:
            assert found == [], rel
            continue
        assert len(found) == 1, rel
        nav = found[0]
        heading = nav.find("h2")
        assert heading.get_text(strip=True) == "Related pages" and nav["aria-labelledby"] == heading["id"]
        links = nav.select("ul > li > a")
        assert [a.get_text(strip=True) for a in links] == [p.title for p in expected], rel
        targets = [resolves_to(edition, rel, a["href"]) for a in links]
        assert targets == [(edition / save_as(p.url)).resolve() for p in expected], rel
        assert (edition / rel).resolve() not in targets and 1 <= len(links) <= 3
        listed += 1
    assert listed > 0


def test_both_editions_list_the_same_related_pages(mkdocs_site, pelican_site, model):
    for page in model.pages:
        rel = save_as(page.url)
        titles = [[a.get_text(strip=True) for a in soup(site, rel).select("nav.hub-related a")]
                  for site in (mkdocs_site, pelican_site)]
        assert titles[0] == titles[1], rel


# ---- Feedback links ----------------------------------------------------------------------

def test_feedback_links_name_the_page_on_content_pages_only(edition, model, hub_config):
    for page in model.pages:
        rel = save_as(page.url)
        section = soup(edition, rel).select(".hub-feedback")
        if not is_content(page.src_path):
            assert section == [], f"{rel}: feedback links on a page that is not a content page"
            continue
        assert len(section) == 1, rel
        links = {a.get_text(strip=True): a["href"] for a in section[0].select("a")}
        assert set(links) == {"Yes, this page is useful", "No, this page is not useful"}, rel
        for href in links.values():
            written = message(href)
            assert written["subject"].endswith(f": {page.title}"), rel
            assert f"Page: {page.title}\nWeb address: {hub_config.site_url + page.url}\n" in written["body"], rel
    for rel in ("404.html", "a-z/index.html", "topics/index.html", "guides/index.html"):
        assert soup(edition, rel).select(".hub-feedback") == [], rel


def test_the_offline_copy_names_the_published_address(tmp_path, hub_config, model):
    """Opened from disk, the page's own address is a file: the message must give the one on the web."""
    from conftest import build_into

    out = tmp_path / "offline"
    build_into(out, engine="pelican", offline=True, run_checks=False)
    page = next(p for p in model.pages if p.src_path == "guides/friends-and-family-test.md")
    href = soup(out, "guides/friends-and-family-test.html").select_one(".hub-feedback a")["href"]
    assert f"Web address: {hub_config.site_url}guides/friends-and-family-test/\n" in message(href)["body"]
    assert page.title in message(href)["subject"]


# ---- Footer ------------------------------------------------------------------------------

def test_every_page_links_both_statements_from_its_footer(edition, model):
    titles = {p.src_path: p.title for p in model.pages}
    for rel in html_files(edition):
        footer = soup(edition, rel).find("footer")
        links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
        for src in ("accessibility.md", "privacy.md"):
            assert titles[src] in links, f"{rel}: no {titles[src]} link"
            if rel != "404.html":  # the 404 page links from the site's root path (/hub/)
                target = resolves_to(edition, rel, links[titles[src]])
                assert target == (edition / save_as(src[:-3] + "/")).resolve(), rel


# ---- Parity (issue 12): the social card on both editions, the Material edition's gaps ----

def test_every_page_has_the_one_social_card(edition, hub_config):
    """One card for the site, drawn at build time, the size the tags say, on every page."""
    from PIL import Image

    images = set()
    for rel in html_files(edition):
        og = {m["property"]: m["content"] for m in soup(edition, rel).head.select("meta[property]")}
        assert og["og:image:type"] == "image/png" and og["og:image:alt"].startswith(hub_config.site_name), rel
        images.add((og["og:image"], og["og:image:width"], og["og:image:height"]))
    assert len(images) == 1
    url, width, height = images.pop()
    assert url.startswith(hub_config.site_url)
    with Image.open(edition / url[len(hub_config.site_url):]) as card:
        assert card.format == "PNG" and card.size == (int(width), int(height)) == (1200, 630)


def test_material_edition_404_has_a_canonical_link_and_open_graph(mkdocs_site, hub_config):
    head = soup(mkdocs_site, "404.html").head
    url = hub_config.site_url + "404.html"
    assert [link["href"] for link in head.select('link[rel="canonical"]')] == [url]
    og = {m["property"]: m["content"] for m in head.select("meta[property]")}
    assert og["og:url"] == url and og["og:title"] == "Page not found"
    assert og["og:description"] == head.select_one('meta[name="description"]')["content"]
    assert (og["og:type"], og["og:site_name"], og["og:locale"]) == ("website", hub_config.site_name, "en_GB")


def test_suggest_a_change_on_every_written_page_and_no_other(edition, model, hub_config):
    repository = hub_config.hub["repository"].rstrip("/")
    for page in model.pages:
        doc = soup(edition, save_as(page.url))
        edits = [a["href"] for a in doc.find_all("a") if a.get_text(strip=True) == "Suggest a change to this page"]
        assert edits == [f"{repository}/edit/main/content/{page.src_path}"], page.src_path
    for rel in ("a-z/index.html", "topics/index.html", "guides/index.html", "404.html"):  # the build wrote these
        assert "Suggest a change to this page" not in soup(edition, rel).get_text(), rel
