"""Acronyms search cannot expand: a warning for each, where a page first uses it.

People search for "PALS" and for "Patient Advice and Liaison Service", and each
should find pages that use the other. Search knows an acronym's long form when
search/synonyms.yml lists it, or when any page spells it out as "Long form (ACR)"
or "ACR (Long form)" (search/acronyms.py harvests those when the index is built).
An acronym known neither way is found only by pages that use the same letters.
Acronyms everyone knows (extra.hub.checks.known_acronyms in mkdocs.yml, such as
PDF) need no long form, so they are left alone here too.
"""
from __future__ import annotations

from hub.checks.pages import finding
from hub.checks.plain_english import ACRONYM, ROMAN
from hub.findings import WARNING

CHECK = "search-acronyms"
LONGEST = 8  # longer runs of capitals are words in capitals, not acronyms (as plain-english)


def run(site, config) -> list:
    from search import acronyms, vocabulary

    try:
        listed = vocabulary.load().synonyms
    except vocabulary.VocabularyError as e:  # synonyms.yml itself is wrong: say where, and how to fix it
        return e.findings
    prose = {page.src_path: _texts(page) for page in site.pages}
    known = _listed(listed)
    known.update(acronyms.letters_of(str(a)) for a in config.checks.known_acronyms)
    for texts in prose.values():
        for text, _line in texts:
            known.update(acronyms.letters_of(a) for a, _ in acronyms.harvest(text))
    out = []
    for page in site.pages:
        warned = set()
        for text, line in prose[page.src_path]:
            for m in ACRONYM.finditer(text):
                acronym = m.group(1)
                key = acronyms.letters_of(acronym)
                if key in known or key in warned or ROMAN.match(acronym) or len(acronym) > LONGEST:
                    continue
                warned.add(key)
                out.append(finding(
                    page, config, line,
                    f"search cannot expand the acronym {acronym}: someone who searches for its long form "
                    f"will not find this page",
                    f"spell it out once, as 'Long form ({acronym})', on this page or any other, "
                    f"or add it to search/synonyms.yml as [{acronym}, long form]", CHECK, WARNING))
    return out


def _texts(page) -> list[tuple[str, int]]:
    """The page's title, summary and prose, each with its file line."""
    lead = [(page.title, page.line("title")), (page.summary, page.line("summary"))]
    return lead + [(text, line) for text, line, _kind in page.markdown.blocks()]


def _listed(groups) -> set[str]:
    """Acronyms synonyms.yml gives another form for: every entry of every group counts."""
    from search.acronyms import letters_of

    return {letters_of(entry) for group in groups for entry in group if entry.replace("&", "").isalnum()}
