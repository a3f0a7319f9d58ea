"""The hub's search: a Lunr index built at compile time, and its browser client.

`build_index` is called once the pages are rendered, by hub/after_render.py for both
editions, with the pages the site plan says are searchable. It raises VocabularyError,
listing every problem, when search/synonyms.yml is wrong.
"""
from __future__ import annotations

from .indexer import build_index
from .vocabulary import VocabularyError

__all__ = ["build_index", "VocabularyError"]
