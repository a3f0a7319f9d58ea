"""Unit tests for what the layouts show: dates in words, contact links, the indexes and the feed."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from checks_fixtures import OWNER, write_owners

from hub import feeds
from hub.content import facts, indexes, load_site

ATOM = "{http://www.w3.org/2005/Atom}"


def test_long_date_is_written_out_the_nhs_way():
    assert facts.long_date("2026-11-22") == "22 November 2026"
    assert facts.long_date(dt.date(2027, 1, 5)) == "5 January 2027"
    assert facts.long_date("not a date") == ""


@pytest.mark.parametrize("start,end,expected", [
    ("2026-04-26", None, "26 April 2026"),
    ("2026-04-26", "2026-04-26", "26 April 2026"),
    ("2026-04-26", "2026-04-30", "26 to 30 April 2026"),
    ("2026-04-30", "2026-05-02", "30 April to 2 May 2026"),
    ("2026-12-30", "2027-01-02", "30 December 2026 to 2 January 2027"),
])
def test_event_date_range(start, end, expected):
    assert facts.date_range(start, end) == expected


@pytest.mark.parametrize("channel,href", [
    ({"kind": "phone", "label": "Helpline", "value": "03000 61 61 61"}, "tel:03000616161"),
    ({"kind": "phone", "label": "From abroad", "value": "+44 300 061 6161"}, "tel:+443000616161"),
    ({"kind": "textphone", "label": "Textphone", "value": "18001 0300 123 4567"}, "tel:1800103001234567"),
    ({"kind": "email", "label": "Email", "value": "team@example.nhs.uk"}, "mailto:team@example.nhs.uk"),
    ({"kind": "text_relay", "label": "Relay UK", "value": "https://www.relayuk.bt.com/"}, "https://www.relayuk.bt.com/"),
    ({"kind": "bsl", "label": "BSL", "value": "https://signvideo.co.uk/"}, "https://signvideo.co.uk/"),
    ({"kind": "interpreter", "label": "Interpreters", "value": "Ask for one when you call."}, ""),
])
def test_contact_channels_become_links_a_phone_can_use(channel, href):
    out = facts.channel(channel)
    assert out["href"] == href
    assert out["value"] == channel["value"]
    assert out["name"]


@pytest.mark.parametrize("topic,label", [
    ("co-production", "Co-production"), ("health-inequalities", "Health inequalities"),
    ("cqc", "CQC"), ("hope-network", "HoPE network"), ("experience-of-care-week", "Experience of care week"),
])
def test_topic_labels_read_as_words(topic, label):
    assert facts.topic_label(topic) == label


def test_page_facts_for_news():
    meta = {"title": "Week of action", "summary": "A week.", "last_reviewed": "2026-11-22",
            "next_review": "2027-11-22", "published": "2026-04-01",
            "event": {"start": "2026-04-26", "end": "2026-04-30"}, "topics": ["co-production"]}
    f = facts.page_facts(meta, "news")
    assert f["type_label"] == "News and events"
    assert (f["last_reviewed"], f["next_review"]) == ("22 November 2026", "22 November 2027")
    assert f["published"] == "1 April 2026" and f["event"] == "26 to 30 April 2026"
    assert f["topics"] == [{"name": "co-production", "label": "Co-production", "anchor": "co-production"}]


def _page(folder: Path, rel: str, title: str, extra: str = "", topics="[feedback]", reviewed="2026-01-10"):
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    kind = {"guides": "guide", "news": "news", "contact": "contact"}[rel.split("/")[0]]
    write_owners(folder)
    path.write_text(f"---\ntitle: \"{title}\"\nsummary: About {title.lower()}.\ntype: {kind}\n"
                    f"audience: [public]\ntopics: {topics}\nowner: {OWNER}\nlast_reviewed: {reviewed}\n"
                    f"next_review: 2027-01-10\n{extra}---\n\n## Part\n\nText.\n", encoding="utf-8")


@pytest.fixture
def small_site(tmp_path):
    content = tmp_path / "content"
    _page(content, "guides/zebra.md", "Zebra crossings", topics="[safety, feedback]")
    _page(content, "guides/apples.md", "apples and pears", reviewed="2026-03-01")
    _page(content, "guides/numbers.md", "111 online")
    _page(content, "news/old.md", "Old news", extra="published: 2025-01-01\n")
    _page(content, "news/new.md", "New news", extra="published: 2026-02-01\nevent: {start: 2026-02-10}\n")
    site = load_site(content, tmp_path)
    assert not site.findings, [f.format() for f in site.findings]
    return site


def test_a_to_z_groups_by_first_letter_in_order(small_site):
    groups = indexes.a_to_z(small_site)
    assert [k for k, _ in groups] == ["A", "N", "O", "Z", "0–9"]
    assert [e.title for e in dict(groups)["N"]] == ["New news"]
    page = indexes.a_to_z_page(small_site)
    assert page.src_path == "a-z.md"
    assert "- [apples and pears](guides/apples.md) (Guide): About apples and pears\\." in page.body
    assert "## Z { #letter-z }" in page.body and "[0–9](#letter-numbers)" in page.body


def test_a_to_z_files_the_under_the_next_word():
    assert indexes.letter_for("The Friends and Family Test") == "F"
    assert indexes.letter_for("Theatre visits") == "T"
    assert indexes.letter_for("#ExpOfCare tweet chat") == "E"


def test_topic_index_lists_each_page_under_every_topic(small_site):
    topics = dict(indexes.by_topic(small_site))
    assert list(topics) == ["feedback", "safety"]
    assert [e.title for e in topics["safety"]] == ["Zebra crossings"]
    assert len(topics["feedback"]) == 5
    body = indexes.topics_page(small_site).body
    assert "## Safety { #topic-safety }" in body


def test_topic_index_has_a_heading_for_a_site_pages_topics(small_site, tmp_path):
    """Every page links its topics to the topic index, site pages (type: page) included."""
    (tmp_path / "content" / "help.md").write_text(
        "---\ntitle: Help\nsummary: How to help.\ntype: page\ntopics: [contributing]\nowner: experience-of-care\n"
        "last_reviewed: 2026-01-10\nnext_review: 2027-01-10\n---\n\nText.\n", encoding="utf-8")
    site = load_site(tmp_path / "content", tmp_path)
    assert [e.title for e in dict(indexes.by_topic(site))["contributing"]] == ["Help"]
    assert "{ #topic-contributing }" in indexes.topics_page(site).body


def test_generated_pages_take_review_dates_from_the_content(small_site):
    meta = indexes.topics_page(small_site).meta
    assert (meta["last_reviewed"], meta["next_review"]) == ("2026-03-01", "2027-03-01")
    assert meta["type"] == "page"


def test_section_pages_for_each_folder_with_pages(small_site):
    from hub.config import Section

    def section(folder):
        return Section("guides", "Guides", "All guides.") if folder == "guides" else Section(folder, folder, "")

    made = {g.src_path: g for g in indexes.section_pages(small_site, section)}
    assert set(made) == {"guides/index.md", "news/index.md"}  # no contact pages, so no contact section
    assert made["guides/index.md"].meta["title"] == "Guides"
    assert "[Zebra crossings](zebra.md)" in made["guides/index.md"].body


def test_feed_lists_news_newest_first_with_dates_from_front_matter(small_site):
    data = feeds.atom(small_site, site_name="Hub", site_url="https://example.org/",
                      page_url=lambda p: "https://example.org/" + p.url, feed_url="https://example.org/news/feed.xml")
    root = ET.fromstring(data)
    titles = [e.find(ATOM + "title").text for e in root.iter(ATOM + "entry")]
    assert titles == ["New news", "Old news"]
    assert root.find(ATOM + "updated").text.startswith("2026-02-01")
    assert data == feeds.atom(small_site, site_name="Hub", site_url="https://example.org/",
                              page_url=lambda p: "https://example.org/" + p.url,
                              feed_url="https://example.org/news/feed.xml")


def test_empty_feed_does_not_depend_on_the_clock(tmp_path):
    (tmp_path / "content").mkdir()
    site = load_site(tmp_path / "content", tmp_path)
    data = feeds.atom(site, site_name="Hub", site_url="https://example.org/", page_url=lambda p: "",
                      feed_url="https://example.org/news/feed.xml")
    assert b"<updated>2000-01-01T00:00:00+00:00</updated>" in data


@pytest.mark.parametrize("channel,text", [
    ({"kind": "phone", "label": "Phone", "value": "03000 616161"}, "03000 616161"),
    ({"kind": "email", "label": "Email", "value": "enquiries@cqc.org.uk"}, "enquiries@cqc.org.uk"),
    ({"kind": "web", "label": "Online feedback form", "value": "https://www.cqc.org.uk/give-feedback-on-care"},
     "Online feedback form on cqc.org.uk"),
    ({"kind": "text_relay", "label": "", "value": "https://www.cqc.org.uk/contact-us"}, "cqc.org.uk"),
])
def test_contact_links_say_what_they_open_not_a_bare_web_address(channel, text):
    assert facts.channel(channel)["text"] == text
