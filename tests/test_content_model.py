"""The content model: every kind of bad front matter gets a clear error naming the file and line."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from checks_fixtures import write_owners

from hub.content import load_site
from hub.content.model import url_for
from hub.content.scaffold import create, slugify
from hub.findings import ERROR, WARNING

GOOD = """\
---
title: Using feedback
summary: How teams use what people tell them to make care better.
type: guide
audience: [public, staff]
topics: [feedback]
owner: experience-of-care
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

## What it is

Text.
"""


def write(root: Path, rel: str, text: str | bytes) -> Path:
    write_owners(root)
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def findings_for(tmp_path: Path, rel: str, text: str | bytes):
    write(tmp_path, rel, text)
    site = load_site(tmp_path, tmp_path)
    return [f for f in site.findings if f.severity == ERROR], site


def only(findings):
    assert len(findings) == 1, [f.format() for f in findings]
    return findings[0]


def test_good_page_loads_with_no_findings(tmp_path):
    errors, site = findings_for(tmp_path, "guides/using-feedback.md", GOOD)
    assert errors == []
    page = site.pages[0]
    assert (page.type, page.url, page.title) == ("guide", "guides/using-feedback/", "Using feedback")
    assert page.audience == ["public", "staff"]
    assert page.body_start == 11 and page.body.splitlines()[1] == "## What it is"


def test_unknown_key_suggests_the_right_one(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", GOOD.replace("summary:", "sumary:"))[0]
             [:1])  # the unknown key comes first; the missing summary is reported too
    assert f.line == 3 and "unknown front matter key 'sumary'" in f.message
    assert "did you mean 'summary'?" in f.fix


def test_unknown_key_also_reports_missing_required_key(tmp_path):
    errors, _ = findings_for(tmp_path, "guides/a.md", GOOD.replace("summary:", "sumary:"))
    assert {e.message for e in errors} == {"unknown front matter key 'sumary'", "missing required key 'summary'"}


def test_missing_required_key_names_it_and_how_to_add_it(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", GOOD.replace("topics: [feedback]\n", ""))[0])
    assert f.message == "missing required key 'topics'" and "add 'topics:'" in f.fix


def test_invalid_yaml_names_the_line(tmp_path):
    bad = GOOD.replace("title: Using feedback", "title: Using feedback: a guide: [oops")
    f = only(findings_for(tmp_path, "guides/a.md", bad)[0])
    assert f.path.endswith("guides/a.md") and f.line == 2
    assert "not valid YAML" in f.message and "quotes" in f.fix


def test_front_matter_that_is_not_a_mapping(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", "---\n- just\n- a list\n---\nBody\n")[0])
    assert f.line == 2 and "not a list of 'key: value' pairs" in f.message


def test_file_without_front_matter(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", "## Just a heading\n")[0])
    assert f.line == 1 and "does not start with front matter" in f.message


def test_unclosed_front_matter(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", "---\ntitle: x\n")[0])
    assert "never closed" in f.message


def test_file_that_is_not_utf8_names_the_line(tmp_path):
    raw = GOOD.replace("Text.", "Caf\xe9").encode("latin-1")
    f = only(findings_for(tmp_path, "guides/a.md", raw)[0])
    assert f.line == 14 and "not UTF-8" in f.message and "UTF-8" in f.fix


@pytest.mark.parametrize("value", ["2026-02-30", "22/11/2026", "next year", "2026-13-01"])
def test_dates_must_be_real_dates(tmp_path, value):
    f = only(findings_for(tmp_path, "guides/a.md", GOOD.replace("2026-11-01", value))[0])
    assert f.line == 8 and "not a real date" in f.message and "YYYY-MM-DD" in f.fix


def test_next_review_must_follow_last_reviewed(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", GOOD.replace("next_review: 2027-11-01", "next_review: 2026-10-01"))[0])
    assert f.line == 9 and "not after last_reviewed" in f.message


def test_overdue_review_is_a_warning_not_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HUB_TODAY", "2028-01-01")
    errors, site = findings_for(tmp_path, "guides/a.md", GOOD)
    assert errors == []
    warning = only([f for f in site.findings if f.severity == WARNING])
    assert warning.line == 9 and "due for review on 2027-11-01" in warning.message


def test_type_must_match_folder(tmp_path):
    f = only(findings_for(tmp_path, "news/a.md", GOOD.replace("published", "x"))[0][:1])
    assert "type is 'guide' but the file is in the folder for 'news' pages" in f.message


def test_unknown_audience_suggests(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", GOOD.replace("[public, staff]", "[pubic]"))[0])
    assert "unknown audience 'pubic'" in f.message and "public" in f.fix


def test_duplicate_key_is_an_error(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", GOOD.replace("type: guide\n", "type: guide\ntitle: Again\n"))[0])
    assert f.line == 5 and "appears twice" in f.message


def test_summary_must_be_one_sentence(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", GOOD.replace("make care better.", "make care better. And more."))[0])
    assert "more than one sentence" in f.message


def test_titles_must_be_unique(tmp_path):
    write(tmp_path, "guides/a.md", GOOD)
    errors, _ = findings_for(tmp_path, "principles/b.md", GOOD.replace("type: guide", "type: principle"))
    f = only(errors)
    assert f.path.endswith("principles/b.md") and "already used by guides/a.md" in f.message


def test_file_names_must_be_web_friendly(tmp_path):
    f = only(findings_for(tmp_path, "guides/Using Feedback.md", GOOD)[0])
    assert "not a web-friendly name" in f.message and "lowercase" in f.fix


def test_contact_channels_are_checked(tmp_path):
    text = GOOD.replace("type: guide", "type: contact") + "".join([])
    text = text.replace("next_review: 2027-11-01\n", "next_review: 2027-11-01\nchannels:\n"
                        "  - {kind: phone, label: Phone, value: 'call us'}\n"
                        "  - {kind: emial, label: Email, value: a@b.nhs.uk}\n")
    errors, _ = findings_for(tmp_path, "contact/a.md", text)
    messages = sorted(e.message for e in errors)
    assert messages == ["channel 1: 'call us' is not a phone number", "channel 2 has an unknown kind 'emial'"]
    assert any("did you mean 'email'?" in e.fix for e in errors)


def test_news_needs_a_publication_date_and_a_sane_event(tmp_path):
    text = GOOD.replace("type: guide", "type: news").replace(
        "next_review: 2027-11-01\n", "next_review: 2027-11-01\nevent: {start: 2026-04-30, end: 2026-04-26}\n")
    errors, _ = findings_for(tmp_path, "news/a.md", text)
    assert sorted(e.message for e in errors) == [
        "missing required key 'published'", "the event ends (2026-04-26) before it starts (2026-04-30)"]


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    write(tmp_path, "guides/a.md", GOOD.replace("summary:", "sumary:"))
    write(tmp_path, "guides/b.md", GOOD.replace("Using feedback", "B").replace("2026-11-01", "2026-02-30"))
    write(tmp_path, "guides/c.md", "no front matter\n")
    site = load_site(tmp_path, tmp_path)
    assert {f.path.rsplit("/", 1)[-1] for f in site.findings} == {"a.md", "b.md", "c.md"}
    assert len(site.findings) == 4


def test_finding_format_is_path_line_message_fix(tmp_path):
    f = findings_for(tmp_path, "guides/a.md", GOOD.replace("summary:", "sumary:"))[0][0]
    assert f.format() == "guides/a.md:3: unknown front matter key 'sumary' — did you mean 'summary'?"
    assert f.annotation().startswith("::error file=guides/a.md,line=3,")


@pytest.mark.parametrize("src, url", [("index.md", ""), ("guides/x.md", "guides/x/"), ("news/index.md", "news/"), ("a-z.md", "a-z/")])
def test_url_for(src, url):
    assert url_for(src) == url


def test_slugify_makes_web_friendly_names():
    assert slugify("Friends & Family Test: a guide") == "friends-family-test-a-guide"
    assert slugify("Café visits") == "cafe-visits"


@pytest.mark.parametrize("page_type", ["guide", "principle", "commitment", "contact", "news"])
def test_new_page_fails_check_until_placeholders_are_replaced(tmp_path, page_type):
    write_owners(tmp_path)
    path = create(page_type, f"A new {page_type} page", tmp_path)
    assert path == tmp_path / {"guide": "guides", "principle": "principles", "commitment": "commitments",
                               "contact": "contact", "news": "news"}[page_type] / f"a-new-{page_type}-page.md"
    site = load_site(tmp_path, tmp_path)
    assert site.findings and all("placeholder" in f.message for f in site.findings)
    text = path.read_text(encoding="utf-8")
    text = (text.replace("REPLACE@example.nhs.uk", "team@example.nhs.uk").replace("REPLACE 000 0000", "0300 000 0000")
            .replace("REPLACE-topic", "feedback").replace("REPLACE with", "Written by a person:")
            .replace("owner: REPLACE", "owner: experience-of-care"))
    path.write_text(text, encoding="utf-8")
    site = load_site(tmp_path, tmp_path)
    assert site.findings == [] and site.pages[0].type == page_type


def test_new_page_takes_the_owner_most_pages_in_its_folder_have(tmp_path):
    write_owners(tmp_path)
    for name, owner in (("one", "carers"), ("two", "carers"), ("three", "experience-of-care")):
        write(tmp_path, f"guides/{name}.md", GOOD.replace("Using feedback", name).replace(
            "owner: experience-of-care", f"owner: {owner}"))
    text = create("guide", "Another", tmp_path).read_text(encoding="utf-8")
    assert "\nowner: carers\n" in text
    assert "content/_data/owners.yml: experience-of-care, carers, contact-routes, hub-maintainers" in text
    assert "\nowner: REPLACE\n" in create("news", "First news", tmp_path).read_text(encoding="utf-8")


def test_owner_must_be_declared_in_owners_yml(tmp_path):
    f = only(findings_for(tmp_path, "guides/a.md", GOOD.replace("owner: experience-of-care", "owner: carer"))[0])
    assert f.line == 7 and "unknown owner 'carer'" in f.message and f.fix == "did you mean 'carers'?"
    f = only(findings_for(tmp_path, "guides/a.md", GOOD.replace("owner: experience-of-care\n", ""))[0])
    assert "missing required key 'owner'" in f.message and "content/_data/owners.yml" in f.fix


def test_new_refuses_to_overwrite(tmp_path):
    create("guide", "Same", tmp_path)
    with pytest.raises(FileExistsError):
        create("guide", "Same", tmp_path)
