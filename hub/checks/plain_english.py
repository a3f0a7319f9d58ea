"""Plain English: reading level, long sentences and acronyms not spelled out. All warnings.

Reading level uses the Flesch-Kincaid grade from textstat (a US school grade;
reading age is about grade + 5). The NHS aims for a reading age of 9 to 11, so
a page scoring above grade 6 (reading age 11) gets a warning. Only paragraphs
and list items are scored: code, link addresses and front matter are left out.
"""
from __future__ import annotations

import re

from hub.checks.pages import finding
from hub.findings import WARNING

CHECK = "plain-english"
WORD = re.compile(r"[A-Za-z0-9][\w'’&-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")
ACRONYM = re.compile(r"(?<![\w&-])([A-Z][A-Z0-9&]*[A-Z0-9])(s?)(?![\w&-])")
ROMAN = re.compile(r"^[IVXLC]+$")


def run(site, config) -> list:
    out = []
    for page in site.pages:
        blocks = page.markdown.blocks()
        out += [finding(page, config, line, msg, fix, CHECK, WARNING)
                for line, msg, fix in page_problems(page, blocks, config)]
    return out


def page_problems(page, blocks, config):
    sentences = list(_sentences(blocks))
    yield from _reading_level(sentences, page, config)
    limit = config.checks.sentence_words_max
    for text, line, kind in sentences:
        words = len(WORD.findall(text))
        if kind != "heading" and words > limit:
            yield (line, f"a sentence of {words} words (over {limit}): '{_clip(text)}'",
                   "split it into two or more shorter sentences")
    yield from _acronyms(sentences, page, config)


def _sentences(blocks):
    """(sentence, file line, kind) for each sentence in the prose blocks."""
    for text, line, kind in blocks:
        if kind == "heading":
            yield " ".join(text.split()), line, kind
            continue
        pos = 0
        for m in list(SENTENCE_END.finditer(text)) + [None]:
            end = m.start() if m else len(text)
            sentence = " ".join(text[pos:end].split())
            if sentence:
                yield sentence, line + text.count("\n", 0, pos), kind
            if m:
                pos = m.end()


def _reading_level(sentences, page, config):
    import textstat

    prose = [s if s[-1] in ".!?" else s + "." for s, _, kind in sentences if kind != "heading"]
    text = " ".join(prose)
    words = len(WORD.findall(text))
    if words < config.checks.reading_min_words:
        return
    grade = textstat.flesch_kincaid_grade(text)
    limit = config.checks.reading_grade_max
    if grade > limit:
        hardest = max(((textstat.flesch_kincaid_grade(s), line, s) for s, line, kind in sentences
                       if kind != "heading" and len(WORD.findall(s)) >= 8), default=None)
        where = f"; the hardest sentence is on line {hardest[1]}: '{_clip(hardest[2])}'" if hardest else ""
        yield (page.body_start, f"the reading level is grade {grade:.1f} (reading age about {grade + 5:.0f}); "
                                f"the NHS aims for reading age 9 to 11 (grade {limit:g} or lower)",
               f"use shorter sentences and everyday words{where}")


def _acronyms(sentences, page, config):
    known = {str(a) for a in config.checks.known_acronyms}
    lead = f"{page.title}. {page.summary}"
    explained = {m.group(1) for m in ACRONYM.finditer(lead) if _spelled_out(lead, m)}
    seen = set(known) | explained
    for text, line, _kind in sentences:
        for m in ACRONYM.finditer(text):
            acronym = m.group(1)
            if acronym in seen or ROMAN.match(acronym) or len(acronym) > 8:
                continue
            seen.add(acronym)
            if not _spelled_out(text, m):
                yield (line, f"the acronym {acronym} is not spelled out where it is first used on this page",
                       f"write it in full the first time, for example 'Friends and Family Test (FFT)', "
                       f"or ask for {acronym} to be added to known_acronyms in mkdocs.yml if everyone knows it")


def _spelled_out(text: str, m: re.Match) -> bool:
    """'Friends and Family Test (FFT)' or 'FFT (Friends and Family Test)'."""
    after = re.match(r"\s*\(([^)]+)\)", text[m.end():])
    if after and len(WORD.findall(after.group(1))) >= 2:
        return True
    before, rest = text[: m.start()], text[m.end():]
    return bool(re.search(r"[A-Za-z][\w'’-]*(?:\s+[\w'’-]+)+\s*\($", before) and re.match(r"\s*\)", rest))


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
