"""The end of a content page, decided once for both editions: which pages get it, what it holds,
and wrong settings in mkdocs.yml refused before anything is rendered."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from checks_fixtures import write_content

from hub import config as hub_config
from hub import engines, pipeline
from hub.config import ConfigError, HubConfig
from hub.content import Page, Site, page_extras
from hub.findings import ERROR

ROOT = Path(__file__).resolve().parent.parent
REAL = hub_config.load(ROOT / "mkdocs.yml")


def page(src: str, page_type: str, topics=("feedback",)) -> Page:
    meta = {"title": f"Title of {src}", "summary": "A summary.", "topics": list(topics), "audience": ["public"],
            "last_reviewed": "2026-11-22", "next_review": "2027-11-22"}
    return Page(Path("/c") / src, src, meta, {}, "", 1, page_type)


def with_hub(**changes) -> HubConfig:
    raw = json.loads(json.dumps(REAL.raw))  # a deep copy
    raw["extra"]["hub"].update(changes)
    return HubConfig(REAL.path, raw)


@pytest.mark.parametrize("src,page_type,expected", [
    ("guides/x.md", "guide", True),
    ("principles/x.md", "principle", True),
    ("commitments/x.md", "commitment", True),
    ("contact/x.md", "contact", True),
    ("news/x.md", "news", True),
    ("guides/index.md", "guide", False),  # a section's landing page lists pages; it is not one to read
    ("index.md", "page", False),
    ("search.md", "page", False),
    ("a-z.md", "page", False),
    ("accessibility.md", "page", False),
])
def test_which_pages_are_content_pages(src, page_type, expected):
    assert page_extras.is_content_page(src, page_type) is expected


def test_a_content_page_gets_feedback_related_pages_and_structured_data():
    guide = page("guides/x.md", "guide")
    others = [page("guides/y.md", "guide"), page("accessibility.md", "page"), page("news/z.md", "news", ["other"])]
    s = page_extras.settings(REAL)
    extras = page_extras.for_page(guide, Site(Path("/c"), [guide, *others]), s)
    assert [p.src_path for p in extras["related"]] == ["guides/y.md"]
    assert "Title%20of%20guides%2Fx.md" in extras["feedback"]["yes"]
    assert REAL.site_url.replace(":", "%3A").replace("/", "%2F") + "guides%2Fx%2F" in extras["feedback"]["no"]
    data = json.loads(extras["structured_data"])
    assert data["@type"] == "MedicalWebPage" and data["url"] == REAL.site_url + "guides/x/"


def test_other_pages_get_none_of_it():
    s = page_extras.settings(REAL)
    for src in ("index.md", "accessibility.md", "privacy.md", "search.md"):
        assert page_extras.for_page(page(src, "page"), Site(Path("/c"), []), s) is None


def test_no_feedback_block_means_no_feedback_links_but_the_rest_stays():
    raw = json.loads(json.dumps(REAL.raw))
    del raw["extra"]["hub"]["feedback"]
    s = page_extras.settings(HubConfig(REAL.path, raw))
    extras = page_extras.for_page(page("guides/x.md", "guide"), Site(Path("/c"), []), s)
    assert extras["feedback"] is None and extras["structured_data"]


def test_suggest_a_change_opens_the_file_in_the_repository():
    s = page_extras.settings(REAL)
    assert page_extras.edit_url(s, "guides/x.md") == \
        REAL.hub["repository"].rstrip("/") + "/edit/main/content/guides/x.md"
    assert page_extras.edit_url(page_extras.settings(with_hub(repository="")), "guides/x.md") == ""


def test_every_wrong_setting_is_reported_at_once():
    bad = with_hub(publisher={"name": "", "url": "http://x"}, feedback={"kind": "sms"},
                   repository="javascript:alert(1)")
    with pytest.raises(ConfigError) as e:
        page_extras.settings(bad)
    keys = [p.key for p in e.value.problems]
    assert keys == ["extra.hub.publisher.name", "extra.hub.publisher.url", "extra.hub.publisher.nhs_organisation",
                    "extra.hub.feedback.kind", "extra.hub.repository"]
    findings = bad.problems()
    assert [f.path for f in findings] == ["mkdocs.yml"] * 5 and all(f.fix and f.severity == ERROR for f in findings)
    assert REAL.problems() == []


def _bad_copy(tmp_path: Path) -> HubConfig:
    content = write_content(tmp_path, {"guides/a-guide.md": "Some text.\n"})

    def edit(raw):
        raw["extra"]["hub"]["feedback"] = {"kind": "email", "address": "not an address"}

    return hub_config.load(hub_config.write_copy(content, tmp_path / "mkdocs.yml", edit))


@pytest.mark.parametrize("engine", engines.ENGINES)
def test_build_refuses_wrong_settings_before_rendering(tmp_path, engine):
    config = _bad_copy(tmp_path)
    out = tmp_path / "site"
    findings = pipeline.build(config, engine=engine, out=out, run_checks=False)
    errors = [f for f in findings if f.severity == ERROR]
    assert [(f.path, f.message.split(" ")[0]) for f in errors] == [("mkdocs.yml", "extra.hub.feedback.address")]
    assert "such as name@example.nhs.uk" in errors[0].fix
    assert not out.exists()


def test_mkdocs_alone_refuses_them_too(tmp_path):
    """As under `mkdocs build` or `serve`, with no build.py in front: the hook names the setting."""
    import subprocess
    import sys

    config = _bad_copy(tmp_path)
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config.path), "-d",
                          str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode != 0 and "extra.hub.feedback.address" in run.stdout + run.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_templates_mark_safe_only_page_html_and_the_escaped_structured_data():
    """Autoescaping is on in every template: `| safe` is for HTML that Markdown made and for
    script_json()'s output, never for a front matter or mkdocs.yml value."""
    import re

    allowed = {"page.content", "item.content", "view.structured_data"}
    found = {}
    for path in sorted((ROOT / "theme").rglob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)  # not comments
        values = re.findall(r"\{\{-?\s*([^{}]*?)\s*\|\s*safe\s*-?\}\}", text)
        assert len(values) == len(re.findall(r"\|\s*safe\b", text)), f"{path}: '| safe' used inside an expression"
        for value in values:
            found.setdefault(value, []).append(path.relative_to(ROOT).as_posix())
    assert set(found) <= allowed, {v: where for v, where in found.items() if v not in allowed}
    assert found["view.structured_data"] == ["theme/shared/structured-data.html"]  # one template, both editions
