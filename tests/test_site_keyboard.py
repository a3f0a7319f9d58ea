"""Real Chromium: the keyboard route through the header, the mobile menu, and axe-core.

What a keyboard user meets first: the skip link, then at 375 px the menu and the
search form, with no invisible Tab stop on the way (Material's closed drawer used
to hold 15 or more). axe-core checks each kind of page at phone and desktop
widths in light and dark mode.
"""
from __future__ import annotations

import pytest

# Is the focused element something a sighted keyboard user can see? It must have a
# box, not be hidden or transparent, and be the element actually drawn at its centre
# (not off-canvas or under an overlay).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {tag: "BODY", visible: false};
  const box = el.getClientRects()[0] || el.getBoundingClientRect();
  let visible = box.width > 0 && box.height > 0;
  for (let e = el; e && visible; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.visibility === "hidden" || s.display === "none" || parseFloat(s.opacity) === 0) visible = false;
  }
  if (visible) {
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    visible = !!hit && (hit === el || el.contains(hit) || hit.contains(el));
  }
  return {tag: el.tagName, cls: String(el.className), text: (el.innerText || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 40),
          visible: visible, inMain: !!el.closest("#hub-main"), inDrawer: !!el.closest("#hub-drawer")};
}"""

GUIDE = "guides/friends-and-family-test/"


def tab(pg) -> dict:
    pg.keyboard.press("Tab")
    return pg.evaluate(FOCUSED)


def test_first_tab_is_the_skip_link_and_it_goes_to_the_content(page, mkdocs_server):
    page.goto(mkdocs_server.url)
    first = tab(page)
    assert "hub-skip-link" in first["cls"] and first["visible"], first
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "hub-main"
    after = tab(page)
    assert after["inMain"] and after["visible"], f"after the skip link, Tab went to {after}"


def test_phone_menu_and_search_reached_by_keyboard_with_no_invisible_stop(mobile_page, mkdocs_server):
    mobile_page.goto(mkdocs_server.url + GUIDE)
    seen = []
    for _ in range(200):
        focused = tab(mobile_page)
        if focused["tag"] == "BODY" or (seen and "hub-skip-link" in focused["cls"]):
            break  # round the whole page
        seen.append(focused)
    invisible = [f for f in seen if not f["visible"]]
    assert not invisible, f"invisible Tab stops: {invisible}"
    # Each stop by its hub class (the search box, once suggestions have loaded, carries the
    # autocomplete library's classes before its own).
    order = [next((c for c in f["cls"].split() if c.startswith("hub-") and c != "hub-header__button"), f["cls"])
             for f in seen[:6]]
    assert "hub-menu-button" in order and "hub-search__input" in order, f"first Tab stops: {seen[:6]}"
    assert order.index("hub-menu-button") < 4, "the menu comes straight after the skip link and home link"
    assert not any(f["inDrawer"] for f in seen), "the closed drawer must not take Tab stops"
    assert len(seen) > 10, "the page's own links should be in the Tab order"


def test_phone_menu_opens_closes_and_every_drawer_link_is_visible(mobile_page, mkdocs_server):
    pg = mobile_page
    pg.goto(mkdocs_server.url + GUIDE)
    menu = pg.locator(".hub-menu-button")
    for _ in range(5):
        if "hub-menu-button" in tab(pg)["cls"]:
            break
    assert menu.get_attribute("aria-expanded") == "false"
    pg.keyboard.press("Enter")
    pg.wait_for_function("() => document.activeElement.closest('#hub-drawer')")
    # The drawer slides in over 0.25 s; on a busy machine focus arrives before it has finished.
    pg.wait_for_function("() => document.getElementById('hub-drawer').getBoundingClientRect().left >= 0")
    assert menu.get_attribute("aria-expanded") == "true"
    stops = [pg.evaluate(FOCUSED)] + [tab(pg) for _ in range(12)]
    in_drawer = [s for s in stops if s["inDrawer"]]
    assert len(in_drawer) >= 8, stops
    assert all(s["visible"] for s in in_drawer), [s for s in in_drawer if not s["visible"]]
    assert not any(s["inMain"] for s in stops), "the page behind the open menu must be out of reach"
    pg.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert pg.evaluate("document.activeElement.classList.contains('hub-menu-button')")
    pg.wait_for_timeout(400)  # the drawer slides out, then hides
    assert pg.evaluate("getComputedStyle(document.getElementById('hub-drawer')).visibility") == "hidden"


def test_focus_indicator_is_the_nhs_yellow(page, mkdocs_server):
    page.goto(mkdocs_server.url + GUIDE)
    tab(page)
    tab(page)  # the home link in the header
    colour = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert colour == "rgb(255, 235, 59)"


AXE_PAGES = ["", GUIDE, "contact/give-feedback-to-healthwatch/", "news/experience-of-care-week-2021/", "a-z/"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violations(browser, mkdocs_server, mkdocs_site, width, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme,
                                  is_mobile=width < 500, has_touch=width < 500)
    pg = context.new_page()
    axe, problems = Axe(), []
    try:
        for url in [u for u in AXE_PAGES if (mkdocs_site / u / "index.html").is_file()]:
            pg.goto(mkdocs_server.url + url)
            expected = "slate" if scheme == "dark" else "default"
            assert pg.evaluate("document.body.dataset.mdColorScheme") == expected
            result = axe.run(pg, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            for v in result.response["violations"]:
                problems.append(f"/{url} {v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_without_javascript_nothing_dead_is_offered_and_the_a_to_z_is_there(browser, mkdocs_server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    pg = context.new_page()
    try:
        pg.goto(mkdocs_server.url + GUIDE)
        stops = []
        for _ in range(4):
            pg.keyboard.press("Tab")
            stops.append(pg.evaluate("document.activeElement.className"))
        assert stops[:4] == ["hub-skip-link", "hub-header__home", "hub-search__input", "hub-search__button"], stops
        pg.click(".hub-footer a:text-is('A to Z')")
        assert pg.locator("h1").inner_text() == "A to Z"
    finally:
        context.close()


def test_404_page_works_at_the_published_address(browser, mkdocs_site, hub_config, tmp_path):
    """404.html links its assets from the site's root path (/hub/), so serve the site there."""
    from urllib.parse import urlsplit

    from axe_playwright_python.sync_playwright import Axe
    from conftest import LoopbackServer

    prefix = urlsplit(hub_config.site_url).path.strip("/")
    root = tmp_path / "root"
    (root / prefix).parent.mkdir(parents=True, exist_ok=True)
    (root / prefix).symlink_to(mkdocs_site, target_is_directory=True)
    server = LoopbackServer(root)
    context = browser.new_context(viewport={"width": 375, "height": 740})
    pg = context.new_page()
    try:
        pg.goto(server.url + prefix + "/404.html")
        assert pg.evaluate("getComputedStyle(document.querySelector('.hub-header')).backgroundColor") == "rgb(0, 94, 184)"
        first = tab(pg)
        assert "hub-skip-link" in first["cls"]
        result = Axe().run(pg, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        assert not result.response["violations"], [v["id"] for v in result.response["violations"]]
    finally:
        context.close()
        server.close()
