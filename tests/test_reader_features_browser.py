"""What a reader meets at the end of a page and on paper, in real Chromium, on both editions:

- "Is this page useful?": on every content page and no other, Yes and No links whose
  messages name the page and its published address, found by name and reached by Tab;
- the footer: the accessibility and privacy statements on every page;
- print: no header, navigation, search, feedback or footer; review dates kept; the
  address of each link to another site written after it.
"""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from hub.checks.a11y import built_urls
from hub.content import load_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CONTENT_FOLDERS = ("guides", "principles", "commitments", "contact", "news")
# A content page with links to other sites, links within the site, and review dates.
PRINTED = "contact/give-feedback-to-healthwatch/"
YES, NO = "Yes, this page is useful", "No, this page is not useful"

PAGE_PARTS = """() => ({
  feedback: [...document.querySelectorAll(".hub-feedback a")].map(a => ({text: a.textContent.trim(),
                                                                          href: a.getAttribute("href")})),
  footer: [...document.querySelectorAll("footer a")].map(a => ({text: a.textContent.trim(), href: a.href})),
})"""

# The focused element, and whether a sighted keyboard user can see it (as test_site_keyboard.py asks).
FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {text: el.textContent.trim(), visible: el.checkVisibility() && box.width > 0 && !!hit && el.contains(hit)};
}"""

# In print: is each part of the page shown? And what is written after each link?
PRINT_VIEW = """() => {
  const shown = sel => [...document.querySelectorAll(sel)].map(el => el.checkVisibility());
  const after = a => getComputedStyle(a, "::after").content;
  const links = [...document.querySelectorAll("main a[href]")].filter(a => a.checkVisibility());
  return {
    header: shown("header"), nav: shown("nav"), search: shown('[role="search"]'), footer: shown("footer"),
    feedback: shown(".hub-feedback"), h1: shown("h1"),
    review: [...document.querySelectorAll("main time")].filter(t => t.checkVisibility())
              .map(t => t.parentElement.textContent.replace(/\\s+/g, " ").trim()),
    external: links.filter(a => /^https?:/.test(a.getAttribute("href"))).map(a => [a.getAttribute("href"), after(a)]),
    internal: links.filter(a => !/^[a-z]+:/.test(a.getAttribute("href"))).map(a => [a.getAttribute("href"), after(a)]),
  };
}"""


@pytest.fixture(params=["mkdocs", "pelican"])
def edition(request):
    """(site folder, server) for each edition."""
    return request.getfixturevalue(f"{request.param}_site"), request.getfixturevalue(f"{request.param}_server")


@pytest.fixture(scope="module")
def model(hub_config):
    return load_site(hub_config.content_dir, hub_config.root)


def is_content(src_path: str) -> bool:
    return src_path.split("/")[0] in CONTENT_FOLDERS and not src_path.endswith("index.md")


def written(href: str) -> tuple[str, str]:
    """(subject, text) of the message a feedback link opens: an email, or a GitHub issue."""
    parts = urlsplit(href)
    query = {k: v[0] for k, v in parse_qs(parts.query, strict_parsing=True).items()}
    if parts.scheme == "mailto":
        return query["subject"], query["body"].replace("\r\n", "\n")
    return query["title"], query["body"]


def test_feedback_links_and_footer_statements_on_every_page(browser, edition, model, hub_config):
    site_dir, server = edition
    pages = {p.url: p for p in model.pages}
    statements = {pages[u].title: server.url + u for u in ("accessibility/", "privacy/")}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    with_feedback = 0
    try:
        for url in built_urls(site_dir):
            pg.goto(server.url + url)
            parts = pg.evaluate(PAGE_PARTS)
            footer = {link["text"]: link["href"] for link in parts["footer"]}
            for title, address in statements.items():
                assert title in footer, f"/{url}: no '{title}' in the footer"
                if url != "404.html":  # the 404 page links from the site's root path (/hub/)
                    assert footer[title] == address, f"/{url}: {footer[title]}"
            page = pages.get(url)
            if page is None or not is_content(page.src_path):
                assert parts["feedback"] == [], f"/{url}: feedback links on a page that is not a content page"
                continue
            assert [link["text"] for link in parts["feedback"]] == [YES, NO], url
            for link in parts["feedback"]:
                subject, text = written(link["href"])
                assert subject.endswith(f": {page.title}"), url
                assert f"Page: {page.title}\nWeb address: {hub_config.site_url}{page.url}\n" in text, url
            # What a screen reader finds: a region named by its heading, and links named by their words.
            region = pg.get_by_role("region", name="Is this page useful?")
            assert region.get_by_role("heading", name="Is this page useful?").count() == 1, url
            assert region.get_by_role("link", name=YES, exact=True).count() == 1, url
            with_feedback += 1
        assert with_feedback == sum(is_content(p.src_path) for p in model.pages)

        pg.goto(server.url + "guides/friends-and-family-test/")
        pg.locator("footer").get_by_role("link", name=next(iter(statements)), exact=True).click()
        assert pg.locator("h1").inner_text() == next(iter(statements))
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_feedback_links_are_reached_by_keyboard(browser, edition, width):
    _site_dir, server = edition
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    try:
        pg.goto(server.url + "guides/friends-and-family-test/")
        stops = []
        for _ in range(400):
            pg.keyboard.press("Tab")
            stops.append(pg.evaluate(FOCUSED))
            if stops[-1]["text"] == YES:
                break
        assert stops[-1]["text"] == YES, f"Tab never reached the Yes link: {[s['text'] for s in stops[-5:]]}"
        assert stops[-1]["visible"], "the Yes link has focus but cannot be seen"
        pg.keyboard.press("Tab")
        after = pg.evaluate(FOCUSED)
        assert after["text"] == NO and after["visible"], after
    finally:
        context.close()


def test_print_shows_the_page_its_review_dates_and_where_links_go(browser, edition, hub_config):
    _site_dir, server = edition
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    try:
        pg.goto(server.url + PRINTED)
        on_screen = pg.evaluate(PRINT_VIEW)
        assert any(on_screen["header"]) and any(on_screen["nav"]) and any(on_screen["feedback"])
        assert all(content in ("none", "normal") for _, content in on_screen["external"])

        pg.emulate_media(media="print")
        printed = pg.evaluate(PRINT_VIEW)
        for part in ("header", "nav", "search", "footer", "feedback"):
            assert printed[part] and not any(printed[part]), f"{part} is printed: {printed[part]}"
        assert printed["h1"] == [True]
        review = " ".join(printed["review"])
        assert "Page last reviewed: 22 November 2026" in review and "Next review due: 22 November 2027" in review
        assert printed["external"], "the page should have links to other sites"
        for href, content in printed["external"]:
            assert content == f'" ({href})"', f"{href}: printed as {content}"
        assert printed["internal"], "the page should have links within the site"
        assert all(content in ("none", "normal") for _, content in printed["internal"]), printed["internal"]
    finally:
        context.close()
