"""The Pelican site in real Chromium: search works, and axe finds nothing at desktop and phone widths."""
from __future__ import annotations

import pytest


pytestmark = [pytest.mark.browser, pytest.mark.slow]

# One page of each layout, so every template is checked.
LAYOUT_SAMPLES = [
    "",  # home.html
    "search/?q=feedback",  # search-page.html with results
    "guides/friends-and-family-test/",  # guide.html
    "principles/",  # page.html (a generated section page)
    "news/",  # page.html with the links to the archive and feed
    "a-z/",
    "news/archive/",  # news-archive.html
    "404.html",
]


def _one_of_each_type(pelican_site):
    """The first page of each content type that has a layout of its own (contact, news, principle, commitment)."""
    found = []
    for folder in ("contact", "news", "principles", "commitments"):
        pages = sorted(p for p in (pelican_site / folder).glob("*/index.html") if p.parent.name != "archive")
        if pages:
            found.append(f"{folder}/{pages[0].parent.name}/")
    return found


def test_search_from_the_header_finds_a_page(page, pelican_server):
    page.goto(pelican_server.url)
    page.fill('[role="search"] input[name="q"] >> nth=0', "friends and family test")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    first = page.locator("#search-results li a").first
    first.wait_for(timeout=10_000)
    assert "guides/friends-and-family-test/" in first.get_attribute("href")
    status = page.locator("#search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert "result" in status.inner_text()


def test_search_result_links_open_pages(page, pelican_server):
    page.goto(pelican_server.url + "search/?q=FFT")
    link = page.locator("#search-results li a").first
    link.wait_for(timeout=10_000)
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert "search" not in page.url


@pytest.mark.parametrize("width, height", [(1280, 900), (375, 740)])
def test_axe_finds_no_violations(browser, pelican_server, pelican_site, width, height):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    problems = []
    try:
        for path in LAYOUT_SAMPLES + _one_of_each_type(pelican_site):
            pg.goto(pelican_server.url + path)
            if path.startswith("search/"):
                pg.locator("#search-results li").first.wait_for(timeout=10_000)
            results = axe.run(pg)
            if results.violations_count:
                problems.append(f"/{path} at {width}px:\n{results.generate_report()}")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def test_skip_link_is_the_first_tab_stop(page, pelican_server):
    page.goto(pelican_server.url + "guides/friends-and-family-test/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#maincontent"


def test_home_card_headings_are_smaller_than_page_headings_at_1280px(page, pelican_server):
    page.goto(pelican_server.url)
    cards = page.eval_on_selector_all(".hub-route .nhsuk-card__heading",
                                      "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    section = page.eval_on_selector("[data-hub-content] h2", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert len(cards) == 3
    # NHS.UK frontend's medium heading (26px at this width), not the page's own h2 size (36px).
    assert max(cards) <= 26 and max(cards) < section, (cards, section)


def test_header_shows_the_site_name_as_the_home_link_and_no_nhs_logo(page, pelican_server, hub_config):
    page.goto(pelican_server.url + "guides/friends-and-family-test/")
    banner = page.get_by_role("banner")
    home = banner.get_by_role("link", name=hub_config.site_name, exact=True)
    assert home.is_visible() and home.get_attribute("href") == "../../"
    assert banner.locator("svg.nhsuk-header__logo").count() == 0
    assert banner.get_by_role("img", name="NHS").count() == 0
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == hub_config.site_name
