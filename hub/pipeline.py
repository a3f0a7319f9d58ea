"""Build and check: content -> plan -> engine -> after render -> checks, then publish.

The content is read once (hub.content), the site plan made once from it
(hub.plan), and the chosen engine renders that plan into a temporary folder;
hub.after_render writes what both editions write after rendering. The output
folder is replaced only when everything passed, so a failed build or check never
leaves a half-built or broken site behind: the last good site survives. Then, and
only then, the list of published addresses (addresses.lock) is brought up to date.
"""
from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

import search
from hub import after_render, checks, engines
from hub.content import load_site
from hub.findings import ERROR, Finding, is_failure
from hub.plan import build_plan, lock


def build(config, *, engine: str = engines.DEFAULT, out: Path, offline: bool = False,
          strict: bool = False, run_checks: bool = True, a11y: bool = False,
          publish: bool = True, record_addresses: bool = False) -> list[Finding]:
    """Return every finding; `out` is replaced only if there were no errors.

    Every check that can run does run, so a contributor sees all problems at
    once: a broken link does not hide a missing alt text found after rendering.
    Only content the engine cannot read at all (front matter errors), wrong
    settings in mkdocs.yml and addresses the plan cannot give one owner stop the
    render. `record_addresses` rewrites addresses.lock after a build that published.
    """
    config = dataclasses.replace(config, offline=offline)
    site = load_site(config.content_dir, config.root)
    findings = list(site.findings)
    source = checks.source_checks(site, config) if run_checks else []
    findings += source
    # Settings every page uses: wrong ones would only stop the render.
    settings = config.problems()
    findings += settings
    if is_failure(site.findings) or settings:
        return findings
    plan = build_plan(site, config, offline=offline)
    findings += plan.findings
    lock_path = lock.path_for(config)
    findings += lock.findings(plan.addresses, lock.read(lock_path), lock_path.name)
    if is_failure(plan.findings):
        return findings

    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    try:
        try:
            rendered = engines.get(engine).render(plan, staging)
            after_render.write(plan, staging)
        except engines.BuildFailed as e:
            return findings + _without_repeats(e.findings, source)
        except search.VocabularyError as e:  # search/synonyms.yml: file, line and fix for each problem
            return findings + e.findings
        findings += _without_repeats(rendered, source)
        if run_checks:
            findings += _without_repeats(checks.built_checks(site, staging, config), source)
        if a11y:
            findings += checks.a11y_checks(site, staging, config)
        if publish and not is_failure(findings, strict):
            _replace(out, staging)
            if record_addresses and not offline:
                lock.write(lock_path, lock.render(plan.addresses, lock.read(lock_path)))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return findings


def render(config, *, engine: str = engines.DEFAULT, out: Path, offline: bool = False) -> list[Finding]:
    """Content -> plan -> engine -> after render, straight into `out`, with no quality gates: what an
    edition makes of the content, for tests and benchmarks. Returns the engine's warnings; raises
    engines.BuildFailed when the content, settings or addresses cannot be rendered."""
    config = dataclasses.replace(config, offline=offline)
    site = load_site(config.content_dir, config.root)
    stopping = [f for f in site.findings + config.problems() if f.severity == ERROR]
    plan = build_plan(site, config, offline=offline) if not stopping else None
    stopping += [f for f in (plan.findings if plan else []) if f.severity == ERROR]
    if stopping:
        raise engines.BuildFailed(stopping)
    rendered = engines.get(engine).render(plan, Path(out))
    try:
        after_render.write(plan, Path(out))
    except search.VocabularyError as e:
        raise engines.BuildFailed(e.findings) from None
    return rendered


# MkDocs' own link warnings repeat what the links check says, with no line number.
MKDOCS_LINK_WARNINGS = ("contains a link", "contains an unrecognized relative link", "contains an absolute link")


def _without_repeats(later: list[Finding], source: list[Finding]) -> list[Finding]:
    """Drop a built-site finding that the source checks already reported for the same file (and line)."""
    same_line = {(f.path, f.line, f.check) for f in source}
    # a missing image is reported by the alt-text check; the crawler's 404 for it says the same
    same_line |= {(f.path, f.line, "links") for f in source if f.check == "alt-text"}
    linked_files = {f.path for f in source if f.check == "links"}
    kept = []
    for f in later:
        if (f.path, f.line, f.check) in same_line:
            continue
        if f.check == "build" and f.path in linked_files and any(w in f.message for w in MKDOCS_LINK_WARNINGS):
            continue
        kept.append(f)
    return kept


def _replace(out: Path, staging: Path) -> None:
    """Swap the new site in with two renames, so there is never a moment with half a site."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
    staging.rename(out)
    if old:
        shutil.rmtree(old, ignore_errors=True)

