"""The Content Security Policy: on every page of both editions, and it holds in Chromium.

The checks keep script out of the content; the policy is the second line of defence.
These tests show that every page declares it before anything loads, that the site itself
needs nothing it forbids (search, the menu and dark mode keep working with 0 violations),
and that script planted in a page past the checks does not run.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import LoopbackServer
from hostile import benign_fields, write_site

from hub import pipeline
from hub.security import CONTENT_SECURITY_POLICY

VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


class PageRules(HTMLParser):
    """Where the policy is declared, and anything on the page the policy would refuse."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.policies: list[str] = []
        self.loaded_before_policy: list[str] = []
        self.refused: list[str] = []
        self._inline_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(a.get("content") or "")
        elif tag in ("script", "link", "style", "img") and not self.policies:
            self.loaded_before_policy.append(tag)
        if tag == "style":
            self.refused.append("<style> element")
        if tag == "script" and "src" not in a and a.get("type") not in ("application/json", "application/ld+json"):
            self._inline_script = True
        for key, _ in attrs:
            if key == "style" or key.startswith("on"):
                self.refused.append(f"{key}= on <{tag}>")

    def handle_endtag(self, tag):
        self._inline_script = False

    def handle_data(self, data):
        if self._inline_script and data.strip():
            self.refused.append(f"inline script {data.strip()[:40]!r}")


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["mkdocs_site", "pelican_site"])
def test_every_page_declares_the_policy_before_anything_loads(edition, request):
    site: Path = request.getfixturevalue(edition)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        rules = PageRules()
        rules.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(site)
        assert rules.policies == [CONTENT_SECURITY_POLICY], f"{where}: policy {rules.policies}"
        assert rules.loaded_before_policy == [], f"{where}: {rules.loaded_before_policy} come before the policy"
        assert rules.refused == [], f"{where}: the policy would refuse {rules.refused}"


def test_the_policy_allows_only_the_site_itself():
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY and "http" not in CONTENT_SECURITY_POLICY


def watched(page):
    page.add_init_script(VIOLATIONS)
    return page


@pytest.mark.browser
def test_mkdocs_search_menu_and_dark_mode_work_under_the_policy(browser, mkdocs_server):
    desktop = watched(browser.new_context(viewport={"width": 1280, "height": 900}).new_page())
    desktop.goto(mkdocs_server.url + "search/?q=co-production")
    desktop.wait_for_selector("#search-results > li")
    assert desktop.evaluate("window.__violations") == []
    desktop.goto(mkdocs_server.url + "guides/friends-and-family-test/")
    before = desktop.evaluate("document.body.getAttribute('data-md-color-scheme')")
    desktop.click(".hub-scheme-button")
    assert desktop.evaluate("document.body.getAttribute('data-md-color-scheme')") != before
    desktop.reload()  # the choice is kept, by Material's page state helpers in hub-early.js
    assert desktop.evaluate("document.body.getAttribute('data-md-color-scheme')") != before
    assert desktop.evaluate("window.__violations") == []

    phone = watched(browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                                        has_touch=True).new_page())
    phone.goto(mkdocs_server.url + "guides/friends-and-family-test/")
    phone.click(".hub-menu-button")
    phone.wait_for_function("() => document.getElementById('hub-drawer').getBoundingClientRect().left >= 0")
    assert phone.get_attribute(".hub-menu-button", "aria-expanded") == "true"
    assert phone.evaluate("window.__violations") == []


@pytest.mark.browser
def test_pelican_search_and_menu_work_under_the_policy(browser, pelican_server):
    desktop = watched(browser.new_context(viewport={"width": 1280, "height": 900}).new_page())
    desktop.goto(pelican_server.url + "search/?q=co-production")
    desktop.wait_for_selector("#search-results > li")
    assert desktop.evaluate("document.body.classList.contains('js-enabled')")  # js-enabled.js ran
    assert desktop.evaluate("window.__violations") == []

    phone = watched(browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                                        has_touch=True).new_page())
    phone.goto(pelican_server.url + "guides/friends-and-family-test/")
    menu = phone.locator(".nhsuk-header__menu-toggle")
    if menu.count() and menu.is_visible():
        menu.click()
        assert menu.get_attribute("aria-expanded") == "true"
    assert phone.evaluate("window.__violations") == []


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "pelican"])
def test_script_planted_past_the_checks_does_not_run(engine, browser, tmp_path):
    """As if a pull request's script had slipped past every check: the browser still refuses it."""
    config = write_site(tmp_path, benign_fields())
    guide = tmp_path / "content" / "guides" / "first-guide.md"
    guide.write_text(guide.read_text(encoding="utf-8")
                     + '\n<script>window.__planted = "inline script ran"</script>\n\n'
                     + '<img src="missing.png" alt="A chart" onerror="window.__planted = \'handler ran\'">\n',
                     encoding="utf-8")
    out = tmp_path / "site"
    pipeline.render(config, engine=engine, out=out)
    server = LoopbackServer(out)
    try:
        page = watched(browser.new_context().new_page())
        page.goto(server.url + "guides/first-guide/")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__planted") is None
        blocked = page.evaluate("window.__violations")
        assert any(v.startswith("script-src") for v in blocked), blocked
    finally:
        server.close()


def test_script_json_round_trips_and_can_never_close_a_script():
    import json

    from hub.security import script_json

    hostile = {"b": "</script><!-- --> & \u2028\u2029 \ud800 é", "a": ["<script>", 1.5, None]}
    text = script_json(hostile)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\ud800" not in text
    assert json.loads(text) == hostile
    assert text.encode("utf-8")  # lone surrogates are escaped, so the text is writable as UTF-8
    assert text.index('"a"') < text.index('"b"')  # keys in a stable order
