"""JSON-LD structured data: the type and fields for each kind of page, escaping, and the publisher setting."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hub.config import ConfigError, HubConfig, Publisher
from hub.content import load_site
from hub.content import structured_data as sd
from hub.security import script_json

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://example.org/hub/"
PUBLISHER = Publisher("Hub contributors", "https://github.com/example/hub", False)

BASE = {"title": "Using feedback", "summary": "How to use feedback.", "audience": ["public", "staff"],
        "topics": ["feedback"], "last_reviewed": "2026-11-22", "next_review": "2027-11-22"}
NEWS = BASE | {"title": "Week of action", "published": "2026-04-01"}
EVENT = NEWS | {"event": {"start": "2026-04-26", "end": "2026-04-30"}}


def data(meta, page_type, src):
    return sd.structured_data(meta, page_type, src, SITE, PUBLISHER)


def roundtrip(meta, page_type, src):
    """What a browser or search engine reads back from the script element."""
    return json.loads(script_json(data(meta, page_type, src)))


@pytest.mark.parametrize("page_type,folder", [
    ("guide", "guides"), ("principle", "principles"), ("commitment", "commitments"), ("contact", "contact")])
def test_guidance_is_a_medical_web_page(page_type, folder):
    d = roundtrip(BASE, page_type, f"{folder}/using-feedback.md")
    assert d == {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": f"https://example.org/hub/{folder}/using-feedback/",
        "url": f"https://example.org/hub/{folder}/using-feedback/",
        "name": "Using feedback",
        "description": "How to use feedback.",
        "inLanguage": "en-GB",
        "lastReviewed": "2026-11-22",
        "audience": [{"@type": "PeopleAudience", "audienceType": "Patients, carers and the public"},
                     {"@type": "MedicalAudience", "audienceType": "Health and care staff"}],
        "publisher": {"@type": "Organization", "name": "Hub contributors", "url": "https://github.com/example/hub"},
    }


def test_site_pages_are_web_pages_and_may_have_no_audience():
    meta = {k: v for k, v in BASE.items() if k not in ("audience", "topics")}
    d = roundtrip(meta, "page", "index.md")
    assert d["@type"] == "WebPage" and d["url"] == SITE and "audience" not in d
    assert d["lastReviewed"] == "2026-11-22"


def test_news_is_a_news_article_whose_page_carries_the_review_date():
    d = roundtrip(NEWS | {"audience": ["staff"]}, "news", "news/week-of-action.md")
    url = "https://example.org/hub/news/week-of-action/"
    assert d["@type"] == "NewsArticle"
    assert (d["headline"], d["name"], d["description"]) == ("Week of action", "Week of action", "How to use feedback.")
    assert d["datePublished"] == "2026-04-01" and d["url"] == url and d["inLanguage"] == "en-GB"
    assert d["audience"] == [{"@type": "MedicalAudience", "audienceType": "Health and care staff"}]
    assert d["publisher"]["@type"] == "Organization"
    # lastReviewed is a WebPage property in schema.org, so it sits on the page, not the article.
    assert "lastReviewed" not in d
    assert d["mainEntityOfPage"] == {"@type": "WebPage", "@id": url, "url": url, "lastReviewed": "2026-11-22"}


def test_an_event_has_its_dates_and_its_news_article():
    d = roundtrip(EVENT, "news", "news/week-of-action.md")
    assert d["@type"] == "Event" and d["@context"] == "https://schema.org"
    assert (d["name"], d["description"]) == ("Week of action", "How to use feedback.")
    assert (d["startDate"], d["endDate"]) == ("2026-04-26", "2026-04-30")
    assert d["url"] == "https://example.org/hub/news/week-of-action/"
    assert d["subjectOf"]["@type"] == "NewsArticle" and d["subjectOf"]["datePublished"] == "2026-04-01"
    assert d["subjectOf"]["mainEntityOfPage"]["lastReviewed"] == "2026-11-22"
    # Nothing records where an event is, so nothing claims a place or that it was online.
    assert "location" not in d and "eventAttendanceMode" not in d
    assert "publisher" not in d and "organizer" not in d  # the hub reports on events; it did not organise them


def test_a_one_day_event_ends_the_day_it_starts():
    d = roundtrip(NEWS | {"event": {"start": "2026-04-26"}}, "news", "news/day.md")
    assert d["startDate"] == d["endDate"] == "2026-04-26"


def test_missing_or_broken_values_are_left_out_not_written_empty():
    d = roundtrip({"title": "T", "last_reviewed": "2026-02-30", "audience": ["nobody"]}, "guide", "guides/t.md")
    assert "lastReviewed" not in d and "description" not in d and "audience" not in d
    assert sd.structured_data(BASE, "guide", "guides/t.md", "", PUBLISHER).get("url") is None


HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!-- comment --> and </SCRIPT >",
    'Quotes " and \' and \\ backslash',
    "Line\u2028separator\u2029and & ampersand",
    "Control \x00\x1f characters",
    "Lone surrogate \ud800",
]


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_values_round_trip_and_cannot_leave_the_script_element(title):
    meta = EVENT | {"title": title, "summary": title}
    raw = script_json(data(meta, "news", "news/x.md"))
    assert json.loads(raw) == data(meta, "news", "news/x.md")
    lowered = raw.lower()
    assert "</script" not in lowered and "<!--" not in lowered and "-->" not in lowered
    assert not set(raw) & {"<", ">", "&", "\u2028", "\u2029"}
    raw.encode("utf-8")  # writable into the page as it is


def test_script_json_is_deterministic_and_keeps_other_text_readable():
    first = script_json(data(BASE | {"title": "Café – Zoë"}, "guide", "guides/t.md"))
    assert first == script_json(json.loads(first)) and "Café – Zoë" in first
    assert list(json.loads(first)) == sorted(json.loads(first))


def test_every_real_page_has_a_block_of_the_right_type():
    site = load_site(ROOT / "content")
    from hub import config

    cfg = config.load()
    for page in site.pages:
        d = json.loads(script_json(sd.structured_data(page.meta, page.type, page.src_path,
                                                           cfg.site_url, cfg.publisher)))
        assert d["@type"] == sd.schema_type(page.meta, page.type)
        assert d["name"] == page.title and d["url"].startswith(cfg.site_url)
        expected = {"news": ("NewsArticle", "Event"), "page": ("WebPage",)}.get(page.type, ("MedicalWebPage",))
        assert d["@type"] in expected, page.src_path


# ---- extra.hub.publisher ----

def cfg_with(publisher) -> HubConfig:
    raw = {"extra": {"hub": {} if publisher is None else {"publisher": publisher}}}
    return HubConfig(Path("/project/mkdocs.yml"), raw)


def test_publisher_is_read_from_mkdocs_yml():
    p = cfg_with({"name": " Hub contributors ", "url": "https://github.com/example/hub",
                  "nhs_organisation": False}).publisher
    assert p == Publisher("Hub contributors", "https://github.com/example/hub", False)
    assert cfg_with({"name": "NHS Trust", "url": "https://www.example.nhs.uk/", "nhs_organisation": True}) \
        .publisher.nhs_organisation is True


def test_the_real_publisher_is_not_claimed_to_be_an_nhs_organisation():
    from hub import config

    assert config.load().publisher.nhs_organisation is False


@pytest.mark.parametrize("nhs", ["yes", "true", 1, None])
def test_nhs_organisation_must_be_true_or_false(nhs):
    with pytest.raises(ConfigError) as e:
        cfg_with({"name": "X", "url": "https://x.example", "nhs_organisation": nhs}).publisher
    assert str(e.value).startswith(f"mkdocs.yml: extra.hub.publisher.nhs_organisation is {nhs!r} — fix: write true")


def test_every_publisher_problem_is_reported_at_once():
    with pytest.raises(ConfigError) as e:
        cfg_with({"nmae": "X", "url": "javascript:alert(1)"}).publisher
    keys = [p.key for p in e.value.problems]
    assert keys == ["extra.hub.publisher.nmae", "extra.hub.publisher.name", "extra.hub.publisher.url",
                    "extra.hub.publisher.nhs_organisation"]
    assert "did you mean 'name'?" in str(e.value)
    findings = e.value.findings()
    assert {(f.path, f.severity, f.check) for f in findings} == {("mkdocs.yml", "error", "config")}


def test_a_missing_publisher_says_what_to_add():
    with pytest.raises(ConfigError, match=r"mkdocs.yml: extra.hub.publisher is missing — fix: add publisher:"):
        cfg_with(None).publisher
