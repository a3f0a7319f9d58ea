"""The NHS.UK edition as a contributor meets it: problems as findings naming the file, and serve with live reload.

Each build goes through the pipeline (content -> plan -> Pelican -> after render), as `build.py` runs it."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from checks_fixtures import write_owners, without_site_routes

from hub import config as hub_config
from hub import pipeline
from hub.engines.pelican import assets

ROOT = Path(__file__).resolve().parent.parent

HOME = """\
---
title: Test hub home
summary: The home page of a small test copy of the hub.
type: page
owner: experience-of-care
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

## Welcome

This is a small copy of the hub for tests.
"""

GUIDE = """\
---
title: Live reload test
summary: A page used to test the Pelican preview.
type: guide
audience: [public]
topics: [testing]
owner: experience-of-care
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

## First section

Original words. Read the [home page](../index.md).
"""


def temp_project(tmp_path: Path, pages: dict[str, str]) -> Path:
    """mkdocs.yml copied beside a temporary content folder; returns the config path."""
    content = tmp_path / "content"
    search = (ROOT / "content" / "search.md").read_text(encoding="utf-8")  # every header links to it
    for rel, text in {"index.md": HOME, "search.md": search, **pages}.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    write_owners(content)
    # The home page's routes lead to pages this small site does not have.
    return hub_config.write_copy(content, tmp_path / "mkdocs.yml", without_site_routes)


def build(cfg, out: Path, **options) -> list:
    """The findings of rendering `cfg`'s content with Pelican, the quality gates left out."""
    return pipeline.build(cfg, engine="pelican", out=out, run_checks=False, **options)


def test_a_link_to_a_missing_page_is_a_finding_naming_the_file(tmp_path):
    cfg = hub_config.load(temp_project(tmp_path, {"guides/live.md": GUIDE.replace("../index.md", "gone.md")}))
    findings = pipeline.build(cfg, engine="pelican", out=tmp_path / "site")
    (finding,) = [f for f in findings if f.check == "links"]
    assert (finding.path, finding.line, finding.severity) == ("content/guides/live.md", 14, "error")
    assert "gone.md" in finding.message and finding.fix
    assert not (tmp_path / "site").exists()


def test_links_between_pages_work_in_a_small_site(tmp_path):
    cfg = hub_config.load(temp_project(tmp_path, {"guides/live.md": GUIDE}))
    assert build(cfg, tmp_path / "site") == []
    html = (tmp_path / "site" / "guides" / "live" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../">home page</a>' in html


def test_images_beside_the_markdown_are_published_at_the_same_path(tmp_path):
    page = GUIDE.replace("Original words.", "![A bar chart of survey replies](images/chart.png)")
    project = temp_project(tmp_path, {"guides/live.md": page})
    (tmp_path / "content" / "guides" / "images").mkdir()
    (tmp_path / "content" / "guides" / "images" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "content" / "_data").mkdir(exist_ok=True)
    (tmp_path / "content" / "_data" / "contacts.yml").write_text("phone: 0300\n", encoding="utf-8")
    assert build(hub_config.load(project), tmp_path / "site") == []
    html = (tmp_path / "site" / "guides" / "live" / "index.html").read_text(encoding="utf-8")
    assert 'src="../images/chart.png"' in html
    assert (tmp_path / "site" / "guides" / "images" / "chart.png").exists()
    assert not (tmp_path / "site" / "_data").exists()  # data files are read by the build, not published


def test_without_the_nhs_frontend_package_the_build_says_how_to_fix_it(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "PACKAGE", tmp_path / "missing")
    cfg = hub_config.load(temp_project(tmp_path, {}))
    (finding,) = build(cfg, tmp_path / "site")
    assert finding.path == "package.json" and "npm ci" in finding.fix and finding.severity == "error"


def test_a_home_route_to_a_missing_page_is_a_finding_naming_mkdocs_yml(tmp_path):
    cfg = hub_config.load(temp_project(tmp_path, {}))
    cfg.raw["extra"]["hub"]["home"] = {"routes": [{"audience": "public", "heading": "Public", "text": "Start here.",
                                                   "link": {"title": "Contact", "page": "contact/index.md"}}]}
    (finding,) = build(cfg, tmp_path / "site")
    assert finding.path == "mkdocs.yml" and "contact/index.md" in finding.message and finding.severity == "error"


SITE_PAGE = """\
---
title: {title}
summary: {title} for the small test copy of the hub.
type: page
owner: experience-of-care
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

Words about {title}.
"""


def _soup_of(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_an_nhs_organisation_shows_the_nhs_logo_and_icons(tmp_path):
    cfg = hub_config.load(temp_project(tmp_path, {"guides/live.md": GUIDE}))
    cfg.raw["extra"]["hub"]["publisher"] = {"name": "NHS England", "url": "https://www.england.nhs.uk",
                                            "nhs_organisation": True}
    assert build(cfg, tmp_path / "site") == []
    soup = _soup_of(tmp_path / "site" / "index.html")
    assert soup.select_one("svg.nhsuk-header__logo") is not None
    assert soup.select_one("a.nhsuk-header__service-logo")["aria-label"] == f"NHS {cfg.site_name} homepage"
    icons = [link["href"] for link in soup.select('link[rel~="icon"], link[rel="apple-touch-icon"]')]
    assert icons and all("assets/nhsuk/images/" in h for h in icons)


def test_footer_links_accessibility_and_privacy_pages_when_they_exist(tmp_path):
    pages = {"accessibility.md": SITE_PAGE.format(title="Accessibility statement"),
             "privacy.md": SITE_PAGE.format(title="Privacy"), "guides/live.md": GUIDE}
    cfg = hub_config.load(temp_project(tmp_path, pages))
    assert build(cfg, tmp_path / "site") == []
    links = {a.get_text(strip=True): a["href"] for a in _soup_of(tmp_path / "site" / "index.html").select("footer a")}
    assert links["Accessibility statement"] == "./accessibility/"
    assert links["Privacy"] == "./privacy/"
    cfg = hub_config.load(temp_project(tmp_path / "without", {"guides/live.md": GUIDE}))
    assert build(cfg, tmp_path / "without" / "site") == []
    footer = _soup_of(tmp_path / "without" / "site" / "index.html").footer.get_text()
    assert "Accessibility" not in footer and "Privacy" not in footer


def test_without_a_site_url_there_are_no_absolute_addresses_to_give(tmp_path):
    cfg = hub_config.load(temp_project(tmp_path, {"guides/live.md": GUIDE}))
    cfg.raw["site_url"] = ""
    assert build(cfg, tmp_path / "site") == []
    head = _soup_of(tmp_path / "site" / "index.html").head
    assert head.select('link[rel="canonical"], meta[property="og:url"], meta[property="og:image"]') == []
    assert head.select_one('meta[property="og:title"]') is not None
    # As MkDocs does: a sitemap, with no addresses in it.
    assert "<url>" not in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "Sitemap" not in (tmp_path / "site" / "robots.txt").read_text(encoding="utf-8")


def test_a_build_that_stopped_part_way_does_not_stop_the_next_one(tmp_path):
    """Under `serve` a broken edit must not cost later builds anything (the sitemap among them)."""
    broken = hub_config.load(temp_project(tmp_path / "broken", {"guides/live.md": GUIDE}))
    broken.raw["extra"]["hub"]["layouts"]["pages"]["guides/live.md"] = "no-such-layout.html"
    failed = build(broken, tmp_path / "broken" / "site")
    assert failed and all(f.severity == "error" for f in failed) and "no-such-layout" in failed[-1].message
    cfg = hub_config.load(temp_project(tmp_path / "fixed", {"guides/live.md": GUIDE}))
    assert build(cfg, tmp_path / "fixed" / "site") == []
    sitemap = (tmp_path / "fixed" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{cfg.site_url}guides/live/</loc>" in sitemap
    assert "<lastmod>2026-11-01</lastmod>" in sitemap  # last_reviewed, not the clock


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline, last = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                last = r.read().decode("utf-8")
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"'{text}' not served after {seconds}s; last response: {last[:300]}")


@pytest.mark.slow
def test_serve_rebuilds_and_reloads_on_change(tmp_path):
    cfg = temp_project(tmp_path, {"guides/live.md": GUIDE})
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--config", str(cfg), "serve", "--engine", "pelican",
         "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "HUB_TODAY": "2026-11-22"})
    url = f"http://127.0.0.1:{port}/guides/live/"
    try:
        html = _wait_for(url, "Original words")
        assert "livereload" in html and "nhsuk-header" in html
        (tmp_path / "content/guides/live.md").write_text(GUIDE.replace("Original words.", "Changed words."),
                                                          encoding="utf-8")
        _wait_for(url, "Changed words")
        assert not (tmp_path / "site").exists()  # the preview never writes the project's site/
    finally:
        proc.terminate()
        proc.wait(timeout=10)
