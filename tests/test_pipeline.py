"""Build and check: all problems reported at once, non-zero exit, and the last good site kept.

Works on a temporary copy of the real content, built with the real theme and
hooks, so breaking pages here never touches content/ or site/.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from checks_fixtures import copy_of_the_real_site

from hub import cli, pipeline
from hub.findings import ERROR

pytestmark = pytest.mark.slow  # builds copies of the real site


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pipeline")
    config, content = copy_of_the_real_site(tmp)
    out = tmp / "site"
    findings = pipeline.build(config, out=out)
    assert not [f.format() for f in findings if f.severity == ERROR]
    return config, content, out, snapshot(out)


def guide(content: Path, n: int) -> Path:
    return sorted((content / "guides").glob("*.md"))[n]


def test_good_content_builds(good_build):
    _, _, out, files = good_build
    assert "index.html" in files and any(name.startswith("guides/") for name in files)


def test_broken_pages_are_all_reported_and_the_old_site_survives(good_build):
    config, content, out, before = good_build
    broken = {guide(content, 0): "\n[A missing page](no-such-page.md)\n",
              guide(content, 1): "\n![](no-such-image.png)\n",
              guide(content, 2): "\n<script>alert('hi')</script>\n"}
    originals = {path: path.read_text(encoding="utf-8") for path in broken}
    try:
        for path, text in broken.items():
            append(path, text)
        code = cli.main(["--config", str(config.path), "build", "--out", str(out)])
        findings = pipeline.build(config, out=out)
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    assert code == 1
    errors = [f for f in findings if f.severity == ERROR]
    assert {(f.check, Path(f.path).name) for f in errors} >= {
        ("links", guide(content, 0).name), ("alt-text", guide(content, 1).name), ("unsafe-html", guide(content, 2).name)}
    assert all(f.line > 1 for f in errors if f.check in ("links", "alt-text", "unsafe-html"))
    assert snapshot(out) == before, "the last good site was changed"
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".site-")) == [], "staging left behind"


def test_front_matter_error_stops_the_build_and_keeps_the_old_site(good_build):
    config, content, out, before = good_build
    path = guide(content, 3)
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original.replace("type: guide", "type: guide\ncolour: blue", 1), encoding="utf-8")
        findings = pipeline.build(config, out=out)
    finally:
        path.write_text(original, encoding="utf-8")
    assert any("unknown front matter key 'colour'" in f.message for f in findings)
    assert snapshot(out) == before


def test_check_reports_with_annotations_and_a_summary_and_never_writes_the_site(tmp_path, capsys, monkeypatch):
    config, content = copy_of_the_real_site(tmp_path)
    page = guide(content, 0)
    append(page, "\n[click here](https://www.nhs.uk/)\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert cli.main(["--config", str(config.path), "check"]) == 1
    out = capsys.readouterr().out
    assert f"content/guides/{page.name}:{line}: the link text 'click here' does not say where the link goes" in out
    assert f"::error file=content/guides/{page.name},line={line},title=link-text::" in out
    assert re.search(r"^link-text +1 +\d+$", out, re.M), out  # the summary table: errors, warnings per check
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_good_build_replaces_the_site(good_build):  # last: it changes the shared site
    config, content, out, before = good_build
    path = guide(content, 4)
    original = path.read_text(encoding="utf-8")
    try:
        append(path, "\nOne more plain sentence for this test.\n")
        assert cli.main(["--config", str(config.path), "build", "--out", str(out)]) == 0
        changed = snapshot(out)
    finally:
        path.write_text(original, encoding="utf-8")
    assert changed != before and "index.html" in changed
    assert changed[f"guides/{path.stem}/index.html"] != before[f"guides/{path.stem}/index.html"]


def test_built_findings_that_repeat_a_source_finding_are_dropped():
    from hub.findings import Finding

    source = [Finding("content/a.md", 12, "the image file x.png does not exist", "", ERROR, "alt-text"),
              Finding("content/a.md", 14, "the link points to b.md, but there is no such page", "", ERROR, "links")]
    later = [Finding("content/a.md", 12, "the link 'x.png' is broken (404)", "", ERROR, "links"),
             Finding("content/a.md", 14, "the link 'b.md' is broken (404)", "", ERROR, "links"),
             Finding("content/a.md", 0, "Doc file 'a.md' contains a link 'b.md', but the target is not found",
                     "", "warning", "build"),
             Finding("content/a.md", 20, "the link 'c/' is broken (404)", "", ERROR, "links"),
             Finding("content/z.md", 0, "Doc file 'z.md' contains a link 'q.md', but the target is not found",
                     "", "warning", "build")]
    kept = pipeline._without_repeats(later, source)
    assert [(f.path, f.line) for f in kept] == [("content/a.md", 20), ("content/z.md", 0)]


@pytest.mark.parametrize("engine", ["mkdocs", "pelican"])
def test_offline_copy_passes_every_check(tmp_path, engine):
    """`build --offline` pages are name.html files; the link check must look for them there."""
    from conftest import build_into

    out = tmp_path / "offline"
    build_into(out, engine=engine, offline=True)
    assert (out / "guides/friends-and-family-test.html").is_file()
    assert not (out / "guides/friends-and-family-test").exists()
