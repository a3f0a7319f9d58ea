"""Quality gates. Each check is a module with a `run` function returning Findings.

- SOURCE checks read the Markdown in content/ and point at its lines.
- BUILT checks read the rendered site (and map back to the Markdown where they can).
- The accessibility pass (axe-core in Chromium) runs only with `check --a11y`.
Add a check by writing its module and listing it here.
"""
from __future__ import annotations

from pathlib import Path

from hub.findings import Finding

SOURCE: list = []  # modules with run(site, config) -> list[Finding]
BUILT: list = []  # modules with run(site, site_dir, config) -> list[Finding]


def source_checks(site, config) -> list[Finding]:
    return [f for check in SOURCE for f in check.run(site, config)]


def built_checks(site, site_dir: Path, config) -> list[Finding]:
    return [f for check in BUILT for f in check.run(site, site_dir, config)]


def a11y_checks(site, site_dir: Path, config) -> list[Finding]:
    from hub.checks import a11y

    return a11y.run(site, site_dir, config)
