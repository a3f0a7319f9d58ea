"""Build the hub's search index from the built site.

lunr.py builds one ordinary Lunr index (fields, boosts, BM25 weights) over
every page section. It is then written out in pieces so the browser loads only
what a query needs:

- manifest.js: the fields, the sorted list of every indexed term (the
  lexicon), where each postings shard starts, one character per section with
  its type and audience (for filters), the synonym groups and spelling list.
- p-*.js: postings shards, consecutive ranges of the lexicon. For each term
  and field: the sections it occurs in and the weight lunr.py gave it there.
  These are the rows of lunr's inverted index and the matching entries of its
  field vectors, so lunr.js rebuilds an exact slice of the full index with
  lunr.Index.load and scores exactly as it would with the whole index.
- d-*.js: the document store in chunks: link, titles and text for snippets.
- w-*.js: a display word for each term, loaded only for spelling suggestions.

Every file is a script calling hubSearch.add(name, data), so it loads from
file:// with a <script> element. Output is deterministic: same site, same bytes.
"""
from __future__ import annotations

import gc
import hashlib
import json
import shutil
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf as Idf
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.token_set import TokenSet
from lunr.vector import Vector

from hub.content.model import url_for

from . import sections as html_sections
from . import vocabulary
from .spelling import PIPELINE_NAME, Speller
from .words import words

ASSETS = "assets/search"  # client, lunr.js and the index, inside the built site
CLIENT_DIR = Path(__file__).resolve().parent / "client"
# Field -> boost, when mkdocs.yml has no extra.hub.search.fields.
DEFAULT_FIELDS = {"title": 10, "heading": 6, "summary": 3, "topics": 3, "body": 1, "type": 1, "audience": 1}
SHARD_BYTES = 24_000  # target size of a postings shard before compression
DOC_CHUNK = 16  # sections per document-store file
SNIPPET_CHARS = 1000  # text kept per section for snippets
PREFETCH_BYTES = 1_500_000  # default of extra.hub.search.prefetch_bytes
LUNR_JS = Path("contrib/search/templates/search/lunr.js")  # shipped inside the mkdocs package


@dataclass
class Doc:
    url: str
    title: str
    heading: str
    text: str
    summary: str
    type: str
    audience: list
    topics: list
    boost: float

    @cached_property
    def text_words(self) -> list[str]:
        return words(self.text)


def build_index(site_dir: Path, config, site, offline: bool = False) -> dict:
    """Index site_dir's pages and write the client and index under site_dir/assets/search/."""
    started = time.perf_counter()
    # Indexing makes millions of small objects that all live until the end; with a big site
    # already in memory, Python's cycle collector would spend more time than the indexing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(Path(site_dir), config, site, offline, started)
    finally:
        if collecting:
            gc.enable()


def _build(site_dir: Path, config, site, offline: bool, started: float) -> dict:
    settings = (config.hub.get("search") or {}) if config is not None else {}
    fields = dict(settings.get("fields") or DEFAULT_FIELDS)
    vocab = vocabulary.load()
    speller = Speller(vocab.spellings)
    docs = collect_docs(Path(site_dir), config, site, offline=offline)
    register_speller(speller)
    terms = Terms()
    index = lunr_index(docs, fields, speller, terms)
    out = Path(site_dir) / ASSETS
    if out.exists():
        shutil.rmtree(out)
    (out / "index").mkdir(parents=True)
    prefetch_bytes = int(settings.get("prefetch_bytes", PREFETCH_BYTES))
    stats = write_index(out / "index", index, docs, vocab, terms, prefetch_bytes)
    copy_client(out)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    return stats


# --- which pages and sections -------------------------------------------------------

def search_page_sources(config) -> set[str]:
    layouts = ((config.hub.get("layouts") or {}).get("pages") or {}) if config is not None else {}
    return {src for src, layout in layouts.items() if layout == "search-page.html"} | {"search.md"}


def built_file(site_dir: Path, src_path: str, offline: bool) -> Path:
    """guides/x.md is built as guides/x/index.html, or guides/x.html in the offline copy."""
    url = url_for(src_path, offline)
    return site_dir / (url if offline else url + "index.html")


def collect_docs(site_dir: Path, config, site, *, offline: bool) -> list[Doc]:
    """One Doc per section of every searchable page, in URL order so the output is stable."""
    skip = search_page_sources(config)
    docs: list[Doc] = []
    for page in sorted(site.pages, key=lambda p: p.url):
        tuning = page.meta.get("search") or {}
        if page.src_path in skip or (isinstance(tuning, dict) and tuning.get("exclude")):
            continue
        path = built_file(site_dir, page.src_path, offline)
        if not path.is_file():
            continue
        url = path.relative_to(site_dir).as_posix()
        if not offline:
            url = url[: -len("index.html")]
        boost = float(tuning.get("boost", 1)) if isinstance(tuning, dict) else 1.0
        for n, section in enumerate(html_sections.split_sections(path.read_text(encoding="utf-8"))):
            docs.append(Doc(
                url=url + (f"#{section.anchor}" if section.anchor else ""),
                title=page.title, heading=section.heading, text=section.text,
                # The summary describes the whole page: index it once, with its first section.
                summary=page.summary if n == 0 else "",
                type=page.type, audience=page.audience, topics=page.topics, boost=boost))
    return docs


# --- the lunr index -------------------------------------------------------------------

def register_speller(speller: Speller):
    def hub_spelling(token, i=None, tokens=None):
        return token.update(lambda s, metadata=None: speller.fold(s))

    # Registered afresh for each build (the word list may have changed); set directly,
    # as lunr.py's register_function warns about replacing an earlier build's function.
    hub_spelling.label = PIPELINE_NAME
    Pipeline.registered_functions[PIPELINE_NAME] = hub_spelling
    return hub_spelling


def index_pipeline() -> Pipeline:
    """lunr's indexing pipeline with the hub's spelling step: stop words, spelling, stemmer.

    lunr's trimmer is left out: words() has already cut every word clean, the
    same way the browser client does.
    """
    p = Pipeline()
    p.add(stop_word_filter, Pipeline.registered_functions[PIPELINE_NAME], stemmer)
    return p


class Terms:
    """Words -> index terms through the indexing pipeline, once per distinct word.

    A site uses the same few thousand words over and over; running lunr's
    pipeline once per distinct word instead of once per occurrence gives the
    same terms, many times faster.
    """

    def __init__(self):
        self.pipeline = index_pipeline()
        self.seen: dict[str, str | None] = {}

    def term(self, word: str) -> str | None:
        if word not in self.seen:
            out = self.pipeline.run([Token(word)])
            self.seen[word] = str(out[0]) if out else None
        return self.seen[word]

    def __call__(self, text_words: list[str]) -> list[str]:
        seen = self.seen
        out = []
        for w in text_words:
            t = seen[w] if w in seen else self.term(w)
            if t:
                out.append(t)
        return out


class LazyTokenSetIndex(Index):
    """lunr's Index, with the token set of every term made on first use.

    lunr.py only needs the token set to run queries in Python; the hub writes the index
    out for lunr.js (which gets its own), so on a big site building it up front was a
    second or more of work nothing used. Made on demand, it is exactly what build() makes.
    """

    @property
    def token_set(self):
        if self._token_set is None:
            self._token_set = TokenSet.from_list(sorted(self.inverted_index.keys()))
        return self._token_set

    @token_set.setter
    def token_set(self, value):
        self._token_set = value


class CountingBuilder(Builder):
    """lunr.py's Builder, fed each field's terms already counted.

    Builder.add makes a Token object per word and counts them one by one;
    add_counted fills the same tables (term frequencies, field lengths, the
    inverted index) from a Counter, which is several times faster on a big
    site. Everything else, BM25 weights and field vectors included, is lunr's
    own build(). tests/test_search_indexer.py checks the result is identical
    to Builder.add's.
    """

    def add_counted(self, doc_ref: str, fields: dict[str, list[str]], boost: float = 1) -> None:
        self._documents[doc_ref] = {"boost": boost} if boost != 1 else {}
        self.document_count += 1
        for field_name in self._fields:
            terms = fields.get(field_name) or []
            counts = Counter(terms)  # like lunr's defaultdict(int): 0 for a term not there
            field_ref = f"{field_name}{FieldRef.JOINER}{doc_ref}"
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = len(terms)
            for term in counts:  # first-occurrence order, as Builder.add numbers terms
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][doc_ref] = {}  # no metadata: lunr's would stay an empty defaultdict

    def build(self) -> "LazyTokenSetIndex":
        """lunr's Builder.build, leaving the token set to be made if anything queries in Python."""
        self._calculate_average_field_lengths()
        self._create_field_vectors()
        return LazyTokenSetIndex(inverted_index=self.inverted_index, field_vectors=self.field_vectors,
                                 token_set=None, fields=list(self._fields.keys()), pipeline=self.search_pipeline)

    def _create_field_vectors(self):
        """lunr's own BM25 weights, each vector built in one go rather than term by term.

        lunr.py inserts every term into a sorted list (a binary search and a list insert
        per term), which was the largest cost of indexing a big site. Each vector here
        gets exactly the elements lunr's would, sorted by term index, with the score
        worked out by the same expression in the same order, so the numbers are identical.
        """
        field_vectors = {}
        idf_of: dict[str, float] = {}
        index_of: dict[str, int] = {}
        k1, b = self._k1, self._b
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            field_name, doc_ref = field_ref.split(FieldRef.JOINER, 1)
            field_length = self.field_lengths[field_ref]
            average = self.average_field_length[field_name]
            field_boost = self._fields[field_name].boost
            doc_boost = self._documents[doc_ref].get("boost", 1)
            if not term_frequencies:
                # An empty field (in a site where no section has one, its average length is 0
                # too) scores nothing; lunr.js never works the length out for it either.
                field_vectors[field_ref] = Vector([])
                continue
            # lunr's expression, with the parts that depend only on the field worked out once
            # (the same operations in the same order, so the same numbers).
            length_norm = k1 * (1 - b + b * (field_length / average))
            pairs = []
            for term, tf in term_frequencies.items():
                idf = idf_of.get(term)
                if idf is None:
                    posting = self.inverted_index[term]
                    idf = idf_of[term] = Idf(posting, self.document_count)
                    index_of[term] = posting["_index"]
                score = idf * ((k1 + 1) * tf) / (length_norm + tf)
                score *= field_boost
                score *= doc_boost
                pairs.append((index_of[term], round(score, 3)))
            pairs.sort()
            field_vectors[field_ref] = Vector([x for pair in pairs for x in pair])
        self.field_vectors = field_vectors


def new_builder(fields: dict, spelling) -> CountingBuilder:
    builder = CountingBuilder()
    # Fields arrive as terms already through index_pipeline() (see Terms), so the builder's
    # own pipeline stays empty; the search pipeline is what lunr.js will load.
    builder.search_pipeline.add(spelling, stemmer)
    builder.ref("id")
    for name, boost in fields.items():
        builder.field(name, boost=boost)
    return builder


def doc_terms(doc: Doc, terms: "Terms") -> dict[str, list[str]]:
    return {
        "title": terms(words(doc.title)),
        "heading": terms(words(doc.heading)),
        "summary": terms(words(doc.summary)),
        "topics": terms(words(" ".join(doc.topics))),
        "body": terms(doc.text_words),
        "type": terms([doc.type]),
        "audience": terms(list(doc.audience)),
    }


def lunr_index(docs: list[Doc], fields: dict, speller: Speller, terms: Terms | None = None):
    spelling = register_speller(speller)
    terms = terms or Terms()
    builder = new_builder(fields, spelling)
    for n, doc in enumerate(docs):
        builder.add_counted(str(n), doc_terms(doc, terms), doc.boost)
    return builder.build()


def query_terms(text: str) -> list[str]:
    """The terms a section containing text would get (used by tests to compare with the client)."""
    return Terms()(words(text))


# --- writing it out -------------------------------------------------------------------

# Characters escaped in the index's JSON even though it is loaded from files, not inline:
# no text from a page can then close a script element or start an HTML comment wherever
# the data ends up, and U+2028/U+2029 can never end a JavaScript line.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                             "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _script(name: str, data) -> bytes:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).translate(SCRIPT_SAFE)
    return f"hubSearch.add({json.dumps(name)},{body});\n".encode("utf-8")


def _write(folder: Path, stem: str, name_for_data, data) -> str:
    """Write a script file named by its content hash, so browsers never mix old and new pieces."""
    payload = _script(name_for_data, data)
    digest = hashlib.sha256(payload).hexdigest()[:10]
    filename = f"{stem}-{digest}.js"
    (folder / filename).write_bytes(payload)
    return filename


def write_index(folder: Path, index, docs: list[Doc], vocab, terms: Terms, prefetch_bytes: int = PREFETCH_BYTES) -> dict:
    field_names = list(index.fields)
    lexicon = sorted(index.inverted_index)
    position = {term: n for n, term in enumerate(lexicon)}
    term_by_lunr_index = {posting["_index"]: term for term, posting in index.inverted_index.items()}

    # postings[term][field] = [(doc, weight in thousandths)], from lunr's field vectors.
    postings: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for field_ref, vector in index.field_vectors.items():
        field_name, ref = str(field_ref).split("/", 1)
        f = field_names.index(field_name)
        elements = vector.elements
        for i in range(0, len(elements), 2):
            term = term_by_lunr_index[elements[i]]
            postings[term][f].append((int(ref), round(elements[i + 1] * 1000)))

    shard_starts, shard_files, batch, size = [], [], [], 0

    def flush():
        nonlocal batch, size
        if batch:
            n = len(shard_files)
            shard_files.append(_write(folder, f"p{n}", f"p{n}", [row for _, row in batch]))
            shard_starts.append(position[batch[0][0]])
            batch, size = [], 0

    for term in lexicon:
        row = []
        for f in sorted(postings[term]):
            entries = sorted(postings[term][f])
            row.append(f)
            row.append(len(entries))
            previous = 0
            for doc, weight in entries:  # document numbers as gaps: smaller numbers, smaller files
                row.extend((doc - previous, weight))
                previous = doc
        batch.append((term, row))
        size += 8 + 5 * len(row)
        if size >= SHARD_BYTES:
            flush()
    flush()

    doc_files = []
    for start in range(0, len(docs), DOC_CHUNK):
        chunk = [[d.url, d.title, d.heading, _snippet_text(d.text)] for d in docs[start:start + DOC_CHUNK]]
        doc_files.append(_write(folder, f"d{len(doc_files)}", f"d{len(doc_files)}", chunk))

    types = sorted({d.type for d in docs})
    audiences = ["public", "staff"]
    # One character per section: type number * 4 + audience bits (public 1, staff 2).
    meta = "".join(chr(48 + types.index(d.type) * 4 + sum(1 << audiences.index(a) for a in d.audience if a in audiences))
                   for d in docs)

    words_file = _write(folder, "w", "w", display_words(docs, lexicon, terms))

    from hub.content import schema
    total = sum(f.stat().st_size for f in folder.iterdir())
    manifest = {
        "version": 1,
        "prefetch": total <= prefetch_bytes,
        "fields": field_names,
        "lexicon": "\n".join(lexicon),
        "shards": {"starts": shard_starts, "files": shard_files},
        "docs": {"count": len(docs), "chunk": DOC_CHUNK, "files": doc_files, "meta": meta},
        "types": [[t, schema.TYPE_LABELS.get(t, t.title())] for t in types],
        "audiences": [[a, {"public": "Public", "staff": "Staff"}[a]] for a in audiences],
        "synonyms": synonym_groups(vocab),
        "spellings": vocab.spellings,
        "words": words_file,
    }
    (folder / "manifest.js").write_bytes(_script("manifest", manifest))
    return {"sections": len(docs), "terms": len(lexicon), "shards": len(shard_files), "doc_files": len(doc_files)}


def _snippet_text(text: str) -> str:
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def synonym_groups(vocab) -> list:
    """Each group as lists of terms, as the indexing pipeline would make them."""
    terms = Terms()
    groups = []
    for group in vocab.synonyms:
        phrases = []
        for phrase in group:
            made = terms(" ".join(_phrase_words(phrase)).split())
            if made and made not in phrases:
                phrases.append(made)
        if len(phrases) > 1:
            groups.append(phrases)
    return groups


def _phrase_words(phrase: str) -> list[str]:
    """A hyphenated phrase is matched by its joined form, which the index holds for every hyphenated word."""
    out = []
    for w in phrase.split():
        parts = words(w)
        out.append(parts[-1] if len(parts) > 1 and "-" in w else " ".join(parts))
    return out


def display_words(docs, lexicon, terms: Terms) -> list:
    """For each term, the commonest way it is written and how often (for "did you mean")."""
    written = Counter()
    for d in docs:
        written.update(words(d.title))
        written.update(words(d.heading))
        written.update(d.text_words)
    forms: dict[str, Counter] = defaultdict(Counter)
    for word, n in written.items():
        t = terms.term(word)
        if t is not None:
            forms[t][word] += n
    shown = []
    for term in lexicon:
        c = forms.get(term)
        best, n = min(c.items(), key=lambda kv: (-kv[1], kv[0])) if c else ("", 0)
        shown.append([best if best != term else "", sum(c.values()) if c else 0])
    return shown


def copy_client(out: Path) -> None:
    import mkdocs

    shutil.copyfile(Path(mkdocs.__file__).parent / LUNR_JS, out / "lunr.js")
    for f in sorted(CLIENT_DIR.iterdir()):
        if f.suffix in (".js", ".css"):
            shutil.copyfile(f, out / f.name)
