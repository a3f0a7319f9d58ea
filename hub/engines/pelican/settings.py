"""Pelican's settings, made from the site plan: one configuration for both engines.

Site name, URL and Markdown extensions come from mkdocs.yml; which pages exist,
where each goes, and what each shows come from the plan, through the hub's reader
(READERS) and the templates' globals (JINJA_GLOBALS). Pelican's own outputs that
the hub does not have (tags, categories, authors, its feeds and archives) are off.
"""
from __future__ import annotations

from pathlib import Path

import jinja2

from hub import security, themes
from hub.plan import SitePlan

from . import frame, plugin
from .reader import reader_for

# MkDocs always renders these, whatever mkdocs.yml lists, so Pelican must too.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


def markdown_settings(config) -> dict:
    """mkdocs.yml `markdown_extensions` as Python-Markdown's extension configs."""
    configs: dict[str, dict] = {name: {} for name in MKDOCS_BUILTIN_EXTENSIONS}
    for item in config.markdown_extensions:
        if isinstance(item, dict):
            for name, options in item.items():
                configs.setdefault(name, {}).update(options or {})
        else:
            configs.setdefault(str(item), {})
    return {"extension_configs": configs, "extensions": list(configs), "output_format": "html5"}


def nhsuk_templates() -> str:
    """nhsuk-frontend-jinja's templates, so the theme can import its macros as nhsuk/components/…"""
    import nhsuk_frontend_jinja

    return str(Path(nhsuk_frontend_jinja.__file__).parent / "templates")


def build_settings(plan: SitePlan, content_path: Path, out_dir: Path) -> dict:
    """`content_path` is content/ plus the plan's generated pages."""
    config = plan.config
    return {
        "PATH": str(content_path),
        "OUTPUT_PATH": str(out_dir),
        "THEME": str(themes.NHSUK),
        "THEME_STATIC_DIR": "assets/hub",
        "THEME_TEMPLATES_OVERRIDES": [nhsuk_templates()],
        "SITENAME": config.site_name,
        "SITESUBTITLE": config.site_description,
        "SITEURL": config.site_url.rstrip("/"),
        # Links relative to each page, as MkDocs writes them: the site works in a sub-folder and from disk.
        "RELATIVE_URLS": True,
        "TIMEZONE": "Europe/London",
        "DEFAULT_LANG": "en",
        "LOCALE": ["C.UTF-8", "C"],
        "PLUGINS": [plugin],
        "MARKDOWN": markdown_settings(config),
        # Summaries are one plain sentence, used as text, not Markdown.
        "FORMATTED_FIELDS": [],
        "SLUGIFY_SOURCE": "basename",
        # Every page of the plan is a Pelican page (news included): the plan, not Pelican's
        # articles and their archives, decides what lists them.
        "ARTICLE_PATHS": [],
        "PAGE_PATHS": [""],
        "PAGE_EXCLUDES": ["_data"],
        # Images and downloads beside the Markdown are copied to the same paths, as MkDocs does.
        "STATIC_PATHS": [""],
        "STATIC_EXCLUDES": ["_data"],
        "STATIC_EXCLUDE_SOURCES": True,
        "IGNORE_FILES": [".*"],
        # The hub's reader, bound to this plan, reads every Markdown page.
        "READERS": {"html": None, "htm": None, "rst": None, "md": reader_for(plan), "markdown": None, "mkd": None,
                    "mdown": None},
        # Only the outputs the hub has: its pages and the page-not-found page.
        "DIRECT_TEMPLATES": ["404"],
        "404_SAVE_AS": plan.not_found.output,
        "INDEX_SAVE_AS": "", "ARCHIVES_SAVE_AS": "",
        "TAG_SAVE_AS": "", "TAGS_SAVE_AS": "",
        "CATEGORY_SAVE_AS": "", "CATEGORIES_SAVE_AS": "",
        "AUTHOR_SAVE_AS": "", "AUTHORS_SAVE_AS": "",
        "DRAFT_SAVE_AS": "", "DRAFT_PAGE_SAVE_AS": "",
        # The Atom feed is hub.after_render's, the same bytes from both engines.
        "FEED_ALL_ATOM": None,
        "FEED_ATOM": None, "FEED_RSS": None, "FEED_ALL_RSS": None,
        "CATEGORY_FEED_ATOM": None, "CATEGORY_FEED_RSS": None,
        "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None,
        "TAG_FEED_ATOM": None, "TAG_FEED_RSS": None,
        "TRANSLATION_FEED_ATOM": None, "TRANSLATION_FEED_RSS": None,
        "DEFAULT_PAGINATION": False,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "DELETE_OUTPUT_DIRECTORY": False,
        "JINJA_ENVIRONMENT": {
            # nhsuk-frontend-jinja needs autoescaping and ChainableUndefined (see its README).
            "autoescape": True,
            "undefined": jinja2.ChainableUndefined,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "extensions": [],
        },
        "JINJA_GLOBALS": {"site": plan.site_view, "hub": frame.Frame(plan),
                          "content_security_policy": security.CONTENT_SECURITY_POLICY},
        "JINJA_FILTERS": frame.FILTERS,
    }
