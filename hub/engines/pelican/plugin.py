"""The Pelican plugin: read Markdown with the hub's reader (YAML front matter, hub URLs and layouts)."""
from __future__ import annotations

from pelican import signals

from .reader import HubMarkdownReader


def add_reader(readers):
    for ext in HubMarkdownReader.file_extensions:
        readers.reader_classes[ext] = HubMarkdownReader


def register():
    signals.readers_init.connect(add_reader)
