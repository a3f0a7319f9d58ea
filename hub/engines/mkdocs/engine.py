"""The Material edition: MkDocs with the Material theme, customised from theme/material/ (`--engine mkdocs`).

The hub's own steps (content validation, per-type layouts, generated pages,
search index) run inside MkDocs as hooks (hub/engines/mkdocs/hooks.py), so that
`mkdocs serve` and `mkdocs build` behave exactly like `build.py`.
"""
from __future__ import annotations

import logging
from pathlib import Path

from hub.engines import BuildFailed, CollectWarnings
from hub.findings import ERROR, Finding


def _load(config, **overrides):
    from mkdocs.config import load_config

    return load_config(str(config.path), **overrides)


def build(config, out_dir: Path, *, offline: bool = False) -> list[Finding]:
    """Render the site into out_dir. Returns MkDocs' warnings as findings; raises BuildFailed on errors."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    overrides = {"site_dir": str(out_dir)}
    if offline:
        # Pages as name.html rather than name/, so links work when opened from disk.
        overrides["use_directory_urls"] = False
    cfg = _load(config, **overrides)
    cfg["extra"].setdefault("hub", {})["offline"] = offline

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
    from hub.findings import WARNING

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
