"""search.phrases: the words people use for their situation, in a page's front matter.

They are checked like other front matter (a clear error at the line, with the fix), they
are plain text (the plain-text check covers them), and the indexer puts them in a field of
their own with the page's first section.
"""
from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from checks_fixtures import OWNER, write_owners
from hub import config as hub_config
from hub.checks import plain_text
from hub.content import load_site
from hub.findings import ERROR
from search import indexer

ROOT = Path(__file__).resolve().parent.parent

PAGE = """\
---
title: Complain about care
summary: How to complain.
type: contact
audience: [public]
topics: [complaints]
last_reviewed: 2026-11-01
next_review: 2027-11-01
owner: {owner}
channels:
  - {{kind: phone, label: Phone, value: "0300 311 22 33"}}
search:
  phrases: {phrases}
---

Text.
"""


def load(tmp_path: Path, phrases: str):
    page = tmp_path / "content" / "contact" / "complain.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PAGE.format(phrases=phrases, owner=OWNER), encoding="utf-8")
    write_owners(tmp_path / "content")
    return load_site(tmp_path / "content", tmp_path)


def errors(site) -> list:
    return [f for f in site.findings if f.severity == ERROR]


def test_phrases_written_as_a_list_of_text_pass(tmp_path):
    site = load(tmp_path, '["rude staff", "they didn\'t listen", "nurse was rude"]')
    assert errors(site) == []
    assert indexer.phrases_of(site.pages[0]) == ["rude staff", "they didn't listen", "nurse was rude"]


@pytest.mark.parametrize("phrases, words", [
    ("rude staff", "must be a list of phrases"),
    ("[]", "must be a list of phrases"),
    ('["rude staff", 3]', "search phrase 2 is not text"),
    ('["rude staff", "  "]', "search phrase 2 is not text"),
    ('["rude staff", "Rude  Staff"]', "search phrase 2 ('Rude  Staff') is listed twice"),
    ('["' + "very " * 20 + 'long"]', "search phrase 1 is 104 characters long"),
    ("[" + ", ".join(f'"phrase {n}"' for n in range(31)) + "]", "search phrases lists 31 phrases"),
])
def test_bad_phrases_are_an_error_at_the_line_with_the_fix(tmp_path, phrases, words):
    found = errors(load(tmp_path, phrases))
    assert len(found) == 1, [f.format() for f in found]
    assert words in found[0].message and found[0].fix
    assert (found[0].path, found[0].line) == ("content/contact/complain.md", 12)


def test_a_misspelt_search_setting_is_named(tmp_path):
    page = tmp_path / "content" / "contact" / "complain.md"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE.format(phrases='["rude staff"]', owner=OWNER).replace("  phrases:", "  phrase:"), encoding="utf-8")
    write_owners(tmp_path / "content")
    found = errors(load_site(tmp_path / "content", tmp_path))
    assert len(found) == 1 and "unknown search setting 'phrase'" in found[0].message
    assert "did you mean 'phrases'?" in found[0].fix


@pytest.mark.parametrize("phrase, words", [
    ("'<script>alert(1)</script>'", "HTML markup"),
    ("'fish &amp; chips'", "HTML character code"),
    ("'{{ config }}'", "template brackets"),
    ('"rude \u202estaff"', "text-direction control"),
])
def test_phrases_are_plain_text_like_other_front_matter(tmp_path, phrase, words):
    site = load(tmp_path, f"[rude staff, {phrase}]")
    assert errors(site) == []
    config = hub_config.load(hub_config.write_copy(tmp_path / "content", tmp_path / "mkdocs.yml"))
    found = plain_text.run(site, config)
    assert len(found) == 1, [f.format() for f in found]
    assert found[0].line == 13 and words in found[0].message  # the phrases line
    assert "'search.phrases (item 2)'" in found[0].message


def test_phrases_are_indexed_in_their_own_field_with_the_first_section(tmp_path):
    site = load(tmp_path, '["rude staff", "they ignored me"]')
    site_dir = tmp_path / "site"
    out = site_dir / "contact" / "complain" / "index.html"
    out.parent.mkdir(parents=True)
    out.write_text(textwrap.dedent("""\
        <main><div data-hub-content><p>How to complain.</p>
        <h2 id="next">What happens next</h2><p>We reply.</p></div></main>"""), encoding="utf-8")
    config = hub_config.load(ROOT / "mkdocs.yml")
    indexer.build_index(site_dir, config, site, offline=False)
    index = site_dir / "assets" / "search" / "index"
    data = {}
    for f in index.rglob("*.js"):
        name, body = re.match(r'hub(?:Search|Suggest)\.add\("([^"]+)",(.*)\);\n$', f.read_text(encoding="utf-8"),
                              re.S).groups()
        data[name] = json.loads(body)
    fields = data["manifest"]["fields"]
    assert "phrases" in fields
    rows = {}
    for name, shard in data.items():
        if re.fullmatch(r"p\d+", name):
            rows.update(zip(shard["terms"].split("\n"), shard["rows"]))
    # "rude" is only in the phrases: field number of "phrases", one section, the first (0).
    assert rows["rude"][:3] == [fields.index("phrases"), 1, 0]
    assert rows["ignor"][:3] == [fields.index("phrases"), 1, 0]
