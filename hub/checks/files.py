"""Files: only safe kinds of file, with web-friendly names, are published from content/.

Both engines publish every file in content/ beside the pages, so a file is as
much a part of the site as a page:
- an .html or .js file would be published as a live page or script, so only
  images, documents and the hub's own kinds are allowed;
- a file's first bytes must match its name, so an image cannot be a web page in
  disguise;
- SVG images are XML that browsers run script in when opened directly, so they
  are checked like HTML: no script, event handlers, foreignObject, javascript:
  addresses, entity declarations or references to other sites. Each problem
  names the SVG and the pages that show it.
Symbolic links are reported by the content model (check "files"), because they
stop the build before anything is read through them.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.parsers import expat

from hub.checks import images
from hub.checks.unsafe_html import is_unsafe_url
from hub.content.data import FOLDER as DATA_FOLDER
from hub.content.data import SUFFIXES as DATA_SUFFIXES
from hub.content.model import all_files
from hub.findings import ERROR, Finding, relpath

CHECK = "files"
MAX_ASSET_BYTES = 10 * 1024 * 1024
MAX_SVG_BYTES = 512 * 1024

# Each kind of file content/ may hold, and the bytes it must start with (None: any text).
SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".avif": (b"\x00\x00\x00",),
    ".svg": None,  # XML: checked element by element below
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".odp": (b"PK\x03\x04",),
    ".csv": None,
}
NAME = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
FIX_NAME = "rename it with lowercase letters, numbers and hyphens only, for example 'patient-survey-2026.pdf'"

SVG_URI = "http://www.w3.org/2000/svg"
FIX_SVG_SCRIPT = "remove it: an image cannot run script; save the SVG again from your drawing program as a plain SVG"
SVG_FORBIDDEN = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
EXTERNAL_IN_CSS = re.compile(r"@import|url\(\s*['\"]?\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def run(site, config) -> list:
    root = Path(config.content_dir)
    users = _image_users(site)
    out = []
    for path in all_files(root):
        if path.is_symlink():
            continue  # reported by the content model, and never read
        rel = path.relative_to(root)
        shown = relpath(path, config.root)
        out += [Finding(shown, line, msg, fix, ERROR, CHECK) for line, msg, fix in problems(path, rel, users)]
    return out


def problems(path: Path, rel: Path, users: dict):
    """Yield (line, message, fix) for one file in content/."""
    for part in rel.parts[:-1]:
        if part != DATA_FOLDER and not NAME.match(part):
            yield 1, f"the folder name '{part}' is not web-friendly", FIX_NAME
            return
    suffix = path.suffix.lower()
    if rel.parts[0] == DATA_FOLDER:
        if suffix not in DATA_SUFFIXES:
            yield 1, f"'{rel.name}' is not a data file", f"content/{DATA_FOLDER}/ holds YAML data files (.yml) only"
        return
    if suffix == ".md":
        return  # pages: the content model checks their names and front matter
    if suffix not in SIGNATURES:
        allowed = ", ".join(sorted(SIGNATURES))
        yield 1, f"files of type '{suffix or rel.name}' cannot be published from content/", \
            f"content/ may hold pages (.md) and images or documents ({allowed}); " \
            "ask a maintainer if the site needs another kind of file"
        return
    if not NAME.match(path.name.lower()) or path.name != path.name.lower():
        yield 1, f"the file name '{path.name}' is not web-friendly", FIX_NAME
    size = path.stat().st_size
    limit = MAX_SVG_BYTES if suffix == ".svg" else MAX_ASSET_BYTES
    if size > limit:
        yield 1, f"the file is {size // 1024} KB, over the {limit // 1024} KB limit", \
            "make it smaller (for an image, save it at the size the page shows it), or link to it on another site"
        return
    head = path.read_bytes()[:64] if suffix != ".svg" else b""
    signature = SIGNATURES[suffix]
    if (signature and not head.startswith(signature)
            or suffix == ".webp" and head[8:12] != b"WEBP" or suffix == ".avif" and head[4:8] != b"ftyp"):
        yield 1, f"the file is named {suffix} but is not a {suffix[1:].upper()} file", \
            "save it again in the format its name says, or rename it to match what it is"
    elif suffix == ".csv":
        yield from _csv_problems(path)
    elif suffix == ".svg":
        used = users.get(path.resolve(), [])
        where = " (shown on " + ", ".join(used) + ")" if used else ""
        for line, msg, fix in svg_problems(path.read_bytes()):
            yield line, msg + where, fix


def _csv_problems(path: Path):
    try:
        path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        yield 1, "the file is not UTF-8 text", "save the CSV file as UTF-8 in your spreadsheet program"


def svg_problems(raw: bytes):
    """Yield (line, message, fix) for anything in an SVG image that could run or load something."""
    found: list[tuple[int, str, str]] = []
    state = {"root": None, "style": 0}
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse_doctype(*_):
        raise _Refused(parser.CurrentLineNumber)

    def start(tag, attrs):
        line = parser.CurrentLineNumber
        uri, _, name = tag.rpartition(" ")
        if state["root"] is None:
            state["root"] = (uri, name)
        if name in SVG_FORBIDDEN:
            found.append((line, f"the SVG contains <{name}>", FIX_SVG_SCRIPT))
        state["style"] += name == "style"
        for key, value in attrs.items():
            attr = key.rpartition(" ")[2]
            if attr.lower().startswith("on"):
                found.append((line, f"the SVG has an event handler ({attr}=…), which runs script", FIX_SVG_SCRIPT))
            elif attr == "href":
                found.extend(_href_problems(value, line))
            elif attr == "style" and EXTERNAL_IN_CSS.search(value):
                found.append((line, "the SVG's style loads something from another address", "remove url(…) from the style"))
            elif name in ("set", "animate") and attr == "attributeName" and "href" in value.lower():
                found.append((line, "the SVG animates a link address, which can hide a script address", FIX_SVG_SCRIPT))

    def end(tag):
        state["style"] -= tag.rpartition(" ")[2] == "style"

    def text(data):
        if state["style"] and EXTERNAL_IN_CSS.search(data):
            found.append((parser.CurrentLineNumber, "the SVG's style loads something from another address",
                          "remove @import and url(…) from the style"))

    # A DOCTYPE can declare entities: expanded, a few lines become gigabytes ("billion laughs").
    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    try:
        parser.Parse(raw, True)
    except _Refused as e:
        yield e.line, "the SVG declares a DOCTYPE or entities, which can make it huge or read other files", \
            "remove the <!DOCTYPE …> and <!ENTITY …> lines"
        return
    except expat.ExpatError as e:
        yield e.lineno, f"the SVG is not well-formed XML ({expat.ErrorString(e.code)})", \
            "open it in a drawing program and save it again"
        return
    if state["root"] != (SVG_URI, "svg"):
        yield 1, "the file is not an SVG image (its first element is not <svg>)", \
            "save it again as an SVG image from your drawing program"
        return
    yield from found


class _Refused(Exception):
    def __init__(self, line: int):
        self.line = line


def _href_problems(value: str, line: int):
    target = value.strip()
    if is_unsafe_url(target):
        yield line, f"the SVG links to '{target[:40]}', which can run code", \
            "remove the link, or point it at a part of the same image (#name)"
    elif urlsplit(target).scheme or target.startswith("//"):
        yield line, f"the SVG loads or links to another site ({target[:60]})", \
            "an image must not load anything: draw it into the SVG, or save the other file in content/"


def _image_users(site) -> dict[Path, list[str]]:
    """Each image file -> 'content/x.md:12' for every page line that shows or links to it."""
    users: dict[Path, list[str]] = {}
    for page in site.pages:
        for link in page.markdown.links:
            parts = urlsplit(link.target.strip())
            if parts.scheme or not parts.path or link.target.strip().startswith("//"):
                continue
            file = images.resolve(page, unquote(parts.path))
            users.setdefault(file, []).append(f"content/{page.src_path}:{link.line}")
    return users
