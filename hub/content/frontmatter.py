"""Split a Markdown file into YAML front matter and body, keeping line numbers.

PyYAML's composer gives every node a start mark, so each key and value can be
traced back to the line a contributor must edit. Errors are raised as
FrontMatterError carrying the file line, never as raw PyYAML tracebacks.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


@dataclass
class Parsed:
    data: dict
    lines: dict[str, int]  # key -> file line of its value
    body: str
    body_start: int  # file line where the body starts


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


def decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise FrontMatterError(
            line, f"the file is not UTF-8 text (byte 0x{raw[e.start]:02x} cannot be read)",
            "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)") from None
    return text.replace("\r\n", "\n")


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
    data, key_lines = _parse(source, first_line=2)
    return Parsed(data, key_lines, "\n".join(lines[end + 1:]), end + 2)


def _parse(source: str, first_line: int) -> tuple[dict, dict[str, int]]:
    # Parse once: the composed node gives each key's line, and the data is built from that node.
    loader = _FastLoader(source)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError:
            # Report (or accept) exactly what the pure-Python parser does, in its words.
            loader.dispose()
            loader = _Loader(source)
            node = loader.get_single_node()
        if node is not None and isinstance(node, yaml.MappingNode):
            lines = _key_lines(node, first_line)
            return loader.construct_document(node), lines
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(e, "problem", None) or str(e)
        raise FrontMatterError(
            line, f"the front matter is not valid YAML ({problem})",
            "check this line: put 'key: value' on each line, indent lists with '- ', and wrap text containing ': ' or '#' in quotes") from None
    finally:
        loader.dispose()
    if node is None:
        raise FrontMatterError(first_line - 1, "the front matter is empty",
                               "add the page's keys (title, summary, type, audience, topics, last_reviewed, next_review)")
    raise FrontMatterError(
        first_line + node.start_mark.line, "the front matter is not a list of 'key: value' pairs",
        "write each setting on its own line as 'key: value', for example 'title: Using feedback'")


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
