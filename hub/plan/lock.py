"""addresses.lock: every address the site has published, committed beside mkdocs.yml.

NHS guidance is printed, emailed and linked from other sites for years, so an
address, once published, must keep leading somewhere: to its page, to the page
that replaced it (a redirect, from `moved_from`), to the page marked withdrawn, or
to a short page saying it was removed (`extra.hub.gone`). `check` fails naming
any listed address this build no longer has.

`build` (and `serve`) rewrite the file only when every check passed, adding new
addresses and recording what is at each one now; an address is never taken off.
A pull request that adds, moves or removes a page therefore shows the change to
the site's addresses in its diff. One line per address: the address, what is
there (page, generated, withdrawn, redirect, gone) and who answers for it.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hub.findings import ERROR, WARNING, Finding

from .model import LISTED_KINDS, REDIRECT, Address

NAME = "addresses.lock"
CHECK = "addresses"
HEADER = """\
# Every address this site has published, and what is at each one now. Written by
# `python build.py build` (and `serve`) when every check passes: new addresses are added
# and none is ever taken off, so a link someone saved keeps working. To move, withdraw or
# remove a page, see "Moving, withdrawing or removing a page" in CONTRIBUTING.md.
# Commit this file with your change; do not edit it by hand.
"""


@dataclass(frozen=True)
class Entry:
    address: str  # site-relative: "guides/x/"
    kind: str
    owner: str
    line: int


def path_for(config) -> Path:
    return config.root / NAME


def read(path: Path) -> list[Entry]:
    """The listed addresses, or [] when the site has no list yet."""
    if not path.is_file():
        return []
    entries = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip() or text.startswith("#"):
            continue
        address, _, rest = text.partition(" ")
        kind, _, owner = rest.partition(" ")
        entries.append(Entry(address.removeprefix("/"), kind, owner, number))
    return entries


def listed(addresses: list[Address]) -> list[Address]:
    """The addresses a reader may have saved: pages, generated pages, redirects and removed pages."""
    return [a for a in addresses if a.kind in LISTED_KINDS]


def render(addresses: list[Address], earlier: list[Entry]) -> str:
    """The file's text: this build's addresses, plus any earlier one this build somehow lacks (kept, not lost)."""
    now = {a.address: a for a in listed(addresses)}
    lines = {a.address: f"/{a.address} {a.kind} {_owner(a)}" for a in now.values()}
    for entry in earlier:
        lines.setdefault(entry.address, f"/{entry.address} {entry.kind} {entry.owner}")
    return HEADER + "".join(lines[k] + "\n" for k in sorted(lines))


def _owner(a: Address) -> str:
    return f"to /{a.target} ({a.owner})" if a.kind == REDIRECT else a.owner


def findings(addresses: list[Address], earlier: list[Entry], lock_name: str) -> list[Finding]:
    """An error for each listed address this build lost; a warning for each new one not yet listed."""
    if not earlier:
        return []
    now = {a.address for a in listed(addresses)}
    out = []
    for entry in earlier:
        if entry.address in now:
            continue
        was = f" ({entry.owner})" if entry.owner else ""
        out.append(Finding(
            lock_name, entry.line,
            f"/{entry.address} was published{was} and this build no longer has it: every link to it would break",
            f"if the page moved, add 'moved_from: [/{entry.address}]' to its new file; if it is no longer current, "
            f"keep it and mark it 'withdrawn:'; if it is removed for good, add "
            f"{{address: /{entry.address}, removed: YYYY-MM-DD}} under extra.hub.gone in mkdocs.yml",
            ERROR, CHECK))
    listed_before = {e.address for e in earlier}
    for a in listed(addresses):
        if a.address not in listed_before:
            out.append(Finding(
                lock_name, 0, f"the new address /{a.address} ({a.owner}) is not in {lock_name} yet",
                f"run python build.py build, which adds it, and commit {lock_name} so reviewers see the new address",
                WARNING, CHECK))
    return out


def write(path: Path, text: str) -> bool:
    """Replace the file in one step; False when it already says exactly this."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)
    return True
