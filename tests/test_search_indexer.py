"""Unit tests for the search indexer: sections, fields, synonyms, spelling variants, output."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hub import config as hub_config_module
from hub.content import load_site
from search import indexer, sections, vocabulary, words
from search.spelling import Speller

ROOT = Path(__file__).resolve().parent.parent

PAGE = """<html><body><header><form role="search"><input name="q"></form></header>
<main><article><h1>The Friends and Family Test</h1>
<div data-hub-content>
<p>The <abbr>FFT</abbr> asks one question about your care.</p>
<h2 id="why-it-matters">Why it matters</h2>
<p>Co-production with carers helps every organization.</p><script>var secret = 1;</script>
<h3 id="for-staff">For staff <a class="headerlink" href="#for-staff">¶</a></h3>
<ul><li>Read the comments</li><li>Act on them</li></ul>
<h2>No id here</h2><p>Still part of the staff section.</p>
</div></article></main><footer>Footer text</footer></body></html>"""

FRONT = """---
title: {title}
summary: {summary}
type: guide
audience: [public, staff]
topics: [feedback]
last_reviewed: 2026-11-22
next_review: 2027-11-22
{extra}---

Body.
"""


def test_sections_split_on_h2_h3_with_ids_and_skip_scripts_and_permalinks():
    got = sections.split_sections(PAGE)
    assert [(s.anchor, s.heading) for s in got] == [
        ("", ""), ("why-it-matters", "Why it matters"), ("for-staff", "For staff")]
    assert got[0].text == "The FFT asks one question about your care."
    assert "secret" not in got[1].text and "Footer" not in " ".join(s.text for s in got)
    assert got[2].text == "Read the comments Act on them No id here Still part of the staff section."


def test_sections_fall_back_to_article_when_there_is_no_content_marker():
    html = "<main><article><h1>T</h1><p>Intro words.</p><h2 id='a'>A</h2><p>Alpha.</p></article></main>"
    assert [(s.anchor, s.text) for s in sections.split_sections(html)] == [("", "Intro words."), ("a", "Alpha.")]


def test_sections_leave_out_hidden_parts_and_keep_words_apart():
    html = ("<div data-hub-content><p>One<br>two &amp; three</p><div hidden>secret</div>"
            "<span aria-hidden=\"true\">icon</span><!-- a comment --></span>"
            "<div class=\"note hub-search-ignore\"><h2 id=\"not-here\">Ignored</h2></div>"
            "<h2 id=\"next\">Next <em>steps</em><a class=\"headerlink\" href=\"#next\">¶</a></h2>"
            "<ul><li>Ask</li><li>Act</li></ul></div><p>After the content</p>")
    got = sections.split_sections(html)
    assert [(s.anchor, s.heading, s.text) for s in got] == [
        ("", "", "One two & three"), ("next", "Next steps", "Ask Act")]


def test_words_join_hyphenated_words_and_ignore_symbols():
    assert words.words("Co-production, <b>care</b>! 🙂 +x ~y") == ["co", "production", "coproduction", "b", "care", "b", "x", "y"]
    assert words.words("people’s views") == ["people's", "views"]


@pytest.mark.parametrize("american, british", [
    ("organization", "organisation"), ("organizations", "organisations"), ("recognize", "recognise"),
    ("analyze", "analyse"), ("behavior", "behaviour"), ("behaviors", "behaviours"), ("color", "colour"),
    ("center", "centre"), ("pediatric", "paediatric"), ("counseling", "counselling"),
])
def test_speller_folds_american_to_british(american, british):
    speller = Speller(vocabulary.load().spellings)
    assert speller.fold(american) == british
    assert speller.fold(british) == british


def test_speller_leaves_short_and_unrelated_words_alone():
    speller = Speller(vocabulary.load().spellings)
    for word in ("size", "seize", "doctor", "care", "colony"):
        assert speller.fold(word) == word


def test_vocabulary_reports_every_problem_with_its_line(tmp_path):
    bad = tmp_path / "synonyms.yml"
    bad.write_text("synonyms:\n  - [FFT]\n  - [a, '', b]\nspellings:\n  color: colour\n  color: colour\n  grey: grey\nextra: 1\n")
    with pytest.raises(vocabulary.VocabularyError) as e:
        vocabulary.load(bad)
    lines = sorted(f.line for f in e.value.findings)
    assert lines == [2, 3, 6, 7, 8]
    assert all(f.fix for f in e.value.findings)


def test_the_shipped_vocabulary_has_the_groups_the_hub_relies_on():
    groups = [{w.lower() for w in g} for g in vocabulary.load().synonyms]
    for pair in (("fft", "friends and family test"), ("carer", "unpaid carer"), ("carer", "caregiver"),
                 ("co-production", "coproduction"), ("co-production", "co-design"), ("gp", "general practice"),
                 ("cqc", "care quality commission")):
        assert any(set(pair) <= g for g in groups), pair


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """Three pages of built HTML with their content model: one boosted, one excluded."""
    root = tmp_path_factory.mktemp("idx")
    content, site_dir = root / "content", root / "site"
    (content / "guides").mkdir(parents=True)
    pages = {
        "guides/fft.md": ("Friends and Family Test", "How the FFT works.", ""),
        "guides/carers.md": ("Support for carers", "Help for unpaid carers.", "search:\n  boost: 3\n"),
        "guides/hidden.md": ("Hidden page", "Never found.", "search:\n  exclude: true\n"),
    }
    for src, (title, summary, extra) in pages.items():
        (content / src).write_text(FRONT.format(title=title, summary=summary, extra=extra))
        out = site_dir / src[:-3] / "index.html"
        out.parent.mkdir(parents=True)
        out.write_text(PAGE.replace("The Friends and Family Test", title))
    site = load_site(content, root)
    assert not [f for f in site.findings if f.severity == "error"]
    config = hub_config_module.load(ROOT / "mkdocs.yml")
    stats = indexer.build_index(site_dir, config, site, offline=False)
    return site_dir, site, config, stats


def _scripts(folder: Path) -> dict:
    out = {}
    for f in sorted(folder.glob("*.js")):
        name, data = re.match(r'hubSearch\.add\("([^"]+)",(.*)\);\n$', f.read_text(encoding="utf-8"), re.S).groups()
        out[name] = json.loads(data)
    return out


def test_index_has_one_document_per_section_and_skips_excluded_pages(small_site):
    site_dir, _, _, stats = small_site
    data = _scripts(site_dir / "assets/search/index")
    docs = [d for n in sorted(k for k in data if k.startswith("d")) for d in data[n]]
    assert stats["sections"] == len(docs) == 6
    urls = [d[0] for d in docs]
    assert urls[:3] == ["guides/carers/", "guides/carers/#why-it-matters", "guides/carers/#for-staff"]
    assert not any("hidden" in u for u in urls)
    assert docs[4][1:3] == ["Friends and Family Test", "Why it matters"]


def test_fields_boosts_and_page_boost_reach_the_weights(small_site):
    site_dir, *_ = small_site
    data = _scripts(site_dir / "assets/search/index")
    m = data["manifest"]
    assert m["fields"] == list(indexer.DEFAULT_FIELDS)
    lexicon = m["lexicon"].split("\n")
    assert lexicon == sorted(lexicon)
    for term in ("fft", "famili", "coproduct", "organis", "carer", "guid", "public", "staff", "feedback"):
        assert term in lexicon, term
    assert "organ" not in lexicon and "secret" not in lexicon

    def weights(term):
        pos = lexicon.index(term)
        shard = max(i for i, s in enumerate(m["shards"]["starts"]) if s <= pos)
        row = data[f"p{shard}"][pos - m["shards"]["starts"][shard]]
        out, i = {}, 0
        while i < len(row):
            field, n, doc = m["fields"][row[i]], row[i + 1], 0
            i += 2
            for _ in range(n):
                doc += row[i]
                out[(field, doc)] = row[i + 1]
                i += 2
        return out

    # "why" is in the heading and "staff" in body text of the same kind of section on both pages:
    # the carers page is boosted 3x, so its weights are 3x the FFT page's.
    w = weights("matter")
    assert w[("heading", 1)] == pytest.approx(3 * w[("heading", 4)], rel=0.01)
    # A heading counts for more than body text.
    assert weights("comment")[("body", 5)] < w[("heading", 4)]


def test_synonyms_and_spellings_are_shipped_normalised(small_site):
    site_dir, *_ = small_site
    m = _scripts(site_dir / "assets/search/index")["manifest"]
    groups = m["synonyms"]
    assert any(["fft"] in g and ["friend", "famili", "test"] in g for g in groups)
    assert any(["coproduct"] in g and ["codesign"] in g for g in groups)
    assert m["spellings"]["behavior"] == "behaviour"
    assert m["docs"]["meta"] and len(m["docs"]["meta"]) == m["docs"]["count"]


def test_output_is_deterministic(small_site, tmp_path):
    site_dir, site, config, _ = small_site
    first = {f.name: f.read_bytes() for f in (site_dir / "assets/search/index").iterdir()}
    indexer.build_index(site_dir, config, site, offline=False)
    again = {f.name: f.read_bytes() for f in (site_dir / "assets/search/index").iterdir()}
    assert first == again


def test_client_and_lunr_js_are_copied_into_the_site(small_site):
    site_dir, *_ = small_site
    lunr_js = (site_dir / "assets/search/lunr.js").read_text(encoding="utf-8")
    assert "2.3.9" in lunr_js
    assert (site_dir / "assets/search/hub-search.js").is_file()


def test_a_broken_vocabulary_stops_the_index_with_file_and_line(small_site, tmp_path, monkeypatch):
    site_dir, site, config, _ = small_site
    bad = tmp_path / "synonyms.yml"
    bad.write_text("synonyms:\n  - [FFT, Friends and Family Test]\n  - just words\n")
    monkeypatch.setattr(vocabulary, "DATA_FILE", bad)
    with pytest.raises(vocabulary.VocabularyError) as e:
        indexer.build_index(site_dir, config, site, offline=False)
    assert [(f.line, f.path.endswith("synonyms.yml")) for f in e.value.findings] == [(3, True)]
    assert "synonyms.yml:3:" in str(e.value)


def test_counted_builder_makes_exactly_the_index_lunr_builder_add_makes():
    """CountingBuilder.add_counted is a faster way in; the index must be byte for byte lunr's."""
    docs = [indexer.Doc(url=f"p{n}/", title=t, heading=h, text=x, summary=s, type="guide",
                        audience=["public", "staff"], topics=["feedback"], boost=b)
            for n, (t, h, x, s, b) in enumerate([
                ("Friends and Family Test", "", "The FFT asks about care. Care, care and more care.", "One question.", 1),
                ("Friends and Family Test", "Why it matters", "Co-production with carers, organizations.", "", 1),
                ("Carers", "Support", "Unpaid carers get support. Carers' rights.", "Help for carers.", 3),
            ])]
    speller = Speller(vocabulary.load().spellings)
    spelling = indexer.register_speller(speller)
    terms = indexer.Terms()
    ours = indexer.lunr_index(docs, indexer.DEFAULT_FIELDS, speller, terms)
    theirs = indexer.new_builder(indexer.DEFAULT_FIELDS, spelling)
    for n, doc in enumerate(docs):  # lunr's own add, with each field given as its list of terms
        theirs.add({"id": str(n), **indexer.doc_terms(doc, terms)}, {"boost": doc.boost} if doc.boost != 1 else None)
    assert json.dumps(ours.serialize(), sort_keys=True) == json.dumps(theirs.build().serialize(), sort_keys=True)
