"""Write the Lunr index out in pieces, so the browser loads only what a query needs.

Everything is a script file calling hubSearch.add(name, data), so it loads with
a <script> element, from file:// too, and under script-src 'self'. The data is
JSON with <, >, &, U+2028 and U+2029 written as \\u escapes, so no text from a
page can end the script or be read as markup.

- manifest.js: the fields; the first term of each postings shard (the lexicon
  itself is in the shards, so the manifest stays small however big the site);
  each page's type, audience and number of sections; the synonym groups and the
  spelling list. It names the folder the other files are in.
- <hash>/p<n>.js: postings shards, runs of consecutive terms of the sorted
  lexicon: the terms, then for each term and field the sections it is in and the
  weight lunr.py gave it there. These are rows of lunr's inverted index and the
  matching entries of its field vectors, so lunr.js rebuilds an exact slice of
  the full index with lunr.Index and scores exactly as it would with all of it.
- <hash>/d<n>.js: page n for showing results: its address, title, summary and
  each section's anchor, heading and text (for the snippets).
- <hash>/w<n>.js: every word of n letters the pages use, with how often, for the
  spelling pass: a typo is at most two letters longer or shorter than the word
  it should be, so a query word loads only the files of nearby lengths.
- <hash>/r<n>.js: the related-words table (related.py), in runs of consecutive terms
  like the postings: each word WordNet knows that no page uses, with the site's terms
  for its related words and their weights.
- suggest.js and <hash>/s<n>.js: what the search box suggests as people type
  (suggestions.py), filed by the first two letters of their words. They call
  hubSuggest.add, not hubSearch.add: the header's suggestions load on every page.

search/README.md ("Index format") is the full description; FORMAT is the manifest's
version, which the browser checks (client/hub-index.js).

The folder is named by a hash of every file in it, so a browser never mixes
pieces of two builds.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from pathlib import Path

from hub.content import schema
from hub.security import script_json

from . import suggestions
from .words import words

FORMAT = 4  # the manifest's version: client/hub-index.js reads this format and no other
SHARD_BYTES = 12_000  # target size of a postings (or related-words) shard before compression
SNIPPET_CHARS = 1000  # text kept per section for snippets
AUDIENCES = ["public", "staff"]


# Pages' documents (address, title, summary, sections) are written a few pages to a file.
# One file a page meant thousands of tiny files, and a big site's build spent seconds
# creating them; four to a file keeps a first result's download small (its ten pages)
# while writing a quarter of the files.
PAGES_PER_FILE = 4


def script(name: str, data, to: str = "hubSearch") -> bytes:
    """hubSearch.add(name, data) (or hubSuggest.add); as JavaScript, with the JSON escaped for a script context."""
    return f"{to}.add({json.dumps(name)},{script_json(data)});\n".encode("utf-8")


def write(folder: Path, index, pages, docs, terms, synonyms: list, spellings: dict, prefetch_bytes: int,
          related: dict, suggested: list) -> dict:
    field_names = list(index.fields)
    lexicon = sorted(index.inverted_index)
    lexicon_set = set(lexicon)
    files: dict[str, bytes] = {}

    shard_first, shard_start = [], []
    for n, (start, batch) in enumerate(_shards(index, field_names, lexicon)):
        shard_first.append(lexicon[start])
        shard_start.append(start)
        files[f"p{n}"] = script(f"p{n}", {"terms": "\n".join(t for t, _ in batch), "rows": [r for _, r in batch]})

    for n in range(0, len(pages), PAGES_PER_FILE):
        name = f"d{n // PAGES_PER_FILE}"
        files[name] = script(name, [[page.url, page.title, page.summary,
                                     [[d.anchor, d.heading, _snippet_text(d.text)] for d in page.sections]]
                                    for page in pages[n:n + PAGES_PER_FILE]])

    related_first = []
    for n, batch in enumerate(_related_shards(related)):
        related_first.append(batch[0][0])
        listed = [(t, r) for t, r in batch if r]
        files[f"r{n}"] = script(f"r{n}", {"terms": "\n".join(t for t, _ in listed), "related": [r for _, r in listed],
                                          "known": "\n".join(t for t, r in batch if not r)})

    suggest_keys, suggest_files = suggestions.files(suggested)
    for n, key in enumerate(suggest_keys):
        files[f"s{n}"] = script(f"s{n}", suggest_files[key], to="hubSuggest")

    lengths = []
    for length, listed in sorted(written_words(pages, terms, lexicon_set).items()):
        files[f"w{length}"] = script(f"w{length}", {"words": "\n".join(w for w, _ in listed),
                                                    "counts": [c for _, c in listed]})
        lengths.append(length)

    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name])
    base = digest.hexdigest()[:12]
    (folder / base).mkdir()
    for name, payload in files.items():
        (folder / base / f"{name}.js").write_bytes(payload)

    types = sorted({p.type for p in pages})
    manifest = {
        "version": FORMAT,
        "base": base + "/",
        "pagesPerFile": PAGES_PER_FILE,
        # What the page fetches whole once results show (client/hub-index.js allFiles): not the
        # related words (only a word no page has reads them) or the suggestions (the header's).
        "prefetch": sum(len(b) for n, b in files.items() if n[0] in "pdw") <= prefetch_bytes,
        "fields": field_names,
        "shards": {"first": shard_first, "start": shard_start},
        "sections": len(docs),
        # One character per page: its type's number * 4 + audience bits (public 1, staff 2).
        "pages": {"meta": "".join(chr(48 + types.index(p.type) * 4 + _audience_bits(p.audience)) for p in pages),
                  "sections": [len(p.sections) for p in pages]},
        "types": [[t, schema.TYPE_LABELS.get(t, t.title())] for t in types],
        "audiences": [[a, a.title()] for a in AUDIENCES],
        "words": lengths,
        "related": {"first": related_first},
        "synonyms": synonyms,
        # For each group, a bit for each phrase all of whose terms the pages have: a query looks
        # up only those ("patient" need not fetch the shard for "pt", which no page may use).
        "synonymsFound": [sum(1 << n for n, phrase in enumerate(group) if all(t in lexicon_set for t in phrase))
                          for group in synonyms],
        "spellings": spellings,
    }
    (folder / "manifest.js").write_bytes(script("manifest", manifest))
    (folder / "suggest.js").write_bytes(script("suggest", suggestions.manifest(base + "/", suggest_keys, FORMAT),
                                               to="hubSuggest"))
    return {"pages": len(pages), "sections": len(docs), "terms": len(lexicon), "shards": len(shard_first),
            "files": len(files) + 1}


def _audience_bits(audience) -> int:
    return sum(1 << AUDIENCES.index(a) for a in audience if a in AUDIENCES)


def _shards(index, field_names: list[str], lexicon: list[str]):
    """(position of the first term, [(term, row)]) for each run of about SHARD_BYTES.

    A row is, for each field the term is in: the field's number, how many sections,
    then each section as a gap from the previous one (smaller numbers, smaller files)
    with the weight lunr.py gave the term there, in thousandths (lunr_index.py makes
    these lists as it works out the weights).
    """
    lists, width = index.rows, len(field_names)
    batch, size, start = [], 0, 0
    for position, term in enumerate(lexicon):
        base = index.inverted_index[term]["_index"] * width
        row = []
        for f in range(width):
            entries = lists.get(base + f)
            if entries is not None:
                row.append(f)
                row.append(len(entries) // 2)
                row += entries
        if not batch:
            start = position
        batch.append((term, row))
        size += len(term) + 2 + 5 * len(row)
        if size >= SHARD_BYTES:
            yield start, batch
            batch, size = [], 0
    if batch:
        yield start, batch


def _related_shards(related: dict):
    """Runs of about SHARD_BYTES of the related-words table, in term order."""
    batch, size = [], 0
    for term, listed in related.items():
        batch.append((term, listed))
        size += len(term) + 1 + sum(len(t) + 8 for t, _ in listed)
        if size >= SHARD_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def written_words(pages, terms, lexicon: set) -> dict[int, list[tuple[str, int]]]:
    """Every word as the pages write it (no numbers), with how often, by length, sorted.

    The spelling pass compares a query word with these, not with index terms:
    "hosptial" is one swap from "hospital", but three edits from its stem "hospit".
    """
    written = Counter()
    for page in pages:
        written.update(words(page.title))
        written.update(words(page.summary))
        written.update(words(" . ".join(page.phrases)))
        for d in page.sections:
            written.update(words(d.heading))
            written.update(d.text_words)
    by_length: dict[int, list] = defaultdict(list)
    for word, n in sorted(written.items()):
        if not any(c.isdigit() for c in word) and terms.term(word) in lexicon:
            by_length[len(word)].append((word, n))
    return by_length


def _snippet_text(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
