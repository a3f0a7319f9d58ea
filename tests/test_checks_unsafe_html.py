"""Unsafe HTML: a contributor's Markdown must not be able to run code on the site."""
from __future__ import annotations

import pytest
from checks_fixtures import BODY_START, run

from hub.checks import unsafe_html


def check(tmp_path, body):
    return run(unsafe_html.run, tmp_path, {"guides/page.md": body})


@pytest.mark.parametrize("body", [
    "Plain text with <abbr title=\"Friends and Family Test\">FFT</abbr> and <strong>bold</strong>.\n",
    '<a href="https://www.nhs.uk/">NHS website</a> and <img src="a.png" alt="A chart">\n',
    "Show code safely: `<script>alert(1)</script>`\n",
    "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```\n",
    "Text about scripts, forms and the word onclick= in prose.\n",
    "[Data protection](https://www.nhs.uk/data:policy) and [JavaScript guide](guide.md)\n",
    "<details><summary>More</summary>\n\nHidden text.\n\n</details>\n",
    "A list { .note } and ## Heading {: #id }\n",
    "1 < 2 and 3 > 2\n",
])
def test_safe_content_passes(tmp_path, body):
    assert check(tmp_path, body) == []


@pytest.mark.parametrize("body, words", [
    ("<script>alert(1)</script>\n", "<script>"),
    ("<SCRIPT src=x></SCRIPT>\n", "<script>"),
    ('<iframe src="https://example.com"></iframe>\n', "<iframe>"),
    ('<object data="x.swf"></object>\n', "<object>"),
    ('<embed src="x.swf">\n', "<embed>"),
    ("<style>body{display:none}</style>\n", "<style>"),
    ('<form action="https://example.com"><input name="q"></form>\n', "<form>"),
    ('<img src="a.png" alt="A chart" onerror="alert(1)">\n', "onerror"),
    ('<p onmouseover="steal()">Hover</p>\n', "onmouseover"),
    ('<a href="javascript:alert(1)">Go</a>\n', "javascript:alert(1)"),
    ('<a href="  JaVaScRiPt:alert(1)">Go</a>\n', "can run code"),
    ('<a href="java&#x73;cript:alert(1)">Go</a>\n', "can run code"),
    ('<a href="java\tscript:alert(1)">Go</a>\n', "can run code"),
    ("[Go](javascript:alert(1))\n", "can run code"),
    ("[Go][x]\n\n[x]: javascript:alert(1)\n", "can run code"),
    ("![A chart](data:image/svg+xml;base64,PHN2Zz4=)\n", "can run code"),
    ('<img src="data:image/png;base64,AAAA" alt="A chart">\n', "can run code"),
    ('[Go](page.md){ onclick="alert(1)" }\n', "onclick"),
    ('Paragraph.\n{: onmouseover="alert(1)" }\n', "onmouseover"),
    ("<svg><script>alert(1)</script></svg>\n", "<svg>"),
])
def test_unsafe_content_is_an_error(tmp_path, body, words):
    found = check(tmp_path, body)
    assert found, f"nothing reported for {body!r}"
    assert any(words in f.message for f in found), [f.format() for f in found]
    assert all(f.severity == "error" and f.check == "unsafe-html" for f in found)


def test_findings_name_the_line(tmp_path):
    found = check(tmp_path, "Safe.\n\nStill safe.\n\n<script>alert(1)</script>\n")
    assert [f.line for f in found] == [BODY_START + 4]
    assert "remove the <script> element" in found[0].fix
