"""Read search/synonyms.yml: synonym groups and American -> British spellings.

Contributors edit that file, so every problem is reported with the file, the
line and how to fix it, all at once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hub.findings import ERROR, Finding, relpath

DATA_FILE = Path(__file__).resolve().parent / "synonyms.yml"


class VocabularyError(Exception):
    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("\n".join(f.format() for f in findings))


@dataclass
class Vocabulary:
    synonyms: list[list[str]] = field(default_factory=list)
    spellings: dict[str, str] = field(default_factory=dict)


def _line(node) -> int:
    return node.start_mark.line + 1


def load(path: Path | None = None) -> Vocabulary:
    """Parse and validate the data file; raise VocabularyError listing every problem."""
    path = Path(path or DATA_FILE)
    shown = relpath(path, DATA_FILE.parent.parent)
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as e:
        line = getattr(getattr(e, "problem_mark", None), "line", 0) + 1
        raise VocabularyError([Finding(shown, line, f"this is not valid YAML ({getattr(e, 'problem', e)})",
                                       "check the indentation and that each group is written like [word, other word]",
                                       ERROR, "search-vocabulary")]) from None
    problems: list[Finding] = []
    vocab = Vocabulary()

    def problem(node, message, fix):
        problems.append(Finding(shown, _line(node), message, fix, ERROR, "search-vocabulary"))

    if not isinstance(root, yaml.MappingNode):
        raise VocabularyError([Finding(shown, 1, "the file must have 'synonyms:' and 'spellings:' sections",
                                       "start the file with 'synonyms:' followed by a list of groups", ERROR,
                                       "search-vocabulary")])
    for key_node, value_node in root.value:
        key = key_node.value
        if key == "synonyms":
            if not isinstance(value_node, yaml.SequenceNode):
                problem(value_node, "'synonyms' must be a list of groups", "write each group on its own line as '- [word, other word]'")
                continue
            for group in value_node.value:
                words = [n.value.strip() for n in getattr(group, "value", []) if isinstance(n, yaml.ScalarNode)]
                if not isinstance(group, yaml.SequenceNode) or len(words) != len(group.value) or len(words) < 2:
                    problem(group, "a synonym group must list at least two words or phrases",
                            "write the group as '- [word, other word]'")
                elif any(not w for w in words):
                    problem(group, "a synonym group has an empty entry", "remove the extra comma")
                else:
                    vocab.synonyms.append(words)
        elif key == "spellings":
            if not isinstance(value_node, yaml.MappingNode):
                problem(value_node, "'spellings' must map American spellings to British ones",
                        "write each on its own line as 'color: colour'")
                continue
            for k, v in value_node.value:
                american, british = str(k.value).strip().lower(), str(v.value).strip().lower()
                if not isinstance(v, yaml.ScalarNode) or not american.isalpha() or not british.isalpha():
                    problem(k, f"the spelling '{k.value}' must map one word to one word",
                            "write it as 'color: colour'")
                elif american == british:
                    problem(k, f"'{american}' is mapped to itself", "remove the line")
                elif american in vocab.spellings:
                    problem(k, f"'{american}' is listed twice", "keep one of the lines")
                else:
                    vocab.spellings[american] = british
        else:
            problem(key_node, f"unknown section '{key}'", "use only 'synonyms:' and 'spellings:'")
    if problems:
        raise VocabularyError(problems)
    return vocab
