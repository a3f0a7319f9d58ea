"""Quality gates. Each check is a module whose run functions return Findings.

- SOURCE checks read the Markdown in content/ and point at its lines.
- BUILT checks read the rendered site (and map back to the Markdown where they can).
- The accessibility pass (the Nu HTML checker, then axe-core in Chromium) runs only with `check --a11y`.
Add a check by writing its module and listing its run function here.
"""
from __future__ import annotations

from pathlib import Path

from hub import codeowners
from hub.checks import acronyms, files, headings, images, link_text, links, plain_english, plain_text, unsafe_html
from hub.findings import Finding

# Front matter, review dates and owners are checked by the content model (hub/content/model.py, check
# "front-matter"; content/_data/owners.yml, check "owners"); so are symbolic links in content/ (check "files"),
# because nothing may be read through them. Addresses are checked by the site plan (hub/plan/, check "addresses").
SOURCE: list = [  # run(site, config) -> list[Finding], pointing at Markdown lines
    images.run,
    link_text.run,
    links.run,
    headings.run,
    unsafe_html.run,
    plain_text.run,
    files.run,
    plain_english.run,
    acronyms.run,
    codeowners.run,
]
BUILT: list = [  # run(site, site_dir, config) -> list[Finding], mapped back to the Markdown
    headings.run_built,
    unsafe_html.run_built,
    links.run_built,
]


def source_checks(site, config) -> list[Finding]:
    return [f for check in SOURCE for f in check(site, config)]


def built_checks(site, site_dir: Path, config) -> list[Finding]:
    return [f for check in BUILT for f in check(site, site_dir, config)]


def a11y_checks(site, site_dir: Path, config) -> list[Finding]:
    from hub.checks import a11y, html_validity

    return html_validity.run(site, site_dir, config) + a11y.run(site, site_dir, config)
