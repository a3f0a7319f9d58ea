"""Benchmark the hub's search against Material's own search and Pagefind, on the same generated content.

    .venv/bin/python bench/search_bench.py --pages 1000 5000

Generates N guide pages of about 750 words and builds them three ways in one run:
(a) the hub: MkDocs + theme/material/ + hooks + the compile-time index in search/ (or, with
    --engine pelican, the NHS.UK edition: the same index and search page);
(b) plain Material with its own search plugin and the same Markdown extensions;
(c) Pagefind (pagefind_bin from PyPI) run over the hub's built HTML, searched with
    Pagefind's default UI on a page of its own.
It serves all three on loopback and measures in headless Chromium:

- cold: from navigating to the search page with ?q= (hub; Pagefind's page starts its
  UI with triggerSearch) or opening a page and typing the query into Material's search
  box, to the first result on screen;
- bytes: gzip size of the search files whose request started before the first result (by
  the browser's own clock: a file requested just after it, such as the hub's suggestions,
  which load once the first results show, is not counted however soon Python hears of it)
  (Python's http.server does not compress, so each file is gzipped here; Pagefind's
  index files are gzipped already, so they count as they are);
- warm: further queries on the hub's page, to results rendered (p50/p90 over
  WARM_ROUNDS rounds of WARM_QUERIES, after a first round that loads their shards);
- suggestions: on a content page of the hub, each of SUGGEST_WORDS typed into the header's
  search box a key at a time (real key presses in Chromium); for every key press from
  the second letter on, the time from the key going down to the frame that draws the
  suggestions for the text now in the box (p50/p90);
- memory: growth of the renderer process (RSS, which includes Material's search
  worker) from a blank page on the same site to the first result, and the main
  thread's JS heap;
- indexing time and build times (Pagefind's is its own run over the built site).

Prints a Markdown table for each size. Not part of the test suite
(tests/test_search_bench.py only runs it at 20 pages so it cannot rot).
"""
from __future__ import annotations

import argparse
import gzip
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hub.progress import Progress  # noqa: E402  (the repository is on the path from here)

COLD_QUERY = "patient feedback"
BLANK = "bench-blank.html"
KINDS = ("hub", "material", "pagefind")
# Pagefind's default UI on a page of its own, started from ?q= (no inline script).
PAGEFIND_PAGE = "pagefind-search.html"
PAGEFIND_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Search</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link href="pagefind/pagefind-ui.css" rel="stylesheet">
<script src="pagefind/pagefind-ui.js"></script>
<script src="pagefind-start.js"></script>
</head><body><main><h1>Search</h1><div id="search"></div></main></body></html>
"""
PAGEFIND_START = """window.addEventListener("DOMContentLoaded", function () {
  var ui = new PagefindUI({ element: "#search" });
  var q = new URLSearchParams(location.search).get("q");
  if (q) ui.triggerSearch(q);
});
"""
WARM_QUERIES = ["carers", "friends and family test", "co-production", "survey results", "complaints",
                "staff experience", "improvement plan", "organization", "feedbak", "national surveys",
                "listening", "community voice", "hospital discharge", "access", "quality"]
# Typed into the header's box a letter at a time, to time the suggestions after each key press.
SUGGEST_WORDS = ["patient", "experience", "carers", "feedback", "community", "improvement", "hospital", "survey",
                 "staff", "network", "listening", "quality"]
# Each warm query is timed this many times (after a first round that loads its shards), so
# the 90th percentile is taken over enough samples that one garbage collection cannot set it.
WARM_ROUNDS = 5


# --- generated content ------------------------------------------------------------------

def vocabulary(rng: random.Random) -> tuple[list[str], list[int], list[str]]:
    """The seed documents' words with how often each is used there, plus a long tail of rarer made-up words.

    Sampling words by their real frequency gives the mix real text has: the commonest
    words are little ones ("the", "and", "of") that search leaves out, and subject words
    ("care", "experience") come next. An earlier version ranked the seed words
    alphabetically for its Zipf weights, so words starting with "a" or "c" ("access",
    "carers") appeared in nearly every section and the rest hardly at all.
    """
    import re
    from collections import Counter

    seeds = Path("/work/shared/seeds")
    text = " ".join(p.read_text(encoding="utf-8", errors="ignore") for p in sorted(seeds.glob("*.txt"))) if seeds.exists() else ""
    counts = Counter(re.findall(r"[a-z]{2,}", text.lower()))
    if len(counts) < 200:  # no seeds here: a small stand-in with the same shape
        counts = Counter({w: 60 // (i + 1) + 1 for i, w in enumerate(
            "the and of to care experience is in for nhs are with that we work patient health on people improvement "
            "this services can you experiences england by network how always week patients who what share or from "
            "better their more staff feedback carer service improve survey family friends test hospital community "
            "voice listen".split())})
    common = sorted(counts)
    letters = "abcdefghijklmnoprstuvwy"
    rare = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(5, 11))) for _ in range(40_000)})
    return common, [counts[w] for w in common], rare


def generate(folder: Path, pages: int, seed: int = 4) -> None:
    rng = random.Random(seed)
    common, weights, rare = vocabulary(rng)
    guides = folder / "guides"
    guides.mkdir(parents=True)
    (folder / "index.md").write_text("---\ntitle: Benchmark hub\nsummary: Generated pages.\ntype: page\n"
                                     "owner: hub-maintainers\n"
                                     "last_reviewed: 2026-11-22\nnext_review: 2027-11-22\n---\n\nGenerated.\n")
    (folder / "search.md").write_text((ROOT / "content" / "search.md").read_text(encoding="utf-8"))
    (folder / "_data").mkdir()
    (folder / "_data" / "owners.yml").write_bytes((ROOT / "content" / "_data" / "owners.yml").read_bytes())

    def sentence() -> str:
        n = rng.randint(8, 18)
        words = [rng.choice(rare) if rng.random() < 0.04 else rng.choices(common, weights)[0] for _ in range(n)]
        return " ".join(words).capitalize() + "."

    for n in range(pages):
        title = " ".join(rng.choices(common, weights, k=4)).capitalize() + f" {n}"
        audience = rng.choice(["[public]", "[staff]", "[public, staff]"])
        parts = [f"---\ntitle: \"{title}\"\nsummary: \"{sentence()}\"\ntype: guide\naudience: {audience}\n"
                 f"topics: [{rng.choice(['feedback', 'carers', 'surveys', 'co-production'])}]\n"
                 "owner: experience-of-care\nlast_reviewed: 2026-11-22\nnext_review: 2027-11-22\n---\n"]
        for s in range(5):
            parts.append(f"\n## {' '.join(rng.choices(common, weights, k=3)).capitalize()} {s}\n")
            for _ in range(2):
                parts.append("\n" + " ".join(sentence() for _ in range(5)) + "\n")
        (guides / f"page-{n:05d}.md").write_text("".join(parts), encoding="utf-8")


# --- the two builds ---------------------------------------------------------------------

def hub_config(work: Path, content: Path) -> Path:
    from hub import config

    def edit(raw):
        # Both builds list only the home page in the navigation: Material otherwise repeats every
        # page's link on every page, and the pages (and build times) grow with the square of the site.
        raw["nav"] = ["index.md"]
        # The generated home page is a plain page: the real home layout wants the real site's links.
        raw["extra"]["hub"].get("layouts", {}).get("pages", {}).pop("index.md", None)
        raw["extra"]["hub"].pop("home", None)  # its routes lead to pages the generated site does not have
        raw["extra"]["hub"]["search"].pop("help", None)  # and so does the search page's help

    return config.write_copy(content, work / "hub.yml", edit)


def material_config(work: Path, content: Path) -> Path:
    """Plain Material with its own search, turning the Markdown into HTML the way the hub does.

    The Markdown extensions are the hub's (mkdocs.yml), so both builds make the same
    HTML of the same content; what differs is the theme, the hooks and the search.
    """
    hub = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    raw = {"site_name": "Benchmark", "docs_dir": str(content), "theme": {"name": "material", "font": False},
           "plugins": ["search"], "exclude_docs": "_data/\n", "nav": ["index.md"],
           "markdown_extensions": hub.get("markdown_extensions") or []}
    path = work / "material.yml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return path


def build_hub(config_path: Path, out: Path, engine: str = "mkdocs") -> tuple[float, float]:
    from hub import config as hub_config_module
    from hub import pipeline
    import search
    from hub.content import load_site

    cfg = hub_config_module.load(config_path)
    started = time.perf_counter()
    findings = pipeline.build(cfg, engine=engine, out=out, run_checks=False)
    build_seconds = time.perf_counter() - started
    errors = [f.format() for f in findings if f.severity == "error"]
    if errors:
        raise SystemExit("hub build failed:\n" + "\n".join(errors[:10]))
    # Index again on its own, to report how long indexing takes (same output, deterministic).
    site = load_site(cfg.content_dir, cfg.root)
    started = time.perf_counter()
    search.build_index(out, cfg, site, offline=False)
    return build_seconds, time.perf_counter() - started


def build_pagefind(hub_site: Path, out: Path) -> float:
    """Pagefind over a copy of the hub's built HTML, with its default settings; returns its indexing time."""
    shutil.copytree(hub_site, out)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(out), "--silent"], check=True)
    seconds = time.perf_counter() - started
    (out / PAGEFIND_PAGE).write_text(PAGEFIND_HTML, encoding="utf-8")
    (out / "pagefind-start.js").write_text(PAGEFIND_START, encoding="utf-8")
    return seconds


def build_material(config_path: Path, out: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    started = time.perf_counter()
    build(load_config(str(config_path), site_dir=str(out)))
    return time.perf_counter() - started


# --- measuring in Chromium --------------------------------------------------------------

FIRST_RESULT_WATCH = """
(selector) => {
  window.__firstResult = null;
  new MutationObserver((_, obs) => {
    if (window.__firstResult === null && document.querySelector(selector)) {
      window.__firstResult = performance.now();
      obs.disconnect();
    }
  }).observe(document, {subtree: true, childList: true});
}
"""


def gzip_size(site: Path, path: str) -> int:
    """What the file costs over a gzipping server: its gzipped size, or its own size if that is smaller
    (Pagefind's index files are gzipped already)."""
    file = site / path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return 0
    raw = file.read_bytes()
    return min(len(raw), len(gzip.compress(raw, 6, mtime=0)))


def renderer_rss_mb(browser) -> float:
    """Resident memory of the renderer processes (the page, with any workers it started)."""
    session = browser.new_browser_cdp_session()
    try:
        info = session.send("SystemInfo.getProcessInfo")
    finally:
        session.detach()
    total = 0
    for proc in info["processInfo"]:
        if proc["type"] != "renderer":
            continue
        try:
            for line in Path(f"/proc/{proc['id']}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def js_heap_mb(page) -> float:
    cdp = page.context.new_cdp_session(page)
    cdp.send("HeapProfiler.collectGarbage")
    cdp.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    cdp.detach()
    return metrics.get("JSHeapUsedSize", 0) / 1e6


def first_result_within(page, timeout_ms: int) -> bool:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("() => window.__firstResult !== null", timeout=timeout_ms)
        return True
    except PlaywrightTimeout:
        return False


def measure(browser, base: str, site: Path, kind: str) -> dict:
    from urllib.parse import quote, urlparse

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = []  # every request (workers' too, as Material's index is fetched by one)

    def on_request(request):
        requests.append(request)

    # Memory is measured as growth of the renderer from a blank page on the same site, so the
    # browser's own baseline is not counted; the renderer includes Material's search worker.
    page.goto(base + BLANK)
    js_heap_mb(page)
    baseline = renderer_rss_mb(browser)
    page.on("request", on_request)
    if kind == "hub":
        selector = "#search-results li"
        page.add_init_script(f"({FIRST_RESULT_WATCH})({selector!r})")
        page.goto(base + "search/?q=" + quote(COLD_QUERY), wait_until="commit")
    elif kind == "pagefind":
        # The result's title link: Pagefind's UI draws a placeholder first, then the result.
        selector = ".pagefind-ui__result-link"
        page.add_init_script(f"({FIRST_RESULT_WATCH})({selector!r})")
        page.goto(base + PAGEFIND_PAGE + "?q=" + quote(COLD_QUERY), wait_until="commit")
    else:
        selector = ".md-search-result__item"
        page.add_init_script(f"({FIRST_RESULT_WATCH})({selector!r})")
        page.goto(base, wait_until="commit")
        # Type only once Material's script has set up its components (it then sets
        # window.component$): keys typed before that are lost on a busy machine, and the
        # search never runs. The time still counts from the start of the navigation.
        page.wait_for_load_state("domcontentloaded")
        page.wait_for_function("() => window.component$ !== undefined")
        page.wait_for_selector("input.md-search__input", state="attached")
        page.click("label.md-header__button[for=__search]") if page.is_visible("label.md-header__button[for=__search]") else None
        page.focus("input.md-search__input")
        page.keyboard.type(COLD_QUERY)
    # The first result counts from the start of the navigation to when it is in the page
    # (the watcher above); whether it is visible yet does not matter.
    if not first_result_within(page, 60_000) and kind == "material":
        # Material's search once showed nothing in a CI run. Type the query again, as a person
        # would: the time still counts from the navigation, so this can only cost Material.
        page.fill("input.md-search__input", "")
        page.keyboard.type(COLD_QUERY)
    if not first_result_within(page, 60_000):
        state = page.evaluate("""() => [document.querySelector("input[name=q]")?.value,
            document.querySelector(".md-search-result__meta, #search-status")?.textContent?.trim()]""")
        raise RuntimeError(f"{kind}: no search result within 120 s; the search box holds {state[0]!r} "
                           f"and the page says {state[1]!r}")
    first_ms = page.evaluate("window.__firstResult")
    # The first result's time on the wall clock, as the browser reports when each request started.
    cutoff = page.evaluate("performance.timeOrigin + window.__firstResult")
    fetched = [urlparse(r.url).path for r in requests if 0 < r.timing["startTime"] <= cutoff]
    if kind == "hub":
        search_files = [p for p in fetched if "/assets/search/" in p]
    elif kind == "pagefind":
        search_files = [p for p in fetched if p.startswith("/pagefind/") or p.endswith("/pagefind-start.js")]
    else:
        search_files = [p for p in fetched if "search" in p.rsplit("/", 1)[-1] or "lunr" in p]
    out = {
        "first_ms": first_ms,
        "bytes_gz": sum(gzip_size(site, p) for p in search_files),
        "files": len(search_files),
        "heap_mb": js_heap_mb(page),
        "rss_mb": renderer_rss_mb(browser) - baseline,
    }
    if kind == "hub":
        times, lunr_times = [], []
        for q in WARM_QUERIES * (1 + WARM_ROUNDS):
            took, timings = page.evaluate(
                "async (q) => { const t = performance.now(); await window.hubSearch.search(q);"
                " return [performance.now() - t, window.hubSearch.timings]; }", q)
            times.append(took)
            lunr_times.append(timings["lunr"])
        warm = times[len(WARM_QUERIES):]  # the later rounds: every shard a query needs is loaded
        cold_warm = times[:len(WARM_QUERIES)]
        out["warm_p50"] = statistics.median(warm)
        out["warm_p90"] = statistics.quantiles(warm, n=10)[-1]
        # The part of each warm query spent inside lunr.js's Index.query (the client's own timing).
        warm_lunr = lunr_times[len(WARM_QUERIES):]
        out["warm_lunr_p50"] = statistics.median(warm_lunr)
        out["warm_lunr_p90"] = statistics.quantiles(warm_lunr, n=10)[-1]
        out["new_query_p90"] = statistics.quantiles(cold_warm, n=10)[-1]
    context.close()
    if kind == "hub":
        out.update(measure_suggestions(browser, base))
    return out


KEY_TIMES = """
window.__keys = [];
document.addEventListener("keydown", e => window.__keys.push(performance.now()), true);
"""


def measure_suggestions(browser, base: str) -> dict:
    """Key press to suggestions drawn, in the header's box of a content page (see the docstring)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(KEY_TIMES)
    page.goto(base + "guides/page-00001/")
    page.wait_for_function("() => window.hubSuggest && window.hubSuggest.ready")
    page.evaluate("window.hubSuggest.ready")
    box = page.locator("input[name=q]").first
    times, shown = [], 0
    for word in SUGGEST_WORDS:
        box.fill("")
        box.focus()
        for n in range(1, len(word) + 1):
            page.keyboard.press(word[n - 1])
            if n < 2:
                continue  # one letter: too short for suggestions
            typed = word[:n]
            page.wait_for_function("(q) => window.hubSuggest.drawn && window.hubSuggest.drawn.q === q", arg=typed)
            took, count = page.evaluate("() => [window.hubSuggest.drawn.at - window.__keys[window.__keys.length - 1],"
                                        " window.hubSuggest.drawn.count]")
            times.append(took)
            shown += count > 0
    context.close()
    return {"suggest_p50": statistics.median(times), "suggest_p90": statistics.quantiles(times, n=10)[-1],
            "suggest_presses": len(times), "suggest_shown": shown}


def run_builds(pages: int, keep: Path | None = None, engine: str = "mkdocs") -> dict:
    """Generate and build both ways, timing each build; no browser (--build-only)."""
    work = Path(tempfile.mkdtemp(prefix="hub-bench-", dir=keep))
    progress = Progress(f"Benchmark, {pages:,} pages", 4, "steps")
    try:
        content = work / "content"
        generate(content, pages)
        progress.step(done="pages generated")
        hub_build, index_seconds = build_hub(hub_config(work, content), work / "hub-site", engine)
        progress.step(done=f"hub built in {hub_build:.1f} s")
        material_build = build_material(material_config(work, content), work / "material-site")
        progress.step(done=f"Material built in {material_build:.1f} s")
        pagefind_seconds = build_pagefind(work / "hub-site", work / "pagefind-site")
        progress.step(done=f"Pagefind indexed in {pagefind_seconds:.1f} s")
        return {"pages": pages, "hub_build": hub_build, "index_seconds": index_seconds,
                "material_build": material_build, "pagefind_seconds": pagefind_seconds}
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def build_table(r: dict) -> str:
    return "\n".join([
        "| Pages | Hub build | Material build | Hub ÷ Material | Indexing (in hub build) | Pagefind indexing |",
        "|---|---|---|---|---|---|",
        f"| {r['pages']:,} | {r['hub_build']:.1f} s | {r['material_build']:.1f} s "
        f"| {r['hub_build'] / r['material_build']:.2f}× | {r['index_seconds']:.1f} s | {r['pagefind_seconds']:.1f} s |"])


def run(pages: int, keep: Path | None = None, browser=None, engine: str = "mkdocs") -> dict:
    """Generate, build both ways, measure. Pass a Playwright browser to reuse one (the tests do)."""
    from conftest import LoopbackServer

    from hub.checks.a11y import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="hub-bench-", dir=keep))
    progress = Progress(f"Benchmark, {pages:,} pages", 7, "steps")
    try:
        content = work / "content"
        generate(content, pages)
        progress.step(done="pages generated")
        sites = {kind: work / f"{kind}-site" for kind in KINDS}
        hub_build, index_seconds = build_hub(hub_config(work, content), sites["hub"], engine)
        progress.step(done=f"hub built in {hub_build:.1f} s")
        material_build = build_material(material_config(work, content), sites["material"])
        progress.step(done=f"Material built in {material_build:.1f} s")
        pagefind_seconds = build_pagefind(sites["hub"], sites["pagefind"])
        progress.step(done=f"Pagefind indexed in {pagefind_seconds:.1f} s")

        results = {"pages": pages, "hub_build": hub_build, "index_seconds": index_seconds,
                   "material_build": material_build, "pagefind_seconds": pagefind_seconds}
        for site in sites.values():
            (site / BLANK).write_text("<!doctype html><title>blank</title>", encoding="utf-8")
        servers = {kind: LoopbackServer(site) for kind, site in sites.items()}
        order = ("material", "pagefind", "hub")
        try:
            if browser is not None:
                for kind in order:
                    results[kind] = measure(browser, servers[kind].url, sites[kind], kind)
                    progress.step(done=f"{kind} search measured")
            else:
                with sync_playwright() as p:
                    own = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                    for kind in order:
                        results[kind] = measure(own, servers[kind].url, sites[kind], kind)
                        progress.step(done=f"{kind} search measured")
                    own.close()
        finally:
            for s in servers.values():
                s.close()
        index = sites["hub"] / "assets/search/index"
        files = [f for f in index.rglob("*") if f.is_file()]
        results["index_files"] = len(files)
        results["index_bytes_gz"] = sum(gzip_size(index, f.relative_to(index).as_posix()) for f in files)
        bundle = sites["pagefind"] / "pagefind"
        files = [f for f in bundle.rglob("*") if f.is_file()]
        results["pagefind_files"] = len(files)
        results["pagefind_bytes_gz"] = sum(gzip_size(bundle, f.relative_to(bundle).as_posix()) for f in files)
        return results
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def table(r: dict) -> str:
    h, m, p = r["hub"], r["material"], r["pagefind"]

    def ratio(a, b):
        return f"{a / b:.2f}×" if b else "–"

    rows = [
        ("Pages", f"{r['pages']:,}", f"{r['pages']:,}", f"{r['pages']:,}", "", ""),
        ("Open the search page with ?q= to the first result", f"{h['first_ms']:.0f} ms", f"{m['first_ms']:.0f} ms",
         f"{p['first_ms']:.0f} ms", ratio(h["first_ms"], m["first_ms"]), ratio(h["first_ms"], p["first_ms"])),
        ("Search bytes before the first result (gzip)", f"{h['bytes_gz'] / 1e6:.3f} MB ({h['files']} files)",
         f"{m['bytes_gz'] / 1e6:.3f} MB ({m['files']} files)", f"{p['bytes_gz'] / 1e6:.3f} MB ({p['files']} files)",
         ratio(h["bytes_gz"], m["bytes_gz"]), ratio(h["bytes_gz"], p["bytes_gz"])),
        ("Further query, results rendered (p50 / p90)", f"{h['warm_p50']:.1f} / {h['warm_p90']:.1f} ms", "", "", "", ""),
        ("Of that, inside lunr.js's Index.query (p50 / p90)",
         f"{h['warm_lunr_p50']:.1f} / {h['warm_lunr_p90']:.1f} ms", "", "", "", ""),
        ("First time a query needs new shards (p90)", f"{h['new_query_p90']:.1f} ms", "", "", "", ""),
        ("Key press to suggestions drawn, header box (p50 / p90)",
         f"{h['suggest_p50']:.1f} / {h['suggest_p90']:.1f} ms ({h['suggest_presses']} presses)", "", "", "", ""),
        ("Renderer memory growth to the first result (RSS)", f"{h['rss_mb']:.0f} MB", f"{m['rss_mb']:.0f} MB",
         f"{p['rss_mb']:.0f} MB", ratio(h["rss_mb"], m["rss_mb"]), ratio(h["rss_mb"], p["rss_mb"])),
        ("Main-thread JS heap after the first result", f"{h['heap_mb']:.1f} MB", f"{m['heap_mb']:.1f} MB",
         f"{p['heap_mb']:.1f} MB", "", ""),
        ("Build time", f"{r['hub_build']:.1f} s", f"{r['material_build']:.1f} s",
         f"+{r['pagefind_seconds']:.1f} s", ratio(r["hub_build"], r["material_build"]), ""),
        ("Indexing time (in the build)", f"{r['index_seconds']:.1f} s", "", f"{r['pagefind_seconds']:.1f} s", "", ""),
        ("Whole index on disk (gzip)", f"{r['index_bytes_gz'] / 1e6:.2f} MB ({r['index_files']} files)", "",
         f"{r['pagefind_bytes_gz'] / 1e6:.2f} MB ({r['pagefind_files']} files)", "", ""),
    ]
    lines = ["| Measure | Hub | Material | Pagefind | Hub ÷ Material | Hub ÷ Pagefind |", "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000],
                        help="site sizes to measure, one after the other (for example 1000 5000)")
    parser.add_argument("--keep", type=Path, help="keep the generated content and sites in this folder")
    parser.add_argument("--engine", choices=["mkdocs", "pelican"], default="mkdocs",
                        help="the hub edition to build (default mkdocs: the same generator as Material's build, "
                             "so the build times compare like with like)")
    parser.add_argument("--build-only", action="store_true",
                        help="only time the two builds and the indexing; skip the browser measurements")
    args = parser.parse_args(argv)
    import os

    os.environ.setdefault("HUB_TODAY", "2026-11-22")
    for pages in args.pages:
        if args.build_only:
            print(build_table(run_builds(pages, args.keep, args.engine)))
        else:
            print(table(run(pages, args.keep, engine=args.engine)), flush=True)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
