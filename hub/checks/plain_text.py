"""Plain text: front matter and data files hold text, never markup or hidden characters.

Titles, summaries, topics, contact labels and notes, and every value in
content/_data/ are shown exactly as written, escaped in every page, feed and
index. Markup in them is therefore a mistake (it would show as text) or an
attempt to inject something; either way the contributor hears about it at the
line, with the fix. Invisible characters are reported in the page body too:
text-direction overrides can make text read differently from what it holds.
"""
from __future__ import annotations

import re

from hub import config as hub_config
from hub.checks.pages import finding
from hub.content import data as data_files
from hub.content.frontmatter import CONTROL
from hub.findings import ERROR, Finding, relpath

CHECK = "plain-text"
# Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). The marks U+200E and
# U+200F, which right-to-left languages need, are allowed.
DIRECTION_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
MARKUP = (
    (re.compile(r"<[A-Za-z/!?]"), "HTML markup",
     "write it as plain text: it is shown exactly as written, so a tag would appear as text "
     "(write 'less than' for a '<' sign)"),
    (re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);"), "an HTML character code",
     "type the character itself (for example & or é): it is shown exactly as written"),
    (re.compile(r"\{[{%#]"), "template brackets",
     "remove the curly brackets: the text is shown exactly as written, never run as a template"),
)


def run(site, config) -> list:
    out = []
    for page in site.pages:
        out += [finding(page, config, p.line, p.message, p.fix, CHECK) for p in page.text_problems]
        for path, line, text in page.texts:
            out += [finding(page, config, line, f"'{_name(path)}' {msg}", fix, CHECK)
                    for msg, fix in problems(text)]
        for i, text in enumerate(page.body.split("\n")):
            if CONTROL.search(text) or DIRECTION_CONTROL.search(text):
                out.append(finding(page, config, page.body_start + i,
                                   "this line contains an invisible control character",
                                   "delete it: retype the line, or paste the text as plain text", CHECK))
    return out + run_data(site.root, config) + run_config(config)


def run_data(content_root, config) -> list:
    """Every data file in content/_data/: readable within the limits, and plain text throughout."""
    out = []
    for path in data_files.data_files(content_root):
        shown = relpath(path, config.root)
        loaded = data_files.load(path)
        out += [Finding(shown, p.line, p.message, p.fix, ERROR, "data" if p.check == "front-matter" else p.check)
                for p in loaded.problems]
        for key_path, line, text in loaded.parsed.texts if loaded.parsed else []:
            out += [Finding(shown, line, f"'{_name(key_path)}' {msg}", fix, ERROR, CHECK)
                    for msg, fix in problems(text)]
    return out


def run_config(config) -> list:
    """mkdocs.yml's values (site name, section titles, home routes, …) are shown as text too."""
    out = []
    shown = relpath(config.path, config.root)
    for key_path, line, text, had_control in hub_config.text_values(config.path):
        found = list(problems(text))
        if had_control:
            found.append(("contains an invisible control character", "delete it: retype the text"))
        out += [Finding(shown, line, f"'{_name(key_path)}' {msg}", fix, ERROR, CHECK) for msg, fix in found]
    return out


def problems(text: str):
    """Yield (message, fix) for markup or hidden characters in one plain-text value."""
    for pattern, what, fix in MARKUP:
        m = pattern.search(text)
        if m:
            yield f"contains {what} ('{_shown(text, m.start())}')", fix
    m = DIRECTION_CONTROL.search(text)
    if m:
        yield (f"contains an invisible text-direction control (U+{ord(m.group()):04X})",
               "delete it: retype the text; right-to-left text needs no control characters")


def _shown(text: str, at: int) -> str:
    """A short, printable piece of the text around the problem, for the message."""
    piece = text[max(0, at - 10): at + 20]
    return piece.encode("unicode_escape").decode("ascii") if not piece.isprintable() else piece


def _name(path: tuple) -> str:
    keys = [str(p) for p in path if not isinstance(p, int)]
    items = [str(p + 1) for p in path if isinstance(p, int)]
    name = ".".join(keys) or "value"
    return f"{name} (item {', '.join(items)})" if items else name
