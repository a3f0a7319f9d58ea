"""Turn text into the words search indexes, exactly as the browser client does.

lunr's own tokenizer splits only on spaces and hyphens, so "care/support"
would become one term. Both sides therefore pick words out with the same
pattern first (letters and digits, with inner apostrophes), and a hyphenated
word also yields its parts joined up: "co-production" gives "co",
"production" and "coproduction", so all three spellings find each other.
The client's copy is `words()` in client/hub-search.js.
"""
from __future__ import annotations

import re
import unicodedata

# A run of letters/digits, with inner apostrophes, joined by hyphens.
COMPOUND = re.compile(r"[^\W_]+(?:'[^\W_]+)*(?:-[^\W_]+(?:'[^\W_]+)*)*")
# Words with characters beyond U+FFFF are left out: JavaScript would sort them differently.
_BEYOND_BMP = re.compile("[\U00010000-\U0010FFFF]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-"})


def words(text: str) -> list[str]:
    """Lower-case words of text, with the joined form after each hyphenated word."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    wide = _BEYOND_BMP.search(text) is not None
    out: list[str] = []
    for word in COMPOUND.findall(text):
        if "-" not in word and not wide:  # most words: nothing to split or leave out
            out.append(word)
            continue
        parts = word.split("-")
        if wide:
            parts = [p for p in parts if not _BEYOND_BMP.search(p)]
        out.extend(parts)
        if len(parts) > 1:
            out.append("".join(parts))
    return out
