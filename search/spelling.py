"""British and American spellings of the same word, folded to one form; possessives to their word.

The same rules run in the indexer (a lunr.py pipeline function) and in the
browser (a lunr.js pipeline function of the same name, in client/hub-search.js),
so "organization" finds "organisation" and the other way round. The general
rules live here and in the client; the word list lives in synonyms.yml so
contributors can extend it. Keep the two implementations in step: the unit
tests and the browser tests check both.
"""
from __future__ import annotations

import re

PIPELINE_NAME = "hubSpelling"

# organize -> organise, organization -> organisation, analyze -> analyse.
# At least three letters before "iz"/"yz", so "size", "prize" and "seize" are left alone.
_IZE = re.compile(r"^(\w{3,}[iy])z(e|es|ed|ing|er|ers|ation|ations|ational|able)$")
# Endings a listed American word may carry: behavior -> behaviours.
SUFFIXES = ("", "s", "es", "al", "ally", "ed", "ing", "er", "ers", "ist", "ists", "ism")
_ENDINGS = sorted(SUFFIXES, key=len)


class Speller:
    """Fold American spellings to British ones: the general rules, then the word list."""

    def __init__(self, spellings: dict[str, str]):
        self.spellings = dict(spellings)
        self._seen: dict[str, str] = {}  # a site repeats the same words many times

    def fold(self, word: str) -> str:
        folded = self._seen.get(word)
        if folded is None:
            folded = self._seen[word] = self._fold(word)
        return folded

    def _fold(self, word: str) -> str:
        # A possessive is its word: "England's" finds "England" (and "its", "it's" stay apart).
        if word.endswith("'s") and len(word) > 4:
            word = word[:-2]
        match = _IZE.match(word)
        if match:
            return match.group(1) + "s" + match.group(2)
        # The longest listed word the word starts with, followed by one of SUFFIXES
        # (shortest ending first, so the longest listed word wins: "neighborhood" over "neighbor").
        for ending in _ENDINGS:
            if word.endswith(ending):
                stem = word[:len(word) - len(ending)] if ending else word
                if stem in self.spellings:
                    return self.spellings[stem] + ending
        return word
