"""Page owners: the teams that answer for pages, declared once in content/_data/owners.yml.

Every page names one with `owner:` in its front matter. The owner is shown beside the
page's review dates, groups the review report and the weekly review issue, and becomes
the page's reviewer in .github/CODEOWNERS (hub/codeowners.py).

    maintainers: hub-maintainers      # who reviews the code and settings (SECURITY.md)
    owners:
      experience-of-care:
        name: Experience of Care team
        email: england.peadmin@nhs.net
        github: "@experience-of-care/experience-of-care-team"

The file comes from pull requests like any other data file: it is read with the same
limits, and each value is checked (a GitHub account is `@user` or `@org/team`, so no
other text can reach CODEOWNERS or a mention in an issue). Every problem names the
line and says how to fix it.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from hub.findings import ERROR, Finding, relpath

from . import data

PATH = "_data/owners.yml"
CHECK = "owners"
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A team's name, as readers and the review issue see it: words, not markup or mentions.
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.'’()&-]{0,99}")
GITHUB = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]{1,100})?")
KEYS = ("name", "email", "github")


@dataclass(frozen=True)
class Owner:
    id: str
    name: str
    email: str
    github: str  # @user or @org/team


@dataclass
class Owners:
    by_id: dict[str, Owner]
    maintainers: Owner | None
    findings: list[Finding]

    def get(self, owner_id) -> Owner | None:
        return self.by_id.get(owner_id) if isinstance(owner_id, str) else None

    def suggestion(self, owner_id) -> str:
        """How to fix an owner that is not declared: the closest id, or the list."""
        guess = difflib.get_close_matches(str(owner_id), list(self.by_id), n=1)
        if guess:
            return f"did you mean '{guess[0]}'?"
        listed = ", ".join(self.by_id) or "none yet"
        return f"use one of the owners in content/{PATH} ({listed}), or add your team there"


def load(content_root: Path, repo: Path | None = None) -> Owners:
    """The owners declared in content/_data/owners.yml, and every problem with the file."""
    path = Path(content_root) / PATH
    shown = relpath(path, repo)
    if not path.is_file():
        return Owners({}, None, [])
    loaded = data.load(path)
    if loaded.parsed is None:
        return Owners({}, None, [Finding(shown, p.line, p.message, p.fix, ERROR, CHECK) for p in loaded.problems])
    lines = _lines(loaded.parsed)
    problems: list[Finding] = []

    def problem(where: tuple, message: str, fix: str):
        problems.append(Finding(shown, lines.get(where, lines.get(where[:2], lines.get(where[:1], 1))),
                                message, fix, ERROR, CHECK))

    block = loaded.data.get("owners") if isinstance(loaded.data, dict) else None
    if not isinstance(block, dict) or not block:
        problem(("owners",), "the file has no owners", "list each team under 'owners:' with its name, email and github")
        return Owners({}, None, problems)
    found: dict[str, Owner] = {}
    for owner_id, entry in block.items():
        key = ("owners", owner_id)
        if not isinstance(owner_id, str) or not ID.fullmatch(owner_id):
            problem(key, f"the owner '{owner_id}' is not a web-friendly name",
                    "use lowercase letters, numbers and hyphens, for example experience-of-care")
            continue
        if not isinstance(entry, dict):
            problem(key, f"the owner '{owner_id}' is not a set of keys", "give it name:, email: and github:")
            continue
        for k in entry:
            if k not in KEYS:
                guess = difflib.get_close_matches(str(k), KEYS, n=1)
                problem((*key, k), f"the owner '{owner_id}' has an unknown key '{k}'",
                        f"did you mean '{guess[0]}'?" if guess else "use name, email and github")
        name, email, github = (entry.get(k) for k in KEYS)
        bad = False
        if not isinstance(name, str) or not name.strip():
            problem((*key, "name"), f"the owner '{owner_id}' has no name", "give the team's name, as readers see it")
            bad = True
        elif not NAME.fullmatch(name.strip()):
            problem((*key, "name"), f"the owner '{owner_id}' has a name with characters a name does not need",
                    "use letters, numbers, spaces and ,.'()&- only, such as Experience of Care team")
            bad = True
        if not isinstance(email, str) or not EMAIL.fullmatch(email):
            problem((*key, "email"), f"the owner '{owner_id}' has no email address",
                    "give the address the team reads, such as team@example.nhs.uk")
            bad = True
        if not isinstance(github, str) or not GITHUB.fullmatch(github):
            problem((*key, "github"), f"the owner '{owner_id}' has no GitHub account",
                    'give a GitHub user or team in quotes, such as "@org/team" or "@user"')
            bad = True
        if not bad:
            found[owner_id] = Owner(owner_id, name.strip(), email, github)
    maintainers = loaded.data.get("maintainers")
    if maintainers not in found:
        problem(("maintainers",), f"maintainers is {maintainers!r}, which is not one of the owners",
                "name the owner who reviews the hub's code and settings, such as maintainers: hub-maintainers")
    return Owners(found, found.get(maintainers), problems)


def _lines(parsed) -> dict[tuple, int]:
    """The file line of each key path, from the parser's text values (the first text under a key)."""
    lines: dict[tuple, int] = {(k,): v for k, v in parsed.lines.items()}
    for path, line, _text in parsed.texts:
        keys = tuple(p for p in path if isinstance(p, str))
        for n in range(1, len(keys) + 1):
            lines.setdefault(keys[:n], line)
    return lines
