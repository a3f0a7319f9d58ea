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
