"""Front matter and data files are untrusted: bounded parsing, no silent loss, no hidden characters.

Each test writes what a careless or hostile contributor might send and requires a
clear error naming the file and line, quickly, with nothing published cut short.
"""
from __future__ import annotations

import time

import pytest
from checks_fixtures import write_owners

from hub.content import data as data_files
from hub.content import load_site
from hub.content.frontmatter import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_FRONT_MATTER_BYTES,
    FrontMatterError,
    parse_yaml,
)
from hub.findings import ERROR

HEAD = """\
---
title: A page
summary: A page for testing front matter.
type: guide
audience: [public]
topics: [testing]
owner: experience-of-care
last_reviewed: 2026-11-01
next_review: 2027-11-01
"""

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
summary: [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def errors(tmp_path, front: str, body: str = "\nText.\n", name: str = "guides/a-page.md"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front + body, encoding="utf-8")
    write_owners(tmp_path)
    site = load_site(tmp_path, tmp_path)
    return [f for f in site.findings if f.severity == ERROR], site


def only(found):
    assert len(found) == 1, [f.format() for f in found]
    return found[0]


def test_billion_laughs_is_refused_at_once_naming_the_line(tmp_path):
    front = HEAD.replace("summary: A page for testing front matter.\n", "") + BILLION_LAUGHS + "---\n"
    started = time.perf_counter()
    found, site = errors(tmp_path, front)
    assert time.perf_counter() - started < 2
    f = only(found)
    assert (f.path, f.line) == ("guides/a-page.md", 9)  # the first anchor
    assert "anchors and aliases" in f.message and "in full" in f.fix
    assert site.pages == []  # nothing of the file is published


@pytest.mark.parametrize("extra, words", [
    ("note: &x hello\n", "anchors and aliases"),
    ("search: !!python/object:os.system {}\n", "YAML tags"),
    ("search: !custom {boost: 2}\n", "YAML tags"),
    ("search: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n", "nested more than"),
    ("search: {boost: " + "9" * 5000 + "}\n", "too large to read"),
    ("? [a, b]\n: value\n", "a key is not a word"),
])
def test_yaml_that_could_hang_or_crash_is_a_clear_error(tmp_path, extra, words):
    f = only(errors(tmp_path, HEAD + extra + "---\n")[0])
    assert words in f.message and f.line == 10 and f.fix


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    f = only(errors(tmp_path, HEAD + "---\n", "x" * (MAX_FILE_BYTES + 1))[0])
    assert "over the" in f.message and f.line == 1


def test_front_matter_over_its_size_limit_is_refused(tmp_path):
    f = only(errors(tmp_path, HEAD + "note: '" + "x" * MAX_FRONT_MATTER_BYTES + "'\n---\n")[0])
    assert "front matter is over" in f.message


def test_a_value_cut_short_by_a_comment_is_an_error_with_the_fix(tmp_path):
    front = HEAD.replace("summary: A page for testing front matter.",
                         "summary: Join us online using the hashtag #ExpOfCare.") + "---\n"
    f = only(errors(tmp_path, front)[0])
    assert f.line == 3
    assert "cut at '#'" in f.message and "quotes" in f.fix


@pytest.mark.parametrize("summary", [
    '"Join us online using the hashtag #ExpOfCare."',
    "Written in C# by the team.",
    "Item#2 of the list.",
])
def test_a_hash_that_yaml_keeps_is_fine(tmp_path, summary):
    front = HEAD.replace("summary: A page for testing front matter.", f"summary: {summary}") + "---\n"
    found, site = errors(tmp_path, front)
    assert found == [] and site.pages[0].summary == summary.strip('"')


def test_control_characters_are_replaced_and_reported_by_the_plain_text_check(tmp_path):
    front = HEAD.replace("title: A page", 'title: "A\\x01 page\\u0085 here\\ud800"') + "---\n"
    found, site = errors(tmp_path, front)
    assert found == []  # the page still renders for the preview, safely
    page = site.pages[0]
    assert page.title == "A\ufffd page\ufffd here\ufffd"
    problem = only(page.text_problems)
    assert problem.line == 2 and "control character" in problem.message and problem.check == "plain-text"


def test_every_text_value_is_listed_with_its_line(tmp_path):
    front = HEAD.replace("topics: [testing]", "topics:\n  - testing\n  - second") + "---\n"
    _, site = errors(tmp_path, front)
    texts = {path: line for path, line, _ in site.pages[0].texts}
    assert texts[("title",)] == 2 and texts[("topics", 1)] == 8


def test_data_files_are_read_with_the_same_limits(tmp_path):
    folder = tmp_path / "_data"
    folder.mkdir()
    (folder / "contacts.yml").write_text("contacts:\n" + "".join(
        f"  {line}\n" for line in BILLION_LAUGHS.splitlines()), encoding="utf-8")
    loaded = data_files.load(folder / "contacts.yml")
    assert loaded.data is None
    assert "anchors and aliases" in loaded.problems[0].message and loaded.problems[0].line == 2


def test_parse_yaml_gives_a_mapping_with_key_lines():
    parsed = parse_yaml("a: 1\nb: [x, y]\n", first_line=1)
    assert parsed.data == {"a": 1, "b": ["x", "y"]} and parsed.lines == {"a": 1, "b": 2}
    with pytest.raises(FrontMatterError):
        parse_yaml("a: *nothing\n")
