"""Headings: one H1 per page (the title) and no skipped levels, so the outline makes sense to screen readers.

The source check points at the Markdown line. The built check confirms the
rendered page has exactly one <h1> (the templates provide it from `title`).
"""
from __future__ import annotations

from pathlib import Path

from hub.checks.pages import finding

CHECK = "headings"


def run(site, config) -> list:
    out = []
    for page in site.pages:
        previous = 1  # the page title is the H1
        for h in page.markdown.headings:
            if h.level == 1:
                out.append(finding(page, config, h.line, f"a second top-level heading '{h.text}' (H1)",
                                   "the page title from the front matter is the only H1: start this heading "
                                   "with ## instead of #", CHECK))
            elif h.level > previous + 1:
                out.append(finding(page, config, h.line,
                                   f"the heading '{h.text or 'H' + str(h.level)}' skips from level {previous} to {h.level}",
                                   f"use {'#' * (previous + 1)} here, or add the missing level above it", CHECK))
            previous = max(h.level, 1)
    return out


def run_built(site, site_dir: Path, config) -> list:
    """Each rendered content page has exactly one <h1> (the template's, from the title)."""
    from hub.checks.built_html import page_html

    out = []
    for page in site.pages:
        built = page_html(site_dir, page, site)
        if any(h.level == 1 for h in page.markdown.headings):
            continue  # the source check already points at the extra H1's line
        if built is not None and built.h1 != 1:
            out.append(finding(page, config, page.line("title"),
                               f"the built page /{page.url} has {built.h1} top-level headings (H1), not one",
                               "keep the title in the front matter and start body headings with ##", CHECK))
    return out
