"""Site configuration, read from mkdocs.yml for every engine.

mkdocs.yml is the one place for the site's name, URL, navigation and the hub's
own settings (under `extra.hub`), so the Pelican engine reads it too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


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


def load(path: Path | str | None = None) -> HubConfig:
    path = Path(path) if path else ROOT / "mkdocs.yml"
    with open(path, encoding="utf-8") as f:
        raw = yaml.load(f, Loader=_TolerantLoader) or {}
    return HubConfig(path.resolve(), raw)


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
