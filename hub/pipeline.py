"""Build and check: validate, render into a temporary folder, check, then publish.

The output folder is replaced only when everything passed, so a failed build
or check never leaves a half-built or broken site behind: the last good site
survives.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hub import checks, engines
from hub.content import load_site
from hub.findings import Finding, is_failure


def build(config, *, engine: str = engines.DEFAULT, out: Path, offline: bool = False,
          strict: bool = False, run_checks: bool = True, a11y: bool = False,
          publish: bool = True) -> list[Finding]:
    """Return every finding; `out` is replaced only if there were no errors."""
    site = load_site(config.content_dir, config.root)
    findings = list(site.findings)
    if run_checks:
        findings += checks.source_checks(site, config)
    if is_failure(findings, strict):
        return findings  # no point rendering content we know is wrong

    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    try:
        try:
            findings += engines.get(engine).build(config, staging, offline=offline) or []
        except engines.BuildFailed as e:
            return findings + e.findings
        if run_checks:
            findings += checks.built_checks(site, staging, config)
        if a11y and not is_failure(findings, strict):
            findings += checks.a11y_checks(site, staging, config)
        if publish and not is_failure(findings, strict):
            _replace(out, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return findings


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

