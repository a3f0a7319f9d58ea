"""Every request a page makes succeeds and stays on the site: no 404s in the background, no CDN."""
from __future__ import annotations

import pytest

PAGES = ["", "guides/friends-and-family-test/", "contact/give-feedback-to-the-care-quality-commission/",
         "news/", "a-z/", "search/?q=carers"]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page_requests_all_succeed_on_the_site(page, mkdocs_server, path):
    failed, foreign = [], []
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    page.on("request", lambda r: not r.url.startswith(mkdocs_server.url) and foreign.append(r.url))
    page.goto(mkdocs_server.url + path, wait_until="networkidle")
    assert failed == [] and foreign == []


def test_feed_is_discoverable_without_material_treating_it_as_a_language(mkdocs_site):
    html = (mkdocs_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml"' in html
    assert 'rel="alternate"' not in html
