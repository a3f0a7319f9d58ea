"""The checks' settings, read from `extra.hub.checks` in mkdocs.yml, with the defaults used when a key is absent.

Limits that protect visitors' safety (the unsafe HTML rules) are not settings:
a pull request could otherwise switch them off in the same change.
"""
from __future__ import annotations

DEFAULTS = {
    # Alt text longer than this belongs in the page text or a caption.
    "alt_text_max": 150,
    # Flesch-Kincaid grade 6 is a reading age of about 11 (US grade + 5), the top of the NHS target of 9 to 11.
    "reading_grade_max": 6.0,
    # Pages shorter than this (in words) give unreliable reading scores, so they are not scored.
    "reading_min_words": 50,
    "sentence_words_max": 25,
    # Acronyms readers know without spelling out.
    "known_acronyms": ["NHS", "UK", "GP", "A&E", "BSL", "PDF", "URL"],
}


def get(config, key: str):
    checks = (config.hub or {}).get("checks") or {}
    return checks.get(key, DEFAULTS[key])
