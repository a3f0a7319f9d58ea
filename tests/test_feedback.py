"""'Is this page useful?' links: settings from mkdocs.yml, prefilled messages, and hostile titles."""
from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from hub import config
from hub.config import ConfigError, HubConfig
from hub.content import feedback

URL = "https://example.org/hub/guides/using-feedback/"


def cfg_with(block, repository=None) -> HubConfig:
    hub = {} if block is None else {"feedback": block}
    if repository:
        hub["repository"] = repository
    return HubConfig(Path("/project/mkdocs.yml"), {"extra": {"hub": hub}})


EMAIL = feedback.settings(cfg_with({"kind": "email", "address": "team@example.nhs.uk"}))
ISSUE = feedback.settings(cfg_with({"kind": "issue", "repository": "https://github.com/example/hub/",
                                    "labels": ["page feedback"]}))


def mailto(href: str) -> tuple[str, dict[str, list[str]]]:
    """A mailto: link as an email app reads it (RFC 6068): the address and each header, decoded."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)


def test_email_links_name_the_page_and_ask_what_was_missing():
    links = feedback.links(EMAIL, "Using feedback", URL)
    to, yes = mailto(links["yes"])
    assert to == "team@example.nhs.uk"
    assert yes["subject"] == ["This page was useful: Using feedback"]
    assert f"Page: Using feedback\r\nWeb address: {URL}\r\n" in yes["body"][0]
    _, no = mailto(links["no"])
    assert no["subject"] == ["This page was not useful: Using feedback"]
    assert "What were you looking for?" in no["body"][0]
    assert "Please do not include personal or medical details." in no["body"][0]
    assert set(yes) == set(no) == {"subject", "body"}
    assert links["destination"] == "an email to team@example.nhs.uk"


def test_spaces_are_percent_encoded_not_plus_signs():
    """Email apps read '+' in a mailto: link as a plus sign, not a space (RFC 6068)."""
    href = feedback.links(EMAIL, "A + B", URL)["yes"]
    assert "+" not in href.split("?", 1)[1]
    assert mailto(href)[1]["subject"] == ["This page was useful: A + B"]


HOSTILE = [
    "Title\r\nBcc: victim@example.com",
    "Title&cc=victim@example.com&body=spam",
    "Title?subject=other#fragment",
    "Title%0ACc:%20victim@example.com",
    "Title\u2028with\x00controls\x1b[2J",
    "Title & labels=admin&assignees=me",
]


@pytest.mark.parametrize("title", HOSTILE)
def test_a_hostile_title_stays_inside_the_email_subject(title):
    for href in feedback.links(EMAIL, title, URL).values():
        if not href.startswith("mailto:"):
            continue
        to, headers = mailto(href)
        assert to == "team@example.nhs.uk"
        assert set(headers) == {"subject", "body"} and len(headers["subject"]) == 1
        subject = headers["subject"][0]
        assert "\n" not in subject and "\r" not in subject and subject.isprintable()
        # The subject is a valid header value: the email library refuses line breaks in one.
        EmailMessage()["Subject"] = subject
        assert urlsplit(href).fragment == ""


@pytest.mark.parametrize("title", HOSTILE)
def test_a_hostile_title_stays_inside_the_issue_title(title):
    links = feedback.links(ISSUE, title, URL)
    for answer in ("yes", "no"):
        parts = urlsplit(links[answer])
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/example/hub/issues/new")
        assert parts.fragment == ""
        query = parse_qs(parts.query, strict_parsing=True)
        assert set(query) == {"title", "body", "labels"}
        assert query["labels"] == ["page feedback"] and len(query["title"]) == 1
        assert query["title"][0].isprintable()


def test_issue_links_prefill_title_body_and_labels():
    links = feedback.links(ISSUE, "Using feedback", URL)
    query = parse_qs(urlsplit(links["no"]).query)
    assert query["title"] == ["This page was not useful: Using feedback"]
    assert query["body"][0].startswith(f"Page: Using feedback\nWeb address: {URL}\n")
    assert links["destination"] == "a new issue in github.com/example/hub (you need a GitHub account)"


def test_issue_repository_defaults_to_the_edit_links_repository_and_labels_are_optional():
    s = feedback.settings(cfg_with({"kind": "issue"}, repository="https://github.com/example/hub"))
    assert s.repository == "https://github.com/example/hub" and s.labels == ()
    assert "labels" not in parse_qs(urlsplit(feedback.links(s, "T", URL)["yes"]).query)


def test_a_very_long_title_is_shortened():
    subject = mailto(feedback.links(EMAIL, "word " * 200, URL)["yes"])[1]["subject"][0]
    assert len(subject) < 200 and subject.endswith("…")


def test_no_feedback_block_means_no_links():
    assert feedback.settings(cfg_with(None)) is None


@pytest.mark.parametrize("block,key,words", [
    ("email", "extra.hub.feedback", "must be a set of keys"),
    ({"kind": "sms"}, "extra.hub.feedback.kind", "is 'sms' — fix: write kind: email or kind: issue"),
    ({"address": "a@b.nhs.uk"}, "extra.hub.feedback.kind", "is None"),
    ({"kind": "email"}, "extra.hub.feedback.address", "is missing"),
    ({"kind": "email", "address": "a@b.nhs.uk?cc=c@d.com"}, "extra.hub.feedback.address", "not an email address"),
    ({"kind": "email", "address": "a@b.nhs.uk", "adress": "x"}, "extra.hub.feedback.adress", "did you mean 'address'?"),
    ({"kind": "issue"}, "extra.hub.feedback.repository", "is missing"),
    ({"kind": "issue", "repository": "https://evil.example/x/y"}, "extra.hub.feedback.repository",
     "not a GitHub repository"),
    ({"kind": "issue", "repository": "https://github.com/a/b", "labels": "bug"}, "extra.hub.feedback.labels",
     "give a list of label names"),
    ({"kind": "issue", "repository": "https://github.com/a/b", "labels": ["a,b"]}, "extra.hub.feedback.labels",
     "without commas"),
])
def test_bad_settings_name_mkdocs_yml_and_the_key(block, key, words):
    with pytest.raises(ConfigError) as e:
        feedback.settings(cfg_with(block))
    assert f"mkdocs.yml: {key} " in str(e.value) and words in str(e.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(ConfigError) as e:
        feedback.settings(cfg_with({"kind": "issue", "repository": "github.com/a/b", "labels": [1], "lables": []}))
    assert [p.key for p in e.value.problems] == [
        "extra.hub.feedback.lables", "extra.hub.feedback.repository", "extra.hub.feedback.labels"]


def test_the_real_settings_use_the_teams_published_address():
    """The default address is the one the site already publishes for the Experience of Care team."""
    import yaml

    contacts = yaml.safe_load((config.ROOT / "content/_data/contacts.yml").read_text(encoding="utf-8"))
    s = feedback.settings(config.load())
    assert s.kind == "email" and s.address == contacts["contacts"]["experience_of_care_team_email"]["value"]
