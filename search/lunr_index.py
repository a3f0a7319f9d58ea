"""The Lunr index: lunr.py's own Builder and BM25 weights, fed terms already made.

Each section of each page is one Lunr document. Its fields (title, heading,
summary, topics, phrases, body, type, audience) arrive as lists of terms made by
terms.Terms, the same terms lunr.js makes of a query, and lunr.py's Builder
counts them and works out the BM25 weights exactly as Builder.add would
(tests/test_search_indexer.py checks the two are identical).
"""
from __future__ import annotations

from collections import Counter

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf as Idf
from lunr.index import Index
from lunr.token_set import TokenSet
from lunr.vector import Vector

from .stemmer import stemmer
from .words import words

# lunr keeps each occurrence's metadata (positions and the like) in a dict; the hub asks
# for none, so every posting shares one empty dict, which nothing ever writes to, rather
# than making millions of them on a big site.
_NO_METADATA: dict = {}
_NO_TERMS: Counter = Counter()  # shared too: an empty field's terms, which nothing changes
# Field -> boost, when mkdocs.yml has no extra.hub.search.fields. "phrases" holds a page's
# search.phrases: the words people use for their situation, above body text.
DEFAULT_FIELDS = {"title": 10, "heading": 6, "summary": 3, "topics": 3, "phrases": 3, "body": 1, "type": 1,
                  "audience": 1}


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
            terms = fields.get(field_name)
            field_ref = f"{field_name}{FieldRef.JOINER}{doc_ref}"
            self.field_lengths[field_ref] = len(terms) if terms else 0
            if not terms:  # most sections leave the page's own fields empty: nothing to count
                self.field_term_frequencies[field_ref] = _NO_TERMS
                continue
            counts = Counter(terms)  # like lunr's defaultdict(int): 0 for a term not there
            self.field_term_frequencies[field_ref] = counts
            for term in counts:  # first-occurrence order, as Builder.add numbers terms
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][doc_ref] = _NO_METADATA

    def build(self) -> "LazyTokenSetIndex":
        """lunr's Builder.build, leaving the token set to be made if anything queries in Python.

        The index also carries `rows`, the same weights arranged as the browser reads them
        (see rows_from_vectors).
        """
        self._calculate_average_field_lengths()
        self._create_field_vectors()
        index = LazyTokenSetIndex(inverted_index=self.inverted_index, field_vectors=self.field_vectors,
                                  token_set=None, fields=list(self._fields.keys()), pipeline=self.search_pipeline)
        index.rows = self.rows
        return index

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
        # The browser's rows, filled in the same pass: fields come section by section, so each
        # (term, field) list grows in section order and its gaps are worked out as it goes.
        field_number = {name: n for n, name in enumerate(self._fields)}
        width = len(field_number)
        rows: dict[int, list] = {}
        last_doc: dict[int, int] = {}
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            field_name, doc_ref = field_ref.split(FieldRef.JOINER, 1)
            doc, f = int(doc_ref), field_number[field_name]
            if not term_frequencies:  # as lunr: no terms, an empty vector (and no 0/0 for an all-empty field)
                field_vectors[field_ref] = Vector([])
                continue
            field_length = self.field_lengths[field_ref]
            average = self.average_field_length[field_name]
            field_boost = self._fields[field_name].boost
            doc_boost = self._documents[doc_ref].get("boost", 1)
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
                score = round(score, 3)
                pairs.append((index_of[term], score))
                key = index_of[term] * width + f
                row = rows.get(key)
                if row is None:
                    rows[key] = [doc, round(score * 1000)]
                else:
                    row += (doc - last_doc[key], round(score * 1000))
                last_doc[key] = doc
            pairs.sort()
            field_vectors[field_ref] = Vector([x for pair in pairs for x in pair])
        self.field_vectors = field_vectors
        self.rows = rows


def rows_from_vectors(index) -> dict[int, list]:
    """The browser's rows, worked out from lunr's field vectors: for each term's lunr index
    * the number of fields + the field's number, the sections it is in, each as a gap from
    the previous one, with its weight in thousandths. CountingBuilder makes the same as it
    builds (tests/test_search_indexer.py checks that); this is the plain way, for the tests."""
    field_number = {name: n for n, name in enumerate(index.fields)}
    rows: dict[int, list] = {}
    for field_ref, vector in index.field_vectors.items():
        field_name, ref = str(field_ref).split(FieldRef.JOINER, 1)
        elements = vector.elements
        for i in range(0, len(elements), 2):
            rows.setdefault(elements[i] * len(field_number) + field_number[field_name], []).append(
                (int(ref), round(elements[i + 1] * 1000)))
    out = {}
    for key, entries in rows.items():
        entries.sort()
        flat, previous = [], 0
        for doc, weight in entries:
            flat += (doc - previous, weight)
            previous = doc
        out[key] = flat
    return out


def new_builder(fields: dict) -> CountingBuilder:
    builder = CountingBuilder()
    # Fields arrive as terms already made by terms.Terms, so the builder's own pipeline
    # stays empty. Its search pipeline is only used if something queries in Python.
    builder.search_pipeline.add(stemmer)
    builder.ref("id")
    for name, boost in fields.items():
        builder.field(name, boost=boost)
    return builder


def doc_terms(doc, terms) -> dict[str, list[str]]:
    """A section's fields as lists of terms (doc is an indexer.Doc, terms a terms.Terms)."""
    return {
        "title": terms(words(doc.title)),
        "heading": terms(words(doc.heading)),
        "summary": terms(words(doc.summary)),
        "topics": terms(words(" ".join(doc.topics))),
        "phrases": terms(words(" . ".join(doc.phrases))),
        "body": terms(doc.text_words),
        "type": terms([doc.type] if doc.type else []),
        "audience": terms(list(doc.audience)),
    }


def lunr_index(docs: list, fields: dict, terms) -> "LazyTokenSetIndex":
    """One Lunr document per section, numbered in order: the ref of docs[n] is str(n)."""
    builder = new_builder(fields)
    for n, doc in enumerate(docs):
        builder.add_counted(str(n), doc_terms(doc, terms), doc.boost)
    return builder.build()
