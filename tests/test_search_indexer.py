"""Unit tests for the search indexer: sections, fields, synonyms, acronyms, spelling variants, output."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from checks_fixtures import write_owners

from hub import config as hub_config_module
from hub.content import load_site
from search import (
    acronyms,
    index_files,
    indexer,
    lunr_index,
    sections,
    vocabulary,
    words,
)
from search.spelling import Speller
from search.terms import Terms

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
owner: experience-of-care
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


def test_ampersands_and_phone_numbers_are_words_too():
    assert words.words("Go to A&E") == ["go", "to", "a", "e", "ae"]
    assert words.words("call 03000 616161.") == ["call", "03000", "616161", "03000616161"]
    assert words.words("in 2016, 450 members") == ["in", "2016", "450", "members"]


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
    write_owners(content)
    site = load_site(content, root)
    assert not [f for f in site.findings if f.severity == "error"]
    config = hub_config_module.load(ROOT / "mkdocs.yml")
    stats = indexer.build_index(site_dir, config, site, offline=False)
    return site_dir, site, config, stats


def _scripts(folder: Path) -> dict:
    out = {}
    for f in sorted(folder.rglob("*.js")):
        name, data = re.match(r'hub(?:Search|Suggest)\.add\("([^"]+)",(.*)\);\n$', f.read_text(encoding="utf-8"),
                              re.S).groups()
        out[name] = json.loads(data)
    return out


def _pages(data: dict) -> list:
    """Each page's document, in page order, from the files that hold several pages each."""
    per_file = data["manifest"]["pagesPerFile"]
    count = len(data["manifest"]["pages"]["sections"])
    return [data[f"d{n // per_file}"][n % per_file] for n in range(count)]


def test_index_has_one_document_per_section_grouped_by_page_and_skips_excluded_pages(small_site):
    site_dir, _, _, stats = small_site
    data = _scripts(site_dir / "assets/search/index")
    pages = _pages(data)
    assert stats["sections"] == data["manifest"]["sections"] == 6 and stats["pages"] == 2
    assert [p[0] for p in pages] == ["guides/carers/", "guides/fft/"]
    assert data["manifest"]["pages"]["sections"] == [3, 3]
    assert [s[:2] for s in pages[0][3]] == [["", ""], ["why-it-matters", "Why it matters"], ["for-staff", "For staff"]]
    assert pages[1][1:3] == ["Friends and Family Test", "How the FFT works."]
    assert not any("hidden" in p[0] for p in pages)


def test_fields_boosts_and_page_boost_reach_the_weights(small_site):
    site_dir, *_ = small_site
    data = _scripts(site_dir / "assets/search/index")
    m = data["manifest"]
    assert m["fields"] == list(lunr_index.DEFAULT_FIELDS)
    shard_terms = [data[f"p{n}"]["terms"].split("\n") for n in range(len(m["shards"]["first"]))]
    lexicon = [t for terms in shard_terms for t in terms]
    assert lexicon == sorted(lexicon)
    assert m["shards"]["first"] == [terms[0] for terms in shard_terms]
    for term in ("fft", "famili", "coproduct", "organis", "carer", "guid", "public", "staff", "feedback"):
        assert term in lexicon, term
    assert "organ" not in lexicon and "secret" not in lexicon

    def weights(term):
        shard = max(i for i, first in enumerate(m["shards"]["first"]) if first <= term)
        row = data[f"p{shard}"]["rows"][shard_terms[shard].index(term)]
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
    assert len(m["pages"]["meta"]) == len(m["pages"]["sections"]) == 2


def test_output_is_deterministic(small_site, tmp_path):
    site_dir, site, config, _ = small_site
    folder = site_dir / "assets/search"
    first = {f.relative_to(folder).as_posix(): f.read_bytes() for f in folder.rglob("*") if f.is_file()}
    indexer.build_index(site_dir, config, site, offline=False)
    again = {f.relative_to(folder).as_posix(): f.read_bytes() for f in folder.rglob("*") if f.is_file()}
    assert first == again


def test_index_files_are_in_a_folder_named_by_their_hash(small_site):
    site_dir, *_ = small_site
    index = site_dir / "assets/search/index"
    manifest = _scripts(index)["manifest"]
    folders = [f for f in index.iterdir() if f.is_dir()]
    assert [f.name + "/" for f in folders] == [manifest["base"]]
    assert {f.name for f in folders[0].iterdir()} >= {"p0.js", "d0.js"}


def test_the_pinned_minified_lunr_js_and_the_client_are_copied_into_the_site(small_site):
    site_dir, *_ = small_site
    lunr_js = (site_dir / "assets/search/lunr.min.js").read_bytes()
    assert lunr_js == (ROOT / "node_modules/lunr/lunr.min.js").read_bytes()
    assert b"2.3.9" in lunr_js[:200]
    assert not (site_dir / "assets/search/lunr.js").exists()
    client = (site_dir / "assets/search/hub-search.js").read_text(encoding="utf-8")
    assert client.index("window.hubTerms = factory") < client.index("window.hubSearch = api")


def test_a_missing_or_wrong_lunr_package_is_a_clear_error(small_site, tmp_path, monkeypatch):
    site_dir, site, config, _ = small_site
    monkeypatch.setattr(indexer, "LUNR_PACKAGE", tmp_path / "lunr")
    with pytest.raises(vocabulary.VocabularyError) as e:
        indexer.build_index(site_dir, config, site, offline=False)
    assert "lunr.js is not installed" in str(e.value) and "./setup.sh" in str(e.value)
    (tmp_path / "lunr").mkdir()
    (tmp_path / "lunr/package.json").write_text('{"version": "2.3.8"}')
    with pytest.raises(vocabulary.VocabularyError, match="needs lunr 2.3.9"):
        indexer.build_index(site_dir, config, site, offline=False)


def test_index_text_is_escaped_for_a_script_context():
    payload = index_files.script("d0", ["</script><script>alert(1)</script>", "A&E \u2028 \u2029 <!--"]).decode()
    assert "<" not in payload and ">" not in payload and "&" not in payload
    assert "\u2028" not in payload and "\u2029" not in payload
    body = re.match(r'hubSearch\.add\("d0",(.*)\);\n$', payload, re.S).group(1)
    assert json.loads(body) == ["</script><script>alert(1)</script>", "A&E \u2028 \u2029 <!--"]


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
    terms = Terms(Speller(vocabulary.load().spellings))
    ours = lunr_index.lunr_index(docs, lunr_index.DEFAULT_FIELDS, terms)
    theirs = lunr_index.new_builder(lunr_index.DEFAULT_FIELDS)
    for n, doc in enumerate(docs):  # lunr's own add, with each field given as its list of terms
        theirs.add({"id": str(n), **lunr_index.doc_terms(doc, terms)}, {"boost": doc.boost} if doc.boost != 1 else None)
    assert json.dumps(ours.serialize(), sort_keys=True) == json.dumps(theirs.build().serialize(), sort_keys=True)


@pytest.mark.parametrize("text, pairs", [
    ("It also helps integrated care systems (ICSs). An ICS is", [("ICS", "integrated care systems")]),
    ("Contact the Patient Advice and Liaison Service (PALS).", [("PALS", "Patient Advice and Liaison Service")]),
    ("Go to accident and emergency (A&E) now.", [("A&E", "accident and emergency")]),
    ("The GP Patient Survey (GPPS) asks", [("GPPS", "GP Patient Survey")]),
    ("The National Cancer Patient Experience Survey (CPES)", [("CPES", "Cancer Patient Experience Survey")]),
    ("PHSO (Parliamentary and Health Service Ombudsman) decides.",
     [("PHSO", "Parliamentary and Health Service Ombudsman")]),
    ("a hospital (GP) visit, or call 111 (NHS 111)", []),  # the initials do not spell it
    ("the (FFT) on its own", []),
])
def test_acronyms_spelled_out_in_the_text_are_harvested(text, pairs):
    assert acronyms.harvest(text) == pairs


def _page_html(body: str) -> str:
    return f"<html><body><main><div data-hub-content>{body}</div></main></body></html>"


def test_boilerplate_sections_stay_out_and_acronyms_join_the_synonyms(tmp_path):
    content, site_dir = tmp_path / "content", tmp_path / "site"
    (content / "guides").mkdir(parents=True)
    write_owners(content)
    (content / "guides/pals.md").write_text(FRONT.format(title="Get help from PALS", summary="Help in hospital.", extra=""))
    out = site_dir / "guides/pals/index.html"
    out.parent.mkdir(parents=True)
    out.write_text(_page_html(
        "<p>The Patient Advice and Liaison Service (PALS) helps. So do integrated care systems (ICSs).</p>"
        "<h2 id='how'>How to get in touch</h2><p>Ask at the ward.</p>"
        "<h2 id='sources'>Sources</h2><p>NHS website: zebracrossing</p>"
        "<h2 id='related'>Related  pages</h2><p>Unicornword</p>"))
    site = load_site(content, tmp_path)
    config = hub_config_module.load(ROOT / "mkdocs.yml")
    config.raw.setdefault("extra", {}).setdefault("hub", {}).setdefault("search", {})["skip_headings"] = ["related pages"]
    indexer.build_index(site_dir, config, site, offline=False)
    data = _scripts(site_dir / "assets/search/index")
    assert [s[0] for s in _pages(data)[0][3]] == ["", "how"]
    lexicon = "\n".join(data[k]["terms"] for k in data if re.fullmatch(r"p\d+", k)).split("\n")
    assert "zebracross" not in lexicon and "unicornword" not in lexicon
    groups = data["manifest"]["synonyms"]
    pals = [g for g in groups if ["pal"] in g]
    assert len(pals) == 1 and ["patient", "advic", "liaison", "servic"] in pals[0]
    # synonyms.yml's "ICS, integrated care system" and the page's "(ICSs)" are one group.
    ics = [g for g in groups if ["ic"] in g]
    assert len(ics) == 1 and ["icss"] in ics[0] and ["integr", "care", "system"] in ics[0]


def test_synonym_groups_sharing_a_phrase_are_merged_in_a_stable_order():
    terms = Terms(Speller({}))
    got = indexer.synonym_groups([["FFT", "friends and family test"], ["carer", "caregiver"],
                                  ["Friends and Family Test", "friends & family test", "F.F.T"]], terms)
    assert got == [[["fft"], ["friend", "famili", "test"], ["f", "f", "t"]], [["carer"], ["caregiv"]]]


def test_written_words_by_length_for_the_spelling_pass(small_site):
    site_dir, *_ = small_site
    data = _scripts(site_dir / "assets/search/index")
    lengths = data["manifest"]["words"]
    assert lengths == sorted(lengths)
    eight = data["w8"]["words"].split("\n")
    assert eight == sorted(eight) and "question" in eight and all(len(w) == 8 for w in eight)
    assert len(data["w8"]["counts"]) == len(eight)
    assert not any(any(c.isdigit() for c in w) for n in lengths for w in data[f"w{n}"]["words"].split("\n"))


def test_the_manifest_does_not_hold_the_lexicon(small_site):
    """The manifest is fetched before every first search: what grows with the site is in shards."""
    site_dir, *_ = small_site
    manifest = (site_dir / "assets/search/index/manifest.js").read_text(encoding="utf-8")
    assert '"question"' not in manifest and '"matter"' not in manifest


def test_the_rows_the_builder_makes_are_the_ones_lunrs_field_vectors_give(small_site):
    """CountingBuilder writes the browser's rows while it works out the weights; they must be
    exactly the rows read back out of lunr's field vectors."""
    docs = [indexer.Doc(url=f"p{n}/", title=t, heading=h, text=x, summary="", type="guide" if n == 0 else "",
                        audience=["public"] if n == 0 else [], topics=[], boost=b)
            for n, (t, h, x, b) in enumerate([
                ("Friends and Family Test", "", "The FFT asks about care. Care, care and more care.", 1),
                ("", "Why it matters", "Co-production with carers, organizations. Care.", 1),
                ("", "Support", "Unpaid carers get support. Carers' rights and care.", 3),
            ])]
    index = lunr_index.lunr_index(docs, lunr_index.DEFAULT_FIELDS, Terms(Speller(vocabulary.load().spellings)))
    assert index.rows == lunr_index.rows_from_vectors(index)
    assert len(index.rows) > 15 and any(len(row) > 2 for row in index.rows.values())


@pytest.mark.parametrize("value", ["Sources", [["Sources"]], [3]])
def test_skip_headings_must_be_a_list_of_headings(value):
    config = hub_config_module.load(ROOT / "mkdocs.yml")
    config.raw["extra"]["hub"]["search"]["skip_headings"] = value
    with pytest.raises(hub_config_module.ConfigError, match="skip_headings"):
        indexer.skipped_headings(config)
