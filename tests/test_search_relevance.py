"""The search relevance suite, in Chromium, on both editions.

Every query in tests/search_queries.yml is typed into the real search page of the
real site (built once per session by the mkdocs_site and pelican_site fixtures), and
the pages it shows are compared with the page that answers it. Prints success@1,
success@3 and mean reciprocal rank for each edition, and for each kind of query; the
targets are issue 18's (issue 11 asked for MRR 0.90 over its 100 queries).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import LoopbackServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))["queries"]
SUCCESS_AT_3 = 0.95
MRR = 0.92
# The kinds of query issue 18 added: how people describe their own situation.
SITUATION_KINDS = {"situation", "colloquial", "emotional", "partial", "shorthand"}
SHOWN = 10  # results on the first page


def expected_urls(entry: dict) -> list[str]:
    from hub.content.model import url_for

    return [url_for(p) for p in entry.get("pages") or [entry["page"]]]


def run_suite(page, base: str, site_dir: Path) -> list[dict]:
    """Each query with the pages it should find and the rank of the first of them (None: not shown)."""
    page.goto(base + "search/")
    page.wait_for_function("() => window.hubSearch && window.hubSearch.ready")
    page.evaluate("window.hubSearch.ready")
    rows = []
    for entry in QUERIES:
        wanted = expected_urls(entry)
        present = [u for u in wanted if (site_dir / u / "index.html").is_file()]
        page.evaluate("(q) => window.hubSearch.search(q)", entry["q"])
        shown = page.eval_on_selector_all(
            "#search-results > li > .hub-result__title a",
            "links => links.map(a => new URL(a.href).pathname)")
        shown = [s.lstrip("/") for s in shown][:SHOWN]
        rank = next((n for n, url in enumerate(shown, 1) if url in present), None)
        rows.append({**entry, "wanted": present, "shown": shown, "rank": rank, "scored": bool(present),
                     "suggestion": page.inner_text("#search-suggestions").strip()})
    return rows


def figures(rows: list[dict]) -> dict:
    scored = [r for r in rows if r["scored"]]
    n = len(scored) or 1
    return {
        "queries": n,
        "success@1": sum(1 for r in scored if r["rank"] == 1) / n,
        "success@3": sum(1 for r in scored if r["rank"] and r["rank"] <= 3) / n,
        "mrr": sum(1 / r["rank"] for r in scored if r["rank"]) / n,
    }


def report(edition: str, rows: list[dict]) -> str:
    f = figures(rows)
    lines = [f"search relevance, {edition}: {f['queries']} queries, success@1 {f['success@1']:.1%}, "
             f"success@3 {f['success@3']:.1%}, MRR {f['mrr']:.3f}"]
    for kind in sorted({r["kind"] for r in rows if r["scored"]}):
        k = figures([r for r in rows if r["kind"] == kind])
        lines.append(f"  {kind}: {k['queries']} queries, success@1 {k['success@1']:.1%}, "
                     f"success@3 {k['success@3']:.1%}, MRR {k['mrr']:.3f}")
    ranks = [f"{r['q']!r} {r['rank'] or '-'}" for r in rows if r.get("issue18")]
    lines.append("  issue 18's examples, rank of the answer: " + "; ".join(ranks))
    for r in rows:
        if not r["scored"]:
            lines.append(f"  not scored (its page is not in the content yet): {r['q']!r}")
        elif r["rank"] != 1:
            lines.append(f"  {r['q']!r}: wanted {r['wanted'][0]} at rank {r['rank'] or '-'}; "
                         f"shown {r['shown'][:3]}")
    return "\n".join(lines)


@pytest.fixture(scope="module", params=["mkdocs", "pelican"])
def suite(request, browser):
    site_dir = request.getfixturevalue("mkdocs_site" if request.param == "mkdocs" else "pelican_site")
    server = LoopbackServer(site_dir)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        rows = run_suite(context.new_page(), server.url, site_dir)
    finally:
        context.close()
        server.close()
    capsys = request.config.pluginmanager.getplugin("capturemanager")
    with capsys.global_and_fixture_disabled():
        print("\n" + report(request.param, rows))
    return request.param, rows


def test_the_suite_has_at_least_60_scored_queries_of_every_kind(suite):
    _, rows = suite
    assert sum(r["scored"] for r in rows) >= 60
    kinds = {r["kind"] for r in rows if r["scored"]}
    assert kinds >= {"question", "word", "acronym", "typo", "name", "number", "phone", "email", "punctuation"}
    assert kinds >= SITUATION_KINDS


def test_issue_18_added_at_least_60_queries_in_peoples_own_words(suite):
    _, rows = suite
    assert sum(r["kind"] in SITUATION_KINDS for r in rows) >= 60


def test_relevance_meets_the_targets(suite):
    edition, rows = suite
    f = figures(rows)
    assert f["success@3"] >= SUCCESS_AT_3 and f["mrr"] >= MRR, report(edition, rows)


def test_every_query_an_issue_named_is_found(suite):
    edition, rows = suite
    missed = [(r["q"], r["rank"], r["shown"][:3]) for r in rows
              if r.get("issue") and r["scored"] and not (r["rank"] and r["rank"] <= 3)]
    assert not missed, missed
    wrong_first = [(r["q"], r["shown"][:1]) for r in rows if r.get("first") and r["scored"] and r["rank"] != 1]
    assert not wrong_first, wrong_first


def test_every_example_issue_18_gave_is_in_the_first_three(suite):
    edition, rows = suite
    examples = [r for r in rows if r.get("issue18")]
    assert len(examples) == 10 and all(r["scored"] for r in examples)
    missed = [(r["q"], r["rank"], r["shown"][:3]) for r in examples if not (r["rank"] and r["rank"] <= 3)]
    assert not missed, (edition, missed)


def test_words_spelt_right_that_the_site_does_not_use_get_no_did_you_mean(suite):
    """'rude', 'nurse' and the like are not on the site: search finds their related words
    and the phrases people use, and never offers to 'correct' them ('rule')."""
    _, rows = suite
    offered = [(r["q"], r["suggestion"]) for r in rows
               if r["kind"] in SITUATION_KINDS - {"partial"} and r["suggestion"]]
    assert not offered, offered


def test_typos_are_corrected_with_a_did_you_mean_link(suite):
    _, rows = suite
    by_query = {r["q"]: r for r in rows}
    assert "Did you mean hospital?" in by_query["hosptial"]["suggestion"]
    assert "Did you mean hospital feedback?" in by_query["hosptial feedback"]["suggestion"]
    assert "Did you mean friends and family test?" in by_query["frends and famly test"]["suggestion"]
