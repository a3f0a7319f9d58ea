"""Alt text and image files: what the alt-text check must catch, and what it must let through."""
from __future__ import annotations

import pytest
from checks_fixtures import BODY_START, run

from hub.checks import images

PNG = b"\x89PNG\r\n\x1a\n"
FILES = {"guides/images/chart.png": PNG, "images/logo.png": PNG}


def check(tmp_path, body):
    return run(images.run, tmp_path, {"guides/page.md": body}, FILES)


@pytest.mark.parametrize("body", [
    "![A bar chart: most people rated their care good](images/chart.png)\n",
    "![NHS England](../images/logo.png)\n",
    "![NHS England](/images/logo.png)\n",
    "![](images/chart.png){ .decorative }\n",
    '<img src="images/chart.png" alt="" role="presentation">\n',
    '<img src="images/chart.png" alt="Waiting times fell from 18 to 9 weeks">\n',
    "![Waiting times fell][chart]\n\n[chart]: images/chart.png\n",
    "Images in code are examples: `![image](nope.png)`\n\n```\n![photo](nope.png)\n```\n",
])
def test_good_images_pass(tmp_path, body):
    assert check(tmp_path, body) == []


@pytest.mark.parametrize("body, words", [
    ("![](images/chart.png)\n", "has no alt text"),
    ("![   ](images/chart.png)\n", "has no alt text"),
    ('<img src="images/chart.png">\n', "has no alt attribute"),
    ('<img src="images/chart.png" alt="">\n', "has no alt text"),
    ("![chart.png](images/chart.png)\n", "is a file name"),
    ("![chart](images/chart.png)\n", "is a file name"),
    ("![IMG_0042.JPG](images/chart.png)\n", "is a file name"),
    ("![Image](images/chart.png)\n", "only says what kind of thing"),
    ("![logo](images/chart.png)\n", "only says what kind of thing"),
    ("![icon](images/chart.png)\n", "only says what kind of thing"),
    ("![Photo of a nurse](images/chart.png)\n", "starts with 'Photo of'"),
    ("![An image of a chart](images/chart.png)\n", "starts with 'An image of'"),
    ("![picture of a ward](images/chart.png)\n", "starts with 'picture of'"),
    ("![" + "A very long description " * 7 + "](images/chart.png)\n", "characters long"),
    ("![A nurse](images/missing.png)\n", "does not exist"),
    ("![A nurse][n]\n\n[n]: images/missing.png\n", "does not exist"),
    ("![](images/chart.png){ .decorative }\n![][x]\n\n[x]: images/chart.png\n", "has no alt text"),
    ('<img src="images/chart.png" alt="Photo of a nurse">\n', "starts with 'Photo of'"),
    ("![A nurse](https://example.com/nurse.png)\n", "another website"),
    ("![A nurse](images/chart.png){ .decorative }\n", "marked decorative but has alt text"),
])
def test_bad_images_are_errors(tmp_path, body, words):
    found = check(tmp_path, body)
    assert found, f"nothing reported for {body!r}"
    assert any(words in f.message for f in found), [f.format() for f in found]
    assert all(f.severity == "error" and f.check == "alt-text" for f in found)
    assert all(f.path == "content/guides/page.md" for f in found)


def test_findings_name_the_markdown_line_and_say_how_to_fix(tmp_path):
    found = check(tmp_path, "Intro.\n\nMore text.\n\n![photo](images/chart.png)\n")
    assert [f.line for f in found] == [BODY_START + 4]
    assert "what the image tells the reader" in found[0].fix


def test_image_inside_a_link_is_checked(tmp_path):
    found = check(tmp_path, "[![](images/chart.png)](https://www.nhs.uk/)\n")
    assert [f.message for f in found] == ["the image images/chart.png has no alt text"]
