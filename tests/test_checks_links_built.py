"""The built-site link pass: LinkChecker (anchor check on) over a loopback server, mapped back to Markdown."""
from __future__ import annotations

from checks_fixtures import BODY_START, load

from hub.checks import headings, links, unsafe_html

PAGE = """<!doctype html><html lang="en"><head><title>Page</title><link rel="stylesheet" href="../../style.css"></head>
<body><a href="#main">Skip</a><h1>Page</h1><main id="main"><div data-hub-content>
<h2 id="intro">Intro</h2>
<p><a href="#intro">Intro</a> <a href="../other/#present">Present</a> <a href="../other/">Other</a></p>
<p><a href="../other/#gone">Gone</a> <a href="../missing/">Missing</a> <img src="../../img/none.png" alt="A chart"></p>
</div></main></body></html>"""
OTHER = """<!doctype html><html lang="en"><head><title>Other</title></head><body><h1>Other</h1>
<div data-hub-content><h2 id="present">Present</h2><a href="../page/">Back</a></div></body></html>"""
BODY = "Intro.\n\n[Gone](other.md#gone) and [Missing](missing.md)\n\n![A chart](../img/none.png)\n"


def fixture_site(tmp_path, page_html=PAGE):
    site, config = load(tmp_path, {"guides/page.md": BODY, "guides/other.md": "## Present\n"})
    out = tmp_path / "site"
    for url, html in {"guides/page/": page_html, "guides/other/": OTHER, "": "<a href='guides/page/'>x</a>"}.items():
        (out / url).mkdir(parents=True, exist_ok=True)
        (out / url / "index.html").write_text(html, encoding="utf-8")
    (out / "style.css").write_text("body { color: #000; }", encoding="utf-8")
    return site, config, out


def test_linkchecker_finds_broken_links_anchors_and_files_and_maps_them_to_markdown(tmp_path):
    site, config, out = fixture_site(tmp_path)
    found = links.run_built(site, out, config)
    by_problem = {f.message.split(" (on the built page")[0]: f for f in found}
    assert set(by_problem) == {
        "the anchor in '../other/#gone' does not exist on the linked page",
        "the link '../missing/' is broken (404 File not found)",
        "the link '../../img/none.png' is broken (404 File not found)",
    }, [f.format() for f in found]
    assert all(f.path == "content/guides/page.md" and f.severity == "error" for f in found)
    assert by_problem["the anchor in '../other/#gone' does not exist on the linked page"].line == BODY_START + 2
    assert by_problem["the link '../../img/none.png' is broken (404 File not found)"].line == BODY_START + 4


def test_working_links_and_anchors_pass(tmp_path):
    good = PAGE.replace('<a href="../other/#gone">Gone</a> <a href="../missing/">Missing</a>', "") \
        .replace(' <img src="../../img/none.png" alt="A chart">', "")
    site, config, out = fixture_site(tmp_path, good)
    assert links.run_built(site, out, config) == []


def test_proven_anchors_include_same_page_and_cross_page_links_that_exist(tmp_path):
    _, _, out = fixture_site(tmp_path)
    proven = links.proven_anchor_links(out)
    assert {"guides/page/#intro", "guides/other/#present", "guides/page/#main"} <= proven
    assert not any("gone" in u for u in proven)


def test_built_pages_need_exactly_one_h1(tmp_path):
    site, config, out = fixture_site(tmp_path, PAGE.replace("<h2 id=\"intro\">", "<h1 id=\"intro\">"))
    found = headings.run_built(site, out, config)
    assert [(f.path, "2 top-level headings" in f.message) for f in found] == [("content/guides/page.md", True)]


def test_unsafe_html_in_the_rendered_content_is_caught(tmp_path):
    site, config, out = fixture_site(tmp_path, PAGE.replace("<h2 id", "<iframe src='x'></iframe><h2 id"))
    found = unsafe_html.run_built(site, out, config)
    assert [f.check for f in found] == ["unsafe-html"] and "<iframe>" in found[0].message
    site, config, out = fixture_site(tmp_path / "clean")
    assert unsafe_html.run_built(site, out, config) == []
