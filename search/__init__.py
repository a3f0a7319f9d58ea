"""The hub's search: a Lunr index built at compile time, and its browser client.

`build_index` is called by both engines after they render the site
(hub/engines/mkdocs/hooks.py for MkDocs, the Pelican engine for Pelican). It raises
VocabularyError, listing every problem, when search/synonyms.yml is wrong.
"""
from __future__ import annotations

from .indexer import build_index
from .vocabulary import VocabularyError

__all__ = ["build_index", "VocabularyError"]
