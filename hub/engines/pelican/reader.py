"""The Markdown reader: pelican-yaml-metadata's, plus what the hub decides for every page.

pelican-yaml-metadata reads the same YAML front matter MkDocs reads. On top of it
this reader gives each page its URL (the same as under MkDocs), its layout from
mkdocs.yml `extra.hub.layouts`, and for news its date, so nothing about a page
is written down twice.
"""
from __future__ import annotations

import logging
import os
import posixpath

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from hub.content.frontmatter import FrontMatterError, parse_yaml
from hub.content.model import type_for
from hub.content.schema import FOLDERS, SITE_PAGE

from .links import ContentLinks
from .urls import page_url, save_as

# Under "pelican", so the engine reports what is logged here as a finding (hub/engines/pelican/engine.py).
log = logging.getLogger("pelican.hub_reader")


def layout_for(src_path: str, layouts: dict) -> str:
    """The template name for a page: named site pages first, then the page's type."""
    named = (layouts.get("pages") or {}).get(src_path)
    if named:
        return named
    page_type = type_for(src_path) if src_path else SITE_PAGE
    return (layouts.get("types") or {}).get(page_type, "page.html")


class HubMarkdownReader(YAMLMetadataReader):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offline = bool(self.settings.get("HUB_OFFLINE"))
        self.links = ContentLinks(set(self.settings.get("HUB_SRC_PATHS", ())), offline=self.offline)
        self._md.registerExtensions([self.links], {})
        self.settings.setdefault("HUB_MISSING_LINKS", [])

    def _load_yaml_metadata(self, text, source_path):
        """Front matter as the content model reads it (hub.content.frontmatter), not with PyYAML's
        pure-Python loader: the same limits and values as `check` (control characters replaced),
        and libyaml's speed. The pipeline has already refused front matter this cannot read."""
        try:
            data = parse_yaml(text).data
        except FrontMatterError as e:
            log.error("Front matter of '%s' cannot be read: %s", source_path, e.message)
            return {}
        return self._parse_yaml_metadata(data, source_path) if isinstance(data, dict) else {}

    def read(self, source_path):
        src_path = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        self.links.src_path = src_path
        self.links.missing = []
        content, metadata = super().read(source_path)
        self.settings["HUB_MISSING_LINKS"].extend(self.links.missing)

        url = page_url(src_path, self.offline)
        metadata["url"] = url
        metadata["save_as"] = save_as(url)
        # Generated pages (A to Z, topics, section landing pages) are site pages, as in the MkDocs build.
        generated = src_path in self.settings.get("HUB_GENERATED", ())
        layout = layout_for("" if generated else src_path, self.settings.get("HUB_LAYOUTS") or {})
        metadata["template"] = layout.removesuffix(".html")
        # Slugs must be unique, or Pelican takes pages with the same title for translations.
        metadata["slug"] = posixpath.splitext(src_path)[0].replace("/", "--")
        metadata["hub_src"] = src_path
        if type_for(src_path) == FOLDERS["news"] and "published" in metadata:
            metadata["date"] = self.process_metadata("date", str(metadata["published"]))
        # sitemap.xml's lastmod (pelican-sitemap reads `modified`), as the MkDocs build dates pages.
        if "last_reviewed" in metadata:
            metadata["modified"] = self.process_metadata("modified", str(metadata["last_reviewed"]))
        return content, metadata
