"""Pelican's settings, built from mkdocs.yml: one configuration for both engines.

Site name, URL, description, navigation and Markdown extensions come from
mkdocs.yml; the layout of each page from `extra.hub.layouts`. Nothing here
repeats a fact that mkdocs.yml already holds.
"""
from __future__ import annotations

import re
from pathlib import Path

import jinja2

from pelican.plugins import sitemap

from hub import security, themes

from . import context, plugin
from .context import NOT_FOUND_URL
from .urls import ARCHIVE, NEWS, NEWS_INDEX, generated_url, save_as

# MkDocs always renders these, whatever mkdocs.yml lists, so Pelican must too.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


def markdown_settings(config) -> dict:
    """mkdocs.yml `markdown_extensions` as Python-Markdown's extension configs."""
    configs: dict[str, dict] = {name: {} for name in MKDOCS_BUILTIN_EXTENSIONS}
    for item in config.raw.get("markdown_extensions") or []:
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


def sitemap_settings(archive_url: str, listed: bool = True) -> dict:
    """The same addresses as the MkDocs sitemap: not the 404 page, and not the news archive,
    which only this edition has and which pelican-sitemap could only date by the clock.

    A sitemap's addresses must be absolute, so without a site_url it lists none, as MkDocs'
    does. (The plugin stays loaded either way: Pelican's signals outlive a build, so
    leaving it out would not stop it in a process that loaded it before.)
    """
    exclude = [f"^{re.escape(NOT_FOUND_URL)}$", f"^{re.escape(archive_url)}$"] if listed else ["^"]
    return {"format": "xml", "exclude": exclude}


def build_settings(config, site, generated: list, content_path: Path, out_dir: Path, *,
                   offline: bool = False) -> dict:
    """`content_path` is content/ plus the generated pages (hub.content.indexes); `generated` lists those."""
    src_paths = sorted({p.src_path for p in site.pages} | {g.src_path for g in generated})
    archive_url = generated_url(ARCHIVE, offline)
    settings = {
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
        # pelican-sitemap writes sitemap.xml, with each page's last_reviewed date as its lastmod (set
        # by the reader), never the build clock.
        "PLUGINS": [plugin, sitemap],
        "SITEMAP": sitemap_settings(archive_url, listed=bool(config.site_url)),
        "MARKDOWN": markdown_settings(config),
        # Summaries are one plain sentence, used as text, not Markdown.
        "FORMATTED_FIELDS": [],
        "SLUGIFY_SOURCE": "basename",
        # News items are Pelican articles; everything else in content/ is a page, including
        # the news section's landing page (news/index.md). Pelican takes single files here.
        "ARTICLE_PATHS": [s for s in src_paths if s.startswith(NEWS + "/") and s != NEWS_INDEX],
        "PAGE_PATHS": ["", *([NEWS_INDEX] if NEWS_INDEX in src_paths else [])],
        "PAGE_EXCLUDES": [NEWS, "_data"],
        # Images and downloads beside the Markdown are copied to the same paths, as MkDocs does.
        "STATIC_PATHS": [""],
        "STATIC_EXCLUDES": ["_data"],
        "STATIC_EXCLUDE_SOURCES": True,
        "IGNORE_FILES": [".*"],
        "READERS": {"html": None, "htm": None, "rst": None},
        # Only the outputs the hub has: no tag, category or author pages, and no blog index on the home page.
        "DIRECT_TEMPLATES": ["archives", "404"],
        "404_SAVE_AS": NOT_FOUND_URL,
        "ARCHIVES_SAVE_AS": save_as(archive_url),
        "ARCHIVES_URL": archive_url,
        "INDEX_SAVE_AS": "",
        "TAG_SAVE_AS": "", "TAGS_SAVE_AS": "",
        "CATEGORY_SAVE_AS": "", "CATEGORIES_SAVE_AS": "",
        "AUTHOR_SAVE_AS": "", "AUTHORS_SAVE_AS": "",
        "DRAFT_SAVE_AS": "", "DRAFT_PAGE_SAVE_AS": "",
        # The Atom feed of news is written by hub.feeds, shared with MkDocs, so it is the same
        # bytes from both engines and never takes a date from the clock (Pelican's does when there is no news).
        "FEED_ALL_ATOM": None,
        "FEED_ATOM": None, "FEED_RSS": None, "FEED_ALL_RSS": None,
        "CATEGORY_FEED_ATOM": None, "CATEGORY_FEED_RSS": None,
        "AUTHOR_FEED_ATOM": None, "AUTHOR_FEED_RSS": None,
        "TAG_FEED_ATOM": None, "TAG_FEED_RSS": None,
        "TRANSLATION_FEED_ATOM": None, "TRANSLATION_FEED_RSS": None,
        "RSS_FEED_SUMMARY_ONLY": True,
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
        "JINJA_GLOBALS": {"hub": context.HubContext(config, site, offline=offline,
                                                    generated=generated, archive_url=archive_url),
                          "content_security_policy": security.CONTENT_SECURITY_POLICY},
        "JINJA_FILTERS": context.FILTERS,
        # Read by the reader (hub/engines/pelican/reader.py).
        "HUB_OFFLINE": offline,
        "HUB_LAYOUTS": config.hub.get("layouts") or {},
        "HUB_SRC_PATHS": src_paths,
        "HUB_GENERATED": sorted(g.src_path for g in generated),
        "HUB_MISSING_LINKS": [],
    }
    return settings
