"""Rendering engines. Each module offers build(config, out_dir, offline=False) and serve(config, host, port).

MkDocs with Material is the default; Pelican builds the same content so the
hub never depends on one generator.
"""
from __future__ import annotations

import importlib

ENGINES = ("mkdocs", "pelican")
DEFAULT = "mkdocs"


class BuildFailed(Exception):
    """The engine could not render the site; `findings` says why, file by file."""

    def __init__(self, findings):
        super().__init__(f"{len(findings)} problem(s)")
        self.findings = findings


def get(name: str):
    if name not in ENGINES:
        raise ValueError(f"unknown engine '{name}': use one of {', '.join(ENGINES)}")
    return importlib.import_module(f"hub.engines.{name}_engine")
