"""For `mkdocs build` and `mkdocs serve` run on their own: make the site plan and render it.

build.py hands MkDocs a plan it has already made (engine.py adds the plan's plugin
before MkDocs starts), and then this hook does nothing. Run on its own, MkDocs
has no plan, so on_config reads the content and mkdocs.yml, makes one, and adds
the plugin that renders it; that plugin also writes what build.py would write
after rendering (feed, sitemap, search index). The plan lives on the plugin
instance, in MkDocs' own config: nothing is kept in this module.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:  # `mkdocs build` run directly does not put the repo on the path
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

# Imported now: MkDocs takes the repository off sys.path again once this module is loaded.
import search  # noqa: E402
from hub import after_render  # noqa: E402
from hub import config as hub_config  # noqa: E402
from hub.content import load_site  # noqa: E402
from hub.engines.mkdocs.engine import mkdocs_nav  # noqa: E402
from hub.engines.mkdocs.plugin import HubPlugin  # noqa: E402
from hub.findings import ERROR  # noqa: E402
from hub.plan import build_plan  # noqa: E402


class StandalonePlugin(HubPlugin):
    """The plan's plugin, which also writes what build.py writes after rendering."""

    def on_post_build(self, config):
        try:
            after_render.write(self.plan, Path(config.site_dir))
        except search.VocabularyError as e:
            raise PluginError(f"the search vocabulary has {len(e.findings)} problem(s):\n{e}") from None


def on_config(config):
    if "hub" in config.plugins:  # build.py made the plan and added its plugin
        return config
    hub = hub_config.load(config.config_file_path)
    problems = hub.problems()
    site = load_site(config.docs_dir, hub.root) if not problems else None
    plan = build_plan(site, hub, offline=not config.use_directory_urls) if site and not _errors(site.findings) else None
    errors = problems + (_errors(site.findings) if site else []) + (_errors(plan.findings) if plan else [])
    if errors:
        listing = "\n".join(f.format() for f in errors)
        raise PluginError(f"the content or mkdocs.yml has {len(errors)} problem(s):\n{listing}")
    if not hub.nav:
        config["nav"] = mkdocs_nav(plan.nav)
    config.theme.static_templates.discard("sitemap.xml")
    config.plugins["hub"] = StandalonePlugin(plan)
    return config


def _errors(findings):
    return [f for f in findings if f.severity == ERROR]
