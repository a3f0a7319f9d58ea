"""Progress lines for long commands: a line each tenth of the way, on standard error, never on the report."""
from __future__ import annotations

import io

from hub.progress import Progress


def test_progress_says_how_far_in_tenths_and_ends_at_the_total():
    out = io.StringIO()
    progress = Progress("Accessibility pass", 40, "page views", stream=out, every_seconds=3600)
    for _ in range(40):
        progress.step()
    lines = out.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0].startswith("Accessibility pass: 4 of 40 page views (10%)")
    assert lines[-1].startswith("Accessibility pass: 40 of 40 page views (100%)")


def test_a_slow_step_is_reported_even_within_a_tenth():
    out = io.StringIO()
    progress = Progress("Benchmark", 1000, "queries", stream=out, every_seconds=0)
    progress.step()
    assert out.getvalue().startswith("Benchmark: 1 of 1000 queries (0%)")
