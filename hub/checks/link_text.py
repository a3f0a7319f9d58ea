"""Link text: every link says where it goes, read on its own (screen readers list links out of context)."""
from __future__ import annotations

import re

from hub.checks.pages import finding
from hub.content.markdown_source import BRACKETED, _plain

CHECK = "link-text"
VAGUE = {"click here", "here", "read more", "more", "click", "link", "this link", "this", "this page",
         "click this link", "read more here", "more here", "go", "details"}
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
FIX = "write what the reader will find there, for example 'NHS England: patient experience'"


def run(site, config) -> list:
    out = []
    for page in site.pages:
        for link in page.markdown.links:
            if link.kind == "link":
                for msg, fix in problems(link):
                    out.append(finding(page, config, link.line, msg, fix, CHECK))
    return out


def accessible_name(link) -> str:
    """The words a screen reader says for the link: its text, with any image replaced by its alt text."""
    text = re.sub(r"!" + BRACKETED + r"\([^)]*\)(?:\{[^}]*\})?", lambda m: f" {m.group(1)} ", link.text)
    if link.syntax == "html":
        text = link.text + " " + str(link.attrs.get("aria-label", ""))
    return " ".join(_plain(text).split())


def problems(link):
    name = accessible_name(link)
    target = link.target
    if not name:
        yield (f"the link to {target or '(nowhere)'} has no text",
               f"put words between the square brackets: {FIX}")
    elif name.lower().strip(" .!:…") in VAGUE:
        yield (f"the link text '{name}' does not say where the link goes",
               f"{FIX}; a screen reader user may hear the link on its own")
    elif BARE_URL.match(name):
        yield (f"the link text is a web address ({name})",
               f"{FIX}; web addresses are hard to read aloud and to tap")
