""".github/CODEOWNERS, made from the pages' owners: each content file to its owner's GitHub account,
and everything else to the maintainers, as SECURITY.md recommends.

`python build.py codeowners` writes it; the `codeowners` check fails, naming that command,
when the committed file is not what it would write. GitHub uses the last matching line, so
the maintainers' catch-all comes first and each page's own line after it.
"""
from __future__ import annotations

from pathlib import Path

from hub.findings import ERROR, Finding, relpath

PATH = ".github/CODEOWNERS"
COMMAND = "python build.py codeowners"
CHECK = "codeowners"


def path_for(config) -> Path:
    return config.root / PATH


def render(site, config) -> str:
    """The file's text, for the content in `site` and its owners."""
    owners = site.owners
    maintainers = owners.maintainers.github if owners.maintainers else ""
    docs = config.docs_dir.strip("/")
    lines = [
        f"# Made by `{COMMAND}` from content/_data/owners.yml and each page's `owner:`.",
        "# Do not edit it by hand: `check` fails when it is out of date.",
        "",
        "# The hub's code, settings and data are reviewed by its maintainers (SECURITY.md).",
    ]
    if maintainers:
        lines.append(f"* {maintainers}")
    lines += ["", "# Each page is reviewed by the team that owns it."]
    for page in sorted(site.pages, key=lambda p: p.src_path):
        owner = owners.get(page.owner)
        if owner is not None:
            lines.append(f"/{docs}/{_escaped(page.src_path)} {owner.github}")
    return "\n".join(lines) + "\n"


def _escaped(path: str) -> str:
    """A path as a CODEOWNERS pattern matches it literally (content file names are web-friendly anyway)."""
    return "".join("\\" + ch if ch in "*?[]!# \\" else ch for ch in path)


def write(site, config) -> bool:
    """Write the file; False when it already says exactly this."""
    path = path_for(config)
    text = render(site, config)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


def run(site, config) -> list[Finding]:
    """The check: the committed file must be what `build.py codeowners` would write.

    A project without the file (a copy of the hub for a test, say) has nothing to keep in step."""
    path = path_for(config)
    if not path.is_file() or site.owners.findings:
        return []
    if path.read_text(encoding="utf-8") == render(site, config):
        return []
    return [Finding(relpath(path, config.root), 1,
                    f"{PATH} does not match the pages' owners (a page was added, moved or given a new owner)",
                    f"run {COMMAND} and commit the file", ERROR, CHECK)]
