"""`build.py changes --base REF`: what a change means for readers, on a fixture pair in a git repository.

The base commit has five pages; the working tree adds one, changes one (a heading renamed),
moves one with moved_from, withdraws one and removes one (listed under extra.hub.gone).
No network: the base is read from the local repository with `git archive`.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from checks_fixtures import OWNER, write_owners, without_site_routes
from markdown_it import MarkdownIt

from hub import changes
from hub import config as hub_config

ROOT = Path(__file__).resolve().parent.parent

PAGE = """\
---
title: {title}
summary: {title}, a page of a small test copy of the hub.
type: guide
audience: [public]
topics: [testing]
owner: {owner}
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

## {heading}

Words about {title}.
"""


def page(title: str, heading: str = "About this page") -> str:
    return PAGE.format(title=title, heading=heading, owner=OWNER)


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def fixture_pair(tmp_path):
    """(config path) of a repository whose HEAD is the base and whose working tree is the change."""
    content = tmp_path / "content"
    base = {
        "guides/kept.md": page("Kept guide"),
        "guides/edited.md": page("Edited guide", "Old heading"),
        "guides/old-name.md": page("Moved guide"),
        "guides/to-withdraw.md": page("Withdrawn guide"),
        "guides/to-remove.md": page("Removed guide"),
    }
    for rel, text in base.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    write_owners(content)
    config = hub_config.write_copy(content, tmp_path / "mkdocs.yml", without_site_routes)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")

    (content / "guides/added.md").write_text(page("Added <guide> | [link](https://evil.example)"), encoding="utf-8")
    (content / "guides/edited.md").write_text(page("Edited guide", "New heading"), encoding="utf-8")
    (content / "guides/old-name.md").rename(content / "guides/new-name.md")
    moved = content / "guides/new-name.md"
    moved.write_text(moved.read_text(encoding="utf-8").replace("audience:", "moved_from: [/guides/old-name/]\naudience:"),
                     encoding="utf-8")
    withdraw = content / "guides/to-withdraw.md"
    withdraw.write_text(withdraw.read_text(encoding="utf-8").replace(
        "audience:", 'withdrawn: {date: 2026-11-20, reason: "Out of date.", instead: guides/kept.md}\naudience:'),
        encoding="utf-8")
    (content / "guides/to-remove.md").unlink()
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    raw["extra"]["hub"]["gone"] = [{"address": "/guides/to-remove/", "removed": dt.date(2026, 11, 20)}]
    config.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return config


def test_the_report_lists_each_kind_of_change_with_its_address(fixture_pair):
    report = changes.report(hub_config.load(fixture_pair), "main")
    sections = {}
    current = None
    for line in report.splitlines():
        if line.startswith("### "):
            current = line[4:]
            sections[current] = []
        elif line.startswith("- ") and current:
            sections[current].append(line)
    assert list(sections) == ["Pages added", "Pages changed", "Pages moved", "Pages withdrawn", "Pages removed",
                              "Addresses", "Findings"]
    assert sections["Pages added"] == [
        "- ` Added <guide> \\| [link](https://evil.example) ` at ` /guides/added/ `"]
    (edited,) = sections["Pages changed"]
    assert "` /guides/edited/ `" in edited and "` new heading: New heading `" in edited
    assert "` heading removed: Old heading `" in edited
    assert sections["Pages moved"] == ["- ` Moved guide `: from ` /guides/old-name/ ` to ` /guides/new-name/ ` "
                                       "(the old address sends readers on)"]
    assert sections["Pages withdrawn"] == ["- ` Withdrawn guide ` at ` /guides/to-withdraw/ `"]
    assert sections["Pages removed"] == ["- ` Removed guide ` at ` /guides/to-remove/ `: now a page saying it was removed"]
    addresses = "\n".join(sections["Addresses"])
    assert "` /guides/added/ `: nothing → page (content/guides/added.md)" in addresses
    assert "` /guides/old-name/ `: page (content/guides/old-name.md) → a redirect to /guides/new-name/" in addresses
    assert "` /guides/to-withdraw/ `: page (content/guides/to-withdraw.md) → withdrawn page" in addresses
    # Whatever a title says, the report makes no link, HTML or image of it.
    html = MarkdownIt("commonmark").render(report)
    assert "<a " not in html and "<guide>" not in html


def test_findings_are_listed_errors_first(fixture_pair):
    content = fixture_pair.parent / "content"
    (content / "guides/added.md").write_text(page("Added guide").replace("owner: experience-of-care", "owner: nobody"),
                                             encoding="utf-8")
    report = changes.report(hub_config.load(fixture_pair), "main")
    findings = report.split("### Findings", 1)[1]
    assert "error: ` content/guides/added.md:7 ` ` unknown owner 'nobody' `" in findings


def test_nothing_changed(tmp_path, fixture_pair):
    git(fixture_pair.parent, "add", "-A")
    git(fixture_pair.parent, "commit", "-q", "-m", "change")
    report = changes.report(hub_config.load(fixture_pair), "HEAD")
    assert "No page or address changes for readers." in report


def test_the_command_prints_the_report_and_names_a_bad_base(fixture_pair):
    run = [sys.executable, str(ROOT / "build.py"), "--config", str(fixture_pair), "changes"]
    ok = subprocess.run(run + ["--base", "main"], capture_output=True, text=True, cwd=fixture_pair.parent,
                        env={**os.environ, "HUB_TODAY": "2026-12-04"})
    assert ok.returncode == 0 and ok.stdout.startswith("## What this change means for readers")
    bad = subprocess.run(run + ["--base", "no-such-branch"], capture_output=True, text=True, cwd=fixture_pair.parent)
    assert bad.returncode == 1 and "cannot read no-such-branch" in bad.stderr


def test_ci_writes_the_report_to_the_pull_requests_summary():
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    steps = ci["jobs"]["test"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0  # the base must be in the local history
    (step,) = [s for s in steps if "build.py changes" in s.get("run", "")]
    assert "pull_request" in step["if"] and '--base "origin/$GITHUB_BASE_REF"' in step["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in step["run"]
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps)  # the built site is kept
