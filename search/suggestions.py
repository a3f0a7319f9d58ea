"""What the search box suggests as people type: page titles, and the phrases people search for.

Two kinds of suggestion, each one line of text:

- a page: its title and address (choosing it goes to the page);
- a phrase: a page's search.phrases ("rude staff", "they didn't listen") and the phrases of
  the synonym table that find something ("PALS", "Friends and Family Test"); choosing one
  runs that search.

The header's search box is on every page, so what it loads must stay small on a big site.
The suggestions are filed by the first two letters of each of their words (stop words
aside): a box that holds "comp" loads only the file for "co". The files are written
into the index's folder (index_files.py) with a small manifest of their own
(index/suggest.js), which the header loads instead of the search page's manifest.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from lunr.stop_word_filter import WORDS as STOP_WORDS

from .words import compounds, words

KEY_LETTERS = 2


@dataclass(frozen=True)
class Suggestion:
    text: str
    url: str  # a page's address; "" for a phrase, which runs a search
    weight: float  # a page's boost, or how many pages list a phrase: the heavier of two equal matches first


def collect(pages, synonym_phrases: list[list[str]], lexicon: set[str], terms) -> list[Suggestion]:
    """Every suggestion, pages first, then phrases, each once (phrases that say the same words once)."""
    out = [Suggestion(p.title, p.url, float(p.boost)) for p in pages]
    seen = {_key(s.text) for s in out}
    listed: dict[str, int] = defaultdict(int)
    first_seen: dict[str, str] = {}
    for page in pages:
        for phrase in page.phrases:
            key = _key(phrase)
            listed[key] += 1
            first_seen.setdefault(key, " ".join(phrase.split()))
    for group in synonym_phrases:
        if not any(_findable(phrase, lexicon, terms) for phrase in group):
            continue  # nothing on the site answers this group: suggesting it would lead nowhere
        for phrase in group:
            if phrase.endswith("s") and phrase[:-1] in group:
                continue  # "ICSs" beside "ICS": the plural adds nothing to choose from
            first_seen.setdefault(_key(phrase), " ".join(phrase.split()))
    for key, text in first_seen.items():
        if key and key not in seen:
            seen.add(key)
            out.append(Suggestion(text, "", 1.0 + listed.get(key, 0)))
    return out


def _key(text: str) -> str:
    """Phrases with the same words in the same order, however written, are one suggestion
    ("co-production" and "Co production"; "the Friends and Family Test" and "Friends and Family Test")."""
    made = [joined or "".join(parts) for parts, joined in compounds(text)]
    if len(made) > 1 and made[0] in ("the", "a", "an"):
        made = made[1:]
    return "".join(made)


def _findable(phrase: str, lexicon: set[str], terms) -> bool:
    made = terms(words(phrase))
    return bool(made) and all(t in lexicon for t in made)


def keys_of(text: str) -> set[str]:
    """The files a suggestion is filed in: the first two letters of each word that is not a stop word."""
    keys = set()
    for parts, joined in compounds(text):
        for word in (*parts, joined) if joined else parts:
            if word and len(word) >= KEY_LETTERS and word not in STOP_WORDS:
                keys.add(word[:KEY_LETTERS])
    return keys


def files(suggestions: list[Suggestion]) -> tuple[list[str], dict[str, list[list]]]:
    """(the keys, in order; {key: [[text, url], ...]}), each file's suggestions best first."""
    by_key: dict[str, list[Suggestion]] = defaultdict(list)
    for s in suggestions:
        for key in keys_of(s.text):
            by_key[key].append(s)
    keys = sorted(by_key)
    return keys, {key: [[s.text, s.url] for s in sorted(by_key[key], key=_order)] for key in keys}


def _order(s: Suggestion):
    """Pages before phrases (a title is the surer next step), then by weight, shorter first."""
    return (not s.url, -s.weight, len(s.text), s.text.casefold(), s.text, s.url)


def manifest(base: str, keys: list[str], version: int) -> dict:
    return {"version": version, "base": base, "keys": keys, "stop": " ".join(sorted(STOP_WORDS))}
