"""The site plan: every address has one owner, and moved, withdrawn and removed pages keep their addresses.

Unit tests on hub.plan, from small content folders (tests/checks_fixtures.py) and from the
real content. The builds of both editions from one plan are in tests/test_plan_build.py.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from checks_fixtures import load

from hub.content import load_site
from hub.content.model import url_for
from hub.findings import ERROR, WARNING
from hub.plan import build_plan, contents, lock, relative, save_as
from hub.plan.model import GENERATED, GONE, PAGE, REDIRECT, WITHDRAWN

ROOT = Path(__file__).resolve().parent.parent


def plan_of(tmp_path, pages, files=None, edit=None, offline=False):
    site, config = load(tmp_path, pages, files)
    if edit:
        edit(config.raw["extra"]["hub"])
    return build_plan(site, config, offline=offline)


def errors(plan, check="addresses"):
    return [f for f in plan.findings if f.severity == ERROR and f.check == check]


@pytest.fixture(scope="module")
def real_plan(hub_config):
    return build_plan(load_site(hub_config.content_dir, hub_config.root), hub_config)


# --- addresses ---------------------------------------------------------------------------

@pytest.mark.parametrize("src, online, offline", [
    ("index.md", "", "index.html"),
    ("search.md", "search/", "search.html"),
    ("guides/friends-and-family-test.md", "guides/friends-and-family-test/", "guides/friends-and-family-test.html"),
    ("guides/index.md", "guides/", "guides/index.html"),
])
def test_page_addresses_follow_the_content_model(src, online, offline):
    assert url_for(src) == online and url_for(src, offline=True) == offline


@pytest.mark.parametrize("url, file", [("", "index.html"), ("guides/", "guides/index.html"),
                                       ("guides/x.html", "guides/x.html")])
def test_save_as(url, file):
    assert save_as(url) == file


@pytest.mark.parametrize("target, here, link", [
    ("guides/b/", "guides/a/", "../b/"),
    ("", "guides/a/", "../../"),
    ("", "", "./"),
    ("guides/", "", "guides/"),
    ("guides/b/#why", "guides/a/", "../b/#why"),
    ("images/x.png", "guides/a/", "../../images/x.png"),
    ("guides/b.html", "guides/a.html", "b.html"),
    ("index.html", "guides/a.html", "../index.html"),
])
def test_relative_links_match_mkdocs(target, here, link):
    assert relative(target, here) == link


def test_the_real_site_has_one_owner_for_every_address(real_plan, hub_config):
    assert [f.format() for f in real_plan.findings] == []
    owners = {a.address: a for a in real_plan.addresses}
    site = load_site(hub_config.content_dir, hub_config.root)
    assert all(owners[p.url].owner == f"content/{p.src_path}" and owners[p.url].kind == PAGE for p in site.pages)
    for address in ("a-z/", "topics/", "guides/", "news/", "news/archive/"):
        assert owners[address].kind == GENERATED, address
    for address in ("404.html", "sitemap.xml", "robots.txt", "news/feed.xml"):
        assert owners[address].kind == "site file", address
    assert len({a.address.casefold() for a in real_plan.addresses}) == len(real_plan.addresses)


def test_a_page_taking_a_generated_address_is_an_error_naming_both_and_the_fix(tmp_path):
    plan = plan_of(tmp_path, {"news/item.md": "News.\n", "news/index.md": "My own news page.\n"})
    (f,) = errors(plan)
    assert f.path == "content/news/index.md" and f.line == 1
    assert "/news/" in f.message and "News and events page, which the build makes" in f.message
    assert "remove content/news/index.md" in f.fix and "extra.hub.sections" in f.fix
    # The plan keeps the page the build makes, so the news item is still listed.
    assert plan.by_src["news/index.md"].kind == GENERATED and "item" in plan.by_src["news/index.md"].body


def test_a_page_at_the_topics_address_is_one_clear_error(tmp_path):
    plan = plan_of(tmp_path, {"guides/a.md": "Words.\n", "topics.md": "My topics.\n"})
    (f,) = errors(plan)
    assert f.path == "content/topics.md" and "Topics page" in f.message


def test_two_files_for_one_address(tmp_path):
    plan = plan_of(tmp_path, {"guides/a.md": "A.\n", "guides/a/index.md": "Also A.\n"})
    (f,) = errors(plan)
    assert f.path == "content/guides/a/index.md" and "/guides/a/" in f.message
    assert "content/guides/a.md" in f.message and "rename" in f.fix


def test_names_that_differ_only_in_case_are_one_address(tmp_path):
    plan = plan_of(tmp_path, {"guides/a.md": "A.\n"}, files={"guides/Chart.png": b"x", "guides/chart.png": b"y"})
    (f,) = errors(plan)
    assert "differs only in capital letters" in f.message
    assert {"content/guides/Chart.png", "content/guides/chart.png"} == {f.path, re.search(r"the file (\S+)", f.message[30:]).group(1)}


def test_a_file_cannot_take_the_sites_own_folders(tmp_path):
    plan = plan_of(tmp_path, {"guides/a.md": "A.\n"}, files={"assets/images/site-icon.png": b"x"})
    (f,) = errors(plan)
    assert f.path == "content/assets/images/site-icon.png" and "/assets/" in f.message
    assert "beside the page" in f.fix


def test_a_file_cannot_take_a_site_file_address(tmp_path):
    plan = plan_of(tmp_path, {"guides/a.md": "A.\n"}, files={"news/feed.xml": b"<feed/>"})
    (f,) = errors(plan)
    assert f.path == "content/news/feed.xml" and "news feed" in f.message


# --- moving a page --------------------------------------------------------------------------

def with_front(tmp_path, path, key_lines):
    page = tmp_path / "content" / path
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("audience: [public]\n", key_lines + "audience: [public]\n", 1), encoding="utf-8")


def test_moved_from_makes_each_old_address_a_redirect(tmp_path):
    site, config = load(tmp_path, {"guides/new-name.md": "Words.\n", "guides/other.md": "[Link](new-name.md)\n"})
    with_front(tmp_path, "guides/new-name.md", "moved_from: [/guides/old-name/, /guides/older/]\n")
    plan = build_plan(load_site(site.root, tmp_path), config)
    assert errors(plan) == []
    assert [(r.address, r.output, r.target_url) for r in plan.redirects] == [
        ("guides/old-name/", "guides/old-name/index.html", "guides/new-name/"),
        ("guides/older/", "guides/older/index.html", "guides/new-name/")]
    owners = {a.address: a for a in plan.addresses}
    assert owners["guides/old-name/"].kind == REDIRECT and owners["guides/old-name/"].target == "guides/new-name/"
    # A redirect is not a page: not in search, the sitemap or the navigation.
    assert "guides/old-name.md" not in plan.by_src
    assert all(not p.address.startswith("guides/old") for p in plan.pages)
    offline = build_plan(load_site(site.root, tmp_path), config, offline=True)
    assert offline.redirects[0].output == "guides/old-name.html" and offline.redirects[0].target_url == "guides/new-name.html"


def test_moved_from_cannot_take_a_live_address_or_its_own(tmp_path):
    site, config = load(tmp_path, {"guides/a.md": "A.\n", "guides/b.md": "B.\n"})
    with_front(tmp_path, "guides/a.md", "moved_from: [/guides/b/, /guides/a/]\n")
    plan = build_plan(load_site(site.root, tmp_path), config)
    found = errors(plan)
    assert len(found) == 2 and all(f.path == "content/guides/a.md" and f.line == 5 for f in found)
    assert any("/guides/a/, the page's own address" in f.message for f in found)
    taken = next(f for f in found if "/guides/b/" in f.message)
    assert "content/guides/b.md" in taken.message and "take /guides/b/ out of moved_from" in taken.fix


@pytest.mark.parametrize("value", ["[guides/old/]", "[https://example.org/old/]", "[/guides/../x/]", "[/Guides/Old]", "3"])
def test_moved_from_must_be_addresses_on_this_site(tmp_path, value):
    site, config = load(tmp_path, {"guides/a.md": "A.\n"})
    with_front(tmp_path, "guides/a.md", f"moved_from: {value}\n")
    problems = [f for f in load_site(site.root, tmp_path).findings if f.severity == ERROR]
    assert problems and all(f.check == "front-matter" and f.line == 5 for f in problems)
    assert "/guides/old-address/" in problems[0].fix


# --- withdrawing a page ----------------------------------------------------------------------

WITHDRAWN_KEY = 'withdrawn: {date: 2026-10-01, reason: "The survey ended in 2026.", instead: guides/current.md}\n'


def test_a_withdrawn_page_keeps_its_address_and_leaves_every_list(tmp_path):
    site, config = load(tmp_path, {"guides/old-survey.md": "Old words.\n", "guides/current.md": "New words.\n",
                                   "news/item.md": "News.\n"})
    with_front(tmp_path, "guides/old-survey.md", WITHDRAWN_KEY)
    site = load_site(site.root, tmp_path)
    assert [f.format() for f in site.findings] == []
    plan = build_plan(site, config)
    assert errors(plan) == [] and errors(plan, "front-matter") == []
    page = plan.by_src["guides/old-survey.md"]
    assert page.kind == WITHDRAWN and page.address == "guides/old-survey/"
    assert not page.searchable and not page.in_sitemap
    assert page.view["noindex"] is True
    assert page.view["withdrawn"] == {"date": "1 October 2026", "date_iso": "2026-10-01",
                                      "reason": "The survey ended in 2026.",
                                      "instead": {"title": "Current 1", "url": "guides/current/"}}
    listed = [n.src_path for item in plan.nav for n in (item, *item.children)]
    assert "guides/old-survey.md" not in listed and "guides/current.md" in listed
    for generated in ("a-z.md", "topics.md", "guides/index.md"):
        assert "old-survey" not in plan.by_src[generated].body, generated
    assert all(r["url"] != "guides/old-survey/" for p in plan.pages for r in p.view["related"])
    assert plan.by_src["guides/current.md"].view["withdrawn"] is None


def test_withdrawn_must_say_when_and_why_and_point_at_a_current_page(tmp_path):
    site, config = load(tmp_path, {"guides/a.md": "A.\n", "guides/b.md": "B.\n"})
    with_front(tmp_path, "guides/a.md", "withdrawn: {date: someday, colour: red}\n")
    with_front(tmp_path, "guides/b.md", 'withdrawn: {date: 2026-10-01, reason: "Old.", instead: guides/gone.md}\n')
    site = load_site(site.root, tmp_path)
    messages = [f.message for f in site.findings if f.path.endswith("a.md")]
    assert any("unknown withdrawn key 'colour'" in m for m in messages)
    assert any("no real date" in m for m in messages) and any("no reason" in m for m in messages)
    plan = build_plan(load_site(site.root, tmp_path), config)
    (f,) = errors(plan, "front-matter")
    assert f.path == "content/guides/b.md" and f.line == 5 and "guides/gone.md" in f.message


# --- removing a page --------------------------------------------------------------------------

def gone(*entries):
    def edit(hub):
        hub["gone"] = list(entries)
    return edit


def test_a_removed_page_leaves_a_page_saying_so(tmp_path):
    plan = plan_of(tmp_path, {"guides/a.md": "A.\n"}, edit=gone(
        {"address": "/guides/retired/", "removed": dt.date(2026, 11, 1), "title": "Retired <guide>",
         "instead": "guides/a.md"}))
    assert errors(plan) == [] and not [f for f in errors(plan, "config") if "gone" in f.message]
    page = plan.by_src["guides/retired.md"]
    assert page.kind == GONE and page.address == "guides/retired/" and page.output == "guides/retired/index.html"
    assert not page.searchable and not page.in_sitemap and page.view["noindex"]
    assert "removed on 1 November 2026" in page.body and "[A 0](a.md)" in page.body
    assert "Retired &lt;guide&gt;" in page.body  # escaped for Markdown, like every generated page
    assert {a.address: a.kind for a in plan.addresses}["guides/retired/"] == GONE


def test_a_removed_address_cannot_be_a_live_one(tmp_path):
    plan = plan_of(tmp_path, {"guides/a.md": "A.\n"}, edit=gone(
        {"address": "/guides/a/", "removed": dt.date(2026, 11, 1)}))
    (f,) = errors(plan)
    assert f.path == "mkdocs.yml" and "take /guides/a/ out of extra.hub.gone" in f.fix


@pytest.mark.parametrize("entry, key", [
    ({"address": "guides/x/", "removed": dt.date(2026, 1, 1)}, "address"),
    ({"address": "/guides/x/", "removed": "soon"}, "removed"),
    ({"address": "/guides/x/", "removed": dt.date(2026, 1, 1), "instead": "https://x"}, "instead"),
    ({"address": "/guides/x/", "removed": dt.date(2026, 1, 1), "colour": 1}, "colour"),
])
def test_gone_entries_are_checked(tmp_path, entry, key, hub_config):
    from hub.config import HubConfig

    raw = dict(hub_config.raw, extra={"hub": dict(hub_config.hub, gone=[entry])})
    (f,) = HubConfig(hub_config.path, raw).problems()
    assert f.message.startswith(f"extra.hub.gone item 1.{key}") and f.fix and f.check == "config"


# --- the list of published addresses ---------------------------------------------------------------

def test_the_lock_lists_pages_and_redirects_and_never_forgets(tmp_path):
    site, config = load(tmp_path, {"guides/a.md": "A.\n"})
    with_front(tmp_path, "guides/a.md", "moved_from: [/guides/old-a/]\n")
    plan = build_plan(load_site(site.root, tmp_path), config)
    text = lock.render(plan.addresses, [])
    assert "/guides/a/ page content/guides/a.md\n" in text
    assert "/guides/old-a/ redirect to /guides/a/ (content/guides/a.md)\n" in text
    assert "/a-z/ generated the A to Z page, which the build makes\n" in text
    assert "/sitemap.xml" not in text and "/404.html" not in text  # the site's own files are not saved links
    path = tmp_path / lock.NAME
    assert lock.write(path, text) and not lock.write(path, text)  # written once, then already up to date
    earlier = lock.read(path)
    assert lock.findings(plan.addresses, earlier, lock.NAME) == []
    # An address no longer built is kept in the file, and is an error naming its old owner and every fix.
    kept = lock.render([a for a in plan.addresses if a.address != "guides/a/"], earlier)
    assert "/guides/a/ page content/guides/a.md\n" in kept


def test_a_lost_address_is_an_error_with_every_way_to_keep_it(tmp_path):
    site, config = load(tmp_path, {"guides/friends-and-family-test.md": "Words.\n"})
    before = build_plan(site, config)
    earlier = lock.read(Path(lock.write(tmp_path / lock.NAME, lock.render(before.addresses, [])) and tmp_path / lock.NAME))
    (tmp_path / "content/guides/friends-and-family-test.md").rename(tmp_path / "content/guides/fft.md")
    after = build_plan(load_site(site.root, tmp_path), config)
    found = lock.findings(after.addresses, earlier, lock.NAME)
    (lost,) = [f for f in found if f.severity == ERROR]
    assert lost.path == lock.NAME and lost.line > 0
    assert "/guides/friends-and-family-test/ was published (content/guides/friends-and-family-test.md)" in lost.message
    assert "moved_from: [/guides/friends-and-family-test/]" in lost.fix and "withdrawn" in lost.fix
    assert "extra.hub.gone" in lost.fix
    (new,) = [f for f in found if f.severity == WARNING]
    assert "/guides/fft/" in new.message and "build.py build" in new.fix


def test_no_list_yet_means_nothing_to_compare(tmp_path):
    site, config = load(tmp_path, {"guides/a.md": "A.\n"})
    assert lock.findings(build_plan(site, config).addresses, lock.read(tmp_path / "missing.lock"), "x") == []


# --- views ---------------------------------------------------------------------------------

def test_every_page_view_has_the_same_names(real_plan):
    keys = {frozenset(p.view) for p in real_plan.pages} | {frozenset(real_plan.not_found.view)}
    assert len(keys) == 1, keys


def test_every_layout_has_a_template_in_both_themes(real_plan):
    layouts = {p.layout for p in real_plan.pages} | {real_plan.not_found.layout}
    for theme in (ROOT / "theme" / "nhsuk" / "templates", ROOT / "theme" / "material"):
        assert {name for name in layouts if not (theme / name).exists()} == set(), theme


def test_layouts_come_from_mkdocs_yml(real_plan, hub_config):
    layouts = hub_config.layouts
    assert real_plan.by_src["index.md"].layout == layouts.pages["index.md"] == "home.html"
    assert real_plan.by_src["guides/always-events.md"].layout == layouts.types["guide"]
    assert real_plan.by_src["a-z.md"].layout == layouts.types["page"]
    assert real_plan.by_src["news/archive.md"].layout == "news-archive.html"


def test_templates_read_only_names_the_views_give(real_plan):
    """A template that reads view.x or site.x for a name the plan does not give would print nothing."""
    view_names, site_names = set(real_plan.not_found.view), set(real_plan.site_view)
    for path in sorted((ROOT / "theme").rglob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)  # not comments
        for kind, names in (("view", view_names), ("site", site_names)):
            used = set(re.findall(rf"\b{kind}\.([a-z_]+)", text))
            assert used <= names, f"{path.relative_to(ROOT)} reads {kind}.{sorted(used - names)}"


def test_canonical_address_is_the_published_one_even_offline(hub_config):
    site = load_site(hub_config.content_dir, hub_config.root)
    offline = build_plan(site, hub_config, offline=True)
    page = offline.by_src["guides/always-events.md"]
    assert page.url == "guides/always-events.html"
    assert page.view["canonical_url"] == hub_config.site_url + "guides/always-events/"
    assert offline.not_found.view["canonical_url"] == hub_config.site_url + "404.html"


def test_generated_pages_are_site_pages_with_no_edit_link_and_no_contents(real_plan):
    view = real_plan.by_src["guides/index.md"].view
    assert view["type"] == "page" and view["og_type"] == "website" and view["edit_url"] == ""
    assert contents.sections(view, '<h2 id="a">A</h2><h2 id="b">B</h2>') == []
    guide = real_plan.by_src["guides/always-events.md"].view
    assert guide["og_type"] == "article"
    assert guide["edit_url"].endswith("/edit/main/content/guides/always-events.md")


def test_contents_list_needs_two_sections_and_respects_hide_toc(real_plan):
    view = real_plan.by_src["guides/always-events.md"].view
    two = '<h2 id="a">A</h2><p>x</p><h2 id="b">B</h2><h3 id="c">C</h3>'
    assert contents.sections(view, two) == [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]
    assert contents.sections(view, '<h2 id="a">A</h2>') == []
    hidden = dict(view, contents={"show": False, "before": []})
    assert contents.sections(hidden, two) == []
    # A contact page's ways to get in touch come first, and count towards the two.
    contact = real_plan.by_src["contact/patient-advice-and-liaison-service.md"].view
    assert contents.sections(contact, '<h2 id="a">A</h2>') == [
        {"id": "ways-to-get-in-touch", "text": "Ways to get in touch"}, {"id": "a", "text": "A"}]


def test_the_header_and_the_footer(real_plan):
    header = [item["src_path"] for item in real_plan.site_view["header"]]
    assert header == ["guides/index.md", "principles/index.md", "commitments/index.md", "news/index.md",
                      "contact/index.md", "a-z.md", "topics.md"]
    footer = [link["title"] for link in real_plan.site_view["footer"]]
    assert footer == ["A to Z", "Topics", "Contact us", "Accessibility statement", "Privacy statement",
                      "News archive", "News feed (Atom)", "Add or improve a page"]
    assert real_plan.by_src["guides/always-events.md"].view["header_current"] == "guides/index.md"
    assert real_plan.by_src["guides/always-events.md"].view["breadcrumbs"] == [
        {"text": "Home", "url": ""}, {"text": "Guides", "url": "guides/"}]


def test_a_nav_in_mkdocs_yml_is_the_navigation(tmp_path):
    site, config = load(tmp_path, {"guides/a.md": "A.\n", "guides/b.md": "B.\n", "index.md": "Home.\n"})
    config.raw["nav"] = [{"Start": "index.md"}, {"Guides": ["guides/b.md", "guides/a.md"]}]
    plan = build_plan(site, config)
    assert [(n.title, n.src_path) for n in plan.nav] == [("Start", "index.md"), ("Guides", "guides/b.md")]
    assert [c.src_path for c in plan.nav[1].children] == ["guides/b.md", "guides/a.md"]
    assert [n.title for n in plan.header] == ["Guides"]


def test_the_search_pages_help_links_come_from_mkdocs_yml(real_plan, hub_config):
    listed = [(link.title, link.page) for link in hub_config.search.help]
    assert listed and ("Complain about NHS care", "contact/complain-about-nhs-care.md") in listed
    assert real_plan.site_view["search_help"] == [
        {"title": title, "url": real_plan.by_src[page].url} for title, page in listed]


def test_a_search_help_link_to_a_missing_or_withdrawn_page_is_a_config_error(tmp_path):
    def help_to(*pages):
        def edit(hub):
            hub["search"]["help"] = [{"title": f"Help {n}", "page": p} for n, p in enumerate(pages, 1)]
        return edit
    plan = plan_of(tmp_path, {"guides/a.md": "A.\n"}, edit=help_to("guides/a.md", "guides/nowhere.md"))
    (f,) = [f for f in errors(plan, "config") if "search.help" in f.message]
    assert f.path == "mkdocs.yml" and "item 2" in f.message and "guides/nowhere.md" in f.message and f.fix
    assert plan.site_view["search_help"] == [{"title": "Help 1", "url": "guides/a/"}]


@pytest.mark.parametrize("item", ["contact/pals.md", {"title": "PALS"}, {"title": "PALS", "page": "https://x"}])
def test_search_help_items_need_a_title_and_a_page(item, hub_config):
    from hub.config import HubConfig

    raw = dict(hub_config.raw, extra={"hub": dict(hub_config.hub, search=dict(hub_config.hub["search"], help=[item]))})
    (f,) = HubConfig(hub_config.path, raw).problems()
    assert f.message.startswith("extra.hub.search.help item 1") and "title" in f.fix and f.check == "config"
