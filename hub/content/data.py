"""Data files in content/_data/: YAML read with the same limits as front matter.

Data files come from pull requests like pages do, so they are parsed by
frontmatter.parse_yaml (no anchors or aliases, a size limit, values cut at '#'
and control characters reported) and every problem names the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .frontmatter import FrontMatterError, Parsed, Problem, check_size, decode, parse_yaml

FOLDER = "_data"
SUFFIXES = (".yml", ".yaml")


@dataclass
class DataFile:
    path: Path
    parsed: Parsed | None
    problems: list[Problem]

    @property
    def data(self):
        return self.parsed.data if self.parsed else None


def data_files(content_root: Path) -> list[Path]:
    from .model import all_files

    folder = Path(content_root) / FOLDER
    return [p for p in all_files(Path(content_root)) if p.is_relative_to(folder) and not p.is_symlink()
            and p.suffix in SUFFIXES]


def load(path: Path) -> DataFile:
    try:
        check_size(path.stat().st_size, "data file")
        parsed = parse_yaml(decode(path.read_bytes()), first_line=1, what="data file")
    except FrontMatterError as e:
        return DataFile(path, None, [Problem(e.line, e.message, e.fix)])
    return DataFile(path, parsed, list(parsed.problems))
