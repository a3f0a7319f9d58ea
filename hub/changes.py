"""`build.py changes --base REF`: what a change means for readers, as a short Markdown report.

It reads the site as it is and as it was at REF (a git commit, branch or tag, read with
`git archive`, so nothing is fetched), makes the site plan of each, and compares them:

- pages added, changed (with the headings that changed), moved, withdrawn or removed,
  each with its title and address;
- every address that changed: new, now a redirect, a removed page, or lost;
- the findings `check` would report on the source, errors first.

CI writes the report to the pull request's job summary, so a reviewer sees at a glance
what readers will see change. Titles, headings and messages come from the pull request,
so each is shown as a code span (hub.content.review.code_span): nothing in them becomes a
link, an image, HTML or a mention.
"""
from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hub import checks
from hub import config as hub_config
from hub.content import load_site
from hub.content.review import code_span
from hub.findings import ERROR, Finding
from hub.plan import SitePlan, build_plan, lock
from hub.plan.model import GONE, LISTED_KINDS, PAGE, REDIRECT, WITHDRAWN

FINDINGS_SHOWN = 30


class BaseError(Exception):
    """The base could not be read (not a git repository, or no such commit)."""


@dataclass
class Changes:
    added: list = field(default_factory=list)  # (title, address)
    changed: list = field(default_factory=list)  # (title, address, what changed: [str])
    moved: list = field(default_factory=list)  # (title, old address, new address)
    withdrawn: list = field(default_factory=list)  # (title, address)
    removed: list = field(default_factory=list)  # (title, address, what is there now)
    addresses: list = field(default_factory=list)  # (address, before, after)
    findings: list = field(default_factory=list)

    @property
    def pages_changed(self) -> bool:
        return any((self.added, self.changed, self.moved, self.withdrawn, self.removed))


def base_project(ref: str, config, into: Path):
    """The project's configuration as it was at `ref`, reading its content, mkdocs.yml and
    addresses.lock from that commit (written under `into`)."""
    repo = Path(_git(config.root, "rev-parse", "--show-toplevel").decode().strip())
    here = config.root.resolve().relative_to(repo)
    docs = config.content_dir.resolve().relative_to(repo)
    wanted = [str(docs), str(here / config.path.name), str(here / lock.NAME)]
    listed = _git(repo, "ls-tree", "-r", "--name-only", ref, "--", *wanted).decode().splitlines()
    if str(here / config.path.name).removeprefix("./") not in listed:
        raise BaseError(f"{ref} has no {config.path.name}")
    archive = _git(repo, "archive", "--format=tar", ref, "--", *wanted[:1],
                   *[w for w in wanted[1:] if w.removeprefix("./") in listed])
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")  # no links out of `into`, no absolute paths
    base = hub_config.load(into / here / config.path.name)
    base.raw["docs_dir"] = str(into / docs)  # the content as it was, wherever mkdocs.yml said it is
    return base


def _git(repo: Path, *args: str) -> bytes:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, timeout=120).stdout
    except FileNotFoundError:
        raise BaseError("git is not installed") from None
    except subprocess.CalledProcessError as e:
        raise BaseError(e.stderr.decode(errors="replace").strip() or f"git {args[0]} failed") from None


def plan_of(config) -> tuple[SitePlan | None, list[Finding]]:
    """The site plan of a project, with the findings `check` reports before rendering.

    A page with a problem is still planned, as it was read: the base may have been written
    before a rule this change adds, and the report is about what readers see, not about
    the rules. Only settings the plan cannot be made without leave it with no plan."""
    site = load_site(config.content_dir, config.root)
    findings = list(site.findings) + config.problems()
    try:
        plan = build_plan(site, config)
    except hub_config.ConfigError:
        return None, findings
    return plan, findings + plan.findings


def compare(base: SitePlan | None, head: SitePlan | None) -> Changes:
    changes = Changes()
    if head is None:
        return changes
    before = {p.src_path: p for p in (base.pages if base else []) if p.page is not None}
    after = {p.src_path: p for p in head.pages if p.page is not None}
    before_by_address = {p.address: p for p in before.values()}
    moved_to = {}
    for src, p in after.items():
        for old in p.page.moved_from:
            if old in before_by_address and before_by_address[old].src_path not in after:
                moved_to[before_by_address[old].src_path] = p
                changes.moved.append((p.page.title, old, p.address))
    moved_in = {p.src_path for p in moved_to.values()}
    for src, p in after.items():
        if src not in before and src not in moved_in:
            changes.added.append((p.page.title, p.address))
        elif src in before:
            if p.kind == WITHDRAWN and before[src].kind != WITHDRAWN:
                changes.withdrawn.append((p.page.title, p.address))
            what = _what_changed(before[src].page, p.page)
            if what:
                changes.changed.append((p.page.title, p.address, what))
    now = {a.address: a for a in head.addresses}
    for src, p in before.items():
        if src not in after and src not in moved_to:
            there = now.get(p.address)
            changes.removed.append((p.page.title, p.address, _what_is_there(there)))
    was = {a.address: a for a in (base.addresses if base else [])}
    for address in sorted(set(was) | set(now)):
        old, new = was.get(address), now.get(address)
        if (old or new).kind not in LISTED_KINDS:
            continue  # images and the site's own files: not addresses a reader saves
        if old is None or new is None or (old.kind, old.target) != (new.kind, new.target):
            changes.addresses.append((address, _what_is_there(old, "nothing"), _what_is_there(new)))
    return changes


def _what_changed(old, new) -> list[str]:
    out = []
    for key in ("title", "summary", "owner"):
        if old.meta.get(key) != new.meta.get(key):
            out.append(f"{key}: {new.meta.get(key)}")
    before = [h.text for h in old.markdown.headings]
    after = [h.text for h in new.markdown.headings]
    out += [f"new heading: {h}" for h in after if h not in before]
    out += [f"heading removed: {h}" for h in before if h not in after]
    # Withdrawing and moving a page have sections of their own.
    shown_elsewhere = ("title", "summary", "owner", "withdrawn", "moved_from")
    other_meta = {k for k in set(old.meta) | set(new.meta) if k not in shown_elsewhere
                  and old.meta.get(k) != new.meta.get(k)}
    if old.body != new.body:
        out.append("text changed")
    if other_meta:
        out.append("front matter changed: " + ", ".join(sorted(other_meta)))
    return out


def _what_is_there(address, missing: str = "nothing: the address is lost") -> str:
    if address is None:
        return missing
    if address.kind == REDIRECT:
        return f"a redirect to /{address.target}"
    if address.kind == GONE:
        return "a page saying it was removed"
    if address.kind == WITHDRAWN:
        return f"withdrawn page ({address.owner})"
    if address.kind == PAGE:
        return f"page ({address.owner})"
    return f"{address.kind} ({address.owner})"


def report(config, ref: str) -> str:
    """The Markdown report comparing the project as it is with `ref`. Raises BaseError."""
    with tempfile.TemporaryDirectory(prefix="hub-changes-") as tmp:
        base, _ = plan_of(base_project(ref, config, Path(tmp)))
    head, findings = plan_of(config)
    if head is not None:
        site = head.site
        findings += checks.source_checks(site, config)
        findings += lock.findings(head.addresses, lock.read(lock.path_for(config)), lock.NAME)
    return as_markdown(compare(base, head), findings, ref)


def as_markdown(changes: Changes, findings: list[Finding], ref: str) -> str:
    lines = ["## What this change means for readers", "", f"Compared with {code_span(ref)}."]

    def section(title: str, rows: list[str]):
        if rows:
            lines.extend(["", f"### {title}", "", *rows])

    section("Pages added", [f"- {code_span(t)} at {code_span('/' + a)}" for t, a in changes.added])
    section("Pages changed", [f"- {code_span(t)} at {code_span('/' + a)}: " + "; ".join(code_span(w) for w in what)
                              for t, a, what in changes.changed])
    section("Pages moved", [f"- {code_span(t)}: from {code_span('/' + old)} to {code_span('/' + new)} "
                            "(the old address sends readers on)" for t, old, new in changes.moved])
    section("Pages withdrawn", [f"- {code_span(t)} at {code_span('/' + a)}" for t, a in changes.withdrawn])
    section("Pages removed", [f"- {code_span(t)} at {code_span('/' + a)}: now {w}" for t, a, w in changes.removed])
    section("Addresses", [f"- {code_span('/' + a)}: {before} → {after}" for a, before, after in changes.addresses])
    if not changes.pages_changed and not changes.addresses:
        lines += ["", "No page or address changes for readers."]
    errors = [f for f in findings if f.severity == ERROR]
    warnings = [f for f in findings if f.severity != ERROR]
    lines += ["", "### Findings", ""]
    if not findings:
        lines.append("No problems found in the content.")
    else:
        lines.append(f"{len(errors)} error(s) and {len(warnings)} warning(s):")
        lines.append("")
        for f in (errors + warnings)[:FINDINGS_SHOWN]:
            where = f"{f.path}:{f.line}" if f.line else f.path
            lines.append(f"- {'error' if f.severity == ERROR else 'warning'}: {code_span(where)} "
                         f"{code_span(f.message)}" + (f" — {code_span(f.fix)}" if f.fix else ""))
        if len(findings) > FINDINGS_SHOWN:
            lines.append(f"- …and {len(findings) - FINDINGS_SHOWN} more: run `python build.py check`.")
    return "\n".join(lines) + "\n"
