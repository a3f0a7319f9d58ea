"""lunr.py's Porter stemmer, made to stem exactly as lunr.js 2.3.9 does.

The browser stems every query with lunr.js, so the index must hold the terms
lunr.js would make. lunr.py's port follows Porter's published step 1c (a final
y becomes i when the stem has a vowel: way -> wai, survey -> survei), but
lunr.js's regular expression /^(.+?[^aeiou])y$/ needs a letter that is not a
vowel just before the y, and one more letter before that (way -> way, cry -> cri).
Everything else in the two ports agrees. tests/test_search_terms.py runs both
pipelines over every word of the content and the whole British English word
list and requires the same terms.
"""
from __future__ import annotations

from lunr.stemmer import PorterStemmer

PIPELINE_NAME = "stemmer"  # the name lunr.js knows its own stemmer by


class BrowserPorterStemmer(PorterStemmer):
    def step1c(self):
        k = self.k
        if self.b[k] == "y" and k - self.k0 >= 2 and self.b[k - 1] not in "aeiou":
            self.b = self.b[:k] + "i" + self.b[k + 1:]


_porter = BrowserPorterStemmer()


def stem(word: str) -> str:
    return _porter.stem(word)


def stemmer(token, i=None, tokens=None):
    """The lunr.py pipeline function: stems a token as lunr.stemmer does in the browser."""
    return token.update(lambda s, metadata=None: _porter.stem(s))


stemmer.label = PIPELINE_NAME
