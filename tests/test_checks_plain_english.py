"""Plain English: reading level, long sentences and acronyms, as warnings naming the line."""
from __future__ import annotations

import dataclasses

from checks_fixtures import BODY_START, run

from hub.checks import plain_english

EASY = ("You can tell us what you think about your care. We read every comment. "
        "We use what you say to make things better for you and your family. "
        "Ask a nurse or a doctor for a form. You can fill it in at home. "
        "It takes five minutes. You do not have to give your name. Thank you for your help.\n")
HARD = ("Organisational commissioning arrangements necessitate comprehensive multidisciplinary "
        "engagement methodologies. Integrated governance frameworks operationalise experiential "
        "intelligence systematically. Accountability mechanisms facilitate continuous organisational "
        "improvement initiatives. Stakeholder representatives collaboratively prioritise "
        "transformational opportunities. Implementation considerations necessitate sophisticated "
        "evaluation infrastructure. Comprehensive stakeholder engagement necessitates organisational "
        "accountability. Transformational commissioning methodologies operationalise intelligence.\n")


def check(tmp_path, body):
    return run(plain_english.run, tmp_path, {"guides/page.md": body})


def test_easy_page_passes(tmp_path):
    assert check(tmp_path, EASY) == []


def test_short_pages_are_not_scored(tmp_path):
    assert [f for f in check(tmp_path, HARD) if "reading level" in f.message] == []


def test_hard_page_gets_a_reading_level_warning(tmp_path):
    found = check(tmp_path, HARD + "\n" + HARD)
    level = [f for f in found if "reading level" in f.message]
    assert len(level) == 1 and level[0].severity == "warning"
    assert "reading age" in level[0].message and "shorter sentences" in level[0].fix


def test_code_and_link_addresses_do_not_count(tmp_path):
    code = "```\n" + HARD + "```\n\n" + "[Read our guide](https://example.com/organisational-commissioning-methodologies)\n\n"
    assert check(tmp_path, code + EASY) == []


def test_long_sentence_warning_names_its_line(tmp_path):
    long = " ".join(["word"] * 25) + ".\n"
    found = check(tmp_path, "Short one.\n\nStill short. Every " + long)
    assert [(f.line, f.severity) for f in found] == [(BODY_START + 2, "warning")]
    assert "26 words" in found[0].message


def test_sentence_of_25_words_passes(tmp_path):
    assert check(tmp_path, " ".join(["word"] * 25) + ".\n") == []


def test_long_sentence_across_wrapped_lines_points_at_its_start(tmp_path):
    body = "First line is short.\nThen " + " ".join(["word"] * 15) + "\n" + " ".join(["more"] * 15) + ".\n"
    found = check(tmp_path, body)
    assert [f.line for f in found] == [BODY_START + 1]


def test_acronym_not_spelled_out_is_a_warning_at_first_use(tmp_path):
    found = check(tmp_path, "Intro.\n\nFill in the FFT card.\n\nThe FFT is short.\n")
    assert [(f.line, f.severity) for f in found] == [(BODY_START + 2, "warning")]
    assert "FFT" in found[0].message and "Friends and Family Test (FFT)" in found[0].fix


def test_spelled_out_acronyms_pass_either_way_round(tmp_path):
    body = ("Fill in the Friends and Family Test (FFT) card. The FFT is short.\n\n"
            "Your ICS (integrated care system) listens. Each ICS is local.\n")
    assert check(tmp_path, body) == []


def test_known_acronyms_and_code_pass(tmp_path):
    assert check(tmp_path, "The NHS and your GP can help. Run `CSV` export.\n") == []


def test_spelling_out_later_does_not_count(tmp_path):
    found = check(tmp_path, "Ask CQC.\n\nThe Care Quality Commission (CQC) checks services.\n")
    assert [f.line for f in found] == [BODY_START]


def test_title_can_spell_out_an_acronym(tmp_path):
    site_pages = {"guides/page.md": "The FFT is short.\n"}
    from checks_fixtures import load

    site, config = load(tmp_path, site_pages)
    site.pages[0].meta["title"] = "Friends and Family Test (FFT)"
    assert plain_english.run(site, config) == []


def test_acronym_allow_list_comes_from_mkdocs_yml(tmp_path):
    from checks_fixtures import load

    site, config = load(tmp_path, {"guides/page.md": "Ask PALS.\n"})
    assert len(plain_english.run(site, config)) == 1
    config.raw.setdefault("extra", {}).setdefault("hub", {})["checks"] = {"known_acronyms": ["PALS"]}
    config = dataclasses.replace(config)  # settings are read once per config: read the changed ones
    assert plain_english.run(site, config) == []
