"""`check` warns when a page uses an acronym that search cannot expand (hub/checks/acronyms.py)."""
from __future__ import annotations

from checks_fixtures import BODY_START, run

from hub.checks import acronyms


def check(tmp_path, pages):
    return run(acronyms.run, tmp_path, pages)


def test_an_acronym_nobody_spells_out_is_a_warning_at_its_first_use(tmp_path):
    found = check(tmp_path, {"guides/a.md": "Ask the team.\n\nThe XQZ team meets weekly. The XQZ team helps.\n"})
    assert [(f.line, f.severity, f.check) for f in found] == [(BODY_START + 2, "warning", "search-acronyms")]
    assert "XQZ" in found[0].message and "search/synonyms.yml" in found[0].fix and "(XQZ)" in found[0].fix


def test_an_acronym_spelled_out_on_any_page_is_known_everywhere(tmp_path):
    found = check(tmp_path, {
        "guides/a.md": "The Quality Zebra Xylophone (QZX) team meets weekly.\n",
        "guides/b.md": "Ask the QZX team, or the ZXQ (Zebra Xylophone Quest) group.\n",
        "guides/c.md": "The ZXQs meet too.\n",
    })
    assert found == []


def test_acronyms_in_the_synonym_list_or_known_to_everyone_and_roman_numerals_are_fine(tmp_path):
    found = check(tmp_path, {"guides/a.md": "Ask PALS, your GP or A&E. Part IV of the NHS plan, as a PDF. WONDERFULLY done.\n"})
    assert found == []


def test_the_long_form_must_spell_the_acronym(tmp_path):
    found = check(tmp_path, {"guides/a.md": "A hospital (QZ) visit.\n"})
    assert [f.message.split(":")[0] for f in found] == ["search cannot expand the acronym QZ"]


def test_the_check_runs_with_the_other_source_checks():
    from hub import checks

    assert acronyms.run in checks.SOURCE


def test_a_broken_synonym_list_is_reported_at_its_line_not_a_crash(tmp_path, monkeypatch):
    from search import vocabulary

    bad = tmp_path / "synonyms.yml"
    bad.write_text("synonyms:\n  - [FFT, Friends and Family Test]\n  - [PALS]\n")
    monkeypatch.setattr(vocabulary, "DATA_FILE", bad)
    found = check(tmp_path, {"guides/a.md": "The XQZ team meets weekly.\n"})
    assert [(f.line, f.severity, f.check) for f in found] == [(3, "error", "search-vocabulary")]
    assert found[0].path.endswith("synonyms.yml")
