"""The Pelican engine builds the real content into the same site as MkDocs: same URLs, same facts, same feed."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hub.content import load_site
from hub.content.facts import long_date
from hub.engines.pelican.urls import save_as

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
# Pages only the Pelican site has: the news archive Pelican makes from its articles.
PELICAN_ONLY = {"news/archive/index.html"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def site_model(hub_config):
    return load_site(hub_config.content_dir, hub_config.root)


def _html_pages(site_dir: Path) -> set[str]:
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}


def _soup(site_dir: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / rel).read_text(encoding="utf-8"), "html.parser")


def test_both_engines_publish_the_same_page_urls(pelican_site, built_site, site_model):
    pelican, mkdocs = _html_pages(pelican_site), _html_pages(built_site)
    assert pelican - PELICAN_ONLY == mkdocs, (
        f"only MkDocs: {sorted(mkdocs - pelican)}; only Pelican: {sorted(pelican - PELICAN_ONLY - mkdocs)}")
    # Every content page, and the generated indexes, at the address the content model gives.
    wanted = {save_as(p.url) for p in site_model.pages} | {"a-z/index.html", "topics/index.html"}
    assert wanted - pelican == set()


def test_every_page_shows_its_front_matter(pelican_site, built_site, site_model):
    for page in site_model.pages:
        rel = save_as(page.url)
        for site_dir in (pelican_site, built_site):
            soup = _soup(site_dir, rel)
            h1 = soup.find_all("h1")
            assert [h.get_text(" ", strip=True) for h in h1] == [page.title], f"{site_dir.name}/{rel}"
            if page.type == "page":
                continue  # site pages (home, search) may leave review dates out of their layout
            text = soup.get_text(" ", strip=True)
            for key in ("last_reviewed", "next_review"):
                assert long_date(page.date(key)) in text, f"{site_dir.name}/{rel}: {key} missing"
        soup = _soup(pelican_site, rel)
        review = soup.select_one(".nhsuk-review-date").get_text(" ", strip=True)
        assert f"Page last reviewed: {long_date(page.date('last_reviewed'))}" in review
        assert f"Next review due: {long_date(page.date('next_review'))}" in review


def test_every_page_has_the_shared_frame(pelican_site, site_model):
    for page in site_model.pages:
        soup = _soup(pelican_site, save_as(page.url))
        first_link = soup.find("body").find("a")
        assert "nhsuk-skip-link" in first_link["class"] and first_link["href"] == "#maincontent"
        assert soup.find(id="maincontent").name == "main"
        form = soup.select_one('[role="search"] form')
        assert form["method"] == "get" and form["action"].endswith("search/")
        assert form.select_one('input[name="q"]') is not None
        body = soup.select("[data-hub-content]")
        assert len(body) == 1
        assert all(h.get("id") for h in body[0].find_all(["h2", "h3"]))
        if page.src_path != "index.md":
            assert soup.select_one("nav.nhsuk-breadcrumb a")["href"].endswith(("./", "../"))


def test_contact_pages_link_every_channel(pelican_site, site_model):
    contact = [p for p in site_model.pages if p.type == "contact" and p.meta.get("channels")]
    assert contact
    for page in contact:
        soup = _soup(pelican_site, save_as(page.url))
        hrefs = {a["href"] for a in soup.select(".hub-channels a")}
        for ch in page.meta["channels"]:
            if ch["kind"] == "email":
                assert f"mailto:{ch['value']}" in hrefs
            elif ch["kind"] in ("phone", "textphone"):
                assert "tel:" + re.sub(r"\D", "", ch["value"]) in {h.replace("+", "") for h in hrefs}


def test_news_are_articles_with_dates_and_an_archive(pelican_site, site_model):
    news = [p for p in site_model.pages if p.type == "news" and not p.src_path.endswith("index.md")]
    assert news
    archive = _soup(pelican_site, "news/archive/index.html")
    listed = [a["href"] for a in archive.select(".hub-archive h2 a")]
    assert len(listed) == len(news)
    for page in news:
        soup = _soup(pelican_site, save_as(page.url))
        assert soup.select_one(".hub-news-dates time")["datetime"] == page.date("published").isoformat()
        if page.meta.get("event"):
            assert soup.select_one(".nhsuk-inset-text time")["datetime"] == str(page.meta["event"]["start"])


def test_feed_is_valid_atom_and_the_same_as_mkdocs(pelican_site, built_site, site_model, hub_config):
    data = (pelican_site / "news" / "feed.xml").read_bytes()
    feed = ET.fromstring(data)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    news = [p for p in site_model.pages if p.type == "news" and not p.src_path.endswith("index.md")]
    assert len(entries) == len(news)
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(hub_config.site_url)
        assert (pelican_site / save_as(link[len(hub_config.site_url):])).exists()
    assert data == (built_site / "news" / "feed.xml").read_bytes()


def test_nothing_loads_from_another_site(pelican_site):
    """No fonts, styles or scripts from a CDN: the hub works with no internet."""
    remote = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I)
    offenders = []
    for f in pelican_site.rglob("*"):
        if f.suffix not in (".html", ".css", ".js"):
            continue
        text = f.read_text(encoding="utf-8")
        if f.suffix == ".html":
            soup = BeautifulSoup(text, "html.parser")
            # Links people follow (<a href>) may go elsewhere; nothing the page loads may.
            # The canonical link names the page's published address: a browser loads nothing from it.
            loaded = [t.get("src") or t.get("href") or "" for t in soup.find_all(["script", "link", "img", "iframe"])
                      if "canonical" not in (t.get("rel") or [])]
            offenders += [f"{f.name}: {u}" for u in loaded if re.match(r"(?:https?:)?//", u)]
        elif remote.search(text):
            offenders.append(f"{f.relative_to(pelican_site)}: {remote.search(text).group(0)}")
    assert offenders == []
    css = (pelican_site / "assets" / "nhsuk" / "nhsuk-frontend.min.css").read_text(encoding="utf-8")
    assert "assets.nhs.uk" not in css and "nhsuk-header" in css


def test_same_content_builds_the_same_bytes(tmp_path, hub_config):
    from hub.engines.pelican import engine as pelican_engine

    first, second = tmp_path / "a", tmp_path / "b"
    pelican_engine.build(hub_config, first)
    pelican_engine.build(hub_config, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []


def test_offline_build_uses_html_files(tmp_path, hub_config, site_model):
    from hub.engines.pelican import engine as pelican_engine

    out = tmp_path / "offline"
    pelican_engine.build(hub_config, out, offline=True)
    guide = next(p for p in site_model.pages if p.type == "guide")
    rel = guide.src_path[:-3] + ".html"
    soup = _soup(out, rel)
    assert soup.select_one('[role="search"] form')["action"] == "../search.html"
    for a in soup.select("nav.nhsuk-header__navigation a, nav.nhsuk-breadcrumb a"):
        assert a["href"].endswith(".html"), a["href"]
        assert (out / rel).parent.joinpath(a["href"]).resolve().exists()


def test_search_index_is_the_same_from_both_engines(pelican_site, built_site):
    """The search code indexes each engine's output; the same content gives the same index, byte for byte,
    so a search gives the same results, with the same links, whichever engine built the site."""
    def files(site_dir: Path) -> dict[str, bytes]:
        folder = site_dir / "assets" / "search"
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    pelican, mkdocs = files(pelican_site), files(built_site)
    assert any(name.startswith("index/d") for name in pelican)  # the document store is there
    assert sorted(pelican) == sorted(mkdocs)
    assert [name for name in pelican if pelican[name] != mkdocs[name]] == []
