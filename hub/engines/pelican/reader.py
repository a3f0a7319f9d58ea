"""The Markdown reader: pelican-yaml-metadata's, given each page's address, template and view by the site plan.

pelican-yaml-metadata reads the same YAML front matter MkDocs reads. The plan
decides everything else about the page; this reader only hands it to Pelican:
where the page is saved, which template draws it, and the view its template
shows (`page.hub_view`). Links between Markdown files become the pages'
addresses (links.py), so Markdown written once works in both engines.
"""
from __future__ import annotations

import functools
import logging
import os
import posixpath

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from hub.content.frontmatter import FrontMatterError, parse_yaml

from .links import ContentLinks

# Under "pelican", so the engine reports what is logged here as a finding (hub/engines/pelican/engine.py).
log = logging.getLogger("pelican.hub_reader")


def reader_for(plan):
    """The reader class Pelican instantiates with its settings, bound to this build's plan."""
    return functools.partial(HubMarkdownReader, plan=plan)


class HubMarkdownReader(YAMLMetadataReader):
    def __init__(self, settings, *, plan):
        super().__init__(settings)
        self.plan = plan
        self.links = ContentLinks(plan)
        self._md.registerExtensions([self.links], {})

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
        planned = self.plan.by_src.get(src_path)
        if planned is None:
            raise ValueError(f"{src_path} is not a page of the site plan")
        self.links.src_path = src_path
        content, metadata = super().read(source_path)
        metadata["url"] = planned.url
        metadata["save_as"] = planned.output
        metadata["template"] = planned.layout.removesuffix(".html")
        # Slugs must be unique, or Pelican takes pages with the same title for translations.
        metadata["slug"] = posixpath.splitext(src_path)[0].replace("/", "--")
        metadata["hub_view"] = planned.view
        return content, metadata
