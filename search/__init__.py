"""The hub's search: a Lunr index built at compile time, and its browser client."""
from __future__ import annotations


def build_index(site_dir, config, site, *, offline: bool = False) -> dict:
    """Index the built HTML in site_dir. Filled in by the search work (issue 4)."""
    return {}
