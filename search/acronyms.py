"""Acronyms the content spells out, for search's synonym table and for `check`.

Pages write "Patient Advice and Liaison Service (PALS)" or "PALS (Patient Advice
and Liaison Service)". harvest() finds those pairs, so searching for either finds
the other without anyone editing search/synonyms.yml. A pair counts only when the
long form's initials spell the acronym: each word gives its first letter (a word
in capitals, like "GP", gives all its letters), "and", "of", "the" and the like may
be left out, and "&" in the acronym stands for "and" ("accident and emergency (A&E)").
"""
from __future__ import annotations

import re

# An acronym in brackets after its long form, with an optional plural s: "(ICSs)".
AFTER = re.compile(r"\(\s*([A-Z][A-Z0-9&]*[A-Z0-9])(s?)\s*\)")
# An acronym followed by its long form in brackets: "PALS (Patient Advice and Liaison Service)".
BEFORE = re.compile(r"(?<![\w&-])([A-Z][A-Z0-9&]*[A-Z0-9])(s?)\s*\(([^()]{3,120})\)")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
MINOR = {"and", "of", "the", "for", "in", "on", "to", "with", "at", "by", "a", "an", "or", "&"}
MAX_LETTERS = 10


def letters_of(acronym: str) -> str:
    return acronym.replace("&", "").lower()


def _spells(letters: str, words: list[str]) -> bool:
    """Whether the words' initials spell letters, every word but minor ones giving at least one."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word.lower() in MINOR and _spells(letters, rest):
        return True
    if not letters:
        return False
    if word.isupper() and len(word) > 1:  # "GP Patient Survey (GPPS)"
        given = word.lower()
        return letters.startswith(given) and _spells(letters[len(given):], rest)
    return letters[0] == word[0].lower() and _spells(letters[1:], rest)


def _long_form_before(text: str, letters: str) -> str | None:
    """The fewest words just before the brackets whose initials spell the acronym."""
    words = WORD.findall(text[-200:])
    for n in range(1, min(len(words), 2 * len(letters) + 2) + 1):
        tail = words[-n:]
        if tail[0].lower() not in MINOR and _spells(letters, tail):
            return " ".join(tail)
    return None


def harvest(text: str) -> list[tuple[str, str]]:
    """(acronym, long form) for each acronym text spells out, in order of appearance."""
    found = []
    for m in AFTER.finditer(text):
        acronym = m.group(1)
        letters = letters_of(acronym)
        if not 2 <= len(letters) <= MAX_LETTERS:
            continue
        long_form = _long_form_before(text[: m.start()], letters)
        if long_form:
            found.append((m.start(), acronym, long_form))
    for m in BEFORE.finditer(text):
        acronym, inside = m.group(1), m.group(3)
        letters = letters_of(acronym)
        words = WORD.findall(inside)
        if 2 <= len(letters) <= MAX_LETTERS and len(words) >= 2 and _spells(letters, words):
            found.append((m.start(), acronym, " ".join(words)))
    return [(acronym, long_form) for _, acronym, long_form in sorted(found)]
