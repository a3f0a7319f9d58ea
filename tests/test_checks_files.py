"""Files in content/: only safe kinds, web-friendly names, contents that match the name, safe SVG,
no symbolic links, and no links or images that lead out of content/."""
from __future__ import annotations

import os

import pytest
from checks_fixtures import BODY_START, load, run

from hub.checks import files, images, links
from hub.content import load_site

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
SVG_OK = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Bar</title><rect width="5" height="5"/></svg>'


def check(tmp_path, extra_files: dict[str, bytes], body: str = "Text.\n"):
    return run(files.run, tmp_path, {"guides/page.md": body}, extra_files)


def test_images_and_documents_pass(tmp_path):
    assert check(tmp_path, {"guides/images/chart.png": PNG, "guides/bar-chart.svg": SVG_OK,
                            "guides/survey-2026.pdf": b"%PDF-1.7\n", "guides/data.csv": b"a,b\n1,2\n",
                            "_data/contacts.yml": b"a: 1\n"}) == []


@pytest.mark.parametrize("name, data, words", [
    ("guides/page.html", b"<script>alert(1)</script>", "files of type '.html' cannot be published"),
    ("guides/evil.js", b"alert(1)", "files of type '.js' cannot be published"),
    ("guides/.htaccess", b"x", None),  # hidden files are neither published nor read
    ("guides/Chart Final.png", PNG, "not web-friendly"),
    ("guides/<img src=x>.png", PNG, "not web-friendly"),
    ("guides/My Images/chart.png", PNG, "the folder name 'My Images' is not web-friendly"),
    ("guides/chart.png", b"<html><script>alert(1)</script></html>", "named .png but is not a PNG file"),
    ("guides/report.pdf", b"<html>", "named .pdf but is not a PDF file"),
    ("_data/notes.txt", b"x", "is not a data file"),
])
def test_unsafe_or_badly_named_files_are_errors(tmp_path, name, data, words):
    found = check(tmp_path, {name: data})
    if words is None:
        assert found == []
        return
    assert len(found) == 1, [f.format() for f in found]
    assert words in found[0].message and found[0].path == f"content/{name}" and found[0].check == "files"


@pytest.mark.parametrize("svg, line, words", [
    (b'<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(document.domain)</script>\n</svg>', 2, "contains <script>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 1, "event handler (onload"),
    (b'<svg xmlns="http://www.w3.org/2000/svg">\n\n<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
     b'</foreignObject></svg>', 3, "contains <foreignObject>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
     b'<a x:href="javascript:alert(1)"><text>x</text></a></svg>', 1, "which can run code"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>', 1,
     "loads or links to another site"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><style>rect{fill:url(https://x.example/a)}</style></svg>', 1,
     "style loads something"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
     b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>', 2, "declares a DOCTYPE or entities"),
    (b"<html><body>not an image</body></html>", 1, "not an SVG image"),
])
def test_svg_is_checked_like_html_naming_the_svg_and_the_page_that_shows_it(tmp_path, svg, line, words):
    body = "Chart:\n\n![A bar chart of replies](chart.svg)\n"
    found = check(tmp_path, {"guides/chart.svg": svg}, body)
    assert len(found) == 1, [f.format() for f in found]
    f = found[0]
    assert (f.path, f.line) == ("content/guides/chart.svg", line)
    assert words in f.message
    assert f"shown on content/guides/page.md:{BODY_START + 2}" in f.message


def test_a_symbolic_link_anywhere_in_content_stops_the_build_and_is_never_read(tmp_path):
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("---\ntitle: Secret\n---\nprivate\n", encoding="utf-8")
    site, _ = load(tmp_path, {"guides/page.md": "Text.\n"})
    os.symlink(secret, tmp_path / "content" / "guides" / "linked.md")
    os.symlink(tmp_path / "outside", tmp_path / "content" / "guides" / "folder")
    site = load_site(tmp_path / "content", tmp_path)
    found = sorted((f.path, f.check, f.severity) for f in site.findings)
    assert found == [("content/guides/folder", "files", "error"), ("content/guides/linked.md", "files", "error")]
    assert all("symbolic link" in f.message for f in site.findings)
    assert [p.src_path for p in site.pages] == ["guides/page.md"]  # the target was never read


def test_links_and_images_that_leave_content_are_errors(tmp_path):
    (tmp_path / "elsewhere.png").write_bytes(PNG)
    body = ("![A chart](../../elsewhere.png)\n\n"
            "[The read-me](../../README.md)\n\n"
            "![Absolute climb](/../elsewhere.png)\n")
    image_findings = run(images.run, tmp_path, {"guides/page.md": body})
    link_findings = run(links.run, tmp_path, {"guides/page.md": body})
    assert [(f.line, f.severity) for f in image_findings] == [(BODY_START, "error"), (BODY_START + 4, "error")]
    assert all("outside the content folder" in f.message for f in image_findings + link_findings)
    assert [f.line for f in link_findings] == [BODY_START + 2]
