"""Plain-text fields: markup or hidden characters in front matter and data files are errors at their line."""
from __future__ import annotations

import pytest
from checks_fixtures import ROOT, write_owners

from hub import config as hub_config
from hub.checks import plain_text
from hub.content import load_site

PAGE = """\
---
title: {title}
summary: {summary}
type: contact
audience: [public]
topics: [{topic}]
owner: experience-of-care
last_reviewed: 2026-11-01
next_review: 2027-11-01
channels:
  - kind: phone
    label: {label}
    value: "03000 616161"
---

Text.
"""
SAFE = {"title": "Call us", "summary": "How to call us.", "topic": "contact", "label": "Phone"}


def findings(tmp_path, data_file: str | None = None, body: str = "", **fields):
    values = {**SAFE, **fields}
    page = tmp_path / "content" / "contact" / "call-us.md"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE.format(**values) + body, encoding="utf-8")
    if data_file is not None:
        (tmp_path / "content" / "_data").mkdir()
        (tmp_path / "content" / "_data" / "contacts.yml").write_text(data_file, encoding="utf-8")
    write_owners(tmp_path / "content")
    config = hub_config.load(hub_config.write_copy(tmp_path / "content", tmp_path / "mkdocs.yml"))
    site = load_site(tmp_path / "content", tmp_path)
    assert [f for f in site.findings if f.severity == "error"] == []
    return plain_text.run(site, config)


def test_plain_text_passes(tmp_path):
    assert findings(tmp_path, title="'Call us: A&E, 111 & 999 — “quotes” and <3 > 2'",
                    summary="'Right-to-left marks are fine: \u200fمرحبا\u200f.'") == []


@pytest.mark.parametrize("field, value, line, words", [
    ("title", '"Evil </title><script>alert(1)</script>"', 2, "'title' contains HTML markup"),
    ("summary", "'Sum \"><img src=x onerror=alert(1)>'", 3, "'summary' contains HTML markup"),
    ("summary", "Fish &amp; chips.", 3, "HTML character code"),
    ("title", "'Hello {{ config }}'", 2, "template brackets"),
    ("title", "'Hello {% include x %}'", 2, "template brackets"),
    ("topic", "'<b>x</b>'", 6, "'topics (item 1)' contains HTML markup"),
    ("label", "'<a href=javascript:alert(1)>Phone</a>'", 12, "'channels.label (item 1)' contains HTML"),
    ("title", '"Call \u202eus"', 2, "text-direction control (U+202E)"),
])
def test_markup_in_a_plain_text_field_is_an_error_at_its_line(tmp_path, field, value, line, words):
    found = findings(tmp_path, **{field: value})
    assert len(found) == 1, [f.format() for f in found]
    f = found[0]
    assert (f.path, f.line, f.severity, f.check) == ("content/contact/call-us.md", line, "error", "plain-text")
    assert words in f.message and f.fix


def test_hidden_characters_in_the_body_are_errors_at_their_line(tmp_path):
    found = findings(tmp_path, body="\nA fine line.\nA line with a \u202e direction override.\nBell\x07.\n")
    assert [f.line for f in found] == [19, 20]


def test_data_files_are_plain_text_and_bounded(tmp_path):
    data = ("contacts:\n"
            "  team:\n"
            "    kind: email\n"
            "    value: team@example.nhs.uk\n"
            "    note: Call <script>alert(1)</script> us\n"
            "  other:\n"
            "    note: Open using the hashtag #ExpOfCare.\n")
    found = findings(tmp_path, data_file=data)
    shown = sorted((f.path, f.line, f.check) for f in found)
    assert shown == [("content/_data/contacts.yml", 5, "plain-text"), ("content/_data/contacts.yml", 7, "data")]
    assert "'contacts.team.note' contains HTML markup" in {f.message for f in found if f.line == 5}.pop()


def test_mkdocs_yml_values_are_plain_text_too(tmp_path):
    found = [f for f in findings(tmp_path) if f.path == "mkdocs.yml"]
    assert found == []
    path = tmp_path / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "site_name: Experience of Care hub", "site_name: \"Hub <b>bold</b> \\x07\""), encoding="utf-8")
    config = hub_config.load(path)
    assert config.site_name == "Hub <b>bold</b> \ufffd"  # control characters never reach a page
    found = plain_text.run_config(config)
    assert sorted(f.message for f in found) == ["'site_name' contains HTML markup ('Hub <b>bold</b> \\x07')",
                                                "'site_name' contains an invisible control character"]
    assert {f.line for f in found} == {1}


def test_the_real_content_is_plain_text():
    config = hub_config.load(ROOT / "mkdocs.yml")
    site = load_site(config.content_dir, config.root)
    assert plain_text.run(site, config) == []


def test_control_characters_in_front_matter_are_reported_here(tmp_path):
    found = findings(tmp_path, title='"Call\\x1b[31m us"')
    assert [(f.line, f.check) for f in found] == [(2, "plain-text")]
    assert "control character" in found[0].message
