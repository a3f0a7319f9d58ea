"""Rendering engines, one folder each. Each engine.py offers render(plan, out_dir): it draws the
site plan (hub.plan) into out_dir and decides nothing the plan has decided. hub/pipeline.py
calls it; hub/serve.py previews either edition through the pipeline.

Pelican with the NHS.UK design system is the default edition. MkDocs with Material
builds the same content (`--engine mkdocs`) and stays fully supported: the hub never
depends on one generator, and Material reaches its end of life in May 2027.
"""
from __future__ import annotations

import importlib
import logging

ENGINES = ("pelican", "mkdocs")
DEFAULT = "pelican"


class BuildFailed(Exception):
    """The engine could not render the site; `findings` says why, file by file."""

    def __init__(self, findings):
        super().__init__(f"{len(findings)} problem(s)")
        self.findings = findings


class CollectWarnings(logging.Handler):
    """Keep an engine's log warnings and errors, to report them as findings instead of log noise."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def get(name: str):
    if name not in ENGINES:
        raise ValueError(f"unknown engine '{name}': use one of {', '.join(ENGINES)}")
    return importlib.import_module(f"hub.engines.{name}.engine")
