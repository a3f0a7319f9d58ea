"""Headings: one H1 (the title) and no skipped levels."""
from __future__ import annotations

import pytest
from checks_fixtures import BODY_START, run

from hub.checks import headings


def check(tmp_path, body):
    return run(headings.run, tmp_path, {"guides/page.md": body})


@pytest.mark.parametrize("body", [
    "## What this is\n\nText.\n\n### Detail\n\n## Next\n\n### More\n\n#### Deeper\n",
    "Intro only, no headings.\n",
    "## Part\n\n### Sub\n\n## Back up two levels is fine\n",
    "Setext heading\n--------------\n\nText.\n",
    "```\n# not a heading in code\n```\n",
    "## Part { #part }\n",
    "<h2>Raw HTML heading</h2>\n",
])
def test_good_outlines_pass(tmp_path, body):
    assert check(tmp_path, body) == []


def test_a_second_h1_is_an_error_naming_its_line(tmp_path):
    found = check(tmp_path, "Intro.\n\n# Another title\n")
    assert [(f.line, f.severity) for f in found] == [(BODY_START + 2, "error")]
    assert "second top-level heading" in found[0].message and "##" in found[0].fix


def test_setext_h1_counts_as_a_second_h1(tmp_path):
    found = check(tmp_path, "Title again\n===========\n")
    assert [f.line for f in found] == [BODY_START]


@pytest.mark.parametrize("body, line, words", [
    ("### Starts too deep\n", 0, "skips from level 1 to 3"),
    ("## Part\n\n#### Too deep\n", 2, "skips from level 2 to 4"),
    ("## Part\n\n<h4>Raw too deep</h4>\n", 2, "skips from level 2 to 4"),
])
def test_skipped_levels_are_errors(tmp_path, body, line, words):
    found = check(tmp_path, body)
    assert [f.line for f in found] == [BODY_START + line]
    assert words in found[0].message


def test_every_problem_is_reported(tmp_path):
    found = check(tmp_path, "# One\n\n#### Two\n\n## Fine\n\n#### Three\n")
    assert [f.line - BODY_START for f in found] == [0, 2, 6]
