"""The search benchmark still runs (at 20 pages, so it stays quick); the real runs are by hand."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


def test_benchmark_runs_and_prints_its_table(browser):
    import search_bench

    results = search_bench.run(20, browser=browser)
    for kind in ("hub", "material", "pagefind"):
        assert results[kind]["first_ms"] > 0 and results[kind]["bytes_gz"] > 0
        assert isinstance(results[kind]["rss_mb"], float) and results[kind]["heap_mb"] > 0
    # Pagefind's own files are what it fetched: its UI, its wasm and its index.
    assert results["pagefind"]["files"] >= 4 and results["pagefind_seconds"] > 0
    assert results["hub"]["warm_p90"] > 0 and results["index_seconds"] > 0
    # lunr.js's share is timed inside each query, so it can never exceed the whole query.
    hub = results["hub"]
    assert 0 <= hub["warm_lunr_p50"] <= hub["warm_p50"] and hub["warm_lunr_p90"] <= hub["warm_p90"]
    # Suggestions were timed after every key press from the second letter on, and some were shown.
    assert hub["suggest_presses"] == sum(len(w) - 1 for w in search_bench.SUGGEST_WORDS)
    assert 0 < hub["suggest_p50"] <= hub["suggest_p90"] and hub["suggest_shown"] > 0
    table = search_bench.table(results)
    assert table.startswith("| Measure | Hub | Material | Pagefind |") and "first result" in table
