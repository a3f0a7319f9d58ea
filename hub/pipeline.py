"""Build and check: validate, render into a temporary folder, check, then publish.

The output folder is replaced only when everything passed, so a failed build
or check never leaves a half-built or broken site behind: the last good site
survives.
"""
from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

from hub import checks, engines
from hub.content import load_site, page_extras
from hub.findings import Finding, is_failure


def build(config, *, engine: str = engines.DEFAULT, out: Path, offline: bool = False,
          strict: bool = False, run_checks: bool = True, a11y: bool = False,
          publish: bool = True) -> list[Finding]:
    """Return every finding; `out` is replaced only if there were no errors.

    Every check that can run does run, so a contributor sees all problems at
    once: a broken link does not hide a missing alt text found after rendering.
    Only content the engine cannot read at all (front matter errors) and
    wrong settings in mkdocs.yml stop the render, because the engine refuses them too.
    """
    config = dataclasses.replace(config, offline=offline)
    site = load_site(config.content_dir, config.root)
    findings = list(site.findings)
    source = checks.source_checks(site, config) if run_checks else []
    findings += source
    # Settings every page uses (publisher, feedback, repository): wrong ones would only stop the render.
    settings = page_extras.config_findings(config)
    findings += settings
    if is_failure(site.findings) or settings:
        return findings

    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    try:
        try:
            rendered = engines.get(engine).build(config, staging, offline=offline) or []
        except engines.BuildFailed as e:
            return findings + _without_repeats(e.findings, source)
        findings += _without_repeats(rendered, source)
        if run_checks:
            findings += _without_repeats(checks.built_checks(site, staging, config), source)
        if a11y:
            findings += checks.a11y_checks(site, staging, config)
        if publish and not is_failure(findings, strict):
            _replace(out, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return findings


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

