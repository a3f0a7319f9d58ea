"""The Pelican plugin: let templates include theme/shared/ as "shared/…".

(The hub's reader is given to Pelican with its READERS setting, bound to the
build's plan, in settings.py.)"""
from __future__ import annotations

from pelican import signals

from hub.themes import with_shared_templates


def add_shared_templates(generator):
    with_shared_templates(generator.env)


def register():
    signals.generator_init.connect(add_shared_templates)
