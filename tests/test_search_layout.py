"""The search page on both editions: results come first, and nothing moves as they load.

At 375 px (a phone) and 1280 px (a desktop) the first result is on screen without
scrolling. Cumulative layout shift is measured in Chromium with a PerformanceObserver
for layout-shift entries while the page loads over a throttled network on a slowed
CPU, as a phone on a poor connection would; it must stay under 0.05.
"""
from __future__ import annotations

from urllib.parse import quote

import pytest

from conftest import LoopbackServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLS_LIMIT = 0.05
# A slow phone on a poor mobile connection (Lighthouse's "slow 4G" figures).
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
WATCH_SHIFTS = """
window.__cls = 0;
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__cls += e.value;
    window.__shifts.push({value: e.value, sources: (e.sources || []).map(s => s.node ? (s.node.id || s.node.className || s.node.nodeName) : "?")});
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture(scope="module", params=["mkdocs", "pelican"])
def edition(request):
    site_dir = request.getfixturevalue("mkdocs_site" if request.param == "mkdocs" else "pelican_site")
    server = LoopbackServer(site_dir)
    yield server.url
    server.close()


def open_results(browser, base: str, q: str, width: int, height: int, throttle: bool = False):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 600,
                                  has_touch=width < 600)
    page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.add_init_script(WATCH_SHIFTS)
    page.goto(base + "search/?q=" + quote(q))
    page.wait_for_function("() => window.hubSearch && window.hubSearch.ready", timeout=60_000)
    page.evaluate("window.hubSearch.ready")
    page.wait_for_selector("#search-results > li")
    return context, page


@pytest.mark.parametrize("width, height", [(375, 740), (1280, 900)])
def test_the_first_result_is_on_screen_without_scrolling(browser, edition, width, height):
    context, page = open_results(browser, edition, "hosptial feedback", width, height)
    try:
        assert page.evaluate("window.scrollY") == 0
        assert not page.evaluate("document.querySelector('#search-filters details').open")
        box = page.locator("#search-results > li:first-child .hub-result__title a").bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= height, f"first result at {box} on a {width}x{height} screen"
        assert page.is_visible("#search-suggestions a")  # the "Did you mean" link too
    finally:
        context.close()


@pytest.mark.parametrize("width, height", [(412, 823), (1280, 900)])
def test_nothing_moves_while_results_load_on_a_slow_phone_and_network(browser, edition, width, height):
    context, page = open_results(browser, edition, "frends and famly test", width, height, throttle=True)
    try:
        page.wait_for_timeout(1000)  # anything late (fonts, the prefetch) gets its chance to move things
        cls, shifts = page.evaluate("[window.__cls, window.__shifts]")
        assert cls < CLS_LIMIT, shifts
    finally:
        context.close()
