"""One tokenizer: the indexer (Python) and the browser (lunr.js 2.3.9) make the same terms.

The index is built with lunr.py and every query is stemmed by lunr.js, so any
word the two pipelines treat differently is a word search cannot find. This runs
the browser's own code (search/client/hub-terms.js with the pinned lunr.js from
node_modules, in Node) and the indexer's (search/terms.py) over every word of the
content, the whole British English word list (Debian's wbritish) and the spelling
list, and requires 0 differences: words picked out of the text, stop words,
spelling folds and stems.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from search import vocabulary
from search.spelling import SUFFIXES, Speller
from search.terms import Terms
from search.words import words

ROOT = Path(__file__).resolve().parent.parent
WORD_LIST = Path("/usr/share/dict/british-english")
LUNR = ROOT / "node_modules" / "lunr"
CLIENT_TERMS = ROOT / "search" / "client" / "hub-terms.js"

# Text people type that the content may not hold: ampersands, phone numbers, e-mail
# addresses, curly apostrophes, non-breaking spaces, letters beyond U+FFFF, syntax.
TRICKY = [
    "A&E", "a & e", "Q&A", "R&D-led", "call 03000\u00a0616161 or 0300 311 22 33", "03000616161",
    "enquiries@cqc.org.uk", "people\u2019s views", "co\u2010production", "Ca\u0301fe\u0301 na\u00efve",
    "\U0001d400bc \U00020000x y-\U00020000-z", "+FFT -carers ~2 ^10 * title:x", "ICSs (integrated care systems)",
    "ＦＦＴ ﬁle", "İstanbul ΣΟΦΟΣ", "day-to-day 1-2 3 4",
]

NODE_SIDE = r"""
const [lunrPath, termsPath] = process.argv.slice(1);
const lunr = require(lunrPath);
const hubTerms = require(termsPath)(lunr);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { spellings, texts } = JSON.parse(input);
  const console_warn = console.warn; console.warn = () => {};  // lunr notes registering hubSpelling
  const made = hubTerms.makeTerms(spellings);
  console.warn = console_warn;
  const out = texts.map((text) => {
    const ws = [];
    hubTerms.compounds(text).forEach((c) => ws.push(...c.parts, ...(c.joined ? [c.joined] : [])));
    return ws.map((w) => [w, made.termOf(w)]);
  });
  process.stdout.write(JSON.stringify({ version: lunr.version, out }));
});
"""


def vocabulary_texts() -> list[str]:
    """Every line and every whitespace-separated piece of the content (punctuation, hyphens,
    & and phone numbers included), every entry of the British English word list, and the
    spelling list with its endings."""
    texts = set(TRICKY)
    for path in sorted((ROOT / "content").rglob("*")):
        if path.suffix in (".md", ".yml"):
            text = path.read_text(encoding="utf-8")
            texts.update(line for line in text.splitlines() if line.strip())
            texts.update(text.split())
    texts.update(line.strip() for line in WORD_LIST.read_text(encoding="utf-8").splitlines() if line.strip())
    for american, british in vocabulary.load().spellings.items():
        texts.update(w + ending for w in (american, british) for ending in SUFFIXES)
    # The -ize rules, and words that only look like them.
    texts.update(["organizations", "recognized", "analyzing", "prioritize", "size", "seize", "prize", "citizen"])
    return sorted(texts)


@pytest.fixture(scope="module")
def both_sides():
    if not WORD_LIST.is_file():
        pytest.fail(f"{WORD_LIST} is missing: install Debian's wbritish package (./setup.sh --browser does)")
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is not installed: it runs lunr.js for this test (./setup.sh needs it too)")
    texts = vocabulary_texts()
    spellings = vocabulary.load().spellings
    done = subprocess.run([node, "-e", NODE_SIDE, str(LUNR), str(CLIENT_TERMS)],
                          input=json.dumps({"spellings": spellings, "texts": texts}),
                          capture_output=True, text=True, encoding="utf-8", check=True)
    browser = json.loads(done.stdout)
    terms = Terms(Speller(spellings))
    python = [[[w, terms.term(w)] for w in words(text)] for text in texts]
    return texts, browser, python


def test_the_pinned_lunr_js_runs_the_browser_side(both_sides):
    _, browser, _ = both_sides
    assert browser["version"] == "2.3.9"


def test_the_vocabulary_is_large(both_sides):
    texts, _, python = both_sides
    distinct = {w for ws in python for w, _ in ws}
    assert len(texts) > 100_000 and len(distinct) > 90_000


def test_python_and_lunr_js_make_identical_terms_for_every_word(both_sides):
    texts, browser, python = both_sides
    differ = [(text, js, py) for text, js, py in zip(texts, browser["out"], python) if js != py]
    assert not differ, f"{len(differ)} differences, for example: " + "; ".join(
        f"{text!r}: lunr.js {js} / Python {py}" for text, js, py in differ[:10])


@pytest.mark.parametrize("word, term", [
    # Words the two lunr ports stem differently: the index follows lunr.js.
    ("ways", "way"), ("key", "key"), ("today", "today"), ("survey", "survey"), ("relay", "relay"),
    ("journey", "journey"), ("cry", "cri"), ("always", "alway"),
    ("carers", "carer"), ("organizations", "organis"), ("A&E", "ae"),
])
def test_the_words_issue_11_lost_get_the_browser_terms(both_sides, word, term):
    terms = Terms()
    assert terms.of_text(word)[-1] == term
