"""Valid HTML: the W3C Nu HTML checker (vnu.jar) on every page of the built site.

One Java start checks every HTML file (about 2 seconds for the whole site). Each
error becomes a finding: on the page's Markdown file when the bad markup is in
the page's own content (the [data-hub-content] area), with the line that holds
it where it can be found; otherwise on the theme, once per message, naming the
pages it is on, because one template mistake shows on every page. The checker's
warnings and notes are not errors and are not reported.

Runs with `python build.py check --a11y` and in CI. vnu.jar is the npm package
vnu-jar (pinned in package.json); Java is Debian's headless runtime. Both come
from `./setup.sh --browser`.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hub.checks.pages import finding, line_containing, page_for_url
from hub.findings import ERROR, Finding, relpath

CHECK = "valid-html"
JAVA = os.environ.get("HUB_JAVA", "java")
ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
TIMEOUT = 600  # seconds; the whole site takes a few
SETUP_FIX = "run ./setup.sh --browser (it installs Debian's headless Java and the pinned vnu-jar npm package)"


@dataclass(frozen=True, order=True)
class Error:
    """One error the Nu checker found in one built file."""

    file: str  # site-relative path, such as 'guides/x/index.html'
    line: int  # in the built file
    message: str
    markup: str  # the markup the checker points at
    after: str = ""  # the text just after it, such as a heading's words
    note: str = ""  # where the checker says the other half of the problem is


def run(site, site_dir: Path, config, *, java: str = JAVA, jar: Path = VNU_JAR) -> list[Finding]:
    where = relpath(jar, ROOT)
    try:
        errors = validate(Path(site_dir), java=java, jar=jar)
    except CheckerMissing as e:
        return [Finding(where, 0, f"{CHECK}: {e}", SETUP_FIX, ERROR, CHECK)]
    except CheckerFailed as e:
        return [Finding(where, 0, f"{CHECK}: {e}",
                        "run the command by hand to see why; if Java or vnu.jar is broken, " + SETUP_FIX,
                        ERROR, CHECK)]
    return as_findings(errors, site, Path(site_dir), config)


class CheckerMissing(RuntimeError):
    """Java or vnu.jar is not installed."""


class CheckerFailed(RuntimeError):
    """The checker ran but gave no report."""


def validate(site_dir: Path, *, java: str = JAVA, jar: Path = VNU_JAR) -> list[Error]:
    """Run vnu.jar once over every HTML file in site_dir; return its errors."""
    if not shutil.which(java):
        raise CheckerMissing(f"Java ({java}) was not found, so the Nu HTML checker cannot run")
    if not Path(jar).is_file():
        raise CheckerMissing(f"the Nu HTML checker was not found at {jar}")
    # Not --errors-only: the note saying where a duplicated id was first used is an "info" message.
    cmd = [shutil.which(java), "-jar", str(jar), "--exit-zero-always", "--format", "json",
           "--skip-non-html", str(site_dir)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise CheckerFailed(f"the Nu HTML checker did not finish in {TIMEOUT} seconds") from None
    report = _json_report(done.stderr) or _json_report(done.stdout)
    if report is None:
        raise CheckerFailed(f"the Nu HTML checker gave no report (exit {done.returncode}): "
                            f"{(done.stderr or done.stdout).strip()[:500]}")
    return parse(report, site_dir)


def _json_report(text: str) -> dict | None:
    """vnu writes its JSON report as one line on stderr; Java may print warnings around it."""
    for line in reversed((text or "").splitlines()):
        line = line.strip()
        if line.startswith("{") and '"messages"' in line:
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                continue
    return None


def parse(report: dict, site_dir: Path) -> list[Error]:
    """The errors in a vnu JSON report, with file paths relative to site_dir, in a stable order.

    "error" is invalid markup; "non-document-error" means the checker could not read a file,
    which is an error too. "info" (warnings and notes) is not, except the note that says
    where a duplicated id was first used, which goes with its error.
    """
    base = Path(site_dir).resolve()
    errors: list[Error] = []
    for m in report.get("messages", []):
        if m.get("type") not in ("error", "non-document-error"):
            if (errors and errors[-1].message.startswith("Duplicate ID")
                    and str(m.get("message", "")).startswith(FIRST_OCCURRENCE)):
                errors[-1] = replace(errors[-1], note=f"the first is `{_short(_marked(m)[0], 80)}`, "
                                                      f"line {m.get('lastLine', 0)}")
            continue
        path = Path(unquote(urlsplit(m.get("url") or "").path))
        try:
            file = path.resolve().relative_to(base).as_posix() if m.get("url") else ""
        except ValueError:
            file = path.as_posix()
        markup, after = _marked(m)
        errors.append(Error(file, int(m.get("lastLine") or m.get("firstLine") or 0),
                            " ".join(str(m.get("message", "")).split()), markup, after))
    return sorted(errors)


FIRST_OCCURRENCE = "The first occurrence of ID"


def _marked(m: dict) -> tuple[str, str]:
    """The markup a message points at (its highlighted part of the extract), and the text after it."""
    extract = m.get("extract") or ""
    start, length = m.get("hiliteStart"), m.get("hiliteLength")
    if start is None or not length:
        return " ".join(extract.split()), ""
    return " ".join(extract[start:start + length].split()), " ".join(extract[start + length:].split())


def url_of(file: str) -> str:
    """'guides/x/index.html' -> 'guides/x/', as the other built-site checks name pages."""
    if file == "index.html" or file.endswith("/index.html"):
        return file[: -len("index.html")]
    return file


def as_findings(errors: list[Error], site, site_dir: Path, config) -> list[Finding]:
    out: list[Finding] = []
    in_theme: dict[str, list[Error]] = {}
    areas: dict[str, tuple[int, int] | None] = {}
    for e in errors:
        url = url_of(e.file)
        page = page_for_url(site, url) if site is not None else None
        if e.file not in areas:
            areas[e.file] = content_area(Path(site_dir) / e.file)
        area = areas[e.file]
        if page is not None and area and area[0] <= e.line <= area[1]:
            line = source_line(page, e.markup, e.after)
            note = f"; {e.note}" if e.note else ""
            message = f"{CHECK}: {e.message} (on /{url}, in `{_short(e.markup)}`{note})"
            out.append(finding(page, config, line, message, fix_for(e.message, in_content=True), CHECK))
        else:
            in_theme.setdefault(e.message, []).append(e)
    for message, group in sorted(in_theme.items()):
        urls = sorted({url_of(e.file) for e in group})
        shown = ", ".join(f"/{u}" for u in urls[:3]) + (f" and {len(urls) - 3} more" if len(urls) > 3 else "")
        pages = f"{len(urls)} page{'s' if len(urls) != 1 else ''}"
        out.append(Finding(f"theme (/{urls[0]})", 0,
                           f"{CHECK}: {message} (on {pages}: {shown}; in `{_short(group[0].markup)}`, "
                           f"line {group[0].line} of {group[0].file})",
                           fix_for(message, in_content=False), ERROR, CHECK))
    return out


def _short(markup: str, limit: int = 160) -> str:
    return markup if len(markup) <= limit else markup[: limit - 1] + "…"


class _ContentArea(HTMLParser):
    """Finds the first and last line of the [data-hub-content] element: the page's own Markdown."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the content area, itself included
        self.start = self.end = None

    def handle_starttag(self, tag, attrs):
        if self.end is not None or tag in self.VOID:
            return
        if self.start is None and any(k == "data-hub-content" for k, _ in attrs):
            self.start, self.depth = self.getpos()[0], 1
        elif self.start is not None:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.start is None or self.end is not None or tag in self.VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            self.end = self.getpos()[0]


def content_area(path: Path) -> tuple[int, int] | None:
    """(first line, last line) of the page's content area in a built file, or None if it has none."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    reader = _ContentArea()
    reader.feed(text)
    reader.close()
    if reader.start is None:
        return None
    return reader.start, reader.end or text.count("\n") + 1


HEADING = re.compile(r"<h([1-6])\b", re.I)
ATTRIBUTE = re.compile(r'\b(?:src|href|id)="([^"]+)"')


def source_line(page, markup: str, after: str = "") -> int:
    """The Markdown line that made the markup: a heading by its words, anything else by a src, href or id.

    0 (the whole file) when no line says it plainly.
    """
    lines = page.body.split("\n")
    heading = HEADING.match(markup)
    if heading:
        text = html.unescape(after.split("<", 1)[0]).strip()
        level = "#" * int(heading.group(1))
        for i, line in enumerate(lines):
            stripped = line.strip()
            if text and stripped.startswith(level + " ") and text in stripped:
                return page.body_start + i
    return line_containing(page, *ATTRIBUTE.findall(markup), default=0)


# The fix for each kind of error, by the start of the Nu checker's message.
FIXES = (
    ("Duplicate ID", "an id may be used once per page: give the heading its own id with "
                     "`## Heading { #another-id }`, or rename it",
                     "an id may be used once per page: give one of the two elements another id in the theme"),
    ("Attribute", "remove the attribute, or use an element that allows it (see the checker's message)",
                  "remove the attribute from the template, or use an element that allows it"),
    ("Element", "move the element where HTML allows it, or write it in plain Markdown instead of HTML",
                "change the template so the element sits where HTML allows it"),
    ("Bad value", "give the attribute a value HTML allows", "give the attribute a value HTML allows in the template"),
    ("Stray end tag", "close each HTML element once, in the right order", "close each element once in the template"),
    ("End tag", "close each HTML element once, in the right order", "close each element once in the template"),
    ("Unclosed element", "close the HTML element", "close the element in the template"),
)


def fix_for(message: str, *, in_content: bool) -> str:
    for start, content_fix, theme_fix in FIXES:
        if message.startswith(start):
            return content_fix if in_content else theme_fix
    where = "the page's Markdown (its HTML)" if in_content else "the theme's templates (theme/material/ or theme/nhsuk/)"
    return f"fix the markup in {where} as the Nu HTML checker's message says"
