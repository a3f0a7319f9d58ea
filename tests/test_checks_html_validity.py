"""Valid HTML: the W3C Nu HTML checker's report, mapped to the files a contributor edits.

The unit tests feed hub.checks.html_validity a report recorded from vnu.jar
(tests/data/vnu-report.json) on the fixture pages below; a slow test checks that
the pinned vnu.jar still reports exactly that, and that both editions of the
real site have no errors at all.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from checks_fixtures import BODY_START, load
from hub.checks import html_validity

DATA = Path(__file__).parent / "data"

# Built pages as a theme makes them: the page's own Markdown is inside [data-hub-content].
# Both carry a template mistake (a hidden checkbox with autocomplete, Material's old one);
# guides/a/ also has a heading whose id clashes with the header's search form, and an image
# with a bad width, both from its Markdown.
TEMPLATE_TOP = """<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off" aria-label="Menu">
<header><form id="search" action="../search/"><label for="q">Search</label> <input id="q" name="q"></form></header>
<main>
<div class="hub-body" data-hub-content>
"""
TEMPLATE_BOTTOM = """</div>
</main>
</body>
</html>
"""
PAGES = {
    "guides/a/index.html": TEMPLATE_TOP.format(title="A") + """<p>Some words.</p>
<h2 id="search">Search</h2>
<p>More words.</p>
<p><img src="pic.png" alt="A picture" width="wide"></p>
""" + TEMPLATE_BOTTOM,
    "guides/b/index.html": TEMPLATE_TOP.format(title="B") + "<p>Nothing wrong in here.</p>\n" + TEMPLATE_BOTTOM,
}
MARKDOWN = {
    "guides/a.md": "\nSome words. The search box is at the top.\n\n## Search\n\nMore words.\n\n"
                   '<img src="pic.png" alt="A picture" width="wide">\n',
    "guides/b.md": "\nNothing wrong in here.\n",
}
SEARCH_HEADING_LINE = BODY_START + 3
IMAGE_LINE = BODY_START + 7


def write_pages(site_dir: Path) -> Path:
    for name, html in PAGES.items():
        (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / name).write_text(html, encoding="utf-8")
    return site_dir


def recorded_report(site_dir: Path) -> dict:
    """The recorded report, its file: URLs pointed at site_dir."""
    text = (DATA / "vnu-report.json").read_text(encoding="utf-8")
    return json.loads(text.replace("file:SITE/", "file:" + site_dir.resolve().as_posix() + "/"))


@pytest.fixture
def mapped(tmp_path):
    site, config = load(tmp_path, MARKDOWN)
    site_dir = write_pages(tmp_path / "site")
    errors = html_validity.parse(recorded_report(site_dir), site_dir)
    return errors, html_validity.as_findings(errors, site, site_dir, config)


def test_only_errors_are_kept_not_warnings(tmp_path):
    site_dir = write_pages(tmp_path / "site")
    report = recorded_report(site_dir)
    assert any(m["type"] == "info" for m in report["messages"])  # the recording has warnings to drop
    errors = html_validity.parse(report, site_dir)
    assert len(errors) == sum(m["type"] == "error" for m in report["messages"]) == 4
    assert {e.file for e in errors} == {"guides/a/index.html", "guides/b/index.html"}


def test_an_error_in_the_markdown_points_at_its_line(mapped):
    _, findings = mapped
    by_message = {f.message.split(" (on ")[0]: f for f in findings if f.path == "content/guides/a.md"}
    duplicate = by_message["valid-html: Duplicate ID “search”."]
    assert duplicate.line == SEARCH_HEADING_LINE  # the heading, not the earlier line that says "search"
    assert "{ #another-id }" in duplicate.fix
    assert 'the first is `<form id="search"' in duplicate.message  # what it clashes with, from vnu's note
    width = next(f for m, f in by_message.items() if "“width” on element “img”" in m)
    assert width.line == IMAGE_LINE
    assert "/guides/a/" in width.message and 'src="pic.png"' in width.message


def test_a_template_error_is_reported_once_for_all_its_pages(mapped):
    errors, findings = mapped
    theme = [f for f in findings if f.path.startswith("theme")]
    assert len(theme) == 1
    assert "autocomplete" in theme[0].message and "on 2 pages: /guides/a/, /guides/b/" in theme[0].message
    assert "template" in theme[0].fix
    assert len(findings) == 3 and all(f.severity == "error" and f.check == "valid-html" for f in findings)


def test_a_page_with_no_markdown_reports_against_the_theme(tmp_path):
    site, config = load(tmp_path, {"guides/b.md": MARKDOWN["guides/b.md"]})  # no guides/a.md
    site_dir = write_pages(tmp_path / "site")
    findings = html_validity.as_findings(html_validity.parse(recorded_report(site_dir), site_dir),
                                         site, site_dir, config)
    assert all(f.path.startswith("theme") for f in findings)
    assert any("Duplicate ID" in f.message and "/guides/a/" in f.message for f in findings)


def test_a_file_the_checker_could_not_read_is_an_error(tmp_path):
    report = {"messages": [{"type": "non-document-error", "subType": "io", "url": "file:/nowhere/x.html",
                            "message": "File not found."},
                           {"type": "info", "subType": "warning", "url": "file:/nowhere/x.html",
                            "message": "A note."}]}
    errors = html_validity.parse(report, tmp_path)
    assert [e.message for e in errors] == ["File not found."]


def test_the_report_is_found_among_other_output():
    line = json.dumps({"messages": []})
    assert html_validity._json_report(f"Picked up JAVA_TOOL_OPTIONS: -Xss1m\n{line}\n") == {"messages": []}
    assert html_validity._json_report("Error: Unable to access jarfile") is None


def test_missing_java_or_checker_is_an_error_with_the_fix(tmp_path):
    site, config = load(tmp_path, MARKDOWN)
    no_java = html_validity.run(site, tmp_path, config, java="no-such-java-here")
    no_jar = html_validity.run(site, tmp_path, config, jar=tmp_path / "vnu.jar")
    for findings in (no_java, no_jar):
        assert len(findings) == 1 and findings[0].severity == "error"
        assert "./setup.sh --browser" in findings[0].fix
    assert "Java" in no_java[0].message and "not found" in no_jar[0].message


def test_check_a11y_runs_the_nu_checker(monkeypatch, tmp_path):
    """`check --a11y` (and so CI) runs this check beside axe: a regression fails a pull request."""
    from hub import checks
    from hub.checks import a11y
    from hub.findings import Finding

    seen = []
    monkeypatch.setattr(html_validity, "run", lambda site, site_dir, config: seen.append(site_dir) or [
        Finding("theme", 0, "valid-html: an error", check="valid-html")])
    monkeypatch.setattr(a11y, "run", lambda site, site_dir, config: [])
    findings = checks.a11y_checks(None, tmp_path, None)
    assert seen == [tmp_path] and [f.check for f in findings] == ["valid-html"]


@pytest.mark.slow
def test_the_pinned_checker_still_reports_what_was_recorded(tmp_path):
    """Guards the recording: a new vnu.jar that words or places its errors differently shows here."""
    site_dir = write_pages(tmp_path / "site")
    errors = html_validity.validate(site_dir)
    assert errors == html_validity.parse(recorded_report(site_dir), site_dir)


@pytest.mark.slow
@pytest.mark.parametrize("edition", ["mkdocs_site", "pelican_site"])
def test_both_editions_are_valid_html(edition, request, hub_config):
    from hub.content import load_site

    site_dir = request.getfixturevalue(edition)
    site = load_site(hub_config.content_dir, hub_config.root)
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 40  # the whole site was checked, not an empty folder
    findings = html_validity.run(site, site_dir, hub_config)
    assert findings == [], "\n".join(f.format() for f in findings)


def record():  # pragma: no cover - run by hand after changing PAGES or the pinned vnu-jar
    """python -c 'import sys; sys.path[:0] = ["tests", "."]; import test_checks_html_validity as t; t.record()'"""
    import tempfile

    site_dir = write_pages(Path(tempfile.mkdtemp()))
    done = subprocess.run(["java", "-jar", str(html_validity.VNU_JAR), "--format", "json", "--exit-zero-always",
                           "--skip-non-html", str(site_dir)], capture_output=True, text=True, check=True)
    report = html_validity._json_report(done.stderr)
    text = json.dumps(report, indent=1, ensure_ascii=False, sort_keys=True)
    DATA.mkdir(exist_ok=True)
    (DATA / "vnu-report.json").write_text(
        text.replace("file:" + site_dir.resolve().as_posix() + "/", "file:SITE/") + "\n", encoding="utf-8")
