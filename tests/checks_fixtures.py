"""Small content folders for the check tests: write pages into a temporary content/ and load them."""
from __future__ import annotations

import textwrap
from pathlib import Path

from hub import config as hub_config
from hub.content import load_site, schema

ROOT = Path(__file__).resolve().parent.parent

FRONT = """\
---
title: "{title}"
summary: A page for testing the checks.
type: {type}
{extra}audience: [public]
topics: [testing]
owner: experience-of-care
last_reviewed: 2026-11-01
next_review: 2027-11-01
---
"""
BODY_START = FRONT.count("\n") + 1  # the first body line of a fixture page (news pages: one more)

# The owner every fixture page names. write_owners() gives a fixture's content the real site's
# owners (content/_data/owners.yml), so a fixture page and a page copied from content/ both fit.
OWNER = "experience-of-care"


def write_owners(content: Path) -> Path:
    """Copy the real content/_data/owners.yml into a fixture's content (unless it has its own)."""
    path = Path(content) / "_data" / "owners.yml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((ROOT / "content" / "_data" / "owners.yml").read_bytes())
    return path


def write_content(tmp_path: Path, pages: dict[str, str], files: dict[str, bytes] | None = None) -> Path:
    """Write guides/*.md pages (body only: front matter is added) and other files; return the content folder."""
    content = tmp_path / "content"
    for i, (name, body) in enumerate(pages.items()):
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        title = name.rsplit("/", 1)[-1][:-3].replace("-", " ").capitalize() + f" {i}"
        page_type = schema.FOLDERS.get(name.split("/")[0], "page") if "/" in name else "page"
        extra = "published: 2026-11-01\n" if page_type == "news" else ""
        front = FRONT.format(title=title, type=page_type, extra=extra)
        path.write_text(front + textwrap.dedent(body), encoding="utf-8")
    for name, data in (files or {}).items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    write_owners(content)
    return content


def load(tmp_path: Path, pages: dict[str, str], files: dict[str, bytes] | None = None):
    """(site, config) for fixture pages; config is the real mkdocs.yml with docs_dir pointing at them."""
    content = write_content(tmp_path, pages, files)
    config = hub_config.load(ROOT / "mkdocs.yml")
    config.raw["docs_dir"] = str(content)
    config.path = tmp_path / "mkdocs.yml"  # so findings' paths are relative to tmp_path
    site = load_site(content, tmp_path)
    assert not site.findings, [f.format() for f in site.findings]
    return site, config


def run(check, tmp_path: Path, pages: dict[str, str], files: dict[str, bytes] | None = None) -> list:
    site, config = load(tmp_path, pages, files)
    return check(site, config)


def lines(findings) -> list[int]:
    return [f.line for f in findings]


def copy_of_the_real_site(tmp_path: Path):
    """A temporary copy of content/ with a mkdocs.yml that builds it with the real theme and hooks."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return hub_config.load(hub_config.write_copy(content, tmp_path / "mkdocs.yml")), content


def without_site_routes(raw: dict) -> None:
    """For a mkdocs.yml copied beside a small fixture site: drop the home page's routes and the
    search page's help links, which lead to pages of the real site the fixture does not have."""
    hub = raw["extra"]["hub"]
    hub.pop("home", None)
    (hub.get("search") or {}).pop("help", None)
