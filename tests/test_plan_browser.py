"""A moved page's old address takes a reader to the new one, in Chromium, online and from disk, in both
editions; the redirect page and a withdrawn page are valid HTML, and the withdrawn page passes axe."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LoopbackServer
from test_plan_build import build, errors, small_project

from hub import engines

pytestmark = pytest.mark.slow


def move_and_withdraw(tmp_path: Path) -> Path:
    """The small site with the FFT page moved to guides/fft.md and the feedback guide withdrawn."""
    project = small_project(tmp_path)
    content = tmp_path / "content"
    (content / "guides/friends-and-family-test.md").rename(content / "guides/fft.md")
    for rel, old, new in (("guides/fft.md", "audience:", "moved_from: [/guides/friends-and-family-test/]\naudience:"),
                          ("guides/using-feedback.md", "friends-and-family-test.md", "fft.md"),
                          ("guides/using-feedback.md", "audience:",
                           'withdrawn: {date: 2026-10-01, reason: "Replaced by newer guidance.", instead: guides/fft.md}\n'
                           "audience:")):
        path = content / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return project


@pytest.mark.parametrize("engine", engines.ENGINES)
def test_the_old_address_leads_to_the_new_page(tmp_path, engine, page):
    project = move_and_withdraw(tmp_path)
    out, offline = tmp_path / "site", tmp_path / "offline"
    assert errors(build(project, engine, out)) == []
    assert errors(build(project, engine, offline, offline=True)) == []
    server = LoopbackServer(out)
    try:
        page.goto(server.url + "guides/friends-and-family-test/")
        page.wait_for_url(server.url + "guides/fft/")
        assert page.locator("h1").inner_text() == "Friends and Family Test"
    finally:
        server.close()
    page.goto((offline / "guides/friends-and-family-test.html").as_uri())
    page.wait_for_url((offline / "guides/fft.html").as_uri())
    assert page.locator("h1").inner_text() == "Friends and Family Test"


@pytest.mark.parametrize("engine", engines.ENGINES)
def test_redirect_and_withdrawn_pages_are_valid_and_accessible(tmp_path, engine):
    from hub.checks import a11y, html_validity

    project = move_and_withdraw(tmp_path)
    out = tmp_path / "site"
    assert errors(build(project, engine, out)) == []
    invalid = [e for e in html_validity.validate(out) if "friends-and-family-test" in e.file or "using-feedback" in e.file]
    assert invalid == []
    assert "guides/friends-and-family-test/" not in a11y.built_urls(out)  # axe would see the page it leads to
    server = LoopbackServer(out)
    try:
        problems = a11y.audit(server.url, ["guides/using-feedback/"])
    finally:
        server.close()
    assert problems == [], problems
