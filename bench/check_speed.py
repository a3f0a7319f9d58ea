"""How long `python build.py check` takes: on the real content, on 1,000 generated pages, and the axe pass.

    .venv/bin/python bench/check_speed.py              # all three
    .venv/bin/python bench/check_speed.py --no-a11y    # skip the browser pass
    .venv/bin/python bench/check_speed.py --pages 200  # a smaller generated set

This is a benchmark, not a test: it prints a table of timings (and the
machine's core count) for the README. Targets (issue 5, on a 2-core machine):
check without the browser under 10 s for the real content and under 60 s for
1,000 pages; the axe pass over the real content under 3 minutes. The Nu HTML
checker, which `check --a11y` runs too, is timed on its own on each set.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hub import checks, config as hub_config, pipeline  # noqa: E402
from hub.checks import html_validity  # noqa: E402
from hub.content import load_site  # noqa: E402
from hub.findings import ERROR  # noqa: E402

WORDS = ("care feedback patients carers staff listen improve service survey ward nurse family "
         "people local team change better experience together plan voice share help").split()


def temp_config(tmp: Path, content: Path):
    """A mkdocs.yml like the real one, building `content` with the real theme and hooks."""
    return hub_config.load(hub_config.write_copy(content, tmp / "mkdocs.yml"))


def generate(content: Path, total: int) -> int:
    """Add generated guides to a copy of the real content until there are `total` pages."""
    existing = sum(1 for _ in content.rglob("*.md"))
    (content / "guides" / "images").mkdir(parents=True, exist_ok=True)
    (content / "guides" / "images" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    count = max(0, total - existing)
    for i in range(count):
        words = [WORDS[(i * 7 + j * 3) % len(WORDS)] for j in range(60)]
        sentences = [" ".join(words[k:k + 10]).capitalize() + "." for k in range(0, 60, 10)]
        body = "\n".join([
            "## What this is", "", " ".join(sentences[:3]), "",
            "## What you can do", "", f"- {sentences[3]}", f"- {sentences[4]}", "",
            f"See [the next guide](generated-{(i + 1) % count:04d}.md#what-you-can-do) "
            f"and [what this is](#what-this-is).", "",
            "![A bar chart of survey answers](images/chart.png)", "",
            "### Sources", "", "- [NHS England: patient experience](https://www.england.nhs.uk/)", ""])
        (content / "guides" / f"generated-{i:04d}.md").write_text(
            f"---\ntitle: \"Generated guide {i:04d}\"\nsummary: A generated page for the benchmark.\n"
            f"type: guide\naudience: [public]\ntopics: [feedback]\nowner: experience-of-care\nlast_reviewed: 2026-11-01\n"
            f"next_review: 2027-11-01\n---\n\n{body}", encoding="utf-8")
    return sum(1 for _ in content.rglob("*.md"))


def timed_check(config) -> dict:
    """The steps of `check` (no browser), each timed, then the whole of it as `build.py check` runs it."""
    times = {}
    t = time.perf_counter()
    site = load_site(config.content_dir, config.root)
    times["load content"] = time.perf_counter() - t
    t = time.perf_counter()
    checks.source_checks(site, config)
    times["source checks"] = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        pipeline.render(config, engine="mkdocs", out=Path(tmp) / "site")
        times["render (MkDocs)"] = time.perf_counter() - t
        for check in checks.BUILT:
            t = time.perf_counter()
            check(site, Path(tmp) / "site", config)
            times[f"built: {check.__module__.rsplit('.', 1)[-1]}"] = time.perf_counter() - t
        t = time.perf_counter()
        html_validity.run(site, Path(tmp) / "site", config)
        times["(--a11y only) Nu HTML checker, one Java start"] = time.perf_counter() - t
    t = time.perf_counter()
    findings = pipeline.build(config, out=config.root / "site", publish=False)
    times["TOTAL check (as build.py runs it)"] = time.perf_counter() - t
    times["errors found"] = sum(1 for f in findings if f.severity == ERROR)
    return times


def timed_a11y(config) -> dict:
    from hub.checks import a11y

    site = load_site(config.content_dir, config.root)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        pipeline.render(config, engine="mkdocs", out=out)
        pages = len(a11y.built_urls(out))
        t = time.perf_counter()
        findings = a11y.run(site, out, config)
        return {"pages": pages, "page views (x4)": pages * len(a11y.VIEWS),
                "TOTAL axe + keyboard pass": time.perf_counter() - t, "errors found": len(findings)}


def table(title: str, rows: dict) -> str:
    width = max(len(k) for k in rows)
    lines = [f"\n{title}", "-" * (width + 12)]
    for k, v in rows.items():
        lines.append(f"{k:<{width}}  {v:>8.2f} s" if isinstance(v, float) else f"{k:<{width}}  {v:>8}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000, help="pages in the generated set (default: %(default)s)")
    ap.add_argument("--no-a11y", action="store_true", help="skip the browser pass")
    ap.add_argument("--no-generated", action="store_true", help="skip the generated set")
    args = ap.parse_args()
    os.chdir(ROOT)
    print(f"Machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")

    real = hub_config.load(ROOT / "mkdocs.yml")
    print(table(f"check, real content ({len(load_site(real.content_dir, real.root).pages)} pages)", timed_check(real)))

    if not args.no_generated:
        with tempfile.TemporaryDirectory() as tmp:
            content = Path(tmp) / "content"
            shutil.copytree(real.content_dir, content)
            count = generate(content, args.pages)
            print(table(f"check, generated content ({count} pages)", timed_check(temp_config(Path(tmp), content))))

    if not args.no_a11y:
        print(table("axe-core and keyboard pass, real content", timed_a11y(real)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
