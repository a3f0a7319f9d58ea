"""The map of addresses: every address has exactly one owner.

Owners claim their addresses in order of precedence: the site's own files and
folders first, then the pages the build makes, the pages contributors wrote,
their images and documents, the old addresses of moved pages, and removed
pages. A claim on an address that is already owned, whether the same address
or one that differs only in capital letters (the same file on Windows and
macOS, and on some web servers), is a `check` error that names both owners and
the fix. The earlier owner keeps the address, so the plan stays whole.
"""
from __future__ import annotations

from dataclasses import dataclass

from hub.findings import ERROR, Finding

from .model import FILE, GENERATED, GONE, PAGE, REDIRECT, SITE_FILE, WITHDRAWN, Address

# Folders the site writes its own files into (NHS.UK frontend, Material, the hub's styles,
# scripts, images and the search index). Nothing in content/ may be published inside them.
RESERVED_FOLDERS = {
    "assets/": "the site's own styles, scripts, images and search index",
    "stylesheets/": "the Material edition's styles",
    "javascripts/": "the Material edition's scripts",
}
CHECK = "addresses"


@dataclass(frozen=True)
class Where:
    """Where a claim comes from, for the finding: a file and line."""
    path: str
    line: int = 1


class AddressBook:
    def __init__(self):
        self._owners: dict[str, tuple[Address, Where]] = {}  # by address.casefold()
        self.findings: list[Finding] = []

    def owner(self, address: str) -> Address | None:
        found = self._owners.get(address.casefold())
        return found[0] if found else None

    def claim(self, claim: Address, where: Where) -> bool:
        """Record `claim`; False (with a finding) when the address is reserved or already owned."""
        folder = next((f for f in RESERVED_FOLDERS if claim.address.casefold().startswith(f)), None)
        if folder and claim.kind not in (SITE_FILE,):
            self.findings.append(Finding(
                where.path, where.line,
                f"{_who(claim)} would be published at /{claim.address}, inside /{folder}, "
                f"which holds {RESERVED_FOLDERS[folder]}",
                "move it out of that folder: put images and documents beside the page that uses them, "
                "for example content/guides/images/", ERROR, CHECK))
            return False
        key = claim.address.casefold()
        if key in self._owners:
            first, first_where = self._owners[key]
            self.findings.append(_collision(claim, where, first, first_where))
            return False
        self._owners[key] = (claim, where)
        return True

    def addresses(self) -> list[Address]:
        return sorted((a for a, _ in self._owners.values()), key=lambda a: a.address)


def _who(a: Address) -> str:
    return {FILE: f"the file {a.owner}", PAGE: f"the page {a.owner}", WITHDRAWN: f"the page {a.owner}",
            REDIRECT: f"moved_from in {a.owner}", GONE: f"the removed page listed in {a.owner}",
            GENERATED: a.owner, SITE_FILE: a.owner}.get(a.kind, a.owner)


def _collision(claim: Address, where: Where, first: Address, first_where: Where) -> Finding:
    same = claim.address == first.address
    at = f"/{claim.address}" if same else f"/{claim.address}, which differs only in capital letters from /{first.address},"
    message = f"{_who(claim)} takes the address {at} already owned by {_who(first)}"
    if not same:
        message += " (on many computers and web servers they are the same address)"
    return Finding(where.path, where.line, message, _fix(claim, first), ERROR, CHECK)


def _fix(claim: Address, first: Address) -> str:
    if claim.kind in (PAGE, WITHDRAWN) and first.kind == GENERATED:
        return (f"remove {claim.owner}: the build makes {first.owner} itself, from the pages it lists. "
                "Change a section page's title or introduction under extra.hub.sections in mkdocs.yml")
    if claim.kind in (PAGE, WITHDRAWN, FILE) and first.kind == SITE_FILE:
        return f"rename {claim.owner}: the site uses this address for {first.owner}"
    if claim.kind == REDIRECT:
        return (f"take /{claim.address} out of moved_from: {_who(first)} is there now, so readers "
                "already find a page at that address")
    if claim.kind == GONE:
        return f"take /{claim.address} out of extra.hub.gone: {_who(first)} is there now"
    if first.kind == GONE and claim.kind in (PAGE, WITHDRAWN):
        return (f"if this page replaces the removed one, take /{claim.address} out of extra.hub.gone "
                "in mkdocs.yml; otherwise rename the file")
    if first.kind == REDIRECT:
        return (f"rename {claim.owner}, or take /{claim.address} out of moved_from in {first.owner} "
                "if that page should no longer answer for it")
    return f"rename {claim.owner} (or {first.owner}), so each has its own address, in lower-case letters"
