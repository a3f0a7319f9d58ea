"""Both editions from one site plan, and no published address lost: full builds of a small site.

Moving a page with and without moved_from, withdrawing it and removing it, and each kind of
address collision, on both editions, through the pipeline as `build.py` runs it.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from checks_fixtures import write_owners, without_site_routes

from hub import after_render, engines, pipeline
from hub import config as hub_config
from hub.content import load_site
from hub.findings import ERROR
from hub.plan import build_plan, lock

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

PAGE = """\
---
title: {title}
summary: {title}, a page of a small test copy of the hub.
type: {type}
{extra}audience: [public]
topics: [testing]
owner: experience-of-care
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

## About this page

Words about {title}. {link}
"""


def page(title: str, page_type: str = "guide", extra: str = "", link: str = "") -> str:
    return PAGE.format(title=title, type=page_type, extra=extra, link=link)


def small_project(tmp_path: Path) -> Path:
    """A small site: home, search, two guides (one linking to the other) and a contact page."""
    content = tmp_path / "content"
    search = (ROOT / "content" / "search.md").read_text(encoding="utf-8")
    pages = {
        "index.md": page("Test hub home", "page"),
        "search.md": search,
        "guides/friends-and-family-test.md": page("Friends and Family Test"),
        "guides/using-feedback.md": page("Using feedback", link="See [the FFT](friends-and-family-test.md)."),
        "contact/ask-us.md": page("Ask us", "contact", "channels:\n  - {kind: email, label: Email, value: a@b.nhs.uk}\n"),
    }
    for rel, text in pages.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    write_owners(content)
    return hub_config.write_copy(content, tmp_path / "mkdocs.yml",
                                 without_site_routes)


def build(config_path: Path, engine: str, out: Path, **options) -> list:
    return pipeline.build(hub_config.load(config_path), engine=engine, out=out, record_addresses=True, **options)


def errors(findings) -> list:
    return [f for f in findings if f.severity == ERROR]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolved(page_address: str, href: str) -> str:
    """Where a link on the page at page_address leads, site-relative (the editions write links differently)."""
    from urllib.parse import urljoin

    return urljoin("http://site/" + page_address, href).removeprefix("http://site/")


def searchable_urls(site: Path) -> str:
    """Every page address the search index holds (its document files list each page's link)."""
    return "".join(p.read_text(encoding="utf-8") for p in (site / "assets" / "search" / "index").rglob("d*.js"))


@pytest.fixture(params=engines.ENGINES)
def engine(request):
    return request.param


def test_moving_a_page_needs_moved_from_and_leaves_a_redirect(tmp_path, engine):
    project = small_project(tmp_path)
    out = tmp_path / "site"
    assert errors(build(project, engine, out)) == []
    listed = lock.read(tmp_path / lock.NAME)
    assert "guides/friends-and-family-test/" in {e.address for e in listed}
    before = (out / "index.html").read_bytes()

    # Renamed, links mended, and nothing else: every saved link to the old address would break.
    content = tmp_path / "content"
    (content / "guides/friends-and-family-test.md").rename(content / "guides/fft.md")
    linking = content / "guides/using-feedback.md"
    linking.write_text(linking.read_text(encoding="utf-8").replace("friends-and-family-test.md", "fft.md"),
                       encoding="utf-8")
    found = build(project, engine, out)
    (lost,) = errors(found)
    assert (lost.path, lost.check) == (lock.NAME, "addresses")
    assert "/guides/friends-and-family-test/ was published" in lost.message
    assert "moved_from: [/guides/friends-and-family-test/]" in lost.fix
    assert (out / "index.html").read_bytes() == before  # the last good site is untouched
    assert "fft" not in (tmp_path / lock.NAME).read_text(encoding="utf-8")  # nor is the list

    # With moved_from, the old address sends readers on.
    moved = content / "guides/fft.md"
    moved.write_text(moved.read_text(encoding="utf-8").replace(
        "audience:", "moved_from: [/guides/friends-and-family-test/]\naudience:", 1), encoding="utf-8")
    assert errors(build(project, engine, out)) == []
    site_url = hub_config.load(project).site_url
    old = soup(out / "guides/friends-and-family-test/index.html")
    assert old.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../fft/"
    assert old.select_one('link[rel="canonical"]')["href"] == site_url + "guides/fft/"
    assert old.select_one('meta[name="robots"]')["content"] == "noindex"
    assert old.select_one("main a")["href"] == "../fft/" and "Friends and Family Test" in old.main.get_text()
    assert old.html["lang"] == "en-GB" and old.select_one('meta[http-equiv="Content-Security-Policy"]')
    assert (out / "guides/fft/index.html").exists()
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "guides/fft/" in sitemap and "friends-and-family-test" not in sitemap
    assert "friends-and-family-test" not in searchable_urls(out) and "guides/fft/" in searchable_urls(out)
    text = (tmp_path / lock.NAME).read_text(encoding="utf-8")
    assert "/guides/friends-and-family-test/ redirect to /guides/fft/ (content/guides/fft.md)\n" in text
    assert "/guides/fft/ page content/guides/fft.md\n" in text


def test_a_withdrawn_page_stays_with_a_warning_and_leaves_every_list(tmp_path, engine):
    project = small_project(tmp_path)
    out = tmp_path / "site"
    guide = tmp_path / "content/guides/friends-and-family-test.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("audience:", (
        'withdrawn: {date: 2026-10-01, reason: "The test was replaced in 2026.", instead: guides/using-feedback.md}\n'
        "audience:"), 1), encoding="utf-8")
    assert errors(build(project, engine, out)) == []
    html = soup(out / "guides/friends-and-family-test/index.html")
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    callout = html.select_one(".hub-withdrawn")
    words = " ".join(callout.get_text().split())
    assert words.startswith("Important") and "This guidance was withdrawn on 1 October 2026." in words
    assert "The test was replaced in 2026." in words
    assert resolved("guides/friends-and-family-test/", callout.select_one("a")["href"]) == "guides/using-feedback/"
    assert "friends-and-family-test" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "friends-and-family-test" not in searchable_urls(out)
    for listing in ("a-z/index.html", "topics/index.html", "guides/index.html"):
        assert "friends-and-family-test" not in str(soup(out / listing).main), listing
    # Not in the navigation of any other page either (the menu, the tabs, the header).
    nav = soup(out / "guides/using-feedback/index.html").select("nav a")
    assert all("friends-and-family-test" not in a.get("href", "") for a in nav)


def test_a_removed_page_leaves_a_page_saying_so(tmp_path, engine):
    project = small_project(tmp_path)
    out = tmp_path / "site"
    assert errors(build(project, engine, out)) == []
    (tmp_path / "content/guides/friends-and-family-test.md").unlink()
    linking = tmp_path / "content/guides/using-feedback.md"
    linking.write_text(linking.read_text(encoding="utf-8").replace("See [the FFT](friends-and-family-test.md).", ""),
                       encoding="utf-8")
    assert [f.check for f in errors(build(project, engine, out))] == ["addresses"]

    raw = yaml.safe_load(project.read_text(encoding="utf-8"))
    raw["extra"]["hub"]["gone"] = [{"address": "/guides/friends-and-family-test/", "removed": dt.date(2026, 11, 20),
                                     "title": "Friends and Family Test", "instead": "guides/using-feedback.md"}]
    project.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    assert errors(build(project, engine, out)) == []
    gone = soup(out / "guides/friends-and-family-test/index.html")
    assert gone.select_one('meta[name="robots"]')["content"] == "noindex"
    words = " ".join(gone.main.get_text(" ").split())
    assert "This page has been removed" in words and "20 November 2026" in words
    assert "Friends and Family Test" in words
    links = [resolved("guides/friends-and-family-test/", a["href"]) for a in gone.select("main a")]
    assert "guides/using-feedback/" in links
    assert "friends-and-family-test" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "/guides/friends-and-family-test/ gone mkdocs.yml (extra.hub.gone)\n" in (
        tmp_path / lock.NAME).read_text(encoding="utf-8")


@pytest.mark.parametrize("rel, data, named", [
    ("contact/index.md", page("My contact page", "contact",
                              "channels:\n  - {kind: email, label: Email, value: a@b.nhs.uk}\n"), "Contact us page"),
    ("topics.md", page("My topics", "page"), "Topics page"),
    ("assets/images/site-icon.png", None, "/assets/"),
    ("guides/using-feedback/index.md", page("Another feedback page"), "content/guides/using-feedback.md"),
])
@pytest.mark.parametrize("engine", ["pelican", "mkdocs"])
def test_a_collision_stops_the_build_naming_both_owners(tmp_path, rel, data, named, engine):
    project = small_project(tmp_path)
    out = tmp_path / "site"
    assert errors(build(project, engine, out)) == []
    before = (out / "index.html").read_bytes()
    target = tmp_path / "content" / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if data is None:
        shutil.copyfile(out / "assets/images/site-icon.png", target)
    else:
        target.write_text(data, encoding="utf-8")
    found = [f for f in errors(build(project, engine, out)) if f.check == "addresses"]
    assert found and found[0].path == f"content/{rel}" and named in found[0].message and found[0].fix
    assert (out / "index.html").read_bytes() == before


# --- both editions from one plan -----------------------------------------------------------------

class Recording(dict):
    """A page's view that notes which of its names each edition's templates read, when the name
    has something to show (an empty value shows nothing in either edition)."""

    def __init__(self, data, reads: dict, src: str):
        super().__init__(data)
        self.reads, self.src = reads, src

    def __getitem__(self, key):
        value = super().__getitem__(key)
        if value not in (None, "", [], {}, False):
            self.reads["now"].setdefault(self.src, set()).add(key)
        return value

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default


# Names only one edition's presentation reads, and why. Any other difference fails the test.
ONE_EDITION_ONLY = {
    # The NHS.UK edition draws an "On this page" list from the page's headings and marks the
    # current header link; Material has its own table of contents and marks its own tabs.
    "contents", "header_current",
    # The NHS.UK edition shows the summary under the title as lede text (not on generated pages,
    # which open with their own introduction); Material pages start with their body.
    "summary", "generated",
    # The NHS.UK templates name the page by its file to draw its header and footer once a build.
    "src_path",
}


def test_both_editions_render_one_plan_the_same_way(tmp_path, hub_config):
    site = load_site(hub_config.content_dir, hub_config.root)
    plan = build_plan(site, hub_config)
    reads = {"now": {}}
    for p in [*plan.pages, plan.not_found]:
        p.view = Recording(p.view, reads, p.src_path)
    read_by = {}
    outputs = {}
    for name in engines.ENGINES:
        reads["now"] = {}
        out = tmp_path / name
        engines.get(name).render(plan, out)
        after_render.write(plan, out)
        read_by[name] = reads["now"]
        outputs[name] = out

    wanted = {p.output for p in plan.pages} | {plan.not_found.output} | {r.output for r in plan.redirects}
    for name, out in outputs.items():
        html = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
        assert html == wanted, (name, sorted(html ^ wanted))
        # Every other file is in the site's own folders, or one of the site files the plan lists.
        site_files = {a.address for a in plan.addresses if a.kind in ("site file", "file")}
        others = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - html
        stray = {f for f in others if f not in site_files and not f.startswith(("assets/", "stylesheets/", "javascripts/"))}
        assert stray == set(), (name, stray)
        for p in [*plan.pages, plan.not_found]:
            main = soup(out / p.output).select_one("[data-hub-layout]")
            assert main is not None and main["data-hub-layout"] == p.layout, (name, p.output)

    for p in [*plan.pages, plan.not_found]:
        nhsuk = read_by["pelican"].get(p.src_path, set()) - ONE_EDITION_ONLY
        material = read_by["mkdocs"].get(p.src_path, set()) - ONE_EDITION_ONLY
        assert nhsuk == material, (p.src_path, {"only NHS.UK": sorted(nhsuk - material),
                                                "only Material": sorted(material - nhsuk)})
    # Each edition read something of every page's view: the views reached both.
    assert all(read_by[name].get(p.src_path) for name in read_by for p in plan.pages)
