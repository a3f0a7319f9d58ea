"""Copy NHS.UK frontend's compiled CSS, JavaScript and images into the built site.

The files come from the nhsuk-frontend npm package (pinned in package.json and
package-lock.json, installed by setup.sh with `npm ci`); they are never committed.
Two changes are made on the way, because the hub must work with no internet and
from any folder:
- the @font-face rules that load Frutiger from assets.nhs.uk are removed, so
  pages use the fallback system font (Arial) and nothing loads from a CDN;
- url(/assets/images/…) becomes a path relative to the stylesheet, so the
  site works under a sub-folder (GitHub Pages) and opened from disk.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "node_modules" / "nhsuk-frontend"
DIST = PACKAGE / "dist" / "nhsuk"
TARGET = "assets/nhsuk"
CSS = "nhsuk-frontend.min.css"
JS = "nhsuk-frontend.min.js"

FONT_FACE = re.compile(r"@font-face\s*{[^}]*}")
ROOT_ASSET_URL = re.compile(r"url\((['\"]?)/assets/")
SOURCE_MAP = re.compile(r"/[/*]# sourceMappingURL=[^\n]*")


class MissingAssets(Exception):
    pass


def version() -> str:
    if not (PACKAGE / "package.json").exists():
        raise MissingAssets(
            "the NHS.UK frontend package is not installed (node_modules/nhsuk-frontend is missing)")
    return json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]


def offline_css(css: str) -> str:
    """The stylesheet without remote fonts, with image URLs relative to it, and no source map link."""
    css = FONT_FACE.sub(lambda m: "" if "http" in m.group(0) else m.group(0), css)
    css = ROOT_ASSET_URL.sub(lambda m: f"url({m.group(1)}", css)
    return SOURCE_MAP.sub("", css)


def copy_into(out_dir: Path) -> Path:
    """Write assets/nhsuk/ (stylesheet, script, images, manifest) into out_dir and return it."""
    version()
    target = Path(out_dir) / TARGET
    target.mkdir(parents=True, exist_ok=True)
    (target / CSS).write_text(offline_css((DIST / CSS).read_text(encoding="utf-8")), encoding="utf-8")
    (target / JS).write_text(SOURCE_MAP.sub("", (DIST / JS).read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(DIST / "assets" / "images", target / "images", dirs_exist_ok=True)
    shutil.copy2(DIST / "assets" / "manifest.json", target / "manifest.json")
    return target
