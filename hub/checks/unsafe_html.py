"""Unsafe HTML: content may not run code or pull in other pages or styles.

Anyone can propose a change to the content, so a pull request must not be able
to add script to the site. These rules are fixed here, not settings, so that
the same pull request cannot switch them off.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from hub.checks.pages import finding, line_containing
from hub.content.markdown_source import attr_lists, parse_attr_list

CHECK = "unsafe-html"
TAGS = {"script", "iframe", "object", "embed", "style", "form", "frame", "frameset", "applet", "base", "link",
        "meta", "input", "button", "textarea", "select", "svg", "math", "template", "portal"}
SCHEMES = ("javascript:", "data:", "vbscript:")
FIX_TAG = ("remove the <{tag}> element: content may use Markdown and simple HTML only; "
           "ask a maintainer if the page needs something interactive")
FIX_HANDLER = "remove the {name} attribute: content cannot run script"
FIX_URL = "link to a normal web address (https://…) or to a file saved in the content folder"


def run(site, config) -> list:
    out = []
    for page in site.pages:
        src = page.markdown
        for tag in src.tags:
            for msg, fix in tag_problems(tag.name, tag.attrs):
                out.append(finding(page, config, tag.line, msg, fix, CHECK))
        for link in src.links:
            if link.syntax != "html" and is_unsafe_url(link.target):
                out.append(finding(page, config, link.line,
                                   f"the {link.kind} address '{link.target[:40]}' can run code or hide content",
                                   FIX_URL, CHECK))
        for text, offset in attr_lists(src.code_free):
            for msg, fix in attribute_problems(parse_attr_list(text).items()):
                out.append(finding(page, config, src.line_at(offset), msg, fix, CHECK))
    return out


def tag_problems(name: str, attrs):
    if name.lower() in TAGS:
        yield f"<{name}> is not allowed in content", FIX_TAG.format(tag=name)
    yield from attribute_problems(attrs)


def attribute_problems(attrs):
    for key, value in attrs:
        key = (key or "").lower()
        if key.startswith("on"):
            yield f"the event handler {key}=… runs script", FIX_HANDLER.format(name=key)
        elif key in ("srcdoc", "formaction", "action"):
            yield f"the attribute {key} is not allowed in content", f"remove {key}"
        elif value and is_unsafe_url(value):
            yield f"the {key} address '{value[:40]}' can run code or hide content", FIX_URL
        elif key == "style" and value and re.search(r"url\s*\(|expression\s*\(", value, re.I):
            yield "the style attribute loads something", "remove the style attribute"


def is_unsafe_url(value: str) -> bool:
    """javascript:, data: and vbscript: addresses, however they are disguised with entities or spaces."""
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(value or "")).lower()
    return cleaned.startswith(SCHEMES)


def run_built(site, site_dir: Path, config) -> list:
    """A second look at the rendered content area, in case Markdown produced something the source scan missed."""
    from hub.checks.built_html import page_html

    out = []
    for page in site.pages:
        built = page_html(site_dir, page, site)
        for name, attrs in built.content_tags if built else []:
            for msg, fix in tag_problems(name, attrs):
                values = dict(attrs)
                needle = values.get("href") or values.get("src") or f"<{name}"
                out.append(finding(page, config, line_containing(page, needle),
                                   f"{msg} (in the built page /{page.url})", fix, CHECK))
    return out
