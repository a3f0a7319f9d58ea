"""The Pelican engine builds the real content into the same site as MkDocs: same URLs, same facts, same feed."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hub.content import load_site
from hub.content.facts import long_date
from hub.plan import save_as

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def site_model(hub_config):
    return load_site(hub_config.content_dir, hub_config.root)


def _html_pages(site_dir: Path) -> set[str]:
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")}


def _soup(site_dir: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / rel).read_text(encoding="utf-8"), "html.parser")


def test_both_engines_publish_the_same_page_urls(pelican_site, mkdocs_site, site_model):
    pelican, mkdocs = _html_pages(pelican_site), _html_pages(mkdocs_site)
    assert pelican == mkdocs, f"only MkDocs: {sorted(mkdocs - pelican)}; only Pelican: {sorted(pelican - mkdocs)}"
    # Every content page, and the generated indexes, at the address the content model gives.
    wanted = {save_as(p.url) for p in site_model.pages} | {"a-z/index.html", "topics/index.html"}
    assert wanted - pelican == set()


def test_every_page_shows_its_front_matter(pelican_site, mkdocs_site, site_model):
    for page in site_model.pages:
        rel = save_as(page.url)
        for site_dir in (pelican_site, mkdocs_site):
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


def test_news_items_have_dates_and_an_archive(pelican_site, site_model):
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


def test_feed_is_valid_atom_and_the_same_as_mkdocs(pelican_site, mkdocs_site, site_model, hub_config):
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
    assert data == (mkdocs_site / "news" / "feed.xml").read_bytes()


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
    from hub import pipeline

    first, second = tmp_path / "a", tmp_path / "b"
    pipeline.render(hub_config, engine="pelican", out=first)
    pipeline.render(hub_config, engine="pelican", out=second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []


def test_offline_build_uses_html_files(tmp_path, hub_config, site_model):
    from hub import pipeline

    out = tmp_path / "offline"
    pipeline.render(hub_config, engine="pelican", out=out, offline=True)
    guide = next(p for p in site_model.pages if p.type == "guide")
    rel = guide.src_path[:-3] + ".html"
    soup = _soup(out, rel)
    assert soup.select_one('[role="search"] form')["action"] == "../search.html"
    for a in soup.select("nav.nhsuk-header__navigation a, nav.nhsuk-breadcrumb a"):
        assert a["href"].endswith(".html"), a["href"]
        assert (out / rel).parent.joinpath(a["href"]).resolve().exists()


def test_search_index_is_the_same_from_both_engines(pelican_site, mkdocs_site):
    """The search code indexes each engine's output; the same content gives the same index, byte for byte,
    so a search gives the same results, with the same links, whichever engine built the site."""
    def files(site_dir: Path) -> dict[str, bytes]:
        folder = site_dir / "assets" / "search"
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    pelican, mkdocs = files(pelican_site), files(mkdocs_site)
    assert any(name.startswith("index/") and name.endswith("/d0.js") for name in pelican)  # the document store is there
    assert sorted(pelican) == sorted(mkdocs)
    assert [name for name in pelican if pelican[name] != mkdocs[name]] == []


# --- Edition parity (issue 12): what the Material edition gives readers, this one gives too ---

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _sitemap(site_dir: Path) -> dict[str, str]:
    root = ET.fromstring((site_dir / "sitemap.xml").read_bytes())
    return {u.find(f"{SITEMAP_NS}loc").text: u.find(f"{SITEMAP_NS}lastmod").text for u in root}


def _page_for(site_dir: Path, rel: str, hub_config) -> str:
    """The published address of a built file: guides/x/index.html -> https://…/guides/x/."""
    return hub_config.site_url + (rel[:-len("index.html")] if rel.endswith("index.html") else rel)


def test_sitemap_lists_the_same_addresses_as_mkdocs_dated_by_last_reviewed(pelican_site, mkdocs_site, site_model,
                                                                          hub_config):
    pelican, mkdocs = _sitemap(pelican_site), _sitemap(mkdocs_site)
    assert sorted(pelican) == sorted(mkdocs)
    assert all(url.startswith(hub_config.site_url) for url in pelican)
    reviewed = {hub_config.site_url + p.url: p.date("last_reviewed").isoformat() for p in site_model.pages}
    assert reviewed.keys() <= pelican.keys()
    for url, lastmod in pelican.items():
        # Never the build clock: each page's own review date (generated pages: their newest page's).
        assert lastmod[:10] == mkdocs[url][:10], url
        if url in reviewed:
            assert lastmod[:10] == reviewed[url], url


def test_robots_txt_points_at_the_sitemap_in_both_editions(pelican_site, mkdocs_site, hub_config):
    for site_dir in (pelican_site, mkdocs_site):
        lines = (site_dir / "robots.txt").read_text(encoding="utf-8").splitlines()
        assert "User-agent: *" in lines
        assert f"Sitemap: {hub_config.site_url}sitemap.xml" in lines, site_dir.name
        assert (site_dir / "sitemap.xml").exists()


def test_every_page_has_a_canonical_link_open_graph_and_a_description(pelican_site, hub_config):
    pages = sorted(_html_pages(pelican_site))
    assert "404.html" in pages and "news/archive/index.html" in pages
    for rel in pages:
        soup = _soup(pelican_site, rel)
        head = soup.head
        assert soup.html["lang"] == "en-GB", rel
        url = _page_for(pelican_site, rel, hub_config)
        assert [link["href"] for link in head.select('link[rel="canonical"]')] == [url], rel
        og = {m["property"]: m["content"] for m in head.select("meta[property]")}
        assert og["og:url"] == url, rel
        assert og["og:title"] and og["og:description"], rel
        assert og["og:site_name"] == hub_config.site_name
        assert og["og:locale"] == "en_GB"
        assert og["og:type"] in ("article", "website")
        assert og["og:image:alt"] and og["og:image:type"] == "image/png"
        description = head.select('meta[name="description"]')
        assert len(description) == 1 and description[0]["content"].strip(), f"{rel}: no meta description"
        assert og["og:description"] == description[0]["content"]
    # The card itself: test_reader_features_build.py, for both editions.


def test_page_descriptions_and_titles_come_from_front_matter(pelican_site, site_model):
    for page in site_model.pages:
        head = _soup(pelican_site, save_as(page.url)).head
        assert head.select_one('meta[name="description"]')["content"] == page.summary
        assert head.select_one('meta[property="og:title"]')["content"] == page.title
        expected = "article" if page.type != "page" and not page.src_path.endswith("index.md") else "website"
        assert head.select_one('meta[property="og:type"]')["content"] == expected, page.src_path


def test_feed_says_it_is_in_british_english(pelican_site):
    feed = ET.fromstring((pelican_site / "news" / "feed.xml").read_bytes())
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"


def test_news_page_links_to_the_archive_and_the_feed(pelican_site):
    soup = _soup(pelican_site, "news/index.html")
    hrefs = [a["href"] for a in soup.select("main a")]
    targets = {(pelican_site / "news" / h).resolve() for h in hrefs if not h.startswith(("http", "#"))}
    assert (pelican_site / "news" / "archive").resolve() in targets
    assert (pelican_site / "news" / "feed.xml").resolve() in targets


def test_pages_with_sections_have_an_on_this_page_list(pelican_site, site_model):
    with_list = 0
    for page in site_model.pages:
        soup = _soup(pelican_site, save_as(page.url))
        body = soup.select_one("[data-hub-content]")
        sections = [f"#{h['id']}" for h in body.find_all("h2")]
        if page.type == "contact" and page.meta.get("channels"):
            sections.insert(0, "#ways-to-get-in-touch")
        lists = soup.select('nav.nhsuk-contents-list[aria-label="On this page"]')
        if len(sections) > 1 and "toc" not in (page.meta.get("hide") or []):
            assert len(lists) == 1, f"{page.src_path}: no 'On this page' list"
            assert [a["href"] for a in lists[0].select("a")] == sections, page.src_path
            with_list += 1
        else:
            assert lists == [], page.src_path
    assert {"guide", "contact", "principle", "commitment", "news"} <= {
        p.type for p in site_model.pages
        if _soup(pelican_site, save_as(p.url)).select_one("nav.nhsuk-contents-list")}
    assert with_list


def test_footer_links_the_ways_round_the_site(pelican_site, hub_config):
    for rel in ("index.html", "guides/friends-and-family-test/index.html", "404.html"):
        soup = _soup(pelican_site, rel)
        links = {a.get_text(strip=True): a["href"] for a in soup.select("footer a")}
        assert {"A to Z", "Topics", "Contact us", "News archive", "News feed (Atom)", "Add or improve a page"} <= set(
            links), rel
        assert links["Add or improve a page"] == hub_config.hub["repository"].rstrip("/") + "/blob/main/CONTRIBUTING.md"
        if rel != "404.html":  # the 404 page links from the site's root path (/hub/), tested elsewhere
            base = (pelican_site / rel).parent
            for text in ("A to Z", "Topics", "Contact us", "News archive", "News feed (Atom)"):
                assert (base / links[text]).resolve().exists() or (base / links[text] / "index.html").exists(), text
        assert "NHS England" not in soup.footer.get_text()  # NHS.UK frontend's default copyright line


def test_no_intro_is_said_twice(pelican_site, site_model):
    """Generated pages (A to Z, topics, section pages) open with their own introduction, so they show
    no summary as a lede and no type caption over the title; written pages show the summary once."""
    for rel in ("a-z/index.html", "topics/index.html", "news/index.html", "guides/index.html"):
        main = _soup(pelican_site, rel).find("main")
        assert main.select(".nhsuk-lede-text, .hub-type") == [], rel
        intro = main.select_one("[data-hub-content] p").get_text(" ", strip=True)
        assert main.get_text(" ", strip=True).count(intro) == 1, rel
    for page in site_model.pages:
        if page.src_path in ("index.md", "search.md"):
            continue  # the home page's layout has its own heading block; the search page puts results first
        main = _soup(pelican_site, save_as(page.url)).find("main")
        assert [p.get_text(" ", strip=True) for p in main.select(".nhsuk-lede-text")] == [page.summary]
        body = [p.get_text(" ", strip=True) for p in main.select("[data-hub-content] p")]
        assert page.summary not in body, page.src_path


def test_home_page_card_headings_are_card_sized(pelican_site):
    headings = _soup(pelican_site, "index.html").select(".hub-route .nhsuk-card__heading")
    assert headings and all("nhsuk-heading-m" in h["class"] for h in headings)


def test_no_nhs_logo_or_nhs_icons_unless_the_publisher_is_an_nhs_organisation(pelican_site, hub_config):
    assert not hub_config.nhs_organisation  # mkdocs.yml names no NHS publisher
    for rel in sorted(_html_pages(pelican_site)):
        soup = _soup(pelican_site, rel)
        assert soup.select(".nhsuk-header__logo, .nhsuk-header__service-logo") == [], rel
        icons = [link["href"] for link in soup.select('link[rel~="icon"], link[rel="apple-touch-icon"]')]
        assert icons and all(h.endswith("assets/images/site-icon.png") for h in icons), rel
        home = soup.select(".nhsuk-header__service a")
        assert [a.get_text(strip=True) for a in home] == [hub_config.site_name], rel
        assert "NHS" not in " ".join(str(a.get("aria-label", "")) for a in soup.header.find_all("a"))
    assert (pelican_site / "assets" / "images" / "site-icon.png").exists()
