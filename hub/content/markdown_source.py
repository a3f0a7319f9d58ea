"""What a page's Markdown contains, with the file line of each thing.

The source checks (links, images, link text, headings, unsafe HTML, plain
English) all need the same facts: the links and images written in Markdown
(inline, reference-style and raw HTML), the headings, the raw HTML tags and
the prose. Python-Markdown does not keep line numbers, so this module scans
the text itself, after blanking out code (fenced blocks and `code spans`) so
that an example of bad HTML inside code is never reported. Blanking keeps every
character's position, so an offset in the text gives the line in the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser

FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
# Link text may hold one level of brackets, as in [![alt](img.png)](page.md).
BRACKETED = r"\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
INLINE = re.compile(
    r"(!?)" + BRACKETED
    + r"\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
    + r"(\{[^}\n]*\})?")
REFERENCE = re.compile(r"(!?)" + BRACKETED + r"(?:\[([^\]\n]*)\])?(\{[^}\n]*\})?")
DEFINITION = re.compile(
    r"^ {0,3}\[([^\]\n]+)\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)(?:[ \t]+(\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$", re.M)
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>", re.I)
ABBREVIATION = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(.*)$", re.M)
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.M)
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
ATTR_PAIR = re.compile(r"([^\s=\"'{}]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)")


@dataclass
class Link:
    """A link or image as written in the Markdown."""

    kind: str  # "link" or "image"
    text: str  # link text, or alt text for an image (None-like "" if absent)
    target: str  # href or src, as written
    line: int  # file line
    syntax: str  # "inline", "reference", "html" or "autolink"
    attrs: dict = field(default_factory=dict)  # attr_list or HTML attributes
    has_alt: bool = True  # False for an <img> with no alt attribute at all


@dataclass
class Tag:
    """A raw HTML start tag in the Markdown."""

    name: str
    attrs: list[tuple[str, str | None]]
    line: int


@dataclass
class Heading:
    level: int
    text: str
    line: int
    id: str = ""


def blank_code(text: str) -> str:
    """Replace fenced code blocks and code spans with spaces, keeping line breaks and positions."""
    lines = text.split("\n")
    out, fence = [], None
    for line in lines:
        m = FENCE.match(line)
        if fence is None and m:
            fence = m.group(2)[0] * len(m.group(2))
            out.append(" " * len(line))
        elif fence is not None:
            closing = m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence) \
                and not line.strip()[len(m.group(2)):].strip()
            out.append(" " * len(line))
            if closing:
                fence = None
        else:
            out.append(line)
    text = "\n".join(out)
    return CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def parse_attr_list(text: str | None) -> dict:
    """Read `{: .class #id key="value" }` into a dict; classes are joined in 'class'."""
    if not text:
        return {}
    inner = text.strip()[1:-1].lstrip(":").strip()
    attrs: dict = {}
    for m in ATTR_PAIR.finditer(inner):
        attrs[m.group(1).lower()] = m.group(2).strip("\"'")
    rest = ATTR_PAIR.sub(" ", inner).split()
    classes = [w[1:] for w in rest if w.startswith(".")]
    ids = [w[1:] for w in rest if w.startswith("#")]
    if classes:
        attrs["class"] = " ".join(filter(None, [attrs.get("class", ""), *classes]))
    if ids:
        attrs["id"] = ids[-1]
    return attrs


def attr_lists(text: str) -> list[tuple[str, int]]:
    """Every `{: ... }` / `{ ... }` attribute list (text and offset), so unsafe attributes can be found."""
    return [(m.group(0), m.start()) for m in re.finditer(r"\{:?[ \t]*[^{}\n]*=[^{}\n]*\}", text)]


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []
        self.text_in: dict[int, list[str]] = {}
        self._open: list[int] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(Tag(tag, attrs, self.getpos()[0]))
        if tag == "a":
            self._open.append(len(self.tags) - 1)
            self.text_in[len(self.tags) - 1] = []

    def handle_startendtag(self, tag, attrs):
        self.tags.append(Tag(tag, attrs, self.getpos()[0]))

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for i in self._open:
            self.text_in[i].append(data)


class MarkdownSource:
    """One page's Markdown body, with everything found in it mapped to file lines."""

    def __init__(self, body: str, body_start: int = 1):
        self.body = body
        self.body_start = body_start
        self.code_free = blank_code(body)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", body)]

    def line_at(self, offset: int) -> int:
        """File line of a character offset in the body."""
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.body_start + lo

    @cached_property
    def definitions(self) -> dict[str, tuple[str, int]]:
        """Reference-style link definitions: label (lower case) -> (target, line)."""
        defs = {}
        for m in DEFINITION.finditer(self.code_free):
            defs.setdefault(_label(m.group(1)), (m.group(2).strip("<>"), self.line_at(m.start())))
        return defs

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """`*[FFT]: Friends and Family Test` definitions (the abbr extension)."""
        return {m.group(1).strip(): m.group(2).strip() for m in ABBREVIATION.finditer(self.code_free)}

    @cached_property
    def html(self) -> _TagCollector:
        parser = _TagCollector()
        # autolinks and link definitions look like tags (<https://…>) but are not HTML
        text = AUTOLINK.sub(lambda m: " " * len(m.group(0)), self.code_free)
        text = DEFINITION.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
        parser.feed(text)
        parser.close()
        return parser

    @property
    def tags(self) -> list[Tag]:
        return [Tag(t.name, t.attrs, self.body_start + t.line - 1) for t in self.html.tags]

    @cached_property
    def links(self) -> list[Link]:
        """Every link and image: inline, reference-style, autolinks and raw HTML <a>/<img>."""
        text = self.code_free
        found: list[Link] = []
        taken = []  # spans already read, so a reference scan does not re-read an inline link
        without_defs = DEFINITION.sub(lambda m: " " * len(m.group(0)), text)
        without_defs = ABBREVIATION.sub(lambda m: " " * len(m.group(0)), without_defs)

        def scan(pattern, source, handle):
            pos = 0
            while True:
                m = pattern.search(source, pos)
                if not m:
                    break
                if any(a <= m.start() < b and not (la <= m.start() < lb) for a, b, la, lb in taken):
                    pos = m.start() + 1
                    continue
                handled = handle(m)
                if handled:
                    # an image inside the text of this link is still read: [![alt](img.png)](page.md)
                    taken.append((m.start(), m.end(), m.start(2), m.end(2)))
                    # the text of a link may hold an image: look inside it too
                    pos = m.start() + (2 if m.group(1) else 1)
                else:
                    pos = m.start() + 1

        def inline(m):
            bang, label, target, _title, attrs = m.groups()
            found.append(Link("image" if bang else "link", _unescape_md(label), target.strip("<>"),
                              self.line_at(m.start()), "inline", parse_attr_list(attrs)))
            return True

        def reference(m):
            bang, label, ref, attrs = m.groups()
            key = _label(ref if ref else label)
            if key not in self.definitions:
                return False
            found.append(Link("image" if bang else "link", _unescape_md(label), self.definitions[key][0],
                              self.line_at(m.start()), "reference", parse_attr_list(attrs)))
            return True

        scan(INLINE, without_defs, inline)
        scan(REFERENCE, without_defs, reference)
        for m in AUTOLINK.finditer(without_defs):
            found.append(Link("link", m.group(1), m.group(1), self.line_at(m.start()), "autolink"))
        for i, tag in enumerate(self.html.tags):
            attrs = {k.lower(): (v if v is not None else "") for k, v in tag.attrs}
            line = self.body_start + tag.line - 1
            if tag.name == "img":
                found.append(Link("image", attrs.get("alt", ""), attrs.get("src", ""), line, "html", attrs,
                                  has_alt="alt" in attrs))
            elif tag.name == "a" and "href" in attrs:
                text = "".join(self.html.text_in.get(i, []))
                found.append(Link("link", text, attrs["href"], line, "html", attrs))
        return sorted(found, key=lambda link: link.line)

    @cached_property
    def headings(self) -> list[Heading]:
        """ATX (`## Title`), setext (underlined) and raw HTML <h1>–<h6> headings, in order."""
        heads: list[Heading] = []
        lines = self.code_free.split("\n")
        for i, line in enumerate(lines):
            m = ATX_HEADING.match(line)
            if m:
                text, attrs = _split_heading_attrs(m.group(2) or "")
                heads.append(Heading(len(m.group(1)), text, self.body_start + i, attrs.get("id", "")))
                continue
            u = SETEXT_UNDERLINE.match(line)
            above = lines[i - 1] if i else ""
            if u and above.strip() and not _is_block_start(above) and not ATX_HEADING.match(above):
                text, attrs = _split_heading_attrs(above.strip())
                heads.append(Heading(1 if u.group(1)[0] == "=" else 2, text, self.body_start + i - 1,
                                     attrs.get("id", "")))
        for tag in self.tags:
            if re.fullmatch(r"h[1-6]", tag.name):
                heads.append(Heading(int(tag.name[1]), "", tag.line, dict(tag.attrs).get("id") or ""))
        return sorted(heads, key=lambda h: h.line)

    @cached_property
    def ids(self) -> set[str]:
        """Fragment targets the page defines: heading ids (as the toc extension makes them) and explicit ids."""
        from markdown.extensions.toc import slugify, unique

        found: set[str] = set()
        for h in self.headings:
            if h.id:
                found.add(h.id)
            elif h.text:
                found.add(unique(slugify(_plain(h.text), "-"), found))
        for tag in self.tags:
            for k, v in tag.attrs:
                if k in ("id", "name") and v:
                    found.add(v)
        for m in re.finditer(r"\{:?[^{}\n]*#([\w-]+)[^{}\n]*\}", self.code_free):
            found.add(m.group(1))
        return found

    def blocks(self) -> list[tuple[str, int, str]]:
        """Prose blocks as (plain text, first file line, kind): paragraphs, list items and headings.

        Each block's text keeps its line breaks so a sentence can be traced to its line.
        Tables, definitions and HTML-only lines are left out: they are not sentences.
        """
        out: list[tuple[list[str], int, str]] = []
        current: list[str] | None = None
        start = 0
        for i, raw in enumerate(self.code_free.split("\n")):
            line = raw.rstrip()
            stripped = line.strip()
            heading = ATX_HEADING.match(line)
            item = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$", line)
            skip = (not stripped or stripped.startswith("|") or DEFINITION.match(line) or ABBREVIATION.match(line)
                    or SETEXT_UNDERLINE.match(line) or re.fullmatch(r"\{:?[^}]*\}", stripped)
                    or re.fullmatch(r"(?:<[^>]+>\s*)+", stripped) or re.match(r"^[-*_](\s*[-*_]){2,}$", stripped))
            if heading or item or skip or stripped.startswith(("!!!", "???", ":")):
                if current is not None:
                    out.append((current, start, "paragraph"))
                    current = None
                if heading:
                    out.append(([heading.group(2) or ""], self.body_start + i, "heading"))
                elif item:
                    current, start = [item.group(1)], self.body_start + i
                elif stripped.startswith(("!!!", "???")):
                    title = re.search(r"\"([^\"]*)\"", stripped)
                    if title:
                        out.append(([title.group(1)], self.body_start + i, "heading"))
                elif stripped.startswith(":") and not skip:
                    current, start = [stripped.lstrip(": ")], self.body_start + i
                continue
            if current is None:
                current, start = [], self.body_start + i
            current.append(stripped)
        if current is not None:
            out.append((current, start, "paragraph"))
        return [("\n".join(_plain(t) for t in lines), line, kind) for lines, line, kind in out
                if any(_plain(t).strip() for t in lines)]


def _label(text: str) -> str:
    return " ".join(text.split()).lower()


def _unescape_md(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _split_heading_attrs(text: str) -> tuple[str, dict]:
    m = re.search(r"\s*(\{:?[^{}]*\})\s*$", text)
    if m:
        return text[: m.start()], parse_attr_list(m.group(1))
    return text, {}


def _is_block_start(line: str) -> bool:
    s = line.strip()
    return bool(re.match(r"^(?:[-*+]\s|\d+[.)]\s|>|#|\||<)", s))


def _plain(text: str) -> str:
    """Markdown inline syntax to the words a reader sees."""
    text = re.sub(r"!" + BRACKETED + r"(?:\([^)]*\)|\[[^\]]*\])(?:\{[^}]*\})?", " ", text)  # images
    text = re.sub(BRACKETED + r"\([^)]*\)(?:\{[^}]*\})?", r"\1", text)  # inline links
    text = re.sub(BRACKETED + r"\[[^\]]*\]", r"\1", text)  # reference links
    text = re.sub(r"<(?:https?|mailto):[^>]+>", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)  # raw HTML tags
    text = re.sub(r"\{:?[^{}]*\}", " ", text)  # attribute lists
    text = re.sub(r"[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}", "", text)  # emphasis
    text = re.sub(r"\\(.)", r"\1", text)
    return text
