"""The Pelican plugin: read Markdown with the hub's reader (YAML front matter, hub URLs and layouts),
and let templates include theme/shared/ as "shared/…"."""
from __future__ import annotations

from pelican import signals

from hub.themes import with_shared_templates

from .reader import HubMarkdownReader


def add_reader(readers):
    for ext in HubMarkdownReader.file_extensions:
        readers.reader_classes[ext] = HubMarkdownReader


def add_shared_templates(generator):
    with_shared_templates(generator.env)


def register():
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(add_shared_templates)
