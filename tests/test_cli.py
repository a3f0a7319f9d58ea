"""build.py's commands as a contributor runs them: help, new, check, build --out, and serve with live reload."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from served import wait_for

from hub import config as hub_config

ROOT = Path(__file__).resolve().parent.parent

PAGE = """\
---
title: Live reload test
summary: A page used to test the preview server.
type: guide
audience: [public]
topics: [testing]
owner: experience-of-care
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

## First section

Original words.
"""


def temp_project(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A copy of mkdocs.yml and the real content in a temporary folder, plus `pages`; returns the config path."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for rel, text in pages.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    return hub_config.write_copy(content, tmp_path / "mkdocs.yml")


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "HUB_TODAY": "2026-12-04"})


def test_help_explains_every_command():
    top = run("--help")
    assert top.returncode == 0
    for command in ("build", "check", "serve", "new"):
        assert command in top.stdout
        sub = run(command, "--help")
        assert sub.returncode == 0 and "usage: build.py " + command in sub.stdout


def test_new_prints_the_path_and_refuses_unknown_types(tmp_path):
    cfg = temp_project(tmp_path, {})
    made = run("--config", str(cfg), "new", "news", "Experience of Care Week 2027", cwd=tmp_path)
    assert made.returncode == 0
    path = tmp_path / made.stdout.strip()
    assert path == tmp_path / "content/news/experience-of-care-week-2027.md" and path.exists()
    bad = run("--config", str(cfg), "new", "blog", "X", cwd=tmp_path)
    assert bad.returncode == 2 and "invalid choice: 'blog'" in bad.stderr


def test_check_lists_every_problem_and_fails(tmp_path):
    cfg = temp_project(tmp_path, {
        "guides/a.md": PAGE.replace("summary:", "sumary:"),
        "guides/b.md": PAGE.replace("Live reload test", "B").replace("2026-11-01", "2026-02-30"),
    })
    out = run("--config", str(cfg), "check")
    assert out.returncode == 1
    assert "guides/a.md:3: unknown front matter key 'sumary' — did you mean 'summary'?" in out.stdout
    assert "guides/b.md:8: 'last_reviewed' is '2026-02-30', which is not a real date" in out.stdout
    assert "front-matter" in out.stdout.splitlines()[-2]  # the summary table


@pytest.mark.slow
def test_build_out_writes_elsewhere_and_a_failed_build_keeps_the_last_good_site(tmp_path):
    cfg = temp_project(tmp_path, {"guides/live.md": PAGE})
    out = tmp_path / "public"
    ok = run("--config", str(cfg), "build", "--out", str(out))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    before = (out / "guides/live/index.html").read_bytes()
    (tmp_path / "content/guides/live.md").write_text(PAGE.replace("type: guide", "type: gide"), encoding="utf-8")
    failed = run("--config", str(cfg), "build", "--out", str(out))
    assert failed.returncode == 1 and "type is 'gide'" in failed.stdout
    assert "left as it was" in failed.stderr
    assert (out / "guides/live/index.html").read_bytes() == before


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_previews_at_the_root_and_reloads_on_change(tmp_path):
    cfg = temp_project(tmp_path, {"guides/live.md": PAGE})
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--config", str(cfg), "serve", "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/guides/live/"
    try:
        html = wait_for(url, lambda h: "Original words" in h, seconds=60)
        assert "livereload" in html
        page = tmp_path / "content/guides/live.md"
        page.write_text(PAGE.replace("Original words.", "Changed words."), encoding="utf-8")
        wait_for(url, lambda h: "Changed words" in h, seconds=60)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


