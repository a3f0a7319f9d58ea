"""The search client's parts in Node, without a browser: query understanding, ranking, suggestions.

A small site is built and indexed by the real indexer; tests/search_node.js runs
hub-terms.js, hub-index.js, hub-query.js, hub-rank.js and hub-suggest.js over its files
with the pinned lunr.js, as the search page would. Only the page parts (hub-page.js,
hub-suggest-page.js) touch the document, and they are tested in Chromium.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from checks_fixtures import OWNER, write_owners
from hub import config as hub_config
from hub.content import load_site
from search import indexer

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "search" / "client"
HARNESS = ROOT / "tests" / "search_node.js"

FRONT = """---
title: "{title}"
summary: "{summary}"
type: guide
audience: [public, staff]
topics: [fixture]
last_reviewed: 2026-11-22
next_review: 2027-11-22
owner: {owner}
{extra}---

Body.
"""
PAGES = {
    "complain": ("Complain about care", "How to complain.", 'search:\n  phrases: ["rude staff", "fobbed off"]\n',
                 "<p>You can complain to the service.</p><h2 id='how'>How to complain</h2><p>Write to them.</p>"),
    "codes": ("Rules of practice", "The rules staff follow.", "", "<p>These codes say what staff must do.</p>"),
    "codesign": ("Co-design with patients", "Design services together.", "", "<p>Co-design means working together.</p>"),
    "self-assessment": ("A self-assessment tool", "Check your service.", "", "<p>Use the self-assessment.</p>"),
    "doctor": ("Seeing a doctor", "What happens when you see one.", "", "<p>Book an appointment to see them.</p>"),
    "appointments": ("Booking", "How to book.", "", "<p>Call the surgery to book an appointment.</p>"),
    "family-doctor": ("Your family doctor", "Who they are.", "", "<p>Someone who knows you.</p>"),
    "hospital": ("Hospital visits", "Visiting times.", "", "<p>Visit the hospital wards. The hospital is open.</p>"),
    "page-a": ("Page one", "A page.", "", "<p>We take care of you.</p>"),
    "page-b": ("Page two", "Another page.", "", "<p>Our careers team.</p>"),
    "staff": ("Staff", "Who works here.", "", "<p>Our staff and their staff rooms.</p>"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("client")
    content, site_dir = root / "content", root / "site"
    (content / "guides").mkdir(parents=True)
    for name, (title, summary, extra, body) in PAGES.items():
        (content / "guides" / f"{name}.md").write_text(FRONT.format(title=title, summary=summary, extra=extra, owner=OWNER))
        out = site_dir / "guides" / name / "index.html"
        out.parent.mkdir(parents=True)
        out.write_text(f"<main><h1>{title}</h1><div data-hub-content>{body}</div></main>", encoding="utf-8")
    write_owners(content)
    loaded = load_site(content, root)
    assert not [f for f in loaded.findings if f.severity == "error"]
    indexer.build_index(site_dir, hub_config.load(ROOT / "mkdocs.yml"), loaded, offline=False)
    return site_dir


def node(site_dir: Path, queries: list[str], mode: str = "", client: Path = CLIENT) -> list[dict]:
    done = subprocess.run(["node", str(HARNESS), str(site_dir), *([mode] if mode else [])],
                          input=json.dumps({"queries": queries}), capture_output=True, text=True, check=True,
                          env={**os.environ, "HUB_CLIENT_DIR": str(client)})
    return json.loads(done.stdout)


def search(site_dir: Path, *queries: str) -> dict:
    return {r["q"]: r for r in node(site_dir, list(queries))}


def urls(answer: dict) -> list[str]:
    return [r["url"] for r in answer["results"]]


# --- the parts and the build --------------------------------------------------------------

def test_the_client_is_in_parts_of_at_most_400_lines_and_only_the_page_parts_touch_the_document():
    parts = sorted(CLIENT.glob("*.js"))
    assert {p.name for p in parts} >= {"hub-terms.js", "hub-files.js", "hub-index.js", "hub-query.js", "hub-rank.js",
                                       "hub-page.js", "hub-suggest.js", "hub-suggest-page.js"}
    # One loader: only hub-files.js keeps the files that are loading (the others load through it).
    assert [p.name for p in parts if "waiting[" in p.read_text(encoding="utf-8")] == ["hub-files.js"]
    for part in parts:
        code = part.read_text(encoding="utf-8")
        assert len(code.splitlines()) <= 400, part.name
        without_comments = re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.S)
        touches = bool(re.search(r"\b(document|window\.location|location\.)", without_comments))
        assert touches == part.name.endswith("-page.js"), part.name


def test_the_build_serves_each_bundle_as_its_parts_one_after_the_other_without_comment_lines(site, tmp_path):
    assets = site / "assets" / "search"
    for bundle, parts in (("hub-search.js", indexer.CLIENT_PARTS), ("hub-suggest.js", indexer.SUGGEST_PARTS)):
        whole = "\n".join((CLIENT / p).read_text(encoding="utf-8") for p in parts)
        served = (assets / bundle).read_text(encoding="utf-8")
        assert served == indexer.served(whole) and len(served) < 0.85 * len(whole)
        subprocess.run(["node", "--check", str(assets / bundle)], check=True)
    # The parts without their comments do exactly what they did.
    bare = tmp_path / "client"
    bare.mkdir()
    for part in CLIENT.glob("*.js"):
        (bare / part.name).write_text(indexer.served(part.read_text(encoding="utf-8")), encoding="utf-8")
    queries = ["care", "hosptial visits", "impolite", "co-des", "physician appointment", "they didn't listen"]
    assert node(site, queries, client=bare) == node(site, queries)
    assert node(site, ["comp", "co-des"], "--suggest", client=bare) == node(site, ["comp", "co-des"], "--suggest")
    assert (assets / "accessible-autocomplete.min.js").read_bytes() == \
        (ROOT / "node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js").read_bytes()


def test_one_decoder_reads_every_postings_row():
    script = r"""
    const ix = require(process.argv[1])(null, require(process.argv[2])(null));
    const seen = [];
    // field 0: sections 2 and 5 (gaps 2, 3); field 3: section 4
    ix.eachPosting([0, 2, 2, 1500, 3, 250, 3, 1, 4, 75], (f, s, w) => { seen.push([f, s, w]); });
    const first = [];
    ix.eachPosting([0, 2, 2, 1500, 3, 250], (f, s) => { first.push(s); return true; });
    process.stdout.write(JSON.stringify([seen, first]));
    """
    out = subprocess.run(["node", "-e", script, str(CLIENT / "hub-index.js"), str(CLIENT / "hub-files.js")],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [[[0, 2, 1500], [0, 5, 250], [3, 4, 75]], [2]]


def test_an_index_of_another_format_is_refused_with_a_clear_message(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    manifest = copy / "assets/search/index/manifest.js"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"version":4', '"version":3'), encoding="utf-8")
    done = subprocess.run(["node", str(HARNESS), str(copy)], input='{"queries": ["care"]}', capture_output=True, text=True)
    assert done.returncode != 0 and "the search index is format 3, this page reads format 4" in done.stderr


# --- query understanding ------------------------------------------------------------------

def test_the_word_being_typed_counts_as_a_prefix_hyphenated_or_not(site):
    found = search(site, "self-ass", "co-des", "hospi")
    assert urls(found["self-ass"])[0] == "guides/self-assessment/"
    assert urls(found["co-des"])[0] == "guides/codesign/"
    assert urls(found["hospi"])[0] == "guides/hospital/"
    assert found["co-des"]["concepts"][-1]["prefix"] == "codes"


def test_a_prefix_match_ranks_below_the_whole_word(site):
    found = search(site, "care")["care"]
    assert urls(found).index("guides/page-a/") < urls(found).index("guides/page-b/")  # "care" above "careers"


def test_contractions_and_stop_words_are_left_out_of_the_query(site):
    found = search(site, "they didn't listen", "whats wrong im worried")
    assert [c["text"] for c in found["they didn't listen"]["concepts"]] == ["listen"]
    assert [c["text"] for c in found["whats wrong im worried"]["concepts"]] == ["wrong", "worried"]
    assert found["whats wrong im worried"]["suggestion"] is None  # not "chats"


def test_a_typo_is_corrected_with_a_did_you_mean(site):
    found = search(site, "hosptial", "hosptial visits")
    assert found["hosptial"]["suggestion"] == "hospital"
    assert urls(found["hosptial"])[0] == "guides/hospital/"
    assert found["hosptial visits"]["suggestion"] == "hospital visits"


@pytest.mark.parametrize("q", ["impolite", "physician", "rude nurse", "nurse", "grumble"])
def test_a_word_spelt_right_that_no_page_uses_is_never_corrected(site, q):
    assert search(site, q)[q]["suggestion"] is None


def test_a_word_the_pages_use_is_never_corrected_however_rare(site):
    assert search(site, "practice", "wards")["practice"]["suggestion"] is None


def test_related_words_from_wordnet_find_what_the_pages_call_it(site):
    found = search(site, "impolite", "physician")
    assert urls(found["impolite"])[0] == "guides/complain/"  # "rude staff"
    assert "guides/doctor/" in urls(found["physician"])[:2]
    alts = {tuple(terms): boost for terms, boost in found["physician"]["concepts"][0]["alts"]}
    assert 0 < alts[("doctor",)] <= 0.3  # weighted below synonyms (0.7) and words (1)


def test_a_form_of_a_word_the_stemmer_does_not_join_counts_as_the_word(site):
    found = search(site, "staffed")["staffed"]
    assert urls(found)[0] == "guides/staff/" and found["suggestion"] is None
    assert [["staff"], 0.9] in found["concepts"][0]["alts"]


def test_related_words_never_put_a_page_above_one_with_the_words_typed(site):
    found = search(site, "physician appointment")["physician appointment"]
    order = urls(found)
    # Both words (one as a related word) first; then the exact word before the related word alone.
    assert order[0] == "guides/doctor/"
    assert order.index("guides/appointments/") < order.index("guides/family-doctor/")
    first = found["results"][0]
    assert (first["met"], first["exact"]) == (2, 1)


def test_without_the_related_words_table_queries_of_words_on_the_site_rank_the_same(site, tmp_path):
    queries = ["care", "complain", "rude staff", "hospital visits", "co-design", "self-assessment", "appointment"]
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    for f in (copy / "assets/search/index").rglob("r*.js"):
        f.unlink()
    assert node(site, queries) == node(copy, queries)
    # With the table missing (offline, say), a word no page has is not replaced or "corrected".
    missing = search(copy, "hosptial")["hosptial"]
    assert missing["suggestion"] is None and urls(missing)[0] == "guides/hospital/"


# --- suggestions ----------------------------------------------------------------------------

def suggest(site_dir: Path, *queries: str) -> dict:
    return {r["q"]: r["options"] for r in node(site_dir, list(queries), "--suggest")}


def test_suggestions_are_page_titles_and_phrases_that_match_as_typed(site):
    got = suggest(site, "comp", "rude", "how do i comp", "co-des", "fob", "xq", "c")
    assert got["comp"][0] == {"text": "Complain about care", "url": "guides/complain/"}
    assert {"text": "rude staff", "url": ""} in got["rude"]
    assert got["how do i comp"][0]["url"] == "guides/complain/"  # stop words need not match
    assert got["co-des"][0]["text"] == "Co-design with patients"
    assert got["fob"] == [{"text": "fobbed off", "url": ""}]
    assert got["xq"] == [] and got["c"] == []


def test_suggestions_match_every_word_typed_and_the_best_come_first(site):
    got = suggest(site, "doctor", "family doc", "seeing doc")
    assert [o["text"] for o in got["doctor"]][:2] == ["Seeing a doctor", "Your family doctor"]
    # "family doctor" is also a phrase (synonyms.yml's GP group): both words, in both.
    assert [o["text"] for o in got["family doc"]] == ["family doctor", "Your family doctor"]
    assert [o["text"] for o in got["seeing doc"]] == ["Seeing a doctor"]


def test_suggestion_files_hold_no_markup_and_are_filed_by_their_words(site):
    index = site / "assets/search/index"
    manifest = json.loads(re.match(r'hubSuggest\.add\("suggest",(.*)\);\n$',
                                   (index / "suggest.js").read_text(encoding="utf-8"), re.S).group(1))
    assert manifest["version"] == 4 and "co" in manifest["keys"] and "a" in manifest["stop"].split()
    co = json.loads(re.match(r'hubSuggest\.add\("s\d+",(.*)\);\n$',
                             (index / manifest["base"] / f"s{manifest['keys'].index('co')}.js").read_text(), re.S)
                    .group(1))
    assert ["Complain about care", "guides/complain/"] in co and ["Co-design with patients", "guides/codesign/"] in co


def test_a_synonym_no_page_has_is_recognised_but_never_looked_up(site):
    """synonyms.yml's "pt" means patient: typed, it finds "patients"; but "patient" does not
    fetch the shard for "pt", which no page here uses (the manifest's synonymsFound)."""
    found = search(site, "pt", "patient")
    assert "guides/codesign/" in urls(found["pt"])  # "Co-design with patients"
    looked_up = {tuple(terms) for terms, _ in found["patient"]["concepts"][0]["alts"]}
    assert ("patient",) in looked_up and ("pt",) not in looked_up
