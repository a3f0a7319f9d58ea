"""The default engine: Pelican with the NHS.UK theme (theme/nhsuk/), from the same content/ and mkdocs.yml.

Pelican runs in-process through its Python API. Settings are built from
mkdocs.yml (hub/engines/pelican/settings.py), the reader gives every page the
URL MkDocs gives it, and after Pelican has written the pages this module adds
what both engines share: the NHS.UK frontend assets, the Atom feed of news
(hub.feeds), the social card and site icon (hub.site_images), robots.txt
(hub.robots) and the search index (search.build_index). sitemap.xml comes from
the pelican-sitemap plugin (see settings.py).
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


def generated_pages(config, site) -> list:
    """The A to Z, topic index and section landing pages, unless a contributor wrote one (as MkDocs does)."""
    from hub.content import indexes

    written = {p.src_path for p in site.pages}
    wanted = [indexes.a_to_z_page(site), indexes.topics_page(site)]
    wanted += indexes.section_pages(site, config.hub.get("sections") or {})
    return [g for g in wanted if g.src_path not in written]


def _content_with_generated(config, generated, into: Path) -> Path:
    """A copy of content/ with the generated pages written in, so Pelican reads them like any page."""
    path = into / "content"

    def not_published(folder, names):
        # Data files are read by the build, not published; symbolic links are never followed
        # (the content model reports them, and the pipeline stops before this).
        return {n for n in names if n == "_data" or n.startswith(".") or (Path(folder) / n).is_symlink()}

    # Hard links where the file system allows (Pelican only reads the files): copying
    # thousands of pages took seconds of every build.
    shutil.copytree(config.content_dir, path, ignore=not_published, copy_function=_link_or_copy)
    for g in generated:
        target = path / g.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(g.text(), encoding="utf-8")
    return path


def _link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: copy
        shutil.copy2(source, target)
    return target


def build(config, out_dir: Path, *, offline: bool = False) -> list[Finding]:
    """Render the site into out_dir with Pelican. Returns Pelican's warnings as findings; raises BuildFailed on errors."""
    from pelican import Pelican
    from pelican.plugins import sitemap
    from pelican.settings import read_settings

    import search
    from hub import robots, site_images
    from hub.content import load_site_again, page_extras
    from hub.engines.pelican import assets
    from hub.engines.pelican.context import nhs_organisation
    from hub.engines.pelican.settings import build_settings

    out_dir = Path(out_dir)
    try:
        assets.version()
    except assets.MissingAssets as e:
        raise BuildFailed([Finding("package.json", 0, str(e), "run ./setup.sh (or npm ci) to install it",
                                   ERROR, "build")]) from None

    # Settings every page uses, checked before anything is rendered (build.py reports them earlier).
    settings_problems = page_extras.config_findings(config)
    if settings_problems:
        raise BuildFailed(settings_problems)
    # The Site `check` read just before, when the content has not changed since (as the MkDocs hooks do).
    site = load_site_again(config.content_dir, config.root)
    # Content the model cannot read safely (front matter, symbolic links) is never rendered,
    # as the MkDocs hooks refuse it too, even when this engine is called on its own.
    unreadable = [f for f in site.findings if f.severity == ERROR]
    if unreadable:
        raise BuildFailed(unreadable)
    generated = generated_pages(config, site)
    problems = _check_home_routes(config, {p.src_path for p in site.pages} | {g.src_path for g in generated})
    if problems:
        raise BuildFailed(problems)
    handler = CollectWarnings()
    log = logging.getLogger("pelican")
    log.addHandler(handler)
    with tempfile.TemporaryDirectory(prefix="hub-pelican-") as tmp:
        content = _content_with_generated(config, generated, Path(tmp))
        settings = read_settings(override=build_settings(config, site, generated, content, out_dir, offline=offline))
        # pelican-sitemap keeps its queue of pages in one object for the whole process. A build
        # that stopped part-way (a broken edit under `serve`) leaves it holding that build, and
        # the plugin would then skip every later sitemap, so each build starts it afresh.
        sitemap.generator.__init__()
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
        findings += _missing_links(pelican.settings.get("HUB_MISSING_LINKS", []))
    if any(f.severity == ERROR for f in findings):
        raise BuildFailed(findings)

    assets.copy_into(out_dir)
    _write_feed(config, site, out_dir, offline)
    site_images.write_card(out_dir, config.site_name, config.site_description)
    if not nhs_organisation(config):  # NHS organisations use NHS.UK frontend's icons
        site_images.write_icon(out_dir, config.site_name)
    robots.write(out_dir, config.site_url)
    try:
        search.build_index(out_dir, config, site, offline=offline)
    except search.VocabularyError as e:  # search/synonyms.yml (or lunr.js missing): file, line and fix for each
        raise BuildFailed(e.findings) from None
    return findings


def _check_home_routes(config, src_paths: set[str]) -> list[Finding]:
    """Each home page route (extra.hub.home.routes) must lead to a page that exists."""
    problems = []
    for i, route in enumerate((config.hub.get("home") or {}).get("routes") or [], 1):
        target = (route.get("link") or {}).get("page")
        if target and target not in src_paths:
            problems.append(Finding(
                "mkdocs.yml", 0, f"extra.hub.home.routes item {i} links to '{target}', which is not a page",
                "give the path of a Markdown file inside content/, for example guides/index.md", ERROR, "build"))
    return problems


def _write_feed(config, site, out_dir: Path, offline: bool) -> None:
    from hub import feeds
    from hub.engines.pelican.urls import page_url

    site_url = config.site_url or "/"
    data = feeds.atom(site, site_name=config.site_name, site_url=site_url,
                      page_url=lambda page: site_url + page_url(page.src_path, offline),
                      feed_url=site_url + feeds.FEED_PATH)
    out = out_dir / feeds.FEED_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)


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


def _missing_links(missing) -> list[Finding]:
    return [Finding(f"content/{src}", 0, f"the link '{link}' points to a page that does not exist",
                    "check the file name and folder of the page you are linking to", WARNING, "build")
            for src, link in sorted(set(missing))]
