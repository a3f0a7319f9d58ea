"""Alt text and image files: every image says what it shows, unless it is marked decorative.

An image is decorative (adds nothing a reader needs) only when marked so on purpose:
  Markdown:  ![](images/divider.png){ .decorative }
  HTML:      <img src="images/divider.png" alt="" role="presentation">
Anything else needs alt text that does the image's job for someone who cannot see it.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hub.checks.pages import finding

CHECK = "alt-text"
PLACEHOLDERS = {"image", "photo", "picture", "logo", "graphic", "icon", "img", "pic", "photograph", "alt", "alt text"}
REDUNDANT_START = re.compile(r"^\s*(?:an?\s+)?(image|picture|photo|photograph|graphic)\s+of\b", re.I)
FILE_NAME = re.compile(r"^\S+\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|ico)$", re.I)
GOOD_ALT = ("write what the image tells the reader, in a few words, as you would describe it on the phone "
            "(for example 'A nurse talking with a patient at the bedside')")


def run(site, config) -> list:
    out = []
    for page in site.pages:
        for image in page.markdown.links:
            if image.kind == "image":
                out += [finding(page, config, image.line, msg, fix, CHECK) for msg, fix in problems(image, page, config)]
    return out


def is_decorative(image) -> bool:
    classes = str(image.attrs.get("class", "")).split()
    return "decorative" in classes or str(image.attrs.get("role", "")).lower() in ("presentation", "none")


def problems(image, page, config):
    """Yield (message, fix) for one image."""
    alt = image.text or ""
    shown = image.target or "(no address)"
    if is_decorative(image):
        if alt.strip():
            yield (f"the image {shown} is marked decorative but has alt text '{alt}'",
                   "remove the alt text if the image adds nothing, or remove the decorative mark if it does")
    elif not image.has_alt:
        yield (f"the image {shown} has no alt attribute",
               f"add alt=\"…\": {GOOD_ALT}; or, if it is only decoration, add alt=\"\" role=\"presentation\"")
    elif not alt.strip():
        yield (f"the image {shown} has no alt text",
               f"{GOOD_ALT}; or, if it is only decoration, mark it: ![](…){{ .decorative }}")
    else:
        yield from _alt_quality(alt, image.target, config)
    yield from _file_problems(image, page)


def _alt_quality(alt: str, target: str, config):
    text = alt.strip()
    stem = Path(urlsplit(target).path).stem.lower()
    limit = config.checks.alt_text_max
    if FILE_NAME.match(text) or (stem and text.lower() in (stem, Path(urlsplit(target).path).name.lower())):
        yield (f"the alt text '{text}' is a file name, which tells a screen reader user nothing", GOOD_ALT)
    elif text.lower().strip(" .!") in PLACEHOLDERS:
        yield (f"the alt text '{text}' only says what kind of thing it is",
               f"{GOOD_ALT}; for a logo, give the organisation's name")
    elif REDUNDANT_START.match(text):
        yield (f"the alt text starts with '{REDUNDANT_START.match(text).group(0).strip()}', "
               "which screen readers already say",
               "start with what the image shows: a screen reader already announces it as an image")
    elif len(text) > limit:
        yield (f"the alt text is {len(text)} characters long (over {limit})",
               "keep alt text to the one thing the image tells the reader, and put longer detail "
               "in the page text or a caption")


def _file_problems(image, page):
    target = image.target.strip()
    parts = urlsplit(target)
    if parts.scheme in ("javascript", "data", "vbscript"):
        return  # the unsafe HTML check reports these
    if parts.scheme or target.startswith("//"):
        yield (f"the image {target} is loaded from another website",
               "save the image in the content folder and link to it there, so the site works offline "
               "and visitors are not tracked")
        return
    if not parts.path:
        yield ("the image has no file address", "add the path to the image file, for example images/chart.png")
        return
    if not inside_content(page, resolve(page, parts.path)):
        yield (f"the image {parts.path} is outside the content folder, so it cannot be published",
               "save the image inside content/ (for example beside the page) and link to it there")
        return
    if not resolve(page, parts.path).is_file():
        yield (f"the image file {parts.path} does not exist",
               f"check the spelling; paths are relative to {page.src_path}, for example ../images/chart.png")


def content_root(page) -> Path:
    return page.source.parents[page.src_path.count("/")]


def resolve(page, path: str) -> Path:
    """A path written in a page, as a file: relative to the page's folder, or to content/ if it starts with /."""
    path = unquote(path)
    if path.startswith("/"):
        return (content_root(page) / path.lstrip("/")).resolve()
    return (page.source.parent / path).resolve()


def inside_content(page, file: Path) -> bool:
    """Only files inside content/ are published: a path that climbs out of it (../../..) leads nowhere on the site."""
    return file.is_relative_to(content_root(page).resolve())
