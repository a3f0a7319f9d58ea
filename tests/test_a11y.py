"""The accessibility pass (axe-core and keyboard facts in Chromium) on small fixture pages.

One page is clean; the other has known problems. The pass must report each
problem, and nothing on the clean page, in desktop and mobile, light and dark.
"""
from __future__ import annotations

import pytest

from hub.checks import a11y
from hub.checks.loopback import Loopback

pytestmark = pytest.mark.browser  # a11y.audit drives Chromium

STYLE = """
  body { font: 18px/1.5 sans-serif; color: #212b32; background: #fff; margin: 0; padding: 1rem; }
  a { color: #005eb8; }
  a:focus-visible, button:focus-visible { outline: 3px solid #212b32; outline-offset: 2px; background: #ffeb3b; }
  .skip { position: absolute; left: -9999px; }
  .skip:focus { position: static; }
  @media (prefers-color-scheme: dark) {
    body { color: #f0f4f5; background: #1d1f21; }
    a { color: #8ec5ff; }
    a:focus-visible { outline-color: #fff; background: #000; }
  }
"""
CLEAN = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clean page</title><style>{STYLE}</style></head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><p>Fixture site</p></header>
<main id="main" tabindex="-1">
  <h1>Clean page</h1>
  <p>Read the <a href="bad.html">page with problems</a>.</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot" width="20" height="20">
</main>
<footer><p>Footer text</p></footer>
</body></html>
"""
BAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bad page</title>
<style>a:focus { outline: none; } body { background: #fff; }</style></head>
<body>
<main>
  <h1>Bad page</h1>
  <p><a href="clean.html">Back to the clean page</a></p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">
  <p style="color: #ccc">Low contrast text that is hard to read.</p>
</main>
</body></html>
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    site = tmp_path_factory.mktemp("a11y-site")
    (site / "clean.html").write_text(CLEAN, encoding="utf-8")
    (site / "bad.html").write_text(BAD, encoding="utf-8")
    with Loopback(site) as base:
        return a11y.audit(base, ["clean.html", "bad.html"])


def rules(results, url):
    return {(p.rule, p.view) for p in results if p.url == url}


def test_clean_page_passes_in_every_view(results):
    assert rules(results, "clean.html") == set()


@pytest.mark.parametrize("rule", ["image-alt", "color-contrast", "skip-link", "focus-visible"])
def test_known_problems_are_found_in_every_view(results, rule):
    views = {view for r, view in rules(results, "bad.html") if r == rule}
    assert views == {v.name for v in a11y.VIEWS}, rules(results, "bad.html")


def test_findings_are_errors_grouped_by_page_and_rule(results):
    findings = a11y.as_findings(results, None, None)
    assert findings and all(f.severity == "error" and f.check == "accessibility" for f in findings)
    image = [f for f in findings if f.message.startswith("image-alt")]
    assert len(image) == 1
    assert "desktop light, mobile dark, mobile light" in image[0].message.replace("desktop dark, ", "")
    assert image[0].fix  # axe's own advice on how to fix it


def test_skip_link_problem_names_the_first_tab_stop(results):
    skip = [p for p in results if p.url == "bad.html" and p.rule == "skip-link"]
    assert "Back to the clean page" in skip[0].message


def test_findings_point_at_the_pages_markdown_file(tmp_path):
    from checks_fixtures import BODY_START, load

    site, config = load(tmp_path, {"guides/page.md": "Intro.\n\n![](images/chart.png){ .decorative }\n"})
    problem = a11y.Problem("guides/page/", "mobile dark", "image-alt", "Images must have alternative text",
                           "add alt text", ("img",), ('<img src="images/chart.png">',))
    [found] = a11y.as_findings([problem], site, config)
    assert (found.path, found.line) == ("content/guides/page.md", BODY_START + 2)
    assert "/guides/page/ (mobile dark)" in found.message
