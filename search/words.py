"""Turn text into the words search indexes, exactly as the browser client does.

lunr's own tokenizer splits only on spaces and hyphens, so "care/support"
would become one term. Both sides therefore pick words out with the same
pattern first (letters and digits, with inner apostrophes), and a word joined
by hyphens or ampersands also yields its parts joined up: "co-production"
gives "co", "production" and "coproduction", and "A&E" gives "a", "e" and
"ae", so "A&E" is a word search can find. Groups of digits with single spaces
between them, as phone numbers are written, are one compound too: "03000 616161"
also gives "03000616161". The client's copy is `compounds()`
in client/hub-terms.js; tests/test_search_terms.py requires the same words
from both.
"""
from __future__ import annotations

import re
import unicodedata

# A run of letters/digits, with inner apostrophes, joined by hyphens or ampersands.
COMPOUND = re.compile(r"[^\W_]+(?:'[^\W_]+)*(?:[-&][^\W_]+(?:'[^\W_]+)*)*")
# The same pattern for lower-case ASCII text, where [^\W_] is just [a-z0-9], and faster.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*(?:[-&][a-z0-9]+(?:'[a-z0-9]+)*)*")
JOINERS = re.compile(r"[-&]")
DIGITS = re.compile(r"[0-9]+")
# Two groups of digits with one space between them: a phone number, perhaps.
_NUMBER_RUN = re.compile(r"(?<![^\W_])[0-9]+ [0-9]+(?![^\W_])")
# Words with characters beyond U+FFFF are left out: JavaScript would sort them differently.
_BEYOND_BMP = re.compile("[\U00010000-\U0010FFFF]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-"})


def clean(text: str) -> str:
    if text.isascii():  # nothing to normalise or translate: the commonest case by far
        return text.lower()
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()


def compounds(text: str) -> list[tuple[list[str], str | None]]:
    """Each word of text as (parts, joined): (["co", "production"], "coproduction"), or (["care"], None)."""
    text = clean(text)
    if _BEYOND_BMP.search(text) is None and _NUMBER_RUN.search(text) is None:
        # Most text: nothing to leave out and no groups of digits to join.
        return [(JOINERS.split(w), JOINERS.sub("", w)) if ("-" in w or "&" in w) else ([w], None)
                for w in COMPOUND.findall(text)]
    wide = _BEYOND_BMP.search(text) is not None
    out = []
    run_end = -1  # where the last group of digits ended, while a phone-number-like run goes on
    for m in COMPOUND.finditer(text):
        word = m.group()
        if DIGITS.fullmatch(word):
            if m.start() == run_end + 1 and text[run_end] == " ":
                parts = out[-1][0] + [word]
                out[-1] = (parts, "".join(parts))
            else:
                out.append(([word], None))
            run_end = m.end()
            continue
        run_end = -1
        parts = JOINERS.split(word)
        if wide:
            parts = [p for p in parts if not _BEYOND_BMP.search(p)]
        if parts:
            out.append((parts, "".join(parts) if len(parts) > 1 else None))
    return out


def words(text: str) -> list[str]:
    """Lower-case words of text, with the joined form after each hyphenated word."""
    if text.isascii():
        cleaned = text.lower()
        if "-" not in cleaned and "&" not in cleaned and _NUMBER_RUN.search(cleaned) is None:
            return _ASCII_WORD.findall(cleaned)  # most text: every word stands alone
    out: list[str] = []
    for parts, joined in compounds(text):
        out.extend(parts)
        if joined:
            out.append(joined)
    return out
