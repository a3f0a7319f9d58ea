"""The Material edition: MkDocs with the Material theme rendering the site plan (`--engine mkdocs`).

MkDocs reads mkdocs.yml as usual; this module gives it what the plan decided:
the navigation, the plan's plugin (plugin.py) and where to write. MkDocs' own
sitemap is off: hub.after_render writes the one both editions share.
"""
from __future__ import annotations

import logging
from pathlib import Path

from hub.engines import BuildFailed, CollectWarnings
from hub.findings import ERROR, WARNING, Finding
from hub.plan import SitePlan


def load_config(plan: SitePlan, out_dir: Path):
    """mkdocs.yml as MkDocs reads it, set to render this plan into out_dir."""
    from mkdocs.config import load_config as mkdocs_load_config

    from .plugin import HubPlugin

    overrides = {"site_dir": str(out_dir)}
    if plan.offline:
        # Pages as name.html rather than name/, so links work when opened from disk.
        overrides["use_directory_urls"] = False
    cfg = mkdocs_load_config(str(plan.config.path), **overrides)
    if not plan.config.nav:
        cfg["nav"] = mkdocs_nav(plan.nav)
    cfg.theme.static_templates.discard("sitemap.xml")
    cfg.plugins["hub"] = HubPlugin(plan)
    return cfg


def mkdocs_nav(items) -> list:
    """The plan's navigation as a mkdocs.yml `nav:` list. Pages are listed by file, so MkDocs
    titles them from their front matter; a section's landing page comes first
    (Material's navigation.indexes makes it the section's own page)."""
    out = []
    for item in items:
        if item.children:
            out.append({item.title: mkdocs_nav(item.children)})
        elif item.src_path == "index.md":
            out.append({item.title: item.src_path})
        else:
            out.append(item.src_path)
    return out


def render(plan: SitePlan, out_dir: Path) -> list[Finding]:
    """Render the plan into out_dir. Returns MkDocs' warnings as findings; raises BuildFailed on errors."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    cfg = load_config(plan, Path(out_dir))
    handler = CollectWarnings()
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    try:
        mkdocs_build(cfg)
    except MkDocsException as e:
        raise BuildFailed(_as_findings(handler.records) + [
            Finding("mkdocs.yml", 0, f"MkDocs stopped: {e}", "fix the problems listed above", ERROR, "build")]) from None
    finally:
        log.removeHandler(handler)
    return _as_findings(handler.records)


def _as_findings(records) -> list[Finding]:
    out = []
    for r in records:
        msg = r.getMessage().strip()
        sev = ERROR if r.levelno >= logging.ERROR else WARNING
        path = "content" if "Doc file" in msg else "mkdocs.yml"
        # MkDocs names the file as "Doc file 'guides/x.md' contains ..."
        if "Doc file '" in msg:
            path = "content/" + msg.split("Doc file '", 1)[1].split("'", 1)[0]
        out.append(Finding(path, 0, msg, "", sev, "build"))
    return out
