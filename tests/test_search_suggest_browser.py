"""Suggestions as people type, and a search that finds nothing, in Chromium on both editions.

The header's search box (and the search page's) is GOV.UK's accessible-autocomplete:
a combobox with a listbox a screen reader can reach, used here with the keyboard only.
It must load nothing the Content Security Policy refuses (on an iPhone too, where the
library adds inline styles), pass axe and the Nu HTML checker with the list open at
375 and 1280 px in light and dark, and leave the form working without JavaScript.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import LoopbackServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "guides/friends-and-family-test/"
COMPLAIN = "contact/complain-about-nhs-care/"
VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/17.0 Mobile/15E148 Safari/604.1")


@pytest.fixture(scope="module", params=["mkdocs", "pelican"])
def edition(request):
    site_dir = request.getfixturevalue("mkdocs_site" if request.param == "mkdocs" else "pelican_site")
    server = LoopbackServer(site_dir)
    yield request.param, server.url, site_dir
    server.close()


def open_page(browser, url: str, width: int = 1280, scheme: str = "light", **options):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme,
                                  is_mobile=width < 600, has_touch=width < 600, **options)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(VIOLATIONS)
    page.goto(url)
    page.wait_for_function("() => window.hubSuggest && window.hubSuggest.ready")
    page.evaluate("window.hubSuggest.ready")
    return context, page, errors


def header_box(page):
    return page.locator("input[name=q]").first


def type_and_wait(page, text: str, box=None):
    """Type into the box, and wait for the suggestions drawn for all of it (not for a letter before)."""
    (box or header_box(page)).focus()
    page.keyboard.type(text)
    page.wait_for_function("(q) => window.hubSuggest.drawn && window.hubSuggest.drawn.q === q", arg=text)


def options(page) -> list[str]:
    return page.eval_on_selector_all("[role=listbox]:not(.autocomplete__menu--hidden) [role=option]",
                                     "os => os.map(o => o.textContent.trim())")


def test_suggestions_as_a_combobox_with_the_keyboard(browser, edition):
    name, base, _ = edition
    context, page, errors = open_page(browser, base + GUIDE)
    try:
        box = header_box(page)
        assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
        type_and_wait(page, "comp")
        listbox = page.locator("#" + box.get_attribute("aria-controls"))
        assert listbox.get_attribute("role") == "listbox" and box.get_attribute("aria-expanded") == "true"
        assert options(page)[0].startswith("Complain about NHS care")  # a page title, marked "Page"
        # The list is in the accessibility tree a screen reader reads: the combobox (named by its
        # label, expanded), the listbox and each option with its name.
        nodes = accessibility_tree(page)
        combobox = [n for n in nodes if n["role"] == "combobox"][0]
        assert combobox["name"] == "Search the hub" and combobox["expanded"] is True
        assert [n for n in nodes if n["role"] == "listbox"]
        assert [n["name"] for n in nodes if n["role"] == "option"][0].startswith("Complain about NHS care")
        # The status the library keeps for screen readers says how many there are.
        page.wait_for_function("() => /available/.test(document.querySelector('[id$=__status--A], [id$=__status--B]')"
                               ".parentNode.textContent)")
        # Down arrow to the first suggestion, Enter to go to the page.
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.getAttribute('role')") == "option"
        assert page.evaluate("document.activeElement.getAttribute('aria-selected')") == "true"
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(re.escape(COMPLAIN) + "$"))
        # A phrase runs the search; Escape closes the list; Enter with nothing chosen searches what was typed.
        page.evaluate("window.hubSuggest.ready")
        type_and_wait(page, "rude st")
        assert options(page)[0] == "rude staff"
        page.keyboard.press("Escape")
        assert header_box(page).get_attribute("aria-expanded") == "false"
        page.keyboard.type(" and")  # typing on after Escape keeps the text (spaces too)
        assert header_box(page).input_value() == "rude st and"
        header_box(page).fill("")
        type_and_wait(page, "rude st")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/search/\?q=rude(\+|%20)staff$"))
        page.evaluate("window.hubSearch.ready")
        page.wait_for_selector("#search-results > li")
        assert page.locator("#search-results > li .hub-result__title a").first.get_attribute("href").endswith(COMPLAIN)
        page.evaluate("window.hubSuggest.ready")
        box = page.locator("#search-page-q")
        assert box.get_attribute("role") == "combobox" and box.input_value() == "rude staff"
        box.fill("")
        type_and_wait(page, "carers", box)
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('search-status').textContent.endsWith('for carers')")
        assert page.url.endswith("?q=carers") and box.input_value() == "carers"
        assert page.evaluate("window.__violations") == [] and errors == []
    finally:
        context.close()


def accessibility_tree(page) -> list[dict]:
    """Chromium's accessibility tree (what a screen reader is given): role, name, expanded."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    out = []
    for n in nodes:
        if n.get("ignored"):
            continue
        props = {p["name"]: p["value"].get("value") for p in n.get("properties", [])}
        out.append({"role": n.get("role", {}).get("value"), "name": " ".join(str((n.get("name") or {}).get("value", "")).split()),
                    "expanded": props.get("expanded")})
    return out


def test_typing_while_the_suggestions_load_keeps_every_letter(browser, edition):
    """Someone who starts typing before the page is idle: the box becomes a combobox under
    their fingers (focusing it loads the library), and no letter is lost or replaced."""
    _, base, _ = edition
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script("window.requestIdleCallback = function () {};")  # only focusing starts it
        page.goto(base + GUIDE)
        header_box(page).focus()
        page.keyboard.type("co-production", delay=15)
        page.wait_for_function("() => window.hubSuggest.ready")
        page.evaluate("window.hubSuggest.ready")
        assert header_box(page).get_attribute("role") == "combobox"
        assert header_box(page).input_value() == "co-production"
        assert page.evaluate("document.activeElement.getAttribute('role')") == "combobox"
    finally:
        context.close()


def test_suggestions_meet_the_csp_on_an_iphone_too(browser, edition):
    """The library gives each option's position an inline style on iPhones; the hub gives it a class."""
    _, base, _ = edition
    context, page, errors = open_page(browser, base + GUIDE, width=375, user_agent=IPHONE)
    try:
        type_and_wait(page, "car")
        positions = page.eval_on_selector_all("[role=option] .hub-suggest__position", "ps => ps.map(p => p.textContent)")
        assert positions and positions[0].strip() == f"1 of {len(options(page))}"
        assert page.eval_on_selector_all("[role=option] [style]", "els => els.length") == 0
        assert page.evaluate("window.__violations") == [] and errors == []
    finally:
        context.close()


def test_the_open_list_passes_axe_and_the_nu_checker_at_both_widths_light_and_dark(browser, edition, tmp_path):
    from axe_playwright_python.base import AXE_SCRIPT

    name, base, _ = edition
    for width in (375, 1280):
        for scheme in ("light", "dark"):
            context, page, _ = open_page(browser, base + GUIDE, width=width, scheme=scheme)
            try:
                type_and_wait(page, "co")
                page.keyboard.press("ArrowDown")
                page.evaluate(AXE_SCRIPT)
                report = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: "
                                       "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})")
                problems = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in report["violations"]]
                assert not problems, (width, scheme, problems)
                # The list is on screen, inside the viewport.
                box = page.locator("[role=listbox]").first.bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= width, (width, box)
                html = page.evaluate("'<!DOCTYPE html>\\n' + document.documentElement.outerHTML")
                (tmp_path / f"{name}-{width}-{scheme}.html").write_text(html, encoding="utf-8")
            finally:
                context.close()
    vnu = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    done = subprocess.run(["java", "-jar", str(vnu), "--errors-only", "--skip-non-html", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_closed_list_is_hidden_in_every_box_the_page_holds(browser, edition):
    # The search page holds a second box in its text (as the 404 page does), where a theme's list
    # styles must not show its closed, empty listbox (axe: aria-required-children).
    _, base, _ = edition
    context, page, errors = open_page(browser, base + "search/")
    try:
        boxes = page.eval_on_selector_all("[role=listbox]", "ls => ls.map(l => [l.id, getComputedStyle(l).display])")
        assert len(boxes) == 2 and all(display == "none" for _, display in boxes), boxes
        assert errors == []
    finally:
        context.close()


def test_a_search_that_finds_nothing_offers_the_main_routes_and_the_a_to_z(browser, edition):
    _, base, site_dir = edition
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base + "search/?q=" + quote("zzqxj wibble"))
        page.evaluate("window.hubSearch.ready")
        page.wait_for_selector("#search-help", state="visible")
        links = page.eval_on_selector_all("#search-help a", "as => as.map(a => [a.textContent, a.getAttribute('href')])")
        texts = [t for t, _ in links]
        assert texts[0] == "Complain about NHS care" and "A to Z index" in texts
        assert any("PALS" in t for t in texts) and any("share your experience" in t for t in texts)
        for _, href in links:
            target = (site_dir / "search" / href).resolve()
            assert (target / "index.html").is_file(), href
        # A search that finds something keeps the results first: the help is hidden again.
        page.evaluate("window.hubSearch.search('carers')")
        assert page.locator("#search-help").is_hidden()
    finally:
        context.close()


def test_without_javascript_the_header_box_submits_to_the_search_page(browser, edition):
    _, base, _ = edition
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + GUIDE)
        header_box(page).fill("carers")
        header_box(page).press("Enter")
        page.wait_for_url(re.compile(r"/search/\?q=carers$"))
        assert page.locator(".hub-search-noscript").is_visible()
    finally:
        context.close()
