"""Findings: what every check reports, and the three ways we print them.

A contributor reads `path:line: message — how to fix`; GitHub Actions reads
`::error file=…,line=…::…` annotations; a person at a terminal gets a short
summary table at the end. Every check returns Findings and never prints, so
all problems are collected first and reported at once.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    message: str
    fix: str = ""
    severity: str = ERROR
    check: str = field(default="content", compare=False)

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        level = "" if self.severity == ERROR else "warning: "
        fix = f" — {self.fix}" if self.fix else ""
        return f"{where}: {level}{self.message}{fix}"

    def annotation(self) -> str:
        """A GitHub Actions workflow command, so the finding shows on the pull request."""
        kind = "error" if self.severity == ERROR else "warning"
        text = f"{self.message} — {self.fix}" if self.fix else self.message
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        line = f",line={self.line}" if self.line else ""
        return f"::{kind} file={self.path}{line},title={self.check}::{text}"


def relpath(path: Path | str, root: Path | str | None = None) -> str:
    """Paths in findings are relative to the repository, as contributors see them."""
    root = Path(root) if root else Path.cwd()
    path = Path(path)
    # Content paths are already absolute and under the root: no need to ask the file system
    # (resolving costs a system call per folder, for every page of every build).
    if path.is_absolute() and root.is_absolute() and ".." not in path.parts and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def is_failure(findings: list[Finding], strict: bool = False) -> bool:
    return any(f.severity == ERROR or strict for f in findings)


def report(findings: list[Finding], *, strict: bool = False, stream=None) -> None:
    """Print every finding, then a summary table (errors and warnings per check)."""
    import sys

    stream = stream or sys.stdout
    ordered = sorted(findings)
    for f in ordered:
        shown = f if not (strict and f.severity == WARNING) else Finding(
            f.path, f.line, f.message, f.fix, ERROR, f.check)
        print(shown.format(), file=stream)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(shown.annotation(), file=stream)
    print(summary_table(ordered, strict=strict), file=stream)


def summary_table(findings: list[Finding], *, strict: bool = False) -> str:
    errors = Counter(f.check for f in findings if f.severity == ERROR or strict)
    warnings = Counter(f.check for f in findings if f.severity == WARNING and not strict)
    checks = sorted(set(errors) | set(warnings))
    if not checks:
        return "\nAll checks passed: 0 errors, 0 warnings."
    width = max(len("check"), *(len(c) for c in checks))
    lines = ["", f"{'check':<{width}}  errors  warnings"]
    for c in checks:
        lines.append(f"{c:<{width}}  {errors[c]:>6}  {warnings[c]:>8}")
    lines.append(f"{'total':<{width}}  {sum(errors.values()):>6}  {sum(warnings.values()):>8}")
    return "\n".join(lines)
