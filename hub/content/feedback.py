"""'Is this page useful?' with no server: Yes and No links that open a prefilled message.

mkdocs.yml `extra.hub.feedback` says where feedback goes:

    feedback: {kind: email, address: team@example.nhs.uk}
    feedback: {kind: issue, repository: https://github.com/owner/name, labels: [page-feedback]}

An email link opens the reader's email app with the subject and message written;
an issue link opens a new GitHub issue with its title and text written (it needs
a GitHub account). Nothing is sent until the reader sends it, and nothing is
tracked. The links name the page by title and web address, so they work from the
offline copy too.

Titles come from pull requests and mkdocs.yml can be changed by one, so every
value is percent-encoded whole: a title holding a line break, '&cc=' or
'?labels=' stays inside the subject or title it belongs to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from hub.config import ConfigError, ConfigProblem, HubConfig, unknown_keys

KEY = "extra.hub.feedback"
KINDS = ("email", "issue")

EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
GITHUB_REPOSITORY = re.compile(r"https://github\.com/[A-Za-z0-9-]+/[A-Za-z0-9._-]+")
# GitHub label names: no commas (the labels parameter is a comma-separated list).
LABEL = re.compile(r"[^,\s][^,]{0,49}")

# Long enough for any real title; keeps a link within what every email app accepts.
TITLE_MAX = 150

YES_SUBJECT = "This page was useful: {title}"
NO_SUBJECT = "This page was not useful: {title}"
# A message to a team inbox or a public issue is no place for health details.
PRIVACY = "Please do not include personal or medical details."
YES_BODY = "Page: {title}\nWeb address: {url}\n\nYou can tell us more here, or just send this message. " + PRIVACY + "\n"
NO_BODY = ("Page: {title}\nWeb address: {url}\n\nWhat were you looking for? What was missing, wrong or hard "
           "to understand? " + PRIVACY + "\n\n")


@dataclass(frozen=True)
class Settings:
    kind: str  # email | issue
    address: str = ""  # kind: email
    repository: str = ""  # kind: issue, https://github.com/owner/name
    labels: tuple[str, ...] = ()

    @property
    def destination(self) -> str:
        """Where the links send feedback, in words, for the privacy statement and the link hint."""
        if self.kind == "email":
            return f"an email to {self.address}"
        return f"a new issue in {self.repository.removeprefix('https://')} (you need a GitHub account)"


def settings(cfg: HubConfig) -> Settings | None:
    """extra.hub.feedback, checked; None when mkdocs.yml has none (no feedback links).

    Raises hub.config.ConfigError naming every wrong key at once.
    """
    block = cfg.hub.get("feedback")
    if block is None:
        return None
    where = cfg.path.name
    if not isinstance(block, dict):
        raise ConfigError(where, [ConfigProblem(KEY, "must be a set of keys",
                                                "write it as {kind: email, address: name@example.nhs.uk}")])
    kind = block.get("kind")
    if kind not in KINDS:
        raise ConfigError(where, [ConfigProblem(f"{KEY}.kind", f"is {kind!r}",
                                                "write kind: email or kind: issue")])
    if kind == "email":
        problems = list(unknown_keys(KEY, block, ("kind", "address")))
        address = block.get("address")
        if not isinstance(address, str) or not EMAIL.fullmatch(address):
            problems.append(ConfigProblem(f"{KEY}.address", "is missing" if address is None else
                                          f"is {address!r}, which is not an email address",
                                          "give the address feedback goes to, such as name@example.nhs.uk"))
        if problems:
            raise ConfigError(where, problems)
        return Settings("email", address=address)

    problems = list(unknown_keys(KEY, block, ("kind", "repository", "labels")))
    # The repository defaults to the one "Edit this page" links point at.
    repository = block.get("repository", cfg.hub.get("repository"))
    if not isinstance(repository, str) or not GITHUB_REPOSITORY.fullmatch(repository.rstrip("/")):
        problems.append(ConfigProblem(f"{KEY}.repository", "is missing" if repository is None else
                                      f"is {repository!r}, which is not a GitHub repository",
                                      "give its address, such as https://github.com/owner/name"))
    labels = block.get("labels") or []
    if not isinstance(labels, list) or not all(isinstance(x, str) and LABEL.fullmatch(x) for x in labels):
        problems.append(ConfigProblem(f"{KEY}.labels", f"is {labels!r}",
                                      "give a list of label names without commas, such as [page-feedback]"))
    if problems:
        raise ConfigError(where, problems)
    return Settings("issue", repository=repository.rstrip("/"), labels=tuple(labels))


def links(s: Settings, title: str, url: str) -> dict:
    """{'yes': href, 'no': href, 'destination': words} for a page with this title and web address."""
    title = _one_line(title)
    return {
        "yes": _href(s, YES_SUBJECT.format(title=title), YES_BODY.format(title=title, url=url)),
        "no": _href(s, NO_SUBJECT.format(title=title), NO_BODY.format(title=title, url=url)),
        "destination": s.destination,
    }


def _href(s: Settings, subject: str, body: str) -> str:
    if s.kind == "email":
        # RFC 6068: line breaks in a mailto body are written as CRLF, and every value is
        # percent-encoded, with spaces as %20 (an email app shows '+' as a plus sign).
        query = urlencode({"subject": subject, "body": body.replace("\n", "\r\n")}, quote_via=quote)
        return f"mailto:{quote(s.address, safe='@')}?{query}"
    params = {"title": subject, "body": body}
    if s.labels:
        params["labels"] = ",".join(s.labels)
    return f"{s.repository}/issues/new?{urlencode(params, quote_via=quote)}"


def _one_line(text: str) -> str:
    """A title on one line, without control characters, short enough for any email app."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"
