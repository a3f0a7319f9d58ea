"""Links: internal links, #anchors and linked files resolve (source pass, pointing at the Markdown line)."""
from __future__ import annotations

import pytest
from checks_fixtures import BODY_START, run

from hub.checks import links

OTHER = "## Why it matters\n\nText.\n\n### Step one { #first-step }\n\n<span id=\"kept\"></span>\n"


def check(tmp_path, body):
    return run(links.run, tmp_path, {"guides/page.md": body, "guides/other.md": OTHER, "news/item.md": "Text.\n"},
               {"guides/files/form.pdf": b"%PDF-1.4"})


@pytest.mark.parametrize("body", [
    "[Other guide](other.md)\n",
    "[Why it matters](other.md#why-it-matters)\n",
    "[Step one](other.md#first-step) and [kept](other.md#kept)\n",
    "[News](../news/item.md)\n",
    "[News](/news/item.md)\n",
    "[The form (PDF)](files/form.pdf)\n",
    "## Local part\n\nSee [local part](#local-part).\n",
    "[NHS](https://www.nhs.uk/missing-page) and [email](mailto:a@b.nhs.uk) and [call](tel:111)\n",
    "[Other][o]\n\n[o]: other.md#why-it-matters\n",
    "`[broken](nowhere.md)` in code\n",
])
def test_working_links_pass(tmp_path, body):
    assert check(tmp_path, body) == []


@pytest.mark.parametrize("body, words, fix", [
    ("[Missing](absent-page.md)\n", "no such page", "paths are relative to guides/page.md"),
    ("[Typo](othr.md)\n", "no such page", "did you mean other.md?"),
    ("[Bad anchor](other.md#why-it-matter)\n", "has no heading or anchor", "did you mean #why-it-matters?"),
    ("[Bad local anchor](#nowhere)\n", "this page has no heading", "has no headings to link to"),
    ("[Web style](../other/)\n", "is a web address", "link to the Markdown file instead: other.md"),
    ("[Missing file](files/nope.pdf)\n", "no such page or file", "relative to guides/page.md"),
    ("[Ref](missing.md)\n", "no such page", ""),
    ("[No address]()\n", "has no address", "round brackets"),
    ("[Ref][r]\n\n[r]: nowhere.md\n", "no such page", ""),
    ('<a href="nowhere.md">Raw</a>\n', "no such page", ""),
])
def test_broken_links_are_errors_at_their_line(tmp_path, body, words, fix):
    found = check(tmp_path, body)
    assert len(found) == 1, [f.format() for f in found]
    assert words in found[0].message and fix in found[0].fix
    assert found[0].line == BODY_START and found[0].path == "content/guides/page.md"


def test_all_broken_links_are_reported_at_once(tmp_path):
    found = check(tmp_path, "[a](a.md)\n\n[b](b.md)\n\n[c](other.md#c)\n")
    assert [f.line - BODY_START for f in found] == [0, 2, 4]
