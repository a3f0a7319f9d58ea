"""Site configuration, read from mkdocs.yml for every engine.

mkdocs.yml is the one place for the site's name, URL, navigation and the hub's
own settings (under `extra.hub`), so the Pelican engine reads it too.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hub.findings import ERROR, Finding

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ConfigProblem:
    """One wrong setting in mkdocs.yml: the full key (extra.hub.publisher.name), what is wrong and the fix."""
    key: str
    message: str
    fix: str


class ConfigError(ValueError):
    """Every problem found in one block of mkdocs.yml settings, reported together."""

    def __init__(self, path: str, problems: list[ConfigProblem]):
        self.path, self.problems = path, list(problems)
        super().__init__("\n".join(f"{path}: {p.key} {p.message} — fix: {p.fix}" for p in self.problems))

    def findings(self) -> list[Finding]:
        return [Finding(self.path, 0, f"{p.key} {p.message}", p.fix, ERROR, "config") for p in self.problems]


@dataclass(frozen=True)
class Publisher:
    """Who publishes the site (extra.hub.publisher), named in structured data and the footer."""
    name: str
    url: str
    # The NHS identity guidelines let only NHS organisations use the NHS logo; templates
    # show it only when this is true.
    nhs_organisation: bool


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name and !ENV tags meant for MkDocs; keep them as text."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass
class HubConfig:
    path: Path
    raw: dict = field(repr=False)
    # Set for `build --offline`: pages are name.html files, so checks look for them there.
    offline: bool = False

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def site_name(self) -> str:
        return self.raw.get("site_name", "")

    @property
    def site_url(self) -> str:
        url = self.raw.get("site_url") or ""
        return url if url.endswith("/") or not url else url + "/"

    @property
    def site_description(self) -> str:
        return self.raw.get("site_description", "")

    @property
    def content_dir(self) -> Path:
        return self.root / self.raw.get("docs_dir", "content")

    @property
    def nav(self) -> list:
        return self.raw.get("nav") or []

    @property
    def hub(self) -> dict:
        """The hub's own settings: extra.hub in mkdocs.yml."""
        return (self.raw.get("extra") or {}).get("hub") or {}

    @property
    def publisher(self) -> Publisher:
        """extra.hub.publisher, checked; raises ConfigError listing every problem."""
        key = "extra.hub.publisher"
        block = self.hub.get("publisher")
        if not isinstance(block, dict):
            raise ConfigError(self.path.name, [ConfigProblem(
                key, "is missing" if block is None else "must be a set of keys",
                "add publisher: {name: …, url: https://…, nhs_organisation: false} under extra.hub")])
        problems = list(unknown_keys(key, block, ("name", "url", "nhs_organisation")))
        name, url, nhs = block.get("name"), block.get("url"), block.get("nhs_organisation")
        if not isinstance(name, str) or not name.strip():
            problems.append(ConfigProblem(f"{key}.name", "is missing",
                                          "give the name of the person or organisation that publishes the site"))
        if not isinstance(url, str) or not HTTPS_URL.fullmatch(url):
            problems.append(ConfigProblem(f"{key}.url", f"is {url!r}, which is not a web address",
                                          "give the publisher's web address, starting https://"))
        if not isinstance(nhs, bool):
            problems.append(ConfigProblem(
                f"{key}.nhs_organisation", f"is {nhs!r}",
                "write true only if the publisher is an NHS organisation (only they may use the NHS logo), "
                "otherwise false"))
        if problems:
            raise ConfigError(self.path.name, problems)
        return Publisher(name.strip(), url, nhs)


# A web address with nothing a template or URL could misread: https, a host, then printable characters.
HTTPS_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[^\s<>\"'`\\]*)?")


def unknown_keys(key: str, block: dict, known: tuple[str, ...]):
    for k in block:
        if k in known:
            continue
        guess = difflib.get_close_matches(str(k), known, n=1, cutoff=0.6)
        fix = f"did you mean '{guess[0]}'?" if guess else f"use only: {', '.join(known)}"
        yield ConfigProblem(f"{key}.{k}", "is not a setting", fix)


def load(path: Path | str | None = None) -> HubConfig:
    """mkdocs.yml as settings, with any control character in a value replaced (check reports it)."""
    from hub.content.frontmatter import without_controls

    path = Path(path) if path else ROOT / "mkdocs.yml"
    with open(path, encoding="utf-8") as f:
        raw = yaml.load(f, Loader=_TolerantLoader) or {}
    return HubConfig(path.resolve(), without_controls(raw))


def text_values(path: Path) -> list[tuple[tuple, int, str, bool]]:
    """Every text value in mkdocs.yml with its line, for the plain-text check."""
    from hub.content.frontmatter import text_values as values

    return values(Path(path).read_text(encoding="utf-8"), _TolerantLoader)


def write_copy(content_dir: Path | str, dest: Path | str, edit=None) -> Path:
    """Save mkdocs.yml as `dest`, changed to build `content_dir` with this project's theme and hooks.

    For tests and benchmarks that build other content. Paths in mkdocs.yml are
    relative to the file, so the copy makes them absolute. `edit(settings)` may
    change the settings before they are written.
    """
    raw = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    raw["docs_dir"] = str(Path(content_dir).resolve())
    theme = raw.get("theme") or {}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    raw["hooks"] = [str(ROOT / hook) for hook in raw.get("hooks") or []]
    if edit:
        edit(raw)
    dest = Path(dest)
    dest.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest
