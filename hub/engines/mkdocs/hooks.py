"""MkDocs hooks: the hub's steps inside an ordinary MkDocs build.

Listed under `hooks:` in mkdocs.yml, so `mkdocs build`, `mkdocs serve` and
`build.py` all validate content, choose per-type layouts and build the
search index the same way.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:  # `mkdocs build` run directly does not put the repo on the path
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from hub import config as hub_config  # noqa: E402
from hub import robots, site_images  # noqa: E402
from hub.engines.mkdocs import site as mkdocs_site  # noqa: E402
from hub.config import ConfigError  # noqa: E402
from hub.content import load_site_again, page_extras  # noqa: E402
from hub.content.frontmatter import without_controls  # noqa: E402
from hub.findings import ERROR  # noqa: E402

_state: dict = {}


def on_config(config):
    _state["hub"] = hub_config.load(config.config_file_path)
    try:  # build.py reports these before rendering; `mkdocs build` run directly stops here
        _state["extras"] = page_extras.settings(_state["hub"])
    except ConfigError as e:
        raise PluginError(f"mkdocs.yml has {len(e.problems)} problem(s):\n{e}") from None
    # MkDocs read mkdocs.yml itself: its text settings get the same treatment as the hub's copy
    # (control characters replaced; `check` reports them).
    for key in ("site_name", "site_description", "copyright"):
        config[key] = without_controls(config[key])
    config.extra["hub"] = without_controls(config.extra.get("hub") or {})
    return config


def on_files(files, config):
    # Under build.py the pipeline has just read the same content: reuse it unless a file changed.
    site = load_site_again(config.docs_dir, _state["hub"].root)
    errors = [f for f in site.findings if f.severity == ERROR]
    if errors:
        listing = "\n".join(f.format() for f in errors)
        raise PluginError(f"the content has {len(errors)} problem(s):\n{listing}")
    _state["site"] = site
    _state["pages"] = {p.src_path: p for p in site.pages}
    # Only files really inside content/ are published: the content model stops the build above
    # for a symbolic link, and nothing read through one may reach the site even so.
    docs = Path(config.docs_dir).resolve()
    for f in list(files):
        if mkdocs_site.outside_docs(f, docs):
            files.remove(f)
    _state["files"] = files
    _state["generated"] = mkdocs_site.add_generated_pages(files, config, site)
    return files


def on_env(env, config, files):
    mkdocs_site.escape_hub_templates(env, config)
    env.globals["hub_links"] = mkdocs_site.site_links(files, _state["pages"], _state["extras"],
                                                      (_state["hub"].hub.get("search") or {}).get("help") or [])
    env.globals["hub_card"] = mkdocs_site.social_card(config)
    return env


def on_nav(nav, config, files):
    return mkdocs_site.arrange_nav(nav, config, _state["pages"])


def on_page_markdown(markdown, page, config, files):
    model = _state["pages"].get(page.file.src_uri)
    if model is not None:
        page.meta["hub_type"] = model.type
    mkdocs_site.prepare_page(page, config, _state["pages"], _state["generated"])
    return markdown


def on_page_context(context, page, config, nav):
    mkdocs_site.add_home_routes(page, config, _state["files"])
    mkdocs_site.add_page_extras(page, _state["extras"], _state["site"], _state["pages"], _state["files"],
                                _state["generated"])
    context["nav"] = mkdocs_site.sidebar_nav(nav, page, config)
    return context


def on_post_build(config):
    import search

    mkdocs_site.write_feed(config, _state["site"], _state["files"])
    robots.write(Path(config.site_dir), config.site_url or "")  # beside MkDocs' own sitemap.xml
    site_images.write_card(Path(config.site_dir), config.site_name, config.site_description)

    try:
        search.build_index(Path(config.site_dir), _state["hub"], _state["site"],
                           offline=bool(config.extra.get("hub", {}).get("offline")))
    except search.VocabularyError as e:  # search/synonyms.yml: file, line and fix for each problem
        raise PluginError(f"the search vocabulary has {len(e.findings)} problem(s):\n{e}") from None
