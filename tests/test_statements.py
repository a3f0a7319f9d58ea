"""What the accessibility and privacy statements (content/accessibility.md, content/privacy.md)
say about the site stays true, on both editions, in real Chromium.

- Zoom: every page fits a screen 320 px wide with no sideways scrolling (WCAG 1.4.10,
  the same as 400% zoom on a 1280 px screen).
- Privacy: no cookies, nothing stored until the reader switches dark mode (then only
  Material's palette choice), no request leaves the site, and a search from the header
  puts the words in the results page's address, as the statement tells readers.
"""
from __future__ import annotations

import pytest

from hub.checks.a11y import built_urls

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ZOOMED_WIDTH = 320  # CSS pixels: 1280 px at 400% zoom
PAGES = ["", "guides/friends-and-family-test/", "contact/", "a-z/", "search/?q=carers"]
STORAGE = "() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookie: document.cookie})"


@pytest.fixture(params=["mkdocs", "pelican"])
def edition(request):
    """(engine, site folder, server) for each edition."""
    if request.param == "mkdocs":
        return "mkdocs", request.getfixturevalue("mkdocs_site"), request.getfixturevalue("mkdocs_server")
    return "pelican", request.getfixturevalue("pelican_site"), request.getfixturevalue("pelican_server")


def test_every_page_fits_a_zoomed_in_screen(browser, edition):
    _engine, site_dir, server = edition
    context = browser.new_context(viewport={"width": ZOOMED_WIDTH, "height": 640})
    pg = context.new_page()
    too_wide = []
    try:
        for url in built_urls(site_dir) + ["search/?q=carers"]:
            pg.goto(server.url + url)
            width = pg.evaluate("document.documentElement.scrollWidth")
            if width > ZOOMED_WIDTH:
                too_wide.append(f"/{url}: {width} px")
    finally:
        context.close()
    assert not too_wide, f"pages that scroll sideways at {ZOOMED_WIDTH} px: {too_wide}"


def test_the_site_keeps_nothing_about_the_reader(browser, edition):
    engine, _site_dir, server = edition
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    pg = context.new_page()
    foreign = []
    pg.on("request", lambda r: r.url.startswith(server.url) or foreign.append(r.url))
    try:
        for path in PAGES:
            pg.goto(server.url + path, wait_until="networkidle")
        # Searching from the header of another page loads the results page with the words in its address.
        pg.goto(server.url + PAGES[1], wait_until="networkidle")
        pg.fill('[role="search"] input[name="q"] >> nth=0', "carers")
        pg.keyboard.press("Enter")
        pg.wait_for_url("**/search/?q=carers*")
        pg.wait_for_load_state("networkidle")
        assert pg.evaluate(STORAGE) == {"local": [], "session": [], "cookie": ""}

        # The Material edition has a dark mode switch; its choice is all the site keeps.
        scheme = pg.locator(".hub-scheme-button")
        if engine == "mkdocs":
            scheme.first.click()
            pg.goto(server.url + PAGES[1], wait_until="networkidle")
            stored = pg.evaluate(STORAGE)
            assert stored["session"] == [] and stored["cookie"] == ""
            assert stored["local"] and all(k.endswith("__palette") for k in stored["local"]), stored
        assert context.cookies() == []
    finally:
        context.close()
    assert foreign == [], f"requests that left the site: {foreign}"
