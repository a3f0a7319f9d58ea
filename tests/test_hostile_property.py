"""Property: random hostile text in every contributor field changes what pages say, never what they are.

Every free-text value a pull request can set (front matter, content/_data/, mkdocs.yml) is
filled with random mixtures of quotes, angle brackets, `{{ }}`, `{% %}`, `</script>`,
Markdown and attribute-list syntax, character codes, control characters and direction
marks (tests/hostile.py). Each edition renders it with no checks at all, as the engine
alone would, and every file it writes must be:
- the same document as the benign build's: the same files, and in every HTML and XML
  file the same elements with the same attributes in the same order, so no value became
  markup anywhere (a page title, a meta description, the feed, the navigation, generated
  pages, structured data);
- well formed: XML parses, every JSON block and search index file parses;
- faithful: each value is there as text, its control characters replaced, never dropped.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile import FIELDS, benign_fields, hostile_fields, marker, write_site

from hub import pipeline
from hub.content.frontmatter import CONTROL

pytestmark = pytest.mark.slow

ENGINES = ("mkdocs", "pelican")
SEEDS = (11, 22, 33)
# Search index files are named by a hash of what they hold; they are compared by parsing instead.
SEARCH_INDEX = "assets/search/index/"
SEARCH_SCRIPT = re.compile(r'^hub(?:Search|Suggest)\.add\(("[^"]*"),(.*)\);\n$', re.S)


class Structure(HTMLParser):
    """An HTML document as its elements and attribute names, and its text and attribute values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shape: list[str] = []
        self.values: list[str] = []
        self.json_blocks: list[str] = []
        self._json = False

    def handle_starttag(self, tag, attrs):
        self.shape.append(f"<{tag} {' '.join(name for name, _ in attrs)}>")
        self.values += [value for _, value in attrs if value]
        self._json = tag == "script" and dict(attrs).get("type") in ("application/json", "application/ld+json")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.shape.append(f"</{tag}>")
        self._json = False

    def handle_data(self, data):
        self.values.append(data)
        if self._json:
            self.json_blocks.append(data)


def parse_html(path: Path) -> Structure:
    s = Structure()
    s.feed(path.read_text(encoding="utf-8"))
    s.close()
    return s


def xml_shape(path: Path) -> list[str]:
    return [f"{el.tag} {' '.join(sorted(el.attrib))}" for el in ET.parse(path).getroot().iter()]


def build(tmp: Path, engine: str, fields: dict[str, str]) -> Path:
    config = write_site(tmp, fields)
    out = tmp / "site"
    pipeline.render(config, engine=engine, out=out)
    return out


def published(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith(SEARCH_INDEX)}


def expected_text(value: str) -> str:
    """A value as a reader sees it: control characters replaced, runs of white space as one space."""
    return " ".join(CONTROL.sub("\ufffd", value).split())


@pytest.fixture(scope="module", params=ENGINES)
def benign_site(request, tmp_path_factory):
    engine = request.param
    return engine, build(tmp_path_factory.mktemp(f"benign-{engine}"), engine, benign_fields())


@pytest.mark.parametrize("seed", SEEDS)
def test_hostile_text_in_every_field_is_published_as_text_only(benign_site, seed, tmp_path):
    engine, benign = benign_site
    fields = hostile_fields(seed)
    site = build(tmp_path, engine, fields)
    assert published(site) == published(benign)

    shown: set[str] = set()  # fields whose whole value some page shows as text
    for rel in sorted(published(site)):
        path, before = site / rel, benign / rel
        if rel.endswith(".html"):
            page, reference = parse_html(path), parse_html(before)
            assert page.shape == reference.shape, f"{rel}: a value changed the document's structure"
            for block in page.json_blocks:
                json.loads(block)
            text = " ".join(" ".join(v.split()) for v in page.values)
            shown |= {name for name in FIELDS if expected_text(fields[name]) in text}
        elif rel.endswith(".xml"):
            assert xml_shape(path) == xml_shape(before), f"{rel}: a value changed the feed's structure"
        elif rel.endswith((".json", ".webmanifest")):
            json.loads(path.read_text(encoding="utf-8"))
    # Every file of the index, the suggestions (which hold titles) among them.
    for script in sorted((site / SEARCH_INDEX).rglob("*.js")):
        raw = script.read_text(encoding="utf-8")
        m = SEARCH_SCRIPT.match(raw)
        assert m, f"{script.name} is not one hubSearch.add(name, data) (or hubSuggest.add) call"
        json.loads(m.group(2))
        assert "<" not in raw and not CONTROL.search(raw), f"{script.name} holds raw markup or control characters"

    # Titles, summaries, names and labels appear whole, as text, on some page.
    must_show = {"guide.title", "guide.summary", "other.title", "contact.title", "contact.summary",
                 "contact.label", "contact.note", "news.title", "news.summary",
                 "config.site_name", "config.route_heading", "config.route_text", "config.route_title",
                 "config.help_title"}
    assert must_show <= shown, f"not shown whole as text: {sorted(must_show - shown)}"
    assert all(marker(name) for name in FIELDS)
