"""The NHS.UK edition: Pelican with the NHS.UK design system, rendering the site plan (theme/nhsuk/).

Pelican runs in-process through its Python API. Every page of the plan, the
generated ones included, is a Pelican page read by the hub's reader (reader.py),
which gives it the address, template and view the plan decided. Pelican writes
the pages and the 404 page; this module adds NHS.UK frontend's assets. What both
editions write after rendering (feed, sitemap, search index, …) is
hub.after_render's, called by the pipeline.
"""
from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import tempfile
from pathlib import Path

from hub.engines import BuildFailed, CollectWarnings
from hub.findings import ERROR, WARNING, Finding
from hub.plan import SitePlan


def render(plan: SitePlan, out_dir: Path) -> list[Finding]:
    """Render the plan's pages into out_dir. Returns Pelican's warnings as findings; raises BuildFailed on errors."""
    from pelican import Pelican
    from pelican.settings import read_settings

    from hub.engines.pelican import assets
    from hub.engines.pelican.settings import build_settings

    out_dir = Path(out_dir)
    try:
        assets.version()
    except assets.MissingAssets as e:
        raise BuildFailed([Finding("package.json", 0, str(e), "run ./setup.sh (or npm ci) to install it",
                                   ERROR, "build")]) from None
    handler = CollectWarnings()
    log = logging.getLogger("pelican")
    log.addHandler(handler)
    with tempfile.TemporaryDirectory(prefix="hub-pelican-") as tmp:
        content = _content_with_generated(plan, Path(tmp))
        settings = read_settings(override=build_settings(plan, content, out_dir))
        try:
            pelican = Pelican(settings)
            # Pelican prints a summary line; the hub reports findings instead.
            with contextlib.redirect_stdout(io.StringIO()):
                pelican.run()
        except Exception as e:  # Pelican raises plain exceptions (template errors, bad settings)
            raise BuildFailed(_as_findings(handler.records, content) + [
                Finding("theme/nhsuk", 0, f"Pelican stopped: {type(e).__name__}: {e}",
                        "fix the template or setting the message names (templates are in theme/nhsuk/templates/)",
                        ERROR, "build")]) from None
        finally:
            log.removeHandler(handler)
        findings = _as_findings(handler.records, content)
    if any(f.severity == ERROR for f in findings):
        raise BuildFailed(findings)
    assets.copy_into(out_dir)
    return findings


def _content_with_generated(plan: SitePlan, into: Path) -> Path:
    """A copy of content/ with the plan's generated pages written in, so Pelican reads them like any page."""
    path = into / "content"

    def not_published(folder, names):
        # Data files are read by the build, not published; symbolic links are never followed
        # (the content model reports them, and the pipeline stops before this).
        return {n for n in names if n == "_data" or n.startswith(".") or (Path(folder) / n).is_symlink()}

    # Hard links where the file system allows (Pelican only reads the files): copying
    # thousands of pages took seconds of every build.
    shutil.copytree(plan.config.content_dir, path, ignore=not_published, copy_function=_link_or_copy)
    for page in plan.generated:
        target = path / page.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown_file(), encoding="utf-8")
    return path


def _link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: copy
        shutil.copy2(source, target)
    return target


def _as_findings(records, content: Path) -> list[Finding]:
    out = []
    for r in records:
        # Name the contributor's file, not the temporary copy Pelican read.
        msg = r.getMessage().strip().replace(str(content) + "/", "content/").replace(str(content), "content")
        path = "content"
        for word in msg.replace("'", " ").replace('"', " ").split():
            if word.startswith("content/") and word.endswith(".md"):
                path = word
                break
        sev = ERROR if r.levelno >= logging.ERROR else WARNING
        out.append(Finding(path, 0, f"Pelican: {msg}", "", sev, "build"))
    return out
