"""Split a Markdown file into YAML front matter and body, keeping line numbers, with limits.

PyYAML's composer gives every node a start mark, so each key and value can be
traced back to the line a contributor must edit. Errors are raised as
FrontMatterError carrying the file line, never as raw PyYAML tracebacks.

Front matter comes from pull requests, so it is read as untrusted input:
- a size limit per file and per front matter block, and a nesting limit;
- no anchors, aliases or tags: contributors never need them, and aliases nested
  a few levels deep (the "billion laughs" shape) take minutes to expand;
- a plain value followed by ` #` lost the rest of the line to a YAML comment:
  that is reported, never silently published cut short;
- control characters (which no page needs and which make XML feeds invalid) are
  replaced with U+FFFD and reported.
Problems that leave the data readable are returned in Parsed.problems, so a
contributor sees them all at once; problems that make it unreadable raise.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

# A page is a few kilobytes; these leave room for long guides while bounding the time
# any one file can take to read, render and check.
MAX_FILE_BYTES = 512 * 1024
MAX_FRONT_MATTER_BYTES = 16 * 1024
MAX_DEPTH = 8

# Characters no text on the site needs: C0 and C1 controls (tab and line breaks
# excepted), lone surrogates and the non-characters U+FFFE and U+FFFF. XML 1.0 cannot
# carry most of them at all, and HTML parsers replace them.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
CUT_AT_COMMENT = re.compile(r"[ \t]+#")
INT, FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


@dataclass
class Problem:
    """Something wrong with a value that could still be read: reported as an error at its line.

    `check` says who reports it: "front-matter" problems stop the build before anything is
    rendered; "plain-text" problems (characters replaced so the value is safe to show)
    are reported with the other checks, and the page still renders for the preview.
    """
    line: int
    message: str
    fix: str
    check: str = "front-matter"


@dataclass
class Parsed:
    data: dict
    lines: dict[str, int]  # key -> file line of its value
    body: str
    body_start: int  # file line where the body starts
    problems: list[Problem] = field(default_factory=list)
    # Every text value, with the path of keys (and list positions) that leads to it and its file line.
    texts: list[tuple[tuple, int, str]] = field(default_factory=list)


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so we can check them ourselves.

    PyYAML turns 2026-02-30 into a ValueError deep inside the constructor; we
    want "not a real date" naming the line instead.
    """


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# The same loader on libyaml's C parser, when PyYAML was built with it: front matter is
# parsed for every page on every build, and the pure-Python parser was most of the cost of
# loading a big site. It resolves and constructs values with the same Python classes, so
# the data is identical; errors are re-parsed with _Loader so their wording never changes.
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):
        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
else:  # pragma: no cover - PyYAML without libyaml
    _FastLoader = _Loader

FIX_YAML = ("check this line: put 'key: value' on each line, indent lists with '- ', "
            "and wrap text containing ': ' or '#' in quotes")


def decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise FrontMatterError(
            line, f"the file is not UTF-8 text (byte 0x{raw[e.start]:02x} cannot be read)",
            "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)") from None
    return text.replace("\r\n", "\n")


def check_size(size: int, what: str = "page") -> None:
    if size > MAX_FILE_BYTES:
        raise FrontMatterError(
            1, f"the file is {size // 1024} KB, over the {MAX_FILE_BYTES // 1024} KB limit for a {what}",
            "split it into smaller pages, or move large material into a linked document")


def split(text: str) -> Parsed:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(
            1, "the file does not start with front matter",
            "begin the file with a line '---', the page's keys (title, summary, …), then another '---'")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise FrontMatterError(
            1, "the front matter is never closed",
            "add a line with only '---' after the last front matter key") from None
    source = "\n".join(lines[1:end])
    if len(source.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(
            1, f"the front matter is over {MAX_FRONT_MATTER_BYTES // 1024} KB",
            "keep the front matter to the page's settings; put text in the page body")
    parsed = parse_yaml(source, first_line=2)
    if not isinstance(parsed.data, dict):
        raise FrontMatterError(
            parsed.lines.get("", 2), "the front matter is not a list of 'key: value' pairs",
            "write each setting on its own line as 'key: value', for example 'title: Using feedback'")
    parsed.body = "\n".join(lines[end + 1:])
    parsed.body_start = end + 2
    return parsed


def parse_yaml(source: str, first_line: int = 1, what: str = "front matter") -> Parsed:
    """Read YAML with the limits above: front matter, or a data file in content/_data/
    (`what` names which in messages).

    The data is constructed from the composed node, so each key's line is known and
    every value is checked before it is built.
    """
    _refuse_anchors_and_tags(source, first_line)
    loader = _FastLoader(source)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError:
            # Report (or accept) exactly what the pure-Python parser does, in its words.
            loader.dispose()
            loader = _Loader(source)
            node = loader.get_single_node()
        if node is None:
            raise FrontMatterError(first_line - 1, f"the {what} is empty",
                                   "add the page's keys (title, summary, type, audience, topics, last_reviewed, next_review)")
        problems: list[Problem] = []
        texts: list[tuple[tuple, int, str]] = []
        _inspect(node, (), source.split("\n"), first_line, problems, texts)
        lines = _key_lines(node, first_line) if isinstance(node, yaml.MappingNode) else {"": first_line + node.start_mark.line}
        data = loader.construct_document(node)
    except yaml.YAMLError as e:
        raise _yaml_error(e, first_line, what) from None
    except (ValueError, OverflowError, RecursionError):
        # A number with thousands of digits, or something nested past Python's limits.
        raise FrontMatterError(first_line, "a value is too large to read",
                               "write numbers as short numbers, or put text in quotes") from None
    finally:
        loader.dispose()
    return Parsed(data, lines, "", 0, problems, texts)


def _refuse_anchors_and_tags(source: str, first_line: int) -> None:
    """Scan the YAML events once, before anything is built from them."""
    loader = _FastLoader(source)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = first_line + event.start_mark.line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise FrontMatterError(
                    line, "YAML anchors and aliases (&name, *name) are not allowed",
                    "write each value out in full where it is needed")
            tag = getattr(event, "tag", None)
            if tag and not _implicit(event):
                raise FrontMatterError(
                    line, f"YAML tags ({tag}) are not allowed",
                    "remove the tag (the word starting with '!') and write the value as plain text")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise FrontMatterError(
                        line, f"the values are nested more than {MAX_DEPTH} levels deep",
                        "keep settings to simple keys, lists and one level of settings inside them")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass  # parse_yaml reports syntax errors in the pure-Python parser's words
    finally:
        loader.dispose()


def _implicit(event) -> bool:
    implicit = getattr(event, "implicit", True)
    return any(implicit) if isinstance(implicit, tuple) else bool(implicit)


def _inspect(node, path: tuple, source_lines: list[str], first_line: int,
             problems: list[Problem], texts: list) -> None:
    """Walk the composed node: note every text value, report values cut at '#', replace control characters."""
    if isinstance(node, yaml.ScalarNode):
        line = first_line + node.start_mark.line
        if node.tag in (INT, FLOAT) and len(node.value) > 40:
            raise FrontMatterError(line, "a value is too large to read",
                                   "write numbers as short numbers, or put text in quotes")
        if CONTROL.search(node.value):
            problems.append(Problem(
                line, f"'{_name(path)}' contains an invisible control character",
                "delete it: retype the text, or paste it as plain text", "plain-text"))
            node.value = CONTROL.sub("\ufffd", node.value)
        if not node.style and _cut_at_comment(node, source_lines):  # plain: None, or "" from libyaml
            problems.append(Problem(
                line, f"the value of '{_name(path)}' is cut at '#': YAML reads the rest of the line as a comment",
                "put the value in quotes, for example: summary: \"… #ExpOfCare\""))
        if node.tag == "tag:yaml.org,2002:str":
            texts.append((path, line, node.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _inspect(item, path + (i,), source_lines, first_line, problems, texts)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise FrontMatterError(first_line + key_node.start_mark.line, "a key is not a word",
                                       "write each key as a single word followed by ':', for example 'title:'")
            _inspect(key_node, path + ("(key)",), source_lines, first_line, problems, [])
            _inspect(value_node, path + (key_node.value,), source_lines, first_line, problems, texts)


def text_values(source: str, loader_class=None) -> list[tuple[tuple, int, str, bool]]:
    """Every text value in a YAML document: (path of keys, line, text, had a control character).

    For settings files read by other tools (mkdocs.yml, which may hold tags for MkDocs):
    composed, never constructed, so tags and the document's size do not matter here.
    """
    loader = (loader_class or _Loader)(source)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    out: list = []

    def walk(n, path):
        if isinstance(n, yaml.ScalarNode):
            out.append((path, 1 + n.start_mark.line, n.value, bool(CONTROL.search(n.value))))
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, path + (i,))
        elif isinstance(n, yaml.MappingNode):
            for key, value in n.value:
                walk(value, path + (getattr(key, "value", "?"),))

    if node is not None:
        walk(node, ())
    return out


def without_controls(value):
    """The same settings with control characters replaced by U+FFFD, at any depth."""
    if isinstance(value, str):
        return CONTROL.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_controls(v) for v in value]
    if isinstance(value, dict):
        return {k: without_controls(v) for k, v in value.items()}
    return value


def _cut_at_comment(node, source_lines: list[str]) -> bool:
    end = node.end_mark
    if end.line >= len(source_lines):
        return False
    return bool(CUT_AT_COMMENT.match(source_lines[end.line][end.column:]))


def _name(path: tuple) -> str:
    keys = [str(p) for p in path if not isinstance(p, int) and p != "(key)"]
    return ".".join(keys) or "a key"


def _yaml_error(e: yaml.YAMLError, first_line: int, what: str = "front matter") -> FrontMatterError:
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    line = first_line + (mark.line if mark else 0)
    problem = getattr(e, "problem", None) or str(e)
    return FrontMatterError(line, f"the {what} is not valid YAML ({problem})", FIX_YAML)


def _key_lines(node: yaml.MappingNode, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = key_node.value
        line = first_line + key_node.start_mark.line
        if key in lines:
            raise FrontMatterError(line, f"the key '{key}' appears twice (first on line {lines[key]})",
                                   f"keep one '{key}:' line and delete the other")
        lines[key] = line
    return lines


def parse_date(value) -> dt.date | None:
    """A real calendar date written as YYYY-MM-DD, or None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()) if len(value.strip()) == 10 else None
    except ValueError:
        return None
