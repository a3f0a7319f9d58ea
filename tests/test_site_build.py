"""A full build of the real content with the default engine, read back as HTML.

Checks what every page must have (layout parts, review dates, meta tags), the
per-type layouts, the generated pages (A to Z, topics, sections), sitemap.xml,
404, the Atom feed, and that nothing is loaded from outside the site.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from hub.content import facts, load_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def model(hub_config):
    return load_site(hub_config.content_dir, hub_config.root)


def html(mkdocs_site, url: str) -> BeautifulSoup:
    return BeautifulSoup((mkdocs_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_content_page_has_the_parts_every_layout_must_have(mkdocs_site, model, hub_config):
    assert model.pages, "no content was built"
    # The search page's layout belongs to the search (tests/test_search_*.py).
    search_pages = {src for src, layout in hub_config.hub["layouts"]["pages"].items() if layout == "search-page.html"}
    for page in model.pages:
        if page.src_path in search_pages:
            continue
        doc = html(mkdocs_site, page.url)
        where = page.src_path
        assert len(doc.find_all("h1")) == 1, f"{where}: one h1"
        assert doc.h1.get_text(strip=True) == page.title, where
        assert doc.select_one("[data-hub-content]") is not None, f"{where}: no data-hub-content"
        reviewed = doc.select_one(".hub-review-dates").get_text(" ", strip=True)
        assert f"Page last reviewed: {facts.long_date(page.date('last_reviewed'))}" in reviewed, where
        assert f"Next review due: {facts.long_date(page.date('next_review'))}" in reviewed, where
        assert doc.select_one('meta[name="description"]')["content"] == page.summary, where
        assert doc.select_one('meta[property="og:title"]')["content"] == page.title, where
        assert doc.select_one('meta[property="og:description"]')["content"] == page.summary, where
        for prop in ("og:type", "og:url", "og:site_name"):
            assert doc.select_one(f'meta[property="{prop}"]'), f"{where}: no {prop}"
        assert doc.select_one('link[rel~="alternate"][type="application/atom+xml"]'), where
        form = doc.select_one("header form[role=search]")
        assert form is not None and form.select_one('input[name="q"]') is not None, where
        assert doc.select_one("a.hub-skip-link")["href"] == "#hub-main"
        assert doc.select_one("#hub-main") is not None
        if page.type != "page":
            assert doc.select_one(".hub-type-label").get_text(strip=True) == facts.schema.TYPE_LABELS[page.type]
            crumbs = [a.get_text(strip=True) for a in doc.select(".hub-breadcrumbs a")]
            assert crumbs[0] == "Home" and len(crumbs) == 2, f"{where}: breadcrumbs {crumbs}"


def test_each_type_uses_its_own_layout(mkdocs_site, model, hub_config):
    layouts = hub_config.hub["layouts"]["types"]
    for page in model.pages:
        if page.type in ("contact", "news"):
            doc = html(mkdocs_site, page.url)
            marker = ".hub-channels" if page.type == "contact" else ".hub-news-dates"
            assert doc.select_one(marker) is not None, f"{page.src_path} is not using {layouts[page.type]}"


def test_contact_cards_link_phone_and_email(mkdocs_site, model):
    contacts = [p for p in model.pages if p.type == "contact"]
    assert contacts
    kinds = set()
    for page in contacts:
        cards = html(mkdocs_site, page.url).select(".hub-channel")
        assert len(cards) == len(page.meta["channels"]), page.src_path
        for card, ch in zip(cards, page.meta["channels"]):
            kinds.add(ch["kind"])
            link = card.select_one(".hub-channel__value a")
            if ch["kind"] in ("phone", "textphone"):
                assert re.fullmatch(r"tel:\+?\d+", link["href"]), link
                assert link["href"].endswith(re.sub(r"\D", "", ch["value"]))
            elif ch["kind"] == "email":
                assert link["href"] == "mailto:" + ch["value"]
            elif ch["kind"] in ("web", "text_relay", "bsl"):
                assert link["href"] == ch["value"]
            if ch.get("note"):
                assert ch["note"] in card.get_text()
    assert kinds & {"phone", "email"}, "the real content should have phone or email routes"


def test_news_shows_published_and_event_dates(mkdocs_site, model):
    news = [p for p in model.pages if p.type == "news"]
    assert news
    for page in news:
        dates = html(mkdocs_site, page.url).select_one(".hub-news-dates").get_text(" ", strip=True)
        assert "Published: " in dates.replace(" :", ":") or "Published" in dates
        assert facts.long_date(page.date("published")) in dates
        event = page.meta.get("event")
        if event:
            assert facts.date_range(event.get("start"), event.get("end")) in dates


def test_home_sends_each_audience_somewhere_in_one_click(mkdocs_site, hub_config):
    doc = html(mkdocs_site, "")
    routes = doc.select(".hub-routes .hub-route")
    assert [r["class"][1] for r in routes] == ["hub-route--public", "hub-route--staff", "hub-route--contributors"]
    for route in routes:
        links = route.select("a[href]")
        assert len(links) == 1, route
        href = links[0]["href"]
        if not href.startswith("https://"):
            assert (mkdocs_site / href / "index.html").is_file(), f"home route to missing page {href}"


def test_a_to_z_and_topics_list_every_page_without_javascript(mkdocs_site, model):
    az = html(mkdocs_site, "a-z/")
    topics = html(mkdocs_site, "topics/")
    listed = [p for p in model.pages if p.type != "page"]
    az_links = {a.get_text(strip=True) for a in az.select("[data-hub-content] li a")}
    assert {p.title for p in listed} <= az_links
    for page in listed:
        for topic in page.topics:
            section = topics.find(id=f"topic-{facts.anchor(topic)}")
            assert section is not None, f"no topic heading for {topic}"
        assert az.find("a", string=page.title)["href"].endswith(page.url.rsplit("/", 2)[-2] + "/")
    assert az.select_one("[data-hub-content] h2[id^=letter-]") is not None
    assert (mkdocs_site / "guides" / "index.html").is_file(), "section landing page"


def test_sitemap_uses_review_dates_not_the_build_date(mkdocs_site, model):
    root = ET.parse(mkdocs_site / "sitemap.xml").getroot()
    lastmod = {u.find(SITEMAP + "loc").text: u.find(SITEMAP + "lastmod").text for u in root}
    for page in model.pages:
        url = next((u for u in lastmod if u.endswith("/" + page.url) or (not page.url and u.endswith("/hub/"))), None)
        assert url is not None, f"{page.src_path} missing from sitemap.xml"
        assert lastmod[url] == page.date("last_reviewed").isoformat(), page.src_path


def test_404_offers_search_a_to_z_and_home(mkdocs_site):
    doc = BeautifulSoup((mkdocs_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert doc.h1.get_text(strip=True) == "Page not found"
    assert len(doc.select("form[role=search]")) == 2
    assert len({f["aria-label"] for f in doc.select("form[role=search]")}) == 2, "landmark names must differ"
    hrefs = [a["href"] for a in doc.select(".hub-body a")]
    assert any(h.endswith("a-z/") for h in hrefs) and any(h.endswith("topics/") for h in hrefs)


def test_atom_feed_of_news(mkdocs_site, model, hub_config):
    root = ET.parse(mkdocs_site / "news" / "feed.xml").getroot()
    assert root.tag == ATOM + "feed"
    entries = root.findall(ATOM + "entry")
    news = [p for p in model.pages if p.type == "news"]
    assert len(entries) == len(news)
    links = {e.find(ATOM + "link").get("href") for e in entries}
    assert links == {hub_config.site_url + p.url for p in news}


ASSET = re.compile(r"""(?:src|href)\s*=\s*["'](https?:)?//[^"']+["']""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?(https?:)?//""", re.I)
IMPORT = re.compile(r"""@import\s+(url\()?\s*["']?(https?:)?//""", re.I)


def test_nothing_loads_from_outside_the_site(mkdocs_site, hub_config):
    """Only links people follow may leave the site: no fonts, scripts, styles or images from a CDN."""
    problems = []
    for path in mkdocs_site.rglob("*.html"):
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in doc.select("script[src], img[src], iframe[src], link[href]:not([rel=canonical]):not([rel~=alternate])"):
            url = tag.get("src") or tag.get("href")
            if re.match(r"(https?:)?//", url) and not url.startswith(hub_config.site_url):
                problems.append(f"{path.relative_to(mkdocs_site)}: {tag.name} {url}")
        text = path.read_text(encoding="utf-8")
        if "fonts.googleapis" in text or "fonts.gstatic" in text:
            problems.append(f"{path.relative_to(mkdocs_site)}: Google Fonts")
    for path in mkdocs_site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        if CSS_URL.search(text) or IMPORT.search(text):
            problems.append(f"{path.relative_to(mkdocs_site)}: loads a URL from outside")
    assert not problems, "\n".join(problems)


def test_navigation_sections_have_readable_titles(mkdocs_site, hub_config):
    doc = html(mkdocs_site, "guides/")
    tabs = [a.get_text(strip=True) for a in doc.select(".md-tabs__link")]
    for folder, info in hub_config.hub["sections"].items():
        if (mkdocs_site / folder).is_dir():
            assert info["title"] in tabs, f"no tab titled {info['title']}: {tabs}"


def test_tabs_list_what_the_nhsuk_header_lists(mkdocs_site, pelican_site):
    """Home, the sections, the A to Z and topics: the statements and other top-level pages
    stay out of the tabs (the footer links them), so the tabs fit one row at 1280 px."""
    doc = html(mkdocs_site, "accessibility/")
    tabs = [a.get_text(strip=True) for a in doc.select(".md-tabs__link")]
    header = html(pelican_site, "accessibility/")
    links = [a.get_text(strip=True) for a in header.select("a.nhsuk-header__navigation-link")]
    assert tabs == ["Home"] + links
    assert "Accessibility statement" not in tabs and "Privacy statement" not in tabs
    menu = [a.get_text(strip=True) for a in doc.select("nav.md-nav--primary a.md-nav__link")]
    assert "Accessibility statement" in menu, "the page should stay in the menu"


def sidebar_links(doc: BeautifulSoup) -> list[str]:
    """The page links in the open section of the sidebar (Material's primary navigation).

    The current page's own headings (#anchors) are left out: they are its contents, not pages.
    """
    active = doc.select_one("nav.md-nav--primary li.md-nav__item--active.md-nav__item--nested")
    return [a["href"] for a in active.select("a.md-nav__link") if not a["href"].startswith("#")]


def test_sidebar_lists_every_page_of_a_short_section(mkdocs_site, model):
    guides = [p for p in model.pages if p.src_path.startswith("guides/") and p.src_path != "guides/index.md"]
    assert len(guides) > 3
    links = sidebar_links(html(mkdocs_site, "guides/friends-and-family-test/"))
    assert len(links) == len(guides) + 1, links  # every guide and the section's landing page


def test_sidebar_of_a_long_section_lists_its_landing_page_and_the_page_you_are_on(tmp_path, hub_config):
    from hub import config, pipeline

    def limit(raw):
        raw["extra"]["hub"]["navigation"] = {"sidebar_max_pages": 5}

    cfg = config.load(config.write_copy(hub_config.content_dir, tmp_path / "mkdocs.yml", limit))
    assert pipeline.build(cfg, engine="mkdocs", out=tmp_path / "site", run_checks=False) == []
    links = sidebar_links(html(tmp_path / "site", "guides/friends-and-family-test/"))
    assert links == ["../", "./"], links
    # A section within the limit still lists all its pages, and its (generated) landing page.
    principles = sidebar_links(html(tmp_path / "site", "principles/"))
    assert len(principles) == len(list((hub_config.content_dir / "principles").glob("*.md"))) + 1, principles


def test_a_sidebar_limit_that_is_not_a_number_is_a_clear_error(tmp_path, hub_config):
    from hub import config, pipeline

    def bad(raw):
        raw["extra"]["hub"]["navigation"] = {"sidebar_max_pages": "forty"}

    cfg = config.load(config.write_copy(hub_config.content_dir, tmp_path / "mkdocs.yml", bad))
    findings = pipeline.build(cfg, engine="mkdocs", out=tmp_path / "site", run_checks=False)
    assert not (tmp_path / "site").exists()
    messages = " ".join(f.format() for f in findings)
    assert "sidebar_max_pages is 'forty'" in messages and "whole number" in messages, messages
