"""Words -> index terms: the Python half of the one tokenizer.

lunr.py's stop-word filter, the hub's spelling fold (spelling.py) and a stemmer
that stems as lunr.js does (stemmer.py), the same steps in the same order as
the browser's client/hub-terms.js. tests/test_search_terms.py runs both halves
over a large vocabulary and requires identical terms.
"""
from __future__ import annotations

from lunr.pipeline import Pipeline
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token

from . import vocabulary
from .spelling import PIPELINE_NAME, Speller
from .stemmer import stemmer
from .words import words


def register_speller(speller: Speller):
    def hub_spelling(token, i=None, tokens=None):
        return token.update(lambda s, metadata=None: speller.fold(s))

    # Registered afresh for each build (the word list may have changed); set directly,
    # as lunr.py's register_function warns about replacing an earlier build's function.
    hub_spelling.label = PIPELINE_NAME
    Pipeline.registered_functions[PIPELINE_NAME] = hub_spelling
    return hub_spelling


def index_pipeline(speller: Speller) -> Pipeline:
    """lunr's indexing pipeline with the hub's steps: stop words, spelling, stemmer.

    lunr's trimmer is left out: words() has already cut every word clean, the
    same way the browser client does.
    """
    p = Pipeline()
    p.add(stop_word_filter, register_speller(speller), stemmer)
    return p


class Terms:
    """Words -> index terms through the indexing pipeline, once per distinct word.

    A site uses the same few thousand words over and over; running lunr's
    pipeline once per distinct word instead of once per occurrence gives the
    same terms, many times faster.
    """

    def __init__(self, speller: Speller | None = None):
        pipeline = index_pipeline(speller or Speller(vocabulary.load().spellings))

        class Seen(dict):
            def __missing__(self, word):
                out = pipeline.run([Token(word)])
                term = self[word] = str(out[0]) if out else None
                return term

        self.seen: dict[str, str | None] = Seen()

    def term(self, word: str) -> str | None:
        return self.seen[word]

    def __call__(self, text_words: list[str]) -> list[str]:
        return [t for t in map(self.seen.__getitem__, text_words) if t]

    def of_text(self, text: str) -> list[str]:
        return self(words(text))
