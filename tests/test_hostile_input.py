"""What a hostile or careless pull request might send, against both editions.

One case per class of attack. Each must:
- fail `build` (and so `check`, the same pipeline without publishing) with an error naming the file;
- leave the last good site byte for byte as it was, with no staging folder left behind;
- and, where the engine would still render the page for a preview, publish nothing live:
  no script element, event handler or javascript: address that the contributor wrote.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable

import pytest
from hostile import benign_fields, write_site

from hub import cli, pipeline
from hub import config as hub_config
from hub.findings import ERROR

pytestmark = pytest.mark.slow

ENGINES = ("mkdocs", "pelican")
GUIDE = "content/guides/first-guide.md"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_key(key: str, value: str) -> Callable[[Path], None]:
    """Replace one front matter line of the first guide."""
    def mutate(tmp: Path) -> None:
        path = tmp / GUIDE
        lines = path.read_text(encoding="utf-8").split("\n")
        i = next(n for n, line in enumerate(lines) if line.startswith(key + ":"))
        lines[i] = f"{key}: {value}"
        path.write_text("\n".join(lines), encoding="utf-8")
    return mutate


def add_to_body(text: str) -> Callable[[Path], None]:
    def mutate(tmp: Path) -> None:
        path = tmp / GUIDE
        path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    return mutate


def write_file(rel: str, data: bytes, body: str = "") -> Callable[[Path], None]:
    def mutate(tmp: Path) -> None:
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_bytes(data)
        if body:
            add_to_body(body)(tmp)
    return mutate


def outside_files(tmp: Path) -> Path:
    """Files a build must never read: beside the project, outside content/."""
    outside = tmp / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.md").write_text(
        "---\ntitle: Secret\nsummary: Secret page.\ntype: guide\naudience: [public]\ntopics: [secret]\n"
        "last_reviewed: 2026-11-01\nnext_review: 2027-11-01\n---\n\nHubxSecretText from outside.\n", encoding="utf-8")
    (outside / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\nHubxSecretText")
    return outside


def symlinked_page(tmp: Path) -> None:
    os.symlink(outside_files(tmp) / "secret.md", tmp / "content/guides/stolen.md")


def symlinked_folder(tmp: Path) -> None:
    os.symlink(outside_files(tmp), tmp / "content/guides/more")


BILLION_LAUGHS = ('["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\nnote_a: &a [x, x, x, x, x, x, x, x]\n'
                  + "".join(f"note_{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefg", "bcdefgh")))

SVG_SCRIPT = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
              b'<script>alert("HubxSvg")</script><rect width="5" height="5"/></svg>')


@dataclass
class Case:
    name: str
    mutate: Callable[[Path], None]
    path: str  # the file the error must name
    check: str
    renders: bool = False  # the engine alone would still render it (a preview): nothing may be live


CASES = [
    Case("title markup", set_key("title", "\"Evil </title><script>alert('HubxTitle')</script>\""),
         GUIDE, "plain-text", renders=True),
    Case("summary breaks out of an attribute", set_key("summary", "'A \"><script>alert(\"HubxSummary\")</script> b'"),
         GUIDE, "plain-text", renders=True),
    Case("event handler in a topic", set_key("topics", "['<img src=x onerror=alert(1)>']"),
         GUIDE, "plain-text", renders=True),
    Case("template syntax", set_key("title", "'{{ config.site_name }} {% include \"base.html\" %}'"),
         GUIDE, "plain-text", renders=True),
    Case("control characters", set_key("title", '"Hubx\\x1b[31m \\x00 title"'), GUIDE, "plain-text", renders=True),
    Case("direction override", set_key("title", '"Hubx \\u202e title"'), GUIDE, "plain-text", renders=True),
    Case("symbolic link to a page outside content", symlinked_page, "content/guides/stolen.md", "files"),
    Case("symbolic link to a folder outside content", symlinked_folder, "content/guides/more", "files"),
    Case("image outside content", add_to_body("![A chart](../../outside/secret.png)"), GUIDE, "alt-text"),
    Case("link outside content", add_to_body("[Read this](../../outside/secret.md)"), GUIDE, "links"),
    Case("scripted SVG", write_file("content/guides/chart.svg", SVG_SCRIPT, "![A bar chart](chart.svg)"),
         "content/guides/chart.svg", "files"),
    Case("HTML file", write_file("content/guides/page.html", b"<script>alert('HubxHtml')</script>"),
         "content/guides/page.html", "files"),
    Case("image that is really HTML", write_file("content/guides/chart.png", b"<script>alert(1)</script>",
                                                 "![A bar chart](chart.png)"), "content/guides/chart.png", "files"),
    Case("billion laughs", set_key("summary", BILLION_LAUGHS), GUIDE, "front-matter"),
    Case("value cut at #", set_key("summary", "Join the chat using the hashtag #ExpOfCare."), GUIDE, "front-matter"),
    Case("markup in a data file", write_file("content/_data/contacts.yml", b"team:\n  note: <script>x</script>\n"),
         "content/_data/contacts.yml", "plain-text"),
    Case("aliases in a data file", write_file("content/_data/contacts.yml", b"a: &a [1, 2]\nb: [*a, *a]\n"),
         "content/_data/contacts.yml", "data"),
    Case("script in the body", add_to_body("<script>alert('HubxBody')</script>"), GUIDE, "unsafe-html"),
    Case("event handler in the body", add_to_body('<img src="x.png" alt="A chart" onerror="alert(1)">'),
         GUIDE, "unsafe-html"),
    Case("javascript: link", add_to_body("[Click for help](javascript:alert(1))"), GUIDE, "unsafe-html"),
    Case("handler in an attribute list", add_to_body('## Help { onclick="alert(1)" }'), GUIDE, "unsafe-html"),
    Case("iframe", add_to_body('<iframe src="https://example.org"></iframe>'), GUIDE, "unsafe-html"),
]


@pytest.fixture(scope="module", params=ENGINES)
def good(request, tmp_path_factory):
    """A small good site per edition, built once: the last good site every case must leave alone."""
    engine = request.param
    tmp = tmp_path_factory.mktemp(f"hostile-{engine}")
    source = tmp / "source"
    write_site(source, benign_fields())
    out = tmp / "site"
    config = hub_config.load(source / "mkdocs.yml")
    errors = [f.format() for f in pipeline.build(config, engine=engine, out=out) if f.severity == ERROR]
    assert not errors, errors
    return engine, source, out, snapshot(out)


def case_copy(source: Path, tmp: Path) -> hub_config.HubConfig:
    shutil.copytree(source / "content", tmp / "content")
    return hub_config.load(hub_config.write_copy(tmp / "content", tmp / "mkdocs.yml",
                                                 lambda raw: raw.update(_settings(source))))


def _settings(source: Path) -> dict:
    import yaml

    raw = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    return {k: raw[k] for k in ("site_name", "site_description", "copyright", "extra")}


class LiveScript(HTMLParser):
    """Finds what would run: script elements with code, event handler attributes, javascript: addresses."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self._in_script = tag == "script" and values.get("type") not in ("application/json", "application/ld+json")
        for key, value in attrs:
            if key.startswith("on"):
                self.live.append(f"<{tag} {key}=…>")
            if key in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.live.append(f"<{tag} {key}={value}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and ("alert(" in data or "Hubx" in data):
            self.live.append(f"<script>{data.strip()[:60]}")


def live_payloads(site: Path) -> list[str]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".svg", ".xml") and path.is_file():
            parser = LiveScript()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            found += [f"{path.relative_to(site)}: {what}" for what in parser.live]
        if path.is_file() and b"HubxSecretText" in path.read_bytes():
            found.append(f"{path.relative_to(site)}: a file from outside content/")
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_is_refused_naming_the_file_and_the_last_good_site_survives(good, case, tmp_path):
    engine, source, out, before = good
    config = case_copy(source, tmp_path)
    case.mutate(tmp_path)
    started = time.perf_counter()
    findings = pipeline.build(config, engine=engine, out=out)
    elapsed = time.perf_counter() - started

    errors = [f for f in findings if f.severity == ERROR]
    named = [f for f in errors if f.path == case.path and f.check == case.check]
    assert named, f"no {case.check} error naming {case.path}: " + "; ".join(f.format() for f in errors)
    assert all(f.fix for f in named), "every error says how to fix it"
    assert elapsed < 30, f"one file held the build for {elapsed:.0f} s"
    assert snapshot(out) == before, "the last good site was changed"
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".site-")] == [], "a staging folder was left"

    if not case.renders:
        return
    # What the engine alone makes of it (as a preview would): rendered, with nothing live.
    preview = tmp_path / "preview"
    pipeline.render(config, engine=engine, out=preview)
    assert live_payloads(preview) == []


def test_check_reports_every_hostile_input_at_once(tmp_path, capsys):
    """All cases in one pull request: `check` names every file in one run and exits 1."""
    source = tmp_path / "source"
    write_site(source, benign_fields())
    work = tmp_path / "work"
    config = case_copy(source, work)
    for case in CASES:
        if case.check != "front-matter":  # a page whose front matter cannot be read stops the render
            case.mutate(work)
    code = cli.main(["--config", str(config.path), "check"])
    printed = capsys.readouterr().out
    assert code == 1
    for case in CASES:
        if case.check != "front-matter":
            assert case.path in printed, f"{case.name}: {case.path} not named"
